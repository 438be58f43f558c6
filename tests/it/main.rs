//! The integration suite: one binary, one module per area. Every test drives the real app (or the
//! real command) with a database built from the fixture content under `tests/fixtures/`.

mod architecture;
mod browse;
mod content_errors;
mod crash;
mod editing;
mod exports;
mod feeds;
mod history;
mod languages;
mod live;
mod machine;
mod pages;
mod real_content;
mod search;
mod security;
mod server;
mod sitemap_parts;
mod snapshots;
mod support;
