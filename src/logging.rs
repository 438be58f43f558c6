//! Logs for operators: events of the server and of its rebuilds, a line per request among them,
//! as text on standard error, filtered the way `RUST_LOG` says (`info` when it is not set). What
//! a command tells its user (`check`, `build`, the address `serve` listens on) is printed on
//! standard output instead.

use std::error::Error;
use std::fmt;
use std::io;

use tracing::level_filters::LevelFilter;
use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

/// Sets up logging; called once, at start-up. Keep the guard until the program ends: dropping
/// it writes the last lines.
///
/// Lines are formatted where they happen and written by a thread of their own, through a
/// buffer that it flushes whenever it has written all that waits: a system call per line (a
/// line per request) would cost the server a noticeable part of its speed, and a slow standard
/// error must never hold up a request. Past 128,000 waiting lines, new ones are dropped.
pub fn init() -> WorkerGuard {
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .from_env_lossy();
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(true)
        .thread_name("log writer")
        .finish(io::BufWriter::new(io::stderr()));
    // `try_init` fails only when a subscriber is already set, which leaves that one in place.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .try_init();
    guard
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
