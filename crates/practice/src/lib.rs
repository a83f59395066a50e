//! Practice mode (“Tập thử”): rehearse the real VNeID screens safely, with fake data.
//!
//! A [`Scenario`] is data (`assets/practice/*.toml`): screens that look like the
//! real app's, each with a title, text, input [`Field`]s that follow the real
//! format rules ([`Rule`]), and [`Button`]s that either move to another screen
//! (the right action) or give plain-Vietnamese feedback (a wrong action).
//! [`Practice`] is the state machine the app drives; [`validate`] checks a
//! scenario at build time with messages naming the file and field.
//!
//! Everything shown is fake: the [`PERSON`] has an id number whose province
//! code does not exist, so it can never pass for a real person's.
//!
//! ```
//! use std::collections::BTreeMap;
//! use sotay_practice::{Outcome, Practice, Scenario};
//!
//! let toml = r#"
//! id = "vi-du"
//! title = "Tập nhập mã OTP"
//! summary = "Một màn hình."
//! guide = "kich-hoat-vneid"
//! start = "otp"
//!
//! [[screens]]
//! id = "otp"
//! banner = "MÀN HÌNH TẬP — không phải ứng dụng VNeID thật"
//! title = "Nhập mã OTP"
//! instruction = "Nhập mã trong tin nhắn, rồi chạm “Xác nhận”."
//! fields = [{ id = "ma", label = "Mã OTP", rule = "otp", expect = "otp" }]
//! buttons = [{ label = "Xác nhận", go = "xong" }, { label = "Hủy", feedback = "Chưa nên hủy." }]
//!
//! [[screens]]
//! id = "xong"
//! banner = "MÀN HÌNH TẬP — không phải ứng dụng VNeID thật"
//! title = "Thành công"
//! instruction = "Bạn đã làm xong."
//! end = true
//! "#;
//! let scenario = sotay_practice::load::parse("vi-du.toml", toml).unwrap();
//! let mut practice = Practice::start(&scenario);
//! let mut typed = BTreeMap::new();
//! typed.insert("ma".to_string(), "24681".to_string());
//! let Outcome::Feedback(mistakes) = practice.press(&scenario, 0, &typed) else { panic!() };
//! assert_eq!(mistakes[0].message, "Mã OTP gồm 6 chữ số. Bạn vừa nhập 5 số.");
//! typed.insert("ma".to_string(), sotay_practice::person("otp").unwrap().to_string());
//! assert_eq!(practice.press(&scenario, 0, &typed), Outcome::Moved(1));
//! assert!(practice.is_finished(&scenario));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(feature = "load")]
pub mod load;
mod rules;
mod validate;

pub use rules::Rule;
pub use validate::{Problem, check_links, validate};

/// The line every practice screen carries, word for word.
pub const PRACTICE_BANNER: &str = "MÀN HÌNH TẬP — không phải ứng dụng VNeID thật";

/// The made-up person every scenario uses: `{key}` in a scenario's text shows
/// the value; a field's `expect = "key"` wants it typed. The id numbers open
/// with province code 099, which does not exist (codes run 001–096), so they
/// fail every id-number check on purpose.
pub const PERSON: [(&str, &str); 12] = [
    ("ho_ten", "Nguyễn Văn Tập"),
    ("so_dinh_danh", "099090001234"),
    ("so_dien_thoai", "0900000999"),
    ("ngay_sinh", "05/09/1990"),
    ("ngay_cap", "10/08/2024"),
    ("mat_khau", "Tap@2026"),
    ("otp", "246810"),
    ("passcode", "135790"),
    ("so_bhyt", "9900001234"),
    ("khach_ho_ten", "Trần Thị Khách"),
    ("khach_so_dinh_danh", "099195004321"),
    ("khach_ngay_sinh", "12/03/1995"),
];

/// The practice person's value for `key` (see [`PERSON`]).
pub fn person(key: &str) -> Option<&'static str> {
    PERSON.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// One rehearsal of a real flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Lower-case ASCII words joined by `-`, the same as the file name.
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The guide this rehearses (`assets/guides/vi/<guide>.toml`).
    pub guide: String,
    /// The guide's step (1-based) this rehearses; the guide links here from it.
    #[serde(default)]
    pub guide_step: Option<usize>,
    /// Id of the first screen.
    pub start: String,
    pub screens: Vec<Screen>,
}

/// One screen of the practice phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screen {
    pub id: String,
    /// Must be [`PRACTICE_BANNER`]: no screen may look like the real app.
    #[serde(default)]
    pub banner: String,
    /// The title bar of the phone screen.
    pub title: String,
    /// What the resident should do now, shown above the phone and read aloud.
    pub instruction: String,
    /// Paragraphs on the phone screen.
    #[serde(default)]
    pub text: Vec<String>,
    /// A simulated text message, notification or phone call on this screen.
    #[serde(default)]
    pub message: Option<Message>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub buttons: Vec<Button>,
    /// Reaching this screen finishes the scenario.
    #[serde(default)]
    pub end: bool,
    /// What the hint button says here, when the generated hint is not enough.
    #[serde(default)]
    pub hint: Option<String>,
}

/// A simulated message shown on a screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// `tin-nhan` (SMS), `thong-bao` (notification) or `cuoc-goi` (a phone call).
    pub kind: String,
    pub from: String,
    pub text: String,
}

