//! Build-time checks of a scenario, with messages naming the file and field.

use std::collections::{BTreeSet, VecDeque};
use std::fmt;

use crate::{PERSON, PRACTICE_BANNER, Rule, Scenario, person};

/// Something wrong in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// Where in the file, e.g. `screens[2] (nhap-otp).buttons[0].go`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

impl std::error::Error for Problem {}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `{key}` names in `text` that are not [`PERSON`] keys.
fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let key = &after[..end];
        if person(key).is_none() {
            unknown.push(key.to_string());
        }
        rest = &after[end + 1..];
    }
    unknown
}

/// Every problem in `scenario` (read from `file`); empty when it is fine.
///
/// ```
/// let broken = r#"
/// id = "hong"
/// title = "T"
/// summary = "S"
/// guide = "kich-hoat-vneid"
/// start = "a"
/// [[screens]]
/// id = "a"
/// title = "A"
/// instruction = "I"
/// buttons = [{ label = "Tiếp", go = "khong-co" }]
/// "#;
/// let problems = sotay_practice::load::parse("hong.toml", broken).unwrap_err();
/// let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
/// assert!(text.iter().any(|p| p.starts_with("hong.toml: screens[0] (a).banner: ")));
/// assert!(text.iter().any(|p| p.starts_with("hong.toml: screens[0] (a).buttons[0].go: ")));
/// ```
pub fn validate(file: &str, scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |field: String, message: String| {
        problems.push(Problem {
            file: file.to_string(),
            field,
            message,
        })
    };
    if !is_id(&scenario.id) {
        problem(
            "id".into(),
            "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “kich-hoat-vneid”"
                .into(),
        );
    }
    for (name, value) in [
        ("title", &scenario.title),
        ("summary", &scenario.summary),
        ("guide", &scenario.guide),
    ] {
        if value.trim().is_empty() {
            problem(name.into(), "không được để trống".into());
        }
    }
    if scenario.guide_step == Some(0) {
        problem("guide_step".into(), "bước đầu tiên là 1".into());
    }
    if scenario.screens.is_empty() {
        problem("screens".into(), "cần ít nhất một màn hình".into());
    }
    if scenario.screen_index(&scenario.start).is_none() {
        problem(
            "start".into(),
            format!("không có màn hình nào tên “{}”", scenario.start),
        );
    }
    let mut seen = BTreeSet::new();
    let mut texts: Vec<(String, &str)> = vec![
        ("title".into(), scenario.title.as_str()),
        ("summary".into(), scenario.summary.as_str()),
    ];
    for (index, screen) in scenario.screens.iter().enumerate() {
        let at = format!("screens[{index}] ({})", screen.id);
        if !is_id(&screen.id) {
            problem(
                format!("{at}.id"),
                "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang".into(),
            );
        }
        if !seen.insert(screen.id.as_str()) {
            problem(format!("{at}.id"), "hai màn hình trùng tên".into());
        }
        if screen.banner.trim().is_empty() {
            problem(
                format!("{at}.banner"),
                format!("thiếu dòng báo màn hình tập: banner = \"{PRACTICE_BANNER}\""),
            );
        } else if screen.banner != PRACTICE_BANNER {
            problem(
                format!("{at}.banner"),
                format!("phải ghi đúng: \"{PRACTICE_BANNER}\""),
            );
        }
        for (name, value) in [
            ("title", &screen.title),
            ("instruction", &screen.instruction),
        ] {
            if value.trim().is_empty() {
                problem(format!("{at}.{name}"), "không được để trống".into());
            }
            texts.push((format!("{at}.{name}"), value));
        }
        for (n, paragraph) in screen.text.iter().enumerate() {
            texts.push((format!("{at}.text[{n}]"), paragraph));
        }
        if let Some(hint) = &screen.hint {
            texts.push((format!("{at}.hint"), hint));
        }
        if let Some(message) = &screen.message {
            if !["tin-nhan", "thong-bao", "cuoc-goi"].contains(&message.kind.as_str()) {
                problem(
                    format!("{at}.message.kind"),
                    format!(
                        "“{}” không có; dùng “tin-nhan”, “thong-bao” hoặc “cuoc-goi”",
                        message.kind
                    ),
                );
            }
            texts.push((format!("{at}.message.text"), &message.text));
            texts.push((format!("{at}.message.from"), &message.from));
        }
        let mut field_ids = BTreeSet::new();
        for (n, field) in screen.fields.iter().enumerate() {
            let at = format!("{at}.fields[{n}] ({})", field.id);
            if !is_id(&field.id) || !field_ids.insert(field.id.as_str()) {
                problem(
                    format!("{at}.id"),
                    "tên ô phải là chữ thường không dấu, không trùng ô khác trên màn hình".into(),
                );
            }
            texts.push((format!("{at}.label"), &field.label));
            match Rule::parse(&field.rule, field.length) {
                None if field.rule == "chu-so" => problem(
                    format!("{at}.length"),
                    "quy tắc “chu-so” cần số chữ số, ví dụ length = 10".into(),
                ),
                None => problem(
                    format!("{at}.rule"),
                    format!(
                        "không có quy tắc “{}”; dùng một trong: {}",
                        field.rule,
                        Rule::NAMES.join(", ")
                    ),
                ),
                Some(Rule::Choice) if field.options.len() < 2 => problem(
                    format!("{at}.options"),
                    "ô lựa chọn cần ít nhất hai lựa chọn".into(),
                ),
                Some(_) => {}
            }
            if let Some(key) = &field.expect
                && person(key).is_none()
            {
                let keys: Vec<&str> = PERSON.iter().map(|(k, _)| *k).collect();
                problem(
                    format!("{at}.expect"),
                    format!(
                        "người tập không có “{key}”; dùng một trong: {}",
                        keys.join(", ")
                    ),
                );
            }
            for (name, other) in [
                ("same_as", &field.same_as),
                ("differs_from", &field.differs_from),
            ] {
                if let Some(other) = other
                    && !screen.fields[..n].iter().any(|f| &f.id == other)
                {
                    problem(
                        format!("{at}.{name}"),
                        format!("không có ô “{other}” ở phía trên trên cùng màn hình"),
                    );
                }
            }
            for option in &field.options {
                texts.push((format!("{at}.options"), option));
            }
            if let Some(wrong) = &field.wrong {
                texts.push((format!("{at}.wrong"), wrong));
            }
        }
        for (n, button) in screen.buttons.iter().enumerate() {
            let at = format!("{at}.buttons[{n}]");
            texts.push((format!("{at}.label"), &button.label));
            match (&button.go, &button.feedback) {
                (Some(go), None) => {
                    if scenario.screen_index(go).is_none() {
                        problem(
                            format!("{at}.go"),
                            format!("không có màn hình nào tên “{go}”"),
                        );
                    }
                }
                (None, Some(feedback)) => {
                    if feedback.trim().is_empty() {
                        problem(format!("{at}.feedback"), "không được để trống".into());
                    }
                    texts.push((format!("{at}.feedback"), feedback));
                }
                _ => problem(
                    at,
                    "mỗi nút cần đúng một trong hai: go (nút đúng, sang màn hình nào) hoặc feedback (nút sai, giải thích gì)".into(),
                ),
            }
        }
        let moves_on = screen.buttons.iter().any(|button| button.go.is_some());
        if screen.end && !(screen.buttons.is_empty() && screen.fields.is_empty()) {
            problem(
                format!("{at}.end"),
                "màn hình kết thúc không có ô nhập hay nút".into(),
            );
        } else if !screen.end && !moves_on {
            problem(
                format!("{at}.buttons"),
                "cần ít nhất một nút đúng (có go), hoặc ghi end = true nếu là màn hình cuối".into(),
            );
        }
    }
    for (field, text) in texts {
        for key in unknown_placeholders(text) {
            problem(field.clone(), format!("người tập không có “{{{key}}}”"));
        }
    }

    // Every screen must be reachable from the start by right actions.
    let mut reached = vec![false; scenario.screens.len()];
    let mut queue: VecDeque<usize> = scenario.screen_index(&scenario.start).into_iter().collect();
    while let Some(index) = queue.pop_front() {
        if std::mem::replace(&mut reached[index], true) {
            continue;
        }
        for go in scenario.screens[index]
            .buttons
            .iter()
            .filter_map(|b| b.go.as_deref())
        {
            if let Some(next) = scenario.screen_index(go) {
                queue.push_back(next);
            }
        }
    }
    for (index, screen) in scenario.screens.iter().enumerate() {
        if !reached[index] {
            problem(
                format!("screens[{index}] ({})", screen.id),
                "không đến được màn hình này từ màn hình đầu (không nút đúng nào dẫn tới)".into(),
            );
        }
    }
    let ends = scenario
        .screens
        .iter()
        .enumerate()
        .any(|(index, screen)| screen.end && reached[index]);
    if !scenario.screens.is_empty() && !ends {
        problem(
            "screens".into(),
            "cần một màn hình cuối (end = true) đến được từ màn hình đầu".into(),
        );
    }
    problems
}

/// Checks that every scenario names a guide that exists and a step it has.
/// `steps_of(guide)` is the number of steps of that guide, None when there is no such guide.
pub fn check_links(
    scenarios: &[(String, &Scenario)],
    steps_of: impl Fn(&str) -> Option<usize>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, scenario) in scenarios {
        match steps_of(&scenario.guide) {
            None => problems.push(Problem {
                file: file.clone(),
                field: "guide".into(),
                message: format!("không có hướng dẫn “{}”", scenario.guide),
            }),
            Some(steps) => {
                if let Some(step) = scenario.guide_step
                    && step > steps
                {
                    problems.push(Problem {
                        file: file.clone(),
                        field: "guide_step".into(),
                        message: format!("hướng dẫn “{}” chỉ có {steps} bước", scenario.guide),
                    });
                }
            }
        }
    }
    problems
}
