//! The team's tally: one tap per guide counts a resident helped today.
//! Counting, storage format and CSV live in `sotay_poster::Tally`.

use sotay_poster::{Date, Tally};
use yew::prelude::*;

use crate::browser;
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, Pick};

/// Where the counts are kept on the device (no personal data: counts only).
pub const TALLY_STORAGE_KEY: &str = "sotay.tally";

fn today() -> Option<Date> {
    let (year, month, day) = browser::today();
    Date::new(year, month, day)
}

/// The tally as stored on the device (an empty one when missing or damaged).
pub fn load_tally() -> Tally {
    browser::local_get(TALLY_STORAGE_KEY)
        .map(|json| Tally::from_json(&json))
        .unwrap_or_default()
}

fn save(tally: &Tally) {
    if tally.is_empty() {
        browser::local_remove(TALLY_STORAGE_KEY);
    } else {
        browser::local_set(TALLY_STORAGE_KEY, &tally.to_json());
    }
}

fn title(lang: Lang, id: &str) -> String {
    content::entry(lang, id).map_or_else(|| id.to_owned(), |g| g.title.clone())
}

/// Guide ids by how often they were counted, most first; ties keep the catalogue's order.
fn most_used_first(tally: &Tally, lang: Lang) -> Vec<String> {
    let totals = tally.totals_by_guide();
    let mut ids: Vec<String> = content::outline()
        .list(lang)
        .iter()
        .map(|guide| guide.id.clone())
        .collect();
    ids.sort_by_key(|id| std::cmp::Reverse(totals.get(id.as_str()).copied().unwrap_or(0)));
    ids
}

