//! Building blocks shared by several screens.

pub mod app_status;
pub mod camera_reader;
pub mod card_result;
pub mod commune_help;
pub mod guide_list;
pub mod guide_step;
pub mod handoff;
pub mod layout;
pub mod photo_reader;
pub mod qr_svg;
pub mod scan_worker;
pub mod tally;
pub mod text_input_reader;
