//! The end-to-end harness: the built site (`cargo xtask dist`) served by the
//! real `sotay serve`, driven in headless Debian Chromium through chromedriver
//! with fantoccini, plus the DevTools protocol (through chromedriver's CDP
//! endpoint) for network conditions, request logs and installability.
//!
//! `cargo xtask test` sets the environment this needs (see [`Env`]); the tests
//! are `#[ignore]`d in a plain `cargo test` because they need that build.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

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

/// `sotay serve DIR` on a loopback port; stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
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
        Server { child, port }
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    pub fn stop(mut self) {
        self.kill();
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The site under test, served for one test (a few milliseconds to start;
/// owned by the test so the process ends with it, even when the test fails).
pub fn site() -> Server {
    Server::start(&Env::get().dist)
}

/// A chromedriver process, one per browser session, killed with it.
struct Chromedriver {
    child: Child,
    url: String,
}

impl Chromedriver {
    fn start() -> Chromedriver {
        let port = free_port();
        let child = Command::new(&Env::get().chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Chromedriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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
}

/// A headless Chromium session with a fresh profile.
pub struct Browser {
    pub client: Client,
    // Dropped after the client: the session ends, then its driver, then the profile folder.
    _driver: Chromedriver,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::start_with(Options::default()).await
    }

    pub async fn start_with(options: Options) -> Browser {
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
        let driver = Chromedriver::start();
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("a chromedriver session");
        Browser {
            client,
            _driver: driver,
            _profile: profile,
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("goto {url}: {e}"));
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

    /// Opens the site menu (when closed) and clicks its link to `path`.
    pub async fn click_nav(&self, path: &str) {
        self.eval(
            "const menu = document.querySelector('.site-menu');
             if (menu && !menu.open) menu.querySelector('summary').click();",
        )
        .await;
        self.click(&format!(".site-nav a[href='{path}']")).await;
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
            .issue_cmd(Cdp {
                method: method.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {method}: {e}"))
    }

    /// Browser console entries since the last call: (level, message).
    pub async fn console(&self) -> Vec<(String, String)> {
        self.log("browser").await
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
        let value = self
            .client
            .issue_cmd(GetLog {
                kind: kind.to_string(),
            })
            .await
            .unwrap_or(Value::Null);
        value
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|entry| {
                        (
                            entry["level"].as_str().unwrap_or("").to_string(),
                            entry["message"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Asserts the console printed no error and no panic since the last check.
    pub async fn assert_console_clean(&self) {
        let bad: Vec<_> = self
            .console()
            .await
            .into_iter()
            .filter(|(level, message)| level == "SEVERE" || message.contains("panicked"))
            .collect();
        assert!(bad.is_empty(), "console errors: {bad:#?}");
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

/// chromedriver's `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    method: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// chromedriver's `POST /session/{id}/se/log`.
#[derive(Debug)]
struct GetLog {
    kind: String,
}

impl WebDriverCompatibleCommand for GetLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.kind }).to_string()),
        )
    }
}
