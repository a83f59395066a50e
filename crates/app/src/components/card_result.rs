//! What a card's QR code says, read by `sotay_cccd::parse`: large fields with a copy
//! button each, the checks in plain words, the renewal date, and — for any other QR
//! text — that text shown as text.
//!
//! Card data is personal: it is only rendered here, from the parent's memory. It is
//! never logged, stored, or put in a URL; the clipboard gets a field only when the
//! reader presses its copy button. Text from a QR code is always a text node, never
//! markup, and a link is never made clickable.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use sotay_cccd::{Card, CardKind, ExtraLabel, OtherContent, Reading, Severity, Warning};
use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::{Link, Route};

/// The guide a resident follows to renew a card.
const RENEWAL_GUIDE: &str = "cap-doi-the-can-cuoc";
/// Id of the result heading, which gets the focus when a result appears.
pub const RESULT_HEADING_ID: &str = "ket-qua-doc-ma";
/// How long “Đã chép” stays on screen.
const COPY_STATUS_MS: u32 = 4_000;

#[derive(Properties, PartialEq)]
pub struct CardResultProps {
    pub reading: Reading,
}

/// One labelled value on the result screen.
struct Field {
    /// Stable name, used as the element key and to match the copy status.
    key: String,
    label: String,
    /// `None` shows “Không có” and no copy button.
    value: Option<String>,
    /// Shown after the value, not copied (e.g. the age after a birth date).
    note: Option<String>,
}

/// Which field's copy button was pressed last, and whether the copy worked.
type CopyStatus = Option<(String, bool)>;

#[function_component]
pub fn CardResult(props: &CardResultProps) -> Html {
    let lang = use_app().lang();
    let copy_status = use_state(|| None::<(String, bool)>);
    // Dropping the timer (a new copy, or leaving the screen) cancels it.
    let copy_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let on_copy = {
        let copy_status = copy_status.clone();
        Callback::from(move |(key, value): (String, String)| {
            let copy_status = copy_status.clone();
            let copy_timer = copy_timer.clone();
            browser::copy_text(&value, move |ok| {
                copy_status.set(Some((key, ok)));
                if ok {
                    let clear = copy_status.clone();
                    *copy_timer.borrow_mut() =
                        Some(Timeout::new(COPY_STATUS_MS, move || clear.set(None)));
                }
            });
        })
    };
    match &props.reading {
        Reading::Card(card) => card_view(card, lang, &copy_status, &on_copy),
        Reading::NotCard { raw, content } => {
            not_card_view(raw, *content, lang, &copy_status, &on_copy)
        }
    }
}

fn card_view(
    card: &Card,
    lang: Lang,
    copy_status: &CopyStatus,
    on_copy: &Callback<(String, String)>,
) -> Html {
    let fields = main_fields(card, lang);
    let extra = card.extra.iter().map(|extra| {
        let name = match extra.label {
            Some(ExtraLabel::PersonalIdNumber) => {
                ui::card_result::EXTRA_PERSONAL_ID_NUMBER.get(lang)
            }
            Some(ExtraLabel::OldIdNumber) => ui::card_result::EXTRA_OLD_ID_NUMBER.get(lang),
            Some(ExtraLabel::Date) => ui::card_result::EXTRA_DATE.get(lang),
            None => "",
        };
        let position = ui::card_result::field_number(lang, extra.position);
        let label = if name.is_empty() {
            position
        } else {
            format!("{position} ({name})")
        };
        Field {
            key: format!("truong-{}", extra.position),
            label,
            value: Some(extra.value.clone()).filter(|value| !value.is_empty()),
            note: None,
        }
    });
    let extra: Vec<Field> = extra.collect();
    let kind = card.kind.name(lang);

    html! {
        <section class="card-result" aria-labelledby={RESULT_HEADING_ID}>
            <h2 id={RESULT_HEADING_ID} tabindex="-1">{ ui::card_result::WHAT_QR_CODE_SAYS.get(lang) }</h2>
            <p class="card-kind"><span class="tag">{ kind }</span></p>
            <p class="banner warning not-proof">
                <strong>{ ui::card_result::QR_CODE_IS_NOT_PROOF.get(lang) }</strong>
                { ui::card_result::IT_IS_NOT_SIGNED.get(lang) }
            </p>
            { warnings_view(&card.warnings, lang) }
            <dl class="fields">
                { for fields.iter().map(|field| field_view(field, lang, copy_status, on_copy)) }
            </dl>
            { renewal_view(card, lang) }
            if !extra.is_empty() {
                <h3>{ ui::card_result::OTHER_FIELDS_IN_CODE.get(lang) }</h3>
                <p class="hint">{ ui::card_result::OTHER_FIELDS_HINT.get(lang) }</p>
                <dl class="fields">
                    { for extra.iter().map(|field| field_view(field, lang, copy_status, on_copy)) }
                </dl>
            }
        </section>
    }
}

