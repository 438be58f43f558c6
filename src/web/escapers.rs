//! The escapers of the templates that are not HTML (see `askama.toml`): XML and SVG, and
//! iCalendar text. Every value such a template prints passes through one of these.

use std::fmt::{self, Write};

use askama::filters::Escaper;

/// An escaper that replaces each character its table names, and copies the rest.
macro_rules! table_escaper {
    ($(#[$doc:meta])* $name:ident, $table:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl Escaper for $name {
            fn write_escaped_str<W: Write>(&self, dest: W, string: &str) -> fmt::Result {
                write_replaced(dest, string, $table)
            }
        }
    };
}

table_escaper!(
    /// Markup characters as named entities, as `crate::text::escape` writes them, for element
    /// content and quoted attribute values of XML and SVG.
    Xml,
    &[('&', "&amp;"), ('<', "&lt;"), ('>', "&gt;"), ('"', "&quot;"), ('\'', "&#39;")]
);

table_escaper!(
    /// TEXT values of iCalendar (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks
    /// are escaped; a carriage return is dropped.
    IcalText,
    &[('\\', "\\\\"), (';', "\\;"), (',', "\\,"), ('\n', "\\n"), ('\r', "")]
);

/// Writes `s` with each character that `table` names replaced, copying the runs between them
/// whole. Letters and digits, most of any text, skip the table.
fn write_replaced(mut dest: impl Write, s: &str, table: &[(char, &str)]) -> fmt::Result {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            continue;
        }
        if let Some((_, r)) = table.iter().find(|(k, _)| *k == c) {
            dest.write_str(&s[start..i])?;
            dest.write_str(r)?;
            start = i + c.len_utf8();
        }
    }
    dest.write_str(&s[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(e: impl Escaper, s: &str) -> String {
        let mut out = String::new();
        e.write_escaped_str(&mut out, s)
            .expect("writing to a String");
        out
    }

    #[test]
    fn xml_escapes_as_the_hand_made_markup_did() {
        let s = "<a href=\"x\">'&'</a> 기념비";
        assert_eq!(escaped(Xml, s), crate::text::escape(s));
    }

    #[test]
    fn ical_text_escapes_separators_and_line_breaks() {
        assert_eq!(escaped(IcalText, "a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        assert_eq!(escaped(IcalText, "a, b; c\\d\r\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
