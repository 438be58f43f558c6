//! The escapers of the templates that are not HTML (see `askama.toml`): XML and SVG, and
//! iCalendar text. Every value such a template prints passes through one of these.

use std::fmt::{self, Write};

use askama::filters::Escaper;

/// Markup characters as named entities, as `crate::text::escape` writes them, for element
/// content and quoted attribute values of XML and SVG.
#[derive(Debug, Clone, Copy, Default)]
pub struct Xml;

impl Escaper for Xml {
    fn write_escaped_str<W: Write>(&self, dest: W, string: &str) -> fmt::Result {
        write_replaced(dest, string, |c| match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '"' => Some("&quot;"),
            '\'' => Some("&#39;"),
            _ => None,
        })
    }
}

/// TEXT values of iCalendar (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks are
/// escaped; a carriage return is dropped.
#[derive(Debug, Clone, Copy, Default)]
pub struct IcalText;

impl Escaper for IcalText {
    fn write_escaped_str<W: Write>(&self, dest: W, string: &str) -> fmt::Result {
        write_replaced(dest, string, |c| match c {
            '\\' => Some("\\\\"),
            ';' => Some("\\;"),
            ',' => Some("\\,"),
            '\n' => Some("\\n"),
            '\r' => Some(""),
            _ => None,
        })
    }
}

/// Writes `s` with each character that `replace` names replaced, copying the runs between them
/// whole. Every replaced character is ASCII, so a run ends one byte past it.
fn write_replaced(
    mut dest: impl Write,
    s: &str,
    replace: impl Fn(char) -> Option<&'static str>,
) -> fmt::Result {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if let Some(r) = replace(c) {
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
