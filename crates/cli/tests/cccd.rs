//! `sotay cccd` end to end: arguments, stdin, exit codes and the JSON it prints.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const CARD: &str = "001090012345|013456789|Nguyễn Văn An|15031990|Nam|Số 12 ngõ 34 phố Hào Nam, Phường Ô Chợ Dừa, Quận Đống Đa, Hà Nội|20042021";

fn sotay(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("cccd")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sotay starts");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(bytes)
            .expect("stdin accepts input");
    }
    child.wait_with_output().expect("sotay finishes")
}

fn json(output: &Output) -> Value {
    let text = String::from_utf8(output.stdout.clone()).expect("UTF-8 output");
    assert_eq!(
        text.lines().count(),
        1,
        "one JSON object on one line: {text}"
    );
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn card_from_argument() {
    let output = sotay(&["--today", "2025-11-22", CARD], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "nothing on stderr for a card");
    let value = json(&output);
    assert_eq!(value["kind"], "cccd");
    assert_eq!(value["id_number"], "001090012345");
    assert_eq!(value["full_name"], "Nguyễn Văn An");
    assert_eq!(value["date_of_birth"], "1990-03-15");
    assert_eq!(value["sex"], "Nam");
    assert_eq!(value["date_of_issue"], "2021-04-20");
    assert_eq!(value["province_code"], "001");
    assert_eq!(value["province_name"], "Hà Nội");
    assert_eq!(value["next_renewal"], "2030-03-15");
    assert_eq!(value["warnings"], serde_json::json!([]));
    assert_eq!(value["raw"], CARD);
}

#[test]
fn card_from_stdin_with_scanner_noise_and_warnings() {
    let input = format!("\u{feff}{}|\r\n", CARD.replace("|Nam|", "|Nữ|"));
    let output = sotay(&["--today", "2025-11-22"], Some(input.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "warnings still exit 0");
    let value = json(&output);
    assert_eq!(value["sex"], "Nữ");
    assert_eq!(value["warnings"][0]["code"], "sex_digit_mismatch");
    assert!(
        value["warnings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("giới tính"))
    );
}

#[test]
fn renewal_depends_on_today() {
    let output = sotay(&["--today", "2030-03-16", CARD], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["warnings"][0]["code"], "renewal_overdue");
}

#[test]
fn default_today_is_the_clock() {
    // Without --today the system clock is used; the card is read either way.
    let output = sotay(&[CARD], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["kind"], "cccd");
}

#[test]
fn not_a_card_exits_2() {
    for text in [
        "https://dichvucong.gov.vn",
        "00020101021138540010A0000007270124000697043601101234567890",
    ] {
        let output = sotay(&[text], None);
        assert_eq!(output.status.code(), Some(2), "{text}");
        let value = json(&output);
        assert_eq!(value["kind"], "not_card");
        assert_eq!(value["raw"], text);
        assert_eq!(value["id_number"], Value::Null);
    }
}

#[test]
fn unreadable_input_exits_1_with_a_vietnamese_message() {
    for stdin in [
        &b""[..],
        b"  \r\n",
        b"\xEF\xBB\xBF",
        b"001090012345|\xff\xfe|x",
    ] {
        let output = sotay(&[], Some(stdin));
        assert_eq!(output.status.code(), Some(1), "{stdin:?}");
        assert!(output.stdout.is_empty());
        let message = String::from_utf8(output.stderr).expect("UTF-8 message");
        assert!(
            message.starts_with("sotay cccd: ") && message.contains("không"),
            "{message}"
        );
        assert!(
            !message.contains("001090012345"),
            "no card data in messages"
        );
    }
    let output = sotay(&["--today", "22/13/2025", CARD], None);
    assert_eq!(output.status.code(), Some(1));
}
