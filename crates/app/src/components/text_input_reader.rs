//! Reading a QR code's text without a camera: a box that takes pasted text or the
//! typing of a keyboard-wedge (USB / Bluetooth) QR scanner, which types the code's
//! text and then presses Enter.
//!
//! The box is not controlled by state: the text lives only in the `<textarea>`, and
//! the parent clears it by mounting a fresh reader (a new `key`). Browser features
//! that could copy the text elsewhere (autofill memory, cloud spell check) are off.

use yew::prelude::*;

use crate::context::use_app;
use crate::i18n::ui;

/// The longest text read. A QR code holds at most 7 089 characters; anything much
/// longer was pasted by mistake and would only make the page slow.
pub const MAX_CHARS: usize = 8_000;

const TEXTAREA_ID: &str = "qr-text";
const HINT_ID: &str = "qr-text-goi-y";
const STATUS_ID: &str = "qr-text-trang-thai";

#[derive(Properties, PartialEq)]
pub struct TextInputReaderProps {
    /// Called with the text when the reader presses “Đọc” or Enter.
    pub on_text: Callback<String>,
}

/// Why the text was not handed on.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    Empty,
    TooLong,
}

#[function_component]
pub fn TextInputReader(props: &TextInputReaderProps) -> Html {
    let lang = use_app().lang();
    let textarea = use_node_ref();
    let problem = use_state(|| None::<Problem>);

    let read = {
        let textarea = textarea.clone();
        let problem = problem.clone();
        let on_text = props.on_text.clone();
        Callback::from(move |()| {
            let Some(element) = textarea.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            // Read from the element itself: a scanner types faster than the page re-renders.
            let text = element.value();
            if text.trim().is_empty() {
                problem.set(Some(Problem::Empty));
            } else if text.chars().count() > MAX_CHARS {
                problem.set(Some(Problem::TooLong));
            } else {
                problem.set(None);
                on_text.emit(text);
            }
        })
    };
    let onkeydown = {
        let read = read.clone();
        Callback::from(move |event: KeyboardEvent| {
            // Shift+Enter keeps a new line; Enter while an input method is still
            // composing a Vietnamese letter (Telex, VNI) belongs to that input method.
            if event.key() == "Enter" && !event.shift_key() && !event.is_composing() {
                event.prevent_default();
                read.emit(());
            }
        })
    };
    let onclick = Callback::from(move |_: MouseEvent| read.emit(()));
    let oninput = {
        let problem = problem.clone();
        Callback::from(move |_: InputEvent| {
            if problem.is_some() {
                problem.set(None);
            }
        })
    };

    let message = match *problem {
        None => Html::default(),
        Some(Problem::Empty) => html! {
            <p class="field-error">{ ui::text_input_reader::BOX_IS_EMPTY_PASTE_QR.get(lang) }</p>
        },
        Some(Problem::TooLong) => html! {
            <p class="field-error">{ ui::text_input_reader::THIS_TEXT_IS_TOO_LONG.get(lang) }</p>
        },
    };
    let invalid = problem.is_some().then_some("true");

    html! {
        <div class="text-reader">
            <label for={TEXTAREA_ID}>{ ui::text_input_reader::TEXT_OF_QR_CODE.get(lang) }</label>
            <p class="hint" id={HINT_ID}>{ ui::text_input_reader::PASTE_TEXT_COPIED_FROM_ANOTHER.get(lang) }</p>
            <textarea
                id={TEXTAREA_ID}
                ref={textarea}
                rows="4"
                autocomplete="off"
                autocapitalize="off"
                autocorrect="off"
                spellcheck="false"
                aria-describedby={format!("{HINT_ID} {STATUS_ID}")}
                aria-invalid={invalid}
                {onkeydown}
                {oninput}
            />
            <div id={STATUS_ID} aria-live="polite">{ message }</div>
            <div class="actions">
                <button type="button" class="button big" {onclick}>{ ui::text_input_reader::READ.get(lang) }</button>
            </div>
        </div>
    }
}
