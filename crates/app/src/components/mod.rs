//! Building blocks shared by several screens (each gated to the bundle that uses it).

pub mod app_status;
#[cfg(feature = "tools")]
pub mod camera_reader;
#[cfg(feature = "tools")]
pub mod card_result;
pub mod commune_help;
#[cfg(feature = "resident")]
pub mod guide_list;
#[cfg(feature = "resident")]
pub mod guide_step;
pub mod layout;
#[cfg(feature = "tools")]
pub mod photo_reader;
#[cfg(feature = "tools")]
pub mod qr_svg;
#[cfg(feature = "tools")]
pub mod scan_worker;
#[cfg(feature = "tools")]
pub mod tally;
#[cfg(feature = "tools")]
pub mod text_input_reader;
