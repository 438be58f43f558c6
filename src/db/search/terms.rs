//! Words as the search index and a visitor's query see them, shared by indexing and querying.
//! Text is indexed with SQLite FTS5's `unicode61` tokenizer, which splits Latin and Cyrillic
//! into words; runs of Korean, Chinese and Japanese characters, which have no spaces between
//! words, are indexed as overlapping two-character pieces (bigrams), so that a two-character
//! name is found inside a longer one.

use std::borrow::Cow;

/// Hangul, CJK ideographs, kana: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Text as the index holds it: CJK runs become space-separated overlapping bigrams.
pub fn index_text(text: &str) -> Cow<'_, str> {
    // Most text has no CJK at all: it is indexed as it is, without a copy.
    if !text.chars().any(is_cjk) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            push_bigrams(&mut run, &mut out);
            out.push(c);
        }
    }
    push_bigrams(&mut run, &mut out);
    Cow::Owned(out)
}

/// Writes a run of CJK characters as its bigrams (a lone character as itself) and empties it.
fn push_bigrams(run: &mut Vec<char>, out: &mut String) {
    match run.len() {
        0 => {}
        1 => {
            out.push(' ');
            out.push(run[0]);
            out.push(' ');
        }
        _ => {
            for pair in run.windows(2) {
                out.push(' ');
                out.push(pair[0]);
                out.push(pair[1]);
            }
            out.push(' ');
        }
    }
    run.clear();
}

/// The words of a query: letters and digits of any script; everything else separates words.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_runs_become_bigrams() {
        assert_eq!(
            index_text("해방탑 monument")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["해방", "방탑", "monument"]
        );
        assert_eq!(
            index_text("纪念碑").split_whitespace().collect::<Vec<_>>(),
            ["纪念", "念碑"]
        );
        assert_eq!(index_text("碑").trim(), "碑");
    }
}
