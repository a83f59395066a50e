//! `cargo xtask test`: the project's one test command, and `cargo xtask fuzz`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::Result;
use crate::dist::{DistArgs, dist};
use crate::run::{WORKSPACE, cargo, root, run, target_dir, workspace_bin};
use crate::tools::{
    self, CHROMEDRIVER, CHROMIUM, FIREFOX, MINIBROWSER, NGINX, NGINX_BROTLI, Need, WEBKIT_DRIVER,
    XVFB,
};

#[derive(clap::Args)]
pub struct TestArgs {
    /// Skip the end-to-end suite in Chromium (quicker while working on pure crates).
    #[arg(long)]
    no_e2e: bool,
    /// Run only the e2e tests whose name contains this (repeat for several; quicker while
    /// working on one screen).
    #[arg(long)]
    e2e_filter: Vec<String>,
}

/// The deployer named on the e2e site's verified communes (`tests/fixtures/verified-communes.csv`).
pub const E2E_DEPLOYER: &str = "Sở Khoa học và Công nghệ tỉnh Thử Nghiệm";

pub fn test(args: &TestArgs) -> Result {
    tools::ensure_all(Need {
        browser: !args.no_e2e,
        engines: !args.no_e2e,
        ..Need::everything()
    })?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo()
        .arg("clippy")
        .args(WORKSPACE)
        .args(["--all-targets", "--", "-D", "warnings"]))?;
    // Each bundle alone, for the target `cargo xtask dist` builds it for: code only
    // another bundle uses is dead there, and must be gated to the bundles that use it.
    for bundle in sotay_routes::Bundle::ALL.map(sotay_routes::Bundle::name) {
        run(cargo().args([
            "clippy",
            "-p",
            "sotay-app",
            "--target",
            "wasm32-unknown-unknown",
            "--no-default-features",
            "--features",
            bundle,
            "--",
            "-D",
            "warnings",
        ]))?;
    }
    // The content report a commune editor reads (guides per language, services covered, sources,
    // review ages). It exits 1 on any content error, e.g. a service residents file without a
    // guide. The same build of `sotay` serves the e2e suite below.
    let sotay = workspace_bin("sotay")?;
    run(Command::new(&sotay)
        .args(["guides", "report"])
        .current_dir(root()))?;
    // Native tests of every crate, including guide content validation, the fuzz seed
    // corpora as regression tests and the pre-renderer's own checks (every page's bundle,
    // guide data blocks; feature `ssr`). The e2e tests are `#[ignore]`d here.
    run(cargo().arg("test").args(WORKSPACE))?;
    if args.no_e2e {
        return Ok(());
    }
    let site = dist(&DistArgs {
        base_url: "http://127.0.0.1:8080/".into(),
        out: target_dir().join("e2e-dist"),
        label: "e2e-a".into(),
        communes: Some(root().join("tests/fixtures/verified-communes.csv")),
        deployer: Some(E2E_DEPLOYER.into()),
        test_capture: true,
    })?;
    // A second build of the same code with another label: the update test
    // serves it after the first to watch the service worker move from A to B.
    // Only the post-WASM steps run again, so it takes seconds.
    let site_b = dist(&DistArgs {
        base_url: "http://127.0.0.1:8080/".into(),
        out: target_dir().join("e2e-dist-b"),
        label: "e2e-b".into(),
        communes: Some(root().join("tests/fixtures/verified-communes.csv")),
        deployer: Some(E2E_DEPLOYER.into()),
        test_capture: true,
    })?;
    let mut e2e = cargo();
    e2e.arg("test")
        .args(WORKSPACE)
        // Only the e2e suite: the browser benchmarks (`--test bench`) are ignored
        // tests too, and belong to `cargo xtask bench`.
        .args([
            "--test",
            "e2e",
            "--",
            "--include-ignored",
            "--test-threads=1",
        ])
        .args(args.e2e_filter.iter())
        .env("SOTAY_E2E_DIST", &site)
        .env("SOTAY_E2E_DIST_B", &site_b)
        .env("SOTAY_E2E_SOTAY", &sotay)
        .env("SOTAY_E2E_CHROMIUM", CHROMIUM)
        .env("SOTAY_E2E_CHROMEDRIVER", CHROMEDRIVER)
        .env("SOTAY_E2E_FIREFOX", FIREFOX)
        .env("SOTAY_E2E_GECKODRIVER", tools::cargo_bin("geckodriver"))
        .env("SOTAY_E2E_WEBKIT_DRIVER", WEBKIT_DRIVER)
        .env("SOTAY_E2E_MINIBROWSER", MINIBROWSER)
        .env("SOTAY_E2E_XVFB", XVFB)
        .env("SOTAY_E2E_NGINX", NGINX)
        .env("SOTAY_E2E_NGINX_BROTLI", NGINX_BROTLI)
        .env("SOTAY_E2E_AXE", tools::node_module("axe-core/axe.min.js"));
    run_counting_engines(&mut e2e)
}