fn main_fields(card: &Card, lang: Lang) -> Vec<Field> {
    let field = |key: &str, label: &str, value: Option<String>| Field {
        key: key.to_string(),
        label: label.to_string(),
        value,
        note: None,
    };
    let age = card.age.map(|age| ui::card_result::age_years(lang, age));
    let birth_place = match (&card.province, &card.province_code) {
        (Some(province), _) => Some(province.name.to_string()),
        (None, Some(code)) => Some(ui::card_result::province_code_unknown(lang, code)),
        (None, None) => None,
    };
    vec![
        field(
            "so-dinh-danh",
            ui::card_result::PERSONAL_ID_NUMBER.get(lang),
            Some(card.id_number.clone()).filter(|id| !id.is_empty()),
        ),
        field(
            "so-cmnd-cu",
            ui::card_result::OLD_ID_CMND_NUMBER.get(lang),
            card.old_id_number.clone(),
        ),
        field(
            "ho-ten",
            ui::card_result::FULL_NAME.get(lang),
            card.full_name.clone(),
        ),
        Field {
            note: age,
            ..field(
                "ngay-sinh",
                ui::card_result::DATE_OF_BIRTH.get(lang),
                card.date_of_birth.map(|date| date.format_vi()),
            )
        },
        field(
            "gioi-tinh",
            ui::card_result::SEX.get(lang),
            card.sex.map(|sex| sex.label_vi().to_string()),
        ),
        field(
            "noi-thuong-tru",
            ui::card_result::PERMANENT_ADDRESS.get(lang),
            card.address.clone(),
        ),
        field(
            "ngay-cap",
            ui::card_result::DATE_OF_ISSUE.get(lang),
            card.date_of_issue.map(|date| date.format_vi()),
        ),
        field(
            "noi-dang-ky-khai-sinh",
            ui::card_result::PLACE_OF_BIRTH_REGISTRATION_FROM.get(lang),
            birth_place,
        ),
    ]
}

fn field_view(
    field: &Field,
    lang: Lang,
    copy_status: &CopyStatus,
    on_copy: &Callback<(String, String)>,
) -> Html {
    let status = match copy_status {
        Some((key, true)) if *key == field.key => {
            html! { <span class="copy-ok">{ ui::card_result::COPIED.get(lang) }</span> }
        }
        Some((key, false)) if *key == field.key => html! {
            <span class="field-error">{ ui::card_result::COULD_NOT_COPY_PRESS.get(lang) }</span>
        },
        _ => Html::default(),
    };
    let body = match &field.value {
        Some(value) => {
            let onclick = {
                let on_copy = on_copy.clone();
                let payload = (field.key.clone(), value.clone());
                Callback::from(move |_: MouseEvent| on_copy.emit(payload.clone()))
            };
            html! {
                <>
                    <span class="value">{ value.clone() }</span>
                    if let Some(note) = &field.note {
                        <span class="note">{ format!(" ({note})") }</span>
                    }
                    <span class="copy-row">
                        <button type="button" class="secondary copy" {onclick}>
                            { ui::card_result::COPY.get(lang) }
                            <span class="visually-hidden">{ format!(" {}", field.label) }</span>
                        </button>
                        <span class="copy-status" aria-live="polite">{ status }</span>
                    </span>
                </>
            }
        }
        None => {
            html! { <span class="value missing">{ ui::card_result::MISSING_VALUE.get(lang) }</span> }
        }
    };
    html! {
        <div class="field" key={field.key.clone()}>
            <dt>{ field.label.clone() }</dt>
            <dd>{ body }</dd>
        </div>
    }
}

