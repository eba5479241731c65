//! Time: the article's own date, and dates in the text normalised against it.
//!
//! An article's date is the one it was given (a JSON-lines `date`), else its
//! dateline (a short line near the top that holds a full date: `01 May
//! 2025, 20:03 GMT+10`), else the run's `--date`.
//! Dates written relative to it are resolved to ISO 8601:
//!
//! | text                         | article of Wed 2025-04-30 |
//! |------------------------------|---------------------------|
//! | `yesterday`                  | `2025-04-29`              |
//! | `on Monday`                  | `2025-04-28` (the last Monday up to the article's day) |
//! | `will meet on Friday`        | `2025-05-02` (the sentence speaks of the future) |
//! | `last Wednesday`             | `2025-04-23` (strictly before) |
//! | `next Friday`                | `2025-05-02` (strictly after) |
//! | `last week` / `this week`    | `2025-W17` / `2025-W18`   |
//! | `earlier this month`         | `2025-04`                 |
//! | `last year`                  | `2024`                    |
//! | `in March` / `in June`       | `2025-03` / `2024-06` (the last one up to the article) |
//! | `May 6`                      | `2025-05-06` (within half a year after, else the year before) |
//!
//! All of it is a pure function of the document.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::super::recognise::date::MONTHS;

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Parses the start of an ISO 8601 date or date-time (`2025-05-01`,
/// `2025-05-01T20:03:00+10:00`).
pub fn parse_iso(s: &str) -> Option<Date> {
    s.trim().get(..10)?.parse::<Date>().ok()
}

#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m =
        "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
    Regex::new(&format!(
        r"\b(?:(?P<d1>\d{{1,2}}) {m}\.?,? (?P<y1>\d{{4}})|{m}\.? (?P<d2>\d{{1,2}}),? (?P<y2>\d{{4}})|(?P<iso>\d{{4}}-\d\d-\d\d))\b"
    ))
    .expect("full date pattern")
});

fn month_of(name: &str) -> Option<i8> {
    let lower = name.to_lowercase();
    let pos = MONTHS
        .iter()
        .position(|m| m.starts_with(&lower[..lower.len().min(3)]))?;
    i8::try_from(pos + 1).ok()
}

/// A full date in `s`, if it holds one.
fn full_date(s: &str) -> Option<(usize, usize, Date)> {
    let c = FULL_DATE.captures(s)?;
    let all = c.get(0)?;
    if let Some(iso) = c.name("iso") {
        return Some((all.start(), all.end(), parse_iso(iso.as_str())?));
    }
    let month = month_of(c.get(2).or_else(|| c.get(4))?.as_str())?;
    let day: i8 = c
        .name("d1")
        .or_else(|| c.name("d2"))?
        .as_str()
        .parse()
        .ok()?;
    let year: i16 = c
        .name("y1")
        .or_else(|| c.name("y2"))?
        .as_str()
        .parse()
        .ok()?;
    Some((all.start(), all.end(), Date::new(year, month, day).ok()?))
}

/// The dateline of an article: within its first six lines, a line of at
/// most ten words of which the date is the most (`01 May 2025, 20:03
/// GMT+10`, `Published 3 March 2025`, `Updated: March 3, 2025 10:00 ET`).
pub fn dateline(text: &str) -> Option<Date> {
    for line in text.lines().take(6) {
        let t = line.trim();
        let words = t.split_whitespace().count();
        if words == 0 || words > 10 {
            continue;
        }
        if let Some((start, end, date)) = full_date(t) {
            // The rest is a time, a zone, "Published"/"Updated": short.
            let rest = t.len() - (end - start);
            if rest <= 30 {
                return Some(date);
            }
        }
    }
    None
}

/// The article's date: the one it was given, else its dateline, else the
/// run's default (`--date`).
pub fn document_date(given: Option<&str>, default: Option<&str>, text: &str) -> Option<Date> {
    given
        .and_then(parse_iso)
        .or_else(|| dateline(text))
        .or_else(|| default.and_then(parse_iso))
}

