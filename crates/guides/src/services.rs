//! The essential public services (dịch vụ công thiết yếu) as data: `assets/services.toml`.
//!
//! Each service sits under a life event (giấy tờ tùy thân, cư trú, …), says who files it (a
//! resident, an organisation, or both) and which guides walk a resident through it. The rules
//! ([`validate_services`]) make sure every service a resident files has a guide that exists, so a
//! commune can put up a poster for each one.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{Catalog, Lang};
use crate::validate::{ContentError, is_valid_id, url_problem};

/// Path of the services list, used in messages.
pub const SERVICES_PATH: &str = "assets/services.toml";

/// Who files a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FiledBy {
    /// A resident or a household does it themselves: it needs a guide.
    Resident,
    /// Only an organisation or a business: a one-line note and the official link.
    Organisation,
    /// Residents (e.g. a household with guests) and organisations (e.g. hotels).
    Both,
}

impl FiledBy {
    pub const ALL: [FiledBy; 3] = [FiledBy::Resident, FiledBy::Organisation, FiledBy::Both];

    /// The value written in `services.toml`.
    pub fn code(self) -> &'static str {
        match self {
            FiledBy::Resident => "resident",
            FiledBy::Organisation => "organisation",
            FiledBy::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<FiledBy> {
        FiledBy::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Whether residents file it themselves (so it needs a guide).
    pub fn by_residents(self) -> bool {
        self != FiledBy::Organisation
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            FiledBy::Resident => "Người dân",
            FiledBy::Organisation => "Tổ chức, doanh nghiệp",
            FiledBy::Both => "Người dân và tổ chức",
        }
    }
}

/// A life event: the heading services are grouped under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifeEvent {
    pub id: String,
    pub title: String,
}

/// One essential public service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    /// The service's name as residents meet it (short; the official name may be longer).
    pub name: String,
    /// The `id` of its life event.
    pub event: String,
    pub filed_by: FiledBy,
    /// Guides that walk a resident through it, first one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guides: Vec<String>,
    /// The official procedure page. Required for organisation-only services; for the others,
    /// when absent, the first guide's procedure source stands in (see [`Service::official_url`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// One line for organisation-only services: who files it and where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the guides do not cover yet, when they cover the service only in part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
}

/// How well the guides cover a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coverage {
    Covered,
    /// Has a guide, but part of the service is not covered (see [`Service::partial`]).
    Partial,
    /// Residents file it and no guide exists yet.
    Missing,
    /// Organisations file it: no guide needed.
    Organisation,
}

impl Service {
    /// How well `catalog` covers this service.
    pub fn coverage(&self, catalog: &Catalog) -> Coverage {
        if !self.filed_by.by_residents() {
            return Coverage::Organisation;
        }
        let exists = |id: &String| catalog.get_exact(Lang::Vi, id).is_some();
        if self.guides.is_empty() || !self.guides.iter().all(exists) {
            Coverage::Missing
        } else if self.partial.is_some() {
            Coverage::Partial
        } else {
            Coverage::Covered
        }
    }

    /// The official procedure page: `url`, or else the first guide's procedure source. Needs the
    /// whole catalog (with sources), not the outline.
    pub fn official_url<'a>(&'a self, catalog: &'a Catalog) -> Option<&'a str> {
        self.url.as_deref().or_else(|| {
            self.guides
                .iter()
                .filter_map(|id| catalog.get_exact(Lang::Vi, id))
                .find_map(|guide| guide.check_source())
                .map(|source| source.url.as_str())
        })
    }
}

/// Every essential service, grouped by life event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Services {
    /// In the order they are shown.
    pub events: Vec<LifeEvent>,
    /// In the order they are shown within their life event.
    pub services: Vec<Service>,
}

impl Services {
    /// The services of one life event, in file order.
    pub fn of_event<'a>(&'a self, event: &'a str) -> impl Iterator<Item = &'a Service> {
        self.services.iter().filter(move |s| s.event == event)
    }

