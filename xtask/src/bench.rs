//! `cargo xtask bench …`: numbers and ratios, never pass/fail.
//!
//! Both benchmarks run in headless Chromium on the release build, through the
//! e2e harness (`tests/bench/`), and print a table.

use crate::Result;
use crate::dist::{DistArgs, dist};
use crate::run::{WORKSPACE, cargo, run, target_dir, workspace_bin};
use crate::tools::{self, CHROMEDRIVER, CHROMIUM, Need};

#[derive(clap::Subcommand, Clone, Copy)]
pub enum Bench {
    /// First visit over emulated Fast 3G with 4× CPU slowdown, and offline reload.
    Load,
    /// QR decoding: our WASM decoder against jsQR and zxing-wasm in Chromium, plus native timing.
    Scan,
}

pub fn bench(what: Bench) -> Result {
    tools::ensure_all(Need {
        engines: false,
        ..Need::everything()
    })?;
    let site = dist(&DistArgs {
        base_url: "http://127.0.0.1:8080/".into(),
        out: target_dir().join("bench-dist"),
        label: "bench".into(),
        communes: None,
        deployer: None,
        test_capture: false,
    })?;
    let sotay = workspace_bin("sotay")?;
    let filter = match what {
        Bench::Load => "load",
        Bench::Scan => "scan",
    };
    run(cargo()
        .arg("test")
        .args(WORKSPACE)
        .args(["--test", "bench", "--"])
        .args(["--ignored", "--nocapture", "--test-threads=1", filter])
        .env("SOTAY_E2E_DIST", &site)
        .env("SOTAY_E2E_DIST_B", &site)
        .env("SOTAY_E2E_SOTAY", &sotay)
        .env("SOTAY_E2E_CHROMIUM", CHROMIUM)
        .env("SOTAY_E2E_CHROMEDRIVER", CHROMEDRIVER)
        .env("SOTAY_E2E_AXE", tools::node_module("axe-core/axe.min.js"))
        .env("SOTAY_E2E_NODE_MODULES", tools::node_module("")))
}