fn shift(d: Date, days: i64) -> Option<Date> {
    d.checked_add(days.days()).ok()
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The last `day` on or before `anchor` (`strict`: before).
fn previous(anchor: Date, day: Weekday, strict: bool) -> Option<Date> {
    let back = i64::from(
        (anchor.weekday().to_monday_zero_offset() - day.to_monday_zero_offset()).rem_euclid(7),
    );
    let back = if strict && back == 0 { 7 } else { back };
    shift(anchor, -back)
}

/// The first `day` after `anchor`.
fn following(anchor: Date, day: Weekday) -> Option<Date> {
    let ahead = i64::from(
        (day.to_monday_zero_offset() - anchor.weekday().to_monday_zero_offset()).rem_euclid(7),
    );
    shift(anchor, if ahead == 0 { 7 } else { ahead })
}

/// Resolves a date mention's text (as the date recogniser labels it:
/// `last week`, `Wednesday`, `May 6`, `in 2024` → `2024`) against the
/// article's date: an ISO 8601 date (`2025-04-29`), week (`2025-W17`),
/// month (`2025-04`) or year (`2024`). `None` when the text needs an
/// article date and there is none, or is not a date it knows.
pub fn resolve(label: &str, anchor: Option<Date>) -> Option<String> {
    if let Some((_, _, d)) = full_date(label) {
        return Some(d.to_string());
    }
    let lower = label.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let [y] = words.as_slice() {
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            return Some((*y).to_string());
        }
    }
    let anchor = anchor?;
    let weekday = |w: &str| WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d);
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| *m == w)
            .and_then(|i| i8::try_from(i + 1).ok())
    };
    let resolved = match words.as_slice() {
        ["yesterday"] => shift(anchor, -1)?.to_string(),
        ["today"] => anchor.to_string(),
        ["tomorrow"] => shift(anchor, 1)?.to_string(),
        [w] if weekday(w).is_some() => previous(anchor, weekday(w)?, false)?.to_string(),
        ["last", w] if weekday(w).is_some() => previous(anchor, weekday(w)?, true)?.to_string(),
        ["next", w] if weekday(w).is_some() => following(anchor, weekday(w)?)?.to_string(),
        // A day in a sentence about the future: the first on or after.
        ["coming", w] if weekday(w).is_some() => {
            let day = weekday(w)?;
            if anchor.weekday() == day {
                anchor.to_string()
            } else {
                following(anchor, day)?.to_string()
            }
        }
        ["this", w] if weekday(w).is_some() => {
            let monday = previous(anchor, Weekday::Monday, false)?;
            let offset = i64::from(weekday(w)?.to_monday_zero_offset());
            shift(monday, offset)?.to_string()
        }
        ["last", "week"] => iso_week(shift(anchor, -7)?),
        ["next", "week"] => iso_week(shift(anchor, 7)?),
        ["this" | "earlier" | "later", .., "week"] => iso_week(anchor),
        ["last", "month"] => {
            let d = anchor.first_of_month().checked_sub(1.day()).ok()?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        ["next", "month"] => {
            let d = anchor.last_of_month().checked_add(1.day()).ok()?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        ["this" | "earlier" | "later", .., "month"] => {
            format!("{:04}-{:02}", anchor.year(), anchor.month())
        }
        ["last", "year"] => format!("{:04}", anchor.year() - 1),
        ["next", "year"] => format!("{:04}", anchor.year() + 1),
        ["this" | "earlier" | "later", .., "year"] => format!("{:04}", anchor.year()),
        [m, y] if month(m).is_some() && y.len() == 4 => {
            let y: i16 = y.parse().ok()?;
            format!("{:04}-{:02}", y, month(m)?)
        }
        [m] if month(m).is_some() => {
            let m = month(m)?;
            let year = if m <= anchor.month() {
                anchor.year()
            } else {
                anchor.year() - 1
            };
            format!("{year:04}-{m:02}")
        }
        [a, b] => {
            // "May 6", "6 May": the year that puts it within half a year
            // after the article, else the year before.
            let (m, d) = match (month(a), month(b)) {
                (Some(m), None) => (m, b.parse::<i8>().ok()?),
                (None, Some(m)) => (m, a.parse::<i8>().ok()?),
                _ => return None,
            };
            let this_year = Date::new(anchor.year(), m, d).ok()?;
            let date = if this_year > shift(anchor, 183)? {
                Date::new(anchor.year() - 1, m, d).ok()?
            } else {
                this_year
            };
            date.to_string()
        }
        _ => return None,
    };
    Some(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_table() {
        // A Wednesday.
        let anchor = parse_iso("2025-04-30");
        let cases = [
            ("yesterday", "2025-04-29"),
            ("Monday", "2025-04-28"),
            ("Wednesday", "2025-04-30"),
            ("Thursday", "2025-04-24"),
            ("last Wednesday", "2025-04-23"),
            ("next Friday", "2025-05-02"),
            ("this Friday", "2025-05-02"),
            ("coming Friday", "2025-05-02"),
            ("coming Wednesday", "2025-04-30"),
            ("last week", "2025-W17"),
            ("this week", "2025-W18"),
            ("earlier this month", "2025-04"),
            ("last month", "2025-03"),
            ("next month", "2025-05"),
            ("last year", "2024"),
            ("March", "2025-03"),
            ("June", "2024-06"),
            ("May 2024", "2024-05"),
            ("May 6", "2025-05-06"),
            ("6 December", "2024-12-06"),
            ("30 April 2025", "2025-04-30"),
            ("2024", "2024"),
        ];
        for (text, iso) in cases {
            assert_eq!(resolve(text, anchor).as_deref(), Some(iso), "{text}");
        }
        // Without an article date only what is written in full resolves.
        assert_eq!(resolve("yesterday", None), None);
        assert_eq!(resolve("May 6", None), None);
        assert_eq!(
            resolve("February 12, 2025", None).as_deref(),
            Some("2025-02-12")
        );
        // The turn of a year.
        let new_year = parse_iso("2025-01-02");
        assert_eq!(resolve("last month", new_year).as_deref(), Some("2024-12"));
        assert_eq!(resolve("last week", new_year).as_deref(), Some("2024-W52"));
        assert_eq!(resolve("this week", new_year).as_deref(), Some("2025-W01"));
        assert_eq!(
            resolve("December 30", new_year).as_deref(),
            Some("2024-12-30")
        );
    }

    #[test]
    fn datelines() {
        let text = "RT.com\n01 May 2025, 20:03 GMT+10\nWashington reportedly refused";
        assert_eq!(
            dateline(text).map(|d| d.to_string()).as_deref(),
            Some("2025-05-01")
        );
        assert_eq!(
            dateline("Headline\nUpdated: March 3, 2025 10:00 ET\nText").map(|d| d.to_string()),
            Some("2025-03-03".to_string())
        );
        // A date inside a sentence of the story is not a dateline.
        assert_eq!(
            dateline("Talks\nThe deal was signed on 30 April 2025 in Washington by both sides after months."),
            None
        );
        let day = |d: Option<Date>| d.map(|d| d.to_string());
        assert_eq!(
            day(document_date(Some("2025-05-01T20:03:00+10:00"), None, "")),
            Some("2025-05-01".to_string())
        );
        // An unreadable given date falls back to the dateline, then the default.
        assert_eq!(
            day(document_date(
                Some("not a date"),
                Some("2024-01-01"),
                "01 May 2025"
            )),
            Some("2025-05-01".to_string())
        );
        assert_eq!(
            day(document_date(None, Some("2024-01-01"), "no dateline")),
            Some("2024-01-01".to_string())
        );
    }
}
