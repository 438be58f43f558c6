//! Markdown bodies to safe HTML: CommonMark with tables, footnotes and strikethrough, stable heading
//! ids, footnotes collected at the end with back-links, and raw HTML sanitised by an allowlist.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::model::Body;

/// Ids the page templates use; a heading never takes one of them.
const RESERVED_IDS: &[&str] = &[
    "main",
    "top",
    "content",
    "facts",
    "sources",
    "notes",
    "search",
    "site-header",
    "site-footer",
];

pub fn render(markdown: &str) -> Body {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();

    // The page's title is its only h1: a body that uses `#` is shifted down one level.
    let shift = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });

    let mut used_ids: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut footnote_numbers: HashMap<String, usize> = HashMap::new();
    let mut footnote_bodies: HashMap<String, Vec<Event>> = HashMap::new();
    let mut footnote_uses: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut text = String::new();
    let mut in_footnote: Option<String> = None;

    let mut i = 0;
    while i < events.len() {
        let event = events[i].clone();
        i += 1;
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                in_footnote = Some(label.to_string());
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                in_footnote = None;
                continue;
            }
            _ => {}
        }
        if let Some(label) = &in_footnote {
            if let Event::Text(t) | Event::Code(t) = &event {
                push_text(&mut text, t);
            }
            footnote_bodies
                .entry(label.clone())
                .or_default()
                .push(event);
            continue;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                // Gather the heading's text to derive its id.
                let mut heading_text = String::new();
                let mut j = i;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        heading_text.push_str(t);
                    }
                    j += 1;
                }
                let id = unique_id(&slugify(&heading_text), &mut used_ids);
                let level = if shift { deeper(level) } else { level };
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(if shift {
                    deeper(level)
                } else {
                    level
                })));
                text.push('\n');
            }
            Event::FootnoteReference(label) => {
                let next = footnote_numbers.len() + 1;
                let n = *footnote_numbers.entry(label.to_string()).or_insert(next);
                let id = slugify(&label);
                // A note cited more than once gets one id per citation; the back-link goes to the first.
                let uses = footnote_uses.entry(label.to_string()).or_insert(0);
                *uses += 1;
                let ref_id = if *uses == 1 {
                    format!("fnref-{id}")
                } else {
                    format!("fnref-{id}-{uses}")
                };
                out.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"{ref_id}\">{n}</a></sup>"
                ))));
            }
            Event::Text(t) | Event::Code(t) => {
                push_text(&mut text, &t);
                out.push(events[i - 1].clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                out.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                text.push(' ');
                out.push(event);
            }
            other => out.push(other),
        }
    }

    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, out.into_iter());

    if !footnote_numbers.is_empty() {
        let mut notes: Vec<(&String, &usize)> = footnote_numbers.iter().collect();
        notes.sort_by_key(|(_, n)| **n);
        raw.push_str("<section class=\"footnotes\" aria-label=\"Notes\"><ol>");
        for (label, _) in notes {
            let id = slugify(label);
            raw.push_str(&format!("<li id=\"fn-{id}\">"));
            if let Some(body) = footnote_bodies.remove(label.as_str()) {
                html::push_html(&mut raw, body.into_iter());
            }
            raw.push_str(&format!(
                " <a href=\"#fnref-{id}\" class=\"footnote-back\" aria-label=\"Back to the text\">↩</a></li>"
            ));
        }
        raw.push_str("</ol></section>");
    }

    // Table alignment as classes: the site's Content-Security-Policy refuses inline styles.
    // (Most bodies have no aligned table: three copies of each would be wasted.)
    let raw = if raw.contains(" style=\"text-align: ") {
        raw.replace(" style=\"text-align: left\"", " class=\"align-left\"")
            .replace(" style=\"text-align: center\"", " class=\"align-center\"")
            .replace(" style=\"text-align: right\"", " class=\"align-right\"")
    } else {
        raw
    };
    Body {
        html: sanitize(&raw),
        text: collapse_spaces(&text),
    }
}

fn push_text(text: &mut String, t: &str) {
    text.push_str(t);
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn deeper(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Lower-case ASCII letters and digits joined by hyphens; other scripts are kept as they are.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    // Heading anchors and footnotes need ids and a few classes; nothing else is added.
    let classes =
        |tag: &'static str, names: &[&'static str]| (tag, names.iter().copied().collect());
    b.add_generic_attributes(["id"])
        .add_tags(["section"])
        .add_tag_attributes("section", ["aria-label"])
        .add_tag_attributes("a", ["aria-label"])
        .allowed_classes(
            [
                classes("section", &["footnotes"]),
                classes("sup", &["footnote-ref"]),
                classes("a", &["footnote-back"]),
                classes("td", &["align-left", "align-center", "align-right"]),
                classes("th", &["align-left", "align-center", "align-right"]),
            ]
            .into_iter()
            .collect(),
        )
        .link_rel(Some("noopener noreferrer"));
    b
});

/// Removes everything unsafe from HTML: scripts, handlers, `javascript:` and `data:` URLs.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_stable_unique_ids_and_shift_below_the_title() {
        let b = render("# History\n\ntext\n\n## History\n\n## Main\n");
        assert!(
            b.html.contains("<h2 id=\"history\">History</h2>"),
            "{}",
            b.html
        );
        assert!(b.html.contains("<h3 id=\"history-2\">"), "{}", b.html);
        assert!(b.html.contains("<h3 id=\"main-2\">"), "{}", b.html);
    }

    #[test]
    fn footnotes_link_both_ways_after_sanitising() {
        let b = render("Text.[^a]\n\n[^a]: The note.\n");
        assert!(b.html.contains("href=\"#fn-a\""), "{}", b.html);
        assert!(b.html.contains("id=\"fn-a\""), "{}", b.html);
        assert!(b.html.contains("href=\"#fnref-a\""), "{}", b.html);
        assert!(b.text.contains("The note."));
    }

    #[test]
    fn raw_html_is_neutralised() {
        let b = render(
            "<script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a><img src=x onerror=alert(1)>",
        );
        assert!(!b.html.contains("<script"));
        assert!(!b.html.contains("javascript:"));
        assert!(!b.html.contains("onclick"));
        assert!(!b.html.contains("onerror"));
    }

    #[test]
    fn a_note_cited_twice_has_unique_ids_and_tables_align_by_class() {
        let b = render("One.[^a] Two.[^a]\n\n[^a]: Note.\n\n| x | y |\n|:-:|--:|\n| 1 | 2 |\n");
        assert!(
            b.html.contains("id=\"fnref-a\"") && b.html.contains("id=\"fnref-a-2\""),
            "{}",
            b.html
        );
        assert!(
            b.html.contains("<th class=\"align-center\">x</th>"),
            "{}",
            b.html
        );
        assert!(
            b.html.contains("<td class=\"align-right\">2</td>"),
            "{}",
            b.html
        );
        assert!(!b.html.contains("style="), "{}", b.html);
        assert!(
            !render("<p class=\"evil\" style=\"color:red\">x</p>")
                .html
                .contains("evil")
        );
    }

    #[test]
    fn tables_and_strikethrough() {
        let b = render("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~\n");
        assert!(b.html.contains("<table>"));
        assert!(b.html.contains("<del>old</del>"));
        assert_eq!(b.text, "a b 1 2 old");
    }
}
