//! End-to-end tests in headless Chromium. Run them with `cargo xtask test`.

mod cccd;
mod guides;
mod poster;
mod pwa;
mod scan;
mod shell;
mod trust;
