//! Reading scenario files (feature `load`: build time and tests).

use std::path::Path;

use crate::{PERSON, Problem, Scenario, validate};

/// Parses and validates one scenario file's text; `{key}` placeholders are
/// replaced by the practice person's values, so the app shows the text as is.
pub fn parse(file: &str, text: &str) -> Result<Scenario, Vec<Problem>> {
    let scenario: Scenario = toml::from_str(text).map_err(|error| {
        vec![Problem {
            file: file.to_string(),
            field: error
                .span()
                .map(|span| {
                    let line = text[..span.start.min(text.len())].lines().count().max(1);
                    format!("dòng {line}")
                })
                .unwrap_or_else(|| "tệp".into()),
            message: format!("không đọc được TOML: {}", error.message()),
        }]
    })?;
    let problems = validate(file, &scenario);
    if problems.is_empty() {
        Ok(fill_person(scenario))
    } else {
        Err(problems)
    }
}

fn fill(text: &mut String) {
    for (key, value) in PERSON {
        let placeholder = format!("{{{key}}}");
        if text.contains(&placeholder) {
            *text = text.replace(&placeholder, value);
        }
    }
}

fn fill_person(mut scenario: Scenario) -> Scenario {
    fill(&mut scenario.title);
    fill(&mut scenario.summary);
    for screen in &mut scenario.screens {
        fill(&mut screen.title);
        fill(&mut screen.instruction);
        screen.text.iter_mut().for_each(fill);
        if let Some(hint) = &mut screen.hint {
            fill(hint);
        }
        if let Some(message) = &mut screen.message {
            fill(&mut message.from);
            fill(&mut message.text);
        }
        for field in &mut screen.fields {
            fill(&mut field.label);
            field.options.iter_mut().for_each(fill);
            if let Some(wrong) = &mut field.wrong {
                fill(wrong);
            }
        }
        for button in &mut screen.buttons {
            fill(&mut button.label);
            if let Some(feedback) = &mut button.feedback {
                fill(feedback);
            }
        }
    }
    scenario
}

/// Every `*.toml` in `dir` (by file name), or every problem found in them.
/// A file's `id` must be its name.
pub fn load_dir(dir: &Path) -> Result<Vec<Scenario>, Vec<Problem>> {
    let label = |path: &Path| {
        format!(
            "assets/practice/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        )
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|error| {
            vec![Problem {
                file: dir.display().to_string(),
                field: "thư mục".into(),
                message: error.to_string(),
            }]
        })?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut scenarios = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let file = label(&path);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                problems.push(Problem {
                    file,
                    field: "tệp".into(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        match parse(&file, &text) {
            Ok(scenario) => {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                if scenario.id != stem {
                    problems.push(Problem {
                        file,
                        field: "id".into(),
                        message: format!("phải trùng tên tệp: id = \"{stem}\""),
                    });
                }
                scenarios.push(scenario);
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(scenarios)
    } else {
        Err(problems)
    }
}
