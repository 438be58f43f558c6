//! What a site's file says about itself across its fields: the sources' ids, the events, the
//! position's source and the citations in its body must name one another, and the events must
//! agree with `established`, `removed` and `status`.

use std::borrow::Cow;
use std::collections::HashSet;

use super::Warnings;
use super::error::{ContentError, did_you_mean};
use super::fields::Fields;
use super::model::{ESTABLISHING_EVENTS, EVENT_KINDS, PartialDate, Positioned, SiteEvent};

/// A source's `id` where it has one, and where the source's `[[sources]]` entry is written.
pub struct SourceAt {
    pub id: Option<Positioned<String>>,
    pub line: usize,
    pub column: usize,
}

/// An event with where it is written, and where its `source` is.
pub struct EventAt {
    pub event: SiteEvent,
    pub line: usize,
    pub column: usize,
    pub source: Positioned<String>,
}

/// The `[[events]]` entries, in file order.
pub fn events(f: &mut Fields) -> Vec<EventAt> {
    let mut out = Vec::new();
    for (i, (t, off)) in f.tables("events").into_iter().enumerate() {
        let (line, column) = f.locate(off);
        let mut e = f.nested(t, off, format!("events[{}].", i + 1));
        if e.get("date").is_none() {
            e.missing(
                "date",
                "a date in quotes such as \"1947\" or \"1947-08-15\"",
            );
        }
        let date = e.opt_partial_date("date");
        let what = e.one_of("what", EVENT_KINDS, true);
        let note = e.opt_string("note");
        if note.as_deref().is_some_and(|n| n.contains('\n')) {
            let at = e.offset("note");
            e.report(
                at,
                "note",
                "must be one line: the body tells the longer story",
            );
        }
        let source = e.req_positioned("source", "the id of the source that gives this event");
        e.finish();
        if let (Some(date), Some(what), Some(source)) = (date, what, source) {
            let event = SiteEvent {
                date,
                what: what.to_string(),
                note,
                source: source.value.clone(),
            };
            out.push(EventAt {
                event,
                line,
                column,
                source,
            });
        }
    }
    out
}

/// The facts of one site that its events must agree with.
pub struct Claims<'a> {
    pub established: Option<PartialDate>,
    pub removed: Option<PartialDate>,
    pub status: &'a str,
}

/// Checks every reference to a source id in the file, and the events against the claims.
/// Returns the warnings: each source that nothing cites.
pub fn check(
    f: &mut Fields,
    ids: &[SourceAt],
    events: &[EventAt],
    coordinates_source: Option<&Positioned<String>>,
    claims: &Claims,
    warn: Warnings,
) -> Vec<ContentError> {
    unique_ids(f, ids);
    let known: Vec<&str> = ids
        .iter()
        .filter_map(|s| s.id.as_ref())
        .map(|p| p.value.as_str())
        .collect();
    let mut cited: HashSet<String> = HashSet::new();
    let mut refer = |f: &mut Fields, field: &str, p: &Positioned<String>| {
        if known.contains(&p.value.as_str()) {
            cited.insert(p.value.clone());
        } else {
            let e = unknown_id(f, &known, p, format!("field `{field}`: "));
            f.push(e);
        }
    };
    if let Some(c) = coordinates_source {
        refer(f, "coordinates_source", c);
    }
    for e in events {
        refer(f, "source", &e.source);
    }
    body_citations(f, &known, &mut cited);
    timeline(f, events, claims);
    match warn {
        Warnings::Collect => uncited(f, ids, &cited),
        Warnings::Skip => Vec::new(),
    }
}

/// Two sources of one file may not share an id.
fn unique_ids(f: &mut Fields, ids: &[SourceAt]) {
    let mut seen: HashSet<&str> = HashSet::new();
    for id in ids.iter().filter_map(|s| s.id.as_ref()) {
        if !seen.insert(&id.value) {
            let msg = format!(
                "the source id `{}` is used twice: each source of a file needs its own id",
                id.value
            );
            f.report_at(id.line, id.column, msg);
        }
    }
}

