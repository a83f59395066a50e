//! Content rules for guides (see `assets/guides/README.md`). Messages are in Vietnamese because the
//! commune officer who edits the files reads them; each names the file, the field and the problem.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::model::{Catalog, Guide, Lang};
use crate::review::{REVIEW_DUE_MONTHS, ReviewAge, STALE_MONTHS};
use sotay_date::Date;

/// Domains accepted for `sources` and step links: government sites. A host matches a domain when
/// it is the domain or one of its subdomains (`dean06.hanam.gov.vn` matches `gov.vn`).
///
/// `gov.vn` covers vneid.gov.vn, dichvucong.gov.vn, bocongan.gov.vn, baohiemxahoi.gov.vn,
/// moj.gov.vn and every provincial and commune portal. `chinhphu.vn`, `baochinhphu.vn`, `csgt.vn`
/// and `vbpl.vn` are government sites outside `gov.vn`. The electricity services (new connection,
/// change of contract holder) are carried out by Vietnam Electricity (EVN, state-owned; named as
/// the implementing body on dichvucong.gov.vn) through its five power corporations, so their sites
/// are the procedure's own pages: `evn.com.vn`, `npc.com.vn` (north), `cpc.vn` (centre),
/// `evnspc.vn` (south), `evnhanoi.vn`, `evnhcmc.vn`. Law databases run by private companies
/// (thuvienphapluat.vn, luatvietnam.vn) are not official and are not accepted.
pub const OFFICIAL_DOMAINS: &[&str] = &[
    "gov.vn",
    "chinhphu.vn",
    "baochinhphu.vn",
    "csgt.vn",
    "vbpl.vn",
    "evn.com.vn",
    "npc.com.vn",
    "cpc.vn",
    "evnspc.vn",
    "evnhanoi.vn",
    "evnhcmc.vn",
];

/// A rule broken by a guide file: the guide cannot be published until it is fixed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    /// Path of the file, e.g. `assets/guides/vi/kich-hoat-vneid.toml`.
    pub file: String,
    /// The field, e.g. `steps[2].text`; empty when the problem is the whole file.
    pub field: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

/// Something worth a look that does not block publishing (e.g. a review older than 9 months).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentWarning {
    pub file: String,
    pub field: String,
    pub message: String,
}

fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    field: &str,
    message: &str,
) -> fmt::Result {
    if field.is_empty() {
        write!(f, "{file}: {message}")
    } else {
        write!(f, "{file}: {field}: {message}")
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, &self.field, &self.message)
    }
}

impl fmt::Display for ContentWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, &self.field, &self.message)
    }
}

impl std::error::Error for ContentError {}

/// The conventional path of a guide file, used in messages when the real path is not known.
pub fn guide_path(lang: Lang, id: &str) -> String {
    format!("assets/guides/{}/{}.toml", lang.code(), id)
}

/// Whether `id` is a valid guide id: lowercase ASCII letters, digits and single hyphens inside.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// Why a URL was refused, or `None` when it is fine.
pub(crate) fn url_problem(url: &str, must_be_official: bool) -> Option<String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Some(format!("địa chỉ “{url}” phải bắt đầu bằng https://"));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some(format!(
            "địa chỉ “{url}” có ký tự @ trước tên miền (kiểu lừa đảo), không được dùng"
        ));
    }
    let host = authority
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host.is_empty() || !host.contains('.') {
        return Some(format!("địa chỉ “{url}” không có tên miền hợp lệ"));
    }
    if must_be_official && !is_official_host(&host) {
        return Some(format!(
            "“{host}” không phải trang chính thức của cơ quan nhà nước (chỉ nhận: {})",
            OFFICIAL_DOMAINS.join(", ")
        ));
    }
    None
}

/// Whether `host` is one of [`OFFICIAL_DOMAINS`] or a subdomain of one.
pub fn is_official_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    OFFICIAL_DOMAINS.iter().any(|domain| {
        host == *domain
            || host
                .strip_suffix(domain)
                .is_some_and(|prefix| prefix.ends_with('.'))
    })
}

/// Whether `url` is an https link to an official domain.
pub fn is_official_url(url: &str) -> bool {
    url_problem(url, true).is_none()
}

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    errors: &'a mut Vec<ContentError>,
}

impl Report<'_> {
    fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ContentError {
            file: self.file.to_owned(),
            field: field.into(),
            message: message.into(),
        });
    }

    fn not_blank(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(field, "trống");
        }
    }

    fn url(&mut self, field: &str, url: &str) {
        if let Some(problem) = url_problem(url.trim(), true) {
            self.error(field, problem);
        }
    }
}

