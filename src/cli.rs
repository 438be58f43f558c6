//! The command line: `serve` (the default), `build` and `check`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use actix_web::web::Data;
use clap::{Parser, Subcommand};

use crate::content::{self, ErrorReport};
use crate::db::{self, DbError};
use crate::logging::Chain;
use crate::rebuild::{Pipeline, RebuildError};
use crate::scaffold;
use crate::watch::Watch;
use crate::web::exports::{self, ExportError};
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

    /// Rebuild when the content or static/ changes, and show content errors on every page.
    /// (Templates are compiled in: changing them needs the program built again.)
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
    Build {
        /// Also write the open-data files for --base-url now. Without it, a server writes the
        /// set for its own address in the background as soon as it reads the new database.
        #[arg(long)]
        exports: bool,
    },
    /// Check every content file and report every error; writes nothing.
    Check {
        /// `text` for people, `json` for tools and editors' plug-ins.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also list, per language, which entries are translated, which translations are
        /// older than their original, and which entries have none.
        #[arg(long)]
        translations: bool,
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
        /// Start a translation of the existing entry SLUG into this language (ru, ko or zh),
        /// with the original's words shown as comments to translate from.
        #[arg(long)]
        lang: Option<String>,
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
    Exports(#[from] ExportError),
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
            translations,
        } => check(&cli.content, *translations),
        Command::Check {
            format: Format::Json,
            translations,
        } => check_json(&cli.content, *translations),
        Command::New {
            kind,
            slug,
            title,
            country,
            lang: Some(lang),
        } => {
            let _ = (title, country);
            let today = chrono::Local::now().date_naive();
            let path = scaffold::create_translation(&cli.content, *kind, slug, lang, today)?;
            println!(
                "created {}: translate the words shown as comments, then run `memorial-atlas check`",
                path.display()
            );
            Ok(())
        }
        Command::New {
            kind,
            slug,
            title,
            country,
            lang: None,
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
        Command::Build { exports } => {
            build(&Pipeline::new(&cli.content, &cli.db))?;
            // Off by default: the files cost as much again as the database, and the server
            // that reads it writes them anyway, off the request path.
            match exports {
                true => write_exports(&cli.db, &base_url(&cli), cli.drafts),
                false => Ok(()),
            }
        }
        Command::Serve => serve(&cli),
    }
}

fn check(content_dir: &Path, translations: bool) -> Result<(), CliError> {
    let c = content::load(content_dir).map_err(|report| {
        print_warnings(&report.warnings);
        CliError::Content(report)
    })?;
    print_warnings(&c.warnings);
    if translations {
        print_translations(&content::translation::status(&c));
    }
    let warnings = match c.warnings.len() {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    };
    println!(
        "ok: {} sites, {} countries, {} dates, {} pages checked; no errors{warnings}",
        c.sites.len(),
        c.countries.len(),
        c.dates.len(),
        c.pages.len()
    );
    Ok(())
}

/// Per language: how many entries are translated, and which are older than their original or
/// missing.
fn print_translations(status: &[content::translation::LanguageStatus]) {
    for s in status {
        println!(
            "{}: {} translated, {} older than their original, {} missing",
            s.lang,
            s.translated.len(),
            s.stale.len(),
            s.missing.len()
        );
        for st in &s.stale {
            println!(
                "  older: {} ({} changed on {})",
                st.file.display(),
                st.original.display(),
                st.original_changed
            );
        }
        for m in &s.missing {
            println!("  missing: {}", m.display());
        }
    }
}

