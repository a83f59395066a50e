//! Deep links: `<base>/` for the home page, `<base>/g/<guide-id>/` for a
//! guide, and `?c=<profile>` for a commune's help point.
//!
//! Path routes rather than `#/` routes: every route is pre-rendered as its
//! own static `index.html`, so any static host serves it without rewrite
//! rules, the link reads well when printed, and a query string (unlike a
//! fragment) survives Zalo's in-app browser and link previews. The trailing
//! slash makes the host serve `g/<id>/index.html` directly.

use core::fmt;
use core::str::FromStr;

use crate::profile::{CommuneProfile, ProfileCode, ProfileError, decode_profile};

/// A normalized base URL: `http` or `https`, lower-case scheme and host, no
/// query or fragment, always ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl(String);

/// Why a base URL was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    NotHttp,
    NoHost,
    QueryOrFragment,
    BadCharacter,
}

impl LinkError {
    pub fn message_vi(&self) -> &'static str {
        match self {
            LinkError::NotHttp => "Địa chỉ trang phải bắt đầu bằng https:// (hoặc http://).",
            LinkError::NoHost => "Địa chỉ trang thiếu tên miền, ví dụ https://sotay.example.vn/.",
            LinkError::QueryOrFragment => "Địa chỉ trang không được chứa dấu ? hoặc #.",
            LinkError::BadCharacter => {
                "Địa chỉ trang có ký tự không hợp lệ (dấu cách, dấu ngoặc kép, …)."
            }
        }
    }

    pub fn message_en(&self) -> &'static str {
        match self {
            LinkError::NotHttp => "The base URL must start with https:// (or http://).",
            LinkError::NoHost => "The base URL has no host name.",
            LinkError::QueryOrFragment => "The base URL must not contain ? or #.",
            LinkError::BadCharacter => "The base URL contains an invalid character.",
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_vi())
    }
}

impl std::error::Error for LinkError {}

impl BaseUrl {
    pub fn parse(text: &str) -> Result<BaseUrl, LinkError> {
        let text = text.trim();
        let (scheme, rest) = text.split_once("://").ok_or(LinkError::NotHttp)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(LinkError::NotHttp);
        }
        if rest.contains(['?', '#']) {
            return Err(LinkError::QueryOrFragment);
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~/%!$&+,;=:@[]".contains(c);
        if !rest.chars().all(allowed) {
            return Err(LinkError::BadCharacter);
        }
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        // A user part ("official.gov.vn@evil.example") only misleads on a poster.
        if host.is_empty() || host.contains('@') || host.starts_with(':') {
            return Err(LinkError::NoHost);
        }
        let mut url = format!("{scheme}://{}", host.to_ascii_lowercase());
        url.push_str(path);
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(BaseUrl(url))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for BaseUrl {
    type Err = LinkError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BaseUrl::parse(s)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The link a poster's QR code carries: the home page (`guide_id = None`) or
/// a guide, with the commune profile when given.
pub fn guide_url(base: &BaseUrl, guide_id: Option<&str>, profile: Option<&ProfileCode>) -> String {
    let mut url = base.0.clone();
    if let Some(id) = guide_id.filter(|id| !id.is_empty()) {
        url.push_str("g/");
        percent_encode_segment(id, &mut url);
        url.push('/');
    }
    if let Some(code) = profile {
        url.push_str("?c=");
        url.push_str(code.as_str());
    }
    url
}

/// The link of a poster for a commune on the deployer's verified list:
/// `?x=<id>` instead of the whole profile (see [`crate::VerifiedList`]).
pub fn verified_guide_url(base: &BaseUrl, guide_id: Option<&str>, commune_id: &str) -> String {
    let mut url = guide_url(base, guide_id, None);
    url.push_str("?x=");
    percent_encode_segment(commune_id, &mut url);
    url
}

/// The short link printed under a QR code: without the scheme and the
/// profile, so that it can be typed.
pub fn display_link(url: &str) -> &str {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url)
}

/// What a link points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// `None` for the home page.
    pub guide_id: Option<String>,
    /// `None` when the link has no `?c=`; the error when it has a bad one
    /// (the app ignores it with a gentle message).
    pub profile: Option<Result<CommuneProfile, ProfileError>>,
}

/// Reads a link made by [`guide_url`] (used by tests and the handoff QR).
/// `None` when the URL is not under `base` or is not a known route.
///
/// # Example
///
/// ```
/// use sotay_poster::{BaseUrl, parse_link};
///
/// let base = BaseUrl::parse("https://sotay.example.vn").unwrap();
/// let link = parse_link(&base, "https://sotay.example.vn/g/kich-hoat-vneid/").unwrap();
/// assert_eq!(link.guide_id.as_deref(), Some("kich-hoat-vneid"));
/// assert!(link.profile.is_none());
/// assert!(parse_link(&base, "https://other.example/g/kich-hoat-vneid/").is_none());
/// ```
pub fn parse_link(base: &BaseUrl, url: &str) -> Option<Link> {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let (path_and_more, query) = match url.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (url, None),
    };
    let rest = if path_and_more.len() + 1 == base.0.len() && base.0.starts_with(path_and_more) {
        ""
    } else {
        path_and_more.strip_prefix(base.0.as_str())?
    };
    let guide_id = match rest {
        "" | "index.html" => None,
        _ => {
            let segment = rest.strip_prefix("g/")?;
            let segment = segment
                .strip_suffix("/index.html")
                .or_else(|| segment.strip_suffix('/'))
                .unwrap_or(segment);
            if segment.is_empty() || segment.contains('/') {
                return None;
            }
            Some(percent_decode(segment)?)
        }
    };
    Some(Link {
        guide_id,
        profile: query.and_then(profile_from_query),
    })
}

