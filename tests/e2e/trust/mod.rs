//! Trust: accessibility on every page and main state, the privacy proof for a
//! card read on the phone, the privacy page, and the browser's answers to bad
//! input (URL parameters, files) — a file each. Every person here is made up.

pub mod accessibility;
mod bad_input;
mod card_privacy;
mod privacy_page;

/// A chip CCCD of a made-up woman born 07/06/1988, registered in Thanh Hóa (038).
const CARD: &str =
    "038188007777||Trần Thị Riêng Tư|07061988|Nữ|Thôn Bí Mật, xã Kín Đáo, Thanh Hóa|12052022";
/// Her name, as the result screen shows it.
const NAME: &str = "Trần Thị Riêng Tư";
