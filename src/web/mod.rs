//! Serving: the app's state, its routes, and the server itself. Pages are built in `handlers`,
//! their templates' data in `views`; all data comes from [`crate::db::Database`].

pub mod assets;
pub mod context;
pub mod error;
pub mod handlers;
pub mod state;
pub mod views;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Compress, DefaultHeaders};
use actix_web::{App, web};

pub use context::Ctx;
pub use error::PageError;
pub use state::{SharedState, SiteConfig, WorkerDb};

/// The security headers every response carries: no script at all, nothing from other origins.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}

/// Registers every route. Called once per worker, which gets its own read-only connection.
pub fn configure(shared: web::Data<SharedState>) -> impl Fn(&mut web::ServiceConfig) + Clone {
    move |cfg: &mut web::ServiceConfig| {
        let static_dir = shared.config.static_dir.clone();
        cfg.app_data(shared.clone())
            .app_data(web::Data::new(WorkerDb::new(shared.clone().into_inner())))
            .route("/", web::get().to(handlers::home::home))
            .route("/sites/", web::get().to(handlers::sites::list))
            .route("/sites/{slug}/", web::get().to(handlers::sites::show))
            .route("/countries/", web::get().to(handlers::countries::list))
            .route(
                "/countries/{code}/",
                web::get().to(handlers::countries::show),
            )
            .route("/dates/", web::get().to(handlers::dates::list))
            .route("/dates/{slug}/", web::get().to(handlers::dates::show))
            .route(assets::STYLESHEET_ROUTE, web::get().to(assets::stylesheet))
            .service(
                actix_files::Files::new("/static", static_dir)
                    .prefer_utf8(true)
                    .default_handler(web::to(handlers::fallback::not_found)),
            )
            .route("/{slug}/", web::get().to(handlers::pages::show))
            .default_service(web::to(handlers::fallback::fallback));
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
    App::new()
        .wrap(actix_web::middleware::from_fn(
            handlers::fallback::redirects,
        ))
        .wrap(Compress::default())
        .wrap(security_headers())
        .configure(configure(shared))
}
