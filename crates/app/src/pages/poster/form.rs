//! The poster builder's form: what was typed, exactly as typed, kept on the
//! device so a team can come back to it (public office details and a layout
//! choice; nothing personal).

use serde::{Deserialize, Serialize};
use sotay_poster::{
    CommuneProfile, FieldSpot, HelpPlace, Layout, MAX_HELP_PLACES, ProfileCode, ProfileError,
    ProfileField,
};

use crate::browser;

const STORAGE_KEY: &str = "sotay.poster";

/// A help place's fields in [`ProfileField::PLACE`] order, as typed.
pub type PlaceFields = [String; 4];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PosterForm {
    /// Guide id, or empty for the home page.
    pub guide: String,
    pub base_url: String,
    pub commune: String,
    pub zalo: String,
    /// At most [`MAX_HELP_PLACES`]; the form shows at least one.
    pub places: Vec<PlaceFields>,
    pub layout: String,
    /// Saved before several places: the fields in `ProfileField::ALL` order.
    /// Read once into the fields above, so nothing typed then is lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) fields: Vec<String>,
}

impl PosterForm {
    /// The form kept on this device (an older one moved to the new fields).
    pub fn load() -> PosterForm {
        browser::local_get(STORAGE_KEY)
            .and_then(|json| serde_json::from_str::<PosterForm>(&json).ok())
            .map(PosterForm::upgraded)
            .unwrap_or_default()
    }

    pub fn save(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            browser::local_set(STORAGE_KEY, &json);
        }
    }

    fn upgraded(mut self) -> PosterForm {
        let old = std::mem::take(&mut self.fields);
        if !old.is_empty() && self.commune.is_empty() && self.places.is_empty() {
            let at = |i: usize| old.get(i).cloned().unwrap_or_default();
            self.commune = at(0);
            self.places = vec![[at(1), at(2), at(3), at(4)]];
            self.zalo = at(5);
        }
        self.places.truncate(MAX_HELP_PLACES);
        self
    }

    /// The value typed for a commune field (`place` None) or a place's field.
    pub fn value(&self, spot: FieldSpot) -> &str {
        match (spot.place, spot.field) {
            (None, ProfileField::Commune) => &self.commune,
            (None, ProfileField::Zalo) => &self.zalo,
            (Some(place), field) => self
                .places
                .get(place)
                .zip(place_index(field))
                .map_or("", |(fields, i)| fields[i].as_str()),
            (None, _) => "",
        }
    }

    pub fn set_value(&mut self, spot: FieldSpot, value: String) {
        match (spot.place, spot.field) {
            (None, ProfileField::Commune) => self.commune = value,
            (None, ProfileField::Zalo) => self.zalo = value,
            (Some(place), field) if place < MAX_HELP_PLACES => {
                if self.places.len() <= place {
                    self.places.resize_with(place + 1, PlaceFields::default);
                }
                if let Some(i) = place_index(field) {
                    self.places[place][i] = value;
                }
            }
            _ => {}
        }
    }

    /// How many place blocks the form shows: at least one.
    pub fn place_count(&self) -> usize {
        self.places.len().clamp(1, MAX_HELP_PLACES)
    }

    pub fn add_place(&mut self) {
        let count = self.place_count();
        if count < MAX_HELP_PLACES {
            self.places.resize_with(count + 1, PlaceFields::default);
        }
    }

    pub fn remove_place(&mut self, place: usize) {
        if place < self.places.len() {
            self.places.remove(place);
        }
    }

    pub fn fill_profile(&mut self, profile: &CommuneProfile) {
        self.commune = profile.commune.clone();
        self.zalo = profile.zalo.clone().unwrap_or_default();
        self.places = profile
            .places
            .iter()
            .map(|place| ProfileField::PLACE.map(|f| place.get(f).unwrap_or("").to_owned()))
            .collect();
    }

    pub fn clear_profile(&mut self) {
        self.commune.clear();
        self.zalo.clear();
        self.places.clear();
    }

    pub fn layout(&self) -> Layout {
        Layout::from_slug(&self.layout).unwrap_or(Layout::A4Poster)
    }

    /// The profile as typed: `Ok(None)` when every field is empty. An
    /// error names the field by the form's own numbering of places (a blank
    /// place in between counts), so it shows beside the right box.
    pub fn profile(&self) -> Result<Option<(CommuneProfile, ProfileCode)>, ProfileError> {
        let blank = |s: &String| s.trim().is_empty();
        if blank(&self.commune) && blank(&self.zalo) && self.places.iter().flatten().all(blank) {
            return Ok(None);
        }
        let mut profile = CommuneProfile::new(self.commune.trim());
        profile.set(ProfileField::Zalo, &self.zalo);
        // The form's number of each place the profile keeps.
        let mut form_place = Vec::new();
        for (index, fields) in self.places.iter().enumerate() {
            let mut place = HelpPlace::default();
            for (field, value) in ProfileField::PLACE.into_iter().zip(fields) {
                place.set(field, value);
            }
            if !place.is_empty() {
                form_place.push(index);
                profile.places.push(place);
            }
        }
        if profile.commune.is_empty() {
            return Err(ProfileError::EmptyField(ProfileField::Commune.into()));
        }
        let to_form = |spot: FieldSpot| FieldSpot {
            place: spot.place.and_then(|i| form_place.get(i).copied()),
            ..spot
        };
        let code = profile.encode().map_err(|e| e.map_spot(to_form))?;
        Ok(Some((profile.normalized(), code)))
    }
}

fn place_index(field: ProfileField) -> Option<usize> {
    ProfileField::PLACE.iter().position(|f| *f == field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_saved_before_several_places_keeps_what_was_typed() {
        let old = r#"{"guide":"","base_url":"https://x.vn/","fields":["Xã A","Công an xã A","","7:30","0912 345 678","za"],"layout":"a5"}"#;
        let form = serde_json::from_str::<PosterForm>(old).unwrap().upgraded();
        assert_eq!(form.commune, "Xã A");
        assert_eq!(form.zalo, "za");
        assert_eq!(
            form.value(FieldSpot::place(0, ProfileField::Phone)),
            "0912 345 678"
        );
        assert_eq!(form.layout(), Layout::A5Flyer);
        assert!(!serde_json::to_string(&form).unwrap().contains("fields"));
    }

    #[test]
    fn errors_name_the_forms_own_place() {
        let mut form = PosterForm::default();
        form.set_value(ProfileField::Commune.into(), "Xã A".into());
        // Place 1 left blank; place 2 has a line break in its phone.
        form.set_value(
            FieldSpot::place(0, ProfileField::HelpPoint),
            "Công an xã A".into(),
        );
        form.set_value(FieldSpot::place(2, ProfileField::Phone), "0912\n345".into());
        let error = form.profile().unwrap_err();
        assert_eq!(error.spot(), Some(FieldSpot::place(2, ProfileField::Phone)));
        // Nothing typed is lost.
        assert_eq!(
            form.value(FieldSpot::place(2, ProfileField::Phone)),
            "0912\n345"
        );
        form.remove_place(1);
        assert_eq!(form.place_count(), 2);
        for _ in 0..5 {
            form.add_place();
        }
        assert_eq!(form.place_count(), MAX_HELP_PLACES);
    }
}
