//! Memorial Atlas: a register of war memorial sites built from Markdown files.
//!
//! - [`content`] reads and checks the editors' files;
//! - [`db`] builds the SQLite database from them and holds every SQL query;
//! - [`web`] serves the pages;
//! - [`cli`] ties them together as commands.

pub mod cli;
pub mod content;
pub mod db;
pub mod i18n;
pub mod lang;
pub mod logging;
pub mod rebuild;
pub mod scaffold;
pub mod text;
pub mod urls;
pub mod watch;
pub mod web;
