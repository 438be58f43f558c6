//! Markdown bodies to safe HTML: CommonMark with tables, footnotes and strikethrough, stable heading
//! ids, footnotes collected at the end with back-links, and raw HTML sanitised by an allowlist.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::error::ContentError;
use super::model::{Body, MarkdownFile};
use super::source::SourceFile;

/// Ids the page templates use; a heading never takes one of them.
const RESERVED_IDS: &[&str] = &[
    "main",
    "top",
    "content",
    "facts",
    "sources",
    "notes",
    "nearby",
    "site-history",
    "search",
    "site-header",
    "site-footer",
];

/// Reads an entry's body from its file and renders it: the one way every kind of entry is
/// rendered, when the database is written.
pub fn render(body: &MarkdownFile) -> Result<Body, Box<ContentError>> {
    let src = SourceFile::read(&body.path, body.display_path.clone())?;
    Ok(to_body_citing(src.body(), &body.source_ids))
}

/// Renders Markdown text that cites no source.
pub fn to_body(markdown: &str) -> Body {
    to_body_citing(markdown, &[])
}

/// Renders Markdown text: pulldown-cmark's events, rewritten a pass at a time, then sanitised.
/// `[^id]` where `id` is one of `sources` (the entry's source ids, in the order of its list)
/// becomes a numbered link to that source.
pub fn to_body_citing(markdown: &str, sources: &[Option<String>]) -> Body {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // A reference is a footnote only where a definition exists: each cited source gets one,
    // which is dropped again below.
    let cited: Vec<&str> = sources
        .iter()
        .flatten()
        .filter(|id| markdown.contains(&format!("[^{id}]")))
        .map(String::as_str)
        .collect();
    let with_definitions;
    let markdown = if cited.is_empty() {
        markdown
    } else {
        let defs: String = cited
            .iter()
            .map(|id| format!("\n\n[^{id}]: source\n"))
            .collect();
        with_definitions = format!("{markdown}\n{defs}");
        with_definitions.as_str()
    };
    let events: Vec<Event> = drop_definitions(Parser::new_ext(markdown, options), &cited);
    let text = plain_text(&events);
    // The page's title is its only h1: a body that uses `#` anywhere (a note too) is shifted
    // down one level.
    let shift = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let (mut events, notes) = take_footnote_definitions(events);
    add_heading_ids(&mut events, shift);
    let cited = link_footnote_references(&mut events, sources);

    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    push_footnotes(&mut raw, &cited, notes);
    Body {
        html: sanitize(&alignment_as_classes(raw)),
        text: collapse_spaces(&text),
    }
}

/// The words of a body for search and descriptions: blocks and breaks become spaces, headings end
/// a line. A footnote's words stand where it is defined, without those separators.
fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    let mut in_footnote = false;
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote = true,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = false,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ if in_footnote => {}
            Event::End(TagEnd::Heading(_)) => text.push('\n'),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The events without the definitions of the labels in `drop`.
fn drop_definitions<'a>(events: impl Iterator<Item = Event<'a>>, drop: &[&str]) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut dropping = false;
    for event in events {
        match &event {
            Event::Start(Tag::FootnoteDefinition(label)) if drop.contains(&label.as_ref()) => {
                dropping = true
            }
            Event::End(TagEnd::FootnoteDefinition) if dropping => dropping = false,
            _ if dropping => {}
            _ => out.push(event),
        }
    }
    out
}

/// Footnote definitions out of the text, by label: they are written at the end instead.
fn take_footnote_definitions(events: Vec<Event>) -> (Vec<Event>, HashMap<String, Vec<Event>>) {
    let mut main = Vec::with_capacity(events.len());
    let mut notes: HashMap<String, Vec<Event>> = HashMap::new();
    let mut in_footnote: Option<String> = None;
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => in_footnote = Some(label.to_string()),
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = None,
            event => match &in_footnote {
                Some(label) => notes.entry(label.clone()).or_default().push(event),
                None => main.push(event),
            },
        }
    }
    (main, notes)
}

/// Gives every heading a unique id from its text, and moves it one level down where `shift`.
fn add_heading_ids(events: &mut [Event], shift: bool) {
    let level_of = |level| if shift { deeper(level) } else { level };
    let mut used_ids: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    for i in 0..events.len() {
        match &mut events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let new_level = level_of(*level);
                let text = heading_text(&events[i + 1..]);
                let id = unique_id(&slugify(&text), &mut used_ids);
                if let Event::Start(Tag::Heading {
                    level, id: slot, ..
                }) = &mut events[i]
                {
                    *level = new_level;
                    *slot = Some(CowStr::from(id));
                }
            }
            Event::End(TagEnd::Heading(level)) => *level = level_of(*level),
            _ => {}
        }
    }
}

