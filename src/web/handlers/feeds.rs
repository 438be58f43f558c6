//! Subscriptions: the Atom feed of recently added or checked entries, and the commemoration dates
//! as iCalendar (RFC 5545) for any calendar app, for all countries or one.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};

use askama::Template;

use crate::db::read::{DateRef, DateRow, EntryKind, SiteSummary};
use crate::i18n::I18n;
use crate::web::views::{DateItem, SiteItem};
use crate::web::{Ctx, PageError};

const FEED_ENTRIES: u32 = 50;

fn built_at(ctx: &Ctx) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(ctx.db.built_at())
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|_| Utc::now())
}

/// The Atom feed; each entry with its `updated` stamp.
#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed<'a> {
    t: I18n,
    base: &'a str,
    updated: String,
    entries: Vec<(SiteItem<&'a SiteSummary>, String)>,
}

pub async fn atom(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let mut sites = ctx.db.recently_changed(FEED_ENTRIES)?;
    ctx.db.localize_sites(ctx.lang, &mut sites)?;
    let built = built_at(&ctx);
    let stamp = |d: Option<NaiveDate>| {
        d.and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
            .unwrap_or(built)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let latest = sites.iter().filter_map(|s| s.lastmod).max();
    let feed = Feed {
        t: ctx.t,
        base: &ctx.state.config.base_url,
        updated: stamp(latest),
        entries: sites
            .iter()
            .map(|s| (SiteItem(s), stamp(s.lastmod)))
            .collect(),
    };
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(feed.render()?))
}

pub async fn calendar(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let dates = ctx.db.dates_in(ctx.lang)?;
    ics(&ctx, &ctx.t.t("calendar-name"), &dates)
}

pub async fn country_calendar(
    ctx: Ctx,
    code: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let country = ctx.db.country(&code)?.ok_or(PageError::NotFound)?;
    let name = ctx
        .db
        .name_in(EntryKind::Country, &country.code, ctx.lang)?
        .unwrap_or(&country.name)
        .to_string();
    let dates: Vec<DateRow> = ctx
        .db
        .dates_in(ctx.lang)?
        .into_iter()
        .filter(|d| d.countries.iter().any(|(c, _)| *c == country.code))
        .collect();
    ics(
        &ctx,
        &ctx.t.with("calendar-name-country", &[("country", &name)]),
        &dates,
    )
}

/// A calendar of commemoration dates. iCalendar crates (`icalendar`, `ics`) keep a component's
/// properties in a sorted map and add their own stamps, which would reorder and change every
/// event that subscribers already have; a template keeps the file as it is.
#[derive(Template)]
#[template(path = "calendar.ics")]
struct Calendar<'a> {
    t: I18n,
    base: &'a str,
    name: &'a str,
    stamp: String,
    events: Vec<Event<'a>>,
}

/// A commemoration date as a yearly all-day event, from its first occurrence.
struct Event<'a> {
    date: DateItem<&'a DateRef>,
    start: NaiveDate,
    end: NaiveDate,
    description: String,
}

fn ics(ctx: &Ctx, name: &str, dates: &[DateRow]) -> Result<HttpResponse, PageError> {
    let events = dates
        .iter()
        .map(|d| {
            let start = first_day(d);
            let t = ctx.t;
            let day = t.day_of_year(d.date.month, d.date.day);
            let mut description = t.with("calendar-every-year", &[("day", &day)]);
            // The English text, or the translation's, where it translates the body.
            if d.body_lang == ctx.lang && !d.body_text.is_empty() {
                description = format!("{description} {}", d.body_text);
            }
            Event {
                date: DateItem(&d.date),
                start,
                end: start.succ_opt().unwrap_or(start),
                description,
            }
        })
        .collect();
    let calendar = Calendar {
        t: ctx.t,
        base: &ctx.state.config.base_url,
        name,
        stamp: built_at(ctx).format("%Y%m%dT%H%M%SZ").to_string(),
        events,
    };
    let text = calendar.render()?;
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        out.push_str(&fold(line));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(out))
}

/// The first day the event falls on: in the year it was first observed, else 2000 (a leap year,
/// so 29 February has a first occurrence too).
fn first_day(d: &DateRow) -> NaiveDate {
    let from = d.since.and_then(|y| i32::try_from(y).ok()).unwrap_or(2000);
    (from..from + 9)
        .find_map(|y| NaiveDate::from_ymd_opt(y, d.date.month, d.date.day))
        .unwrap_or_default()
}

/// Folds a content line at 75 octets, never inside a UTF-8 character, and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        // Continuation lines start with a space, which counts toward their 75 octets.
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "기념".repeat(40));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }
}
