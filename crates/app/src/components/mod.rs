//! Building blocks shared by several screens.

pub mod card_result;
pub mod guide_list;
pub mod guide_step;
pub mod layout;
pub mod text_input_reader;
