//! End-to-end tests: the whole suite in headless Chromium, the engine-neutral
//! journeys (`engines.rs`) in Firefox and WebKit too. Run them with `cargo xtask test`.

mod cccd;
mod content;
mod engines;
mod guides;
mod hall;
mod hosting;
mod player;
mod poster;
mod practice;
mod pwa;
mod scan;
mod scanner;
mod shell;
mod team;
mod trust;
mod trust_links;
