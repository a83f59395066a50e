//! “Tôi cần làm gì?” — a few plain questions that point a resident to the right guides.
//!
//! The questions and their options are data ([`QUESTIONS`]) so the app only renders them and feeds
//! the chosen option back through [`Answers::set`]. [`recommend`] applies plain rules, in the order
//! a resident must do things: card first, then phone number, then the level-2 account, then the
//! app and activation, then what they came for.

use serde::Serialize;
use sotay_text::{Text, ui};

/// Which question an answer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionId {
    ChipCard,
    Smartphone,
    PhoneInOwnName,
    Account,
    Goal,
}

/// One choice of a question, with the value passed back to [`Answers::set`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    pub value: &'static str,
    pub label: Text,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub text: Text,
    /// A short explanation under the question.
    pub help: Text,
    pub options: &'static [AnswerOption],
}

const fn option(value: &'static str, label: Text) -> AnswerOption {
    AnswerOption { value, label }
}

const YES_NO_UNSURE: &[AnswerOption] = &[
    option("yes", ui::questions::ANSWER_YES),
    option("no", ui::questions::ANSWER_NO),
    option("unsure", ui::questions::ANSWER_UNSURE),
];

/// What the resident wants to do in the end, and the guide for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Goal {
    pub value: &'static str,
    pub label: Text,
    pub guide_id: &'static str,
}

/// The goals offered by the last question, in display order.
pub const GOALS: &[Goal] = &[
    Goal {
        value: "giay-to",
        label: ui::questions::GOAL_GIAY_TO,
        guide_id: "tich-hop-giay-to-vneid",
    },
    Goal {
        value: "dich-vu-cong",
        label: ui::questions::GOAL_DICH_VU_CONG,
        guide_id: "dang-nhap-dich-vu-cong-bang-vneid",
    },
    Goal {
        value: "tam-tru",
        label: ui::questions::GOAL_TAM_TRU,
        guide_id: "dang-ky-tam-tru",
    },
    Goal {
        value: "thuong-tru",
        label: ui::questions::GOAL_THUONG_TRU,
        guide_id: "dang-ky-thuong-tru",
    },
    Goal {
        value: "luu-tru",
        label: ui::questions::GOAL_LUU_TRU,
        guide_id: "thong-bao-luu-tru",
    },
    Goal {
        value: "khai-sinh",
        label: ui::questions::GOAL_KHAI_SINH,
        guide_id: "lien-thong-khai-sinh",
    },
    Goal {
        value: "ly-lich-tu-phap",
        label: ui::questions::GOAL_LY_LICH_TU_PHAP,
        guide_id: "ly-lich-tu-phap-vneid",
    },
    Goal {
        value: "doi-the",
        label: ui::questions::GOAL_DOI_THE,
        guide_id: "cap-doi-the-can-cuoc",
    },
    Goal {
        value: "bang-lai",
        label: ui::questions::GOAL_BANG_LAI,
        guide_id: "doi-giay-phep-lai-xe",
    },
    Goal {
        value: "tro-cap",
        label: ui::questions::GOAL_TRO_CAP,
        guide_id: "nhan-tro-cap-qua-tai-khoan",
    },
    Goal {
        value: "nop-phat",
        label: ui::questions::GOAL_NOP_PHAT,
        guide_id: "nop-phat-truc-tuyen",
    },
    Goal {
        value: "suc-khoe",
        label: ui::questions::GOAL_SUC_KHOE,
        guide_id: "so-suc-khoe-dien-tu",
    },
    Goal {
        value: "quen-mat-khau",
        label: ui::questions::GOAL_QUEN_MAT_KHAU,
        guide_id: "quen-mat-khau-vneid",
    },
    Goal {
        value: "lua-dao",
        label: ui::questions::GOAL_LUA_DAO,
        guide_id: "lua-dao-gia-danh-cong-an",
    },
];

