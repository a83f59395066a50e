//! Building blocks shared by several screens.

pub mod layout;
