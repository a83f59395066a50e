//! `cargo xtask dist`: the static site in dist/.
//!
//! 1. wasm-pack builds the app (release profile, tuned for size), using the
//!    wasm-bindgen on PATH and never downloading anything (`--mode no-install`).
//! 2. wasm-opt -Oz from the pinned npm `binaryen` shrinks the module.
//! 3. Every asset gets its content hash in its name (cached for a year).
//! 4. The app's own components render every page to static HTML (Yew SSR,
//!    `sotay-prerender`), so text shows before the WASM and without JavaScript.
//! 5. Icons, the web app manifest, the service worker with its precache list,
//!    and brotli / gzip copies of every text file.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};
use sotay_routes::{Bundle, PAGE_DATA_ID, Page, Prerendered, Route};
use sotay_text::{Lang, ui};

use crate::Result;
use crate::run::{root, run, target_dir, workspace_bin};
use crate::tools::{hex, wasm_opt_path};

#[derive(clap::Args, Clone)]
pub struct DistArgs {
    /// Where the site will be published (deep links and posters use it).
    #[arg(long, env = "SOTAY_BASE_URL", default_value = "http://127.0.0.1:8080/")]
    pub base_url: String,
    /// Output folder.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
    /// A label shown in the app's footer and used to tell builds apart in tests.
    #[arg(long, env = "SOTAY_BUILD_LABEL", default_value = "")]
    pub label: String,
    /// The deployer's verified communes: a UTF-8 CSV with the columns of
    /// `sotay poster --communes` plus `id` (a-z, 0-9, -). Posters for them
    /// carry `?x=<id>` and the app shows them as "Thông tin của <deployer>".
    #[arg(
        long,
        env = "SOTAY_COMMUNES",
        value_name = "FILE.csv",
        requires = "deployer"
    )]
    pub communes: Option<PathBuf>,
    /// Who checked the verified communes, e.g. "Sở KH&CN tỉnh …" (needed with --communes).
    #[arg(long, env = "SOTAY_DEPLOYER")]
    pub deployer: Option<String>,
    /// Test builds only: every page first runs `web/test-capture.js`, so the e2e
    /// suite can read the console and downloads in engines whose WebDriver cannot.
    #[arg(long)]
    pub test_capture: bool,
}

/// One built WASM bundle of the app: its files' hashed names.
struct BuiltBundle {
    wasm: String,
    glue: String,
    boot: String,
}