/// The goal question's options, derived from [`GOALS`] so the two cannot drift apart.
const GOAL_OPTIONS: [AnswerOption; GOALS.len()] = {
    let mut options = [option("", Text::new("", None)); GOALS.len()];
    let mut i = 0;
    while i < GOALS.len() {
        options[i] = option(GOALS[i].value, GOALS[i].label);
        i += 1;
    }
    options
};

/// The questions, in the order to ask them.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: QuestionId::ChipCard,
        text: ui::questions::CHIP_CARD_QUESTION,
        help: ui::questions::CHIP_CARD_HELP,
        options: YES_NO_UNSURE,
    },
    Question {
        id: QuestionId::Smartphone,
        text: ui::questions::SMARTPHONE_QUESTION,
        help: ui::questions::SMARTPHONE_HELP,
        options: YES_NO_UNSURE,
    },
    Question {
        id: QuestionId::PhoneInOwnName,
        text: ui::questions::PHONE_IN_OWN_NAME_QUESTION,
        help: ui::questions::PHONE_IN_OWN_NAME_HELP,
        options: YES_NO_UNSURE,
    },
    Question {
        id: QuestionId::Account,
        text: ui::questions::ACCOUNT_QUESTION,
        help: ui::questions::ACCOUNT_HELP,
        options: &[
            option("none", ui::questions::ANSWER_NONE),
            option("level1", ui::questions::ANSWER_LEVEL1),
            option("level2-pending", ui::questions::ANSWER_LEVEL2_PENDING),
            option("level2", ui::questions::ANSWER_LEVEL2),
            option("unsure", ui::questions::ANSWER_UNSURE),
        ],
    },
    Question {
        id: QuestionId::Goal,
        text: ui::questions::GOAL_QUESTION,
        help: ui::questions::GOAL_HELP,
        options: &GOAL_OPTIONS,
    },
];

/// The state of the resident's VNeID account, as they know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    NoAccount,
    Level1,
    /// Registered at the police, waiting for (or holding) the approval SMS.
    Level2Pending,
    Level2,
    Unsure,
}

/// What the resident answered so far. `None` means not answered, or "not sure" for yes/no questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Answers {
    pub has_chip_card: Option<bool>,
    pub has_smartphone: Option<bool>,
    pub phone_in_own_name: Option<bool>,
    pub account: Option<AccountStatus>,
    pub goal: Option<&'static Goal>,
}

fn yes_no(value: &str) -> Option<Option<bool>> {
    match value {
        "yes" => Some(Some(true)),
        "no" => Some(Some(false)),
        "unsure" => Some(None),
        _ => None,
    }
}

impl Answers {
    /// Records the option `value` for `question`. Returns false (and changes nothing) when the
    /// value is not one of that question's options.
    pub fn set(&mut self, question: QuestionId, value: &str) -> bool {
        match question {
            QuestionId::ChipCard => yes_no(value).map(|v| self.has_chip_card = v).is_some(),
            QuestionId::Smartphone => yes_no(value).map(|v| self.has_smartphone = v).is_some(),
            QuestionId::PhoneInOwnName => {
                yes_no(value).map(|v| self.phone_in_own_name = v).is_some()
            }
            QuestionId::Account => {
                let status = match value {
                    "none" => AccountStatus::NoAccount,
                    "level1" => AccountStatus::Level1,
                    "level2-pending" => AccountStatus::Level2Pending,
                    "level2" => AccountStatus::Level2,
                    "unsure" => AccountStatus::Unsure,
                    _ => return false,
                };
                self.account = Some(status);
                true
            }
            QuestionId::Goal => match GOALS.iter().find(|g| g.value == value) {
                Some(goal) => {
                    self.goal = Some(goal);
                    true
                }
                None => false,
            },
        }
    }
}

/// One recommended guide and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    pub guide_id: &'static str,
    pub reason: Text,
}

const fn rec(guide_id: &'static str, reason: Text) -> Recommendation {
    Recommendation { guide_id, reason }
}

