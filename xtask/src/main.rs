//! Developer automation for Sổ tay Công dân số: `cargo xtask <command>`.
//!
//! Every command installs what it is missing first (the wasm target,
//! wasm-bindgen-cli and wasm-pack from crates.io, wasm-opt and test tools from
//! the npm registry, Chromium from Debian), so a machine with only the Rust
//! toolchain can run the two commands in the README.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bench;
mod dist;
mod guide_qr;
mod icons;
mod run;
mod test;
mod tools;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Sổ tay Công dân số developer tasks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install every tool the build and the tests need (idempotent).
    Setup,
    /// Build the release site into dist/.
    Dist(dist::DistArgs),
    /// Build the release site and serve it (default http://127.0.0.1:8080).
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        #[command(flatten)]
        dist: dist::DistArgs,
    },
    /// Run every check: format, clippy, native tests, wasm build, end-to-end tests in Chromium.
    Test(test::TestArgs),
    /// Short, bounded fuzzing runs of every fuzz target (needs a nightly toolchain).
    Fuzz {
        /// Seconds per target.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
    /// Benchmarks that print numbers and ratios (never pass/fail).
    Bench {
        #[command(subcommand)]
        what: bench::Bench,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Setup => tools::ensure_all(tools::Need::everything()),
        Command::Dist(args) => {
            tools::ensure_all(tools::Need::build()).and_then(|()| dist::dist(&args).map(drop))
        }
        Command::Serve { addr, dist: args } => tools::ensure_all(tools::Need::build())
            .and_then(|()| dist::dist(&args))
            .and_then(|out| run::serve_foreground(&out, &addr)),
        Command::Test(args) => test::test(&args),
        Command::Fuzz { seconds } => test::fuzz(seconds),
        Command::Bench { what } => bench::bench(what),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The error type of every task: a message for the developer.
pub type Result<T = ()> = std::result::Result<T, String>;