pub fn dist(args: &DistArgs) -> Result<PathBuf> {
    let base_path = base_path(&args.base_url)?;
    let out = root().join(&args.out);
    if out.exists() {
        fs::remove_dir_all(&out)
            .map_err(|error| format!("cannot clear {}: {error}", out.display()))?;
    }
    let assets = out.join("assets");
    fs::create_dir_all(&assets).map_err(io_error(&assets))?;
    let url = |name: &str| format!("{base_path}assets/{name}");

    // The app's bundles (`sotay_routes::Bundle`, each a cargo feature): a first
    // visit downloads only the page's own. -Oz: every byte counts on 3G.
    let mut bundles = BTreeMap::new();
    for bundle in Bundle::ALL {
        let (feature, out_name) = (bundle.name(), bundle.file_stem());
        let pkg = build_wasm(
            "crates/app",
            out_name,
            "web",
            "-Oz",
            &base_path,
            &["--no-default-features", "--features", feature],
        )?;
        let wasm = write_hashed(
            &assets,
            out_name,
            "wasm",
            &read(&pkg.join(format!("{out_name}_opt.wasm")))?,
        )?;
        let glue = write_hashed(
            &assets,
            out_name,
            "js",
            &minify_js(&read(&pkg.join(format!("{out_name}.js")))?, true)?,
        )?;
        let boot_source = fill(
            "web/boot.js",
            &[
                ("GLUE", &url(&glue)),
                ("WASM", &url(&wasm)),
                ("BASE", &base_path),
                ("LABEL", &args.label.replace(['"', '\\', '<'], "")),
            ],
        )?;
        let boot_source = if args.test_capture {
            // Module imports run first whatever their place, so the capture still
            // starts before the app's own code runs.
            let capture = fs::read_to_string(root().join("web/test-capture.js"))
                .map_err(|error| format!("cannot read web/test-capture.js: {error}"))?;
            format!("{capture}\n{boot_source}")
        } else {
            boot_source
        };
        let boot = write_hashed(
            &assets,
            "boot",
            "js",
            &minify_js(boot_source.as_bytes(), true)?,
        )?;
        bundles.insert(bundle, BuiltBundle { wasm, glue, boot });
    }
    let css = write_hashed(
        &assets,
        "style",
        "css",
        &read(&root().join("web/style.css"))?,
    )?;

    // The QR decoder's Web Worker: its own WASM module, loaded only by the
    // scan screen; its URL reaches the app through `<meta name="sotay-scan-worker">`.
    let scan_worker = build_scan_worker(&assets, &base_path)?;

    if let Some(csv) = &args.communes {
        let deployer = args.deployer.as_deref().unwrap_or_default();
        let list = verified_list(csv, deployer)?;
        write(
            &out.join(sotay_poster::VERIFIED_LIST_FILE),
            list.to_text().as_bytes(),
        )?;
    }
    crate::icons::write_icons(&out.join("icons"))?;
    copy_dir(
        &root().join("assets/illustrations"),
        &out.join("illustrations"),
    )?;
    write_manifest(&out, &base_path)?;

    let prerendered = prerender(&base_path)?;
    // Guide bodies for in-app navigation (pages carry their own guide).
    let catalog = write_hashed(&assets, "guides", "json", prerendered.catalog.as_bytes())?;
    // Pages that are not guides are the app shells the service worker keeps,
    // each in its bundle's group.
    let mut shells: Vec<(String, Bundle)> = Vec::new();
    for page in &prerendered.pages {
        let bundle = bundles
            .get(&page.bundle)
            .ok_or_else(|| format!("page {} wants unbuilt bundle {:?}", page.file, page.bundle))?;
        let data = page.data.as_ref().map_or(String::new(), |json| {
            format!("<script type=\"application/json\" id=\"{PAGE_DATA_ID}\">{json}</script>")
        });
        let html = fill(
            "web/index.html",
            &[
                ("TITLE", &escape(&page.title)),
                ("DESCRIPTION", &escape(&page.description)),
                ("BASE", &base_path),
                ("CSS", &url(&css)),
                ("GLUE", &url(&bundle.glue)),
                ("WASM", &url(&bundle.wasm)),
                ("BOOT", &url(&bundle.boot)),
                ("LABEL", &escape(&args.label)),
                ("SCAN_WORKER", &url(&scan_worker)),
                ("GUIDES", &url(&catalog)),
                ("DATA", &data),
                ("BODY", &page.body),
            ],
        )?;
        let file = if page.file.ends_with(".html") {
            out.join(&page.file)
        } else {
            if !page.file.starts_with("g/") {
                shells.push((format!("{base_path}{}", page.file), page.bundle));
            }
            out.join(&page.file).join("index.html")
        };
        write(&file, html.as_bytes())?;
    }

    // Everything the app needs offline, by URL, in groups (see `offline_group`):
    // what a resident needs is saved in the background after the first visit;
    // the scanner's and the team's files only once one of their pages is opened
    // (or "Lưu để dùng không cần mạng" is tapped), so a resident's prepaid data
    // is not spent on the poster builder. The version changes whenever any byte
    // of the site does.
    let mut groups: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (url, bundle) in shells {
        groups.entry(bundle.name()).or_default().push(url);
    }
    for file in files_under(&out)? {
        let relative = file
            .strip_prefix(&out)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        if !relative.ends_with(".html") {
            groups
                .entry(offline_group(&relative, &bundles))
                .or_default()
                .push(format!("{base_path}{relative}"));
        }
    }
    // The team page reads volunteers' month QR codes with the scanner's worker, so a
    // team lead who saved only the team's tools can still read them offline.
    let worker: Vec<String> = groups
        .get(Bundle::Scanner.name())
        .into_iter()
        .flatten()
        .filter(|url| {
            is_scan_worker(
                url.strip_prefix(&format!("{base_path}assets/"))
                    .unwrap_or(""),
            )
        })
        .cloned()
        .collect();
    groups
        .entry(Bundle::Team.name())
        .or_default()
        .extend(worker);
    for urls in groups.values_mut() {
        urls.sort();
    }
    let precache = groups.remove(RESIDENT_GROUP).unwrap_or_default();
    let mut version = Sha256::new();
    for file in files_under(&out)? {
        version.update(
            file.strip_prefix(&out)
                .unwrap_or(&file)
                .to_string_lossy()
                .as_bytes(),
        );
        version.update(read(&file)?);
    }
    let version = hex(&version.finalize())[..16].to_string();
    let precache_json = serde_json::to_string(&precache).map_err(|e| e.to_string())?;
    let groups_json = serde_json::to_string(&groups).map_err(|e| e.to_string())?;
    let sw = fill(
        "web/sw.js",
        &[
            ("VERSION", &version),
            ("BASE", &base_path),
            ("PRECACHE", &precache_json),
            ("GROUPS", &groups_json),
        ],
    )?;
    write(&out.join("sw.js"), sw.as_bytes())?;
    // After the offline groups: the handout's QR codes are never precached.
    crate::guide_qr::write_guide_codes(&out, &args.base_url)?;

    compress_text_files(&out)?;
    write_host_configurations(&out)?;
    // What each group costs over the network (brotli where there is a copy), for
    // "Lưu để dùng không cần mạng" to say before it downloads, and for the benchmark.
    let group_bytes: BTreeMap<&str, u64> = groups
        .iter()
        .map(|(name, urls)| {
            (
                *name,
                urls.iter()
                    .map(|url| wire_size(&out, &base_path, url))
                    .sum(),
            )
        })
        .collect();
    let build = serde_json::json!({
        "version": version,
        "label": args.label,
        "precache": precache,
        "groups": groups,
        "group_bytes": group_bytes,
        // What "Lưu để dùng không cần mạng" downloads beyond a resident's own files.
        "extra_bytes": group_bytes.values().sum::<u64>(),
        // Each bundle's own files over the network (brotli), to compare builds.
        "bundle_bytes": bundle_bytes(&out, &bundles),
    });
    write(&out.join("build.json"), build.to_string().as_bytes())?;
    report_sizes(&out, &bundles)?;
    Ok(out)
}

