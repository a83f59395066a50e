//! Installs what the build and the tests need, only when it is missing.
//!
//! Everything comes from the registries this project may use: the wasm target
//! through rustup, wasm-bindgen-cli and wasm-pack through `cargo install
//! --locked` (wasm-bindgen-cli pinned to the exact version in Cargo.lock, as
//! the two must match), wasm-opt and test tools through `npm ci` (pinned in
//! web/package-lock.json), Chromium and chromedriver from Debian; for the
//! other engines and the hosting check, geckodriver through `cargo install
//! --locked` (pinned) and Firefox ESR, WebKitGTK's WebDriver, Xvfb and nginx
//! from Debian.

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::Result;
use crate::run::{output, root, run};

/// wasm-pack is a build tool, not a library: pin it here.
const WASM_PACK_VERSION: &str = "0.15.1";
/// geckodriver drives Debian's Firefox ESR; pinned like wasm-pack.
const GECKODRIVER_VERSION: &str = "0.37.1";

#[derive(Clone, Copy)]
pub struct Need {
    pub wasm: bool,
    pub npm: bool,
    pub browser: bool,
    /// Firefox, WebKit and nginx for the engine-neutral journeys and the hosting check.
    pub engines: bool,
}

impl Need {
    pub fn build() -> Need {
        Need {
            wasm: true,
            npm: true,
            browser: false,
            engines: false,
        }
    }

    pub fn everything() -> Need {
        Need {
            wasm: true,
            npm: true,
            browser: true,
            engines: true,
        }
    }
}

pub fn ensure_all(need: Need) -> Result {
    if need.wasm {
        ensure_wasm_target()?;
        let bindgen = wasm_bindgen_version()?;
        ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen)?;
        ensure_cargo_tool("wasm-pack", "wasm-pack", WASM_PACK_VERSION)?;
    }
    if need.npm {
        ensure_npm_packages()?;
    }
    if need.browser {
        ensure_debian(&[(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")])?;
    }
    if need.engines {
        ensure_debian(&[
            (FIREFOX, "firefox-esr"),
            (WEBKIT_DRIVER, "webkit2gtk-driver"),
            (XVFB, "xvfb"),
            (NGINX, "nginx"),
            (NGINX_BROTLI, "libnginx-mod-http-brotli-static"),
        ])?;
        ensure_cargo_tool("geckodriver", "geckodriver", GECKODRIVER_VERSION)?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is needed to add the wasm32-unknown-unknown target")?;
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version the app is locked to; the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|next| next.trim().strip_prefix("version = \""))
                .and_then(|rest| rest.strip_suffix('"'))
        {
            return Ok(version.to_string());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn ensure_cargo_tool(binary: &str, krate: &str, version: &str) -> Result {
    let current = output(Command::new(binary).arg("--version")).unwrap_or_default();
    if current.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    run(Command::new("cargo").args(["install", "--locked", krate, "--version", version]))
}

/// `npm ci` into web/node_modules, redone only when package-lock.json changes.
fn ensure_npm_packages() -> Result {
    let web = root().join("web");
    let lock = std::fs::read(web.join("package-lock.json"))
        .map_err(|error| format!("cannot read web/package-lock.json: {error}"))?;
    let stamp_path = web.join("node_modules").join(".sotay-lock-hash");
    let wanted = hex(&Sha256::digest(&lock));
    if std::fs::read_to_string(&stamp_path).ok().as_deref() == Some(wanted.as_str())
        && wasm_opt_path().exists()
    {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&web))?;
    std::fs::write(&stamp_path, wanted)
        .map_err(|error| format!("cannot write {}: {error}", stamp_path.display()))
}

/// Where `cargo install` puts `binary` (`$CARGO_HOME/bin`).
pub fn cargo_bin(binary: &str) -> std::path::PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
        .join(binary)
}

pub fn wasm_opt_path() -> std::path::PathBuf {
    root().join("web/node_modules/.bin/wasm-opt")
}

pub fn node_module(relative: &str) -> std::path::PathBuf {
    root().join("web/node_modules").join(relative)
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
/// The browser WebKitWebDriver starts (shipped with WebKitGTK).
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
pub const XVFB: &str = "/usr/bin/Xvfb";
pub const NGINX: &str = "/usr/sbin/nginx";
/// nginx's `brotli_static` module; the generated configuration loads it when present.
pub const NGINX_BROTLI: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// `apt-get install` of the packages whose file is missing (after one `apt-get
/// update`); nothing at all when every file is there.
fn ensure_debian(files_and_packages: &[(&str, &str)]) -> Result {
    let missing: Vec<&str> = files_and_packages
        .iter()
        .filter(|(file, _)| !Path::new(file).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let as_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update", "-q"]))?;
    run(apt(&["install", "-y", "-q"]).args(&missing))?;
    // The downloaded .deb files (hundreds of MB) are not needed once installed.
    run(&mut apt(&["clean"]))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