/// Warnings go to standard error, like errors: the content is accepted all the same.
fn print_warnings(warnings: &[content::ContentError]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

/// Every error as one JSON document on standard output, for tools.
fn check_json(content_dir: &Path, translations: bool) -> Result<(), CliError> {
    let (errors, warnings, count, status) = match content::load(content_dir) {
        Ok(c) => {
            let status = translations.then(|| content::translation::status(&c));
            (Vec::new(), c.warnings, 0, status)
        }
        Err(report) => {
            let n = report.len();
            (report.errors, report.warnings, n, None)
        }
    };
    let mut doc = serde_json::json!({
        "ok": count == 0,
        "error_count": count,
        "errors": errors,
        "warning_count": warnings.len(),
        "warnings": warnings,
    });
    if let Some(status) = status {
        doc["translations"] = serde_json::json!(status);
    }
    println!("{doc:#}");
    if count == 0 {
        Ok(())
    } else {
        Err(CliError::Reported(count))
    }
}

impl From<RebuildError> for CliError {
    fn from(e: RebuildError) -> Self {
        match e {
            RebuildError::Content(report) => CliError::Content(report),
            RebuildError::Db(e) => CliError::Db(e),
        }
    }
}

/// Builds the database and says what it holds.
fn build(pipeline: &Pipeline) -> Result<(), CliError> {
    let stats = pipeline.build()?;
    println!(
        "built {}: {} sites ({} drafts), {} countries, {} dates, {} pages in {:.2} s",
        pipeline.db_path.display(),
        stats.sites,
        stats.drafts,
        stats.countries,
        stats.dates,
        stats.pages,
        stats.elapsed.as_secs_f64()
    );
    Ok(())
}

fn serve(cli: &Cli) -> Result<(), CliError> {
    let pipeline = Pipeline::new(&cli.content, &cli.db);
    // A live preview killed during an update left its journal: roll it back before reading.
    db::recover(&cli.db)?;
    let shared = Data::new(SharedState::new(site_config(cli)));
    let _watch = if cli.watch {
        Some(watch(&pipeline, &shared)?)
    } else {
        prepare_database(&pipeline, &shared)?;
        None
    };
    // Fail at start-up, not on the first request, when the database cannot be read.
    db::Database::open(&cli.db, cli.drafts)?;
    run_server(cli.bind, shared)
}

fn site_config(cli: &Cli) -> SiteConfig {
    SiteConfig {
        db_path: cli.db.clone(),
        static_dir: content::static_dir_for(&cli.content),
        drafts: cli.drafts,
        today: None,
        edit_url: cli.edit_url.clone(),
        watch: cli.watch,
        base_url: base_url(cli),
    }
}

/// The public address: `--base-url`, or else http:// and the `--bind` address.
fn base_url(cli: &Cli) -> String {
    cli.base_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", cli.bind))
        .trim_end_matches('/')
        .to_string()
}

/// `build`: the open-data files for the `--base-url` the site will be served at. A server with
/// another address writes its own set when it starts.
fn write_exports(db_path: &Path, base_url: &str, drafts: bool) -> Result<(), CliError> {
    let started = std::time::Instant::now();
    let set = exports::ensure(db_path, base_url, drafts)?;
    println!(
        "wrote the open-data files for {base_url} in {:.2} s: {}",
        started.elapsed().as_secs_f64(),
        set.dir.display()
    );
    Ok(())
}

/// Takes in a rebuild's outcome, then writes the new database's open-data files (on the
/// rebuild's own thread), so that the first reuser after it does not wait for them. Live
/// preview leaves them to the first request for one: writing them after every save would
/// hold up the next (seconds at 100,000 sites).
fn rebuilt(shared: &SharedState, outcome: crate::rebuild::Outcome) {
    let replaced = outcome.is_ok();
    shared.rebuilt(outcome);
    if replaced && !shared.config.watch {
        exports_in_background(shared);
    }
}

fn exports_in_background(shared: &SharedState) {
    let c = &shared.config;
    if let Err(e) = exports::ensure(&c.db_path, &c.base_url, c.drafts) {
        tracing::error!("the open-data files were not written: {}", Chain(&e));
    }
}

/// `serve --watch`: starting the watch builds once, so that errors present at start-up show in
/// the banner at once.
fn watch(pipeline: &Pipeline, shared: &Data<SharedState>) -> Result<Watch, CliError> {
    let static_dir = shared.config.static_dir.clone();
    let shared = shared.clone();
    let watch = crate::watch::start(
        pipeline.clone(),
        std::slice::from_ref(&static_dir),
        move |outcome| rebuilt(&shared, outcome),
    )?;
    println!(
        "Watching {} and {} for changes",
        pipeline.content_dir.display(),
        static_dir.display()
    );
    Ok(watch)
}

/// Without `--watch`: a database that is missing, damaged or from another version of the
/// program is built before serving; one that is only older than the content is served at once
/// and rebuilt in the background (a stat of every file: a second at 100,000 entries).
fn prepare_database(pipeline: &Pipeline, shared: &Data<SharedState>) -> Result<(), CliError> {
    let db_path = &pipeline.db_path;
    let unreadable = matches!(
        db::Database::open(db_path, shared.config.drafts),
        Err(DbError::Invalid { .. })
    );
    if unreadable {
        tracing::warn!(
            "The database {} is damaged or from another version: rebuilding it from {}.",
            db_path.display(),
            pipeline.content_dir.display()
        );
    }
    if unreadable || !db_path.is_file() {
        build(pipeline)?;
        let shared = shared.clone();
        let started = std::thread::Builder::new()
            .name("exports".into())
            .spawn(move || exports_in_background(&shared));
        // Without the thread the files are written at the first request for one.
        if let Err(e) = started {
            tracing::error!("cannot write the open-data files in the background: {e}");
        }
        return Ok(());
    }
    let (pipeline, shared) = (pipeline.clone(), shared.clone());
    let started = std::thread::Builder::new()
        .name("rebuild".into())
        .spawn(move || {
            pipeline.rebuild_served_if_stale(|outcome| rebuilt(&shared, outcome));
            // The files of the database served now (nothing to do when they are there).
            exports_in_background(&shared);
        });
    // Without the thread the database is only not rebuilt: the site can still be served.
    if let Err(e) = started {
        tracing::error!("cannot look for content changes in the background: {e}");
    }
    Ok(())
}

fn run_server(addr: SocketAddr, shared: Data<SharedState>) -> Result<(), CliError> {
    actix_web::rt::System::new().block_on(async move {
        let server = actix_web::HttpServer::new(move || crate::web::app(shared.clone()))
            // Slow or idle clients are cut off rather than holding a connection open.
            .client_request_timeout(Duration::from_secs(5))
            .client_disconnect_timeout(Duration::from_secs(2))
            .keep_alive(Duration::from_secs(15))
            .bind(addr)
            .map_err(|source| CliError::Bind { addr, source })?;
        let local = server.addrs().first().copied().unwrap_or(addr);
        println!("Serving Memorial Atlas on http://{local}/ (Ctrl-C to stop)");
        server.run().await.map_err(CliError::Server)
    })
}
