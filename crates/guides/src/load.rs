//! Reading guide files from disk (feature `load`): `assets/guides/{vi,en}/<id>.toml`.
//!
//! Fields are read one by one from the TOML table rather than through serde, so that every
//! problem in a file is reported at once, with the field named and the message in Vietnamese.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::model::{Catalog, Category, Guide, Lang, Link, Problem, Source, Step};
use crate::services::{FiledBy, LifeEvent, SERVICES_PATH, Service, Services, validate_services};
use crate::validate::{ContentError, ContentWarning, check_guide, validate_with_paths};
use sotay_date::Date;

/// Everything wrong with the content; `Display` prints one problem per line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadErrors {
    pub errors: Vec<ContentError>,
    pub warnings: Vec<ContentWarning>,
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} lỗi trong nội dung hướng dẫn:", self.errors.len())?;
        for error in &self.errors {
            writeln!(f, "  LỖI  {error}")?;
        }
        for warning in &self.warnings {
            writeln!(f, "  CHÚ Ý  {warning}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// The result of checking a content folder: the guides that could be read, and every problem.
#[derive(Debug, Clone, Default)]
pub struct ContentReport {
    pub catalog: Catalog,
    pub errors: Vec<ContentError>,
    pub warnings: Vec<ContentWarning>,
}

/// Loads and validates every guide under `root` (the `assets/guides` folder; illustrations are
/// looked up in the sibling folder `assets/illustrations`). Fails with every error found.
/// Warnings of a successful load are available from [`check_dir`] or [`crate::validate`].
pub fn load_dir(root: &Path, today: Date) -> Result<Catalog, LoadErrors> {
    let report = check_dir(root, today);
    if report.errors.is_empty() {
        Ok(report.catalog)
    } else {
        Err(LoadErrors {
            errors: report.errors,
            warnings: report.warnings,
        })
    }
}

/// How files are named in messages: `assets/guides/vi/x.toml` when `root` is an `assets/guides`
/// folder (wherever the checkout is), otherwise the full path.
fn display_path(root: &Path, lang: Lang, file_name: &str) -> String {
    if root.ends_with("assets/guides") {
        format!("assets/guides/{}/{file_name}", lang.code())
    } else {
        root.join(lang.code()).join(file_name).display().to_string()
    }
}

/// Like [`load_dir`] but always returns what it could read, with errors and warnings apart.
pub fn check_dir(root: &Path, today: Date) -> ContentReport {
    let mut errors = Vec::new();
    let mut guides = Vec::new();
    let mut paths: HashMap<(Lang, String), String> = HashMap::new();
    let root_label = root.display().to_string();

    for lang in Lang::ALL {
        let dir = root.join(lang.code());
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                if lang == Lang::Vi || dir.exists() {
                    errors.push(ContentError {
                        file: dir.display().to_string(),
                        field: String::new(),
                        message: format!("không đọc được thư mục ({e})"),
                    });
                }
                continue;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        for path in files {
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let label = display_path(root, lang, &file_name);
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => {
                    errors.push(error(&label, "", format!("không đọc được tệp ({e})")));
                    continue;
                }
            };
            let stem = file_name.trim_end_matches(".toml");
            match parse_guide(&label, &text) {
                Ok(guide) => {
                    let mut fine = true;
                    if guide.id != stem {
                        errors.push(error(
                            &label,
                            "id",
                            format!("“{}” phải trùng tên tệp “{stem}”", guide.id),
                        ));
                        fine = false;
                    }
                    if guide.lang != lang {
                        errors.push(error(
                            &label,
                            "lang",
                            format!(
                                "là “{}” nhưng tệp nằm trong thư mục “{}”",
                                guide.lang.code(),
                                lang.code()
                            ),
                        ));
                        fine = false;
                    }
                    if fine {
                        paths.insert((lang, guide.id.clone()), label);
                        guides.push(guide);
                    }
                }
                Err(mut file_errors) => errors.append(&mut file_errors),
            }
        }
    }

    let catalog = Catalog::new(guides);
    let path_of = |g: &Guide| {
        paths
            .get(&(g.lang, g.id.clone()))
            .cloned()
            .unwrap_or_else(|| format!("{root_label}/{}/{}.toml", g.lang.code(), g.id))
    };
    let (mut rule_errors, warnings) = validate_with_paths(&catalog, today, &path_of);
    errors.append(&mut rule_errors);

    let illustrations = root.parent().map_or_else(
        || PathBuf::from("illustrations"),
        |p| p.join("illustrations"),
    );
    for guide in &catalog.guides {
        for (i, step) in guide.steps.iter().enumerate() {
            if let Some(name) = &step.illustration
                && !illustrations.join(format!("{name}.svg")).is_file()
            {
                errors.push(error(
                    &path_of(guide),
                    &format!("steps[{i}].illustration"),
                    format!("không có hình assets/illustrations/{name}.svg"),
                ));
            }
        }
    }
    errors.sort();
    errors.dedup();
    ContentReport {
        catalog,
        errors,
        warnings,
    }
}

fn error(file: &str, field: &str, message: impl Into<String>) -> ContentError {
    ContentError {
        file: file.to_owned(),
        field: field.to_owned(),
        message: message.into(),
    }
}

/// Reads one guide file. `path_for_messages` only labels the errors. On failure, returns every
/// problem found: TOML syntax, missing or mistyped fields, unknown fields, and the rules that need
/// only this file (empty texts, https links, official domains, at most 3 key steps, …). The rules
/// that need the other guides or today's date are checked by [`crate::validate`].
pub fn parse_guide(path_for_messages: &str, text: &str) -> Result<Guide, Vec<ContentError>> {
    let file = path_for_messages;
    let table: Table = match text.parse() {
        Ok(table) => table,
        Err(e) => {
            let detail = e.to_string();
            let detail = detail.trim();
            return Err(vec![error(
                file,
                "",
                format!("sai cú pháp TOML (kiểm tra dấu ngoặc kép, dấu phẩy, dấu =): {detail}"),
            )]);
        }
    };
    let mut errors = Vec::new();
    let guide = {
        let mut fields = Fields::new(&table, "", file, &mut errors);
        let guide = read_guide(&mut fields);
        fields.finish(GUIDE_KEYS);
        guide
    };
    // Also check the content rules, except on fields already reported as missing or mistyped.
    let reported: BTreeSet<String> = errors.iter().map(|e| e.field.clone()).collect();
    let mut rule_errors = Vec::new();
    let far_future = Date::new(9999, 12, 31).unwrap_or(guide.reviewed);
    check_guide(&guide, file, far_future, &mut rule_errors);
    errors.extend(rule_errors.into_iter().filter(|e| {
        !reported.iter().any(|f| {
            e.field == *f
                || e.field.starts_with(&format!("{f}["))
                || e.field.starts_with(&format!("{f}."))
        })
    }));
    if errors.is_empty() {
        Ok(guide)
    } else {
        Err(errors)
    }
}

/// Reads `assets/services.toml` at `path` and checks it against `catalog` (see
/// [`crate::validate_services`]). Returns what could be read and every problem, named
/// `assets/services.toml: <field>: <problem>`.
pub fn check_services(path: &Path, catalog: &Catalog) -> (Services, Vec<ContentError>) {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            let problem = format!("không đọc được tệp {} ({e})", path.display());
            return (Services::default(), vec![error(SERVICES_PATH, "", problem)]);
        }
    };
    match parse_services(&text) {
        Ok(services) => {
            let errors = validate_services(&services, catalog);
            (services, errors)
        }
        Err(errors) => (Services::default(), errors),
    }
}

