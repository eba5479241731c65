//! Gazetteer: countries (names, demonyms, seats of government), named
//! organisations and agreements known by name alone, matched
//! case-sensitively in one aho-corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Context, Detail, EntityKind, Mention, Recogniser};
use crate::rules::Rules;

#[derive(Debug, Clone)]
enum Entry {
    Country {
        name: String,
        rule: &'static str,
    },
    Org {
        name: String,
        org_type: String,
        country: Option<String>,
        rule: &'static str,
    },
    Agreement {
        name: String,
        class: String,
    },
}

/// Looks up every lexicon name at once.
pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

impl Gazetteer {
    pub fn new(rules: &Rules) -> Result<Self, aho_corasick::BuildError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        let mut add = |surface: &str, entry: Entry| {
            // "The Times" is also written "the Times" inside a sentence.
            let lower_article = surface
                .strip_prefix("The ")
                .map(|rest| format!("the {rest}"));
            for s in std::iter::once(surface.to_string()).chain(lower_article) {
                if !s.is_empty() && !patterns.contains(&s) {
                    patterns.push(s);
                    entries.push(entry.clone());
                }
            }
        };
        // Organisations first: "Russian Security Council" must not lose to "Russian".
        for o in &rules.organisations {
            let names = std::iter::once(&o.name).chain(&o.aliases);
            let surfaces = names
                .map(|s| (s, "org.lexicon"))
                .chain(o.adjectives.iter().map(|s| (s, "org.adjective")))
                .chain(o.seats.iter().map(|s| (s, "org.seat")));
            for (surface, rule) in surfaces {
                add(
                    surface,
                    Entry::Org {
                        name: o.name.clone(),
                        org_type: o.kind.clone(),
                        country: o.country.clone(),
                        rule,
                    },
                );
            }
        }
        // Before countries: "Oslo II" must not lose to "Oslo".
        for a in &rules.named_agreements {
            for surface in std::iter::once(&a.name).chain(&a.aliases) {
                add(
                    surface,
                    Entry::Agreement {
                        name: a.name.clone(),
                        class: a.class.clone(),
                    },
                );
            }
        }
        for c in &rules.countries {
            let country = |rule| Entry::Country {
                name: c.name.clone(),
                rule,
            };
            for s in std::iter::once(&c.name).chain(&c.aliases) {
                add(s, country("country.name"));
            }
            for s in &c.demonyms {
                // "Colombians", "Greeks": the people, who may act as the
                // country does ("Colombians rejected the accord").
                let plural = s
                    .strip_suffix('s')
                    .is_some_and(|one| c.demonyms.iter().any(|d| d == one));
                let rule = if plural {
                    "country.demonym-plural"
                } else {
                    "country.demonym"
                };
                add(s, country(rule));
            }
            for s in &c.seats {
                add(s, country("country.seat"));
            }
        }
        // Overlapping matches: "U.S. Treasury" and "U.S." are both
        // candidates; the overlap policy picks after all recognisers ran.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A full DFA: one table lookup a byte over every document.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)?;
        Ok(Gazetteer { automaton, entries })
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// The word right before byte `at`, when one of `joins` separates them.
fn word_before<'t>(text: &'t str, at: usize, joins: &[char]) -> Option<&'t str> {
    text.get(..at)?
        .strip_suffix(joins)?
        .rsplit([' ', '\n'])
        .next()
}

/// Words that make a demonym after them a region's adjective.
const REGION_WORDS: &[&str] = &["South", "North", "Latin", "Central", "East", "West"];

impl Recogniser for Gazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        let text = ctx.text;
        for m in self.automaton.find_overlapping_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            // Whole words only; "U.S." may be followed by anything.
            if is_word_char(before) || is_word_char(after) {
                continue;
            }
            let (kind, label, rule, detail) = match &self.entries[m.pattern().as_usize()] {
                // "the South American bloc", "Latin American leaders": a
                // region's adjective, not the country's ("South African"
                // is a demonym of its own, the longer match).
                // "exported by South America": a continent's name too
                // ("North Wales" and "South Sudan" keep their countries).
                Entry::Country { rule, .. }
                    if (matches!(*rule, "country.demonym" | "country.demonym-plural")
                        && word_before(text, m.start(), &[' ', '-'])
                            .is_some_and(|w| REGION_WORDS.contains(&w)))
                        || (*rule == "country.name"
                            && &text[m.start()..m.end()] == "America"
                            && word_before(text, m.start(), &[' '])
                                .is_some_and(|w| REGION_WORDS.contains(&w))) =>
                {
                    continue;
                }
                Entry::Country { name, rule } => {
                    // "the Royal Scots": a plural demonym after a
                    // capitalised word is inside a name, no people.
                    let in_name = *rule == "country.demonym-plural"
                        && word_before(text, m.start(), &[' ']).is_some_and(|w| {
                            w != "The" && w.chars().next().is_some_and(char::is_uppercase)
                        });
                    let rule = if in_name { "country.demonym" } else { *rule };
                    (EntityKind::Country, name.clone(), rule, Detail::Country)
                }
                Entry::Org {
                    name,
                    org_type,
                    country,
                    rule,
                } => (
                    EntityKind::Organization,
                    name.clone(),
                    *rule,
                    Detail::Organization {
                        org_type: org_type.clone(),
                        country: country.clone(),
                    },
                ),
                Entry::Agreement { name, class } => (
                    EntityKind::Agreement,
                    name.clone(),
                    "agreement.lexicon",
                    Detail::Agreement {
                        class: class.clone(),
                        topics: vec![],
                        named: true,
                        plural: false,
                        parties: vec![],
                    },
                ),
            };
            found.push(Mention {
                start: m.start(),
                end: m.end(),
                kind,
                label,
                rule,
                detail,
            });
        }
    }
}
