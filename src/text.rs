//! Plain-text helpers: escaping text for HTML and XML where markup is written outside a
//! template (the search results' `<mark>`s; the XML and SVG templates' escaper matches it), and
//! shortening text for descriptions.

/// Appends `c` to `out`, escaped for element content and quoted attribute values.
pub fn push_escaped(c: char, out: &mut String) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// `s` escaped for HTML or XML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        push_escaped(c, &mut out);
    }
    out
}

/// At most `max` characters, cut at a word boundary, with an ellipsis when cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// A site page's title: the site's name, and its town where the name does not already say it.
pub fn site_title(title: &str, locality: &str) -> String {
    if title.to_lowercase().contains(&locality.to_lowercase()) {
        title.to_string()
    } else {
        format!("{title}, {locality}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            super::escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
