//! Generates `catalogue.rs` from `assets/ui/vi/*.toml` and `assets/ui/en/*.toml`.
//!
//! Each file (a section: one screen or component) becomes a module and each key a constant
//! (`NEXT: Text`), or, when the string has `{placeholders}`, a function taking them in order
//! (`step_of(lang, n, total)`), so a wrong name or a missing argument fails to compile.
//! Constants, not a lookup table: a bundle carries only the strings it uses. The checks and
//! the generated code live in `src/catalogue.rs`, unit-tested with the crate.

#[path = "src/catalogue.rs"]
mod catalogue;

use std::path::PathBuf;

use catalogue::Catalogue;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../assets/ui");
    let vi = read(&dir.join("vi"));
    let en = read(&dir.join("en"));
    let generated = catalogue::generate(&vi, &en);
    if !generated.errors.is_empty() {
        panic!(
            "UI string catalogue (assets/ui):\n  {}",
            generated.errors.join("\n  ")
        );
    }
    let out_path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(out_path, generated.source).unwrap();
    println!("cargo::rerun-if-changed={}", dir.join("vi").display());
    println!("cargo::rerun-if-changed={}", dir.join("en").display());
    println!("cargo::rerun-if-changed=src/catalogue.rs");
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