fn unknown_id(f: &Fields, known: &[&str], p: &Positioned<String>, prefix: String) -> ContentError {
    let ids = if known.is_empty() {
        "no source of this file has an id: give one an `id`".to_string()
    } else {
        format!("the ids there are: {}", known.join(", "))
    };
    let msg = format!("{prefix}no source has the id `{}` ({ids})", p.value);
    ContentError::new(&f.source_file().display_path, msg)
        .at(p.line, p.column)
        .hint(did_you_mean(&p.value, known.iter().copied()))
}

/// `[^id]` in the body cites a source; a footnote definition may not take a source's id, and a
/// reference must name a source or a footnote of the body.
fn body_citations(f: &mut Fields, known: &[&str], cited: &mut HashSet<String>) {
    let src = f.source_file();
    let body = src.body();
    // Most bodies cite nothing: one scan for the marker spares them the rest.
    if !body.contains("[^") {
        return;
    }
    let marks = footnote_marks(body);
    let defined: HashSet<&str> = marks
        .iter()
        .filter(|m| m.definition)
        .map(|m| m.label)
        .collect();
    for m in &marks {
        let (line, column) = src.position(src.body_start + m.offset);
        let at = Positioned {
            value: m.label.to_string(),
            line,
            column,
        };
        let is_source = known.contains(&m.label);
        if m.definition && is_source {
            let msg = format!(
                "the footnote `[^{0}]:` has the id of a source: `[^{0}]` cites that source and needs no definition; remove the definition or give the note another label",
                m.label
            );
            f.report_at(line, column, msg);
        } else if !m.definition && is_source {
            cited.insert(m.label.to_string());
        } else if !m.definition && !defined.contains(m.label) {
            let e = unknown_id(f, known, &at, format!("the citation `[^{}]`: ", m.label));
            f.push(e);
        }
    }
}

/// One `[^label]` in a body: a reference, or the start of a definition (`[^label]:`).
struct Mark<'a> {
    label: &'a str,
    offset: usize,
    definition: bool,
}

/// Every footnote reference and definition of a Markdown body, outside code.
fn footnote_marks(body: &str) -> Vec<Mark<'_>> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let opener = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        match (fence, opener) {
            (None, Some(o)) => fence = Some(o),
            (Some(open), Some(o)) if open == o => fence = None,
            (None, None) => marks_in_line(line, line_start, &mut out),
            _ => {}
        }
        line_start += line.len();
    }
    out
}

