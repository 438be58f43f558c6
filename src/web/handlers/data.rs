//! `/data/`: the open-data page, with each file's size and date.

use actix_web::{HttpRequest, HttpResponse};

use crate::logging::Chain;
use crate::web::exports::{Export, serve::current_set};
use crate::web::views::{DataFile, DataPage};
use crate::web::{Ctx, PageError};

/// `/data/`: what can be downloaded, how big each file is and when it last changed, and under
/// which licence. (The files are written first if this database has none yet.)
pub async fn index(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, PageError> {
    // The page is worth having without the figures: a set that cannot be written (a full
    // disk) is logged, and the list goes without sizes and dates.
    let files = match current_set(&req).await {
        Ok(set) => Export::ALL
            .into_iter()
            .filter_map(|e| {
                set.facts(e)
                    .map(|f| DataFile::new(e.file_name(), f, &ctx.t))
            })
            .collect(),
        Err(e) => {
            tracing::error!("the open-data files are not there: {}", Chain(&e));
            Vec::new()
        }
    };
    let page = DataPage {
        layout: ctx
            .layout(
                &ctx.t.t("data-title"),
                &ctx.t.t("data-description"),
                "/data/".into(),
            )
            .crumbs(&[("nav-home", "/")]),
        sites: ctx.db.counts()?.sites,
        located: ctx.db.located_count()?,
        files,
    };
    super::html(&page)
}
