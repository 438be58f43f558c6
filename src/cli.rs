//! The command line: `serve` (the default), `build` and `check`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use clap::{Parser, Subcommand};

use crate::content::{self, ErrorReport};
use crate::db::{self, DbError};
use crate::scaffold;
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

    /// Rebuild when content/, templates/ or static/ change, and show content errors on every page.
    #[arg(long, global = true, env = "MEMORIAL_ATLAS_WATCH")]
    pub watch: bool,

    /// The site's public address, used in every absolute URL (canonical links, sitemap, feeds),
    /// such as https://memorial-atlas.org. Default: http:// and the --bind address.
    #[arg(long, global = true, env = "MEMORIAL_ATLAS_BASE_URL")]
    pub base_url: Option<String>,

    /// Base URL of the repository's web editor for "Suggest a correction" links, such as
    /// https://github.com/OWNER/REPO/edit/main/ (the entry's file path is appended).
    #[arg(long, global = true, env = "MEMORIAL_ATLAS_EDIT_URL")]
    pub edit_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site: the database is built first if missing or damaged, and rebuilt in the
    /// background when the content is newer.
    Serve,
    /// Check the content and write the database; the old database stays if anything is wrong.
    Build,
    /// Check every content file and report every error; writes nothing.
    Check {
        /// `text` for people, `json` for tools and editors' plug-ins.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Start a new content file with every field of the format (never overwrites).
    New {
        #[arg(value_enum)]
        kind: scaffold::Kind,
        /// The file name without .md: lower-case letters, digits and hyphens (a country: its code).
        slug: String,
        /// The title (or a country's name) to fill in.
        #[arg(long)]
        title: Option<String>,
        /// A site's country code to fill in.
        #[arg(long)]
        country: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
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
    #[error("{0}")]
    Scaffold(#[from] scaffold::ScaffoldError),
    #[error("{0}")]
    Watch(#[from] crate::watch::WatchError),
    /// Errors already printed in the requested format.
    #[error("{0} errors")]
    Reported(usize),
}

/// Runs the command line; the exit code is 0 on success, 1 on any error.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command.as_ref().unwrap_or(&Command::Serve) {
        Command::Check {
            format: Format::Text,
        } => check(&cli.content),
        Command::Check {
            format: Format::Json,
        } => check_json(&cli.content),
        Command::New {
            kind,
            slug,
            title,
            country,
        } => {
            let today = chrono::Local::now().date_naive();
            let path = scaffold::create(
                &cli.content,
                *kind,
                slug,
                title.as_deref(),
                country.as_deref(),
                today,
            )?;
            println!(
                "created {}: fill in the values, then run `memorial-atlas check`",
                path.display()
            );
            Ok(())
        }
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

/// Every error as one JSON document on standard output, for tools.
fn check_json(content_dir: &Path) -> Result<(), CliError> {
    let (errors, count) = match content::load(content_dir) {
        Ok(_) => (Vec::new(), 0),
        Err(report) => {
            let n = report.len();
            (report.errors, n)
        }
    };
    let doc = serde_json::json!({ "ok": count == 0, "error_count": count, "errors": errors });
    println!("{doc:#}");
    if count == 0 {
        Ok(())
    } else {
        Err(CliError::Reported(count))
    }
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
    let static_dir = content::static_dir_for(&cli.content);
    let config = SiteConfig {
        db_path: cli.db.clone(),
        static_dir: static_dir.clone(),
        drafts: cli.drafts,
        today: None,
        edit_url: cli.edit_url.clone(),
        dev: cli.watch,
        base_url: cli
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", cli.bind))
            .trim_end_matches('/')
            .to_string(),
    };
    let shared = actix_web::web::Data::new(SharedState::new(config));

    let _watch = if cli.watch {
        // Starting the watch builds once, so that errors present at start-up show in the banner.
        let templates = PathBuf::from("templates");
        let watch = crate::watch::start(
            &cli.content,
            &[static_dir, templates],
            &cli.db,
            shared.clone().into_inner(),
        )?;
        println!("Watching {} for changes", cli.content.display());
        Some(watch)
    } else {
        // A database from another version of the program, or a damaged one, is rebuilt too.
        let unreadable = match db::Database::open(&cli.db, cli.drafts) {
            Err(DbError::Invalid { .. }) => {
                eprintln!(
                    "The database {} is damaged or from another version: rebuilding it from {}.",
                    cli.db.display(),
                    cli.content.display()
                );
                true
            }
            _ => false,
        };
        if unreadable || !cli.db.is_file() {
            build(&cli.content, &cli.db)?;
        } else {
            // A database is there: serve it at once, and see in the background whether the
            // content changed since (a stat of every file: a second at 100,000 entries). A
            // rebuild swaps the new file in, and the workers open it within a second.
            let (content_dir, db_path) = (cli.content.clone(), cli.db.clone());
            std::thread::spawn(move || {
                if !is_stale(&content_dir, &db_path) {
                    return;
                }
                println!(
                    "The content changed since {} was built: rebuilding it, serving the previous build meanwhile.",
                    db_path.display()
                );
                match build(&content_dir, &db_path) {
                    Ok(()) => {}
                    Err(CliError::Content(report)) => eprintln!(
                        "{report}\nThe content has errors: serving the last good database instead."
                    ),
                    Err(e) => eprintln!("error: {e}"),
                }
            });
        }
        None
    };
    // Fail at start-up, not on the first request, when the database cannot be read.
    db::Database::open(&cli.db, cli.drafts)?;

    let addr = cli.bind;
    actix_web::rt::System::new().block_on(async move {
        let server = actix_web::HttpServer::new(move || crate::web::app(shared.clone()))
            // Slow or idle clients are cut off rather than holding a connection open.
            .client_request_timeout(std::time::Duration::from_secs(5))
            .client_disconnect_timeout(std::time::Duration::from_secs(2))
            .keep_alive(std::time::Duration::from_secs(15))
            .bind(addr)
            .map_err(|source| CliError::Bind { addr, source })?;
        let local = server.addrs().first().copied().unwrap_or(addr);
        println!("Serving Memorial Atlas on http://{local}/ (Ctrl-C to stop)");
        server.run().await.map_err(CliError::Server)
    })
}