/// The text of the heading whose events start at `events[0]`.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// Replaces each footnote reference by a numbered link to its note, and returns the labels cited,
/// in the order of their numbers. A note cited more than once gets one id per citation; the
/// back-link goes to the first.
fn link_footnote_references(events: &mut [Event], sources: &[Option<String>]) -> Vec<String> {
    let mut cited: Vec<String> = Vec::new();
    let mut uses: HashMap<String, usize> = HashMap::new();
    for event in events.iter_mut() {
        let Event::FootnoteReference(label) = event else {
            continue;
        };
        if let Some(i) = sources
            .iter()
            .position(|s| s.as_deref() == Some(label.as_ref()))
        {
            let count = uses.entry(format!("source:{label}")).or_insert(0);
            *count += 1;
            *event = Event::Html(CowStr::from(citation(label, i + 1, *count)));
            continue;
        }
        let n = match cited.iter().position(|c| c == label.as_ref()) {
            Some(i) => i + 1,
            None => {
                cited.push(label.to_string());
                cited.len()
            }
        };
        let id = slugify(label);
        let count = uses.entry(label.to_string()).or_insert(0);
        *count += 1;
        let ref_id = if *count == 1 {
            format!("fnref-{id}")
        } else {
            format!("fnref-{id}-{count}")
        };
        *event = Event::Html(CowStr::from(format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"{ref_id}\">{n}</a></sup>"
        )));
    }
    cited
}

/// A citation of source number `n` (its place in the list of sources), the `use`th in the body:
/// a link to the source, whose first citation the source links back to. Screen readers say
/// "source 2".
pub fn citation(id: &str, n: usize, use_: usize) -> String {
    let anchor = if use_ == 1 {
        format!("cite-{id}")
    } else {
        format!("cite-{id}-{use_}")
    };
    format!(
        "<sup class=\"citation\"><a href=\"#source-{id}\" id=\"{anchor}\" aria-label=\"source {n}\">[{n}]</a></sup>"
    )
}

/// The notes section: each cited note, in the order of its number, with a link back.
fn push_footnotes(raw: &mut String, cited: &[String], mut notes: HashMap<String, Vec<Event>>) {
    if cited.is_empty() {
        return;
    }
    raw.push_str("<section class=\"footnotes\" aria-label=\"Notes\"><ol>");
    for label in cited {
        let id = slugify(label);
        raw.push_str(&format!("<li id=\"fn-{id}\">"));
        if let Some(body) = notes.remove(label.as_str()) {
            html::push_html(raw, body.into_iter());
        }
        raw.push_str(&format!(
            " <a href=\"#fnref-{id}\" class=\"footnote-back\" aria-label=\"Back to the text\">↩</a></li>"
        ));
    }
    raw.push_str("</ol></section>");
}

/// Table alignment as classes: the site's Content-Security-Policy refuses inline styles.
fn alignment_as_classes(raw: String) -> String {
    // Most bodies have no aligned table: three copies of each would be wasted.
    if !raw.contains(" style=\"text-align: ") {
        return raw;
    }
    raw.replace(" style=\"text-align: left\"", " class=\"align-left\"")
        .replace(" style=\"text-align: center\"", " class=\"align-center\"")
        .replace(" style=\"text-align: right\"", " class=\"align-right\"")
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
                classes("sup", &["footnote-ref", "citation"]),
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
        let b = to_body("# History\n\ntext\n\n## History\n\n## Main\n");
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
        let b = to_body("Text.[^a]\n\n[^a]: The note.\n");
        assert!(b.html.contains("href=\"#fn-a\""), "{}", b.html);
        assert!(b.html.contains("id=\"fn-a\""), "{}", b.html);
        assert!(b.html.contains("href=\"#fnref-a\""), "{}", b.html);
        assert!(b.text.contains("The note."));
    }

    #[test]
    fn raw_html_is_neutralised_and_the_safe_rest_kept() {
        let b = to_body(
            "<script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a><img src=x onerror=alert(1)>",
        );
        assert!(!b.html.contains("<script"));
        assert!(!b.html.contains("javascript:"));
        assert!(!b.html.contains("onclick"));
        assert!(!b.html.contains("onerror"));
        // What is safe stays: the link's text and the image, without their dangerous attributes.
        assert_eq!(
            b.html, "<a rel=\"noopener noreferrer\">x</a><img src=\"x\">",
            "{}",
            b.html
        );
    }

    #[test]
    fn a_note_cited_twice_has_unique_ids_and_tables_align_by_class() {
        let b = to_body("One.[^a] Two.[^a]\n\n[^a]: Note.\n\n| x | y |\n|:-:|--:|\n| 1 | 2 |\n");
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
            !to_body("<p class=\"evil\" style=\"color:red\">x</p>")
                .html
                .contains("evil")
        );
    }

    #[test]
    fn tables_and_strikethrough() {
        let b = to_body("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~\n");
        assert!(b.html.contains("<table>"));
        assert!(b.html.contains("<del>old</del>"));
        assert_eq!(b.text, "a b 1 2 old");
    }
}
