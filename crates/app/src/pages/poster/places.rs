//! Section 2 of the poster builder: the commune, up to four help places
//! (added and removed one by one) and the Zalo, each field's error in
//! Vietnamese beside it, and what residents will see.

use sotay_poster::{
    CommuneProfile, FieldSpot, MAX_HELP_PLACES, ProfileError, ProfileField, decode_profile,
    phone_link, profile_from_query,
};
use sotay_text::Text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::form::PosterForm;
use super::hooks::FormEdit;
use super::spec::{VerifiedPoint, in_lang};
use crate::commune::{Provenance, use_commune};
use crate::components::commune_help::CommuneHelpBox;
use crate::context::use_app;
use crate::i18n::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct PlacesProps {
    pub form: PosterForm,
    pub verified: VerifiedPoint,
    pub edit: Callback<FormEdit>,
}

/// "2. Nơi hỗ trợ của xã/phường".
#[function_component]
pub fn PosterPlaces(props: &PlacesProps) -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    let form = &props.form;
    let edit = &props.edit;
    let typed = form.profile();
    let error = typed.as_ref().err();
    let count = form.place_count();
    let input = |spot: FieldSpot| field_input(lang, form, spot, error, edit);
    let places = (0..count).map(|place| {
        let remove = (count > 1).then(|| {
            edit.reform(move |_: MouseEvent| FormEdit::new(move |form| form.remove_place(place)))
        });
        html! {
            <fieldset class="poster-place" key={place}>
                <legend>{ ui::poster::place_legend(lang, place + 1) }</legend>
                { for ProfileField::PLACE.map(|field| input(FieldSpot::place(place, field))) }
                if let Some(onclick) = remove {
                    <button type="button" class="secondary poster-remove-place" {onclick}>
                        { ui::poster::remove_place(lang, place + 1) }
                    </button>
                }
            </fieldset>
        }
    });
    let add_place = edit.reform(|_: MouseEvent| FormEdit::new(PosterForm::add_place));
    let clear = edit.reform(|_: MouseEvent| FormEdit::new(PosterForm::clear_profile));
    let typed = typed.as_ref().ok().and_then(Option::as_ref);
    let remember = typed
        .filter(|(profile, _)| commune.profile.as_ref() != Some(profile))
        .map(|(_, code)| {
            let code = code.as_str().to_owned();
            commune
                .set_profile
                .reform(move |_: MouseEvent| Some(code.clone()))
        });
    let deployer = commune
        .help
        .as_ref()
        .and_then(|help| match &help.provenance {
            Provenance::Verified { deployer, .. } => Some(deployer.clone()),
            _ => None,
        });
    html! {
        <section class="no-print" aria-labelledby="poster-profile">
            <h2 id="poster-profile">{ ui::poster::PLACES_HEADING.get(lang) }</h2>
            <p class="hint">{ ui::poster::places_hint(lang, MAX_HELP_PLACES) }</p>
            <PasteProfile edit={edit.clone()} saved={commune.profile.clone()} />
            { input(ProfileField::Commune.into()) }
            { for places }
            <div class="actions">
                if count < MAX_HELP_PLACES {
                    <button type="button" class="secondary poster-add-place" onclick={add_place}>
                        { ui::poster::ADD_PLACE.get(lang) }
                    </button>
                } else {
                    <p class="hint">{ ui::poster::places_full(lang, MAX_HELP_PLACES) }</p>
                }
            </div>
            { input(ProfileField::Zalo.into()) }
            if let Some(error) = error.filter(|e| e.spot().is_none()) {
                <p class="field-error">{ in_lang(lang, error.message_vi(), error.message_en()) }</p>
            }
            <div class="actions">
                if let Some(onclick) = remember {
                    <button type="button" class="secondary" {onclick}>{ ui::poster::REMEMBER.get(lang) }</button>
                }
                <button type="button" class="secondary" onclick={clear}>{ ui::poster::CLEAR.get(lang) }</button>
            </div>
            if let Some((profile, _)) = typed {
                { kind_note(lang, profile, &props.verified, deployer.as_deref()) }
                <p class="hint">{ ui::poster::RESIDENTS_SEE.get(lang) }</p>
                <CommuneHelpBox profile={profile.clone()} />
            }
        </section>
    }
}

/// The element id of a field: `poster-phone` for the first place (as
/// before several places), `poster-phone-2` for the second.
fn field_id(spot: FieldSpot) -> String {
    match spot.place {
        Some(place) if place > 0 => format!("poster-{}-{}", spot.field.key(), place + 1),
        _ => format!("poster-{}", spot.field.key()),
    }
}

fn field_label(field: ProfileField) -> Text {
    match field {
        ProfileField::Commune => ui::poster::FIELD_COMMUNE,
        ProfileField::HelpPoint => ui::poster::FIELD_HELP_POINT,
        ProfileField::Address => ui::poster::FIELD_ADDRESS,
        ProfileField::Hours => ui::poster::FIELD_HOURS,
        ProfileField::Phone => ui::poster::FIELD_PHONE,
        ProfileField::Zalo => ui::poster::FIELD_ZALO,
    }
}