/// The folder next to `out` that holds the web-server configurations
/// (`dist` → `dist-hosting`): they are for the server, not for publishing.
pub fn hosting_dir(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push("-hosting");
    out.with_file_name(name)
}

/// Ready configurations from the header table `sotay serve` uses
/// (crates/headers): `_headers` inside the site for Netlify / Cloudflare Pages
/// (written after the precache list, so never precached), an nginx server
/// block and a Caddyfile beside it.
fn write_host_configurations(out: &Path) -> Result {
    write(
        &out.join("_headers"),
        sotay_headers::headers_file().as_bytes(),
    )?;
    let hosting = hosting_dir(out);
    fs::create_dir_all(&hosting).map_err(io_error(&hosting))?;
    let nginx = sotay_headers::nginx_server(&sotay_headers::NginxSite {
        listen: "80",
        root: "/var/www/sotay",
        brotli: false,
    });
    write(&hosting.join("nginx.conf"), nginx.as_bytes())?;
    write(
        &hosting.join("Caddyfile"),
        sotay_headers::caddyfile().as_bytes(),
    )
}

/// The service worker's group a resident needs (saved after the first visit); every
/// bundle's group is named after it.
const RESIDENT_GROUP: &str = Bundle::Resident.name();

/// Which offline group a file of the site belongs to: a bundle's own files (its
/// WASM, glue and boot script; the scan worker's) go with it, everything else
/// (styles, icons, illustrations, the guide catalog) is the resident's.
fn offline_group(relative: &str, bundles: &BTreeMap<Bundle, BuiltBundle>) -> &'static str {
    let name = relative.strip_prefix("assets/").unwrap_or("");
    if is_scan_worker(name) {
        return Bundle::Scanner.name();
    }
    bundles
        .iter()
        .find(|(_, built)| [&built.wasm, &built.glue, &built.boot].contains(&&name.to_string()))
        .map_or(RESIDENT_GROUP, |(bundle, _)| bundle.name())
}

