//! The end-to-end harness: the built site (`cargo xtask dist`) served by the
//! real `sotay serve`, driven with fantoccini in three browser engines
//! ([`Engine`]): headless Debian Chromium through chromedriver (the whole
//! suite, plus the DevTools protocol through chromedriver's CDP endpoint for
//! network conditions, request logs and installability), Firefox ESR through
//! geckodriver and WebKitGTK through `WebKitWebDriver` (the engine-neutral
//! journeys in `e2e/engines.rs`).
//!
//! `cargo xtask test` sets the environment this needs (see [`Env`]); the tests
//! are `#[ignore]`d in a plain `cargo test` because they need that build.

pub mod pages;
pub mod privacy;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Paths handed over by `cargo xtask test`.
pub struct Env {
    pub dist: PathBuf,
    /// The same site built with another label, for the update test.
    pub dist_b: PathBuf,
    pub sotay: PathBuf,
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub axe: PathBuf,
}

/// A browser engine the journeys run in. Residents use Chromium (Android
/// Chrome, Samsung Internet, Zalo on Android) and WebKit (every iPhone browser).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    /// The name tests end with (`…::firefox`) and `cargo xtask test` counts by.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }
}

/// A path `cargo xtask test` hands over for the other engines or nginx (read
/// only when one starts, so Chromium-only runs do not need them).
fn handed_path(name: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`")
        })
}

impl Env {
    pub fn get() -> &'static Env {
        static ENV: OnceLock<Env> = OnceLock::new();
        ENV.get_or_init(|| {
            let var =
                |name: &str| {
                    std::env::var_os(name).map(PathBuf::from).unwrap_or_else(|| {
                    panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`")
                })
                };
            Env {
                dist: var("SOTAY_E2E_DIST"),
                dist_b: var("SOTAY_E2E_DIST_B"),
                sotay: var("SOTAY_E2E_SOTAY"),
                chromium: var("SOTAY_E2E_CHROMIUM"),
                chromedriver: var("SOTAY_E2E_CHROMEDRIVER"),
                axe: var("SOTAY_E2E_AXE"),
            }
        })
    }
}

/// A free loopback port (bound and released; good enough on a test machine).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

/// A server process listening on a loopback port; stopped when dropped.
/// [`Server`] and [`Nginx`] are one each.
pub struct Listening {
    child: Child,
    pub port: u16,
}

impl Listening {
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `sotay serve DIR` on a loopback port; stopped when dropped.
pub struct Server(Listening);

impl std::ops::Deref for Server {
    type Target = Listening;

    fn deref(&self) -> &Listening {
        &self.0
    }
}

impl Server {
    pub fn start(dir: &Path) -> Server {
        Server::start_on(dir, 0)
    }

    /// Serves `dir` on `port` (0 = any free port); waits until it listens.
    pub fn start_on(dir: &Path, port: u16) -> Server {
        let mut child = Command::new(&Env::get().sotay)
            .arg("serve")
            .arg(dir)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("sotay serve starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("sotay serve prints its address");
        let port = line
            .rsplit("http://127.0.0.1:")
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line from sotay serve: {line}"));
        Server(Listening { child, port })
    }

    /// Stops the server (as dropping it does), in the middle of a test.
    pub fn stop(self) {}
}

/// A raw HTTP/1.1 GET, so a test sees exactly the status and headers the server
/// sends (the head, lowercased).
pub fn get_headers(port: u16, path: &str, accept_encoding: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {accept_encoding}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let text = String::from_utf8_lossy(&response);
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head)
}

/// Debian's nginx serving `dir` with the server block `cargo xtask dist` generates
/// (crates/headers), in the foreground on a loopback port, with its own temporary
/// prefix; stopped when dropped.
pub struct Nginx {
    // Dropped first: nginx stops, then its prefix folder goes.
    listening: Listening,
    _prefix: tempfile::TempDir,
}

impl std::ops::Deref for Nginx {
    type Target = Listening;

