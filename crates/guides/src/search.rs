//! Search across guides that ignores Vietnamese diacritics and case, expands common synonyms
//! (CCCD ↔ căn cước, VNeID ↔ định danh, …) and ranks title > keywords > summary > other text >
//! steps.
//!
//! How a query is read: it is folded (see [`crate::fold`]) and split into words; runs of words
//! that form a synonym phrase become one "concept" matching any phrase of its group; every other
//! word is its own concept (the last one also matches as a prefix, for searching while typing).
//! A guide scores, for each concept it contains, the weight of the best field holding it, plus a
//! bonus when the whole query appears as a phrase. Guides matching the most concepts come first;
//! guides matching fewer than the best are dropped, so "kich hoat vneid" does not list every
//! guide that merely mentions VNeID.

use serde::{Deserialize, Serialize};

use crate::fold::words;
use crate::model::{Catalog, Guide, Lang};

/// Synonym groups, in folded form (lower case, no diacritics). Any phrase of a group finds the others.
const SYNONYMS: &[&[&str]] = &[
    &[
        "cccd",
        "can cuoc",
        "can cuoc cong dan",
        "the can cuoc",
        "chung minh",
        "chung minh nhan dan",
        "cmnd",
        "id card",
    ],
    &["dinh danh", "dinh danh dien tu", "vneid", "e id"],
    &[
        "dich vu cong",
        "dvc",
        "dvcqg",
        "cong dich vu cong",
        "public service",
    ],
    &[
        "giay phep lai xe",
        "bang lai",
        "bang lai xe",
        "gplx",
        "driving licence",
        "driving license",
    ],
    &["bao hiem y te", "bhyt", "health insurance"],
    &["bao hiem xa hoi", "bhxh", "social insurance"],
    &["mat khau", "password"],
    &["otp", "ma otp", "ma xac thuc", "ma xac nhan"],
    &["so dien thoai", "sdt", "sim", "thue bao"],
    &["dang nhap", "login", "log in", "sign in"],
    &["ly lich tu phap", "lltp", "criminal record"],
    &["lua dao", "gia mao", "gia danh", "mao danh", "scam"],
    &["dang ky xe", "giay dang ky xe", "ca vet", "cavet"],
    &["so suc khoe", "so suc khoe dien tu", "health book"],
    &["thuong tru", "ho khau"],
    &["khai tu", "qua doi", "bao tu"],
    &["tro cap", "an sinh xa hoi", "khong dung tien mat"],
    &["phat nguoi", "nop phat", "xu phat", "phat vi pham"],
];

/// Folded words so common in questions that they say nothing about the guide wanted
/// ("làm sao để kích hoạt" → "kich hoat"). Dropped unless the query has nothing else.
const STOP_WORDS: &[&str] = &[
    "cach", "lam", "sao", "nao", "toi", "muon", "de", "cho", "va", "cua", "o", "tai", "nhu", "gi",
    "bi", "la", "thi", "voi", "how", "to", "my", "i", "a", "an", "of", "do",
];

/// Where in a guide the best match was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchField {
    Title,
    Keywords,
    Summary,
    /// Who it is for, checklist, problems, what happens after.
    Body,
    Steps,
}

impl MatchField {
    fn weight(self) -> u32 {
        match self {
            MatchField::Title => 12,
            MatchField::Keywords => 8,
            MatchField::Summary => 5,
            MatchField::Body => 2,
            MatchField::Steps => 1,
        }
    }
}

/// One search result, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: String,
    /// Language of the guide shown (Vietnamese when the guide is not translated).
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub score: u32,
    /// The best field any query word was found in.
    pub field: MatchField,
    /// 0-based index of the first step that matched, when the best match was in the steps.
    pub step: Option<usize>,
}

/// One thing the user asked for: any of these word sequences.
struct Concept {
    alternatives: Vec<Vec<String>>,
    /// The last plain word also matches as a prefix ("kich ho" finds "kích hoạt").
    prefix: bool,
}

fn phrase_words(phrase: &str) -> Vec<String> {
    phrase.split(' ').map(str::to_owned).collect()
}

fn parse_query(query: &str) -> (Vec<Concept>, Vec<String>) {
    let all_words = words(query);
    let meaningful: Vec<String> = all_words
        .iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    let query_words = if meaningful.is_empty() {
        all_words
    } else {
        meaningful
    };
    let mut concepts = Vec::new();
    let mut i = 0;
    while i < query_words.len() {
        let rest = query_words.get(i..).unwrap_or_default();
        // The longest synonym phrase starting here.
        let mut best: Option<(usize, &[&str])> = None;
        for group in SYNONYMS {
            for phrase in group.iter() {
                let p = phrase_words(phrase);
                if p.len() <= rest.len()
                    && rest.iter().zip(&p).all(|(a, b)| a == b)
                    && best.is_none_or(|(len, _)| p.len() > len)
                {
                    best = Some((p.len(), group));
                }
            }
        }
        match best {
            Some((len, group)) => {
                concepts.push(Concept {
                    alternatives: group.iter().map(|p| phrase_words(p)).collect(),
                    prefix: false,
                });
                i += len;
            }
            None => {
                concepts.push(Concept {
                    alternatives: vec![rest.iter().take(1).cloned().collect()],
                    prefix: i + 1 == query_words.len(),
                });
                i += 1;
            }
        }
    }
    (concepts, query_words)
}