/// The guides to follow, in order. Empty when nothing useful has been answered yet.
pub fn recommend(answers: &Answers) -> Vec<Recommendation> {
    let mut list: Vec<Recommendation> = Vec::new();
    let no_smartphone = answers.has_smartphone == Some(false);

    if answers.has_chip_card == Some(false) {
        list.push(rec(
            "cap-doi-the-can-cuoc",
            ui::questions::REASON_NO_CHIP_CARD,
        ));
    }

    match answers.account {
        Some(AccountStatus::NoAccount | AccountStatus::Level1 | AccountStatus::Unsure) => {
            if answers.phone_in_own_name == Some(false) {
                list.push(rec(
                    "dang-ky-tai-khoan-muc-2",
                    ui::questions::REASON_PHONE_NOT_OWN_NAME,
                ));
            } else if no_smartphone {
                list.push(rec(
                    "dang-ky-tai-khoan-muc-2",
                    ui::questions::REASON_NO_SMARTPHONE_LEVEL_2,
                ));
            } else {
                let reason = match answers.account {
                    Some(AccountStatus::Level1) => {
                        rec("dang-ky-tai-khoan-muc-2", ui::questions::REASON_LEVEL_1)
                    }
                    Some(AccountStatus::Unsure) => rec(
                        "dang-ky-tai-khoan-muc-2",
                        ui::questions::REASON_ACCOUNT_UNSURE,
                    ),
                    _ => rec("dang-ky-tai-khoan-muc-2", ui::questions::REASON_NO_ACCOUNT),
                };
                list.push(reason);
            }
            if !no_smartphone {
                list.push(rec("cai-dat-vneid", ui::questions::REASON_INSTALL_APP));
            }
            list.push(rec("kich-hoat-vneid", ui::questions::REASON_ACTIVATE));
        }
        Some(AccountStatus::Level2Pending) => {
            if no_smartphone {
                list.push(rec(
                    "kich-hoat-vneid",
                    ui::questions::REASON_ACTIVATE_WITHOUT_SMARTPHONE,
                ));
            } else {
                list.push(rec(
                    "kich-hoat-vneid",
                    ui::questions::REASON_ACTIVATE_LEVEL_2_PENDING,
                ));
            }
        }
        Some(AccountStatus::Level2) | None => {}
    }

    if let Some(goal) = answers.goal
        && !list.iter().any(|r| r.guide_id == goal.guide_id)
    {
        // Every goal's guide is done on VNeID or the portal. Without a smartphone the guide
        // still helps, but the way in is someone else's phone, a computer, or the counter.
        list.push(if no_smartphone {
            rec(goal.guide_id, ui::questions::REASON_GOAL_WITHOUT_SMARTPHONE)
        } else {
            rec(goal.guide_id, ui::questions::REASON_GOAL)
        });
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use sotay_text::Lang;

    fn answers(pairs: &[(QuestionId, &str)]) -> Answers {
        let mut a = Answers::default();
        for (q, v) in pairs {
            assert!(a.set(*q, v), "{q:?}={v}");
        }
        a
    }

    fn ids(recs: &[Recommendation]) -> Vec<&'static str> {
        recs.iter().map(|r| r.guide_id).collect()
    }

    #[test]
    fn every_option_is_accepted_by_set() {
        for q in QUESTIONS {
            assert!(!q.options.is_empty());
            for o in q.options {
                assert!(
                    Answers::default().set(q.id, o.value),
                    "{:?} {}",
                    q.id,
                    o.value
                );
            }
        }
        assert!(!Answers::default().set(QuestionId::Account, "level3"));
        assert!(!Answers::default().set(QuestionId::Goal, "bay"));
    }

    #[test]
    fn nothing_answered_recommends_nothing() {
        assert!(recommend(&Answers::default()).is_empty());
    }

    #[test]
    fn no_account_with_chip_card_starts_with_level_2() {
        let a = answers(&[
            (QuestionId::ChipCard, "yes"),
            (QuestionId::Smartphone, "yes"),
            (QuestionId::PhoneInOwnName, "yes"),
            (QuestionId::Account, "none"),
        ]);
        assert_eq!(
            ids(&recommend(&a)),
            [
                "dang-ky-tai-khoan-muc-2",
                "cai-dat-vneid",
                "kich-hoat-vneid"
            ]
        );
        // The same with only the two answers the e2e test gives.
        let a = answers(&[(QuestionId::ChipCard, "yes"), (QuestionId::Account, "none")]);
        assert_eq!(
            ids(&recommend(&a)).first(),
            Some(&"dang-ky-tai-khoan-muc-2")
        );
    }

    #[test]
    fn no_chip_card_sends_to_card_first() {
        let a = answers(&[(QuestionId::ChipCard, "no"), (QuestionId::Account, "none")]);
        assert_eq!(
            ids(&recommend(&a))[..2],
            ["cap-doi-the-can-cuoc", "dang-ky-tai-khoan-muc-2"]
        );
    }

    #[test]
    fn no_smartphone_still_goes_to_police_and_asks_for_help() {
        let a = answers(&[
            (QuestionId::ChipCard, "yes"),
            (QuestionId::Smartphone, "no"),
            (QuestionId::Account, "none"),
        ]);
        let recs = recommend(&a);
        assert_eq!(ids(&recs), ["dang-ky-tai-khoan-muc-2", "kich-hoat-vneid"]);
        assert!(recs[0].reason.get(Lang::Vi).contains("Tổ công nghệ số"));
    }

    #[test]
    fn no_smartphone_goal_says_how_to_do_it_without_one() {
        let a = answers(&[
            (QuestionId::Smartphone, "no"),
            (QuestionId::Account, "level2"),
            (QuestionId::Goal, "tam-tru"),
        ]);
        let recs = recommend(&a);
        assert_eq!(ids(&recs), ["dang-ky-tam-tru"]);
        assert!(
            recs[0]
                .reason
                .get(Lang::Vi)
                .contains("Không có điện thoại thông minh")
        );
        assert!(recs[0].reason.get(Lang::Vi).contains("công an xã/phường"));
        let with_phone = answers(&[
            (QuestionId::Account, "level2"),
            (QuestionId::Goal, "tam-tru"),
        ]);
        assert!(
            !recommend(&with_phone)[0]
                .reason
                .get(Lang::Vi)
                .contains("điện thoại thông minh")
        );
    }

    #[test]
    fn phone_not_in_own_name_fixes_sim_first() {
        let a = answers(&[
            (QuestionId::PhoneInOwnName, "no"),
            (QuestionId::Account, "none"),
        ]);
        let recs = recommend(&a);
        assert_eq!(recs[0].guide_id, "dang-ky-tai-khoan-muc-2");
        assert!(recs[0].reason.get(Lang::Vi).contains("nhà mạng"));
    }

    #[test]
    fn pending_level_2_goes_to_activation_then_goal() {
        let a = answers(&[
            (QuestionId::Account, "level2-pending"),
            (QuestionId::Goal, "giay-to"),
        ]);
        assert_eq!(
            ids(&recommend(&a)),
            ["kich-hoat-vneid", "tich-hop-giay-to-vneid"]
        );
    }

    #[test]
    fn working_account_goes_straight_to_goal_without_duplicates() {
        let a = answers(&[
            (QuestionId::Account, "level2"),
            (QuestionId::Goal, "dich-vu-cong"),
        ]);
        assert_eq!(ids(&recommend(&a)), ["dang-nhap-dich-vu-cong-bang-vneid"]);
        let a = answers(&[(QuestionId::ChipCard, "no"), (QuestionId::Goal, "doi-the")]);
        assert_eq!(ids(&recommend(&a)), ["cap-doi-the-can-cuoc"]);
    }
}