    fn deref(&self) -> &Listening {
        &self.listening
    }
}

impl Nginx {
    pub fn start(dir: &Path) -> Nginx {
        let prefix = tempfile::tempdir().expect("a temporary nginx prefix");
        let port = free_port();
        let brotli_module = handed_path("SOTAY_E2E_NGINX_BROTLI");
        let brotli = brotli_module.exists();
        let server = sotay_headers::nginx_server(&sotay_headers::NginxSite {
            listen: &format!("127.0.0.1:{port}"),
            root: &dir.display().to_string(),
            brotli,
        });
        let load_brotli = if brotli {
            format!("load_module {};", brotli_module.display())
        } else {
            String::new()
        };
        let temp = prefix.path().display();
        let conf = format!(
            "{load_brotli}
daemon off;
master_process off;
worker_processes 1;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{server}
}}
"
        );
        let conf_path = prefix.path().join("nginx.conf");
        std::fs::write(&conf_path, conf).expect("write nginx.conf");
        let child = Command::new(handed_path("SOTAY_E2E_NGINX"))
            .arg("-p")
            .arg(prefix.path())
            .arg("-e")
            .arg(prefix.path().join("error.log"))
            .arg("-c")
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx starts");
        let mut nginx = Nginx {
            listening: Listening { child, port },
            _prefix: prefix,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = nginx.listening.child.try_wait() {
                let log = std::fs::read_to_string(nginx._prefix.path().join("error.log"))
                    .unwrap_or_default();
                panic!("nginx stopped ({status}):\n{log}");
            }
            assert!(Instant::now() < deadline, "nginx did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    /// Stops nginx (as dropping it does), in the middle of a test.
    pub fn stop(self) {}
}

/// The offline journey: one visit to the home page at `origin` and to the
/// scanner (its files are saved for offline use only once one of its pages is
/// opened), then `stop` ends the server, and the home page after a reload and
/// each of `pages` (path, words of its heading) still open.
pub async fn assert_works_offline_after_one_visit(
    browser: &Browser,
    origin: &str,
    stop: impl FnOnce(),
    pages: &[(&str, &str)],
) {
    browser.open(&format!("{origin}/")).await;
    browser.wait_for_service_worker().await;
    browser.open(&format!("{origin}/quet/")).await;
    browser.wait_for_offline_group("scanner").await;
    browser.open(&format!("{origin}/")).await;
    stop();
    browser.reload().await;
    browser.wait_for_app().await;
    assert!(browser.heading().await.contains("Sổ tay Công dân số"));
    for (path, words) in pages {
        browser.goto(&format!("{origin}{path}")).await;
        // Wait for this page's heading, not just a ready app: an engine may answer
        // the navigation before the old page is gone.
        browser
            .wait_until(
                &format!("{path} offline"),
                &format!(
                    "return location.pathname === {}
                       && document.getElementById('app')?.dataset.app === 'ready'
                       && document.querySelector('h1')?.textContent.toLowerCase().includes({})",
                    json!(path),
                    json!(words.to_lowercase())
                ),
            )
            .await;
    }
    browser.assert_console_clean().await;
}

/// The site under test, served for one test (a few milliseconds to start;
/// owned by the test so the process ends with it, even when the test fails).
pub fn site() -> Server {
    Server::start(&Env::get().dist)
}

/// A WebDriver server process (chromedriver, geckodriver, WebKitWebDriver),
/// one per browser session, killed with it; WebKit's runs on its own Xvfb display.
struct Driver {
    child: Child,
    display: Option<Child>,
    url: String,
}

impl Driver {
    /// `profile`: the session's temporary folder (WebKit's GTK settings live there).
    fn start(engine: Engine, profile: &Path) -> Driver {
        let port = free_port();
        let mut display = None;
        let mut command = match engine {
            Engine::Chromium => {
                let mut command = Command::new(&Env::get().chromedriver);
                command.arg(format!("--port={port}"));
                command
            }
            Engine::Firefox => {
                let mut command = Command::new(handed_path("SOTAY_E2E_GECKODRIVER"));
                command.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                command
            }
            Engine::Webkit => {
                let (xvfb, number) = start_xvfb();
                display = Some(xvfb);
                // MiniBrowser's toolbar cannot be hidden and is wider than a phone;
                // shrunk to nothing in GTK's style (not the page's), the window can be
                // 320 px wide and the toolbar's height is measured away.
                let gtk = profile.join("gtk-3.0");
                std::fs::create_dir_all(&gtk).expect("a GTK settings folder");
                std::fs::write(gtk.join("gtk.css"), "* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; -gtk-icon-transform: scale(0.1); }\n").expect("gtk.css");
                let mut command = Command::new(handed_path("SOTAY_E2E_WEBKIT_DRIVER"));
                command
                    .arg(format!("--port={port}"))
                    .env("DISPLAY", format!(":{number}"))
                    .env("XDG_CONFIG_HOME", profile)
                    // No accessibility bus or GPU on a test machine: say so instead of waiting for them.
                    .env("NO_AT_BRIDGE", "1")
                    .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
                command
            }
        };
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("the {} WebDriver starts: {e}", engine.name()));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the {} WebDriver did not start",
                engine.name()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            display,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

/// A virtual X display for WebKitGTK; Xvfb picks a free number and prints it when ready.
fn start_xvfb() -> (Child, String) {
    let mut child = Command::new(handed_path("SOTAY_E2E_XVFB"))
        .args(["-displayfd", "1", "-screen", "0", "1280x1280x24"])
        .args(["-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("Xvfb prints its display number");
    let number = line.trim().to_string();
    assert!(!number.is_empty(), "Xvfb gave no display number");
    (child, number)
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(display) = &mut self.display {
            let _ = display.kill();
            let _ = display.wait();
        }
    }
}

/// How a browser session is set up.
#[derive(Default, Clone)]
pub struct Options {
    /// Window width and height in CSS pixels (default a 412 × 915 phone).
    pub window: Option<(u32, u32)>,
    pub javascript_disabled: bool,
    /// Commands wait only for the document to be parsed (`pageLoadStrategy: eager`),
    /// not for every file it loads: to act on a page before its WASM has arrived.
    pub eager: bool,
    /// A `.y4m` video Chromium's fake camera plays.
    pub fake_camera: Option<PathBuf>,
    /// Which engine (default Chromium, as every test written before engines existed).
    pub engine: Option<Engine>,
    /// Make `window` the page's viewport exactly, as on a phone (Chromium: mobile
    /// emulation, as its headless window cannot be narrower than 500 px).
    pub phone: bool,
}

impl Options {
    /// A 360 × 740 phone viewport (the size the layout is checked at) in `engine`.
    pub fn phone(engine: Engine) -> Options {
        Options {
            window: Some(PHONE),
            engine: Some(engine),
            phone: true,
            ..Options::default()
        }
    }
}

/// The viewport every engine's journeys run in, in CSS pixels.
pub const PHONE: (u32, u32) = (360, 740);

/// A browser session with a fresh profile (headless Chromium unless
/// [`Options::engine`] says otherwise).
pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    /// Console entries drained from pages already left (engines without a console log).
    kept_console: std::sync::Mutex<Vec<(String, String)>>,
    // Dropped after the client: the session ends, then its driver, then the profile folder.
    _driver: Driver,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::start_with(Options::default()).await
    }

    /// A fresh session of `engine` in the 360 × 740 phone viewport.
    pub async fn start_engine(engine: Engine) -> Browser {
        Browser::start_with(Options::phone(engine)).await
    }

    pub async fn start_with(options: Options) -> Browser {
        match options.engine.unwrap_or(Engine::Chromium) {
            Engine::Chromium => Browser::start_chromium(options).await,
            engine => Browser::start_other(engine, options).await,
        }
    }

    async fn start_chromium(options: Options) -> Browser {
        let env = Env::get();
        let profile = tempfile::tempdir().expect("a temporary profile folder");
        let (width, height) = options.window.unwrap_or((412, 915));
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-quic".into(),
            format!("--user-data-dir={}", profile.path().display()),
            format!("--window-size={width},{height}"),
            "--lang=vi".into(),
        ];
        if let Some(video) = &options.fake_camera {
            args.push("--use-fake-ui-for-media-stream".into());
            args.push("--use-fake-device-for-media-stream".into());
            args.push(format!(
                "--use-file-for-fake-video-capture={}",
                video.display()
            ));
        }
        let mut chrome_options = json!({
            "binary": env.chromium,
            "args": args,
        });
        if options.phone {
            chrome_options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0, "touch": false }
            });
        }
        if options.javascript_disabled {
            chrome_options["prefs"] =
                json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        if options.eager {
            capabilities.insert("pageLoadStrategy".into(), json!("eager"));
        }
        capabilities.insert("goog:chromeOptions".into(), chrome_options);
        capabilities.insert(
            "goog:loggingPrefs".into(),
            json!({ "browser": "ALL", "performance": "ALL" }),
        );
        let driver = Driver::start(Engine::Chromium, profile.path());
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("a chromedriver session");
        Browser {
            client,
            engine: Engine::Chromium,
            kept_console: Default::default(),
            _driver: driver,
            _profile: profile,
        }
    }

    /// Firefox ESR (geckodriver) or WebKitGTK (WebKitWebDriver), sized so the
    /// page's viewport, not the window, is `options.window`.
    async fn start_other(engine: Engine, options: Options) -> Browser {
        assert!(
            options.fake_camera.is_none(),
            "the fake camera is Chromium-only"
        );
        let profile = tempfile::tempdir().expect("a temporary profile folder");
        let mut capabilities = serde_json::Map::new();
        match engine {
            Engine::Firefox => {
                // Desktop Firefox's window has a minimum width (its toolbars'); a
                // phone is narrower, so this profile's browser chrome has none.
                let chrome = profile.path().join("chrome");
                std::fs::create_dir_all(&chrome).expect("the profile's chrome folder");
                std::fs::write(
                    chrome.join("userChrome.css"),
                    "#main-window, #navigator-toolbox, #nav-bar, #TabsToolbar, toolbar, toolbarbutton, #urlbar-container, #search-container { min-width: 0 !important; }\n",
                )
                .expect("userChrome.css");
                capabilities.insert("browserName".into(), json!("firefox"));
                capabilities.insert(
                    "moz:firefoxOptions".into(),
                    json!({
                        "binary": handed_path("SOTAY_E2E_FIREFOX"),
                        "args": ["-headless", "-profile", profile.path()],
                        "prefs": {
                            "intl.accept_languages": "vi",
                            "toolkit.legacyUserProfileCustomizations.stylesheets": true,
                            // Phones draw scrollbars over the page, not beside it.
                            "ui.useOverlayScrollbars": 1,
                            "javascript.enabled": !options.javascript_disabled,
                            "browser.shell.checkDefaultBrowser": false,
                            "app.update.enabled": false,
                            "datareporting.policy.dataSubmissionEnabled": false,
                            "toolkit.telemetry.enabled": false,
                        },
                    }),
                );
            }
            Engine::Webkit => {
                assert!(
                    !options.javascript_disabled,
                    "WebKitWebDriver cannot turn JavaScript off"
                );
                capabilities.insert("browserName".into(), json!("MiniBrowser"));
                capabilities.insert(
                    "webkitgtk:browserOptions".into(),
                    json!({
                        "binary": handed_path("SOTAY_E2E_MINIBROWSER"),
                        "args": ["--automation"],
                    }),
                );
            }
            Engine::Chromium => unreachable!("Chromium starts in start_chromium"),
        }
        let driver = Driver::start(engine, profile.path());
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| panic!("a {} WebDriver session: {e}", engine.name()));
        let browser = Browser {
            client,
            engine,
            kept_console: Default::default(),
            _driver: driver,
            _profile: profile,
        };
        let (width, height) = options.window.unwrap_or((412, 915));
        browser.size_viewport(width, height).await;
        browser
    }

    /// Resizes the window so the viewport is `width` × `height`: windows have
    /// toolbars and borders that differ per engine, so measure and correct once.
    async fn size_viewport(&self, width: u32, height: u32) {
        let _ = self.client.set_window_size(width, height).await;
        let inner = self
            .client
            .execute("return [innerWidth, innerHeight]", vec![])
            .await
            .unwrap_or(Value::Null);
        let (Some(inner_width), Some(inner_height)) = (inner[0].as_u64(), inner[1].as_u64()) else {
            return;
        };
        let extra_width = width.saturating_sub(inner_width as u32);
        let extra_height = height.saturating_sub(inner_height as u32);
        if extra_width > 0 || extra_height > 0 {
            let _ = self
                .client
                .set_window_size(width + extra_width, height + extra_height)
                .await;
        }
    }

    pub async fn goto(&self, url: &str) {
        self.keep_console().await;
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("goto {url}: {e}"));
    }

    /// Reloads the page with `location.reload()` (Firefox's driver refresh
    /// bypasses the service worker, a real reload does not).
    pub async fn reload(&self) {
        self.keep_console().await;
        self.eval(
            "window.sotayOldPage = true; setTimeout(() => location.reload(), 0); return true",
        )
        .await;
        self.wait_until("the page to reload", "return !window.sotayOldPage")
            .await;
    }

    /// Opens `url` and waits until the app has taken over its page.
    pub async fn open(&self, url: &str) {
        self.goto(url).await;
        self.wait_for_app().await;
    }

    /// Waits until the app has taken over the pre-rendered page.
    pub async fn wait_for_app(&self) {
        self.wait_until(
            "the app to start",
            "return document.getElementById('app')?.dataset.app === 'ready'",
        )
        .await;
    }

    /// Polls `script` (a function body returning a truthy value) for up to 10 s.
    pub async fn wait_until(&self, what: &str, script: &str) -> Value {
        self.wait_until_for(what, script, Duration::from_secs(10))
            .await
    }

    /// Waits until the service worker has saved offline group `name` ("scanner", "team",
    /// "practice"): those are saved only once one of their pages has been opened.
    pub async fn wait_for_offline_group(&self, name: &str) {
        self.wait_until_for(
            &format!("the {name} files saved for offline use"),
            &format!(
                "return caches.keys().then(async (keys) => {{
                   const key = keys.find((k) => k.startsWith('sotay-'));
                   if (!key) return false;
                   const cache = await caches.open(key);
                   return !!(await cache.match(location.origin + '/sw-group/{name}'));
                 }})"
            ),
            Duration::from_secs(60),
        )
        .await;
    }

    /// Waits (up to 30 s) until the service worker controls the page: from then on
    /// the site's files are kept for offline use.
    pub async fn wait_for_service_worker(&self) {
        self.wait_until_for(
            "the service worker to control the page",
            "return !!navigator.serviceWorker?.controller",
            Duration::from_secs(30),
        )
        .await;
    }

    /// Makes the page's viewport `width` × `height` CSS pixels at `scale` device
    /// pixels each, as on a phone (Chromium's DevTools protocol).
    pub async fn emulate_screen(&self, width: u32, height: u32, scale: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": scale, "mobile": true }),
        )
        .await;
    }

    pub async fn wait_until_for(&self, what: &str, script: &str, timeout: Duration) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self
                .client
                .execute(script, vec![])
                .await
                .unwrap_or(Value::Null);
            if truthy(&value) {
                return value;
            }
            if Instant::now() > deadline {
                let text = self.text("body").await;
                panic!("timed out waiting for {what}; page text:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// [`Browser::eval`] for a script that returns text; anything else reads as "".
    pub async fn eval_text(&self, script: &str) -> String {
        self.eval(script)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Runs `script` (which calls `done(value)` when finished).
    pub async fn eval_async(&self, script: &str) -> Value {
        let wrapped = format!("const done = arguments[arguments.length - 1]; {script}");
        self.client
            .execute_async(&wrapped, vec![])
            .await
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Presses one key on the keyboard (WebDriver actions: a key down and up wherever
    /// the focus is).
    pub async fn press(&self, key: Key) {
        let key = char::from(key);
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("key press");
    }

    /// Types `text` into whatever has the focus.
    pub async fn type_in_focus(&self, text: &str) {
        let focused = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused.send_keys(text).await.expect("typing");
    }

    pub async fn click(&self, css: &str) {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Opens the site menu (when closed), clicks its link to `path` and waits
    /// until the address is `path`.
    pub async fn click_nav(&self, path: &str) {
        self.eval(
            "const menu = document.querySelector('.site-menu');
             if (menu && !menu.open) menu.querySelector('summary').click();",
        )
        .await;
        self.click(&format!(".site-nav a[href='{path}']")).await;
        self.wait_until(
            &format!("{path} from the menu"),
            &format!("return location.pathname === {}", json!(path)),
        )
        .await;
    }

    /// Clicks the first link or button whose visible text contains `text`.
    pub async fn click_text(&self, text: &str) {
        let xpath = format!(
            "//*[self::a or self::button][contains(normalize-space(.), {})]",
            xpath_literal(text)
        );
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no link or button with text {text:?}: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {text:?}: {e}"));
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        element
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// The `<h1>` text, once there is one.
    pub async fn heading(&self) -> String {
        self.wait_until(
            "a heading",
            "return document.querySelector('h1')?.textContent",
        )
        .await;
        self.text("h1").await
    }

    /// A DevTools protocol command, through chromedriver.
    pub async fn cdp(&self, method: &str, params: Value) -> Value {
        self.client
            .issue_cmd(ChromedriverCommand {
                path: "goog/cdp/execute",
                body: json!({ "cmd": method, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {method}: {e}"))
    }

    /// Browser console entries since the last call: (level, message), levels
    /// as Chromium names them (`SEVERE`, `WARNING`, …). Panics when this engine
    /// or page cannot report its console: "no errors" must never mean "not looked".
    pub async fn console(&self) -> Vec<(String, String)> {
        self.try_console()
            .await
            .unwrap_or_else(|why| panic!("console capture unavailable: {why}"))
    }

    /// [`Browser::console`], or why the console cannot be read. Chromium keeps a
    /// console log for the driver; the other engines' drivers have none, so test
    /// builds load a small capture script first (`web/test-capture.js`, see
    /// `cargo xtask dist --test-capture`) and this reads what it kept.
    pub async fn try_console(&self) -> Result<Vec<(String, String)>, String> {
        if self.engine == Engine::Chromium {
            return self.try_log("browser").await;
        }
        let mut entries = std::mem::take(&mut *self.kept_console.lock().expect("console lock"));
        entries.extend(self.drain_page_console().await?);
        Ok(entries)
    }

    /// Reads the console until `done` says what arrived is enough (up to 10 s); returns it.
    pub async fn wait_until_console(
        &self,
        what: &str,
        done: impl Fn(&[(String, String)]) -> bool,
    ) -> Vec<(String, String)> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut entries = Vec::new();
        loop {
            entries.extend(self.console().await);
            if done(&entries) {
                return entries;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} in the console: {entries:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Takes what the capture script kept on the current page.
    async fn drain_page_console(&self) -> Result<Vec<(String, String)>, String> {
        let value = self
            .client
            .execute(
                "const kept = window.sotayConsole;
                 if (!Array.isArray(kept)) return null;
                 return kept.splice(0, kept.length);",
                vec![],
            )
            .await
            .map_err(|e| format!("reading the page's console failed: {e}"))?;
        let entries = value.as_array().ok_or_else(|| {
            "this page has no console capture (window.sotayConsole): build it with `--test-capture`"
                .to_string()
        })?;
        Ok(entries
            .iter()
            .map(|entry| {
                let level = match entry[0].as_str().unwrap_or("") {
                    "error" => "SEVERE",
                    "warn" => "WARNING",
                    other => other,
                };
                (
                    level.to_string(),
                    entry[1].as_str().unwrap_or("").to_string(),
                )
            })
            .collect())
    }

    /// Before leaving a page, keeps its console entries (engines without a console log).
    async fn keep_console(&self) {
        if self.engine == Engine::Chromium {
            return;
        }
        if let Ok(entries) = self.drain_page_console().await {
            self.kept_console
                .lock()
                .expect("console lock")
                .extend(entries);
        }
    }

    /// DevTools performance-log events (Network.*, Page.*) since the last call, as JSON.
    pub async fn performance_events(&self) -> Vec<Value> {
        self.log("performance")
            .await
            .into_iter()
            .filter_map(|(_, message)| serde_json::from_str::<Value>(&message).ok())
            .filter_map(|value| value.get("message").cloned())
            .collect()
    }

    /// URLs of every request the page made since the last call (from the performance log).
    pub async fn requested_urls(&self) -> Vec<String> {
        self.performance_events()
            .await
            .into_iter()
            .filter(|event| event["method"] == "Network.requestWillBeSent")
            .filter_map(|event| {
                event["params"]["request"]["url"]
                    .as_str()
                    .map(str::to_string)
            })
            .collect()
    }

    async fn log(&self, kind: &str) -> Vec<(String, String)> {
        self.try_log(kind)
            .await
            .unwrap_or_else(|why| panic!("{why}"))
    }

    /// chromedriver's log of `kind`; an error when the driver keeps none.
    async fn try_log(&self, kind: &str) -> Result<Vec<(String, String)>, String> {
        let value = self
            .client
            .issue_cmd(ChromedriverCommand {
                path: "se/log",
                body: json!({ "type": kind }),
            })
            .await
            .map_err(|e| format!("the {kind} log cannot be read: {e}"))?;
        let entries = value
            .as_array()
            .ok_or_else(|| format!("the {kind} log is not a list: {value}"))?;
        Ok(entries
            .iter()
            .map(|entry| {
                (
                    entry["level"].as_str().unwrap_or("").to_string(),
                    entry["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect())
    }

    /// Console errors and panics ([`is_console_error`]) since the last check,
    /// but for the lines `expected` accepts (what the browser itself prints for a
    /// reason the test knows, such as a 404 it asked for).
    pub async fn console_errors_except(
        &self,
        expected: impl Fn(&str) -> bool,
    ) -> Vec<(String, String)> {
        self.console()
            .await
            .into_iter()
            .filter(|(level, message)| is_console_error(level, message) && !expected(message))
            .collect()
    }

    /// Asserts the console printed no error and no panic since the last check.
    pub async fn assert_console_clean(&self) {
        self.assert_console_clean_except(|_| false).await;
    }

    /// [`Browser::assert_console_clean`], but for the lines `expected` accepts.
    pub async fn assert_console_clean_except(&self, expected: impl Fn(&str) -> bool) {
        let bad = self.console_errors_except(expected).await;
        assert!(bad.is_empty(), "console errors: {bad:#?}");
    }

    /// Asserts the app did not panic or trap since the last check ([`is_panic`]),
    /// where the browser's own error lines are expected (a file it cannot
    /// open, a page that is not there): `context` names the case.
    pub async fn assert_no_panic(&self, context: &str) {
        let panics: Vec<_> = self
            .console()
            .await
            .into_iter()
            .filter(|(_, message)| is_panic(message))
            .collect();
        assert!(panics.is_empty(), "{context}: {panics:#?}");
    }

    /// Runs axe-core on the current page; returns the serious and critical violations.
    pub async fn axe_serious(&self) -> Vec<String> {
        let source =
            std::fs::read_to_string(&Env::get().axe).expect("axe-core is installed by xtask");
        self.client
            .execute(&source, vec![])
            .await
            .expect("axe-core loads");
        let result = self
            .eval_async(
                "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]))",
            )
            .await;
        result
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A console line that means the app broke: a Rust panic or a WebAssembly trap.
pub fn is_panic(message: &str) -> bool {
    message.contains("panicked") || message.contains("RuntimeError")
}

/// A console entry no page may print: an error (`SEVERE`) or a panic.
pub fn is_console_error(level: &str, message: &str) -> bool {
    level == "SEVERE" || is_panic(message)
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    }
}

/// A chromedriver extension command: `POST /session/{id}/{path}` with a JSON body
/// (`goog/cdp/execute` for DevTools, `se/log` for the browser and performance logs).
#[derive(Debug)]
struct ChromedriverCommand {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for ChromedriverCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
