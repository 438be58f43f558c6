//! The command line: `serve` (the default), `build` and `check`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use clap::{Parser, Subcommand};

use crate::content::{self, ErrorReport};
use crate::db::{self, DbError};
use crate::web::{SharedState, SiteConfig};

#[derive(Debug, Parser)]
#[command(
    name = "memorial-atlas",
    version,
    about = "Builds and serves Memorial Atlas from its Markdown content."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address and port to serve on.
    #[arg(
        long,
        global = true,
        env = "MEMORIAL_ATLAS_BIND",
        default_value = "127.0.0.1:8080"
    )]
    pub bind: SocketAddr,

    /// The content folder (sites/, countries/, dates/, pages/).
    #[arg(
        long,
        global = true,
        env = "MEMORIAL_ATLAS_CONTENT",
        default_value = "content"
    )]
    pub content: PathBuf,

    /// The SQLite database file built from the content.
    #[arg(
        long,
        global = true,
        env = "MEMORIAL_ATLAS_DB",
        default_value = "data/memorial-atlas.db"
    )]
    pub db: PathBuf,

    /// Show draft entries, marked as drafts (for previews; never on the public site).
    #[arg(long, global = true, env = "MEMORIAL_ATLAS_DRAFTS")]
    pub drafts: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the database if it is missing or older than the content, then serve the site.
    Serve,
    /// Check the content and write the database; the old database stays if anything is wrong.
    Build,
    /// Check every content file and report every error; writes nothing.
    Check,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}\nNothing was written: fix the errors above and run the command again.")]
    Content(ErrorReport),
    #[error("{0}")]
    Db(#[from] DbError),
    #[error(
        "cannot serve on {addr}: {source}. Is another program using that port? Choose another with --bind"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped with an error: {0}")]
    Server(std::io::Error),
}

/// Runs the command line; the exit code is 0 on success, 1 on any error.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command.as_ref().unwrap_or(&Command::Serve) {
        Command::Check => check(&cli.content),
        Command::Build => build(&cli.content, &cli.db),
        Command::Serve => serve(&cli),
    }
}

fn check(content_dir: &Path) -> Result<(), CliError> {
    let c = content::load(content_dir).map_err(CliError::Content)?;
    println!(
        "ok: {} sites, {} countries, {} dates, {} pages checked; no errors",
        c.sites.len(),
        c.countries.len(),
        c.dates.len(),
        c.pages.len()
    );
    Ok(())
}

fn build(content_dir: &Path, db_path: &Path) -> Result<(), CliError> {
    let c = content::load(content_dir).map_err(CliError::Content)?;
    let stats = db::build(&c, db_path)?;
    println!(
        "built {}: {} sites ({} drafts), {} countries, {} dates, {} pages in {:.2} s",
        db_path.display(),
        stats.sites,
        stats.drafts,
        stats.countries,
        stats.dates,
        stats.pages,
        stats.elapsed.as_secs_f64()
    );
    Ok(())
}

/// Whether the database is missing or older than any content file or folder.
pub fn is_stale(content_dir: &Path, db_path: &Path) -> bool {
    let Some(built) = modified(db_path) else {
        return true;
    };
    let folders = ["", "sites", "countries", "dates", "pages"].map(|f| content_dir.join(f));
    folders
        .iter()
        .chain(content::files(content_dir).iter())
        .any(|p| modified(p).is_some_and(|m| m > built))
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

fn serve(cli: &Cli) -> Result<(), CliError> {
    if is_stale(&cli.content, &cli.db) {
        match build(&cli.content, &cli.db) {
            Ok(()) => {}
            // With a database from an earlier build, the site still serves that last good version.
            Err(CliError::Content(report)) if cli.db.is_file() => {
                eprintln!(
                    "{report}\nThe content has errors: serving the last good database instead."
                );
            }
            Err(e) => return Err(e),
        }
    }
    // Fail at start-up, not on the first request, when the database cannot be read.
    db::Database::open(&cli.db, cli.drafts)?;

    let config = SiteConfig {
        db_path: cli.db.clone(),
        static_dir: content::static_dir_for(&cli.content),
        drafts: cli.drafts,
        today: None,
    };
    let shared = actix_web::web::Data::new(SharedState::new(config));
    let addr = cli.bind;
    actix_web::rt::System::new().block_on(async move {
        let server = actix_web::HttpServer::new(move || crate::web::app(shared.clone()))
            .bind(addr)
            .map_err(|source| CliError::Bind { addr, source })?;
        let local = server.addrs().first().copied().unwrap_or(addr);
        println!("Serving Memorial Atlas on http://{local}/ (Ctrl-C to stop)");
        server.run().await.map_err(CliError::Server)
    })
}