/// The scan worker's files (its WASM, glue and script) by their name under `assets/`.
fn is_scan_worker(name: &str) -> bool {
    name.starts_with("sotay_scan_worker") || name.starts_with("scan-worker")
}

/// Bytes a precached URL costs over the network: its brotli copy when there is one.
fn wire_size(out: &Path, base_path: &str, url: &str) -> u64 {
    let file = out.join(url.strip_prefix(base_path).unwrap_or(url));
    let file = if url.ends_with('/') {
        file.join("index.html")
    } else {
        file
    };
    fs::metadata(with_suffix(&file, "br"))
        .or_else(|_| fs::metadata(&file))
        .map_or(0, |meta| meta.len())
}

/// `wasm-pack build` of one crate (release profile; the wasm-bindgen on PATH,
/// never a download), then `wasm-opt` from the pinned npm binaryen into
/// `<out_name>_opt.wasm`. Returns the package folder.
fn build_wasm(
    krate: &str,
    out_name: &str,
    target: &str,
    opt_level: &str,
    base_path: &str,
    cargo_args: &[&str],
) -> Result<PathBuf> {
    let pkg = target_dir().join(format!("wasm-pkg-{out_name}"));
    run(Command::new("wasm-pack")
        .current_dir(root())
        .args(["build", krate, "--release", "--target", target])
        .args(["--no-typescript", "--no-pack", "--mode", "no-install"])
        .args(["--out-name", out_name, "--out-dir"])
        .arg(&pkg)
        .arg("--")
        .args(cargo_args)
        .env("SOTAY_BASE_PATH", base_path))?;
    // The feature list is what Rust 1.95 emits for wasm32-unknown-unknown by default.
    // `--zero-filled-memory`: the module's memory is its own (never imported), so it starts
    // zeroed and zero bytes need no data segment. `--converge` repeats the passes while
    // they still shrink the module (about 1.5 KB brotli off the residents' bundle).
    run(Command::new(wasm_opt_path())
        .arg(pkg.join(format!("{out_name}_bg.wasm")))
        .args([opt_level, "--converge", "--zero-filled-memory"])
        .args(["--strip-debug", "--strip-producers"])
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg("-o")
        .arg(pkg.join(format!("{out_name}_opt.wasm"))))?;
    Ok(pkg)
}

/// Builds `crates/scan-worker` (wasm-pack, no-modules target for a classic
/// worker), optimises it for speed (decoding is hot; it is downloaded only on
/// the scan screen), and writes the module, its glue and `web/scan-worker.js`
/// with hashed names. Returns the worker script's file name in `assets`.
fn build_scan_worker(assets: &Path, base_path: &str) -> Result<String> {
    // -O3, not -Oz: only the scan screen loads it, and decoding speed is what matters there.
    let pkg = build_wasm(
        "crates/scan-worker",
        "sotay_scan_worker",
        "no-modules",
        "-O3",
        base_path,
        &[],
    )?;
    let optimised = pkg.join("sotay_scan_worker_opt.wasm");
    let url = |name: &str| format!("{base_path}assets/{name}");
    let wasm = write_hashed(assets, "sotay_scan_worker", "wasm", &read(&optimised)?)?;
    let glue = write_hashed(
        assets,
        "sotay_scan_worker",
        "js",
        &minify_js(&read(&pkg.join("sotay_scan_worker.js"))?, false)?,
    )?;
    let script = fill(
        "web/scan-worker.js",
        &[("GLUE", &url(&glue)), ("WASM", &url(&wasm))],
    )?;
    write_hashed(
        assets,
        "scan-worker",
        "js",
        &minify_js(script.as_bytes(), false)?,
    )
}

