//! Generates `catalogue.rs` from `assets/ui/vi/*.toml` and `assets/ui/en/*.toml`.
//!
//! Each file (a section: one screen or component) becomes a module and each key a constant (`NEXT: Text`), or, when the
//! string has `{placeholders}`, a function taking them in order (`step_of(lang, n, total)`),
//! so a wrong name or a missing argument fails to compile. Constants, not a lookup table:
//! a bundle carries only the strings it uses. The build fails on an English key with no
//! Vietnamese one, or on placeholders that differ between the two languages.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

type Catalogue = BTreeMap<String, BTreeMap<String, String>>;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../assets/ui");
    let vi = read(&dir.join("vi"));
    let en = read(&dir.join("en"));
    let mut errors = Vec::new();
    for (section, keys) in &en {
        for key in keys.keys() {
            if vi.get(section).and_then(|keys| keys.get(key)).is_none() {
                errors.push(format!(
                    "en/{section}.toml: {key} has no Vietnamese string in vi/{section}.toml"
                ));
            }
        }
    }
    let mut out = String::new();
    let mut missing = Vec::new();
    for (section, keys) in &vi {
        check_name(
            section,
            &format!("vi/{section}.toml: the file name"),
            &mut errors,
        );
        writeln!(
            out,
            "pub mod {section} {{\n    #[allow(unused_imports)]\n    use crate::{{Lang, Text}};"
        )
        .unwrap();
        for (key, vi_text) in keys {
            let place = format!("vi/{section}.toml: {key}");
            check_name(key, &place, &mut errors);
            let en_text = en.get(section).and_then(|keys| keys.get(key));
            if en_text.is_none() {
                missing.push(format!("{section}.{key}"));
            }
            let names = placeholders(vi_text, &place, &mut errors);
            if let Some(en_text) = en_text {
                let mut en_names =
                    placeholders(en_text, &format!("en/{section}.toml: {key}"), &mut errors);
                let mut vi_sorted = names.clone();
                vi_sorted.sort();
                en_names.sort();
                if vi_sorted != en_names {
                    errors.push(format!(
                        "{section}.toml: {key}: placeholders differ: vi {vi_sorted:?}, en {en_names:?}"
                    ));
                }
            }
            for line in vi_text.lines() {
                writeln!(out, "    /// {line}").unwrap();
            }
            let en_expr = match en_text {
                Some(text) => format!("Some({text:?})"),
                None => "None".to_owned(),
            };
            if names.is_empty() {
                writeln!(
                    out,
                    "    pub const {}: Text = Text::new({vi_text:?}, {en_expr});",
                    key.to_uppercase()
                )
                .unwrap();
            } else {
                let params: Vec<String> = names
                    .iter()
                    .map(|n| format!("{n}: impl core::fmt::Display"))
                    .collect();
                let args: Vec<String> = names
                    .iter()
                    .map(|n| format!("({n:?}, &{n} as &dyn core::fmt::Display)"))
                    .collect();
                writeln!(
                    out,
                    "    pub fn {key}(lang: Lang, {}) -> String {{\n        Text::new({vi_text:?}, {en_expr}).fill(lang, &[{}])\n    }}",
                    params.join(", "),
                    args.join(", ")
                )
                .unwrap();
            }
        }
        writeln!(out, "}}").unwrap();
    }
    writeln!(
        out,
        "/// Keys (`section.key`) with no English string: they show in Vietnamese."
    )
    .unwrap();
    writeln!(out, "pub const MISSING_ENGLISH: &[&str] = &{missing:?};").unwrap();
    if !errors.is_empty() {
        panic!(
            "UI string catalogue (assets/ui):\n  {}",
            errors.join("\n  ")
        );
    }
    let out_path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(out_path, out).unwrap();
    println!("cargo::rerun-if-changed={}", dir.join("vi").display());
    println!("cargo::rerun-if-changed={}", dir.join("en").display());
}

fn read(dir: &std::path::Path) -> Catalogue {
    let mut catalogue = Catalogue::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        let Some(section) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".toml"))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let keys = catalogue.entry(section.to_owned()).or_default();
        for (key, value) in table {
            let toml::Value::String(text) = value else {
                panic!(
                    "{}: {key} must be a string (sections are files)",
                    path.display()
                );
            };
            keys.insert(key, text);
        }
        println!("cargo::rerun-if-changed={}", path.display());
    }
    catalogue
}

/// Section and key names become Rust names: lower-case ASCII words joined by `_`.
fn check_name(name: &str, place: &str, errors: &mut Vec<String>) {
    let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        errors.push(format!("{place}: names are lower_case_with_underscores"));
    }
}

/// `{name}` placeholders in order of first appearance. `{{` and `}}` are literal braces.
fn placeholders(text: &str, place: &str, errors: &mut Vec<String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['{', '}']) {
        let after = &rest[start + 1..];
        let brace = rest.as_bytes()[start];
        if after.as_bytes().first() == Some(&brace) {
            rest = &after[1..];
            continue;
        }
        if brace == b'}' {
            errors.push(format!("{place}: a lone `}}` (write `}}}}` for a brace)"));
            return names;
        }
        let Some(end) = after.find('}') else {
            errors.push(format!("{place}: `{{` without `}}`"));
            return names;
        };
        let name = &after[..end];
        let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok || name == "lang" {
            errors.push(format!(
                "{place}: placeholder `{{{name}}}` must be lower_case and not `lang`"
            ));
        } else if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
        rest = &after[end + 1..];
    }
    names
}
