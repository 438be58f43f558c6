//! Logs for operators: events of the server and of its rebuilds, a line per request among them,
//! as text on standard error, filtered the way `RUST_LOG` says (`info` when it is not set). What
//! a command tells its user (`check`, `build`, the address `serve` listens on) is printed on
//! standard output instead.

use std::error::Error;
use std::fmt;
use std::io::{self, Write};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tracing::level_filters::LevelFilter;
use tracing::{Level, Metadata};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// How long an ordinary line (a request, a rebuild) may wait before it is written.
const WRITE_EVERY: Duration = Duration::from_millis(100);
/// The most bytes that wait; past this (standard error blocked) lines are dropped, not kept.
const MAX_WAITING: usize = 4 * 1024 * 1024;

/// Sets up logging; called once, at start-up. Keep the guard until the program ends, so that
/// the last lines are written.
pub fn init() -> WriteOnDrop {
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .from_env_lossy();
    // `try_init` fails only when a subscriber is already set, which leaves that one in place.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Batched)
        .try_init();
    // Without the thread, lines wait for a warning or the end of the program instead.
    let _ = std::thread::Builder::new()
        .name("log writer".into())
        .spawn(|| {
            loop {
                std::thread::sleep(WRITE_EVERY);
                write_waiting(None);
            }
        });
    WriteOnDrop
}

/// Writes the lines still waiting when it is dropped.
pub struct WriteOnDrop;

impl Drop for WriteOnDrop {
    fn drop(&mut self) {
        write_waiting(None);
    }
}

/// Log lines gathered between two writes: one system call per line (a line per request) would
/// cost the server a noticeable part of its speed.
static WAITING: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// Held while writing, so that lines keep their order. The waiting lines are taken out first: a
/// slow standard error holds up the next write, never a request adding its line.
static WRITING: Mutex<()> = Mutex::new(());

/// Writes every waiting line, then `line` if given.
fn write_waiting(line: Option<&[u8]>) {
    let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
    let lines = {
        let mut waiting = WAITING.lock().unwrap_or_else(PoisonError::into_inner);
        waiting.extend_from_slice(line.unwrap_or_default());
        std::mem::take(&mut *waiting)
    };
    if !lines.is_empty() {
        // A closed terminal or a full disk must not stop the server: those lines are lost.
        let _ = io::stderr().write_all(&lines);
    }
}

/// Gives the formatter a writer per event: warnings and errors are written at once (with every
/// line before them), other lines wait for the writer thread.
struct Batched;

struct BatchedLine {
    at_once: bool,
}

impl<'a> MakeWriter<'a> for Batched {
    type Writer = BatchedLine;

    fn make_writer(&'a self) -> BatchedLine {
        BatchedLine { at_once: true }
    }

    fn make_writer_for(&'a self, meta: &Metadata<'_>) -> BatchedLine {
        BatchedLine {
            at_once: *meta.level() <= Level::WARN,
        }
    }
}

impl Write for BatchedLine {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.at_once {
            write_waiting(Some(buf));
        } else {
            let mut waiting = WAITING.lock().unwrap_or_else(PoisonError::into_inner);
            if waiting.len() + buf.len() <= MAX_WAITING {
                waiting.extend_from_slice(buf);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// An error with its causes on one line, "what failed: why: why that", for a log event.
pub struct Chain<'a>(pub &'a (dyn Error + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut said = self.0.to_string();
        f.write_str(&said)?;
        let mut cause = self.0.source();
        while let Some(e) = cause {
            let text = e.to_string();
            // Many messages already end with their cause's text; it is not repeated.
            if !said.contains(&text) {
                write!(f, ": {text}")?;
            }
            said = text;
            cause = e.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Chain;

    #[derive(Debug, thiserror::Error)]
    #[error("the page could not be built")]
    struct Outer(#[source] Middle);

    #[derive(Debug, thiserror::Error)]
    #[error("cannot read x.db: {0}")]
    struct Middle(#[source] std::io::Error);

    #[test]
    fn chain_names_every_cause_once() {
        let e = Outer(Middle(std::io::Error::other("disk on fire")));
        assert_eq!(
            Chain(&e).to_string(),
            "the page could not be built: cannot read x.db: disk on fire"
        );
    }
}
