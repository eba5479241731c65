//! Names in the places of a deal's parties: capitalised names the lexicons
//! do not know, standing where only an agent can stand — `a deal between
//! PDVSA and Enarsa`, `an agreement with Nissan Motor`, `the Fiat-GM
//! deal`, `Shell's agreement`, `ONGC and NIOC reached a deal` — are
//! organisations.

use rustc_hash::FxHashSet;

use super::{Context, Detail, EntityKind, Mention, Recogniser};
use crate::rules::Rules;
use crate::segment::TokenKind;

pub struct PartySlotRecogniser {
    not_names: FxHashSet<String>,
    /// Nouns that say a name is an organisation ("energy firm X").
    descriptors: FxHashSet<String>,
    verbs: FxHashSet<String>,
    /// Agreement head nouns (their last words): a verb's subject is taken
    /// only when one follows the verb closely.
    heads: FxHashSet<String>,
}

/// Words that may stand between a subject and its verb ("has", "will").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "is",
    "was",
    "are",
    "were",
    "also",
    "finally",
    "has been",
    "recently",
    "yesterday",
];

/// "California-based", "state-owned": a capitalised word joined to a
/// lower-case one describes a name; it is none.
pub(crate) fn describing_compound(w: &str) -> bool {
    w.rsplit_once('-')
        .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase))
}

impl PartySlotRecogniser {
    pub fn new(rules: &Rules) -> Self {
        PartySlotRecogniser {
            not_names: rules.not_names.iter().cloned().collect(),
            descriptors: rules.org_descriptors.iter().cloned().collect(),
            verbs: rules
                .triggers
                .iter()
                .filter(|t| t.kind == crate::rules::TriggerKind::Verb)
                // "X is a party to the deal", "X is a signatory to it":
                // no verb of their own before the name.
                .filter(|t| t.predicate != "partyTo" && t.surface.first().is_some_and(|w| w != "a"))
                .filter_map(|t| t.surface.first().cloned())
                .collect(),
            heads: rules
                .agreement_heads
                .keys()
                .filter_map(|h| h.split(' ').next_back().map(str::to_string))
                .collect(),
        }
    }

    fn name_word(&self, ctx: &Context, covered: &[bool], i: usize) -> bool {
        i < ctx.len()
            && ctx.is_cap_word(i)
            && !covered[i]
            && !self.not_names.contains(ctx.tok(i))
            && !describing_compound(ctx.tok(i))
            && !plural_acronym(ctx.tok(i))
    }

    /// A run of free capitalised words starting at `i`: one past its end.
    fn run_right(&self, ctx: &Context, covered: &[bool], i: usize) -> Option<usize> {
        // Not the tail of a known name ("Nissan Motor").
        if !self.name_word(ctx, covered, i) || i > 0 && covered[i - 1] && ctx.adjacent(i - 1) {
            return None;
        }
        let mut e = i + 1;
        while e - i < 4 && self.name_word(ctx, covered, e) && ctx.adjacent(e - 1) {
            e += 1;
        }
        Some(e)
    }

    /// After a run of capitalised words ending at `e`: one or two
    /// lower-case words ending in a descriptor, then a known name ("South
    /// American bloc Mercosur"). One past the known name's end.
    fn describes_known(&self, ctx: &Context, covered: &[bool], e: usize) -> Option<usize> {
        let mut j = e;
        while j < e + 2
            && j < ctx.len()
            && ctx.token(j).kind == TokenKind::Word
            && !ctx.token(j).capitalised
        {
            j += 1;
        }
        if j == e || !self.descriptors.contains(ctx.lower[j - 1]) || !ctx.is_cap_word(j) {
            return None;
        }
        let mut end = j;
        while end < ctx.len() && covered[end] && ctx.is_cap_word(end) {
            end += 1;
        }
        (end > j).then_some(end)
    }

    /// A run of free capitalised words ending at `i`: its first token.
    fn run_left(&self, ctx: &Context, covered: &[bool], i: usize) -> Option<usize> {
        // Not the head of a known name.
        if !self.name_word(ctx, covered, i)
            || covered.get(i + 1).is_some_and(|c| *c) && ctx.adjacent(i)
        {
            return None;
        }
        let mut s = i;
        while i - s < 3 && s > 0 && self.name_word(ctx, covered, s - 1) && ctx.adjacent(s - 1) {
            s -= 1;
        }
        Some(s)
    }
}

