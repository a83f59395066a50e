//! “Tôi cần làm gì?” — a few plain questions that point a resident to the right guides.
//!
//! The questions and their options are data ([`QUESTIONS`]) so the app only renders them and feeds
//! the chosen option back through [`Answers::set`]. [`recommend`] applies plain rules, in the order
//! a resident must do things: card first, then phone number, then the level-2 account, then the
//! app and activation, then what they came for.

use serde::Serialize;

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
    pub label_vi: &'static str,
    pub label_en: &'static str,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub text_vi: &'static str,
    pub text_en: &'static str,
    /// A short explanation under the question.
    pub help_vi: &'static str,
    pub help_en: &'static str,
    pub options: &'static [AnswerOption],
}

const fn option(
    value: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
) -> AnswerOption {
    AnswerOption {
        value,
        label_vi,
        label_en,
    }
}

const YES_NO_UNSURE: &[AnswerOption] = &[
    option("yes", "Có", "Yes"),
    option("no", "Không", "No"),
    option("unsure", "Không rõ", "Not sure"),
];

/// What the resident wants to do in the end, and the guide for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Goal {
    pub value: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub guide_id: &'static str,
}

/// The goals offered by the last question, in display order.
pub const GOALS: &[Goal] = &[
    Goal {
        value: "giay-to",
        label_vi: "Mang giấy tờ trên điện thoại (bảo hiểm y tế, bằng lái xe…)",
        label_en: "Carry papers on my phone (health insurance, driving licence…)",
        guide_id: "tich-hop-giay-to-vneid",
    },
    Goal {
        value: "dich-vu-cong",
        label_vi: "Làm thủ tục trên Cổng dịch vụ công",
        label_en: "Do procedures on the National Public Service Portal",
        guide_id: "dang-nhap-dich-vu-cong-bang-vneid",
    },
    Goal {
        value: "tam-tru",
        label_vi: "Đăng ký tạm trú (ở trọ, ở nhờ)",
        label_en: "Register temporary residence",
        guide_id: "dang-ky-tam-tru",
    },
    Goal {
        value: "thuong-tru",
        label_vi: "Đăng ký thường trú",
        label_en: "Register permanent residence",
        guide_id: "dang-ky-thuong-tru",
    },
    Goal {
        value: "luu-tru",
        label_vi: "Báo có khách ở lại (nhà trọ, nhà nghỉ, người thân đến ở)",
        label_en: "Report guests staying (boarding house, guesthouse, relatives)",
        guide_id: "thong-bao-luu-tru",
    },
    Goal {
        value: "khai-sinh",
        label_vi: "Làm giấy khai sinh, thẻ BHYT cho con mới sinh",
        label_en: "Register a newborn (birth, residence, health insurance)",
        guide_id: "lien-thong-khai-sinh",
    },
    Goal {
        value: "ly-lich-tu-phap",
        label_vi: "Xin phiếu lý lịch tư pháp",
        label_en: "Get a criminal-record certificate",
        guide_id: "ly-lich-tu-phap-vneid",
    },
    Goal {
        value: "doi-the",
        label_vi: "Làm, đổi hoặc xin cấp lại thẻ căn cước",
        label_en: "Get, renew or replace my ID card",
        guide_id: "cap-doi-the-can-cuoc",
    },
    Goal {
        value: "bang-lai",
        label_vi: "Đổi giấy phép lái xe",
        label_en: "Renew my driving licence",
        guide_id: "doi-giay-phep-lai-xe",
    },
    Goal {
        value: "tro-cap",
        label_vi: "Nhận tiền trợ cấp xã hội qua tài khoản ngân hàng",
        label_en: "Receive welfare payments into a bank account",
        guide_id: "nhan-tro-cap-qua-tai-khoan",
    },
    Goal {
        value: "nop-phat",
        label_vi: "Nộp phạt vi phạm giao thông",
        label_en: "Pay a traffic fine",
        guide_id: "nop-phat-truc-tuyen",
    },
    Goal {
        value: "suc-khoe",
        label_vi: "Xem sổ sức khỏe điện tử",
        label_en: "See my electronic health book",
        guide_id: "so-suc-khoe-dien-tu",
    },
    Goal {
        value: "quen-mat-khau",
        label_vi: "Tôi quên mật khẩu hoặc đã đổi số điện thoại",
        label_en: "I forgot my password or changed my phone number",
        guide_id: "quen-mat-khau-vneid",
    },
    Goal {
        value: "lua-dao",
        label_vi: "Có người gọi xưng là công an, tôi lo bị lừa",
        label_en: "Someone called claiming to be the police; I fear a scam",
        guide_id: "lua-dao-gia-danh-cong-an",
    },
];

