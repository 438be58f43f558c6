//! The interface's words: one Fluent catalogue per language (`templates/messages/<lang>.ftl`),
//! built into the binary. Fluent applies CLDR's plural rules, so "1 памятник, 3 памятника,
//! 5 памятников" is written once in the Russian catalogue, not in code.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;

/// Each catalogue's text, in the order of [`Lang::ALL`].
pub const SOURCES: [(Lang, &str); 4] = [
    (Lang::En, include_str!("../../templates/messages/en.ftl")),
    (Lang::Ru, include_str!("../../templates/messages/ru.ftl")),
    (Lang::Ko, include_str!("../../templates/messages/ko.ftl")),
    (Lang::Zh, include_str!("../../templates/messages/zh.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang, text: &str) -> Bundle {
    let id: LanguageIdentifier = lang
        .code()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps arguments in Unicode isolation marks for plain text; in HTML, `dir` and
    // `lang` do that job, and the marks would only get in the way of search and copy.
    bundle.set_use_isolating(false);
    // A catalogue with a syntax error still loads every message it can; the test
    // `catalogues_parse` names the error.
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::warn!(
            lang = lang.code(),
            ?errors,
            "message catalogue has duplicate messages"
        );
    }
    bundle
}

static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, text)| bundle(*lang, text))
        .collect()
});

/// The message `id` in `lang`, with `args`; the English message where the language's catalogue
/// lacks it (a test keeps every catalogue complete), and the id itself where English lacks it.
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    for l in [lang, Lang::En] {
        let bundle = &BUNDLES[l as usize];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    lang = l.code(),
                    id,
                    ?errors,
                    "message could not be formatted"
                );
            }
            return text.into_owned();
        }
    }
    tracing::warn!(id, "no catalogue has this message");
    id.to_string()
}

/// The message `id` in `lang` itself, without falling back to English.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    let bundle = &BUNDLES[lang as usize];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// The ids of every message in a catalogue's text, for the completeness test.
pub fn ids(text: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The syntax errors of a catalogue's text, as Fluent reports them.
pub fn syntax_errors(text: &str) -> Vec<String> {
    match FluentResource::try_new(text.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}