    /// The services whose guides include `guide_id`.
    pub fn using_guide<'a>(&'a self, guide_id: &'a str) -> impl Iterator<Item = &'a Service> {
        self.services
            .iter()
            .filter(move |s| s.guides.iter().any(|g| g == guide_id))
    }
}

/// Checks the services list against the guides (Vietnamese messages naming field and problem).
/// Every service residents file must list at least one guide, and every listed guide must exist.
pub fn validate_services(services: &Services, catalog: &Catalog) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut error = |field: String, message: String| {
        errors.push(ContentError {
            file: SERVICES_PATH.to_owned(),
            field,
            message,
        });
    };
    if services.services.is_empty() {
        error("services".into(), "chưa có dịch vụ nào".into());
    }
    let mut event_ids: HashMap<&str, usize> = HashMap::new();
    for (i, event) in services.events.iter().enumerate() {
        if !is_valid_id(&event.id) {
            error(
                format!("events[{i}].id"),
                format!(
                    "“{}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
                    event.id
                ),
            );
        }
        if let Some(first) = event_ids.insert(&event.id, i) {
            error(
                format!("events[{i}].id"),
                format!("“{}” đã dùng cho events[{first}]", event.id),
            );
        }
        if event.title.trim().is_empty() {
            error(format!("events[{i}].title"), "trống".into());
        }
    }
    let mut service_ids: HashMap<&str, usize> = HashMap::new();
    let mut used_events: BTreeSet<&str> = BTreeSet::new();
    for (i, service) in services.services.iter().enumerate() {
        let field = |name: &str| format!("services[{i}].{name}");
        if !is_valid_id(&service.id) {
            error(
                field("id"),
                format!(
                    "“{}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
                    service.id
                ),
            );
        }
        if let Some(first) = service_ids.insert(&service.id, i) {
            error(
                field("id"),
                format!("“{}” đã dùng cho services[{first}]", service.id),
            );
        }
        if service.name.trim().is_empty() {
            error(field("name"), "trống".into());
        }
        if event_ids.contains_key(service.event.as_str()) {
            used_events.insert(&service.event);
        } else {
            let known: Vec<&str> = services.events.iter().map(|e| e.id.as_str()).collect();
            error(
                field("event"),
                format!(
                    "không có nhóm “{}”; chọn một trong: {}",
                    service.event,
                    known.join(", ")
                ),
            );
        }
        for (g, id) in service.guides.iter().enumerate() {
            if catalog.get_exact(Lang::Vi, id).is_none() {
                error(
                    format!("services[{i}].guides[{g}]"),
                    format!("không có hướng dẫn assets/guides/vi/{id}.toml"),
                );
            }
        }
        if let Some(url) = &service.url
            && let Some(problem) = url_problem(url.trim(), true)
        {
            error(field("url"), problem);
        }
        for (name, value) in [("note", &service.note), ("partial", &service.partial)] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                error(field(name), "trống (xóa dòng này nếu không cần)".into());
            }
        }
        if service.filed_by.by_residents() {
            if service.guides.is_empty() {
                error(
                    field("guides"),
                    format!(
                        "“{}” là dịch vụ người dân tự làm nên cần ít nhất một hướng dẫn, ví dụ guides = [\"dang-ky-tam-tru\"]",
                        service.name
                    ),
                );
            }
        } else {
            if service.note.is_none() {
                error(
                    field("note"),
                    "dịch vụ chỉ tổ chức làm cần một dòng ghi chú: ai làm, làm ở đâu".into(),
                );
            }
            if service.url.is_none() {
                error(
                    field("url"),
                    "dịch vụ chỉ tổ chức làm cần đường link chính thức của thủ tục".into(),
                );
            }
            if service.partial.is_some() {
                error(
                    field("partial"),
                    "chỉ dùng cho dịch vụ người dân làm có hướng dẫn chưa đủ".into(),
                );
            }
        }
    }
    for (i, event) in services.events.iter().enumerate() {
        if !used_events.contains(event.id.as_str()) && event_ids.get(event.id.as_str()) == Some(&i)
        {
            error(
                format!("events[{i}]"),
                format!("nhóm “{}” chưa có dịch vụ nào", event.title),
            );
        }
    }
    errors
}