/// The goal question's options, derived from [`GOALS`] so the two cannot drift apart.
const GOAL_OPTIONS: [AnswerOption; GOALS.len()] = {
    let mut options = [option("", "", ""); GOALS.len()];
    let mut i = 0;
    while i < GOALS.len() {
        options[i] = option(GOALS[i].value, GOALS[i].label_vi, GOALS[i].label_en);
        i += 1;
    }
    options
};

/// The questions, in the order to ask them.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: QuestionId::ChipCard,
        text_vi: "Bạn có thẻ căn cước (hoặc căn cước công dân) gắn chip không?",
        text_en: "Do you have a chip ID card (căn cước or CCCD)?",
        help_vi: "Thẻ có con chip vàng nhỏ ở mặt trước hoặc mặt sau.",
        help_en: "The card has a small gold chip on the front or back.",
        options: YES_NO_UNSURE,
    },
    Question {
        id: QuestionId::Smartphone,
        text_vi: "Bạn có điện thoại thông minh (cài được ứng dụng) không?",
        text_en: "Do you have a smartphone that can install apps?",
        help_vi: "Điện thoại cảm ứng dùng Android hoặc iPhone.",
        help_en: "A touch-screen Android phone or iPhone.",
        options: YES_NO_UNSURE,
    },
    Question {
        id: QuestionId::PhoneInOwnName,
        text_vi: "Số điện thoại bạn dùng có đứng tên chính bạn không?",
        text_en: "Is your phone number registered in your own name?",
        help_vi: "Số đăng ký bằng thẻ căn cước của chính bạn, không phải của con cháu hay người khác.",
        help_en: "Registered with your own ID card, not a relative's or anyone else's.",
        options: YES_NO_UNSURE,
    },
    Question {
        id: QuestionId::Account,
        text_vi: "Bạn đã có tài khoản định danh điện tử VNeID chưa?",
        text_en: "Do you already have a VNeID electronic identity account?",
        help_vi: "Mức 2 là tài khoản làm tại công an, dùng được cho hầu hết thủ tục.",
        help_en: "Level 2 is the account made at the police; it works for most procedures.",
        options: &[
            option("none", "Chưa có", "Not yet"),
            option(
                "level1",
                "Có mức 1 (tự đăng ký trên ứng dụng)",
                "Level 1 (registered in the app)",
            ),
            option(
                "level2-pending",
                "Đã đăng ký mức 2 ở công an nhưng chưa kích hoạt",
                "Registered level 2 at the police, not activated yet",
            ),
            option("level2", "Có mức 2, đã dùng được", "Level 2, working"),
            option("unsure", "Không rõ", "Not sure"),
        ],
    },
    Question {
        id: QuestionId::Goal,
        text_vi: "Bạn muốn làm việc gì?",
        text_en: "What do you want to do?",
        help_vi: "Chọn việc gần nhất với điều bạn cần.",
        help_en: "Pick the closest to what you need.",
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

/// One recommended guide and why, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    pub guide_id: &'static str,
    pub reason_vi: &'static str,
    pub reason_en: &'static str,
}

const fn rec(
    guide_id: &'static str,
    reason_vi: &'static str,
    reason_en: &'static str,
) -> Recommendation {
    Recommendation {
        guide_id,
        reason_vi,
        reason_en,
    }
}

