//! Benchmarks in headless Chromium (numbers and ratios, never pass/fail).
//! Run them with `cargo xtask bench load` (or `scan`), which builds the site first.

mod load;
mod scan;