/// Runs the e2e suite, passing its output through, then prints one line per
/// engine (`engine firefox: 9 passed, 0 failed`). Engine-neutral journeys end
/// in `::firefox` / `::webkit` (and `::chromium`); every other test is Chromium's.
fn run_counting_engines(command: &mut Command) -> Result {
    eprintln!("$ cargo test -p sotay-e2e --test e2e …");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start the e2e suite: {error}"))?;
    let mut counts = [("chromium", 0, 0), ("firefox", 0, 0), ("webkit", 0, 0)];
    for line in BufReader::new(child.stdout.take().ok_or("no e2e output")?).lines() {
        let line = line.map_err(|error| format!("reading the e2e output: {error}"))?;
        println!("{line}");
        if let Some((name, outcome)) = line
            .strip_prefix("test ")
            .and_then(|rest| rest.split_once(" ... "))
        {
            let engine = counts
                .iter()
                .position(|(engine, _, _)| name.ends_with(&format!("::{engine}")))
                .unwrap_or(0);
            match outcome.trim() {
                "ok" => counts[engine].1 += 1,
                "FAILED" => counts[engine].2 += 1,
                _ => {}
            }
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("waiting for the e2e suite: {error}"))?;
    for (engine, passed, failed) in counts {
        println!("engine {engine}: {passed} passed, {failed} failed");
    }
    if status.success() {
        Ok(())
    } else {
        Err(format!("the e2e suite failed ({status})"))
    }
}

/// Bounded fuzzing of every target in fuzz/ with cargo-fuzz on a nightly toolchain.
/// libFuzzer writes what it discovers into the first corpus folder, so that is a
/// scratch folder under target/; the seed corpus in the repo stays small and readable.
pub fn fuzz(seconds: u64) -> Result {
    let fuzz_dir = root().join("fuzz");
    let mut targets = std::fs::read_dir(fuzz_dir.join("fuzz_targets"))
        .map_err(|error| format!("no fuzz/fuzz_targets: {error}"))?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            entry
                .path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .collect::<Vec<_>>();
    targets.sort();
    if crate::run::output(Command::new("rustup").args(["run", "nightly", "rustc", "--version"]))
        .is_none()
    {
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if crate::run::output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        run(Command::new("cargo").args(["install", "--locked", "cargo-fuzz"]))?;
    }
    for target in targets {
        let scratch = target_dir().join("fuzz-corpus").join(&target);
        std::fs::create_dir_all(&scratch)
            .map_err(|error| format!("{}: {error}", scratch.display()))?;
        run(Command::new("cargo")
            .current_dir(&fuzz_dir)
            .args(["+nightly", "fuzz", "run", &target])
            .arg(&scratch)
            .arg(fuzz_dir.join("corpus").join(&target))
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-max_len=4096",
                "-print_final_stats=1",
            ]))?;
    }
    Ok(())
}
