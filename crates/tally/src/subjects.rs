//! What a count is about: an essential service (`assets/services.toml`), a guide that belongs
//! to no service (activating VNeID, forgotten password…), or "dịch vụ khác".

use std::collections::HashMap;

use sotay_guides::{Catalog, Services};
use sotay_text::{Lang, ui};

/// The subject for help with a service the list does not have.
pub const OTHER_SERVICE: &str = "dich-vu-khac";

/// Guides whose "filed online successfully" outcome means an electronic ID account activated.
pub const ACTIVATION_GUIDES: [&str; 2] = ["kich-hoat-vneid", "dang-ky-tai-khoan-muc-2"];

/// The linked ("liên thông") services the plans measure on their own: birth and death chains.
pub const LINKED_SERVICES: [&str; 2] = ["lien-thong-khai-sinh", "lien-thong-khai-tu"];

/// Ids as the app's routes and the services list accept them.
pub fn is_subject_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub id: String,
    pub title: String,
}

/// Every subject a volunteer can count, in the order the team page lists them: services
/// residents file (list order), then guides of no service, then [`OTHER_SERVICE`].
#[derive(Debug, Clone, Default)]
pub struct Subjects {
    list: Vec<Subject>,
    /// A guide's service, when exactly its first service lists it.
    service_of_guide: HashMap<String, String>,
}

impl Subjects {
    pub fn new(services: &Services, catalog: &Catalog, lang: Lang) -> Subjects {
        let mut list = Vec::new();
        let mut service_of_guide = HashMap::new();
        for service in services
            .services
            .iter()
            .filter(|s| s.filed_by.by_residents())
        {
            list.push(Subject {
                id: service.id.clone(),
                title: service.name.clone(),
            });
            for guide in &service.guides {
                service_of_guide
                    .entry(guide.clone())
                    .or_insert_with(|| service.id.clone());
            }
        }
        for guide in catalog.list(lang) {
            if !service_of_guide.contains_key(&guide.id)
                && !list.iter().any(|s: &Subject| s.id == guide.id)
            {
                list.push(Subject {
                    id: guide.id.clone(),
                    title: guide.title.clone(),
                });
            }
        }
        list.push(Subject {
            id: OTHER_SERVICE.to_owned(),
            title: ui::tally::OTHER_SERVICE.get(lang).to_owned(),
        });
        Subjects {
            list,
            service_of_guide,
        }
    }

    pub fn list(&self) -> &[Subject] {
        &self.list
    }

    /// The subject a count for `id` belongs to: a guide's service, or `id` itself. Counts
    /// stored by guide (format 1) land on their service this way.
    pub fn canonical<'a>(&'a self, id: &'a str) -> &'a str {
        self.service_of_guide.get(id).map_or(id, String::as_str)
    }

    pub fn title(&self, id: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.as_str())
    }

    /// Position in [`Subjects::list`] (unknown ids last).
    pub fn position(&self, id: &str) -> usize {
        self.list
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(usize::MAX)
    }
}