/// The profile in a query string (`location.search`, with or without the
/// leading `?`): `None` when there is no `c` parameter.
pub fn profile_from_query(query: &str) -> Option<Result<CommuneProfile, ProfileError>> {
    profile_code_in_query(query).map(decode_profile)
}

/// The raw `c=` value of a query string, as [`profile_from_query`] decodes it.
pub fn profile_code_in_query(query: &str) -> Option<&str> {
    let query = query.strip_prefix('?').unwrap_or(query);
    // base64url needs no percent-encoding; a stray "%3D" padding or the like
    // is simply not base64url and is rejected by the decoder.
    query.split('&').find_map(|pair| pair.strip_prefix("c="))
}

fn percent_encode_segment(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut iter = text.bytes();
    while let Some(byte) = iter.next() {
        if byte == b'%' {
            let hi = char::from(iter.next()?).to_digit(16)?;
            let lo = char::from(iter.next()?).to_digit(16)?;
            bytes.push((hi * 16 + lo) as u8);
        } else {
            bytes.push(byte);
        }
    }
    String::from_utf8(bytes).ok()
}

/// An ASCII file-name slug: Vietnamese letters folded ("Phường Long Biên" →
/// "phuong-long-bien"), anything else a dash; "khong-ten" when nothing is left.
///
/// # Example
///
/// ```
/// assert_eq!(sotay_poster::slug("Phường Long Biên"), "phuong-long-bien");
/// assert_eq!(sotay_poster::slug("Xã Đắk Ơ (Bình Phước)"), "xa-dak-o-binh-phuoc");
/// assert_eq!(sotay_poster::slug("???"), "khong-ten");
/// ```
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match sotay_chars::fold_letter(c) {
            Some(folded) if folded.is_ascii_alphanumeric() => {
                if out.len() >= 60 {
                    break;
                }
                out.push(folded);
            }
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("khong-ten");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> BaseUrl {
        BaseUrl::parse("https://sotay.example.vn").unwrap()
    }

    #[test]
    fn normalizes_base_urls() {
        assert_eq!(base().as_str(), "https://sotay.example.vn/");
        assert_eq!(
            BaseUrl::parse(" HTTPS://Example.GitHub.io/sotay ")
                .unwrap()
                .as_str(),
            "https://example.github.io/sotay/"
        );
        assert_eq!(
            BaseUrl::parse("http://127.0.0.1:8080/").unwrap().as_str(),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(BaseUrl::parse("ftp://x.vn"), Err(LinkError::NotHttp));
        assert_eq!(BaseUrl::parse("sotay.vn"), Err(LinkError::NotHttp));
        assert_eq!(BaseUrl::parse("javascript://x"), Err(LinkError::NotHttp));
        assert_eq!(BaseUrl::parse("https://"), Err(LinkError::NoHost));
        assert_eq!(
            BaseUrl::parse("https://gov.vn@evil.example/"),
            Err(LinkError::NoHost)
        );
        assert_eq!(
            BaseUrl::parse("https://x.vn/?a=1"),
            Err(LinkError::QueryOrFragment)
        );
        assert_eq!(
            BaseUrl::parse("https://x.vn/a b"),
            Err(LinkError::BadCharacter)
        );
        assert_eq!(
            BaseUrl::parse("https://x.vn/\"><script>"),
            Err(LinkError::BadCharacter)
        );
    }

    #[test]
    fn builds_and_parses_path_routes() {
        let base = base();
        assert_eq!(guide_url(&base, None, None), "https://sotay.example.vn/");
        assert_eq!(
            guide_url(&base, Some("kich-hoat-vneid"), None),
            "https://sotay.example.vn/g/kich-hoat-vneid/"
        );
        let code = CommuneProfile::new("Xã Đông Hòa").encode().unwrap();
        let url = guide_url(&base, Some("tam-tru"), Some(&code));
        assert_eq!(url, format!("https://sotay.example.vn/g/tam-tru/?c={code}"));
        let link = parse_link(&base, &url).unwrap();
        assert_eq!(link.guide_id.as_deref(), Some("tam-tru"));
        assert_eq!(link.profile, Some(Ok(CommuneProfile::new("Xã Đông Hòa"))));

        let home = parse_link(&base, "https://sotay.example.vn").unwrap();
        assert_eq!(
            home,
            Link {
                guide_id: None,
                profile: None
            }
        );
        let odd = guide_url(&base, Some("a b/ư"), None);
        assert_eq!(odd, "https://sotay.example.vn/g/a%20b%2F%C6%B0/");
        assert_eq!(
            parse_link(&base, &odd).unwrap().guide_id.as_deref(),
            Some("a b/ư")
        );

        assert_eq!(parse_link(&base, "https://other.example/g/x/"), None);
        assert_eq!(parse_link(&base, "https://sotay.example.vn/x/y/"), None);
        let bad = parse_link(&base, "https://sotay.example.vn/g/x/?c=%3Cscript%3E").unwrap();
        assert!(matches!(bad.profile, Some(Err(_))));
    }

    #[test]
    fn display_link_drops_scheme_and_profile() {
        assert_eq!(
            display_link("https://sotay.example.vn/g/tam-tru/?c=AQA"),
            "sotay.example.vn/g/tam-tru/"
        );
    }

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(slug("Phường Long Biên"), "phuong-long-bien");
        assert_eq!(slug("Xã Đắk R'Lấp (cũ)"), "xa-dak-r-lap-cu");
        assert_eq!(slug("ĐẶC KHU PHÚ QUỐC"), "dac-khu-phu-quoc");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("   "), "khong-ten");
    }
}