/// Compresses and mangles a script with the pinned npm `terser` (the
/// wasm-bindgen glue is about half its size minified, ~1.5 KB less brotli on
/// a first visit). Classic scripts keep their top-level names (the scan
/// worker's `wasm_bindgen` global).
fn minify_js(source: &[u8], module: bool) -> Result<Vec<u8>> {
    let dir = target_dir().join("minify");
    fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let input = dir.join("in.js");
    let output = dir.join("out.js");
    write(&input, source)?;
    let mut terser = Command::new("node");
    terser
        .arg(crate::tools::node_module("terser/bin/terser"))
        .arg(&input)
        .args(["--compress", "--mangle", "--ecma", "2020"]);
    if module {
        terser.arg("--module");
    }
    run(terser.arg("-o").arg(&output))?;
    read(&output)
}

/// Reads the deployer's verified communes (rows of one `id` are its help
/// points, up to four). Unlike `sotay poster`, any bad row stops the build:
/// a deployer vouches for every row.
fn verified_list(csv_path: &Path, deployer: &str) -> Result<sotay_poster::VerifiedList> {
    use sotay_poster::{CommuneProfile, ProfileField, VerifiedList};
    let at = |what: String| format!("SOTAY_COMMUNES {}: {what}", csv_path.display());
    let mut list = VerifiedList::new(deployer).map_err(|error| at(error.message_en()))?;
    let text = String::from_utf8(read(csv_path)?).map_err(|_| at("not UTF-8".into()))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|error| at(error.to_string()))?
        .clone();
    let id_column = headers
        .iter()
        .position(|header| header.trim().eq_ignore_ascii_case("id"))
        .ok_or_else(|| at("no `id` column".into()))?;
    // Rows with the same id are one commune's help points, in the file's order.
    let mut communes: Vec<(String, CommuneProfile, u64)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| at(error.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let id = record.get(id_column).unwrap_or("").trim().to_owned();
        let cells = headers.iter().enumerate().filter_map(|(index, header)| {
            ProfileField::from_key(header).map(|field| (field, record.get(index).unwrap_or("")))
        });
        let index = match communes.iter().position(|(other, ..)| *other == id) {
            Some(index) => index,
            None => {
                communes.push((id.clone(), CommuneProfile::default(), line));
                communes.len() - 1
            }
        };
        let profile = &mut communes[index].1;
        let before = profile.commune.clone();
        profile
            .add_row(cells)
            .map_err(|error| at(format!("line {line}: {}", error.message_en())))?;
        let named = headers
            .iter()
            .position(|header| ProfileField::from_key(header) == Some(ProfileField::Commune))
            .and_then(|index| record.get(index))
            .map_or("", str::trim);
        if !before.is_empty() && !named.is_empty() && named != before {
            return Err(at(format!(
                "line {line}: id `{id}` is {before} on an earlier line, {named} here"
            )));
        }
    }
    for (id, profile, line) in &communes {
        list.add(id, profile)
            .map_err(|error| at(format!("line {line}: {}", error.message_en())))?;
    }
    if list.communes.is_empty() {
        return Err(at("no communes".into()));
    }
    Ok(list)
}

/// `http://host/sotay` → `/sotay/`.
pub fn base_path(base_url: &str) -> Result<String> {
    let after_scheme = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("SOTAY_BASE_URL must start with http:// or https://, got `{base_url}`")
        })?;
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    Ok(if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    })
}

