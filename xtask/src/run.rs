//! Running commands, with their command line echoed and failures turned into messages.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;

/// The repository root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root());
    command
}

/// The native dev builds (tests, tools, the pre-renderer) all select the whole workspace
/// with every feature, so Cargo resolves each dependency's features once and builds it
/// once: a `-p one-crate` build would resolve another feature set and compile (and store)
/// a second copy of tokio, syn, image…, which cost CI minutes and gigabytes.
pub const WORKSPACE: [&str; 2] = ["--workspace", "--all-features"];

/// Builds one binary of the workspace (dev profile, the shared feature set) and returns its path.
pub fn workspace_bin(name: &str) -> Result<PathBuf> {
    run(cargo()
        .args(["build", "--quiet"])
        .args(WORKSPACE)
        .args(["--bin", name]))?;
    Ok(target_dir().join("debug").join(name))
}

/// Runs a command to completion, echoing it; a non-zero exit is an error.
pub fn run(command: &mut Command) -> Result {
    eprintln!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its standard output, or None when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Builds `sotay` (quick native profile) and runs `sotay serve` in the foreground.
pub fn serve_foreground(dist: &Path, addr: &str) -> Result {
    run(Command::new(workspace_bin("sotay")?)
        .arg("serve")
        .arg(dist)
        .args(["--addr", addr]))
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
