//! Translations: `<slug>.<lang>.md` beside the original, holding its words and never its facts.
//! Read here; checked against their originals in [`check_against_originals`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

use super::error::{ContentError, did_you_mean};
use super::fields::Fields;
use super::model::{Content, ImageWords, Kind, MarkdownFile, Positioned, Translation, Words};
use super::source::SourceFile;
use crate::lang::Lang;

/// The fields a translation of each kind may have (the format's Translations table).
pub fn allowed(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Site => &[
            "title",
            "locality",
            "region",
            "honours",
            "caretaker",
            "visiting",
            "summary",
            "updated",
            "draft",
            "images",
            "event_notes",
        ],
        Kind::Country => &["name", "official_name"],
        Kind::Date => &["title"],
        Kind::Page => &["title", "summary", "draft"],
    }
}

/// The fields of an original that are facts (or belong to the original alone): in a
/// translation each is refused with a message that says where it belongs.
fn original_only(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Site => &[
            "country",
            "kind",
            "status",
            "conflicts",
            "established",
            "removed",
            "coordinates",
            "coordinates_precision",
            "coordinates_source",
            "commemorations",
            "names",
            "burials",
            "wikidata",
            "osm",
            "aliases",
            "sources",
            "events",
        ],
        Kind::Country => &["names", "title"],
        Kind::Date => &["month", "day", "countries", "names", "since", "name"],
        Kind::Page => &["aliases", "name"],
    }
}

/// A file name's language suffix: `("kp", Some("ru"))` for `kp.ru.md`, `("kp", None)` for
/// `kp.md`. Slugs hold no dots, so a dot in the stem always marks a translation.
pub fn split_name(path: &Path) -> (String, Option<String>) {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match stem.rsplit_once('.') {
        Some((key, lang)) => (key.to_string(), Some(lang.to_string())),
        None => (stem.to_string(), None),
    }
}

/// The language a translation's suffix names, or the error that says which are offered.
pub fn language(display: &Path, suffix: &str) -> Result<Lang, Box<ContentError>> {
    let offered = Lang::TRANSLATED.map(Lang::code).join(", ");
    match Lang::from_code(suffix) {
        Some(Lang::En) => Err(Box::new(ContentError::new(
            display,
            format!(
                "English is the original's language: an English file is named without a language, as `<slug>.md`; translations are offered in {offered}"
            ),
        ))),
        Some(lang) => Ok(lang),
        None => Err(Box::new(ContentError::new(
            display,
            format!(
                "`{suffix}` is not a language the atlas is translated into: name the file `<slug>.<lang>.md` with one of {offered}"
            ),
        ))),
    }
}

/// The original of a translation's file: `kp.ru.md` → `kp.md`, beside it.
fn original_of(display: &Path, key: &str) -> PathBuf {
    display.with_file_name(format!("{key}.md"))
}

/// Reads one translation's front matter and notes what its body cites.
pub fn parse(
    src: &SourceFile,
    kind: Kind,
    lang: Lang,
    key: &str,
    errors: &mut Vec<ContentError>,
) -> Option<Translation> {
    let original = original_of(&src.display_path, key);
    super::parse::entry(src, errors, |f| {
        let title_field = if kind == Kind::Country {
            "name"
        } else {
            "title"
        };
        let title = f.req_string(title_field, "the translated title");
        let words = words(f, kind);
        let updated = (kind == Kind::Site).then(|| f.opt_day("updated")).flatten();
        let draft = matches!(kind, Kind::Site | Kind::Page)
            .then(|| f.opt_bool("draft"))
            .flatten();
        let event_notes_at = f.get("event_notes").map(|v| f.locate(v.span().start));
        let images_at = f.get("images").map(|v| f.locate(v.span().start));
        refuse_facts(f, kind, &original);
        Translation {
            lang,
            kind,
            key: key.to_string(),
            file: src.display_path.clone(),
            original: original.clone(),
            title: title.unwrap_or_default(),
            words,
            updated,
            draft: draft.unwrap_or(false),
            has_body: !src.body().trim().is_empty(),
            cites: undefined_citations(src),
            event_notes_at,
            images_at,
            body: MarkdownFile {
                path: src.path.clone(),
                display_path: src.display_path.clone(),
                source_ids: Vec::new(),
            },
        }
    })
}