/// Reads the text of `assets/services.toml`: TOML syntax, missing, mistyped and unknown fields.
pub fn parse_services(text: &str) -> Result<Services, Vec<ContentError>> {
    let file = SERVICES_PATH;
    let table: Table = match text.parse() {
        Ok(table) => table,
        Err(e) => {
            let detail = e.to_string();
            return Err(vec![error(
                file,
                "",
                format!(
                    "sai cú pháp TOML (kiểm tra dấu ngoặc kép, dấu phẩy, dấu =): {}",
                    detail.trim()
                ),
            )]);
        }
    };
    let mut errors = Vec::new();
    let services = {
        let mut f = Fields::new(&table, "", file, &mut errors);
        let events = f.tables("events", EVENT_KEYS, |f| LifeEvent {
            id: f.string("id").unwrap_or_default(),
            title: f.string("title").unwrap_or_default(),
        });
        let services = f.tables("services", SERVICE_KEYS, |f| Service {
            id: f.string("id").unwrap_or_default(),
            name: f.string("name").unwrap_or_default(),
            event: f.string("event").unwrap_or_default(),
            filed_by: f
                .string("filed_by")
                .and_then(|code| match FiledBy::from_code(&code) {
                    Some(filed_by) => Some(filed_by),
                    None => {
                        f.error(
                            "filed_by",
                            format!(
                                "“{code}” không hợp lệ; chọn “resident” (người dân), “organisation” (tổ chức) hoặc “both” (cả hai)"
                            ),
                        );
                        None
                    }
                })
                .unwrap_or(FiledBy::Resident),
            guides: f.string_list("guides", false),
            url: f.optional_string("url"),
            note: f.optional_string("note"),
            partial: f.optional_string("partial"),
        });
        f.finish(&["events", "services"]);
        Services { events, services }
    };
    if errors.is_empty() {
        Ok(services)
    } else {
        Err(errors)
    }
}

