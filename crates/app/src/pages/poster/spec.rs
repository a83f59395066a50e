//! From the form to the page: the link, the rendered SVG and its file name.

use sotay_poster::{
    BaseUrl, CommuneProfile, HOME_STEPS_VI, HOME_TITLE_VI, PosterSpec, RenderedPage, guide_url,
    poster_file_name, render, slug, verified_guide_url,
};

use super::form::PosterForm;
use crate::content::{self, CatalogState};
use crate::i18n::{Lang, ui};

/// Everything the preview needs, worked out from the form.
#[derive(Debug, PartialEq)]
pub struct Built {
    pub url: String,
    pub page: Result<RenderedPage, String>,
    pub file_name: String,
}

/// The deployer's verified help point this device knows (its id and profile):
/// a poster for exactly that profile carries `?x=<id>` instead of the profile.
pub type VerifiedPoint = Option<(String, CommuneProfile)>;

/// A message from the poster crate in the interface's language.
pub fn in_lang(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

pub fn build(
    form: &PosterForm,
    lang: Lang,
    catalog: CatalogState,
    verified: &VerifiedPoint,
) -> Result<Built, String> {
    let base = BaseUrl::parse(&form.base_url)
        .map_err(|e| in_lang(lang, e.message_vi().to_owned(), e.message_en().to_owned()))?;
    let profile = form
        .profile()
        .map_err(|e| in_lang(lang, e.message_vi(), e.message_en()))?;
    // A poster prints the guide's key steps: they come with the whole catalog.
    let guide = match (!form.guide.is_empty()).then(|| content::entry(Lang::Vi, &form.guide)) {
        Some(Some(_)) => Some(content::guide(Lang::Vi, &form.guide).ok_or_else(|| {
            if catalog == CatalogState::Failed {
                ui::poster::STEPS_NOT_LOADED.get(lang).to_owned()
            } else {
                ui::poster::STEPS_LOADING.get(lang).to_owned()
            }
        })?),
        _ => None,
    };
    let (title, key_steps) = match guide {
        Some(guide) => (
            guide.title.clone(),
            sotay_guides::key_steps(guide)
                .into_iter()
                .map(|(_, step)| step.title.clone())
                .collect(),
        ),
        None => (
            HOME_TITLE_VI.to_owned(),
            HOME_STEPS_VI.iter().map(|s| (*s).to_owned()).collect(),
        ),
    };
    let guide_id = guide.map(|g| g.id.as_str());
    let verified_id = match (&profile, verified) {
        (Some((typed, _)), Some((id, listed))) if typed == listed => Some(id.as_str()),
        _ => None,
    };
    let url = match verified_id {
        Some(id) => verified_guide_url(&base, guide_id, id),
        None => guide_url(&base, guide_id, profile.as_ref().map(|(_, code)| code)),
    };
    let layout = form.layout();
    let spec = PosterSpec {
        layout,
        title,
        key_steps,
        url: url.clone(),
        profile: profile.as_ref().map(|(p, _)| p.clone()),
        caption_vi: None,
    };
    let page = render(&spec).map_err(|e| in_lang(lang, e.message_vi(), e.message_en()));
    let commune_slug = profile.as_ref().map(|(p, _)| slug(&p.commune));
    Ok(Built {
        url,
        page,
        file_name: poster_file_name(commune_slug.as_deref(), guide_id, layout),
    })
}

#[cfg(test)]
mod tests {
    use sotay_poster::{FieldSpot, HelpPlace, ProfileError, ProfileField};

    use super::*;

    fn form_with(fields: &[(FieldSpot, &str)]) -> PosterForm {
        let mut form = PosterForm {
            base_url: "https://sotay.example.vn".into(),
            ..PosterForm::default()
        };
        for (spot, value) in fields {
            form.set_value(*spot, (*value).to_owned());
        }
        form
    }

    fn long_bien() -> CommuneProfile {
        let mut profile = CommuneProfile::new("Phường Long Biên");
        profile.places.push(HelpPlace {
            phone: Some("024 3872 1234".into()),
            ..HelpPlace::default()
        });
        profile
    }

    #[test]
    fn an_empty_profile_makes_a_poster_without_help_point() {
        let built = build(&form_with(&[]), Lang::Vi, CatalogState::Ready, &None).unwrap();
        assert_eq!(built.url, "https://sotay.example.vn/");
        assert_eq!(built.file_name, "trang-chu_a4.svg");
        assert!(built.page.unwrap().qr_width_mm > 50.0);
    }

    #[test]
    fn bad_input_gives_messages_and_keeps_the_text() {
        let address = FieldSpot::place(0, ProfileField::Address);
        let form = form_with(&[(address, "Số 1 phố Ngọc Lâm")]);
        assert_eq!(
            form.profile().unwrap_err(),
            ProfileError::EmptyField(ProfileField::Commune.into())
        );
        assert_eq!(form.value(address), "Số 1 phố Ngọc Lâm");
        let long = "x".repeat(200);
        let form = form_with(&[(ProfileField::Commune.into(), &long)]);
        assert_eq!(
            form.profile().unwrap_err().spot(),
            Some(ProfileField::Commune.into())
        );
        let mut form = form_with(&[]);
        form.base_url = "sotay.vn".into();
        assert!(
            build(&form, Lang::Vi, CatalogState::Ready, &None)
                .unwrap_err()
                .contains("https://")
        );
    }

    #[test]
    fn filled_from_a_profile_it_prints_the_same_code() {
        let profile = long_bien();
        let code = profile.encode().unwrap();
        let mut form = form_with(&[]);
        form.fill_profile(&profile);
        let built = build(&form, Lang::Vi, CatalogState::Ready, &None).unwrap();
        assert_eq!(built.url, format!("https://sotay.example.vn/?c={code}"));
        assert_eq!(built.file_name, "phuong-long-bien_trang-chu_a4.svg");
    }

    #[test]
    fn a_verified_help_point_prints_its_short_id_and_an_edited_one_does_not() {
        let profile = long_bien();
        let verified = Some(("long-bien".to_owned(), profile.clone()));
        let mut form = form_with(&[]);
        form.fill_profile(&profile);
        let built = build(&form, Lang::Vi, CatalogState::Ready, &verified).unwrap();
        assert_eq!(built.url, "https://sotay.example.vn/?x=long-bien");
        form.set_value(
            FieldSpot::place(0, ProfileField::Phone),
            "0999 999 999".into(),
        );
        let built = build(&form, Lang::Vi, CatalogState::Ready, &verified).unwrap();
        assert!(built.url.contains("?c="), "{}", built.url);
    }
}
