//! The stylesheet and the icon, compiled into the binary, and the names they are served under:
//! each name changes with the content, so browsers may cache the file for a year. Templates need
//! only the names; the handlers that send the files are in `asset_handlers`.

use std::sync::LazyLock;

use super::fingerprint::fnv1a;

pub const STYLESHEET: &str = include_str!("../../static/style.css");

pub const STYLESHEET_ROUTE: &str = "/assets/style.{hash}.css";

pub const ICON: &str = include_str!("../../static/icon.svg");

pub const ICON_ROUTE: &str = "/assets/icon.{hash}.svg";

static ICON_PATH: LazyLock<String> =
    LazyLock::new(|| format!("/assets/icon.{}.svg", fingerprint(ICON)));

pub fn icon_path() -> &'static str {
    ICON_PATH.as_str()
}

static STYLESHEET_PATH: LazyLock<String> =
    LazyLock::new(|| format!("/assets/style.{}.css", fingerprint(STYLESHEET)));

pub fn stylesheet_path() -> &'static str {
    STYLESHEET_PATH.as_str()
}

fn fingerprint(s: &str) -> String {
    format!("{:012x}", fnv1a(s.as_bytes()) & 0xffff_ffff_ffff)
}
