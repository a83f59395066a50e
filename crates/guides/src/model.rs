//! The guide data types. Field names are the TOML keys of `assets/guides/*/<id>.toml`, so the JSON
//! the app embeds at build time reads exactly like the files the commune officer edits.

use serde::{Deserialize, Serialize};

use sotay_date::Date;

/// Language of a guide file (and of its folder): the interface language.
pub use sotay_text::Lang;

/// Which shelf of the guide list a guide sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// VNeID e-identity accounts.
    #[serde(rename = "vneid")]
    Vneid,
    /// Online public services.
    #[serde(rename = "dich-vu-cong")]
    DichVuCong,
    /// Safety and scams.
    #[serde(rename = "an-toan")]
    AnToan,
    /// The căn cước / CCCD card.
    #[serde(rename = "the-can-cuoc")]
    TheCanCuoc,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Vneid,
        Category::DichVuCong,
        Category::AnToan,
        Category::TheCanCuoc,
    ];

    /// The value written in the TOML file.
    pub fn code(self) -> &'static str {
        match self {
            Category::Vneid => "vneid",
            Category::DichVuCong => "dich-vu-cong",
            Category::AnToan => "an-toan",
            Category::TheCanCuoc => "the-can-cuoc",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The heading guides are listed under (`assets/ui/{vi,en}/guide_categories.toml`).
    pub fn label(self, lang: Lang) -> &'static str {
        use sotay_text::ui::guide_categories as text;
        match self {
            Category::Vneid => text::VNEID,
            Category::DichVuCong => text::DICH_VU_CONG,
            Category::AnToan => text::AN_TOAN,
            Category::TheCanCuoc => text::THE_CAN_CUOC,
        }
        .get(lang)
    }
}

/// One guide in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub id: String,
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub category: Category,
    pub for_whom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_needed: Option<String>,
    pub reviewed: Date,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub before_you_start: Vec<String>,
    pub after: String,
    pub help: String,
    pub legal_basis: Vec<String>,
    pub steps: Vec<Step>,
    pub problems: Vec<Problem>,
    pub sources: Vec<Source>,
}

impl Guide {
    /// Whether every source is a site's front page, so no step can be traced to the procedure.
    pub fn cites_only_homepages(&self) -> bool {
        !self.sources.is_empty() && self.sources.iter().all(Source::is_homepage)
    }

    /// The guide without its body (who it is for, steps, problems, sources …): what lists,
    /// search over titles and keywords, and the questionnaire need. The app embeds the outline
    /// of every guide and loads bodies only when a guide is opened.
    pub fn outline(&self) -> Guide {
        Guide {
            for_whom: String::new(),
            before_you_start: Vec::new(),
            after: String::new(),
            help: String::new(),
            legal_basis: Vec::new(),
            steps: Vec::new(),
            problems: Vec::new(),
            sources: Vec::new(),
            ..self.clone()
        }
    }
}

/// One action the resident does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub title: String,
    /// Plain text; a blank line separates paragraphs.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// Name of `assets/illustrations/<name>.svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illustration: Option<String>,
    /// One of the (at most three) steps printed on a poster.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// The `id` of the guide's source this step rests on, so a reader (and the editor who
    /// reviews it) can trace the step to the official page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Step {
    /// The text split into paragraphs (blank-line separated), trimmed, empty ones dropped.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}

/// An official link shown on a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A common problem and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub symptom: String,
    pub fix: String,
}

/// An official source the guide was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Short slug, unique within the guide; steps cite the source by it (`source = "<id>"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: String,
    pub url: String,
    pub accessed: Date,
}

impl Source {
    /// Whether the URL is a site's front page (path empty or `/`, no query): it proves the site
    /// exists but traces no step to the procedure.
    pub fn is_homepage(&self) -> bool {
        is_homepage_url(&self.url)
    }
}

/// Whether `url` points at a site's front page: nothing after the host but `/`, with no query.
pub fn is_homepage_url(url: &str) -> bool {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let after_host = rest.find(['/', '?', '#']).map_or("", |i| &rest[i..]);
    let without_fragment = after_host.split('#').next().unwrap_or_default();
    without_fragment.is_empty() || without_fragment == "/"
}

/// Every guide in every language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Sorted by (language, id) by [`Catalog::new`].
    pub guides: Vec<Guide>,
}

impl Catalog {
    pub fn new(mut guides: Vec<Guide>) -> Catalog {
        guides.sort_by(|a, b| (a.lang, &a.id).cmp(&(b.lang, &b.id)));
        Catalog { guides }
    }

    /// The guide in exactly this language, no fallback.
    pub fn get_exact(&self, lang: Lang, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.lang == lang && g.id == id)
    }

    /// The guide in `lang`, or its Vietnamese original when it has not been translated.
    pub fn get(&self, lang: Lang, id: &str) -> Option<&Guide> {
        self.get_exact(lang, id)
            .or_else(|| self.get_exact(Lang::Vi, id))
    }

    /// Every guide id, once each (the Vietnamese set: every English guide has a Vietnamese original).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.guides
            .iter()
            .filter(|g| g.lang == Lang::Vi)
            .map(|g| g.id.as_str())
    }

    /// Every guide's [`Guide::outline`].
    pub fn outline(&self) -> Catalog {
        Catalog {
            guides: self.guides.iter().map(Guide::outline).collect(),
        }
    }

    /// Only the guide `id` in `lang` (or its Vietnamese original): what a guide's
    /// own page carries. Empty when there is no such guide.
    pub fn only(&self, lang: Lang, id: &str) -> Catalog {
        Catalog {
            guides: self.get(lang, id).cloned().into_iter().collect(),
        }
    }

    /// What a reader of `lang` sees: every guide, in `lang` where translated, otherwise in Vietnamese.
    pub fn list(&self, lang: Lang) -> Vec<&Guide> {
        self.ids().filter_map(|id| self.get(lang, id)).collect()
    }
}

/// Up to three steps for a poster, each with its 1-based step number: the ones marked
/// `key = true`, or else the first three.
pub fn key_steps(guide: &Guide) -> Vec<(usize, &Step)> {
    let numbered = guide.steps.iter().enumerate().map(|(i, s)| (i + 1, s));
    let marked: Vec<(usize, &Step)> = numbered.clone().filter(|(_, s)| s.key).take(3).collect();
    if marked.is_empty() {
        numbered.take(3).collect()
    } else {
        marked
    }
}