const EVENT_KEYS: &[&str] = &["id", "title"];
const SERVICE_KEYS: &[&str] = &[
    "id", "name", "event", "filed_by", "guides", "url", "note", "partial",
];

const GUIDE_KEYS: &[&str] = &[
    "id",
    "lang",
    "title",
    "summary",
    "category",
    "for_whom",
    "time_needed",
    "reviewed",
    "keywords",
    "related",
    "next",
    "before_you_start",
    "after",
    "help",
    "legal_basis",
    "steps",
    "problems",
    "sources",
];
const STEP_KEYS: &[&str] = &[
    "title",
    "text",
    "tip",
    "warning",
    "illustration",
    "key",
    "link",
    "source",
];
const LINK_KEYS: &[&str] = &["label", "url"];
const PROBLEM_KEYS: &[&str] = &["symptom", "fix"];
const SOURCE_KEYS: &[&str] = &["id", "title", "url", "accessed"];

fn read_guide(f: &mut Fields<'_, '_>) -> Guide {
    let id = f.string("id").unwrap_or_default();
    let lang = f
        .string("lang")
        .and_then(|code| match Lang::from_code(&code) {
            Some(lang) => Some(lang),
            None => {
                f.error(
                    "lang",
                    format!("“{code}” không hợp lệ; chỉ dùng “vi” hoặc “en”"),
                );
                None
            }
        })
        .unwrap_or(Lang::Vi);
    let category = f
        .string("category")
        .and_then(|code| match Category::from_code(&code) {
            Some(category) => Some(category),
            None => {
                let allowed: Vec<&str> = Category::ALL.iter().map(|c| c.code()).collect();
                f.error(
                    "category",
                    format!(
                        "“{code}” không hợp lệ; chọn một trong: {}",
                        allowed.join(", ")
                    ),
                );
                None
            }
        })
        .unwrap_or(Category::Vneid);
    Guide {
        id,
        lang,
        title: f.string("title").unwrap_or_default(),
        summary: f.string("summary").unwrap_or_default(),
        category,
        for_whom: f.string("for_whom").unwrap_or_default(),
        time_needed: f.optional_string("time_needed"),
        reviewed: f.date("reviewed").unwrap_or(Date::MIN),
        keywords: f.string_list("keywords", false),
        related: f.string_list("related", false),
        next: f.optional_string("next"),
        before_you_start: f.string_list("before_you_start", true),
        after: f.string("after").unwrap_or_default(),
        help: f.string("help").unwrap_or_default(),
        legal_basis: f.string_list("legal_basis", true),
        steps: f.tables("steps", STEP_KEYS, |f| Step {
            title: f.string("title").unwrap_or_default(),
            text: f.string("text").unwrap_or_default(),
            tip: f.optional_string("tip"),
            warning: f.optional_string("warning"),
            illustration: f.optional_string("illustration"),
            key: f.bool("key"),
            link: f.table("link", LINK_KEYS, |f| Link {
                label: f.string("label").unwrap_or_default(),
                url: f.string("url").unwrap_or_default(),
            }),
            source: f.optional_string("source"),
        }),
        problems: f.tables("problems", PROBLEM_KEYS, |f| Problem {
            symptom: f.string("symptom").unwrap_or_default(),
            fix: f.string("fix").unwrap_or_default(),
        }),
        sources: f.tables("sources", SOURCE_KEYS, |f| Source {
            id: f.optional_string("id"),
            title: f.string("title").unwrap_or_default(),
            url: f.string("url").unwrap_or_default(),
            accessed: f.date("accessed").unwrap_or(Date::MIN),
        }),
    }
}

/// Reads typed fields out of one TOML table, recording what is missing or mistyped.
struct Fields<'t, 'e> {
    table: &'t Table,
    /// Field path of this table, e.g. `steps[2]`; empty at the top.
    prefix: String,
    file: &'t str,
    errors: &'e mut Vec<ContentError>,
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "chuỗi chữ",
        Value::Integer(_) | Value::Float(_) => "số",
        Value::Boolean(_) => "true/false",
        Value::Datetime(_) => "ngày",
        Value::Array(_) => "danh sách [ ]",
        Value::Table(_) => "bảng",
    }
}

impl<'t, 'e> Fields<'t, 'e> {
    fn new(
        table: &'t Table,
        prefix: &str,
        file: &'t str,
        errors: &'e mut Vec<ContentError>,
    ) -> Self {
        Fields {
            table,
            prefix: prefix.to_owned(),
            file,
            errors,
        }
    }

    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    fn error(&mut self, key: &str, message: impl Into<String>) {
        let field = self.path(key);
        self.errors.push(error(self.file, &field, message));
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &Value) {
        let found = type_name(found);
        self.error(key, format!("phải là {expected}, đang là {found}"));
    }

