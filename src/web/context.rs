//! What every page handler starts from: this worker's database connection and the shared state,
//! with the base layout already knowing about drafts and build errors.

use std::future::{Ready, ready};
use std::rc::Rc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use super::views::Layout;
use super::{PageError, SharedState, WorkerDb};
use crate::db::Database;
use crate::i18n::I18n;
use crate::lang::Lang;

pub struct Ctx {
    pub db: Rc<Database>,
    pub state: web::Data<SharedState>,
    /// The page's language, from its address's prefix, and its interface.
    pub lang: Lang,
    pub t: I18n,
}

impl Ctx {
    /// The base layout of a page, with the development banner when the last rebuild failed.
    /// `path` is the page's English address; the layout adds the language's prefix.
    pub fn layout(&self, title: &str, description: &str, path: String) -> Layout {
        let mut layout = Layout::new(self.t, title, description, Some(path));
        layout.build_errors = self.state.build_errors();
        layout.base_url = self.state.config.base_url.clone();
        layout
    }

    /// Where "suggest a correction" leads for an entry stored in `file`.
    pub fn correction_url(&self, file: &str) -> String {
        match &self.state.config.edit_url {
            Some(base) => format!(
                "{}/{}",
                base.trim_end_matches('/'),
                file.trim_start_matches('/')
            ),
            None => self.lang.path("/editorial-policy/#corrections"),
        }
    }
}

impl FromRequest for Ctx {
    type Error = PageError;
    type Future = Ready<Result<Ctx, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<SharedState>>().cloned();
        let worker = req.app_data::<web::Data<WorkerDb>>();
        let lang = Lang::of_path(req.path()).0;
        ready(match (state, worker) {
            (Some(state), Some(worker)) => worker
                .get()
                .map(|db| Ctx {
                    db,
                    state,
                    lang,
                    t: I18n::new(lang),
                })
                .map_err(PageError::Unavailable),
            _ => Err(PageError::internal(
                "the app was configured without its state",
            )),
        })
    }
}