#[function_component]
pub fn TallyCounter() -> Html {
    let app = use_app();
    let lang = app.lang();
    let tally = use_state(Tally::new);
    let day = use_state(|| None::<Date>);
    let status = use_state(String::new);
    let confirming = use_state(|| false);
    // Most-used guides first. The order is fixed when the screen opens, so a row
    // never moves away from under the volunteer's finger while they count.
    let order = use_state(Vec::<String>::new);
    {
        let (tally, day, order) = (tally.clone(), day.clone(), order.clone());
        use_effect_with((), move |_| {
            let stored = load_tally();
            order.set(most_used_first(&stored, lang));
            tally.set(stored);
            day.set(today());
        });
    }

    let change = |id: String, add: bool| {
        let (tally, day, status) = (tally.clone(), day.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            // The date is read at the tap: a phone left on past midnight counts on the right day.
            let Some(date) = today() else {
                status.set(
                    lang.pick("Không đọc được ngày trên máy.", "Cannot read the date.")
                        .into(),
                );
                return;
            };
            // Re-read storage: another tab may have counted too.
            let mut next = load_tally();
            let message = if add {
                match next.add(date, &id) {
                    Ok(count) => match lang {
                        Lang::Vi => {
                            format!("Đã đếm: {} — hôm nay {count} người.", title(lang, &id))
                        }
                        Lang::En => format!("Counted: {} — {count} today.", title(lang, &id)),
                    },
                    Err(error) => lang.pick(error.message_vi(), error.message_en()).to_owned(),
                }
            } else {
                let count = next.remove_one(date, &id);
                match lang {
                    Lang::Vi => format!("Đã bớt 1: {} — hôm nay {count} người.", title(lang, &id)),
                    Lang::En => format!("Took one off: {} — {count} today.", title(lang, &id)),
                }
            };
            save(&next);
            tally.set(next);
            day.set(Some(date));
            status.set(message);
        })
    };

    let export = {
        let (tally, status) = (tally.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let csv = tally.to_csv(|id| content::entry(Lang::Vi, id).map(|g| g.title.clone()));
            let name = match today() {
                Some(date) => format!("so-nguoi-duoc-huong-dan_{date}.csv"),
                None => "so-nguoi-duoc-huong-dan.csv".to_owned(),
            };
            let saved = browser::download_text(&name, "text/csv;charset=utf-8", &csv);
            status.set(if saved {
                lang.pick(
                    "Đã tạo tệp CSV (xem mục Tải về).",
                    "CSV file saved (see Downloads).",
                )
                .into()
            } else {
                lang.pick(
                    "Trình duyệt không cho tải tệp về.",
                    "The browser refused the download.",
                )
                .into()
            });
        })
    };
    let ask_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let reset = {
        let (tally, status, confirming) = (tally.clone(), status.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            let empty = Tally::new();
            save(&empty);
            tally.set(empty);
            confirming.set(false);
            status.set(
                lang.pick("Đã xóa mọi số đếm.", "All counts cleared.")
                    .into(),
            );
        })
    };

    let today_total = day.map_or(0, |date| tally.day_total(date));
    let guides = content::outline().list(lang);
    let position = |id: &str| order.iter().position(|o| o == id).unwrap_or(usize::MAX);
    let mut guides: Vec<_> = guides.iter().collect();
    guides.sort_by_key(|guide| position(&guide.id));
    let rows = guides.into_iter().map(|guide| {
        let count = day.map_or(0, |date| tally.count(date, &guide.id));
        let (add_prefix, remove_prefix, count_prefix) = match lang {
            Lang::Vi => ("Đếm thêm 1 người: ", "Bớt 1 người: ", "Hôm nay: "),
            Lang::En => ("Count one more: ", "Take one off: ", "Today: "),
        };
        // The names read "Đếm thêm 1 người: <guide>"; the eye sees "+1 <guide>".
        html! {
            <li class="tally-row" data-guide={guide.id.clone()}>
                <button type="button" class="tally-add" onclick={change(guide.id.clone(), true)}>
                    <span class="tally-plus" aria-hidden="true">{ "+1" }</span>
                    <span class="visually-hidden">{ add_prefix }</span>
                    <span class="tally-title">{ guide.title.as_str() }</span>
                </button>
                <span class="tally-count"><span class="visually-hidden">{ count_prefix }</span>{ count }</span>
                <button type="button" class="secondary tally-remove"
                    disabled={count == 0} onclick={change(guide.id.clone(), false)}>
                    <span aria-hidden="true">{ "−1" }</span>
                    <span class="visually-hidden">{ remove_prefix }{ guide.title.as_str() }</span>
                </button>
            </li>
        }
    });
    let day_label = day.map(|d| d.format_vi()).unwrap_or_default();
    html! {
        <section class="tally" aria-labelledby="tally-heading">
            <h2 id="tally-heading">{ lang.pick("Đếm số người đã hướng dẫn", "Residents helped") }</h2>
            <p class="hint">{ lang.pick(
                "Mỗi lần giúp xong một người, bấm vào hướng dẫn đã dùng. Chỉ lưu con số trên máy này, không lưu tên hay số giấy tờ.",
                "Each time you finish helping someone, tap the guide you used. Only counts are kept, on this phone: no names, no ID numbers.",
            ) }</p>
            <p class="tally-total">
                { lang.pick("Hôm nay", "Today") }
                if !day_label.is_empty() { { " (" }{ day_label }{ ")" } }
                { ": " }<strong class="tally-today">{ today_total }</strong>
                { lang.pick(" người", " residents") }
            </p>
            <p class="tally-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            <ul class="tally-list">{ for rows }</ul>
            <div class="actions">
                <button type="button" onclick={export}>{ lang.pick("Xuất tệp CSV", "Export CSV") }</button>
                <button type="button" class="secondary" onclick={ask_reset} disabled={*confirming}>
                    { lang.pick("Xóa số đếm", "Clear counts") }
                </button>
            </div>
            if *confirming {
                <div class="banner warning tally-confirm" role="alertdialog" aria-labelledby="tally-confirm-text">
                    <p id="tally-confirm-text"><strong>{ lang.pick(
                        "Bạn chắc chứ? Mọi số đếm trên máy này sẽ bị xóa. Nên xuất tệp CSV trước.",
                        "Are you sure? Every count on this phone will be deleted. Export the CSV first.",
                    ) }</strong></p>
                    <div class="actions">
                        <button type="button" class="danger" onclick={reset}>{ lang.pick("Xóa hết", "Delete all") }</button>
                        <button type="button" class="secondary" onclick={cancel_reset}>{ lang.pick("Không xóa", "Keep them") }</button>
                    </div>
                </div>
            }
        </section>
    }
}
