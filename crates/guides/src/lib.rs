//! The guides of Sổ tay Công dân số as data.
//!
//! A guide is one TOML file per language under `assets/guides/{vi,en}/<id>.toml` (format in
//! `assets/guides/README.md`). This crate holds:
//!
//! - the data types ([`Guide`], [`Step`], [`Catalog`], …), serde-ready with the TOML field names,
//!   so the app can embed the whole catalog as JSON generated at build time;
//! - the content rules ([`validate`]) with Vietnamese messages that name file, field and problem;
//! - search that ignores Vietnamese diacritics and case and knows common synonyms ([`search`]);
//! - the “Tôi cần làm gì?” questionnaire ([`QUESTIONS`], [`recommend`]);
//! - the essential public services and the guides that cover them ([`Services`],
//!   [`validate_services`]; data in `assets/services.toml`);
//! - how old a guide's review is ([`review_age`]);
//! - with the `load` feature, reading the files from disk ([`load_dir`], [`parse_guide`],
//!   [`check_services`]).
//!
//! Without `load` it has no I/O and reads no clock ("today" is always a parameter), so it builds
//! for `wasm32-unknown-unknown`.
//!
//! # Example
//!
//! ```
//! use sotay_guides::{Answers, Lang, QuestionId, recommend};
//!
//! // “I have a chip card, no account yet”: register level 2 at the commune police first.
//! let mut answers = Answers::default();
//! assert!(answers.set(QuestionId::ChipCard, "yes"));
//! assert!(answers.set(QuestionId::Account, "none"));
//! let first = &recommend(&answers)[0];
//! assert_eq!(first.guide_id, "dang-ky-tai-khoan-muc-2");
//! assert!(first.reason.get(Lang::Vi).contains("công an xã/phường"));
//! ```

pub mod fold;
#[cfg(feature = "load")]
mod load;
mod model;
mod questionnaire;
mod report;
mod review;
mod search;
mod services;
mod validate;

#[cfg(feature = "load")]
pub use load::{
    ContentReport, LoadErrors, check_dir, check_services, load_dir, parse_guide, parse_services,
};
pub use model::{
    Catalog, Category, Guide, Lang, Link, Problem, Source, Step, is_homepage_url, key_steps,
};
pub use questionnaire::{
    AccountStatus, AnswerOption, Answers, GOALS, Goal, QUESTIONS, Question, QuestionId,
    Recommendation, recommend,
};
pub use report::{ReportInput, render_report, steps_without_source};
pub use review::{REVIEW_DUE_MONTHS, ReviewAge, STALE_MONTHS, review_age};
pub use search::{MatchField, SearchHit, search};
pub use services::{
    Coverage, FiledBy, LifeEvent, SERVICES_PATH, Service, Services, validate_services,
};
pub use sotay_date::{Date, DateError};
pub use validate::{
    ContentError, ContentWarning, OFFICIAL_DOMAINS, guide_path, is_official_host, is_official_url,
    is_valid_id, validate,
};
