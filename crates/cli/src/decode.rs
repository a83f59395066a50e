//! `sotay decode` (being written by its owner; see the issue).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("sotay decode: chưa có");
    ExitCode::FAILURE
}