fn marks_in_line<'a>(line: &'a str, line_start: usize, out: &mut Vec<Mark<'a>>) {
    let indent = line.len() - line.trim_start().len();
    let mut in_code = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            in_code = !in_code;
        } else if !in_code && bytes[i..].starts_with(b"[^") {
            let rest = &line[i + 2..];
            if let Some(end) = rest.find(']') {
                let label = &rest[..end];
                if !label.is_empty() && !label.contains(char::is_whitespace) {
                    let after = &rest[end + 1..];
                    out.push(Mark {
                        label,
                        offset: line_start + i,
                        definition: i == indent && indent < 4 && after.starts_with(':'),
                    });
                    i += 2 + end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Whether two partial dates can name the same time: equal as far as both go.
fn agree(a: PartialDate, b: PartialDate) -> bool {
    a.year == b.year
        && (a.month.is_none() || b.month.is_none() || a.month == b.month)
        && (a.day.is_none() || b.day.is_none() || a.day == b.day)
}

const REMOVING_EVENTS: &[&str] = &["dismantled", "destroyed"];

/// Events oldest first, and in agreement with `established`, `removed` and `status`.
fn timeline(f: &mut Fields, events: &[EventAt], claims: &Claims) {
    for pair in events.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if b.event.date < a.event.date && !agree(a.event.date, b.event.date) {
            let msg = format!(
                "the events are out of order: this one ({}) comes after one of {}; list them oldest first",
                b.event.date, a.event.date
            );
            f.report_at(b.line, b.column, msg);
        }
    }
    let of = |kinds: &[&str]| -> Vec<&EventAt> {
        events
            .iter()
            .filter(|e| kinds.contains(&e.event.what.as_str()))
            .collect()
    };
    disagree(
        f,
        "established",
        claims.established,
        &of(ESTABLISHING_EVENTS),
    );
    disagree(f, "removed", claims.removed, &of(REMOVING_EVENTS));
    let removals = of(REMOVING_EVENTS);
    let last_removal = removals.last();
    let rebuilt = |r: &EventAt| {
        events.iter().any(|e| {
            matches!(
                e.event.what.as_str(),
                "built" | "restored" | "unveiled" | "opened"
            ) && e.event.date > r.event.date
        })
    };
    if let Some(r) = last_removal
        && claims.status == "extant"
        && !rebuilt(r)
    {
        let msg = format!(
            "`status` is extant, but this event says the site was {} in {} and no later event says it was rebuilt or restored",
            r.event.what, r.event.date
        );
        f.report_at(r.line, r.column, msg);
    }
}

/// A date field and the events of its kind must agree where both are given.
fn disagree(f: &mut Fields, field: &'static str, claim: Option<PartialDate>, events: &[&EventAt]) {
    let Some(claim) = claim else { return };
    if events.is_empty() || events.iter().any(|e| agree(e.event.date, claim)) {
        return;
    }
    let kinds = if field == "established" {
        ESTABLISHING_EVENTS.join(", ")
    } else {
        REMOVING_EVENTS.join(", ")
    };
    let dates: Vec<String> = events
        .iter()
        .map(|e| format!("{} {}", e.event.what, e.event.date))
        .collect();
    let at = f.offset(field);
    f.report(
        at,
        field,
        format!(
            "says {claim}, but no event of the kinds {kinds} agrees ({}): correct one or the other",
            dates.join("; ")
        ),
    );
}

/// A warning for each source that neither the body, an event nor `coordinates_source` cites.
fn uncited(f: &Fields, ids: &[SourceAt], cited: &HashSet<String>) -> Vec<ContentError> {
    let file = &f.source_file().display_path;
    let mut out = Vec::new();
    for (i, source) in ids.iter().enumerate() {
        if let Some(p) = source.id.as_ref().filter(|p| !cited.contains(&p.value)) {
            let msg = format!(
                "nothing cites the source `{0}`: cite it with [^{0}] after the statement it supports, or remove it",
                p.value
            );
            let e = ContentError::new(file, msg).at(p.line, p.column);
            out.push(e.field(format!("sources[{}]", i + 1)));
        }
    }
    // Sources without an id cannot be cited at all: one warning for them all, at the first,
    // rather than one each (an atlas written before ids would otherwise get thousands).
    let without: Vec<usize> = (0..ids.len()).filter(|&i| ids[i].id.is_none()).collect();
    if let Some(&first) = without.first() {
        let (field, msg): (String, Cow<'static, str>) = match without.as_slice() {
            [i] => (
                format!("sources[{}]", i + 1),
                "nothing cites this source: give it an `id` and cite it with [^id] after the statement it supports".into(),
            ),
            _ => {
                let numbers: Vec<String> = without.iter().map(|i| (i + 1).to_string()).collect();
                (
                    "sources".to_string(),
                    format!(
                        "nothing cites sources {}: give each an `id` and cite it with [^id] after the statement it supports",
                        numbers.join(", ")
                    )
                    .into(),
                )
            }
        };
        let at = &ids[first];
        let e = ContentError::new(file, msg).at(at.line, at.column);
        out.push(e.field(field));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_skip_code_and_find_definitions() {
        let body = "A.[^a] `[^b]`\n\n```\n[^c]\n```\n[^d]: note\n";
        let marks = footnote_marks(body);
        let got: Vec<(&str, bool)> = marks.iter().map(|m| (m.label, m.definition)).collect();
        assert_eq!(got, vec![("a", false), ("d", true)]);
    }

    #[test]
    fn partial_dates_agree_as_far_as_both_go() {
        let d = |s| PartialDate::parse(s).expect("date");
        assert!(agree(d("1976"), d("1976-05")));
        assert!(!agree(d("1976"), d("1980")));
        assert!(!agree(d("1976-04"), d("1976-05-01")));
    }
}
