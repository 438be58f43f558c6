//! Where a visitor's words stand in a result's text, as plain byte ranges: the web layer marks
//! them up. Words match as the index matches them: Latin and Cyrillic words from their start,
//! CJK anywhere.

use std::ops::Range;

use super::terms::is_cjk;

/// A short extract of a longer text, with the places its words match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    pub text: String,
    /// Byte ranges of `text`, in order and apart.
    pub matches: Vec<Range<usize>>,
    /// Whether text was left out before and after the extract.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The byte ranges of `text` that hold a term, in order; touching and overlapping matches are
/// joined into one range.
pub fn find_matches(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let lower: Vec<char> = chars
        .iter()
        .map(|(_, c)| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > lower.len() {
            continue;
        }
        let anywhere = t.iter().all(|c| is_cjk(*c));
        for start in 0..=lower.len() - t.len() {
            let at_word_start =
                start == 0 || !lower[start - 1].is_alphanumeric() || is_cjk(lower[start - 1]);
            if (anywhere || at_word_start) && lower[start..start + t.len()] == t[..] {
                marked[start..start + t.len()].fill(true);
            }
        }
    }
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, m) in marked.iter().enumerate() {
        match (m, open) {
            (true, None) => open = Some(i),
            (false, Some(start)) => {
                ranges.push(byte_at(start)..byte_at(i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push(byte_at(start)..text.len());
    }
    ranges
}

/// About `width` characters of `text` around the first term it holds (its start when it holds
/// none), cut at word boundaries where there are any.
pub fn excerpt(text: &str, terms: &[String], width: usize) -> Excerpt {
    let chars: Vec<char> = text.chars().collect();
    let lower: String = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let first = terms
        .iter()
        .filter_map(|t| {
            lower
                .find(t.as_str())
                .map(|byte| lower[..byte].chars().count())
        })
        .min()
        .unwrap_or(0);
    let start = first.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let mut s = start;
    if s > 0 {
        while s < first && !chars[s - 1].is_whitespace() {
            s += 1;
        }
    }
    let mut e = end;
    if e < chars.len() {
        while e > first && !chars[e].is_whitespace() {
            e -= 1;
        }
        if e <= first {
            e = end;
        }
    }
    let piece: String = chars[s..e].iter().collect();
    let text = piece.trim().to_string();
    Excerpt {
        matches: find_matches(&text, terms),
        text,
        cut_before: s > 0,
        cut_after: e < chars.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'t>(text: &'t str, term: &str) -> Vec<&'t str> {
        find_matches(text, &[term.to_string()])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn words_match_from_their_start_and_cjk_anywhere() {
        assert_eq!(marked("<b>Pyongyang</b> & co", "pyong"), ["Pyong"]);
        assert_eq!(marked("Обелиск", "обел"), ["Обел"]);
        assert_eq!(marked("a banana", "a"), ["a"]);
        assert_eq!(marked("조국해방의 날", "해방"), ["해방"]);
    }

    #[test]
    fn an_excerpt_starts_near_the_first_match() {
        let text = "word ".repeat(100) + "Pyongyang " + &"end ".repeat(100);
        let e = excerpt(&text, &["pyongyang".into()], 60);
        assert!(e.cut_before && e.cut_after);
        assert_eq!(e.matches.len(), 1);
        assert_eq!(&e.text[e.matches[0].clone()], "Pyongyang");
    }
}
