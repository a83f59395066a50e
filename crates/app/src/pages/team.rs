//! The community digital team's screen (`/to-cong-nghe/`): the tally of
//! residents helped, the outreach checklist, quick links and the commune's
//! help point kept on this phone.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::browser;
use crate::commune::use_commune;
use crate::components::commune_help::CommuneHelp;
use crate::components::tally::{TallyCounter, load_tally};
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, Pick};
use crate::route::{Link, Route};

/// Ticked checklist items, kept on the device (item keys only).
const CHECKLIST_KEY: &str = "sotay.checklist";

/// Guides a team reaches for first, until the tally says otherwise.
const FAVOURITE_GUIDES: [&str; 6] = [
    "kich-hoat-vneid",
    "dang-ky-tai-khoan-muc-2",
    "cai-dat-vneid",
    "quen-mat-khau-vneid",
    "dang-nhap-dich-vu-cong-bang-vneid",
    "lua-dao-gia-danh-cong-an",
];

/// What to bring and do on an outreach drive: (stable key, Vietnamese, English).
const CHECKLIST: [(&str, &str, &str); 9] = [
    (
        "posters",
        "Áp phích, tờ rơi và nhãn dán có mã QR đã in sẵn (tạo ở trang Tạo mã QR).",
        "Printed posters, flyers and QR stickers (made on the Make QR page).",
    ),
    (
        "phones",
        "Điện thoại đã sạc đầy, cài sẵn VNeID để làm mẫu.",
        "Fully charged phones with VNeID installed, to demonstrate.",
    ),
    (
        "power-bank",
        "Sạc dự phòng và dây sạc (cả loại USB-C và micro-USB).",
        "A power bank and charging cables (USB-C and micro-USB).",
    ),
    (
        "offline",
        "Điểm lõm sóng: mở ứng dụng này một lần ở nơi có sóng để máy lưu lại, đến nơi không có sóng vẫn xem được hướng dẫn.",
        "No-signal villages: open this app once where there is signal so the phone keeps it; the guides then work without signal.",
    ),
    (
        "wifi",
        "Hỏi trước chỗ có Wi-Fi hoặc mang điểm phát Wi-Fi, vì nhận mã OTP và kích hoạt tài khoản cần mạng.",
        "Find Wi-Fi or bring a hotspot: OTP codes and activation need a connection.",
    ),
    (
        "scam",
        "Nhắc người dân: công an và cán bộ không bao giờ hỏi mật khẩu hay mã OTP qua điện thoại; tin nhắn thật không đòi mật khẩu.",
        "Warn residents: police and officials never ask for a password or OTP by phone; the real SMS never asks for a password.",
    ),
    (
        "teach",
        "Hướng dẫn để người dân tự làm trên máy của mình, không làm thay và không giữ máy, mật khẩu của họ.",
        "Guide residents to do it themselves on their own phone; never do it for them or keep their phone or password.",
    ),
    (
        "privacy",
        "Không chụp, không ghi lại số căn cước, mật khẩu hay mã OTP của người dân.",
        "Never photograph or write down residents' ID numbers, passwords or OTP codes.",
    ),
    (
        "tally",
        "Bấm đếm sau mỗi người được hướng dẫn; cuối tháng xuất tệp CSV để báo cáo Đề án 06.",
        "Tap the tally after each resident; export the CSV at month end for the Project 06 report.",
    ),
];

fn load_checked() -> BTreeSet<String> {
    let known = |key: &String| CHECKLIST.iter().any(|(k, _, _)| k == key);
    browser::local_get(CHECKLIST_KEY)
        .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok())
        .map(|keys| keys.into_iter().filter(known).collect())
        .unwrap_or_default()
}

fn save_checked(checked: &BTreeSet<String>) {
    if checked.is_empty() {
        browser::local_remove(CHECKLIST_KEY);
    } else if let Ok(json) = serde_json::to_string(checked) {
        browser::local_set(CHECKLIST_KEY, &json);
    }
}

/// Up to six guides: the most counted ones first, then the usual favourites.
fn quick_guides(totals: &[(String, u64)]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut ranked: Vec<&(String, u64)> = totals.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let candidates = ranked
        .into_iter()
        .map(|(id, _)| id.as_str())
        .chain(FAVOURITE_GUIDES);
    for id in candidates {
        if ids.len() == 6 {
            break;
        }
        if !ids.iter().any(|known| known == id) && content::entry(Lang::Vi, id).is_some() {
            ids.push(id.to_owned());
        }
    }
    ids
}