/// Whether `phrase` occurs as consecutive words in `haystack`; with `prefix`, its last word only
/// needs to start a word.
fn contains_phrase(haystack: &[String], phrase: &[String], prefix: bool) -> bool {
    if phrase.is_empty() || phrase.len() > haystack.len() {
        return false;
    }
    haystack.windows(phrase.len()).any(|window| {
        window.iter().zip(phrase).enumerate().all(|(k, (h, p))| {
            if prefix && k + 1 == phrase.len() {
                h.starts_with(p.as_str())
            } else {
                h == p
            }
        })
    })
}

/// The folded words of each searchable field of a guide.
struct GuideText {
    fields: Vec<(MatchField, Option<usize>, Vec<String>)>,
}

impl GuideText {
    fn new(guide: &Guide) -> GuideText {
        let mut fields = vec![(MatchField::Title, None, words(&guide.title))];
        fields.push((MatchField::Keywords, None, words(&guide.id)));
        for keyword in &guide.keywords {
            fields.push((MatchField::Keywords, None, words(keyword)));
        }
        fields.push((MatchField::Summary, None, words(&guide.summary)));
        let mut body: Vec<&str> = vec![&guide.for_whom, &guide.after];
        body.extend(guide.before_you_start.iter().map(String::as_str));
        for problem in &guide.problems {
            body.push(&problem.symptom);
            body.push(&problem.fix);
        }
        for text in body {
            fields.push((MatchField::Body, None, words(text)));
        }
        for (index, step) in guide.steps.iter().enumerate() {
            let mut text = format!("{}\n{}", step.title, step.text);
            for extra in [&step.tip, &step.warning].into_iter().flatten() {
                text.push('\n');
                text.push_str(extra);
            }
            fields.push((MatchField::Steps, Some(index), words(&text)));
        }
        GuideText { fields }
    }

    /// The best (field, step) holding any of the alternatives.
    fn best_match(
        &self,
        alternatives: &[Vec<String>],
        prefix: bool,
    ) -> Option<(MatchField, Option<usize>)> {
        self.fields
            .iter()
            .filter(|(_, _, field_words)| {
                alternatives
                    .iter()
                    .any(|alt| contains_phrase(field_words, alt, prefix))
            })
            .map(|(field, step, _)| (*field, *step))
            .min_by_key(|(field, _)| *field)
    }
}

