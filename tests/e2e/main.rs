//! End-to-end tests in headless Chromium. Run them with `cargo xtask test`.

mod shell;