#[function_component]
pub fn TeamTools() -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    let checked = use_state(BTreeSet::<String>::new);
    let totals = use_state(Vec::<(String, u64)>::new);
    {
        let (checked, totals) = (checked.clone(), totals.clone());
        use_effect_with((), move |_| {
            checked.set(load_checked());
            let tally = load_tally();
            totals.set(
                tally
                    .totals_by_guide()
                    .into_iter()
                    .map(|(id, count)| (id.to_owned(), count))
                    .collect(),
            );
        });
    }
    let items = CHECKLIST.iter().map(|(key, vi, en)| {
        let id = format!("check-{key}");
        let is_checked = checked.contains(*key);
        let onchange = {
            let checked = checked.clone();
            let key = (*key).to_owned();
            Callback::from(move |_: Event| {
                let mut next = (*checked).clone();
                if !next.remove(&key) {
                    next.insert(key.clone());
                }
                save_checked(&next);
                checked.set(next);
            })
        };
        html! {
            <li>
                <label class="choice" for={id.clone()}>
                    <input type="checkbox" id={id} checked={is_checked} {onchange} />
                    <span>{ match lang { Lang::Vi => *vi, Lang::En => *en } }</span>
                </label>
            </li>
        }
    });
    let clear_checklist = {
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| {
            let empty = BTreeSet::new();
            save_checked(&empty);
            checked.set(empty);
        })
    };
    let quick = quick_guides(&totals).into_iter().filter_map(|id| {
        let guide = content::entry(lang, &id)?;
        Some(html! {
            <li>
                <Link to={Route::Guide { id: guide.id.clone(), step: None }}>
                    <span class="title">{ guide.title.as_str() }</span>
                </Link>
            </li>
        })
    });
    html! {
        <article class="page team-tools">
            <h1>{ lang.pick("Tổ công nghệ số cộng đồng", "Community digital team") }</h1>
            <p class="lead">{ lang.pick(
                "Công cụ cho tổ công nghệ số và đoàn viên thanh niên khi hướng dẫn người dân.",
                "Tools for community digital teams and youth volunteers guiding residents.",
            ) }</p>

            <TallyCounter />

            <section aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">{ lang.pick("Chuẩn bị cho buổi hướng dẫn", "Outreach checklist") }</h2>
                <p class="hint">{ format!("{}/{} ", checked.len(), CHECKLIST.len()) }{ lang.pick("việc đã xong", "done") }</p>
                <ul class="checklist team-checklist">{ for items }</ul>
                <button type="button" class="secondary" onclick={clear_checklist}>
                    { lang.pick("Bỏ đánh dấu tất cả (cho buổi sau)", "Untick all (for the next drive)") }
                </button>
            </section>

            <section aria-labelledby="quick-heading">
                <h2 id="quick-heading">{ lang.pick("Hướng dẫn hay dùng", "Most used guides") }</h2>
                <ul class="guide-list">{ for quick }</ul>
                <p>
                    <Link to={Route::Guides}>{ lang.pick("Tất cả hướng dẫn", "All guides") }</Link>
                </p>
                <p class="hint">{ lang.pick(
                    "Cho người dân quét mã trên màn hình của bạn để mở ứng dụng trên điện thoại của họ (kèm nơi hỗ trợ, nếu có):",
                    "Let a resident scan your screen to open the app on their own phone (with the help point, if any):",
                ) }</p>
                <p><Link to={Route::Handoff { guide: None }} class="button secondary handoff-open">{ lang.pick("Hiện mã QR", "Show QR code") }</Link></p>
                <p>
                    <Link to={Route::Poster { guide: None }} class="button">{ lang.pick("Tạo mã QR và áp phích", "Make QR codes and posters") }</Link>
                </p>
            </section>

            <crate::components::hall_choice::HallChoice />
            <section aria-labelledby="commune-heading">
                <h2 id="commune-heading">{ lang.pick("Nơi hỗ trợ lưu trên máy này", "Help point kept on this phone") }</h2>
                if commune.profile.is_some() {
                    <CommuneHelp />
                } else {
                    <p>{ lang.pick(
                        "Chưa có. Mở một đường dẫn trên áp phích của xã/phường, hoặc điền ở trang Tạo mã QR rồi bấm \"Lưu làm nơi hỗ trợ trên máy này\".",
                        "None yet. Open a link from your commune's poster, or fill it in on the Make QR page and tap \"Keep as this phone's help point\".",
                    ) }</p>
                }
            </section>
            // Saves the scanner and the team's tools too, saying how much first.
            <crate::components::save_offline::SaveOffline />
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_links_put_the_most_counted_first() {
        let ids = quick_guides(&[
            ("dang-ky-tam-tru".into(), 5),
            ("khong-co".into(), 50),
            ("kich-hoat-vneid".into(), 2),
        ]);
        assert_eq!(ids.len(), 6);
        assert_eq!(ids[0], "dang-ky-tam-tru");
        assert_eq!(ids[1], "kich-hoat-vneid");
        assert!(!ids.iter().any(|id| id == "khong-co"));
        assert_eq!(quick_guides(&[])[0], "kich-hoat-vneid");
    }
}