/// The guides to follow, in order. Empty when nothing useful has been answered yet.
pub fn recommend(answers: &Answers) -> Vec<Recommendation> {
    let mut list: Vec<Recommendation> = Vec::new();
    let no_smartphone = answers.has_smartphone == Some(false);

    if answers.has_chip_card == Some(false) {
        list.push(rec(
            "cap-doi-the-can-cuoc",
            "Bạn cần thẻ căn cước gắn chip trước. Khi làm thẻ ở công an xã/phường, hãy xin đăng ký luôn tài khoản định danh mức 2.",
            "You need a chip ID card first. When you apply for it at the commune police, ask to register a level-2 account at the same time.",
        ));
    }

    match answers.account {
        Some(AccountStatus::NoAccount | AccountStatus::Level1 | AccountStatus::Unsure) => {
            if answers.phone_in_own_name == Some(false) {
                list.push(rec(
                    "dang-ky-tai-khoan-muc-2",
                    "Số điện thoại phải đứng tên bạn. Trước hết, mang thẻ căn cước ra cửa hàng nhà mạng để đăng ký lại thông tin thuê bao đúng tên mình, rồi mới đến công an xã/phường đăng ký mức 2.",
                    "Your phone number must be in your own name. First take your ID card to your mobile operator's shop to register the SIM in your name, then register a level-2 account at the commune police.",
                ));
            } else if no_smartphone {
                list.push(rec(
                    "dang-ky-tai-khoan-muc-2",
                    "Không có điện thoại thông minh vẫn đăng ký được tài khoản mức 2 tại công an xã/phường. Để kích hoạt và dùng, hãy nhờ người thân hoặc Tổ công nghệ số cộng đồng giúp.",
                    "You can register a level-2 account at the commune police without a smartphone. To activate and use it, ask a relative or the community digital team to help.",
                ));
            } else {
                let reason = match answers.account {
                    Some(AccountStatus::Level1) => rec(
                        "dang-ky-tai-khoan-muc-2",
                        "Tài khoản mức 1 chỉ dùng được ít việc. Đến công an xã/phường để nâng lên mức 2.",
                        "A level-1 account does little. Go to the commune police to upgrade to level 2.",
                    ),
                    Some(AccountStatus::Unsure) => rec(
                        "dang-ky-tai-khoan-muc-2",
                        "Nếu không chắc mình đã có tài khoản, hãy hỏi công an xã/phường khi đến đăng ký mức 2; cán bộ tra được ngay.",
                        "If you are not sure you have an account, ask the commune police when you go to register level 2; they can check at once.",
                    ),
                    _ => rec(
                        "dang-ky-tai-khoan-muc-2",
                        "Bạn chưa có tài khoản: đến công an xã/phường đăng ký mức 2 (không cần làm mức 1 trước).",
                        "You have no account yet: register a level-2 account at the commune police (no need for level 1 first).",
                    ),
                };
                list.push(reason);
            }
            if !no_smartphone {
                list.push(rec(
                    "cai-dat-vneid",
                    "Cài ứng dụng VNeID chính thức để kích hoạt khi có tin nhắn báo hồ sơ đã duyệt.",
                    "Install the official VNeID app so you can activate once the approval SMS arrives.",
                ));
            }
            list.push(rec(
                "kich-hoat-vneid",
                "Khi nhận tin nhắn báo hồ sơ đã được duyệt, kích hoạt tài khoản.",
                "When the approval SMS arrives, activate the account.",
            ));
        }
        Some(AccountStatus::Level2Pending) => {
            if no_smartphone {
                list.push(rec(
                    "kich-hoat-vneid",
                    "Kích hoạt tài khoản trên máy tính tại vneid.gov.vn, hoặc nhờ người thân, Tổ công nghệ số cộng đồng giúp bằng điện thoại của họ.",
                    "Activate the account on a computer at vneid.gov.vn, or ask a relative or the community digital team to help on their phone.",
                ));
            } else {
                list.push(rec(
                    "kich-hoat-vneid",
                    "Bạn đã đăng ký mức 2: kích hoạt tài khoản ngay khi nhận tin nhắn báo đã duyệt.",
                    "You registered level 2: activate the account as soon as the approval SMS arrives.",
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
            rec(
                goal.guide_id,
                "Không có điện thoại thông minh: nhờ người thân hoặc Tổ công nghệ số cộng đồng làm cùng bạn theo hướng dẫn này trên máy của họ, làm trên máy tính tại dichvucong.gov.vn, hoặc nộp trực tiếp ở công an xã/phường hay Trung tâm phục vụ hành chính công xã/phường.",
                "No smartphone: ask a relative or the community digital team to go through this guide with you on their phone, use a computer at dichvucong.gov.vn, or apply in person at the commune police or the commune public-administration service centre.",
            )
        } else {
            rec(
                goal.guide_id,
                "Hướng dẫn cho việc bạn muốn làm.",
                "The guide for what you want to do.",
            )
        });
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(recs[0].reason_vi.contains("Tổ công nghệ số"));
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
        assert!(recs[0].reason_vi.contains("Không có điện thoại thông minh"));
        assert!(recs[0].reason_vi.contains("công an xã/phường"));
        let with_phone = answers(&[
            (QuestionId::Account, "level2"),
            (QuestionId::Goal, "tam-tru"),
        ]);
        assert!(
            !recommend(&with_phone)[0]
                .reason_vi
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
        assert!(recs[0].reason_vi.contains("nhà mạng"));
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
