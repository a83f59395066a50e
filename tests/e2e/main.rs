//! End-to-end tests in headless Chromium. Run them with `cargo xtask test`.

mod cccd;
mod guides;
mod pwa;
mod shell;
mod poster;
