//! Dates: `30 April 2025`, `May 6`, `February 12, 2025`, `in 2024`, and
//! dates written relative to the article's date: `on Wednesday`, `last
//! week`, `yesterday`, `earlier this month`, `in April`. Normalised to ISO
//! 8601 here when the year is written; the others are normalised against
//! the article's date when reading (`crate::read::time`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Detail, EntityKind, Mention, Recogniser};

/// Days, which end a name as months do ("the Treaty on Monday").
pub(crate) const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

// Word boundaries are ASCII ones (`(?-u:\b)`): a Unicode boundary would
// send the search off the fast DFA at the first non-ASCII character, and
// every word these patterns start or end with is ASCII.
#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m =
        "(January|February|March|April|May|June|July|August|September|October|November|December)";
    Regex::new(&format!(
        r"(?-u:\b)(?:(?P<d1>\d{{1,2}}) {m}(?: (?P<y1>\d{{4}}))?|{m} (?P<d2>\d{{1,2}})(?:, (?P<y2>\d{{4}}))?(?-u:\b)|(?:in|since|by) (?P<y3>(?:19|20)\d\d)(?-u:\b))"
    ))
    .expect("date pattern")
});

/// Dates relative to the article's date. The label of the mention is the
/// phrase without its preposition (`last week`, `Wednesday`), which
/// `crate::read::time::resolve` reads.
#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let day = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    let month =
        "January|February|March|April|May|June|July|August|September|October|November|December";
    Regex::new(&format!(
        r"(?-u:\b)(?:(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ll]ate|[Ee]arly) (?P<day>{day})(?-u:\b)|(?P<rel_day>(?:[Ll]ast|[Nn]ext|[Tt]his) (?:{day}))(?-u:\b)|(?P<deictic>[Yy]esterday|[Tt]omorrow)(?-u:\b)|(?P<period>(?:(?:[Ee]arlier|[Ll]ater) this|[Ll]ast|[Nn]ext|[Tt]his) (?:week|month|year))(?-u:\b)|(?:[Ii]n|[Ss]ince|[Ll]ast|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate) (?P<month>(?:{month})(?: \d{{4}})?)(?-u:\b)(?P<after> \d| of(?-u:\b)| [A-Z]|['’])?)"
    ))
    .expect("relative date pattern")
});

#[derive(Default)]
pub struct DateRecogniser;

impl DateRecogniser {
    pub fn new() -> Self {
        DateRecogniser
    }
}

/// Words before a day in its sentence that put it in the future.
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "scheduled",
    "due",
    "expected",
    "set",
    "plans",
    "planned",
    "planning",
    "going",
    "intends",
    "hopes",
    "upcoming",
];

/// Whether the sentence holding byte `at`, up to it, speaks of the future.
fn future_before(ctx: &Context, at: usize) -> bool {
    let Some(tok) = ctx.token_starting_at(at) else {
        return false;
    };
    let s = &ctx.seg.sentences[ctx.sentence_of(tok)];
    (s.first_token..tok).any(|k| FUTURE.contains(&ctx.lower[k]))
}

fn month_number(name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i + 1)
}

impl Recogniser for DateRecogniser {
    fn name(&self) -> &'static str {
        "date"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        for c in DATE.captures_iter(ctx.text) {
            let Some(all) = c.get(0) else { continue };
            let (start, iso) = if let Some(y) = c.name("y3") {
                (y.start(), Some(y.as_str().to_string()))
            } else {
                let month = c
                    .get(2)
                    .or_else(|| c.get(4))
                    .and_then(|m| month_number(m.as_str()));
                let day = c
                    .name("d1")
                    .or_else(|| c.name("d2"))
                    .and_then(|d| d.as_str().parse::<u32>().ok());
                let year = c.name("y1").or_else(|| c.name("y2"));
                let iso = match (year, month, day) {
                    (Some(y), Some(m), Some(d)) if (1..=31).contains(&d) => {
                        Some(format!("{}-{:02}-{:02}", y.as_str(), m, d))
                    }
                    _ => None,
                };
                (all.start(), iso)
            };
            found.push(Mention {
                start,
                end: all.end(),
                kind: EntityKind::Date,
                label: ctx.text[start..all.end()].to_string(),
                rule: "date.pattern",
                detail: Detail::Date { iso },
            });
        }
        for c in RELATIVE.captures_iter(ctx.text) {
            let Some(m) = ["day", "rel_day", "deictic", "period", "month"]
                .iter()
                .find_map(|n| c.name(n))
            else {
                continue;
            };
            // "since March 3": the full date is read above; "in April
            // Fools' Day", "by March Madness": not a date.
            if c.name("after").is_some() {
                continue;
            }
            // "is due to visit Washington on Friday": the coming Friday.
            let label = if c.name("day").is_some() && future_before(ctx, m.start()) {
                format!("coming {}", m.as_str())
            } else {
                m.as_str().to_string()
            };
            found.push(Mention {
                start: m.start(),
                end: m.end(),
                kind: EntityKind::Date,
                label,
                rule: "date.relative",
                detail: Detail::Date { iso: None },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn dates_table() {
        let cases = [
            (
                "signed on 30 April 2025.",
                "30 April 2025",
                Some("2025-04-30"),
            ),
            ("on May 6, the office said", "May 6", None),
            (
                "on February 12, 2025 it",
                "February 12, 2025",
                Some("2025-02-12"),
            ),
            ("In early 2024, Ukraine", "2024", None),
            ("signed in 2024 with", "2024", Some("2024")),
        ];
        for (text, span, iso) in cases {
            let seg = segment(text, &Default::default());
            let mut buf = String::new();
            let ctx = Context::new(text, &seg, &mut buf);
            let mut found = Vec::new();
            DateRecogniser::new().recognise(&ctx, &mut found);
            if span == "2024" && iso.is_none() {
                assert!(found.is_empty(), "{text}");
                continue;
            }
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(&text[found[0].start..found[0].end], span);
            assert_eq!(
                found[0].detail,
                Detail::Date {
                    iso: iso.map(String::from)
                }
            );
        }
    }
}
