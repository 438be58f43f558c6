//! Reading one content file: encoding, line endings, and the split into front matter and body.

use std::path::{Path, PathBuf};

use super::error::ContentError;

/// A content file as text, with its front matter and body located.
#[derive(Debug)]
pub struct SourceFile {
    /// The file's path on disk.
    pub path: PathBuf,
    /// The path shown in error messages.
    pub display_path: PathBuf,
    /// The file's slug: its name without `.md`.
    pub slug: String,
    /// The whole text, LF line endings, without a byte-order mark.
    pub text: String,
    /// Byte range of the TOML between the two `+++` lines.
    pub front_matter: std::ops::Range<usize>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

impl SourceFile {
    /// The front matter's text.
    pub fn front_matter(&self) -> &str {
        &self.text[self.front_matter.clone()]
    }

    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// 1-based line and column (in characters) of a byte offset into the whole text.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// An error placed at a byte offset into the front matter.
    pub fn error_at(
        &self,
        fm_offset: usize,
        message: impl Into<std::borrow::Cow<'static, str>>,
    ) -> ContentError {
        let (line, col) = self.position(self.front_matter.start + fm_offset);
        ContentError::new(&self.display_path, message).at(line, col)
    }

    /// Reads and splits a file. `display_path` is what errors call it.
    pub fn read(path: &Path, display_path: PathBuf) -> Result<SourceFile, Box<ContentError>> {
        let bytes = std::fs::read(path)
            .map_err(|e| ContentError::new(&display_path, format!("cannot read the file: {e}")))?;
        Self::from_bytes(bytes, path, display_path)
    }

    pub fn from_bytes(
        bytes: Vec<u8>,
        path: &Path,
        display_path: PathBuf,
    ) -> Result<SourceFile, Box<ContentError>> {
        let slug = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let before = String::from_utf8_lossy(&bytes[..valid]);
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Err(Box::new(
                    ContentError::new(
                        &display_path,
                        "the file is not valid UTF-8: save it with UTF-8 encoding",
                    )
                    .at(line, col),
                ));
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(&text)
            .replace("\r\n", "\n");
        let (front_matter, body_start) = split_front_matter(&text)
            .map_err(|msg| Box::new(ContentError::new(&display_path, msg).at(1, 1)))?;
        Ok(SourceFile {
            path: path.to_path_buf(),
            display_path,
            slug,
            text,
            front_matter,
            body_start,
        })
    }
}

const UNTERMINATED: &str =
    "the front matter is not terminated: add a line with only `+++` after the last field";

/// Finds the TOML between an opening `+++` line and the next `+++` line.
fn split_front_matter(text: &str) -> Result<(std::ops::Range<usize>, usize), &'static str> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err("the file must start with a line `+++` that opens the front matter");
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == "+++" {
            return Ok((start..offset, offset + line.len()));
        }
        offset += line.len();
    }
    Err(UNTERMINATED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Result<SourceFile, Box<ContentError>> {
        SourceFile::from_bytes(text.as_bytes().to_vec(), Path::new("x.md"), "x.md".into())
    }

    #[test]
    fn splits_with_crlf_and_bom() {
        let f = src("\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n").expect("valid");
        assert_eq!(f.front_matter(), "title = \"A\"\n");
        assert_eq!(f.body(), "Body\n");
        assert_eq!(f.position(f.front_matter.start), (2, 1));
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let e = src("+++\ntitle = \"A\"\nBody\n").expect_err("unterminated");
        assert!(e.message.contains("not terminated"));
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = SourceFile::from_bytes(
            b"+++\ntitle = \"\xff\"\n+++\n".to_vec(),
            Path::new("x.md"),
            "x.md".into(),
        )
        .expect_err("bad utf8");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("UTF-8"));
    }
}
