//! Organisations written as patterns rather than listed names:
//! a capitalised phrase ending in an organisation word (`Munich Security
//! Conference`, `Ministry of Foreign Affairs`), a country's institutions
//! (`Ukraine's parliament`), and a country's government written as
//! `the Ukrainian government` (a metonym of the country).

use std::collections::{BTreeMap, HashSet};

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind};
use rustc_hash::FxHashSet;

use super::date::{DAYS, MONTHS};
use super::{squash_spaces, Context, Detail, EntityKind, Mention, Recogniser};
use crate::rules::Rules;

pub struct OrgPatternRecogniser {
    heads: FxHashSet<String>,
    descriptors: FxHashSet<String>,
    not_names: FxHashSet<String>,
    government_words: FxHashSet<String>,
    honorifics: FxHashSet<String>,
    /// Country → its legislature's canonical name, from the lexicon.
    legislatures: BTreeMap<String, String>,
}

/// Heads of institution names, which may go on with "of X".
const INSTITUTIONS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Office",
    "Commission",
    "Court",
    "Bank",
    "Committee",
    "Agency",
    "Service",
    "Union",
    "Assembly",
    "Federation",
    "Association",
    "Organisation",
    "Organization",
    "Institute",
    "University",
    "Fund",
    "Secretariat",
    "Bureau",
    "Board",
    "Authority",
    "Parliament",
    "Congress",
    "Forces",
    "Army",
    "Conference",
    "Tribunal",
    "Staff",
    "Chamber",
    "Chambers",
    "League",
    "Movement",
    "Front",
    "Party",
];
/// Capitalised words of an office title, which no body's name joined by
/// "and" holds ("Prime Minister X and European Commission …"); the
/// honorifics of the lexicon (`Mr`, `Sir`) count too.
const OFFICE_TITLE_WORDS: &[&str] = &[
    "Prime",
    "Minister",
    "President",
    "Secretary",
    "Chancellor",
    "Premier",
    "Senator",
    "Governor",
    "Ambassador",
];

/// An organisation named by the pattern of its words, over bytes
/// `start..end`, labelled as written (spaces normalised).
fn pattern_mention(ctx: &Context, start: usize, end: usize, country: Option<String>) -> Mention {
    Mention {
        start,
        end,
        kind: EntityKind::Organization,
        label: squash_spaces(&ctx.text[start..end]),
        rule: "org.pattern.head",
        detail: Detail::Organization {
            org_type: "Organization".into(),
            country,
        },
    }
}

/// Heads written in lower case after a name in some house styles.
const LOWER_HEADS: &[&str] = &["party", "union"];

/// "Tigray People's Liberation Front", "Women's League": a plural noun's
/// possessive inside a name (a country's possessive ends a name instead).
fn plural_possessive(ctx: &Context, w: &str, at: usize) -> bool {
    matches!(w, "'s" | "’s")
        && at >= 2
        && matches!(ctx.tok(at - 2), "People" | "Children" | "Women" | "Men")
}

const LEGISLATURE_WORDS: &[&str] = &["parliament", "legislature", "lawmakers"];
const CONNECTORS: &[&str] = &["of", "for", "on"];

impl OrgPatternRecogniser {
    pub fn new(rules: &Rules) -> Self {
        let legislatures = rules
            .organisations
            .iter()
            .filter(|o| o.kind == "Legislature")
            .filter_map(|o| o.country.clone().map(|c| (c, o.name.clone())))
            .collect();
        OrgPatternRecogniser {
            heads: rules.org_heads.iter().cloned().collect(),
            descriptors: rules.org_descriptors.iter().cloned().collect(),
            not_names: rules.not_names.iter().cloned().collect(),
            government_words: rules.government_words.iter().cloned().collect(),
            honorifics: rules.honorifics.iter().cloned().collect(),
            legislatures,
        }
    }

    /// The first country (in `found` order) that starts at `start` and
    /// ends by `end`, from `by_start`: the countries of `found` by start.
    fn country_at<'m>(
        by_start: &BTreeMap<usize, Vec<&'m Mention>>,
        start: usize,
        end: usize,
    ) -> Option<&'m Mention> {
        by_start.get(&start)?.iter().copied().find(|m| m.end <= end)
    }
}

