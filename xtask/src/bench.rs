//! `cargo xtask bench …`: numbers and ratios, never pass/fail.

use crate::Result;

#[derive(clap::Subcommand, Clone, Copy)]
pub enum Bench {
    /// First visit over emulated Fast 3G with 4× CPU slowdown, and offline reload.
    Load,
    /// QR decoding: our WASM decoder against jsQR and zxing-wasm in Chromium, plus native timing.
    Scan,
}

pub fn bench(what: Bench) -> Result {
    match what {
        Bench::Load | Bench::Scan => Err("benchmark not built yet".into()),
    }
}