/// Rules that only need the guide itself (not the other guides, not the disk).
pub(crate) fn check_guide(guide: &Guide, file: &str, today: Date, errors: &mut Vec<ContentError>) {
    let mut report = Report { file, errors };
    if !is_valid_id(&guide.id) {
        report.error(
            "id",
            format!(
                "“{}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ “kich-hoat-vneid”",
                guide.id
            ),
        );
    }
    report.not_blank("title", &guide.title);
    report.not_blank("summary", &guide.summary);
    if guide.summary.contains('\n') {
        report.error("summary", "chỉ viết một dòng");
    }
    report.not_blank("for_whom", &guide.for_whom);
    if let Some(time) = &guide.time_needed {
        report.not_blank("time_needed", time);
    }
    report.not_blank("after", &guide.after);
    report.not_blank("help", &guide.help);
    if guide.reviewed > today {
        report.error(
            "reviewed",
            format!(
                "ngày {} ở tương lai (hôm nay là {}); ghi ngày đã thực sự kiểm tra",
                guide.reviewed, today
            ),
        );
    }
    for (i, keyword) in guide.keywords.iter().enumerate() {
        report.not_blank(&format!("keywords[{i}]"), keyword);
    }
    if guide.before_you_start.is_empty() {
        report.error("before_you_start", "cần ít nhất một mục cần chuẩn bị");
    }
    for (i, item) in guide.before_you_start.iter().enumerate() {
        report.not_blank(&format!("before_you_start[{i}]"), item);
    }
    if guide.legal_basis.is_empty() {
        report.error("legal_basis", "cần ít nhất một văn bản pháp luật");
    }
    for (i, item) in guide.legal_basis.iter().enumerate() {
        report.not_blank(&format!("legal_basis[{i}]"), item);
    }
    if guide.steps.len() < 2 {
        report.error(
            "steps",
            format!("cần ít nhất 2 bước, đang có {}", guide.steps.len()),
        );
    }
    for (i, step) in guide.steps.iter().enumerate() {
        let field = |name: &str| format!("steps[{i}].{name}");
        report.not_blank(&field("title"), &step.title);
        report.not_blank(&field("text"), &step.text);
        for (name, value) in [("tip", &step.tip), ("warning", &step.warning)] {
            if let Some(value) = value {
                report.not_blank(&field(name), value);
            }
        }
        if let Some(name) = &step.illustration
            && !is_valid_id(name)
        {
            report.error(
                field("illustration"),
                format!("tên hình “{name}” chỉ dùng chữ thường không dấu, số và dấu gạch ngang"),
            );
        }
        if let Some(link) = &step.link {
            report.not_blank(&field("link.label"), &link.label);
            report.url(&field("link.url"), &link.url);
        }
    }
    let key_count = guide.steps.iter().filter(|s| s.key).count();
    if key_count > 3 {
        report.error(
            "steps",
            format!("tối đa 3 bước có key = true (để in lên áp phích), đang có {key_count}"),
        );
    }
    if guide.problems.is_empty() {
        report.error("problems", "cần ít nhất một lỗi thường gặp");
    }
    for (i, problem) in guide.problems.iter().enumerate() {
        report.not_blank(&format!("problems[{i}].symptom"), &problem.symptom);
        report.not_blank(&format!("problems[{i}].fix"), &problem.fix);
    }
    if guide.sources.is_empty() {
        report.error("sources", "cần ít nhất một nguồn chính thức");
    }
    if guide.cites_only_homepages() {
        report.error(
            "sources",
            "mọi nguồn đều là trang chủ; cần ít nhất một nguồn là trang của chính thủ tục (đường dẫn sâu hơn trang chủ) hoặc một tài liệu hướng dẫn chính thức",
        );
    }
    let mut source_ids: HashMap<&str, usize> = HashMap::new();
    for (i, source) in guide.sources.iter().enumerate() {
        if let Some(id) = &source.id {
            if !is_valid_id(id) {
                report.error(
                    format!("sources[{i}].id"),
                    format!(
                        "“{id}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ “hanam-tam-vang”"
                    ),
                );
            }
            if let Some(first) = source_ids.insert(id, i) {
                report.error(
                    format!("sources[{i}].id"),
                    format!("“{id}” đã dùng cho sources[{first}]; mỗi nguồn cần id riêng"),
                );
            }
        }
        report.not_blank(&format!("sources[{i}].title"), &source.title);
        report.url(&format!("sources[{i}].url"), &source.url);
        if source.accessed > today {
            report.error(
                format!("sources[{i}].accessed"),
                format!(
                    "ngày {} ở tương lai (hôm nay là {})",
                    source.accessed, today
                ),
            );
        }
    }
    for (i, step) in guide.steps.iter().enumerate() {
        if let Some(id) = &step.source
            && !source_ids.contains_key(id.as_str())
        {
            let known: Vec<&str> = guide
                .sources
                .iter()
                .filter_map(|s| s.id.as_deref())
                .collect();
            let hint = if known.is_empty() {
                "chưa nguồn nào có id; thêm id = \"...\" vào mục [[sources]] mà bước này dựa vào"
                    .to_owned()
            } else {
                format!("các id đang có: {}", known.join(", "))
            };
            report.error(
                format!("steps[{i}].source"),
                format!("không có nguồn nào có id “{id}” trong hướng dẫn này ({hint})"),
            );
        }
    }
}

