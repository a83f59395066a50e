//! The poster builder's state: the form (loaded after the first render,
//! saved on every edit) and the preview's `blob:` URL.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::form::PosterForm;
use crate::browser;
use crate::content;
use crate::i18n::Lang;
use crate::route::base_path;

/// An edit of the form; every edit is saved on the device.
#[derive(Clone)]
pub struct FormEdit(pub Rc<dyn Fn(&mut PosterForm)>);

impl FormEdit {
    pub fn new(edit: impl Fn(&mut PosterForm) + 'static) -> FormEdit {
        FormEdit(Rc::new(edit))
    }
}

/// The form, and whether it has been read from the device yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormState {
    pub form: PosterForm,
    /// False until the saved form and the page's origin have been read (never during SSR).
    pub loaded: bool,
}

pub enum FormAction {
    /// The saved form, read once after the first render.
    Loaded(PosterForm),
    Edit(FormEdit),
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let form = match action {
            FormAction::Loaded(form) => form,
            FormAction::Edit(edit) => {
                let mut form = self.form.clone();
                (edit.0)(&mut form);
                form.save();
                form
            }
        };
        Rc::new(FormState { form, loaded: true })
    }
}

pub fn default_base_url() -> String {
    format!("{}{}", browser::origin(), base_path())
}

/// The form with `edit` to change it (each change applies to the latest
/// form, so quick typing loses nothing). `guide` (from `?g=`) picks the guide.
#[hook]
pub fn use_poster_form(guide: Option<String>) -> (Rc<FormState>, Callback<FormEdit>) {
    let state = use_reducer(FormState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let mut loaded = PosterForm::load();
            if loaded.base_url.trim().is_empty() {
                loaded.base_url = default_base_url();
            }
            if let Some(id) = guide.filter(|id| content::entry(Lang::Vi, id).is_some()) {
                loaded.guide = id;
            }
            if !loaded.guide.is_empty() && content::entry(Lang::Vi, &loaded.guide).is_none() {
                loaded.guide.clear();
            }
            state.dispatch(FormAction::Loaded(loaded));
        });
    }
    let edit = {
        let state = state.clone();
        Callback::from(move |edit: FormEdit| state.dispatch(FormAction::Edit(edit)))
    };
    (Rc::new((*state).clone()), edit)
}

/// A `blob:` URL for the SVG (the browser reads it as an image, so no user
/// text is ever parsed as HTML), and the callback for the `<img>`'s load and
/// error events. A URL the SVG has replaced is revoked only once the image
/// has moved on to its successor: revoking it at once failed the image's
/// still-running load of it (`net::ERR_FILE_NOT_FOUND`). All are revoked when
/// the builder closes.
#[hook]
pub fn use_preview_url(svg: Option<Rc<str>>) -> (Option<String>, Callback<Event>) {
    let preview_url = use_state(|| None::<String>);
    let replaced = use_mut_ref(Vec::<String>::new);
    {
        let preview_url = preview_url.clone();
        let replaced = replaced.clone();
        use_effect_with(svg, move |svg| {
            let url = svg
                .as_ref()
                .and_then(|svg| browser::object_url(svg, "image/svg+xml"));
            preview_url.set(url.clone());
            move || replaced.borrow_mut().extend(url)
        });
    }
    {
        let replaced = replaced.clone();
        use_effect_with((), move |_| move || revoke_all(&replaced));
    }
    let shown = Callback::from(move |_: Event| revoke_all(&replaced));
    ((*preview_url).clone(), shown)
}

fn revoke_all(urls: &RefCell<Vec<String>>) {
    for url in urls.borrow_mut().drain(..) {
        browser::revoke_object_url(&url);
    }
}