fn words(f: &mut Fields, kind: Kind) -> Words {
    match kind {
        Kind::Site => Words {
            locality: f.opt_string("locality"),
            region: f.opt_string("region"),
            honours: f.opt_string("honours"),
            caretaker: f.opt_string("caretaker"),
            visiting: f.opt_string("visiting"),
            summary: f.opt_string_max("summary", 300),
            images: image_words(f),
            event_notes: f
                .string_list("event_notes")
                .into_iter()
                .map(|n| n.value)
                .collect(),
            ..Words::default()
        },
        Kind::Country => Words {
            official_name: f.opt_string("official_name"),
            ..Words::default()
        },
        Kind::Date => Words::default(),
        Kind::Page => Words {
            summary: f.opt_string_max("summary", 300),
            ..Words::default()
        },
    }
}

fn image_words(f: &mut Fields) -> Vec<ImageWords> {
    let mut out = Vec::new();
    for (i, (t, off)) in f.tables("images").into_iter().enumerate() {
        let mut im = f.nested(t, off, format!("images[{}].", i + 1));
        out.push(ImageWords {
            alt: im.opt_string("alt"),
            caption: im.opt_string("caption"),
        });
        im.finish();
    }
    out
}

/// A fact in a translation is refused with where it belongs; any other unknown key is left to
/// `finish`, which suggests the nearest allowed field.
fn refuse_facts(f: &mut Fields, kind: Kind, original: &Path) {
    for (key, offset) in f.keys() {
        if allowed(kind).contains(&key.as_str()) {
            continue;
        }
        if original_only(kind).contains(&key.as_str())
            || key == "title"
            || key == "summary"
            || key == "draft"
        {
            let msg = format!(
                "`{key}` cannot be in a translation: a translation holds only the words, and `{key}` belongs in the original, {}, where every language shares it",
                original.display()
            );
            let hint = Some(format!(
                "a translation of this kind may have: {}",
                allowed(kind).join(", ")
            ));
            f.refuse(&key, offset, msg, hint);
        }
    }
}

/// The `[^id]` references of a body that the body does not define itself: sources of the
/// original it cites.
fn undefined_citations(src: &SourceFile) -> Vec<Positioned<String>> {
    let body = src.body();
    let defined: Vec<&str> = body
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("[^"))
        .filter_map(|l| l.split_once("]:").map(|(id, _)| id))
        .collect();
    let mut out: Vec<Positioned<String>> = Vec::new();
    let mut rest = body;
    let mut offset = src.body_start;
    while let Some(i) = rest.find("[^") {
        let after = &rest[i + 2..];
        let Some(end) = after.find(']') else { break };
        let id = &after[..end];
        let is_definition = after[end + 1..].starts_with(':');
        if !is_definition && !defined.contains(&id) && !out.iter().any(|c| c.value == id) {
            let (line, column) = src.position(offset + i);
            out.push(Positioned {
                value: id.to_string(),
                line,
                column,
            });
        }
        offset += i + 2;
        rest = after;
    }
    out
}

/// What a translation is checked against: its original's sources, events and images.
struct Original<'c> {
    sources: &'c [super::model::Source],
    events: usize,
    images: usize,
}

