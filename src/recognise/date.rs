//! Dates: `30 April 2025`, `May 6`, `February 12, 2025`, `in 2024`.
//! Normalised to ISO 8601 when the year is written.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Detail, EntityKind, Mention, Recogniser};

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

#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m =
        "(January|February|March|April|May|June|July|August|September|October|November|December)";
    Regex::new(&format!(
        r"\b(?:(?P<d1>\d{{1,2}}) {m}(?: (?P<y1>\d{{4}}))?|{m} (?P<d2>\d{{1,2}})(?:, (?P<y2>\d{{4}}))?\b|(?:in|since|by) (?P<y3>(?:19|20)\d\d)\b)"
    ))
    .expect("date pattern")
});

#[derive(Default)]
pub struct DateRecogniser;

impl DateRecogniser {
    pub fn new() -> Self {
        DateRecogniser
    }
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
            let ctx = Context::new(text, &seg);
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
