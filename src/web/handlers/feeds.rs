//! Subscriptions: the Atom feed of recently added or checked entries, and the commemoration dates
//! as iCalendar (RFC 5545) for any calendar app, for all countries or one.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};

use super::sitemap::escape_xml;
use crate::db::read::DateRow;
use crate::urls;
use crate::web::views::{DateItem, SiteItem};
use crate::web::{Ctx, PageError};

const FEED_ENTRIES: u32 = 50;

fn built_at(ctx: &Ctx) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(ctx.db.built_at())
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|_| Utc::now())
}

pub async fn atom(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let base = &ctx.state.config.base_url;
    let sites = ctx.db.recently_changed(FEED_ENTRIES)?;
    let built = built_at(&ctx);
    let stamp = |d: Option<NaiveDate>| {
        d.and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
            .unwrap_or(built)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let feed_updated = sites
        .iter()
        .filter_map(|s| s.lastmod)
        .max()
        .map(|d| stamp(Some(d)))
        .unwrap_or_else(|| stamp(None));

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n",
    );
    out.push_str("<title>Memorial Atlas: recently added and checked sites</title>\n");
    out.push_str(&format!(
        "<id>{}</id>\n",
        escape_xml(&format!("{base}/feed.xml"))
    ));
    out.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape_xml(&format!("{base}/feed.xml"))
    ));
    out.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_xml(&format!("{base}/"))
    ));
    out.push_str(&format!(
        "<updated>{feed_updated}</updated>\n<author><name>Memorial Atlas editors</name></author>\n"
    ));
    for s in &sites {
        let url = format!("{base}{}", urls::site(&s.slug));
        out.push_str("<entry>\n");
        out.push_str(&format!("<title>{}</title>\n", escape_xml(&s.title)));
        out.push_str(&format!("<id>{}</id>\n", escape_xml(&url)));
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_xml(&url)
        ));
        out.push_str(&format!("<updated>{}</updated>\n", stamp(s.lastmod)));
        out.push_str(&format!("<category term=\"{}\"/>\n", escape_xml(&s.kind)));
        out.push_str(&format!(
            "<summary type=\"text\">{}</summary>\n",
            escape_xml(&format!(
                "{} — {}, {}. {}",
                SiteItem(s).kind_label(),
                SiteItem(s).place(),
                s.country_name,
                s.description
            ))
        ));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(out))
}

pub async fn calendar(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let dates = ctx.db.dates()?;
    Ok(ics(&ctx, "Memorial Atlas: commemoration dates", &dates))
}

pub async fn country_calendar(
    ctx: Ctx,
    code: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let country = ctx.db.country(&code)?.ok_or(PageError::NotFound)?;
    let dates: Vec<DateRow> = ctx
        .db
        .dates()?
        .into_iter()
        .filter(|d| d.countries.iter().any(|(c, _)| *c == country.code))
        .collect();
    Ok(ics(
        &ctx,
        &format!("Memorial Atlas: commemoration dates in {}", country.name),
        &dates,
    ))
}

fn ics(ctx: &Ctx, name: &str, dates: &[DateRow]) -> HttpResponse {
    let base = &ctx.state.config.base_url;
    let stamp = built_at(ctx).format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Memorial Atlas//Commemoration dates//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", ics_text(name)),
    ];
    for d in dates {
        let start = first_day(d);
        let end = start.succ_opt().unwrap_or(start);
        let mut description = format!("{} every year.", DateItem(&d.date).day_label());
        if !d.body_text.is_empty() {
            description = format!("{description} {}", d.body_text);
        }
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            // Independent of the host name, so a subscription survives a move of the site.
            format!("UID:date-{}@memorial-atlas", d.date.slug),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
            format!(
                "RRULE:FREQ=YEARLY;BYMONTH={};BYMONTHDAY={}",
                d.date.month, d.date.day
            ),
            format!("SUMMARY:{}", ics_text(&d.date.title)),
            format!("DESCRIPTION:{}", ics_text(&description)),
            format!("URL:{base}{}", urls::date(&d.date.slug)),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
    }
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(out)
}

/// The first day the event falls on: in the year it was first observed, else 2000 (a leap year,
/// so 29 February has a first occurrence too).
fn first_day(d: &DateRow) -> NaiveDate {
    let from = d.since.and_then(|y| i32::try_from(y).ok()).unwrap_or(2000);
    (from..from + 9)
        .find_map(|y| NaiveDate::from_ymd_opt(y, d.date.month, d.date.day))
        .unwrap_or_default()
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
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

    #[test]
    fn escapes_text() {
        assert_eq!(ics_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
