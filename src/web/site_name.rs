//! The site's own name, in page titles and in the structured data given to search engines.

pub const SITE_NAME: &str = "Memorial Atlas";