fn prerender(base_path: &str) -> Result<Prerendered> {
    let json_path = target_dir().join("prerender.json");
    run(Command::new(workspace_bin("sotay-prerender")?)
        .arg(&json_path)
        .env("SOTAY_BASE_PATH", base_path))?;
    let json = read(&json_path)?;
    serde_json::from_slice(&json).map_err(|error| format!("bad prerender output: {error}"))
}

fn write_manifest(out: &Path, base: &str) -> Result {
    let text = serde_json::to_string_pretty(&manifest(base)).map_err(|e| e.to_string())?;
    write(&out.join("manifest.webmanifest"), text.as_bytes())
}

/// The web app manifest (Vietnamese, like the pre-rendered pages); its shortcuts are the
/// pages that declare one (`sotay_routes::Page::shortcut`).
fn manifest(base: &str) -> serde_json::Value {
    let lang = Lang::Vi;
    let mut declared: Vec<_> = Page::ALL
        .iter()
        .filter_map(|page| Some((page, page.shortcut()?)))
        .collect();
    declared.sort_by_key(|(_, shortcut)| shortcut.rank);
    let shortcuts: Vec<serde_json::Value> = declared
        .into_iter()
        .filter_map(|(page, shortcut)| {
            let route = Route::of(*page, shortcut.id, "")?;
            Some(serde_json::json!({
                "name": shortcut.name.get(lang),
                "short_name": shortcut.short_name.get(lang),
                "url": route.path_under(base),
                "icons": [{ "src": format!("{base}icons/icon-192.png"), "sizes": "192x192", "type": "image/png" }],
            }))
        })
        .collect();
    serde_json::json!({
        "name": ui::pages::SITE_NAME.get(lang),
        "short_name": ui::pages::APP_SHORT_NAME.get(lang),
        "description": ui::pages::HOME_DESCRIPTION.get(lang),
        "lang": lang.code(),
        "dir": "ltr",
        "id": base,
        "start_url": base,
        "scope": base,
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": "#0b4f8a",
        "background_color": "#ffffff",
        "categories": ["government", "education", "utilities"],
        "icons": [
            { "src": format!("{base}icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": format!("{base}icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": format!("{base}icons/maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
        ],
        "shortcuts": shortcuts,
    })
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    for file in files_under(from)? {
        let relative = file.strip_prefix(from).unwrap_or(&file);
        write(&to.join(relative), &read(&file)?)?;
    }
    Ok(())
}

fn write_hashed(dir: &Path, stem: &str, extension: &str, bytes: &[u8]) -> Result<String> {
    let hash = hex(&Sha256::digest(bytes));
    let name = format!("{stem}-{}.{extension}", &hash[..12]);
    write(&dir.join(&name), bytes)?;
    Ok(name)
}

fn compress_text_files(out: &Path) -> Result {
    const COMPRESSIBLE: [&str; 7] = ["html", "js", "css", "wasm", "svg", "json", "webmanifest"];
    for file in files_under(out)? {
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&extension) {
            continue;
        }
        let bytes = read(&file)?;
        if bytes.len() < 512 {
            continue;
        }
        let mut brotli_bytes = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli_bytes, &params)
            .map_err(|e| e.to_string())?;
        write(&with_suffix(&file, "br"), &brotli_bytes)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes).map_err(|e| e.to_string())?;
        write(
            &with_suffix(&file, "gz"),
            &gzip.finish().map_err(|e| e.to_string())?,
        )?;
    }
    Ok(())
}

/// Brotli bytes of each bundle's WASM and JS (glue and boot script), by bundle name.
fn bundle_bytes(
    out: &Path,
    bundles: &BTreeMap<Bundle, BuiltBundle>,
) -> BTreeMap<&'static str, serde_json::Value> {
    let brotli = |name: &str| {
        let file = out.join("assets").join(name);
        fs::metadata(with_suffix(&file, "br"))
            .or_else(|_| fs::metadata(&file))
            .map_or(0, |meta| meta.len())
    };
    bundles
        .iter()
        .map(|(bundle, built)| {
            let wasm = brotli(&built.wasm);
            let js = brotli(&built.glue) + brotli(&built.boot);
            (
                bundle.name(),
                serde_json::json!({ "wasm": wasm, "js": js, "total": wasm + js }),
            )
        })
        .collect()
}

