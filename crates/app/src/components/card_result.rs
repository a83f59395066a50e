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
use crate::i18n::{Lang, Pick};
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
                lang.pick("số định danh cá nhân", "personal id number")
            }
            Some(ExtraLabel::OldIdNumber) => lang.pick("số CMND 9 số", "9-digit CMND number"),
            Some(ExtraLabel::Date) => lang.pick("ngày tháng", "date"),
            None => "",
        };
        let position = match lang {
            Lang::Vi => format!("Trường {}", extra.position),
            Lang::En => format!("Field {}", extra.position),
        };
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
    let kind = lang.pick(card.kind.name_vi(), card.kind.name_en());

    html! {
        <section class="card-result" aria-labelledby={RESULT_HEADING_ID}>
            <h2 id={RESULT_HEADING_ID} tabindex="-1">{ lang.pick("Thông tin trong mã QR", "What the QR code says") }</h2>
            <p class="card-kind"><span class="tag">{ kind }</span></p>
            <p class="banner warning not-proof">
                <strong>{ lang.pick("Mã QR không phải bằng chứng danh tính. ", "A QR code is not proof of identity. ") }</strong>
                { lang.pick(
                    "Mã không có chữ ký, ai cũng có thể in ra một mã giống vậy. Hãy so từng dòng với chữ in trên thẻ thật.",
                    "It is not signed, and anyone can print one like it. Compare every line with the text printed on the real card.",
                ) }
            </p>
            { warnings_view(&card.warnings, lang) }
            <dl class="fields">
                { for fields.iter().map(|field| field_view(field, lang, copy_status, on_copy)) }
            </dl>
            { renewal_view(card, lang) }
            if !extra.is_empty() {
                <h3>{ lang.pick("Các trường khác trong mã", "Other fields in the code") }</h3>
                <p class="hint">{ lang.pick(
                    "Thẻ căn cước có thể ghi thêm thông tin như số định danh của chủ hộ, cha, mẹ, vợ hoặc chồng, con. Thứ tự các trường này chưa được công bố, nên ứng dụng chỉ ghi loại khi nhìn dạng số là biết chắc.",
                    "A căn cước card may also hold details such as the id numbers of the household head, parents, spouse and children. Their order is not published, so the app names a field only when its form makes it certain.",
                ) }</p>
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
    let age = card.age.map(|age| match lang {
        Lang::Vi => format!("{age} tuổi"),
        Lang::En => format!("{age} years old"),
    });
    let birth_place = match (&card.province, &card.province_code) {
        (Some(province), _) => Some(province.name.to_string()),
        (None, Some(code)) => Some(match lang {
            Lang::Vi => format!("Mã {code} (không có trong danh mục)"),
            Lang::En => format!("Code {code} (not in the official table)"),
        }),
        (None, None) => None,
    };
    vec![
        field(
            "so-dinh-danh",
            lang.pick("Số định danh cá nhân", "Personal id number"),
            Some(card.id_number.clone()).filter(|id| !id.is_empty()),
        ),
        field(
            "so-cmnd-cu",
            lang.pick("Số CMND cũ", "Old id (CMND) number"),
            card.old_id_number.clone(),
        ),
        field(
            "ho-ten",
            lang.pick("Họ và tên", "Full name"),
            card.full_name.clone(),
        ),
        Field {
            note: age,
            ..field(
                "ngay-sinh",
                lang.pick("Ngày sinh", "Date of birth"),
                card.date_of_birth.map(|date| date.format_vi()),
            )
        },
        field(
            "gioi-tinh",
            lang.pick("Giới tính", "Sex"),
            card.sex.map(|sex| sex.label_vi().to_string()),
        ),
        field(
            "noi-thuong-tru",
            lang.pick("Nơi thường trú", "Permanent address"),
            card.address.clone(),
        ),
        field(
            "ngay-cap",
            lang.pick("Ngày cấp", "Date of issue"),
            card.date_of_issue.map(|date| date.format_vi()),
        ),
        field(
            "noi-dang-ky-khai-sinh",
            lang.pick(
                "Nơi đăng ký khai sinh (theo mã tỉnh)",
                "Place of birth registration (from the province code)",
            ),
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
            html! { <span class="copy-ok">{ lang.pick("Đã chép", "Copied") }</span> }
        }
        Some((key, false)) if *key == field.key => html! {
            <span class="field-error">{ lang.pick(
                "Không chép được. Hãy bấm giữ lên chữ để chọn rồi chép.",
                "Could not copy. Press and hold the text to select and copy it.",
            ) }</span>
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
                            { lang.pick("Chép", "Copy") }
                            <span class="visually-hidden">{ format!(" {}", field.label) }</span>
                        </button>
                        <span class="copy-status" aria-live="polite">{ status }</span>
                    </span>
                </>
            }
        }
        None => html! { <span class="value missing">{ lang.pick("Không có", "None") }</span> },
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
    let message = |warning: &Warning| match lang {
        Lang::Vi => warning.message_vi(),
        Lang::En => warning.message_en(),
    };
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
                    <h3>{ lang.pick("Cần kiểm tra", "Please check") }</h3>
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
            match lang {
                Lang::Vi => format!("Đã quá hạn đổi thẻ từ ngày {}.", due.format_vi()),
                Lang::En => format!("The card should have been renewed by {}.", due.format_vi()),
            },
        ),
        // As prominent as an overdue card: two months is the time it takes to get it done.
        Some(due) if card.renewal_due_soon => (
            "banner error renewal",
            match lang {
                Lang::Vi => format!("Sắp đến hạn: thẻ cần đổi trước ngày {}.", due.format_vi()),
                Lang::En => format!(
                    "Due soon: the card must be renewed before {}.",
                    due.format_vi()
                ),
            },
        ),
        Some(due) => (
            "banner renewal",
            match lang {
                Lang::Vi => format!("Thẻ cần đổi trước ngày {}.", due.format_vi()),
                Lang::En => format!("The card must be renewed before {}.", due.format_vi()),
            },
        ),
        None if dates_readable => (
            "banner ok renewal",
            lang.pick(
                "Không phải đổi thẻ nữa: thẻ cấp từ 58 tuổi trở đi dùng được suốt đời.",
                "No more renewals: a card issued from age 58 on is valid for life.",
            )
            .to_string(),
        ),
        None => (
            "banner renewal",
            lang.pick(
                "Chưa tính được hạn đổi thẻ vì không đọc được ngày sinh hoặc ngày cấp.",
                "The renewal date cannot be worked out: the birth or issue date is unreadable.",
            )
            .to_string(),
        ),
    };
    // The ages come from the cccd crate, the one place the renewal rule lives.
    let ages = list_ages(card.kind.renewal_ages(), lang.pick("và", "and"));
    let hint = match (card.kind, lang) {
        (CardKind::Cccd, Lang::Vi) => {
            format!("Thẻ đổi khi đủ {ages} tuổi. Hãy so với ngày “Có giá trị đến” in trên thẻ.")
        }
        (CardKind::Cccd, Lang::En) => format!(
            "The card is renewed at ages {ages}. Compare with the “valid until” date printed on it."
        ),
        (CardKind::CanCuoc, Lang::Vi) => format!(
            "Thẻ căn cước đổi khi đủ {ages} tuổi; thẻ cấp trong 2 năm trước các tuổi đó dùng được đến lần đổi sau."
        ),
        (CardKind::CanCuoc, Lang::En) => format!(
            "A căn cước card is renewed at ages {ages}; a card issued within 2 years before one of those ages lasts until the next one."
        ),
    };
    html! {
        <div class={class}>
            <p class="renewal-line"><strong>{ line }</strong></p>
            <p class="hint">{ hint }</p>
            <p>
                <Link to={Route::Guide { id: RENEWAL_GUIDE.to_string(), step: None }}>
                    { lang.pick("Xem hướng dẫn cấp đổi thẻ căn cước", "See the guide to renewing an identity card") }
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
        lang.pick(
            "Mã này chứa một đường link. Ứng dụng không tự mở link. Chỉ mở nếu bạn tin nơi dán mã này; có thể chép để xem kỹ trước.",
            "This code holds a web link. The app does not open links by itself. Open it only if you trust where the code came from; you can copy it to look at it first.",
        )
    } else if other_link {
        lang.pick(
            "Mã này chứa một loại link không phải trang web. Ứng dụng không mở nó, và bạn cũng đừng mở: link kiểu này có thể gây hại.",
            "This code holds a link that is not a web page. The app does not open it, and neither should you: links of this kind can be harmful.",
        )
    } else if content == OtherContent::BankTransfer {
        lang.pick(
            "Đây là mã chuyển khoản ngân hàng (VietQR), không phải mã trên thẻ căn cước. Hãy dùng ứng dụng ngân hàng để đọc mã này.",
            "This is a bank-transfer code (VietQR), not the code on an identity card. Use a banking app to read it.",
        )
    } else {
        lang.pick(
            "Nội dung này không có dạng của mã trên thẻ CCCD hoặc thẻ căn cước. Nếu bạn quét thẻ, hãy quét lại mã QR trên thẻ (thẻ CCCD gắn chip: mặt trước; thẻ căn cước: mặt sau).",
            "This text does not have the form of the code on a CCCD or căn cước card. If you scanned a card, scan its QR code again (chip CCCD: front side; căn cước: back side).",
        )
    };
    let copyable = !other_link;
    let field = Field {
        key: "noi-dung".to_string(),
        label: lang.pick("Nội dung của mã", "Text of the code").to_string(),
        value: Some(text.to_string()).filter(|_| copyable),
        note: None,
    };
    html! {
        <section class="card-result not-card" aria-labelledby={RESULT_HEADING_ID}>
            <h2 id={RESULT_HEADING_ID} tabindex="-1">{ lang.pick("Đây không phải mã QR trên thẻ CCCD", "This is not the QR code of an ID card") }</h2>
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
