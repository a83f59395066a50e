//! Building blocks shared by several screens (each gated to the bundle that uses it).

pub mod app_status;
#[cfg(feature = "scanner")]
pub mod camera_media;
#[cfg(feature = "scanner")]
pub mod camera_reader;
#[cfg(feature = "scanner")]
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
pub mod layout;
#[cfg(feature = "scanner")]
pub mod photo_reader;
#[cfg(feature = "resident")]
pub mod practice_link;
#[cfg(feature = "team")]
pub mod qr_svg;
#[cfg(feature = "resident")]
pub mod read_aloud;
#[cfg(any(feature = "resident", feature = "team"))]
pub mod save_offline;
#[cfg(feature = "scanner")]
pub mod scan_worker;
#[cfg(feature = "resident")]
pub mod stale_notice;
#[cfg(feature = "team")]
pub mod tally;
#[cfg(feature = "scanner")]
pub mod text_input_reader;