/// The entries a check of translations looks at: every one, or only those a live preview's save
/// touched (the others passed before, and nothing they are checked against changed).
pub type Scope<'a> = Option<&'a FxHashSet<(Kind, &'a str)>>;

fn in_scope(scope: Scope, kind: Kind, key: &str) -> bool {
    scope.is_none_or(|only| only.contains(&(kind, key)))
}

fn originals<'c>(content: &'c Content, scope: Scope) -> FxHashMap<(Kind, &'c str), Original<'c>> {
    let mut originals: FxHashMap<(Kind, &str), Original> = FxHashMap::default();
    // Nothing to compare: no map of every entry (live preview checks after every save).
    if content.translations.is_empty() {
        return originals;
    }
    let mut add = |kind: Kind, key: &'c str, o: Original<'c>| {
        if in_scope(scope, kind, key) {
            originals.insert((kind, key), o);
        }
    };
    for s in &content.sites {
        let o = Original {
            sources: &s.sources,
            events: s.facts.events.len(),
            images: s.images.len(),
        };
        add(Kind::Site, s.slug.as_str(), o);
    }
    let simple = || Original {
        sources: &[],
        events: 0,
        images: 0,
    };
    for c in &content.countries {
        add(Kind::Country, c.code.as_str(), simple());
    }
    for d in &content.dates {
        add(Kind::Date, d.slug.as_str(), simple());
    }
    for p in &content.pages {
        add(Kind::Page, p.slug.as_str(), simple());
    }
    originals
}

/// The keys of every original of a kind, for a hint.
fn keys_of(content: &Content, kind: Kind) -> Vec<&str> {
    match kind {
        Kind::Site => content.sites.iter().map(|s| s.slug.as_str()).collect(),
        Kind::Country => content.countries.iter().map(|c| c.code.as_str()).collect(),
        Kind::Date => content.dates.iter().map(|d| d.slug.as_str()).collect(),
        Kind::Page => content.pages.iter().map(|p| p.slug.as_str()).collect(),
    }
}

/// Each translation must have an original, cite only the original's sources, and have no more
/// event notes or images than the original has events and images. A site's translation cites
/// the original's sources by their ids, so its body learns them here. Only the translations of
/// the entries in `scope` are looked at.
pub fn check_against_originals(
    content: &mut Content,
    scope: Scope,
    errors: &mut Vec<ContentError>,
) {
    let originals = originals(content, scope);
    let mut lent: Vec<(usize, Vec<Option<String>>)> = Vec::new();
    for (i, t) in content.translations.iter().enumerate() {
        if !in_scope(scope, t.kind, &t.key) {
            continue;
        }
        let Some(o) = originals.get(&(t.kind, t.key.as_str())) else {
            let hint = did_you_mean(&t.key, keys_of(content, t.kind));
            errors.push(
                ContentError::new(
                    &t.file,
                    format!(
                        "this translation has no original: {} does not exist. A translation lives beside its original and takes its name, with the language before .md",
                        t.original.display()
                    ),
                )
                .hint(hint.map(|h| format!("{h} (rename the file to match)"))),
            );
            lent.push((i, Vec::new()));
            continue;
        };
        check_counts(
            t,
            "event_notes",
            t.words.event_notes.len(),
            o.events,
            "[[events]]",
            t.event_notes_at,
            errors,
        );
        check_counts(
            t,
            "images",
            t.words.images.len(),
            o.images,
            "[[images]]",
            t.images_at,
            errors,
        );
        for c in &t.cites {
            if !o
                .sources
                .iter()
                .filter_map(|x| x.id.as_ref())
                .any(|id| *id == c.value)
            {
                let known: Vec<&str> = o.sources.iter().filter_map(|x| x.id.as_deref()).collect();
                errors.push(
                    ContentError::new(
                        &t.file,
                        format!(
                            "`[^{}]` cites no source: the original, {}, has no source with this id, and this file does not define it",
                            c.value,
                            t.original.display()
                        ),
                    )
                    .at(c.line, c.column)
                    .hint(did_you_mean(&c.value, known.iter().copied()).or_else(|| {
                        (!known.is_empty()).then(|| format!("the original's sources: {}", known.join(", ")))
                    })),
                );
            }
        }
        lent.push((i, o.sources.iter().map(|x| x.id.clone()).collect()));
    }
    for (i, ids) in lent {
        if let Some(t) = content.translations.get_mut(i) {
            t.body.source_ids = ids;
        }
    }
}

/// A list in the translation longer than the original's list it follows.
fn check_counts(
    t: &Translation,
    field: &str,
    given: usize,
    original: usize,
    what: &str,
    at: Option<(usize, usize)>,
    errors: &mut Vec<ContentError>,
) {
    if given <= original {
        return;
    }
    let mut e = ContentError::new(
        &t.file,
        format!(
            "has {given} entries, but the original, {}, has {original} {what}: `{field}` follows the original's {what} one for one, in their order",
            t.original.display()
        ),
    )
    .field(field.to_string());
    if let Some((line, column)) = at {
        e = e.at(line, column);
    }
    errors.push(e);
}

/// The day an original last changed, where its translation is older: by the files' git
/// history where both have one, else by their `updated` dates (a translation without one is
/// older than an original with one).
pub fn stale_since(
    content: &Content,
    translation: &Translation,
    original_file: &Path,
    original_updated: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    let git = |f: &Path| content.last_commit.get(f).copied();
    match (git(&translation.file), git(original_file)) {
        (Some(tr), Some(or)) => (tr < or).then_some(or),
        _ => match (translation.updated, original_updated) {
            (Some(tr), Some(or)) => (tr < or).then_some(or),
            (None, Some(or)) => Some(or),
            _ => None,
        },
    }
}

/// Where one language's translations stand: which entries are translated, which are older
/// than their original, which have none.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LanguageStatus {
    pub lang: &'static str,
    /// Translations up to date with their original.
    pub translated: Vec<PathBuf>,
    /// Translations older than the last change of their original.
    pub stale: Vec<Stale>,
    /// Originals without a translation into this language.
    pub missing: Vec<PathBuf>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Stale {
    pub file: PathBuf,
    pub original: PathBuf,
    /// The day the original last changed.
    #[serde(serialize_with = "as_day")]
    pub original_changed: chrono::NaiveDate,
}

fn as_day<S: serde::Serializer>(d: &chrono::NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// The state of every language's translations, in the order of [`Lang::TRANSLATED`].
pub fn status(content: &Content) -> Vec<LanguageStatus> {
    let originals: Vec<(Kind, &str, &Path, Option<chrono::NaiveDate>)> = content
        .sites
        .iter()
        .map(|s| (Kind::Site, s.slug.as_str(), s.file.as_path(), s.updated))
        .chain(
            content
                .countries
                .iter()
                .map(|c| (Kind::Country, c.code.as_str(), c.file.as_path(), None)),
        )
        .chain(
            content
                .dates
                .iter()
                .map(|d| (Kind::Date, d.slug.as_str(), d.file.as_path(), None)),
        )
        .chain(
            content
                .pages
                .iter()
                .map(|p| (Kind::Page, p.slug.as_str(), p.file.as_path(), None)),
        )
        .collect();
    let by_entry: HashMap<(Kind, &str, Lang), &Translation> = content
        .translations
        .iter()
        .map(|t| ((t.kind, t.key.as_str(), t.lang), t))
        .collect();
    Lang::TRANSLATED
        .into_iter()
        .map(|lang| {
            let mut s = LanguageStatus {
                lang: lang.code(),
                ..LanguageStatus::default()
            };
            for (kind, key, file, updated) in &originals {
                match by_entry.get(&(*kind, *key, lang)) {
                    None => s.missing.push(file.to_path_buf()),
                    Some(t) => match stale_since(content, t, file, *updated) {
                        Some(day) => s.stale.push(Stale {
                            file: t.file.clone(),
                            original: file.to_path_buf(),
                            original_changed: day,
                        }),
                        None => s.translated.push(t.file.clone()),
                    },
                }
            }
            s
        })
        .collect()
}
