//! Building blocks shared by several screens.

pub mod card_result;
pub mod guide_list;
pub mod guide_step;
pub mod app_status;
pub mod layout;
pub mod text_input_reader;
pub mod commune_help;
pub mod handoff;
pub mod qr_svg;
pub mod tally;
