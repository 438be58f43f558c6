//! Serving: the app's state, its routes, and the server itself. Pages are built in `handlers`,
//! their templates' data in `views`; all data comes from [`crate::db::Database`].

pub mod access_log;
pub mod asset_handlers;
pub mod assets;
pub mod cache_middleware;
pub mod conditional;
pub mod context;
pub mod error;
pub mod escapers;
pub mod exports;
pub mod file_response;
pub mod fingerprint;
pub mod handlers;
pub mod hardening;
pub mod highlight;
pub mod map;
pub mod page_cache;
pub mod seo;
pub mod site_name;
pub mod state;
pub mod views;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Compress, DefaultHeaders};
use actix_web::{App, guard, web};

use crate::lang::Lang;

pub use context::Ctx;
pub use error::PageError;
pub use state::{SharedState, SiteConfig, WorkerDb};

/// The security headers every response carries: no script at all, nothing from other origins.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}

/// A route for GET and HEAD: a HEAD request gets the same headers as GET, without the body.
fn read() -> actix_web::Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// Registers every route. Called once per worker, which gets its own read-only connection.
pub fn configure(shared: web::Data<SharedState>) -> impl Fn(&mut web::ServiceConfig) + Clone {
    move |cfg: &mut web::ServiceConfig| {
        use handlers::*;
        let static_dir = shared.config.static_dir.clone();
        cfg.app_data(shared.clone())
            .app_data(web::PathConfig::default().error_handler(|_, _| PageError::NotFound.into()))
            .app_data(web::QueryConfig::default().error_handler(|e, _| {
                PageError::BadRequest(
                    error::Problem::new("error-bad-query").arg("detail", e.to_string()),
                )
                .into()
            }))
            .app_data(web::Data::new(WorkerDb::new(shared.clone().into_inner())))
            .configure(pages)
            .route("/sitemap.xml", read().to(sitemap::sitemap))
            .route("/sitemaps/{n}", read().to(sitemap::part))
            .route("/robots.txt", read().to(sitemap::robots))
            .configure(export_routes)
            .route(
                assets::STYLESHEET_ROUTE,
                read().to(asset_handlers::stylesheet),
            )
            .route(assets::ICON_ROUTE, read().to(asset_handlers::icon))
            .route("/favicon.ico", read().to(asset_handlers::icon))
            .service(
                actix_files::Files::new("/static", static_dir)
                    .prefer_utf8(true)
                    .use_etag(true)
                    .use_last_modified(true)
                    .default_handler(web::to(fallback::not_found)),
            )
            .configure(|cfg| {
                for lang in Lang::TRANSLATED {
                    cfg.service(
                        web::scope(lang.prefix())
                            .configure(pages)
                            .route("/{slug}/", read().to(handlers::pages::show))
                            .default_service(web::to(handlers::fallback::fallback)),
                    );
                }
            })
            .route("/{slug}/", read().to(pages::show))
            .default_service(web::to(fallback::fallback));
    }
}

/// The pages every language has, each under its prefix (none for English): the lists, entries,
/// search, the feed and calendars. Static files, the open data and the sitemap have one
/// address for all languages.
fn pages(cfg: &mut web::ServiceConfig) {
    use handlers::*;
    cfg.route("/", read().to(home::home))
        .route("/sites/", read().to(sites::list))
        .route("/sites/{slug}/", read().to(sites::show))
        .route("/countries/", read().to(countries::list))
        .route("/countries/{code}/", read().to(countries::show))
        .route("/dates/", read().to(dates::list))
        .route("/dates/{slug}/", read().to(dates::show))
        .route("/search", read().to(search::search))
        .route("/map/", read().to(map::world))
        .route("/on-this-day/", read().to(dates::today))
        .route("/on-this-day/{day}/", read().to(dates::day))
        .route("/feed.xml", read().to(feeds::atom))
        .route("/dates.ics", read().to(feeds::calendar))
        .route(
            "/countries/{code}/dates.ics",
            read().to(feeds::country_calendar),
        )
        .route("/data/", read().to(data::index));
}

/// `/data/sites.json`, `.geojson`, `.csv` and `.jsonl`: files written once per database.
fn export_routes(cfg: &mut web::ServiceConfig) {
    for export in exports::Export::ALL {
        cfg.route(
            &format!("/data/{}", export.file_name()),
            read().to(move |req| exports::serve::download(req, export)),
        );
    }
}

/// The whole application: routes plus the middleware every response passes through.
pub fn app(
    shared: web::Data<SharedState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    // The last `wrap` is the outermost. From the outside in: a log line for every request;
    // security headers on everything;
    // malformed requests refused; finished pages served from the worker's cache; compression;
    // validators on the uncompressed page; the site's own error pages; redirects for old and
    // slash-less addresses; the routes.
    App::new()
        .wrap(actix_web::middleware::from_fn(
            handlers::fallback::redirects,
        ))
        .wrap(actix_web::middleware::from_fn(error::own_pages))
        .wrap(actix_web::middleware::from_fn(cache_middleware::validators))
        .wrap(Compress::default())
        .wrap(actix_web::middleware::from_fn(
            cache_middleware::serve_cached,
        ))
        .wrap(actix_web::middleware::from_fn(hardening::screen))
        .wrap(security_headers())
        .wrap(actix_web::middleware::from_fn(access_log::log_request))
        .configure(configure(shared))
}
