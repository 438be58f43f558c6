//! The shape of the code that docs/architecture.md promises: no module imports one that imports it
//! back (directly or around a loop), and no function runs over 80 lines. Read from the source as a
//! newcomer would read it, so a change that breaks the promise fails here, not in review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
const LONGEST_FUNCTION: usize = 80;

/// A module's path (`["web", "state"]`) and its source without its unit tests.
type Modules = BTreeMap<Vec<String>, String>;

fn modules() -> Modules {
    let mut out = Modules::new();
    collect(Path::new(SRC), &mut Vec::new(), &mut out);
    out
}

fn collect(dir: &Path, prefix: &mut Vec<String>, out: &mut Modules) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() {
            prefix.push(name);
            collect(&path, prefix, out);
            prefix.pop();
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read module");
            let text = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            let mut module = prefix.clone();
            if !matches!(name.as_str(), "mod" | "lib" | "main") {
                module.push(name);
            }
            out.insert(module, text);
        }
    }
}

/// The paths a module names: `crate::a::b`, `super::c`, and the members of `use crate::{…}`.
fn named_paths(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let words: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < words.len() {
        let rest: String = words[i..words.len().min(i + 7)].iter().collect();
        let boundary = i == 0 || !(words[i - 1].is_alphanumeric() || words[i - 1] == '_');
        if boundary && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let mut base: Vec<String> = Vec::new();
            let mut j = i;
            let mut absolute = false;
            let mut ups = 0;
            loop {
                let here: String = words[j..words.len().min(j + 7)].iter().collect();
                if here.starts_with("crate::") {
                    absolute = true;
                    j += 7;
                } else if here.starts_with("super::") {
                    ups += 1;
                    j += 7;
                } else {
                    break;
                }
            }
            if !absolute {
                base = module[..module.len().saturating_sub(ups)].to_vec();
            }
            let tail = path_tail(&words, j);
            for t in tail {
                let mut p = base.clone();
                p.extend(t);
                out.push(p);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The path (or, after `{`, the paths) starting at `words[j]`.
fn path_tail(words: &[char], mut j: usize) -> Vec<Vec<String>> {
    let mut segs = Vec::new();
    let mut seg = String::new();
    while j < words.len() {
        let c = words[j];
        if c.is_alphanumeric() || c == '_' {
            seg.push(c);
            j += 1;
        } else if c == ':' {
            if !seg.is_empty() {
                segs.push(std::mem::take(&mut seg));
            }
            j += 1;
        } else if c == '{' {
            let end = words[j..]
                .iter()
                .position(|&c| c == '}')
                .map_or(words.len(), |e| j + e);
            let inner: String = words[j + 1..end].iter().collect();
            return inner
                .split(',')
                .map(|member| {
                    let mut p = segs.clone();
                    p.extend(
                        member
                            .split("::")
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty()),
                    );
                    p
                })
                .collect();
        } else {
            break;
        }
    }
    if !seg.is_empty() {
        segs.push(seg);
    }
    vec![segs]
}

/// The module a path lands in, following `pub use` re-exports of a parent module.
fn target(modules: &Modules, path: &[String]) -> Option<Vec<String>> {
    let k = (0..=path.len())
        .rev()
        .find(|&k| modules.contains_key(&path[..k]))?;
    let module = path[..k].to_vec();
    if let Some(item) = path.get(k) {
        let text = &modules[&module];
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("pub use "))
        {
            let from = line.trim_start_matches("pub use ").trim_end_matches(';');
            let names_item = from.rsplit("::").next().is_some_and(|last| {
                last.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == item)
            });
            if names_item && !from.starts_with("crate::") && !from.starts_with("super::") {
                let first = from.split("::").next().unwrap_or_default();
                let mut child = module.clone();
                child.push(first.to_string());
                if modules.contains_key(&child) {
                    return Some(child);
                }
            }
        }
    }
    Some(module)
}

fn import_graph(modules: &Modules) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    modules
        .iter()
        .map(|(m, text)| {
            let to = named_paths(m, text)
                .iter()
                .filter_map(|p| target(modules, p))
                .filter(|t| t != m && !t.is_empty())
                .collect();
            (m.clone(), to)
        })
        .collect()
}

/// A module that can reach itself again through the imports, with the way round.
fn find_loop(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, way)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start {
                    let mut way = way.clone();
                    way.push(next.clone());
                    return Some(way);
                }
                if seen.insert(next.clone()) {
                    let mut way = way.clone();
                    way.push(next.clone());
                    stack.push((next.clone(), way));
                }
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = import_graph(&modules());
    assert!(graph.contains_key(&vec!["web".to_string(), "views".to_string()]));
    if let Some(way) = find_loop(&graph) {
        let shown: Vec<String> = way.iter().map(|m| m.join("::")).collect();
        panic!("an import loop: {}", shown.join(" → "));
    }
}

#[test]
fn the_loop_finder_sees_a_loop() {
    // The guard above must be able to fail: two modules that import each other.
    let mut modules = Modules::new();
    modules.insert(vec!["a".into()], "use crate::b::Thing;".into());
    modules.insert(vec!["b".into()], "use super::a::{One, Two};".into());
    let way = find_loop(&import_graph(&modules)).expect("a loop");
    assert_eq!(way.len(), 3);
}

/// Each `fn` with a body, and how many lines it spans.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let mut head = trimmed;
        for word in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            head = head.strip_prefix(word).unwrap_or(head);
        }
        let is_fn = head.starts_with("fn ");
        if !is_fn {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i..]
            .iter()
            .position(|l| *l == close || l.starts_with(&close))
        {
            let name = head.split('(').next().unwrap_or(trimmed).to_string();
            out.push((name, end + 1));
        }
    }
    out
}

#[test]
fn no_function_runs_over_eighty_lines() {
    let mut long = Vec::new();
    for (module, text) in modules() {
        for (name, lines) in function_lengths(&text) {
            if lines > LONGEST_FUNCTION {
                long.push(format!("{} {name}: {lines} lines", module.join("::")));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {LONGEST_FUNCTION} lines:\n{}",
        long.join("\n")
    );
    let sample = "fn short() {\n    1\n}\n";
    assert_eq!(function_lengths(sample), vec![("fn short".to_string(), 3)]);
}

/// What each part of the code may import, besides itself and std/crates: data flows one way,
/// Markdown → content → db → web, and the helpers at the bottom import nothing of ours.
const MAY_IMPORT: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("urls", &[]),
    ("logging", &[]),
    ("lang", &[]),
    ("i18n", &["lang"]),
    ("content", &["urls", "lang"]),
    ("db", &["content", "text", "lang", "i18n"]),
    ("rebuild", &["content", "db", "logging"]),
    ("watch", &["rebuild", "logging"]),
    ("scaffold", &["urls", "content", "lang"]),
    (
        "web",
        &["content", "db", "text", "urls", "logging", "lang", "i18n"],
    ),
];

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    let graph = import_graph(&modules());
    let mut wrong = Vec::new();
    for (module, targets) in &graph {
        let Some(part) = module.first() else { continue };
        let Some((_, allowed)) = MAY_IMPORT.iter().find(|(p, _)| p == part) else {
            continue;
        };
        for target in targets {
            let to = target[0].as_str();
            if to != part && !allowed.contains(&to) {
                wrong.push(format!(
                    "{} imports {}",
                    module.join("::"),
                    target.join("::")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
    assert!(
        graph[&vec!["db".to_string(), "insert".to_string()]]
            .iter()
            .any(|t| t[0] == "content")
    );
}
