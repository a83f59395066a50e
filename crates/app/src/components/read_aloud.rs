//! “Đọc to”: reads a step aloud one part at a time (title, each paragraph, tip, warning),
//! so the part being read can be highlighted, with web addresses said as their domain.
//! Where the browser has no voice for the language, the button stays and explains how
//! to add one instead of disappearing.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::ui;

/// The read-aloud state of one screen.
#[derive(Clone, PartialEq)]
pub struct Speech {
    /// The browser has a voice for the language.
    pub available: bool,
    /// The part being read (0-based), if reading.
    pub reading: Option<usize>,
    reading_handle: UseStateHandle<Option<usize>>,
    /// Which reading is current: a stopped one must not move the highlight of the next.
    token: Rc<Cell<u32>>,
    voice_lang: &'static str,
}

impl Speech {
    /// Reads `parts` in order, highlighting each in turn.
    pub fn start(&self, parts: Vec<String>) {
        let this = self.token.get().wrapping_add(1);
        self.token.set(this);
        speak_from(
            Rc::new(parts),
            0,
            self.voice_lang,
            self.token.clone(),
            this,
            self.reading_handle.clone(),
        );
    }

    pub fn stop(&self) {
        self.token.set(self.token.get().wrapping_add(1));
        browser::stop_speaking();
        self.reading_handle.set(None);
    }
}

fn speak_from(
    parts: Rc<Vec<String>>,
    index: usize,
    voice_lang: &'static str,
    token: Rc<Cell<u32>>,
    this: u32,
    reading: UseStateHandle<Option<usize>>,
) {
    if token.get() != this {
        return;
    }
    let Some(text) = parts.get(index).cloned() else {
        reading.set(None);
        return;
    };
    reading.set(Some(index));
    let next = {
        let (parts, token, reading) = (parts.clone(), token.clone(), reading.clone());
        let mut ended = false;
        // `end` and `error` may both come for one part: go on once.
        move || {
            if !std::mem::replace(&mut ended, true) {
                speak_from(
                    parts.clone(),
                    index + 1,
                    voice_lang,
                    token.clone(),
                    this,
                    reading.clone(),
                );
            }
        }
    };
    if !browser::speak(&text, voice_lang, next) {
        reading.set(None);
    }
}

/// Read-aloud for text in `voice_lang` (`"vi"`, `"en"`); stops when the screen closes.
#[hook]
pub fn use_speech(voice_lang: &'static str) -> Speech {
    let available = use_state(|| false);
    let reading = use_state(|| None::<usize>);
    let token = use_mut_ref(|| Rc::new(Cell::new(0u32))).borrow().clone();
    {
        let available = available.clone();
        use_effect_with(voice_lang, move |voice_lang| {
            let voice_lang = *voice_lang;
            available.set(browser::has_voice(voice_lang));
            let listener =
                browser::on_voices_changed(move || available.set(browser::has_voice(voice_lang)));
            move || drop(listener)
        });
    }
    {
        let token = token.clone();
        use_effect_with((), move |_| {
            move || {
                token.set(token.get().wrapping_add(1));
                browser::stop_speaking();
            }
        });
    }
    Speech {
        available: *available,
        reading: *reading,
        reading_handle: reading,
        token,
        voice_lang,
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadAloudButtonProps {
    pub speech: Speech,
    /// What to read (see `guide_step::spoken_parts`); empty: nothing to read here.
    pub parts: Vec<String>,
}

/// “Đọc to” / “Dừng đọc”, or, without a voice, how to add one.
#[function_component]
pub fn ReadAloudButton(props: &ReadAloudButtonProps) -> Html {
    let lang = use_app().lang();
    let help_open = use_state(|| false);
    let speech = &props.speech;
    let reading = speech.reading.is_some();
    let onclick = {
        let (speech, parts, help_open) = (speech.clone(), props.parts.clone(), help_open.clone());
        Callback::from(move |_: MouseEvent| {
            if !speech.available {
                help_open.set(!*help_open);
            } else if speech.reading.is_some() {
                speech.stop();
            } else {
                speech.start(parts.clone());
            }
        })
    };
    let label = if reading {
        ui::read_aloud::STOP_READING.get(lang)
    } else {
        ui::read_aloud::READ_ALOUD.get(lang)
    };
    html! {
        <>
            <button type="button" class="chip read-aloud" {onclick}
                aria-expanded={(!speech.available).then(|| help_open.to_string())}>
                <span aria-hidden="true">{ if reading { "■ " } else { "🔊 " } }</span>{ label }
            </button>
            if *help_open && !speech.available {
                <div class="banner voice-help" role="status">{ voice_help(lang) }</div>
            }
        </>
    }
}

fn voice_help(lang: crate::i18n::Lang) -> Html {
    html! {
        <>
            <p>{ ui::read_aloud::THIS_DEVICE_HAS_NO_VOICE.get(lang) }</p>
            <ul>
                <li>{ ui::read_aloud::ANDROID_OPEN_SETTINGS_SEARCH.get(lang) }</li>
                <li>{ ui::read_aloud::IPHONE_OPEN_SETTINGS_ACCESSIBILITY_SPOKEN.get(lang) }</li>
            </ul>
        </>
    }
}