/// Searches the guides a reader of `lang` sees (English where translated, otherwise Vietnamese).
/// An empty or blank query finds nothing.
pub fn search(catalog: &Catalog, lang: Lang, query: &str) -> Vec<SearchHit> {
    let (concepts, query_words) = parse_query(query);
    if concepts.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, SearchHit)> = Vec::new();
    for guide in catalog.list(lang) {
        let text = GuideText::new(guide);
        let mut matched = 0;
        let mut score = 0;
        let mut best: Option<(MatchField, Option<usize>)> = None;
        for concept in &concepts {
            if let Some((field, step)) = text.best_match(&concept.alternatives, concept.prefix) {
                matched += 1;
                score += field.weight() * 10;
                if best.is_none_or(|(f, _)| field < f) {
                    best = Some((field, step));
                }
            }
        }
        let Some((field, step)) = best else { continue };
        if query_words.len() > 1
            && let Some((phrase_field, _)) =
                text.best_match(std::slice::from_ref(&query_words), true)
        {
            score += phrase_field.weight() * 5;
        }
        scored.push((
            matched,
            SearchHit {
                id: guide.id.clone(),
                lang: guide.lang,
                title: guide.title.clone(),
                summary: guide.summary.clone(),
                score,
                field,
                step: if field == MatchField::Steps {
                    step
                } else {
                    None
                },
            },
        ));
    }
    let most = scored.iter().map(|(m, _)| *m).max().unwrap_or(0);
    let mut hits: Vec<SearchHit> = scored
        .into_iter()
        .filter(|(m, _)| *m == most)
        .map(|(_, hit)| hit)
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Problem, Source, Step};
    use sotay_date::Date;

    fn guide(id: &str, title: &str, keywords: &[&str], summary: &str, step_text: &str) -> Guide {
        let step = |t: &str| Step {
            title: "Bước".into(),
            text: t.into(),
            tip: None,
            warning: None,
            illustration: None,
            key: false,
            link: None,
            source: None,
        };
        Guide {
            id: id.into(),
            lang: Lang::Vi,
            title: title.into(),
            summary: summary.into(),
            category: Category::Vneid,
            for_whom: "Mọi người".into(),
            time_needed: None,
            reviewed: Date::new(2026, 11, 1).unwrap(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            related: vec![],
            next: None,
            before_you_start: vec!["Điện thoại".into()],
            after: "Xong".into(),
            help: "Công an xã".into(),
            legal_basis: vec!["Luật".into()],
            steps: vec![step(step_text), step("Chạm Tiếp tục")],
            problems: vec![Problem {
                symptom: "Lỗi".into(),
                fix: "Thử lại".into(),
            }],
            sources: vec![Source {
                id: None,
                title: "Nguồn".into(),
                url: "https://vneid.gov.vn/".into(),
                accessed: Date::new(2026, 11, 1).unwrap(),
            }],
        }
    }

    fn catalog() -> Catalog {
        Catalog::new(vec![
            guide(
                "kich-hoat-vneid",
                "Kích hoạt tài khoản định danh điện tử",
                &["OTP"],
                "Mở ứng dụng và nhập mã.",
                "Nhập số định danh cá nhân.",
            ),
            guide(
                "dang-ky-tam-tru",
                "Đăng ký tạm trú trực tuyến",
                &[],
                "Khai báo nơi ở mới.",
                "Chọn thủ tục cư trú.",
            ),
            guide(
                "dang-ky-thuong-tru",
                "Đăng ký thường trú",
                &["hộ khẩu"],
                "Nơi ở lâu dài, tạm thời chưa có.",
                "Chọn thủ tục.",
            ),
            guide(
                "doi-the",
                "Cấp đổi thẻ căn cước",
                &[],
                "Khi thẻ hết hạn.",
                "Mang giấy tờ.",
            ),
            guide(
                "gplx",
                "Đổi giấy phép lái xe trực tuyến",
                &[],
                "Trên cổng dịch vụ công.",
                "Đăng nhập bằng VNeID.",
            ),
        ])
    }

    fn ids(hits: &[SearchHit]) -> Vec<&str> {
        hits.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn unaccented_query_finds_accented_title() {
        let hits = search(&catalog(), Lang::Vi, "kich hoat");
        assert_eq!(ids(&hits).first(), Some(&"kich-hoat-vneid"));
        assert_eq!(hits[0].field, MatchField::Title);
        let hits = search(&catalog(), Lang::Vi, "tam tru");
        assert_eq!(ids(&hits).first(), Some(&"dang-ky-tam-tru"));
    }

    #[test]
    fn nfd_and_upper_case_queries_work() {
        let hits = search(&catalog(), Lang::Vi, "KI\u{0301}CH HOA\u{0323}T");
        assert_eq!(ids(&hits).first(), Some(&"kich-hoat-vneid"));
        let hits = search(&catalog(), Lang::Vi, "Tạm Trú");
        assert_eq!(ids(&hits).first(), Some(&"dang-ky-tam-tru"));
    }

    #[test]
    fn synonyms_expand_both_ways() {
        assert_eq!(ids(&search(&catalog(), Lang::Vi, "CCCD")), ["doi-the"]);
        assert_eq!(
            ids(&search(&catalog(), Lang::Vi, "chứng minh nhân dân")),
            ["doi-the"]
        );
        assert_eq!(
            ids(&search(&catalog(), Lang::Vi, "vneid")).first(),
            Some(&"kich-hoat-vneid")
        );
        assert_eq!(ids(&search(&catalog(), Lang::Vi, "bằng lái")), ["gplx"]);
        assert_eq!(ids(&search(&catalog(), Lang::Vi, "GPLX")), ["gplx"]);
        assert_eq!(ids(&search(&catalog(), Lang::Vi, "dvc")), ["gplx"]);
        assert_eq!(
            ids(&search(&catalog(), Lang::Vi, "ho khau")),
            ["dang-ky-thuong-tru"]
        );
    }

    #[test]
    fn ranks_title_above_steps() {
        // "định danh" is in the activation title, but only in a step of the licence guide… which
        // mentions VNeID, a synonym; the title match must win.
        let hits = search(&catalog(), Lang::Vi, "dinh danh");
        assert_eq!(ids(&hits), ["kich-hoat-vneid", "gplx"]);
        assert!(hits[0].score > hits[1].score);
        assert_eq!(hits[1].field, MatchField::Steps);
        assert_eq!(hits[1].step, Some(0));
    }

    #[test]
    fn multi_word_queries_need_every_word_when_possible() {
        let hits = search(&catalog(), Lang::Vi, "đăng ký tạm trú");
        // The permanent-residence guide holds all four words too, but not as one phrase.
        assert_eq!(ids(&hits), ["dang-ky-tam-tru", "dang-ky-thuong-tru"]);
        assert!(hits[0].score > hits[1].score);
        assert!(ids(&search(&catalog(), Lang::Vi, "kích hoạt OTP")) == ["kich-hoat-vneid"]);
        // Stop words are ignored; the prefix of the last word matches while typing.
        assert_eq!(
            ids(&search(&catalog(), Lang::Vi, "làm sao để kích ho")).first(),
            Some(&"kich-hoat-vneid")
        );
    }

    #[test]
    fn blank_or_unknown_query_finds_nothing() {
        assert!(search(&catalog(), Lang::Vi, "  ").is_empty());
        assert!(search(&catalog(), Lang::Vi, "xyzzy").is_empty());
    }

    #[test]
    fn english_reader_gets_vietnamese_fallback() {
        let hits = search(&catalog(), Lang::En, "kich hoat");
        assert_eq!(hits[0].lang, Lang::Vi);
    }
}