/// One labelled input with its length count, phone note and error.
fn field_input(
    lang: Lang,
    form: &PosterForm,
    spot: FieldSpot,
    error: Option<&ProfileError>,
    edit: &Callback<FormEdit>,
) -> Html {
    let field = spot.field;
    let id = field_id(spot);
    let value = form.value(spot).to_owned();
    let used = value.trim().chars().count();
    let max = field.max_chars();
    let error = error.filter(|e| e.spot() == Some(spot));
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = match error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    let phone_note =
        (field == ProfileField::Phone && !value.trim().is_empty() && phone_link(&value).is_none())
            .then(|| ui::poster::PHONE_NOT_CALLABLE.get(lang));
    let input_type = if field == ProfileField::Phone {
        "tel"
    } else {
        "text"
    };
    let oninput = edit.reform(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        FormEdit::new(move |form| form.set_value(spot, value.clone()))
    });
    html! {
        <div class="poster-field">
            <label for={id.clone()}>
                { field_label(field).get(lang) }
                if field != ProfileField::Commune {
                    <span class="hint-inline">{ ui::poster::OPTIONAL.get(lang) }</span>
                }
            </label>
            <input type={input_type} id={id.clone()} {value} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described} autocomplete="off" />
            <span class={classes!("hint", (used > max).then_some("field-error"))} id={hint_id}>
                { format!("{used}/{max}") }
                if let Some(note) = phone_note { { " · " }{ note } }
            </span>
            if let Some(error) = error {
                <p class="field-error" id={error_id}>{ in_lang(lang, error.message_vi(), error.message_en()) }</p>
            }
        </div>
    }
}

/// Which of the two kinds this poster is, in words a volunteer can act on.
fn kind_note(
    lang: Lang,
    typed: &CommuneProfile,
    verified: &VerifiedPoint,
    deployer: Option<&str>,
) -> Html {
    match (verified, deployer) {
        (Some((id, listed)), Some(deployer)) if listed == typed => html! {
            <p class="banner ok poster-kind verified">{ ui::poster::kind_verified(lang, deployer, id) }</p>
        },
        _ => html! {
            <p class="banner warning poster-kind unverified">{ ui::poster::KIND_UNVERIFIED.get(lang) }</p>
        },
    }
}

/// A profile from a pasted link (`…?c=…`) or a bare code.
fn profile_from_paste(text: &str) -> Result<CommuneProfile, ProfileError> {
    let text = text.trim();
    let query = text.split_once('?').map_or(text, |(_, query)| query);
    let query = query.split('#').next().unwrap_or(query);
    match profile_from_query(query) {
        Some(result) => result,
        None => decode_profile(text),
    }
}

#[derive(Properties, PartialEq)]
struct PasteProps {
    edit: Callback<FormEdit>,
    /// The help point kept on this device, offered to fill in.
    saved: Option<CommuneProfile>,
}

/// "Dán đường dẫn có ?c=…": fills the form from a printed code.
#[function_component]
fn PasteProfile(props: &PasteProps) -> Html {
    let lang = use_app().lang();
    let paste = use_state(String::new);
    let message = use_state(|| None::<(bool, String)>);
    let on_input = {
        let paste = paste.clone();
        Callback::from(move |event: InputEvent| {
            paste.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let fill = {
        let (paste, message, edit) = (paste.clone(), message.clone(), props.edit.clone());
        Callback::from(move |_: MouseEvent| match profile_from_paste(&paste) {
            Ok(profile) => {
                edit.emit(FormEdit::new(move |form| form.fill_profile(&profile)));
                message.set(Some((
                    true,
                    ui::poster::FILLED_FROM_CODE.get(lang).to_owned(),
                )));
            }
            Err(error) => message.set(Some((
                false,
                in_lang(lang, error.message_vi(), error.message_en()),
            ))),
        })
    };
    let use_saved = props.saved.clone().map(|profile| {
        props.edit.reform(move |_: MouseEvent| {
            let profile = profile.clone();
            FormEdit::new(move |form| form.fill_profile(&profile))
        })
    });
    let feedback = (*message).clone().map(|(ok, message)| {
        html! { <p class={if ok { "banner ok" } else { "banner error" }}>{ message }</p> }
    });
    html! {
        <div class="poster-paste">
            <label for="poster-paste">{ ui::poster::PASTE_LABEL.get(lang) }</label>
            <input type="text" id="poster-paste" value={(*paste).clone()} oninput={on_input}
                autocomplete="off" spellcheck="false" />
            <div class="actions">
                <button type="button" class="secondary" onclick={fill}>{ ui::poster::FILL_FROM_CODE.get(lang) }</button>
                if let Some(onclick) = use_saved {
                    <button type="button" class="secondary" {onclick}>{ ui::poster::USE_SAVED.get(lang) }</button>
                }
            </div>
            <div role="status" aria-live="polite">{ for feedback }</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use sotay_poster::HelpPlace;

    use super::*;

    #[test]
    fn pasted_links_and_codes_fill_the_profile() {
        let mut profile = CommuneProfile::new("Phường Long Biên");
        profile.places = vec![
            HelpPlace::named("Công an phường Long Biên"),
            HelpPlace::named("Bưu điện phường Long Biên"),
        ];
        let code = profile.encode().unwrap();
        let link = format!("https://sotay.example.vn/g/tam-tru/?c={code}");
        assert_eq!(profile_from_paste(&link), Ok(profile.clone()));
        assert_eq!(profile_from_paste(&format!(" {code} ")), Ok(profile));
        assert!(profile_from_paste("https://x.vn/?c=<script>").is_err());
        assert!(profile_from_paste("").is_err());
    }

    #[test]
    fn the_first_place_keeps_its_old_field_ids() {
        assert_eq!(
            field_id(FieldSpot::place(0, ProfileField::Phone)),
            "poster-phone"
        );
        assert_eq!(
            field_id(FieldSpot::place(2, ProfileField::Phone)),
            "poster-phone-3"
        );
        assert_eq!(field_id(ProfileField::Commune.into()), "poster-commune");
    }
}