impl Recogniser for PartySlotRecogniser {
    fn name(&self) -> &'static str {
        "party-slot"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        let mut covered = vec![false; ctx.len()];
        let mut agreements: Vec<(usize, usize)> = Vec::new();
        for m in found.iter() {
            // Every token a mention touches, aligned or not.
            let a = ctx.seg.tokens.partition_point(|t| t.end <= m.start);
            let b = ctx.seg.tokens.partition_point(|t| t.start < m.end);
            for c in covered.iter_mut().take(b).skip(a) {
                *c = true;
            }
            if let Detail::Agreement { plural: false, .. } = m.detail {
                if b > a {
                    agreements.push((a, b));
                }
            }
        }
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in &agreements {
            // After: "between X and Y", "with [Japanese rival] X".
            let mut k = b;
            if k < ctx.len() && matches!(ctx.lower[k], "between" | "with") {
                k += 1;
                for _ in 0..2 {
                    // "the", "its rival", "Venezuelan energy firm": a few
                    // words and known names that describe the party.
                    let mut lead = 0;
                    loop {
                        let from = k;
                        while k < ctx.len()
                            && lead < 3
                            && ctx.token(k).kind == TokenKind::Word
                            && (!ctx.token(k).capitalised || describing_compound(ctx.tok(k)))
                            && (describing_compound(ctx.tok(k))
                                || matches!(
                                    ctx.lower[k],
                                    "the" | "its" | "rival" | "partner" | "firm"
                                )
                                || self.descriptors.contains(ctx.lower[k])
                                || ctx
                                    .lower
                                    .get(k + 1)
                                    .is_some_and(|w| self.descriptors.contains(*w)))
                        {
                            k += 1;
                            lead += 1;
                        }
                        while k < ctx.len() && covered[k] && ctx.is_cap_word(k) {
                            k += 1; // "Japanese" (a demonym) before the name
                        }
                        // "Argentina's Enarsa": a country's company.
                        if k > from
                            && k + 1 < ctx.len()
                            && covered[k - 1]
                            && matches!(ctx.tok(k), "’s" | "'s")
                            && ctx.is_cap_word(k + 1)
                            && !covered[k + 1]
                        {
                            k += 1;
                            break;
                        }
                        if k == from {
                            break;
                        }
                    }
                    // A known name ends the party too: "between PDVSA and …".
                    let e = match self.run_right(ctx, &covered, k) {
                        // "the South American bloc Mercosur": words that
                        // describe the known name after a descriptor.
                        Some(e) => match self.describes_known(ctx, &covered, e) {
                            Some(end) => end,
                            None => {
                                runs.push((k, e));
                                e
                            }
                        },
                        None if k > b + 1 && covered[k - 1] && ctx.is_cap_word(k - 1) => k,
                        None => break,
                    };
                    if e < ctx.len() && ctx.lower[e] == "and" {
                        k = e + 1;
                    } else {
                        break;
                    }
                }
            }
            // Before: "the Fiat-GM deal", "Shell's agreement".
            let mut p = a;
            while p > 0
                && !ctx.token(p - 1).capitalised
                && p + 3 > a
                && ctx.token(p - 1).kind == crate::segment::TokenKind::Word
                && !matches!(
                    ctx.lower[p - 1],
                    "the" | "a" | "an" | "of" | "to" | "with" | "and" | "for" | "on" | "in"
                )
            {
                p -= 1;
            }
            if p > 0 && matches!(ctx.tok(p - 1), "’s" | "'s") && p > 1 {
                if let Some(s) = self.run_left(ctx, &covered, p - 2) {
                    runs.push((s, p - 1));
                }
            } else if p > 0 {
                // Only a pair joined by a hyphen: "Fiat-GM deal".
                if let Some(s) = self.run_left(ctx, &covered, p - 1) {
                    if s > 1 && ctx.tok(s - 1) == "-" {
                        runs.push((s, p));
                        if let Some(s2) = self.run_left(ctx, &covered, s - 2) {
                            runs.push((s2, s - 1));
                        }
                    }
                } else if p > 2 && ctx.tok(p - 2) == "-" {
                    // "Turkey-EU" with a known right side
                    if let Some(s2) = self.run_left(ctx, &covered, p - 3) {
                        runs.push((s2, p - 2));
                    }
                }
            }
        }
        // Subjects of an involvement verb: "ONGC and NIOC reached a deal".
        for v in 0..ctx.len() {
            if !self.verbs.contains(ctx.lower[v]) || covered[v] {
                continue;
            }
            // "MPs would support his government": no deal, no party.
            let sentence_end = ctx.seg.sentences[ctx.sentence_of(v)].end_token;
            if !(v + 1..sentence_end.min(v + 8)).any(|k| self.heads.contains(ctx.lower[k])) {
                continue;
            }
            let mut k = v;
            while k > 0 && AUXILIARIES.contains(&ctx.lower[k - 1]) {
                k -= 1;
            }
            if k == 0 {
                continue;
            }
            if let Some(s) = self.run_left(ctx, &covered, k - 1) {
                // "Demir of Ruritania signed": not after a preposition.
                let after_preposition = s > 0
                    && matches!(
                        ctx.lower[s - 1],
                        "of" | "in" | "from" | "at" | "to" | "for" | "with" | "by" | "on"
                    );
                if after_preposition {
                    continue;
                }
                runs.push((s, k));
                if s > 1 && ctx.lower[s - 1] == "and" {
                    if let Some(s2) = self.run_left(ctx, &covered, s - 2) {
                        runs.push((s2, s - 1));
                    }
                }
            }
        }
        runs.sort();
        runs.dedup();
        // A sentence's first word is capitalised anyway: alone, it is no name.
        runs.retain(|&(s, e)| {
            let first = ctx.seg.sentences[ctx.sentence_of(s)].first_token;
            !(s == first && e == s + 1)
        });
        for (s, e) in runs {
            let start = ctx.token(s).start;
            let end = ctx.token(e - 1).end;
            found.push(Mention {
                start,
                end,
                kind: EntityKind::Organization,
                label: ctx.text[start..end].to_string(),
                rule: "org.party-slot",
                detail: Detail::Organization {
                    org_type: "Organization".into(),
                    country: None,
                },
            });
        }
    }
}

/// "MPs", "MEPs", "NGOs": an acronym's plural is a common noun, no name.
fn plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}