/// Brotli bytes the scan worker's WASM may take (issue 16: 60 KB).
const SCAN_WORKER_MAX_BROTLI: u64 = 60 * 1024;

fn report_sizes(out: &Path, bundles: &BTreeMap<Bundle, BuiltBundle>) -> Result {
    let mut sizes: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for file in files_under(out)? {
        let name = file
            .strip_prefix(out)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let raw = fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let br = fs::metadata(with_suffix(&file, "br"))
            .map(|m| m.len())
            .unwrap_or(raw);
        sizes.insert(name, (raw, br));
    }
    let brotli = |name: &str| sizes.get(name).map_or(0, |(_, br)| *br);
    for (bundle, built) in bundles {
        let wasm_key = format!("assets/{}", built.wasm);
        if let Some((raw, br)) = sizes.get(&wasm_key) {
            eprintln!(
                "dist: {} bundle {wasm_key}: {} KB raw, {} KB brotli",
                bundle.name(),
                raw / 1024,
                br / 1024
            );
        }
    }
    // Issue 16's limit: the scan screen downloads the decoder on 3G.
    for (name, (raw, br)) in sizes.iter().filter(|(name, _)| {
        name.starts_with("assets/sotay_scan_worker-") && name.ends_with(".wasm")
    }) {
        eprintln!(
            "dist: scan worker {name}: {} KB raw, {} KB brotli",
            raw / 1024,
            br / 1024
        );
        if *br > SCAN_WORKER_MAX_BROTLI {
            return Err(format!(
                "the scan worker's WASM is {} KB brotli, over its {} KB limit",
                br / 1024,
                SCAN_WORKER_MAX_BROTLI / 1024
            ));
        }
    }
    if let Some(resident) = bundles.get(&Bundle::Resident) {
        let css = sizes
            .keys()
            .find(|name| name.starts_with("assets/style-") && name.ends_with(".css"));
        let home: u64 = ["index.html".to_string()]
            .iter()
            .chain(css)
            .map(|name| brotli(name))
            .chain(
                [&resident.wasm, &resident.glue, &resident.boot]
                    .iter()
                    .map(|name| brotli(&format!("assets/{name}"))),
            )
            .sum();
        eprintln!(
            "dist: home page first visit (HTML, CSS, boot, glue, WASM), brotli: {} KB",
            home / 1024
        );
    }
    let everything: u64 = sizes.values().map(|(_, br)| br).sum();
    eprintln!(
        "dist: whole site, brotli: {} KB; {} files in {}",
        everything / 1024,
        sizes.len(),
        out.display()
    );
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).map_err(io_error(&current))? {
            let path = entry.map_err(io_error(&current))?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(io_error(path))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    fs::write(path, bytes).map_err(io_error(path))
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |error| format!("{}: {error}", path.display())
}

/// Escapes text for an HTML attribute or text node.
/// The file `template` (relative to the repository) with every `{{NAME}}`
/// replaced by its value, in one pass: a value is never searched again (a
/// guide's text may contain braces), and a placeholder without a value, or a
/// value without a placeholder, is a build error rather than a broken page.
fn fill(template: &str, values: &[(&str, &str)]) -> Result<String> {
    let source = String::from_utf8_lossy(&read(&root().join(template))?).into_owned();
    fill_text(&source, values).map_err(|problem| format!("{template}: {problem}"))
}