    fn optional_string(&mut self, key: &str) -> Option<String> {
        match self.table.get(key) {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(key, "chuỗi chữ trong ngoặc kép", other);
                None
            }
        }
    }

    fn string(&mut self, key: &str) -> Option<String> {
        if !self.table.contains_key(key) {
            self.error(key, "thiếu (bắt buộc)");
        }
        self.optional_string(key)
    }

    fn bool(&mut self, key: &str) -> bool {
        match self.table.get(key) {
            None => false,
            Some(Value::Boolean(b)) => *b,
            Some(other) => {
                self.wrong_type(key, "true hoặc false (không có ngoặc kép)", other);
                false
            }
        }
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        match self.table.get(key) {
            None => {
                self.error(key, "thiếu (bắt buộc), ví dụ 2026-11-20");
                None
            }
            Some(Value::Datetime(dt)) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    match Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day)) {
                        Some(date) => Some(date),
                        None => {
                            self.error(key, "không có ngày này trong lịch");
                            None
                        }
                    }
                }
                _ => {
                    self.error(key, "chỉ ghi ngày, không ghi giờ, ví dụ 2026-11-20");
                    None
                }
            },
            Some(Value::String(s)) => match Date::parse(s) {
                Ok(date) => Some(date),
                Err(e) => {
                    self.error(key, e.message_vi());
                    None
                }
            },
            Some(other) => {
                self.wrong_type(key, "ngày dạng 2026-11-20", other);
                None
            }
        }
    }

    fn string_list(&mut self, key: &str, required: bool) -> Vec<String> {
        match self.table.get(key) {
            None => {
                if required {
                    self.error(key, "thiếu (bắt buộc), ví dụ [\"...\"]");
                }
                Vec::new()
            }
            Some(Value::Array(items)) => {
                let mut list = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => list.push(s.clone()),
                        other => self.wrong_type(
                            &format!("{key}[{i}]"),
                            "chuỗi chữ trong ngoặc kép",
                            other,
                        ),
                    }
                }
                list
            }
            Some(other) => {
                self.wrong_type(key, "danh sách trong [ ], ví dụ [\"...\"]", other);
                Vec::new()
            }
        }
    }

    fn sub_table<T>(
        &mut self,
        field: String,
        table: &Table,
        keys: &[&str],
        read: impl FnOnce(&mut Fields<'_, '_>) -> T,
    ) -> T {
        let mut fields = Fields {
            table,
            prefix: field,
            file: self.file,
            errors: self.errors,
        };
        let value = read(&mut fields);
        fields.finish(keys);
        value
    }

    /// An array of tables (`[[steps]]`). Missing means empty; the rules decide if that is allowed.
    fn tables<T>(
        &mut self,
        key: &str,
        keys: &[&str],
        mut read: impl FnMut(&mut Fields<'_, '_>) -> T,
    ) -> Vec<T> {
        match self.table.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut list = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let field = self.path(&format!("{key}[{i}]"));
                    match item {
                        Value::Table(t) => list.push(self.sub_table(field, t, keys, &mut read)),
                        other => {
                            let found = type_name(other);
                            self.errors.push(error(
                                self.file,
                                &field,
                                format!("phải là một mục [[{key}]], đang là {found}"),
                            ));
                        }
                    }
                }
                list
            }
            Some(other) => {
                self.wrong_type(key, &format!("các mục [[{key}]]"), other);
                Vec::new()
            }
        }
    }

    /// An optional table (`[steps.link]`).
    fn table<T>(
        &mut self,
        key: &str,
        keys: &[&str],
        read: impl FnOnce(&mut Fields<'_, '_>) -> T,
    ) -> Option<T> {
        match self.table.get(key) {
            None => None,
            Some(Value::Table(t)) => {
                let field = self.path(key);
                Some(self.sub_table(field, t, keys, read))
            }
            Some(other) => {
                self.wrong_type(key, "một bảng", other);
                None
            }
        }
    }

    /// Reports keys that are not part of the format (usually a typo, e.g. `tips` for `tip`).
    fn finish(self, known: &[&str]) {
        let unknown: BTreeMap<&String, ()> = self
            .table
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .map(|k| (k, ()))
            .collect();
        for key in unknown.keys() {
            let field = if self.prefix.is_empty() {
                (*key).clone()
            } else {
                format!("{}.{key}", self.prefix)
            };
            self.errors.push(error(
                self.file,
                &field,
                format!(
                    "trường không có trong mẫu (viết sai tên?); các trường được dùng: {}",
                    known.join(", ")
                ),
            ));
        }
    }
}
