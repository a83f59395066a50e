//! The privacy inspector: whether a browser kept, sent or printed what a
//! person typed or scanned (a card's QR payload, practice answers). One copy
//! for every test that proves it (cccd, trust, practice).

use serde_json::{Value, json};

use crate::Browser;

/// The pieces of `payload` (`|`-separated fields, as in a card's QR code) that
/// would identify the person: each field of six characters or more, raw and
/// URL-encoded both ways (`+` and `%20` for spaces), and the whole payload
/// with its separators encoded.
pub fn needles(payload: &str) -> Vec<String> {
    let mut needles = Vec::new();
    for field in payload
        .split('|')
        .filter(|field| field.chars().count() >= 6)
    {
        let encoded: String = url::form_urlencoded::byte_serialize(field.as_bytes()).collect();
        needles.push(encoded.replace('+', "%20"));
        needles.push(encoded);
        needles.push(field.to_string());
    }
    needles.push(payload.replace('|', "%7C"));
    needles.sort();
    needles.dedup();
    needles
}

/// Asserts `haystack` holds none of [`needles`]`(payload)`; `place` names it.
pub fn assert_absent(haystack: &str, payload: &str, place: &str) {
    for needle in needles(payload) {
        assert!(!haystack.contains(&needle), "{place} holds {needle:?}");
    }
}

/// Everything the origin keeps: web storage, IndexedDB rows, every Cache Storage
/// entry's URL, headers and body, cookies, `window.name`, the title, the URL and
/// the history state. Returns where any needle was found, and what was inspected.
const INSPECT: &str = r#"const needles = arguments[0];
(async () => {
  const found = [];
  const seen = { local: 0, session: 0, idb: [], caches: 0, cacheBytes: 0 };
  const look = (place, text) => { if (text == null) return; text = String(text);
    for (const n of needles) if (text.includes(n)) found.push(place + ': ' + n); };
  look('url', location.href); look('cookie', document.cookie); look('window.name', window.name);
  look('history.state', JSON.stringify(history.state)); look('title', document.title);
  for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
    for (let i = 0; i < storage.length; i++) { const key = storage.key(i);
      look(name + ' key', key); look(name + '[' + key + ']', storage.getItem(key));
      if (name === 'localStorage') seen.local++; else seen.session++; }
  }
  for (const info of await indexedDB.databases()) {
    seen.idb.push(info.name); look('indexedDB name', info.name);
    const db = await new Promise((ok, fail) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise((ok, fail) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      look('indexedDB ' + info.name + '/' + store, JSON.stringify(rows));
    }
    db.close();
  }
  for (const name of await caches.keys()) {
    look('cache name', name);
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      look('cache url', request.url);
      const response = await cache.match(request);
      const body = new TextDecoder().decode(await response.arrayBuffer());
      seen.caches++; seen.cacheBytes += body.length;
      look('cache body ' + request.url, body);
      for (const [k, v] of response.headers) look('cache header ' + request.url, k + ': ' + v);
    }
  }
  return { found, seen };
})().then(done, e => done({ failed: String(e) }));"#;

/// Looks for `needles` everywhere the page's origin keeps anything (see
/// [`INSPECT`]): `{ found: [place: needle, …], seen: {…} }`.
pub async fn find_stored(browser: &Browser, needles: &[String]) -> Value {
    let wrapped = format!("const done = arguments[arguments.length - 1]; {INSPECT}");
    let result = browser
        .client
        .execute_async(&wrapped, vec![json!(needles)])
        .await
        .expect("the storage inspection runs");
    assert!(
        result.get("failed").is_none(),
        "inspection failed: {result}"
    );
    result
}

/// [`find_stored`] for the [`needles`] of `payload`.
pub async fn inspect_storage(browser: &Browser, payload: &str) -> Value {
    find_stored(browser, &needles(payload)).await
}

/// Asserts nothing of `payload` is kept anywhere the origin keeps things;
/// `when` names the moment.
pub async fn assert_not_stored(browser: &Browser, payload: &str, when: &str) {
    let inspected = inspect_storage(browser, payload).await;
    assert_eq!(inspected["found"], json!([]), "{when}: {inspected}");
}

/// Every request's URL, and its headers and body, from DevTools performance-log events.
pub fn requests_of(events: &[Value]) -> Vec<(String, String)> {
    events
        .iter()
        .filter(|event| event["method"] == "Network.requestWillBeSent")
        .map(|event| {
            let request = &event["params"]["request"];
            let url = request["url"].as_str().unwrap_or_default().to_string();
            let rest = format!(
                "{} {} {}",
                request["headers"], request["postData"], request["postDataEntries"]
            );
            (url, rest)
        })
        .collect()
}

/// No request (`all`: URL, headers or body) carried any of `payloads`, nothing
/// after the first load (`after_first_load`) left `origin`, and the console
/// (read once, here) never printed them.
pub async fn assert_not_sent_or_printed(
    browser: &Browser,
    payloads: &[&str],
    origin: &str,
    all: &[(String, String)],
    after_first_load: &[(String, String)],
) {
    for payload in payloads {
        for (url, rest) in all {
            assert_absent(
                &format!("{url} {rest}"),
                payload,
                &format!("a request ({url})"),
            );
        }
    }
    let foreign: Vec<_> = after_first_load
        .iter()
        .map(|(url, _)| url)
        .filter(|url| {
            !url.starts_with(origin) && !url.starts_with("data:") && !url.starts_with("blob:")
        })
        .collect();
    assert!(
        foreign.is_empty(),
        "requests left the app's origin: {foreign:?}"
    );
    let console: Vec<String> = browser
        .console()
        .await
        .into_iter()
        .map(|(_, message)| message)
        .collect();
    for payload in payloads {
        assert_absent(&console.join("\n"), payload, "the console");
    }
}
