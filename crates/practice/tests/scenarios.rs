//! The real scenarios under assets/practice, and what validation refuses.

use std::path::Path;

use sotay_practice::load::{load_dir, parse};
use sotay_practice::{
    Outcome, PERSON, PRACTICE_BANNER, Practice, Rule, Scenario, Screen, Target, Typed, person,
};

fn real() -> Vec<Scenario> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/practice");
    load_dir(&dir).unwrap_or_else(|problems| {
        panic!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// Right values for every field of `screen` (what a careful resident types).
fn right_values(screen: &Screen) -> Typed {
    let mut typed = Typed::new();
    for field in &screen.fields {
        let value = if let Some(key) = &field.expect {
            person(key).unwrap().to_string()
        } else if let Some(other) = &field.same_as {
            typed[other].clone()
        } else {
            match Rule::parse(&field.rule, field.length).unwrap() {
                Rule::Choice if field.differs_from.is_some() => field.options[1].clone(),
                Rule::Choice => field.options[0].clone(),
                Rule::Tick => "co".into(),
                Rule::Password => "Moi#2026a".into(),
                Rule::Passcode => "246802".into(),
                Rule::Date => "01/12/2026".into(),
                Rule::Digits(n) => "7".repeat(n),
                Rule::Text => "Tập".into(),
                Rule::IdNumber | Rule::Phone | Rule::Otp => unreachable!("they expect a value"),
            }
        };
        typed.insert(field.id.clone(), value);
    }
    typed
}

#[test]
fn the_five_flows_and_the_scam_call_are_there() {
    let scenarios = real();
    let guides: Vec<&str> = scenarios.iter().map(|s| s.guide.as_str()).collect();
    for guide in [
        "kich-hoat-vneid",
        "dang-nhap-dich-vu-cong-bang-vneid",
        "quen-mat-khau-vneid",
        "tich-hop-giay-to-vneid",
        "thong-bao-luu-tru",
    ] {
        assert!(guides.contains(&guide), "no scenario rehearses {guide}");
    }
    let scam = scenarios
        .iter()
        .flat_map(|s| &s.screens)
        .find(|screen| {
            screen
                .message
                .as_ref()
                .is_some_and(|m| m.kind == "cuoc-goi" && m.text.contains("OTP"))
        })
        .expect("a fake police call asks for the OTP");
    let refuse = scam
        .buttons
        .iter()
        .find(|b| b.go.is_some())
        .expect("a right action");
    assert!(refuse.label.contains("Từ chối"));
    assert!(
        scam.buttons
            .iter()
            .any(|b| b.feedback.as_ref().is_some_and(|f| f.contains("OTP")))
    );
}

#[test]
fn every_scenario_walks_to_its_end_with_right_actions_and_placeholders_filled() {
    for scenario in real() {
        let mut practice = Practice::start(&scenario);
        let mut steps = 0;
        while !practice.is_finished(&scenario) {
            let screen = practice.current(&scenario).unwrap();
            assert_eq!(screen.banner, PRACTICE_BANNER);
            let typed = right_values(screen);
            // The hint points at the right button once the fields are right.
            let mut probe = practice;
            let hint = probe.hint(&scenario, &typed).unwrap();
            let Target::Button(button) = hint.target else {
                panic!("{}: hint points at a field: {hint:?}", scenario.id)
            };
            let outcome = practice.press(&scenario, button, &typed);
            assert!(
                matches!(outcome, Outcome::Moved(_)),
                "{} / {}: {outcome:?}",
                scenario.id,
                screen.id
            );
            steps += 1;
            assert!(steps < 50, "{} loops", scenario.id);
        }
        assert_eq!(practice.mistakes, 0);
        let json = format!("{scenario:?}");
        for (key, _) in PERSON {
            assert!(
                !json.contains(&format!("{{{key}}}")),
                "{}: {key}",
                scenario.id
            );
        }
    }
}

#[test]
fn every_scenario_has_at_least_two_wrong_actions_with_feedback() {
    for scenario in real() {
        let wrong_buttons = scenario
            .screens
            .iter()
            .flat_map(|s| &s.buttons)
            .filter(|b| b.feedback.is_some())
            .count();
        let fields = scenario.screens.iter().flat_map(|s| &s.fields).count();
        assert!(wrong_buttons + fields >= 2, "{}", scenario.id);
        assert!(wrong_buttons >= 1, "{}", scenario.id);
    }
}

#[test]
fn wrong_actions_give_feedback_and_hints_point_at_the_field_to_fix() {
    let scenarios = real();
    let scenario = scenarios
        .iter()
        .find(|s| s.id == "kich-hoat-vneid")
        .unwrap();
    let mut practice = Practice::start(scenario);
    let typed = Typed::new();
    // The first screen's wrong button: the feedback, the same screen, one mistake.
    let wrong = scenario.screens[practice.screen]
        .buttons
        .iter()
        .position(|b| b.feedback.is_some())
        .unwrap();
    let Outcome::Feedback(mistakes) = practice.press(scenario, wrong, &typed) else {
        panic!("a wrong button moved on")
    };
    assert!(mistakes[0].message.contains("không bao giờ hỏi mật khẩu"));
    assert_eq!((practice.screen, practice.mistakes), (0, 1));
    // To the OTP screen, then five digits.
    while practice.current(scenario).unwrap().id != "otp" {
        let screen = practice.current(scenario).unwrap();
        let button = screen.buttons.iter().position(|b| b.go.is_some()).unwrap();
        practice.press(scenario, button, &right_values(screen));
    }
    let mut typed = Typed::new();
    typed.insert("otp".into(), "24681".into());
    assert_eq!(
        practice.press(scenario, 0, &typed),
        Outcome::Feedback(vec![sotay_practice::Mistake {
            field: Some("otp".into()),
            message: "Mã OTP gồm 6 chữ số. Bạn vừa nhập 5 số.".into()
        }])
    );
    let hint = practice.hint(scenario, &typed).unwrap();
    assert_eq!(hint.target, Target::Field("otp".into()));
    assert_eq!(practice.hints_used, 1);
    typed.insert("otp".into(), "111111".into());
    let Outcome::Feedback(mistakes) = practice.press(scenario, 0, &typed) else {
        panic!()
    };
    assert_eq!(
        mistakes[0].message,
        "Mã OTP chưa đúng. Hãy nhìn lại tin nhắn: mã là 246810."
    );
}

#[test]
fn the_practice_id_numbers_fail_the_id_checks_on_purpose() {
    for key in ["so_dinh_danh", "khach_so_dinh_danh"] {
        let id = person(key).unwrap();
        assert_eq!(id.len(), 12);
        assert!(sotay_cccd::province_by_code(&id[..3]).is_none(), "{id}");
        let card = format!(
            "{id}||{}|05091990|Nam|Xã Thử|10082024",
            person("ho_ten").unwrap()
        );
        let today = sotay_cccd::Date::new(2026, 11, 29).unwrap();
        let reading = sotay_cccd::parse(&card, today);
        let warnings = format!("{:?}", reading);
        assert!(warnings.contains("UnknownProvinceCode"), "{warnings}");
    }
}

const GOOD: &str = r#"
id = "thu"
title = "Thử"
summary = "Thử."
guide = "kich-hoat-vneid"
start = "a"

[[screens]]
id = "a"
banner = "MÀN HÌNH TẬP — không phải ứng dụng VNeID thật"
title = "A"
instruction = "Chạm Tiếp."
fields = [{ id = "otp", label = "Mã OTP", rule = "otp" }]
buttons = [{ label = "Tiếp", go = "b" }, { label = "Sai", feedback = "Chưa đúng." }]

[[screens]]
id = "b"
banner = "MÀN HÌNH TẬP — không phải ứng dụng VNeID thật"
title = "B"
instruction = "Xong."
end = true
"#;

fn problems(text: &str) -> Vec<String> {
    parse("assets/practice/thu.toml", text)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn assert_problem(text: &str, expected_start: &str) {
    let found = problems(text);
    assert!(
        found.iter().any(|p| p.starts_with(expected_start)),
        "expected {expected_start:?} in {found:#?}"
    );
}

#[test]
fn a_good_scenario_passes() {
    assert_eq!(problems(GOOD), Vec::<String>::new());
}

#[test]
fn an_unreachable_screen_fails_naming_file_and_screen() {
    let text = format!(
        "{GOOD}\n[[screens]]\nid = \"lac\"\nbanner = \"{PRACTICE_BANNER}\"\ntitle = \"C\"\ninstruction = \"I\"\nbuttons = [{{ label = \"Tiếp\", go = \"b\" }}]\n"
    );
    assert_problem(
        &text,
        "assets/practice/thu.toml: screens[2] (lac): không đến được",
    );
}

#[test]
fn a_dangling_action_target_fails_naming_the_button() {
    let text = GOOD.replace("go = \"b\"", "go = \"khong-co\"");
    assert_problem(
        &text,
        "assets/practice/thu.toml: screens[0] (a).buttons[0].go: không có màn hình nào tên “khong-co”",
    );
}

#[test]
fn a_screen_without_the_banner_fails_naming_the_field() {
    let text = GOOD.replacen(
        "banner = \"MÀN HÌNH TẬP — không phải ứng dụng VNeID thật\"\ntitle = \"B\"",
        "title = \"B\"",
        1,
    );
    assert_problem(
        &text,
        "assets/practice/thu.toml: screens[1] (b).banner: thiếu dòng báo",
    );
    let text = GOOD.replacen("MÀN HÌNH TẬP — không phải", "VNeID —", 1);
    assert_problem(
        &text,
        "assets/practice/thu.toml: screens[0] (a).banner: phải ghi đúng",
    );
}

#[test]
fn unknown_rules_keys_placeholders_and_bad_toml_fail_with_places() {
    assert_problem(
        &GOOD.replace("rule = \"otp\"", "rule = \"ma-pin\""),
        "assets/practice/thu.toml: screens[0] (a).fields[0] (otp).rule: không có quy tắc “ma-pin”",
    );
    assert_problem(
        &GOOD.replace("rule = \"otp\"", "rule = \"chu-so\""),
        "assets/practice/thu.toml: screens[0] (a).fields[0] (otp).length",
    );
    assert_problem(
        &GOOD.replace("rule = \"otp\"", "rule = \"otp\", expect = \"ma\""),
        "assets/practice/thu.toml: screens[0] (a).fields[0] (otp).expect",
    );
    assert_problem(
        &GOOD.replace("instruction = \"Xong.\"", "instruction = \"Xong {ten}.\""),
        "assets/practice/thu.toml: screens[1] (b).instruction: người tập không có “{ten}”",
    );
    assert_problem(
        &GOOD.replace("start = \"a\"", "start = \"z\""),
        "assets/practice/thu.toml: start:",
    );
    assert_problem(
        &GOOD.replace(
            "{ label = \"Sai\", feedback = \"Chưa đúng.\" }",
            "{ label = \"Sai\" }",
        ),
        "assets/practice/thu.toml: screens[0] (a).buttons[1]: mỗi nút cần",
    );
    assert_problem(
        &GOOD.replace("title = \"A\"", "title = \"A\"\ncolour = 1"),
        "assets/practice/thu.toml: dòng ",
    );
}

#[test]
fn links_name_guides_and_steps_that_exist() {
    let scenarios = real();
    let named: Vec<(String, &Scenario)> = scenarios
        .iter()
        .map(|s| (format!("{}.toml", s.id), s))
        .collect();
    let problems =
        sotay_practice::check_links(&named, |guide| (guide == "kich-hoat-vneid").then_some(2));
    assert!(
        problems
            .iter()
            .any(|p| p.field == "guide_step" && p.file == "kich-hoat-vneid.toml")
    );
    assert!(
        problems
            .iter()
            .any(|p| p.field == "guide" && p.message.contains("thong-bao-luu-tru"))
    );
    let table = sotay_practice::links(&scenarios);
    assert_eq!(table.len(), scenarios.len());
    assert!(table.iter().all(|link| link.step.is_some()));
}