/// Checks every rule on a whole catalog, naming files by their conventional path
/// ([`guide_path`]). `today` is the caller's date (no clock is read here).
///
/// Not checked here because it needs the disk: that illustrations exist and that file names match
/// ids (the loader checks both).
pub fn validate(catalog: &Catalog, today: Date) -> (Vec<ContentError>, Vec<ContentWarning>) {
    validate_with_paths(catalog, today, &|guide: &Guide| {
        guide_path(guide.lang, &guide.id)
    })
}

pub(crate) fn validate_with_paths(
    catalog: &Catalog,
    today: Date,
    path_of: &dyn Fn(&Guide) -> String,
) -> (Vec<ContentError>, Vec<ContentWarning>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: HashMap<(Lang, &str), String> = HashMap::new();
    let ids_by_lang: HashMap<Lang, BTreeSet<&str>> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let ids = catalog
                .guides
                .iter()
                .filter(|g| g.lang == lang)
                .map(|g| g.id.as_str())
                .collect();
            (lang, ids)
        })
        .collect();

    for guide in &catalog.guides {
        let file = path_of(guide);
        check_guide(guide, &file, today, &mut errors);
        let mut report = Report {
            file: &file,
            errors: &mut errors,
        };
        if let Some(first) = seen.insert((guide.lang, guide.id.as_str()), file.clone()) {
            report.error(
                "id",
                format!(
                    "“{}” đã dùng trong {first}; mỗi hướng dẫn cần id riêng",
                    guide.id
                ),
            );
        }
        let same_lang = ids_by_lang.get(&guide.lang);
        let exists = |id: &str| same_lang.is_some_and(|ids| ids.contains(id));
        for (i, id) in guide.related.iter().enumerate() {
            if !exists(id) {
                report.error(
                    format!("related[{i}]"),
                    format!(
                        "không có hướng dẫn “{id}” bằng tiếng {}",
                        lang_name(guide.lang)
                    ),
                );
            }
            if id == &guide.id {
                report.error(
                    format!("related[{i}]"),
                    "hướng dẫn không tự liên kết tới chính nó",
                );
            }
        }
        if let Some(next) = &guide.next {
            if !exists(next) {
                report.error(
                    "next",
                    format!(
                        "không có hướng dẫn “{next}” bằng tiếng {}",
                        lang_name(guide.lang)
                    ),
                );
            } else if next == &guide.id {
                report.error("next", "hướng dẫn tiếp theo không thể là chính nó");
            }
        }
        if guide.lang != Lang::Vi
            && !ids_by_lang
                .get(&Lang::Vi)
                .is_some_and(|ids| ids.contains(guide.id.as_str()))
        {
            report.error(
                "id",
                format!(
                    "không có bản tiếng Việt assets/guides/vi/{}.toml; bản dịch phải dùng đúng id của bản gốc",
                    guide.id
                ),
            );
        }
        let age_message = match guide.review_age(today) {
            ReviewAge::Current => None,
            ReviewAge::Due => Some(format!(
                "kiểm tra lần cuối ngày {}, đã hơn {REVIEW_DUE_MONTHS} tháng; hãy đối chiếu lại với nguồn chính thức trước khi đủ {STALE_MONTHS} tháng (khi đó người đọc thấy thông báo “có thể đã cũ”)",
                guide.reviewed
            )),
            ReviewAge::Stale => Some(format!(
                "kiểm tra lần cuối ngày {}, đã hơn {STALE_MONTHS} tháng; người đọc đang thấy thông báo “Hướng dẫn này có thể đã cũ”; hãy đối chiếu lại với nguồn chính thức",
                guide.reviewed
            )),
        };
        if let Some(message) = age_message {
            warnings.push(ContentWarning {
                file: file.clone(),
                field: "reviewed".into(),
                message,
            });
        }
    }
    (errors, warnings)
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Việt",
        Lang::En => "Anh",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_ascii_with_hyphens() {
        assert!(is_valid_id("kich-hoat-vneid"));
        assert!(is_valid_id("muc2"));
        for bad in [
            "",
            "Kich-hoat",
            "kích-hoạt",
            "a_b",
            "-a",
            "a-",
            "a--b",
            "a b",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn official_domains() {
        assert!(is_official_url("https://vneid.gov.vn/"));
        assert!(is_official_url(
            "https://dean06.hanam.gov.vn/tailieu/dk_t5.html"
        ));
        assert!(is_official_url(
            "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"
        ));
        assert!(is_official_url("https://chinhphu.vn"));
        assert!(is_official_url("https://VNEID.GOV.VN:443/x"));
        assert!(!is_official_url("http://vneid.gov.vn/"));
        assert!(!is_official_url("https://thuvienphapluat.vn/van-ban"));
        assert!(!is_official_url("https://vneid-gov.vn/"));
        assert!(!is_official_url("https://fakegov.vn/"));
        assert!(!is_official_url("https://gov.vn.evil.com/"));
        assert!(is_official_url(
            "https://cskh.npc.com.vn/Home/HuongDanThuTucNPC"
        ));
        assert!(!is_official_url("https://fakeevn.com.vn/"));
        assert!(!is_official_url("https://vneid.gov.vn@evil.com/"));
    }
}
