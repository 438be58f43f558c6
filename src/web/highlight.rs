//! Search results' text as HTML, with the visitor's words in `<mark>`. The only markup in the
//! result is ours: whatever the text or the query holds is escaped.

use std::ops::Range;

use crate::db::search::matches::Excerpt;
use crate::text::{escape, push_escaped};

/// `text` escaped, with each of `matches` (byte ranges, in order and apart) in `<mark>`.
pub fn marked(text: &str, matches: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut done = 0;
    for m in matches {
        let (Some(before), Some(word)) = (text.get(done..m.start), text.get(m.clone())) else {
            // Ranges from another text: the rest is shown unmarked rather than cut.
            break;
        };
        before.chars().for_each(|c| push_escaped(c, &mut out));
        out.push_str("<mark>");
        word.chars().for_each(|c| push_escaped(c, &mut out));
        out.push_str("</mark>");
        done = m.end;
    }
    out.push_str(&escape(text.get(done..).unwrap_or_default()));
    out
}

/// An excerpt as HTML: marked, with an ellipsis where text was left out.
pub fn excerpt(e: &Excerpt) -> String {
    let mut out = String::new();
    if e.cut_before {
        out.push('…');
    }
    out.push_str(&marked(&e.text, &e.matches));
    if e.cut_after {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::search::matches::find_matches;

    fn highlight(text: &str, terms: &[String]) -> String {
        marked(text, &find_matches(text, terms))
    }

    #[test]
    fn highlighting_escapes_everything_but_its_own_marks() {
        for (text, term, html) in [
            (
                "<b>Pyongyang</b> & co",
                "pyong",
                "&lt;b&gt;<mark>Pyong</mark>yang&lt;/b&gt; &amp; co",
            ),
            ("Обелиск", "обел", "<mark>Обел</mark>иск"),
            ("a banana", "a", "<mark>a</mark> banana"),
            ("조국해방의 날", "해방", "조국<mark>해방</mark>의 날"),
        ] {
            assert_eq!(highlight(text, &[term.to_string()]), html);
        }
    }
}