fn warnings_view(warnings: &[Warning], lang: Lang) -> Html {
    if warnings.is_empty() {
        return Html::default();
    }
    let message = |warning: &Warning| warning.message(lang);
    let problems: Vec<&Warning> = warnings
        .iter()
        .filter(|w| w.severity() == Severity::Problem)
        .collect();
    let notes: Vec<&Warning> = warnings
        .iter()
        .filter(|w| w.severity() == Severity::Info)
        .collect();
    html! {
        <>
            if !problems.is_empty() {
                <div class="banner error card-warnings">
                    <h3>{ ui::card_result::PLEASE_CHECK.get(lang) }</h3>
                    <ul>{ for problems.iter().map(|w| html! { <li key={w.code()}>{ message(w) }</li> }) }</ul>
                </div>
            }
            if !notes.is_empty() {
                <div class="banner card-notes">
                    <ul>{ for notes.iter().map(|w| html! { <li key={w.code()}>{ message(w) }</li> }) }</ul>
                </div>
            }
        </>
    }
}

fn renewal_view(card: &Card, lang: Lang) -> Html {
    let dates_readable = matches!((card.date_of_birth, card.date_of_issue), (Some(birth), Some(issue)) if birth <= issue);
    let (class, line) = match card.next_renewal {
        Some(due) if card.renewal_overdue => (
            "banner error renewal",
            ui::card_result::renewal_overdue(lang, due.format_vi()),
        ),
        // As prominent as an overdue card: two months is the time it takes to get it done.
        Some(due) if card.renewal_due_soon => (
            "banner error renewal",
            ui::card_result::renewal_due_soon(lang, due.format_vi()),
        ),
        Some(due) => (
            "banner renewal",
            ui::card_result::renewal_due(lang, due.format_vi()),
        ),
        None if dates_readable => (
            "banner ok renewal",
            ui::card_result::NO_MORE_RENEWALS.get(lang).to_string(),
        ),
        None => (
            "banner renewal",
            ui::card_result::RENEWAL_DATE_UNKNOWN.get(lang).to_string(),
        ),
    };
    // The ages come from the cccd crate, the one place the renewal rule lives.
    let ages = list_ages(
        card.kind.renewal_ages(),
        ui::card_result::AND_WORD.get(lang),
    );
    let hint = match card.kind {
        CardKind::Cccd => ui::card_result::renewal_ages_cccd(lang, ages),
        CardKind::CanCuoc => ui::card_result::renewal_ages_can_cuoc(lang, ages),
    };
    html! {
        <div class={class}>
            <p class="renewal-line"><strong>{ line }</strong></p>
            <p class="hint">{ hint }</p>
            <p>
                <Link to={Route::Guide { id: RENEWAL_GUIDE.to_string(), step: None }}>
                    { ui::card_result::SEE_GUIDE_TO_RENEWING_IDENTITY.get(lang) }
                </Link>
            </p>
        </div>
    }
}

fn not_card_view(
    raw: &str,
    content: OtherContent,
    lang: Lang,
    copy_status: &CopyStatus,
    on_copy: &Callback<(String, String)>,
) -> Html {
    let text = raw.trim();
    // `javascript:`, `data:`, `intent:`, `tel:` … : never a link, never offered for copying.
    let other_link = content == OtherContent::OtherLink;
    let explanation = if content == OtherContent::WebLink {
        ui::card_result::THIS_CODE_HOLDS_WEB_LINK.get(lang)
    } else if other_link {
        ui::card_result::THIS_CODE_HOLDS_OTHER_LINK.get(lang)
    } else if content == OtherContent::BankTransfer {
        ui::card_result::THIS_IS_BANK_TRANSFER_CODE.get(lang)
    } else {
        ui::card_result::NOT_CARD_TEXT.get(lang)
    };
    let copyable = !other_link;
    let field = Field {
        key: "noi-dung".to_string(),
        label: ui::card_result::TEXT_OF_CODE.get(lang).to_string(),
        value: Some(text.to_string()).filter(|_| copyable),
        note: None,
    };
    html! {
        <section class="card-result not-card" aria-labelledby={RESULT_HEADING_ID}>
            <h2 id={RESULT_HEADING_ID} tabindex="-1">{ ui::card_result::THIS_IS_NOT_QR_CODE.get(lang) }</h2>
            <p class="banner warning">{ explanation }</p>
            if copyable {
                <dl class="fields raw-fields">{ field_view(&field, lang, copy_status, on_copy) }</dl>
            } else {
                <h3>{ field.label.clone() }</h3>
                <p class="raw-text">{ text.to_string() }</p>
            }
        </section>
    }
}

/// `[14, 25, 40, 60]` → "14, 25, 40 và 60".
fn list_ages(ages: &[i32], and: &str) -> String {
    match ages.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => {
            let head: Vec<String> = rest.iter().map(i32::to_string).collect();
            format!("{} {and} {last}", head.join(", "))
        }
        None => String::new(),
    }
}