fn fill_text(source: &str, values: &[(&str, &str)]) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(source.len());
    let mut used = vec![false; values.len()];
    let mut rest = source;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| "a `{{` is never closed".to_string())?;
        let name = &after[..end];
        let index = values
            .iter()
            .position(|(key, _)| *key == name)
            .ok_or_else(|| format!("no value for {{{{{name}}}}}"))?;
        used[index] = true;
        out.push_str(values[index].1);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    match values.iter().zip(&used).find(|(_, used)| !**used) {
        Some(((name, _), _)) => Err(format!("has no {{{{{name}}}}} placeholder")),
        None => Ok(out),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use sotay_routes::Prerender;

    use super::*;

    #[test]
    fn templates_fill_in_one_pass_and_refuse_mistakes() {
        assert_eq!(
            fill_text("<b>{{A}}</b>{{B}}{{A}}", &[("A", "{{B}}"), ("B", "x")]),
            Ok("<b>{{B}}</b>x{{B}}".to_string())
        );
        assert!(
            fill_text("{{A}} {{C}}", &[("A", "1")])
                .unwrap_err()
                .contains("{{C}}")
        );
        assert!(
            fill_text("{{A}}", &[("A", "1"), ("B", "2")])
                .unwrap_err()
                .contains("{{B}}")
        );
        assert!(fill_text("{{A", &[("A", "1")]).is_err());
        // The real templates and the values dist gives them.
        for (template, names) in [
            ("web/boot.js", &["GLUE", "WASM", "BASE", "LABEL"][..]),
            ("web/sw.js", &["VERSION", "BASE", "PRECACHE", "GROUPS"][..]),
            ("web/scan-worker.js", &["GLUE", "WASM"][..]),
            (
                "web/index.html",
                &[
                    "TITLE",
                    "DESCRIPTION",
                    "BASE",
                    "CSS",
                    "GLUE",
                    "WASM",
                    "BOOT",
                    "LABEL",
                    "SCAN_WORKER",
                    "GUIDES",
                    "DATA",
                    "BODY",
                ][..],
            ),
        ] {
            let values: Vec<(&str, &str)> = names.iter().map(|name| (*name, "v")).collect();
            assert!(fill(template, &values).is_ok(), "{template}");
        }
    }

    /// The manifest's shortcuts come from the page declaration: each opens a page that is
    /// pre-rendered, is a service-worker shell or a guide, and is under the base path.
    #[test]
    fn manifest_shortcuts_open_declared_prerendered_pages() {
        let manifest = manifest("/sotay/");
        let shortcuts = manifest["shortcuts"].as_array().expect("shortcuts");
        let mut declared: Vec<Page> = Page::ALL
            .iter()
            .copied()
            .filter(|page| page.shortcut().is_some())
            .collect();
        declared.sort_by_key(|page| page.shortcut().map(|shortcut| shortcut.rank));
        assert_eq!(shortcuts.len(), declared.len());
        // The scanner is the first thing a long press offers.
        assert!(
            shortcuts[0]["url"]
                .as_str()
                .is_some_and(|url| url.ends_with("/quet/"))
        );
        assert!(shortcuts.len() >= 4);
        for (shortcut, page) in shortcuts.iter().zip(declared) {
            let url = shortcut["url"].as_str().expect("a url");
            let path = url.strip_prefix("/sotay").expect("under the base path");
            assert_eq!(Route::parse(path, "").page(), page, "{url}");
            assert_ne!(page.prerender(), Prerender::NotFoundFile, "{url}");
            assert!(!shortcut["name"].as_str().unwrap_or("").is_empty(), "{url}");
            assert!(
                !shortcut["short_name"].as_str().unwrap_or("").is_empty(),
                "{url}"
            );
        }
        assert_eq!(manifest["name"], "Sổ tay Công dân số");
        assert_eq!(manifest["lang"], "vi");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/").unwrap(), "/");
        assert_eq!(base_path("http://127.0.0.1:8080").unwrap(), "/");
        assert_eq!(base_path("https://xa.gov.vn/sotay").unwrap(), "/sotay/");
        assert_eq!(
            base_path("https://xa.gov.vn/sotay/?x=1").unwrap(),
            "/sotay/"
        );
        assert!(base_path("ftp://x").is_err());
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
