//! The catalogue's checks and the Rust it becomes, shared by the build script (which
//! `#[path]`-imports this file) and the crate's tests (so the checks are unit-tested).
//! Only `std` here: the build script reads the TOML files and hands over plain maps.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Section (file name) → key → string.
pub type Catalogue = BTreeMap<String, BTreeMap<String, String>>;

/// What [`generate`] made: the Rust source (with `MISSING_ENGLISH`, the keys with no English
/// string), and the errors that must stop the build.
pub struct Generated {
    pub source: String,
    pub errors: Vec<String>,
}

/// Each section becomes a module and each key a constant (`NEXT: Text`), or, when the
/// string has `{placeholders}`, a function taking them in order (`step_of(lang, n, total)`).
/// Errors: an English key with no Vietnamese one, placeholders that differ between the
/// two languages, names that are not `lower_case_with_underscores` or are Rust keywords.
pub fn generate(vi: &Catalogue, en: &Catalogue) -> Generated {
    let mut errors = Vec::new();
    for (section, keys) in en {
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
    for (section, keys) in vi {
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
            if names.is_empty() {
                let en_expr = match en_text {
                    Some(text) => format!("Some({text:?})"),
                    None => "None".to_owned(),
                };
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
                // `format!` with the parameters captured by name: `{{` and `}}` mean the
                // same as in the catalogue, and no template is parsed at run time.
                let body = match en_text {
                    Some(en_text) => format!(
                        "match lang {{\n            Lang::En => format!({en_text:?}),\n            Lang::Vi => format!({vi_text:?}),\n        }}"
                    ),
                    None => format!("let _ = lang;\n        format!({vi_text:?})"),
                };
                writeln!(
                    out,
                    "    pub fn {key}(lang: Lang, {}) -> String {{\n        {body}\n    }}",
                    params.join(", "),
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
    Generated {
        source: out,
        errors,
    }
}

/// Rust's keywords: a section, key or placeholder may not be one (they become modules,
/// functions and parameters).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self",
    "static", "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// Section and key names become Rust names: lower-case ASCII words joined by `_`.
fn check_name(name: &str, place: &str, errors: &mut Vec<String>) {
    if !is_name(name) {
        errors.push(format!(
            "{place}: names are lower_case_with_underscores, not a Rust keyword"
        ));
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
        if !is_name(name) || name == "lang" {
            errors.push(format!(
                "{place}: placeholder `{{{name}}}` must be lower_case, not `lang` nor a Rust keyword"
            ));
        } else if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
        rest = &after[end + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(entries: &[(&str, &str, &str)]) -> Catalogue {
        let mut catalogue = Catalogue::new();
        for (section, key, text) in entries {
            catalogue
                .entry(section.to_string())
                .or_default()
                .insert(key.to_string(), text.to_string());
        }
        catalogue
    }

    fn errors(vi: &[(&str, &str, &str)], en: &[(&str, &str, &str)]) -> Vec<String> {
        generate(&catalogue(vi), &catalogue(en)).errors
    }

    #[test]
    fn a_good_catalogue_makes_constants_and_functions() {
        let generated = generate(
            &catalogue(&[
                ("common", "next", "Tiếp"),
                ("common", "step_of", "Bước {n}/{total}"),
            ]),
            &catalogue(&[
                ("common", "next", "Next"),
                ("common", "step_of", "Step {n} of {total}"),
            ]),
        );
        assert!(generated.errors.is_empty(), "{:?}", generated.errors);
        assert!(generated.source.contains("MISSING_ENGLISH: &[&str] = &[];"));
        assert!(
            generated
                .source
                .contains(r#"pub const NEXT: Text = Text::new("Tiếp", Some("Next"));"#)
        );
        assert!(generated.source.contains(
            "pub fn step_of(lang: Lang, n: impl core::fmt::Display, total: impl core::fmt::Display) -> String"
        ));
        assert!(
            generated
                .source
                .contains(r#"Lang::En => format!("Step {n} of {total}"),"#)
        );
    }

    #[test]
    fn placeholders_may_come_in_another_order_but_not_differ() {
        assert!(errors(&[("s", "k", "{a} {b}")], &[("s", "k", "{b} {a}")]).is_empty());
        let found = errors(&[("s", "k", "Bước {n}")], &[("s", "k", "Step {number}")]);
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("placeholders differ"), "{found:?}");
        assert_eq!(errors(&[("s", "k", "{n}")], &[("s", "k", "none")]).len(), 1);
    }

    #[test]
    fn an_english_key_needs_a_vietnamese_one() {
        let found = errors(&[("s", "a", "A")], &[("s", "a", "A"), ("s", "b", "B")]);
        assert_eq!(
            found,
            ["en/s.toml: b has no Vietnamese string in vi/s.toml"]
        );
        // A whole English file with no Vietnamese one, too.
        assert_eq!(errors(&[], &[("other", "a", "A")]).len(), 1);
    }

    #[test]
    fn a_missing_english_string_is_listed_not_an_error() {
        let generated = generate(&catalogue(&[("s", "a", "A")]), &Catalogue::new());
        assert!(generated.errors.is_empty());
        assert!(
            generated
                .source
                .contains(r#"MISSING_ENGLISH: &[&str] = &["s.a"];"#)
        );
        assert!(generated.source.contains("Text::new(\"A\", None)"));
    }

    #[test]
    fn bad_names_are_refused() {
        for (section, key) in [
            ("Common", "next"),
            ("common", "Next"),
            ("common", "next-step"),
            ("common", "1st"),
            ("common", "for"),
            ("mod", "next"),
        ] {
            assert_eq!(
                errors(&[(section, key, "x")], &[(section, key, "x")]).len(),
                // A bad name shows once per language file that has it.
                1,
                "{section}.{key}"
            );
        }
    }

    #[test]
    fn bad_placeholders_are_refused() {
        for text in ["{lang}", "{Tên}", "{type}", "{n", "n}", "{}"] {
            assert!(
                !errors(&[("s", "k", text)], &[("s", "k", text)]).is_empty(),
                "{text}"
            );
        }
        // Doubled braces are literal braces, not placeholders.
        assert!(errors(&[("s", "k", "{{n}}")], &[("s", "k", "{{n}}")]).is_empty());
    }
}
