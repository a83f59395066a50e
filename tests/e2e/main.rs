//! End-to-end tests in headless Chromium. Run them with `cargo xtask test`.

mod cccd;
mod content;
mod guides;
mod poster;
mod practice;
mod pwa;
mod scan;
mod scanner;
mod shell;
mod trust;
mod trust_links;