/// An input on a screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: String,
    /// One of [`Rule::NAMES`].
    pub rule: String,
    /// For `chu-so`: how many digits.
    #[serde(default)]
    pub length: Option<usize>,
    /// For `lua-chon`: the choices.
    #[serde(default)]
    pub options: Vec<String>,
    /// A [`PERSON`] key: the value typed must be that one.
    #[serde(default)]
    pub expect: Option<String>,
    /// Feedback when the value is well formed but not the expected one.
    #[serde(default)]
    pub wrong: Option<String>,
    /// Another field of this screen this one must repeat (entered twice).
    #[serde(default)]
    pub same_as: Option<String>,
    /// Another field of this screen this one must differ from (two questions).
    #[serde(default)]
    pub differs_from: Option<String>,
}

/// A button: the right action moves on (`go`), a wrong one explains (`feedback`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Button {
    pub label: String,
    /// Id of the screen this button opens (fields must be right first).
    #[serde(default)]
    pub go: Option<String>,
    /// What went wrong, in plain words, when this button is the wrong action.
    #[serde(default)]
    pub feedback: Option<String>,
}

impl Scenario {
    pub fn screen_index(&self, id: &str) -> Option<usize> {
        self.screens.iter().position(|screen| screen.id == id)
    }
}

/// What the resident typed, by field id. Lives only in the practice screen's memory.
pub type Typed = BTreeMap<String, String>;

/// What went wrong with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// The field at fault, if the mistake is in a field.
    pub field: Option<String>,
    pub message: String,
}

/// The result of pressing a button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The right action: now on this screen (index).
    Moved(usize),
    /// A wrong action or a field not right yet: the same screen, with what to fix.
    Feedback(Vec<Mistake>),
}

/// The control a hint points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Field(String),
    Button(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub target: Target,
    pub text: String,
}

/// Where a resident is in a scenario, and how much help they have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Practice {
    pub screen: usize,
    pub hints_used: u32,
    pub mistakes: u32,
}

impl Practice {
    pub fn start(scenario: &Scenario) -> Practice {
        Practice {
            screen: scenario.screen_index(&scenario.start).unwrap_or(0),
            hints_used: 0,
            mistakes: 0,
        }
    }

    pub fn current<'a>(&self, scenario: &'a Scenario) -> Option<&'a Screen> {
        scenario.screens.get(self.screen)
    }

    pub fn is_finished(&self, scenario: &Scenario) -> bool {
        self.current(scenario).is_some_and(|screen| screen.end)
    }

    /// Presses button `button` of the current screen with the fields as typed.
    pub fn press(&mut self, scenario: &Scenario, button: usize, typed: &Typed) -> Outcome {
        let Some(screen) = self.current(scenario) else {
            return Outcome::Feedback(Vec::new());
        };
        let Some(pressed) = screen.buttons.get(button) else {
            return Outcome::Feedback(Vec::new());
        };
        let outcome = match (&pressed.go, &pressed.feedback) {
            (Some(go), _) => {
                let mistakes = check_fields(screen, typed);
                match scenario.screen_index(go) {
                    Some(next) if mistakes.is_empty() => Outcome::Moved(next),
                    Some(_) => Outcome::Feedback(mistakes),
                    // Validation rules this out; never panic on data.
                    None => Outcome::Feedback(Vec::new()),
                }
            }
            (None, feedback) => Outcome::Feedback(vec![Mistake {
                field: None,
                message: feedback.clone().unwrap_or_default(),
            }]),
        };
        match outcome {
            Outcome::Moved(next) => self.screen = next,
            Outcome::Feedback(_) => self.mistakes += 1,
        }
        outcome
    }

    /// Which control is right now: the first field not right yet, else the
    /// first button that moves on. Counts as one hint used.
    pub fn hint(&mut self, scenario: &Scenario, typed: &Typed) -> Option<Hint> {
        let screen = self.current(scenario)?;
        let hint = hint_for(screen, typed)?;
        self.hints_used += 1;
        Some(hint)
    }
}

fn hint_for(screen: &Screen, typed: &Typed) -> Option<Hint> {
    if let Some(mistake) = check_fields(screen, typed).into_iter().next() {
        let field = screen
            .fields
            .iter()
            .find(|field| Some(&field.id) == mistake.field.as_ref())?;
        return Some(Hint {
            target: Target::Field(field.id.clone()),
            text: screen.hint.clone().unwrap_or_else(|| {
                rules::text::hint_field(rules::VI, &field.label, &mistake.message)
            }),
        });
    }
    let (index, button) = screen
        .buttons
        .iter()
        .enumerate()
        .find(|(_, button)| button.go.is_some())?;
    Some(Hint {
        target: Target::Button(index),
        text: screen
            .hint
            .clone()
            .unwrap_or_else(|| rules::text::hint_button(rules::VI, &button.label)),
    })
}

/// Every field of `screen` that is not right yet, in screen order.
pub fn check_fields(screen: &Screen, typed: &Typed) -> Vec<Mistake> {
    let value = |id: &str| typed.get(id).map_or("", String::as_str);
    screen
        .fields
        .iter()
        .filter_map(|field| {
            let label_of = |id: &str| {
                screen
                    .fields
                    .iter()
                    .find(|other| other.id == id)
                    .map_or_else(|| id.to_string(), |other| other.label.clone())
            };
            rules::check_field(field, value(&field.id), &value, &label_of)
                .err()
                .map(|message| Mistake {
                    field: Some(field.id.clone()),
                    message,
                })
        })
        .collect()
}

/// What the resident's guide pages need to link here: one entry per scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioLink {
    pub id: String,
    pub title: String,
    pub guide: String,
    pub step: Option<usize>,
}

/// The compact scenario → guide table the resident bundle embeds.
pub fn links(scenarios: &[Scenario]) -> Vec<ScenarioLink> {
    scenarios
        .iter()
        .map(|scenario| ScenarioLink {
            id: scenario.id.clone(),
            title: scenario.title.clone(),
            guide: scenario.guide.clone(),
            step: scenario.guide_step,
        })
        .collect()
}
