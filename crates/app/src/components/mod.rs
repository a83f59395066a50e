//! Building blocks shared by several screens (each gated to the bundle that uses it).

pub mod app_status;
#[cfg(any(feature = "scanner", feature = "team"))]
pub mod camera_media;
#[cfg(any(feature = "scanner", feature = "team"))]
pub mod camera_reader;
#[cfg(any(feature = "scanner", feature = "team"))]
pub mod camera_view;
#[cfg(feature = "scanner")]
pub mod card_result;
#[cfg(any(feature = "resident", feature = "team"))]
pub mod commune_help;
#[cfg(feature = "resident")]
pub mod guide_list;
#[cfg(feature = "resident")]
pub mod guide_step;
#[cfg(feature = "team")]
pub mod hall_choice;
#[cfg(feature = "resident")]
pub mod handout;
#[cfg(any(feature = "resident", feature = "team"))]
pub mod help_points;
#[cfg(feature = "resident")]
pub mod helper_mode;
pub mod layout;
#[cfg(any(feature = "scanner", feature = "team"))]
pub mod photo_reader;
#[cfg(feature = "resident")]
pub mod practice_link;
#[cfg(any(feature = "team", feature = "resident"))]
pub mod qr_svg;
#[cfg(feature = "resident")]
pub mod read_aloud;
#[cfg(any(feature = "resident", feature = "team"))]
pub mod save_offline;
#[cfg(any(feature = "scanner", feature = "team"))]
pub mod scan_worker;
#[cfg(feature = "resident")]
pub mod stale_notice;
#[cfg(feature = "team")]
pub mod tally;
#[cfg(feature = "team")]
pub mod tally_outreach;
#[cfg(feature = "team")]
pub mod tally_report;
#[cfg(feature = "team")]
pub mod tally_share;
#[cfg(any(feature = "team", feature = "resident"))]
pub mod tally_store;
#[cfg(feature = "scanner")]
pub mod text_input_reader;
