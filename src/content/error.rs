//! Errors found in content files: each names the file, the place in it and what was expected.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

/// One broken rule in one content file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContentError {
    /// The file, as given relative to the content folder's parent where possible.
    pub file: PathBuf,
    /// 1-based line, where the mistake has one.
    pub line: Option<usize>,
    /// 1-based column (in characters), where the mistake has one.
    pub column: Option<usize>,
    /// The front-matter field concerned, such as `commemorations` or `sources[2].title`.
    pub field: Option<String>,
    /// What is wrong: what was expected and what was found. (Borrowed where the text is fixed:
    /// a large atlas can hold a warning for every source of every site.)
    pub message: Cow<'static, str>,
    /// A suggestion ("did you mean `kp`?"), where one is close enough to be useful.
    pub hint: Option<String>,
}

impl ContentError {
    pub fn new(file: impl Into<PathBuf>, message: impl Into<Cow<'static, str>>) -> Self {
        ContentError {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// Every error of one run, sorted by file and line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorReport {
    pub errors: Vec<ContentError>,
    /// What was found besides, that does not refuse the content (such as an uncited source).
    pub warnings: Vec<ContentError>,
}

impl ErrorReport {
    pub fn sort(&mut self) {
        self.errors.sort_by(|a, b| {
            (&a.file, a.line.unwrap_or(0), a.column.unwrap_or(0)).cmp(&(
                &b.file,
                b.line.unwrap_or(0),
                b.column.unwrap_or(0),
            ))
        });
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn len(&self) -> usize {
        self.errors.len()
    }
}

impl fmt::Display for ErrorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "error: {e}")?;
        }
        let files = {
            let mut v: Vec<_> = self.errors.iter().map(|e| &e.file).collect();
            v.dedup();
            v.len()
        };
        write!(
            f,
            "{} error{} in {} file{}",
            self.errors.len(),
            if self.errors.len() == 1 { "" } else { "s" },
            files,
            if files == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for ErrorReport {}

/// The closest candidate to a misspelt word, if any is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let found_lc = found.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let c_lc = c.to_lowercase();
        // Similarity scores say little about two-letter codes: one changed letter counts there.
        let score = if found_lc.chars().count() <= 3 && strsim::levenshtein(&found_lc, &c_lc) <= 1 {
            0.9
        } else {
            strsim::jaro_winkler(&found_lc, &c_lc)
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    match best {
        Some((score, c)) if score >= 0.8 => Some(format!("did you mean `{c}`?")),
        _ => None,
    }
}