impl Recogniser for OrgPatternRecogniser {
    fn name(&self) -> &'static str {
        "org-pattern"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        let mut countries: BTreeMap<usize, Vec<&Mention>> = BTreeMap::new();
        for m in found.iter().filter(|m| m.kind == EntityKind::Country) {
            countries.entry(m.start).or_default().push(m);
        }
        let mut new = Vec::new();
        for i in 0..ctx.len() {
            if !ctx.is_cap_word(i) || !self.heads.contains(ctx.tok(i)) || ctx.in_title_case(i) {
                continue;
            }
            // Left: capitalised words on the same line. "Oil and Natural
            // Gas Corporation", "Public and Commercial Services Union":
            // "and" or "&" between capitalised words.
            let mut first = ctx.cap_run_start(i, |w, at| {
                w == "&"
                    || w == "and"
                        && (INSTITUTIONS.contains(&ctx.tok(i)) || ctx.tok(i) == "Corporation")
                    || plural_possessive(ctx, w, at)
            });
            // "Ursula von der Leyen and European Council President": a
            // run after a name's particle ends a person's name; the body
            // starts after "and".
            if first > 0 && super::person::PARTICLES.contains(&ctx.lower[first - 1]) {
                if let Some(a) = (first..i).find(|&k| ctx.lower[k] == "and") {
                    first = a + 1;
                }
            }
            // "Mercosur and European Union conclude": a run that starts
            // with a body or country already known, then "and", is two
            // names; the body starts after the "and".
            if let Some(a) = (first + 1..i).find(|&k| ctx.lower[k] == "and") {
                let (s, e) = (ctx.token(first).start, ctx.token(a - 1).end);
                if found.iter().any(|m| {
                    matches!(m.kind, EntityKind::Organization | EntityKind::Country)
                        && m.start == s
                        && m.end == e
                }) {
                    first = a + 1;
                }
            }
            // "Prime Minister Rishi Sunak and European Commission President
            // …": a run that starts with a person's title is a title, a
            // name and "and"; the body starts after the last "and".
            if let Some(a) = (first..i).rev().find(|&k| ctx.lower[k] == "and") {
                if (first..a).any(|k| {
                    OFFICE_TITLE_WORDS.contains(&ctx.tok(k)) || self.honorifics.contains(ctx.tok(k))
                }) {
                    first = a + 1;
                }
            }
            // Right: "of [the] Capitalised…" (Ministry of Foreign Affairs),
            // for the heads of institutions; a company is not "of the US".
            let mut last = i;
            let mut j = if INSTITUTIONS.contains(&ctx.tok(i)) {
                i + 1
            } else {
                ctx.len()
            };
            while j + 1 < ctx.len() && CONNECTORS.contains(&ctx.lower[j]) && ctx.adjacent(j - 1) {
                let mut k = j + 1;
                if ctx.lower[k] == "the" && k + 1 < ctx.len() {
                    k += 1;
                }
                // "the European Commission on Wednesday": a day or a month
                // says when, not which body.
                if !ctx.is_cap_word(k)
                    || DAYS.contains(&ctx.lower[k])
                    || MONTHS.contains(&ctx.lower[k])
                {
                    break;
                }
                while k + 1 < ctx.len() && ctx.is_cap_word(k + 1) && ctx.adjacent(k) {
                    k += 1;
                }
                last = k;
                j = k + 1;
            }
            // "The Scottish National Party", "A Labour Party spokesman": the
            // article is not part of the name.
            while first < i && matches!(ctx.lower[first], "the" | "a" | "an") {
                first += 1;
            }
            if first == i && last == i {
                continue;
            }
            let start = ctx.token(first).start;
            let end = ctx.token(last).end;
            // "the Russian Federation": a country's own name, no body.
            if countries
                .get(&start)
                .is_some_and(|ms| ms.iter().any(|m| m.end == end))
            {
                continue;
            }
            let country = Self::country_at(&countries, start, end).map(|m| m.label.clone());
            new.push(pattern_mention(ctx, start, end, country));
        }
        // "the Democratic Unionist party", "the United Auto Workers union":
        // a lower-case party or union after a capitalised name that is no
        // country ("the Ukrainian party" is not one).
        for i in 1..ctx.len() {
            if !LOWER_HEADS.contains(&ctx.tok(i)) || !ctx.is_cap_word(i - 1) || !ctx.adjacent(i - 1)
            {
                continue;
            }
            let mut first = ctx.cap_run_start(i - 1, |w, at| plural_possessive(ctx, w, at));
            // "The union said": the article names nothing.
            while first < i && matches!(ctx.lower[first], "the" | "a" | "an" | "this" | "that") {
                first += 1;
            }
            if first == i {
                continue;
            }
            let (start, end) = (ctx.token(first).start, ctx.token(i).end);
            let names_country = found.iter().any(|m| {
                m.kind == EntityKind::Country && m.start < ctx.token(i - 1).end && m.end > start
            });
            if names_country || ctx.in_title_case(i - 1) {
                continue;
            }
            new.push(pattern_mention(ctx, start, end, None));
        }
        // "brokerage Merrill Lynch": a name after a descriptor is an
        // organisation, and so is the same name anywhere in the document.
        let mut described: HashSet<&str> = HashSet::new();
        for i in 1..ctx.len() {
            if !self.descriptors.contains(ctx.lower[i - 1]) || !ctx.adjacent(i - 1) {
                continue;
            }
            let mut e = i;
            while e < ctx.len()
                && e - i < 4
                && ctx.is_cap_word(e)
                && !self.not_names.contains(ctx.tok(e))
                && (e == i || ctx.adjacent(e - 1))
            {
                e += 1;
            }
            if e > i {
                described.insert(&ctx.text[ctx.token(i).start..ctx.token(e - 1).end]);
            }
        }
        // Every occurrence of every such name, found in one pass, in text
        // order (of one name, those that do not overlap, from the left).
        let mut described: Vec<&str> = described.into_iter().collect();
        described.sort_unstable();
        // A few names, one search: the automaton that is quickest to build.
        let occurrences = match AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&described)
        {
            Ok(ac) => ac.find_overlapping_iter(ctx.text).collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        };
        let mut next_free = vec![0; described.len()];
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for m in occurrences {
            let p = m.pattern().as_usize();
            if m.start() >= next_free[p] {
                next_free[p] = m.end();
                spans.push((m.start(), m.end(), p));
            }
        }
        spans.sort_unstable();
        for (start, end, p) in spans {
            let name = described[p];
            if ctx.token_starting_at(start).is_none() || ctx.token_ending_at(end).is_none() {
                continue;
            }
            new.push(Mention {
                start,
                end,
                kind: EntityKind::Organization,
                label: name.to_string(),
                rule: "org.descriptor",
                detail: Detail::Organization {
                    org_type: "Organization".into(),
                    country: None,
                },
            });
        }
        // A country's government and parliament.
        for c in found.iter().filter(|m| m.kind == EntityKind::Country) {
            let Some(last) = ctx.token_ending_at(c.end) else {
                continue;
            };
            let mut next = last + 1;
            if next < ctx.len() && matches!(ctx.tok(next), "’s" | "'s") {
                next += 1;
            }
            if next >= ctx.len() || !ctx.adjacent(next - 1) {
                continue;
            }
            let word = ctx.lower[next];
            let end = ctx.token(next).end;
            if self.government_words.contains(word)
                && ctx.token(next).kind == crate::segment::TokenKind::Word
            {
                new.push(Mention {
                    start: c.start,
                    end,
                    kind: EntityKind::Country,
                    label: c.label.clone(),
                    rule: "country.government",
                    detail: Detail::Country,
                });
            } else if LEGISLATURE_WORDS.contains(&word) {
                let name = self
                    .legislatures
                    .get(&c.label)
                    .cloned()
                    .unwrap_or_else(|| format!("Parliament of {}", c.label));
                new.push(Mention {
                    start: c.start,
                    end,
                    kind: EntityKind::Organization,
                    label: name,
                    rule: "org.legislature",
                    detail: Detail::Organization {
                        org_type: "Legislature".into(),
                        country: Some(c.label.clone()),
                    },
                });
            }
        }
        found.extend(new);
    }
}
