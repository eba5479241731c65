//! Relations within a sentence: who holds which office (a title before a
//! name, an office in apposition), and who did what with which agreement,
//! from the trigger words of `ontology/rules/triggers.tsv`:
//!
//! - verb: the first group of agents in the clause is its subject (`Bessent
//!   and Svyrydenko signed the deal`); agents after `with` join them
//!   (`finalize the agreement with President Trump`); after `by` they are
//!   the agents of a passive (`the deal, signed by …`); a negation turns
//!   `sign` into `rejected` (`decided not to sign the deal`);
//! - noun: `negotiations with the U.S. on the security agreement`,
//!   `Zelensky's rejection of the deal`;
//! - role: `lists X and Y as signatories`;
//! - an agreement written with its parties (`the US-Ukraine minerals deal`,
//!   `the G7 Joint Declaration`) makes them `partyTo` it.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{Builder, LocalRelation, Span};
use crate::recognise::date::DAYS;
use crate::recognise::{describing_compound, Context, Detail, EntityKind, EntityRef};
use crate::rules::{Rules, TriggerKind};
use crate::segment::TokenKind;

/// Triggers by their first word, longest first.
pub(crate) struct TriggerIndex {
    by_first: FxHashMap<String, Vec<(Vec<String>, String, TriggerKind)>>,
    /// Honorifics as written (`Sir`): "NAO head Sir John Bourn".
    honorifics: HashSet<String>,
    /// Countries (by name, alias or demonym) and bodies (by name or
    /// alias), lower case: the first part of "US-brokered".
    names: FxHashMap<String, EntityRef>,
    /// Office titles (lower case) whose holder speaks for the post's
    /// country or body: the countries' top titles and `leader-title` words.
    leaders: HashSet<String>,
}

impl TriggerIndex {
    pub fn new(rules: &Rules) -> Self {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, String, TriggerKind)>> =
            FxHashMap::default();
        for t in &rules.triggers {
            if let Some(first) = t.surface.first() {
                by_first.entry(first.clone()).or_default().push((
                    t.surface.clone(),
                    t.predicate.clone(),
                    t.kind,
                ));
            }
        }
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
        let mut names: FxHashMap<String, EntityRef> = FxHashMap::default();
        for c in &rules.countries {
            for n in std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.demonyms)
            {
                names.entry(n.to_lowercase()).or_insert_with(|| EntityRef {
                    kind: EntityKind::Country,
                    name: c.name.clone(),
                });
            }
        }
        for o in &rules.organisations {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                names.entry(n.to_lowercase()).or_insert_with(|| EntityRef {
                    kind: EntityKind::Organization,
                    name: o.name.clone(),
                });
            }
        }
        let leaders = rules
            .leader_titles
            .iter()
            .cloned()
            .chain(
                rules
                    .countries
                    .iter()
                    .flat_map(|c| c.titles.iter().map(|t| t.to_lowercase())),
            )
            .collect();
        TriggerIndex {
            by_first,
            honorifics: rules.honorifics.clone(),
            names,
            leaders,
        }
    }

    /// The longest trigger starting at token `i`: (end token, predicate, kind).
    fn at(&self, ctx: &Context, i: usize, limit: usize) -> Option<(usize, &str, TriggerKind)> {
        let cands = self.by_first.get(ctx.lower[i])?;
        cands.iter().find_map(|(words, pred, kind)| {
            let end = i + words.len();
            if end <= limit && ctx.lower[i..end] == words[..] {
                return Some((end, pred.as_str(), *kind));
            }
            // "withdrew in 2019 from the treaty": a phrase of time or place
            // before a verb's closing preposition.
            let (last, verb) = words.split_last()?;
            let split = i + verb.len();
            if verb.is_empty()
                || !matches!(last.as_str(), "from" | "of" | "to" | "on")
                || split >= limit
                || ctx.lower[i..split] != verb[..]
            {
                return None;
            }
            let k = after_circumstances(ctx, split, limit);
            (k > split && k < limit && ctx.lower[k] == last.as_str()).then_some((
                k + 1,
                pred.as_str(),
                *kind,
            ))
        })
    }
}

/// Nouns after "the two" / "both" that stand for a pair of parties.
const TWO_PARTIES: &[&str] = &[
    "countries",
    "sides",
    "nations",
    "governments",
    "firms",
    "companies",
    "groups",
    "parties",
    "leaders",
    "men",
    "women",
    "presidents",
];
/// How many tokens either side of a trigger the readers look at.
const WINDOW: usize = 80;
/// Words that may stand between a verb and its object agreement.
const OBJECT_GAP: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "final", "new",
    "proposed", "revised", "initial", "any", "draft", "updated", "interim", "landmark", "historic",
];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any",
    "each", "every", "no",
];
/// Words that link the members of a group of agents.
const GROUP_LINKS: &[&str] = &[
    "and", ",", "led", "by", "along", "together", "with", "as", "well", "both", "the", "’s", "'s",
];
/// Words that end the noun phrase after a preposition.
const GROUP_BREAKS: &[&str] = &[
    "to", "of", "for", "in", "on", "at", "by", "from", "that", "which", "who", "whose", "and",
    "or", "but", "is", "was", "are", "were", "has", "have", "had", "will", "would", "said", "says",
];
/// Words that end a place's description before "by": links of clauses,
/// forms of "be" and "have", and "by" itself.
const DESCRIPTION_BREAKS: &[&str] = &[
    "and", "or", "but", "by", "who", "which", "whose", "that", "is", "was", "are", "were", "has",
    "have", "had", "will", "would", "said", "says",
];
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "n't",
    "refused",
    "declined",
    "failed",
    "won't",
    // "directed officials to stop negotiating the agreement"
    "stop",
    "stopped",
    "halt",
    "halted",
    "cease",
    "ceased",
    // "resigned rather than back the text"
    "than",
    // "voted to freeze ratification of the agreement"
    "freeze",
    "freezes",
    "froze",
    "frozen",
    "freezing",
    "suspend",
    "suspends",
    "suspended",
    "suspending",
    "shelve",
    "shelves",
    "shelved",
    "shelving",
];
/// Prepositions whose object is not the clause's subject.
const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "during",
    "in",
    "at",
    "on",
    "after",
    "before",
    "despite",
    "following",
    "amid",
    "under",
    "to",
    "into",
    "for",
    "about",
    "against",
    "visit",
    "visited",
    "visiting",
    "than",
    "like",
    "over",
    "from",
    "across",
    "near",
];
/// People who act for a party: "negotiators for X".
const ENVOY_NOUNS: &[&str] = &[
    "negotiators",
    "negotiator",
    "envoys",
    "envoy",
    "representatives",
    "delegates",
    "delegation",
    "delegations",
    "mediators",
    "team",
    "teams",
    "official",
    "officials",
    "diplomats",
    "ministers",
    "leaders",
];
/// Words that start a new clause with its own subject.
const CLAUSE_MARKERS: &[&str] = &[
    ";", ":", "–", "—", "that", "which", "who", "whereas", "while", "although", "because", "but",
];
const NOUN_LINKS: &[&str] = &[
    "on",
    "over",
    "of",
    "for",
    "about",
    "regarding",
    "concerning",
    "to",
];

/// A mention as the relation reader sees it: its token range and entity.
#[derive(Clone, Copy)]
struct M {
    first: usize,
    /// One past the last token.
    end: usize,
    entity: usize,
    kind: EntityKind,
    rule: &'static str,
    /// An agreement of the plain class (a deal, a merger, a takeover), not
    /// a treaty or a declaration.
    deal: bool,
}

/// A trigger in a sentence: its tokens, its predicate, where its clause
/// starts, and the sentence's byte span (the evidence).
#[derive(Clone, Copy)]
struct Site<'a> {
    t: (usize, usize),
    pred: &'a str,
    clause_start: usize,
    /// One past the last token the readers may look at.
    end_tok: usize,
    span: (usize, usize),
}

struct Acc {
    found: BTreeMap<(usize, String, usize), Vec<Span>>,
}

impl Acc {
    fn add(&mut self, s: usize, p: &str, o: usize, start: usize, end: usize, rule: &str) {
        if s == o {
            return;
        }
        let ev = self.found.entry((s, p.to_string(), o)).or_default();
        let span = Span {
            start,
            end,
            text: "".into(),
            rule: rule.into(),
        };
        if !ev.contains(&span) {
            ev.push(span);
        }
    }

    /// The countries and bodies of `group` (not its people) are parties
    /// to `agreement`.
    fn bodies_party_to(
        &mut self,
        group: &[M],
        agreement: usize,
        start: usize,
        end: usize,
        rule: &str,
    ) {
        for m in group.iter().filter(|m| m.kind != EntityKind::Person) {
            self.add(m.entity, "partyTo", agreement, start, end, rule);
        }
    }
}

/// A token that may stand inside a noun phrase before or after its head:
/// a lower-case word that does not end the phrase, a number, a currency
/// sign or a hyphen ("a 56-point deal", "its current $18.6bn loan agreement",
/// "the internationally-agreed roadmap").
fn modifier(ctx: &Context, k: usize) -> bool {
    let t = ctx.token(k);
    let w = ctx.lower[k];
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(w, "$" | "£" | "€" | "%") || tight_join(ctx, k),
        TokenKind::Word => {
            !t.capitalised && !GROUP_BREAKS.contains(&w) && !matches!(w, "'s" | "’s")
        }
    }
}

/// The post joined to `o` by "and", right after it (`after`) or right
/// before it: "Prime Minister and Foreign Minister".
fn post_joined(ctx: &Context, ms: &[M], in_s: &[usize], o: M, after: bool) -> Option<M> {
    in_s.iter().map(|&k| ms[k]).find(|b| {
        let (first, second) = if after { (o, *b) } else { (*b, o) };
        b.kind == EntityKind::Office
            && first.end + 1 == second.first
            && ctx.lower[first.end] == "and"
    })
}

/// "US-brokered", "Egyptian-backed": a name joined to a participle in one word.
fn compound_participle(w: &str) -> bool {
    w.rsplit_once('-')
        .is_some_and(|(name, part)| !name.is_empty() && joined_participle(part))
}

/// The participles a name joins with a hyphen ("US-brokered").
fn joined_participle(part: &str) -> bool {
    crate::segment::joined_participle(part).is_some()
}

/// A hyphen or slash written without spaces: "EU-US", "Turkey-EU".
fn tight_join(ctx: &Context, k: usize) -> bool {
    matches!(ctx.tok(k), "-" | "/")
        && k > 0
        && k + 1 < ctx.len()
        && ctx.token(k - 1).end == ctx.token(k).start
        && ctx.token(k).end == ctx.token(k + 1).start
}

fn is_agent(m: &M) -> bool {
    m.kind.is_agent() && !adjectival_name(m)
}

/// "Ukrainian", "European": a demonym or a body's adjective names a party
/// or a post's country, never the subject of a verb.
fn adjectival_name(m: &M) -> bool {
    matches!(m.rule, "country.demonym" | "org.adjective")
}

pub(crate) fn read(ctx: &Context, b: &Builder, triggers: &TriggerIndex) -> Vec<LocalRelation> {
    let mut acc = Acc {
        found: BTreeMap::new(),
    };
    // Mentions with token ranges, in text order.
    let ms: Vec<M> = b
        .mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let first = ctx.token_starting_at(m.start)?;
            let last = ctx.token_ending_at(m.end)?;
            Some(M {
                first,
                end: last + 1,
                entity: b.entity_of[i],
                kind: m.kind,
                rule: m.rule,
                deal: matches!(&m.detail, Detail::Agreement { class, .. } if class == "Agreement"),
            })
        })
        .collect();
    // The agreement the document is about: the one mentioned most, when
    // no other is mentioned as often.
    let main_agreement = {
        let mut count: BTreeMap<usize, usize> = BTreeMap::new();
        for m in ms.iter().filter(|m| m.kind == EntityKind::Agreement) {
            *count.entry(m.entity).or_default() += 1;
        }
        let mut ranked: Vec<(usize, usize)> = count.into_iter().map(|(e, n)| (n, e)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        match ranked[..] {
            [(n, e), ref rest @ ..] if n >= 2 && rest.first().is_none_or(|r| r.0 < n) => Some(e),
            _ => None,
        }
    };
    let mut at_token: Vec<Option<usize>> = vec![None; ctx.len()];
    for (k, m) in ms.iter().enumerate() {
        for slot in &mut at_token[m.first..m.end] {
            *slot = Some(k);
        }
    }
    // Parties written into an agreement's name.
    for (mi, m) in b.mentions.iter().enumerate() {
        if let Detail::Agreement { parties, .. } = &m.detail {
            let s = ctx.seg.sentences[ctx.sentence_at(m.start).unwrap_or(0)];
            for p in parties {
                if let Some(e) = entity_of_ref(b, p) {
                    acc.add(
                        e,
                        "partyTo",
                        b.entity_of[mi],
                        s.start,
                        s.end,
                        "relation.attributive",
                    );
                }
            }
        }
    }
    // "a deal between X and Y", "an agreement with X", "the X-Y deal",
    // "X's agreement": the agents written with an agreement are its parties.
    for (k, a) in ms.iter().enumerate() {
        // Anaphors too: "the merger of Gazprom and Rosneft".
        if a.kind != EntityKind::Agreement {
            continue;
        }
        let s = ctx.seg.sentences[ctx.sentence_of(a.first)];
        let sentence = in_sentence(
            &ms,
            s.first_token.max(a.first.saturating_sub(WINDOW)),
            s.end_token.min(a.end + WINDOW),
        );
        // "the agreement reached in Vienna in 2015 between X and Y".
        let from = match ctx.lower.get(a.end) {
            Some(w) if CONCLUDED.contains(w) => {
                let k = past_circumstances(ctx, a.end + 1, s.end_token);
                if k > a.end + 1 {
                    k
                } else {
                    a.end
                }
            }
            _ => a.end,
        };
        for m in prepositional_agents(
            ctx,
            &ms,
            &sentence,
            from,
            s.end_token,
            &["between", "with", "of", "by"],
        ) {
            // Parties are countries and bodies; a person "with" a deal is
            // its negotiator, read by the verb patterns.
            if m.kind == EntityKind::Person {
                continue;
            }
            acc.add(
                m.entity,
                "partyTo",
                a.entity,
                s.start,
                s.end,
                "relation.party-complement",
            );
        }
        // "a US-brokered ceasefire", "the Egyptian-backed peace plan": a
        // country or body (or its demonym) joined to a participle, written
        // as one word, a few modifiers before the agreement.
        let mut p = a.first;
        while p > s.first_token && a.first - p < 3 {
            let w = ctx.lower[p - 1];
            // "a U.S.-brokered deal": the name a token of its own, the
            // hyphen and the participle after it.
            let split = (p >= 3 && tight_join(ctx, p - 2))
                .then(|| at_token[p - 3])
                .flatten()
                .filter(|&m| {
                    ms[m].end == p - 2
                        && matches!(ms[m].kind, EntityKind::Country | EntityKind::Organization)
                });
            // The agent (if the name is known) and the participle.
            let compound = match split {
                Some(m) => Some((Some(ms[m].entity), w)),
                None => w.rsplit_once('-').map(|(name, part)| {
                    let agent = triggers
                        .names
                        .get(name)
                        .and_then(|r| entity_of_ref(b, r))
                        .filter(|&e| !b.entities[e].mentions.is_empty());
                    (agent, part)
                }),
            };
            if let Some((agent, part)) = compound {
                let pred = crate::segment::joined_participle(part);
                if let (Some(pred), Some(e)) = (pred, agent) {
                    acc.add(
                        e,
                        pred,
                        a.entity,
                        s.start,
                        s.end,
                        "relation.compound-participle",
                    );
                }
                break;
            }
            if !modifier(ctx, p - 1) || DETERMINERS.contains(&w) {
                break;
            }
            p -= 1;
        }
        // "Chile and Peru in $2bn fisheries deal" (a headline), "Chile and
        // Peru are in a new deal": agents opening the sentence, then "in".
        let mut q = a.first;
        while q > s.first_token
            && a.first - q < 5
            && at_token[q - 1].is_none()
            && (modifier(ctx, q - 1) || matches!(ctx.lower[q - 1], "a" | "an" | "the"))
            && ctx.lower[q - 1] != "in"
        {
            q -= 1;
        }
        if q > s.first_token + 1 && ctx.lower[q - 1] == "in" {
            let mut r = q - 1;
            if matches!(ctx.lower[r - 1], "is" | "are" | "was" | "were") {
                r -= 1;
            }
            let whole = in_sentence(&ms, s.first_token, s.end_token);
            let group = subject_group(ctx, &ms, &whole, s.first_token, r);
            let opens = group.first().is_some_and(|m| m.first == s.first_token);
            let closes = group.last().is_some_and(|m| m.end == r);
            if opens && closes {
                acc.bodies_party_to(&group, a.entity, s.start, s.end, "relation.agents-in");
            }
        }
        // "Under the deal, Chile will cut tariffs", "as part of the
        // agreement, the two firms ...": the subject of the clause the
        // agreement governs is its party (a country or body).
        if under_terms(ctx, a.first, s.first_token) {
            let mut f = a.end;
            // "Under a deal struck on Monday, X will": a short phrase
            // without names before the comma.
            if let Some(c) = (f..s.end_token.min(f + 8)).find(|&g| ctx.tok(g) == ",") {
                if (f..c).all(|g| {
                    at_token[g].is_none_or(|x| !ms[x].kind.is_agent())
                        && ctx.token(g).kind != TokenKind::Punct
                }) {
                    f = c;
                }
            }
            if f < s.end_token && ctx.tok(f) == "," {
                f += 1;
            }
            let whole = in_sentence(&ms, f, s.end_token);
            let group = subject_group(ctx, &ms, &whole, f, s.end_token);
            let starts = group
                .first()
                .is_some_and(|m| (f..m.first).all(|g| matches!(ctx.lower[g], "the" | "both")));
            let next_verb = group.last().is_some_and(|m| {
                m.end < s.end_token
                    && ctx.token(m.end).kind == TokenKind::Word
                    && !ctx.token(m.end).capitalised
                    && !matches!(ctx.lower[m.end], "of" | "and" | "or" | "’s" | "'s")
            });
            if f > a.end && starts && next_verb {
                acc.bodies_party_to(&group, a.entity, s.start, s.end, "relation.under-terms");
            }
        }
        // Agents right before it, joined by "-", "and" or "'s".
        let mut j = k;
        let mut edge = a.first;
        // "Turkey's current $18.6bn loan agreement", "the Turkey-EU talks
        // deal": a few modifiers after a possessive or a hyphenated pair.
        let mut lead = a.first;
        while lead > s.first_token
            && a.first - lead < 4
            && at_token[lead - 1].is_none()
            && modifier(ctx, lead - 1)
            && !DETERMINERS.contains(&ctx.lower[lead - 1])
            // "Spain's biggest bank merger" says where, not who.
            && !ctx.lower[lead - 1].ends_with("est")
            && triggers
                .at(ctx, lead - 1, a.first)
                .is_none_or(|(_, _, kind)| kind != TriggerKind::Verb)
        {
            lead -= 1;
        }
        if lead < a.first && lead > s.first_token {
            let before = lead - 1;
            let possessive = matches!(ctx.tok(before), "’s" | "'s");
            let pair = at_token[before].is_some_and(|x| {
                ms[x].end == lead && ms[x].first > 0 && tight_join(ctx, ms[x].first - 1)
            });
            if possessive || pair {
                edge = lead;
            }
        }
        while j > 0 {
            j -= 1;
            let m = ms[j];
            if m.end > edge
                || edge - m.end > 1
                || !is_agent(&m) && m.rule != "country.demonym" && m.rule != "org.adjective"
            {
                break;
            }
            let gap_ok =
                (m.end..edge).all(|t| matches!(ctx.tok(t), "-" | "’s" | "'s" | "and" | "/"));
            if !gap_ok || m.first < s.first_token {
                break;
            }
            if m.rule != "country.demonym" && m.kind != EntityKind::Person {
                // "the European constitution": the body named by its adjective.
                acc.add(
                    m.entity,
                    "partyTo",
                    a.entity,
                    s.start,
                    s.end,
                    "relation.attributive",
                );
            }
            edge = m.first;
        }
    }
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        let in_s = in_sentence(&ms, s.first_token, s.end_token);
        acquisitions(ctx, &ms, &in_s, si, &mut acc);
        pulled_out(ctx, &ms, &in_s, si, &mut acc);
        // holdsOffice: "President Zelensky", "Bessent, U.S. Treasury Secretary,".
        for (wi, w) in in_s.windows(2).enumerate() {
            let (x, y) = (ms[w[0]], ms[w[1]]);
            let gap: Vec<&str> = (x.end..y.first).map(|i| ctx.tok(i)).collect();
            let same_line =
                (x.end..=y.first).all(|i| i >= ctx.len() || !ctx.token(i).after_newline);
            if !same_line {
                continue;
            }
            // "Ezer Weizman, its defence minister", "the Emir of Qatar,
            // Sheikh Tamim": a possessive or an honorific after the comma.
            let apposition = gap.len() <= 2
                && gap.first() == Some(&",")
                && gap.get(1).is_none_or(|w| {
                    matches!(*w, "the" | "a" | "its" | "his" | "her" | "their")
                        // Closed by a comma (or a name too long for the
                        // recogniser): not "… the prime minister, Mr Brown
                        // replied".
                        || x.kind == EntityKind::Office
                            && triggers.honorifics.contains(*w)
                            && y.end < ctx.len()
                            && (matches!(ctx.tok(y.end), "," | ")") || ctx.is_cap_word(y.end))
                });
            // "between Erdogan, Sweden's then prime minister Magdalena
            // Andersson and …": a title right before a name is that name's,
            // not an apposition to the name before it.
            // "hosted by Erdogan, Russia's defence minister, Sergei Shoigu,
            // and …": a country's title with a name in apposition after it.
            let titles_next_name = |k: usize| {
                let o = ms[in_s[k]];
                o.kind == EntityKind::Office
                    && in_s.get(k + 1).is_some_and(|&n| {
                        let n = ms[n];
                        n.kind == EntityKind::Person
                            && (n.first == o.end
                                || n.first == o.end + 1
                                    && ctx.tok(o.end) == ","
                                    && possessive_at(ctx, o.first + 1)
                                    && n.end < ctx.len()
                                    && matches!(ctx.tok(n.end), "," | ")"))
                    })
            };
            match (x.kind, y.kind) {
                // "NAO head Sir John Bourn": an honorific between them.
                (EntityKind::Office, EntityKind::Person)
                    if gap.is_empty()
                        || gap.len() <= 2
                            && triggers.honorifics.contains(gap[0])
                            && gap[1..].iter().all(|w| *w == ".") =>
                {
                    acc.add(
                        y.entity,
                        "holdsOffice",
                        x.entity,
                        s.start,
                        s.end,
                        "holds.title",
                    );
                    // "Prime Minister and Foreign Minister Sheikh Mohammed":
                    // both posts.
                    if let Some(w) = post_joined(ctx, &ms, &in_s, x, false) {
                        acc.add(
                            y.entity,
                            "holdsOffice",
                            w.entity,
                            s.start,
                            s.end,
                            "holds.title",
                        );
                    }
                }
                // "Japan's ambassador to the United States, Koji Tomita":
                // the post's "to X" between it and the name.
                (EntityKind::Office, EntityKind::Country | EntityKind::Organization)
                    if matches!(gap[..], ["to"] | ["to", "the"])
                        && in_s.get(wi + 2).is_some_and(|&n| {
                            ms[n].kind == EntityKind::Person
                                && ms[n].first == y.end + 1
                                && ctx.tok(y.end) == ","
                        }) =>
                {
                    if let Some(&n) = in_s.get(wi + 2) {
                        acc.add(
                            ms[n].entity,
                            "holdsOffice",
                            x.entity,
                            s.start,
                            s.end,
                            "holds.apposition",
                        );
                    }
                }
                // "Michael Froman, Obama's trade representative,": a title
                // owned by the agent after the comma is the person's.
                (EntityKind::Person, _)
                    if gap == [","]
                        && is_agent(&y)
                        && possessive_at(ctx, y.end)
                        && in_s.get(wi + 2).is_some_and(|&o| {
                            ms[o].kind == EntityKind::Office
                                && ms[o].first == y.end + 1
                                && ms[o].end < ctx.len()
                                && matches!(ctx.tok(ms[o].end), "," | ")")
                        }) =>
                {
                    if let Some(&o) = in_s.get(wi + 2) {
                        acc.add(
                            x.entity,
                            "holdsOffice",
                            ms[o].entity,
                            s.start,
                            s.end,
                            "holds.apposition",
                        );
                    }
                }
                (EntityKind::Office, EntityKind::Person)
                | (EntityKind::Person, EntityKind::Office)
                    if apposition && !titles_next_name(wi + 1) =>
                {
                    let (p, mut o) = if x.kind == EntityKind::Person {
                        (x, y)
                    } else {
                        (y, x)
                    };
                    // "John Bolton, the president's national security
                    // adviser": the title owned, not its owner's.
                    if x.kind == EntityKind::Person && possessive_at(ctx, o.end) {
                        match in_s.get(wi + 2).map(|&k| ms[k]) {
                            Some(owned)
                                if owned.kind == EntityKind::Office && owned.first == o.end + 1 =>
                            {
                                o = owned;
                            }
                            _ => {}
                        }
                    }
                    acc.add(
                        p.entity,
                        "holdsOffice",
                        o.entity,
                        s.start,
                        s.end,
                        "holds.apposition",
                    );
                    // "X, Ukraine's First Deputy Prime Minister and Minister
                    // of Economy,", "The Deputy Prime Minister and Minister
                    // for Defence, X,": both posts.
                    let both = if x.kind == EntityKind::Person {
                        post_joined(ctx, &ms, &in_s, o, true).filter(|b| {
                            b.end >= s.end_token || matches!(ctx.tok(b.end), "," | ")" | "." | ";")
                        })
                    } else {
                        // Not after a word that joins them to something
                        // else: "talks between the President and Prime
                        // Minister, X".
                        let opens = |f: usize| {
                            let f = if f > s.first_token && ctx.lower[f - 1] == "the" {
                                f - 1
                            } else {
                                f
                            };
                            f == s.first_token
                                || !matches!(
                                    ctx.lower[f - 1],
                                    "between"
                                        | "with"
                                        | "and"
                                        | "of"
                                        | "by"
                                        | "to"
                                        | "from"
                                        | "among"
                                )
                        };
                        post_joined(ctx, &ms, &in_s, o, false).filter(|b| opens(b.first))
                    };
                    if let Some(b) = both {
                        acc.add(
                            p.entity,
                            "holdsOffice",
                            b.entity,
                            s.start,
                            s.end,
                            "holds.apposition",
                        );
                    }
                }
                _ => {}
            }
        }
        // Involvement triggers.
        let mut i = s.first_token;
        while i < s.end_token {
            if at_token[i].is_some() || ctx.token(i).kind != TokenKind::Word {
                i += 1;
                continue;
            }
            // "a U.S.-brokered deal": a participle joined to a name is the
            // agreement's modifier, read with it, not a verb.
            if i > 0
                && ctx.tok(i - 1) == "-"
                && tight_join(ctx, i - 1)
                && joined_participle(ctx.lower[i])
            {
                i += 1;
                continue;
            }
            let Some((t_end, pred, kind)) = triggers.at(ctx, i, s.end_token) else {
                i += 1;
                continue;
            };
            let t = (i, t_end);
            i = t_end;
            // Readers look at most WINDOW tokens either side of a trigger:
            // a clause is shorter, and a 100,000-word "sentence" stays linear.
            let w_first = s.first_token.max(t.0.saturating_sub(WINDOW));
            let w_end = s.end_token.min(t.1 + WINDOW);
            let window = in_sentence(&ms, w_first, w_end);
            let clause_start = (w_first..t.0)
                .rev()
                .filter(|&k| CLAUSE_MARKERS.contains(&ctx.lower[k]))
                .find(|&k| {
                    window
                        .iter()
                        .any(|&m| ms[m].first > k && ms[m].end <= t.0 && is_agent(&ms[m]))
                        // "which the two leaders accepted": a counted subject.
                        || (k + 1..t.0).any(|j| counted_parties_at(ctx, j))
                })
                .map_or(w_first, |k| k + 1);
            let sentence = &window;
            let site = Site {
                t,
                pred,
                clause_start,
                end_tok: w_end,
                span: (s.start, s.end),
            };
            match kind {
                // "The talks were brokered by X": the talks, not an
                // agreement, are the passive's subject.
                TriggerKind::Verb if pred == "negotiated" && passive_talks(ctx, t) => {
                    if let Some(a) = main_agreement {
                        talks(ctx, &ms, sentence, site, a, &mut acc);
                    }
                }
                TriggerKind::Verb => {
                    // "Kerry, who spent two years negotiating face to face
                    // with Zarif": negotiating with a party, no agreement
                    // named, is the talks for the article's agreement.
                    let talked = pred == "negotiated"
                        && t.1 - t.0 == 1
                        && ctx.lower[t.0].starts_with("negotiat")
                        && main_agreement.is_some_and(|a| {
                            negotiated_with(ctx, &ms, sentence, site, a, &mut acc)
                        });
                    if !talked {
                        verb(ctx, &ms, sentence, site, &mut acc);
                    }
                }
                TriggerKind::Noun => noun(ctx, &ms, sentence, site, &mut acc),
                TriggerKind::Talks => {
                    if let Some(a) = main_agreement {
                        talks(ctx, &ms, sentence, site, a, &mut acc);
                    }
                }
                TriggerKind::Members => members(ctx, &ms, sentence, site, &mut acc),
                TriggerKind::Role => {
                    let agreement = sentence
                        .iter()
                        .map(|&k| ms[k])
                        .filter(|m| m.kind == EntityKind::Agreement)
                        .min_by_key(|m| m.first.abs_diff(t.0));
                    if let Some(a) = agreement {
                        for m in sentence
                            .iter()
                            .map(|&k| ms[k])
                            .filter(|m| m.kind == EntityKind::Person)
                        {
                            acc.add(m.entity, pred, a.entity, s.start, s.end, "relation.role");
                        }
                        // Countries and bodies only when written as the
                        // role's holders: "X and Y are signatories",
                        // "signatories include X and Y".
                        for m in role_holders(ctx, &ms, sentence, t, s.first_token, w_end) {
                            if m.kind != EntityKind::Person {
                                acc.add(m.entity, pred, a.entity, s.start, s.end, "relation.role");
                            }
                        }
                    }
                }
            }
        }
    }
    // "Chancellor Brown signed the deal": a minister signing, negotiating
    // or ratifying acts for the country of the post.
    let holds: Vec<(usize, usize)> = acc
        .found
        .keys()
        .filter(|(_, p, _)| p == "holdsOffice")
        .map(|(s, _, o)| (*s, *o))
        .collect();
    let mut for_country = Vec::new();
    for ((s, p, o), ev) in &acc.found {
        if !matches!(
            p.as_str(),
            "signed" | "negotiated" | "ratified" | "finalized"
        ) || b.entities[*s].kind != EntityKind::Person
        {
            continue;
        }
        for &(_, office) in holds.iter().filter(|(person, _)| person == s) {
            let Detail::Office {
                jurisdiction: Some(j),
                ..
            } = &b.entities[office].detail
            else {
                continue;
            };
            if j.kind != EntityKind::Country {
                continue;
            }
            if let Some(c) = entity_of_ref(b, j).filter(|&c| !b.entities[c].mentions.is_empty()) {
                for e in ev {
                    for_country.push((c, *o, e.start, e.end));
                }
            }
        }
    }
    for (c, o, start, end) in for_country {
        acc.add(c, "partyTo", o, start, end, "relation.office-country");
    }
    // "Poland is one: its prime minister, Donald Tusk, said that Warsaw
    // does not accept the agreement": the holder of a post of a country or
    // body involved in an agreement, named in a sentence that names the
    // agreement, acts for it there; the party's act is the holder's (a
    // parliament's vote is a leader's endorsement; a party's membership,
    // its negotiation).
    let mut for_holder = Vec::new();
    for &(person, office) in &holds {
        let Detail::Office {
            title,
            jurisdiction: Some(j),
            modifier: None,
            ..
        } = &b.entities[office].detail
        else {
            continue;
        };
        // A leader, a foreign or trade minister, a chief executive; not
        // any senator or spokesman of the country.
        if !triggers.leaders.contains(&title.to_lowercase()) {
            continue;
        }
        let Some(c) = entity_of_ref(b, j) else {
            continue;
        };
        let sentences_of = |e: usize| -> std::collections::BTreeSet<usize> {
            ms.iter()
                .filter(|m| m.entity == e)
                .map(|m| ctx.sentence_of(m.first))
                .collect()
        };
        let own = sentences_of(person);
        for ((_, p, o), _) in acc.found.iter().filter(|((s, _, _), _)| *s == c) {
            let act = match p.as_str() {
                "rejected" | "withdrewFrom" | "signed" | "negotiated" | "endorsed" | "proposed" => {
                    p.as_str()
                }
                "ratified" | "approved" => "endorsed",
                "partyTo" | "finalized" => "negotiated",
                _ => continue,
            };
            if b.entities[*o].kind != EntityKind::Agreement
                || acc
                    .found
                    .keys()
                    .any(|(x, q, y)| *x == person && y == o && q != "holdsOffice")
            {
                continue;
            }
            let Some(at) = ms
                .iter()
                .find(|m| m.entity == *o && own.contains(&ctx.sentence_of(m.first)))
            else {
                continue;
            };
            let sentence = &ctx.seg.sentences[ctx.sentence_of(at.first)];
            for_holder.push((person, act.to_string(), *o, sentence.start, sentence.end));
        }
    }
    // One act per holder and agreement: the first of these its parties did.
    const ORDER: &[&str] = &[
        "rejected",
        "withdrewFrom",
        "negotiated",
        "signed",
        "endorsed",
        "proposed",
    ];
    let rank = |a: &str| ORDER.iter().position(|x| *x == a).unwrap_or(ORDER.len());
    for_holder.sort_by_key(|(person, act, o, _, _)| (*person, *o, rank(act)));
    for_holder.dedup_by_key(|(person, _, o, _, _)| (*person, *o));
    for (person, act, o, start, end) in for_holder {
        acc.add(person, &act, o, start, end, "relation.party-holder");
    }
    // "The government's chief negotiator, X,": a negotiator's post is the
    // talks for the agreement the article is about.
    if let Some(a) = main_agreement {
        let negotiators: Vec<(usize, Vec<Span>)> = acc
            .found
            .iter()
            .filter(|((_, p, o), _)| {
                p == "holdsOffice"
                    && matches!(&b.entities[*o].detail, Detail::Office { title, modifier: None, .. }
                        if title.ends_with("Negotiator"))
            })
            .map(|((s, _, _), ev)| (*s, ev.clone()))
            .collect();
        for (person, ev) in negotiators {
            for e in ev {
                acc.add(
                    person,
                    "negotiated",
                    a,
                    e.start,
                    e.end,
                    "relation.negotiator-post",
                );
            }
        }
    }
    acc.found
        .into_iter()
        .map(|((subject, predicate, object), evidence)| LocalRelation {
            subject,
            predicate,
            object,
            evidence,
        })
        .collect()
}

/// "The pact brings together the 10 ASEAN members - Brunei, … - with China,
/// Japan …", "It is the first agreement linking China, Japan and South
/// Korea": the agreement named right before the trigger (or "it", the one
/// last named), and the countries and bodies listed after it, up to the
/// first word that starts another phrase.
fn members(ctx: &Context, ms: &[M], sentence: &[usize], site: Site, acc: &mut Acc) {
    let Site {
        t,
        pred,
        clause_start,
        end_tok,
        span: (s_start, s_end),
    } = site;
    // The subject: an agreement ending at most three words before, or
    // "it"/"which" for the last one named.
    let near = sentence.iter().map(|&k| ms[k]).rfind(|m| {
        m.kind == EntityKind::Agreement
            && m.end <= t.0
            && m.end + 3 >= t.0
            && m.first >= clause_start.saturating_sub(1)
            && (m.end..t.0).all(|g| {
                matches!(
                    ctx.lower[g],
                    "also" | "now" | "would" | "will" | "," | "which" | "that"
                )
            })
    });
    let agreement = near.or_else(|| {
        let k = back_over(ctx, t.0, clause_start, adverbial);
        (k > 0 && matches!(ctx.lower[k - 1], "it" | "which"))
            .then(|| latest_agreement(ctx, ms, k - 1))
            .flatten()
    });
    let Some(a) = agreement else {
        return;
    };
    let stop = (t.1..end_tok)
        .find(|&k| {
            matches!(
                ctx.lower[k],
                "that"
                    | "which"
                    | "who"
                    | "said"
                    | "says"
                    | "according"
                    | "but"
                    | "while"
                    | "because"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "from"
                    | "than"
                    | ";"
                    | ":"
                    | "("
                    | "\""
                    | "“"
            )
        })
        .unwrap_or(end_tok);
    for m in sentence.iter().map(|&k| ms[k]) {
        if m.first >= t.1 && m.end <= stop && is_agent(&m) && m.kind != EntityKind::Person {
            acc.add(m.entity, pred, a.entity, s_start, s_end, "relation.members");
        }
    }
}

/// "Trump pulled the United States out of the accord", "he was taking
/// Britain out of the treaty": the agent taken out and the subject who
/// took it both withdrew from the agreement.
fn pulled_out(ctx: &Context, ms: &[M], in_s: &[usize], si: usize, acc: &mut Acc) {
    let s = ctx.seg.sentences[si];
    for (n, &k) in in_s.iter().enumerate() {
        let taken = ms[k];
        if !is_agent(&taken) || taken.kind == EntityKind::Person || taken.first < s.first_token + 1
        {
            continue;
        }
        let mut v = taken.first - 1;
        if ctx.lower[v] == "the" && v > s.first_token {
            v -= 1;
        }
        let verb = ctx.lower[v];
        if !matches!(
            verb,
            "pull" | "pulls" | "pulled" | "pulling" | "take" | "takes" | "took" | "taking"
        ) || ctx.lower.get(taken.end..taken.end + 2) != Some(&["out", "of"][..])
        {
            continue;
        }
        let Some(a) = in_s[n + 1..]
            .iter()
            .map(|&j| ms[j])
            .find(|m| m.kind == EntityKind::Agreement)
            .filter(|m| {
                m.first >= taken.end + 2
                    && m.first - (taken.end + 2) <= 3
                    && (taken.end + 2..m.first).all(|g| OBJECT_GAP.contains(&ctx.lower[g]))
            })
        else {
            continue;
        };
        if negated(ctx, v, s.first_token) {
            continue;
        }
        acc.add(
            taken.entity,
            "withdrewFrom",
            a.entity,
            s.start,
            s.end,
            "relation.pulled-out",
        );
        let clause_start = (s.first_token..v)
            .rev()
            .find(|&g| CLAUSE_MARKERS.contains(&ctx.lower[g]))
            .map_or(s.first_token, |g| g + 1);
        let mut subjects = subject_group(ctx, ms, in_s, clause_start, v);
        if subjects.is_empty() {
            subjects = carried_subject(ctx, ms, s.first_token, clause_start, v);
        }
        for m in subjects {
            acc.add(
                m.entity,
                "withdrewFrom",
                a.entity,
                s.start,
                s.end,
                "relation.pulled-out",
            );
        }
    }
}

/// "after two weeks of talks in a Vienna hotel between Iran and the
/// P5+1", "during a meeting between X, Y and Z": the parties to the talks
/// or meeting written shortly after `from`, who negotiated what was done.
fn talks_between(ctx: &Context, ms: &[M], sentence: &[usize], from: usize, to: usize) -> Vec<M> {
    let limit = to.min(from + 12);
    let talks_at = (from..limit)
        .take_while(|&k| !matches!(ctx.tok(k), "," | ";" | ":"))
        .find(|&k| {
            TALKS_NOUNS.contains(&ctx.lower[k])
                // "during a video conference between X, Y and Z"
                || matches!(ctx.lower[k], "meeting" | "summit" | "conference" | "call")
        })
        .filter(|&k| {
            (from..k).any(|j| {
                matches!(
                    ctx.lower[j],
                    "after" | "over" | "following" | "during" | "in" | "at"
                )
            })
        });
    let Some(k) = talks_at else {
        return vec![];
    };
    let between = (k + 1..to.min(k + 10))
        .take_while(|&j| !matches!(ctx.tok(j), "," | ";" | ":"))
        .find(|&j| ctx.lower[j] == "between");
    match between {
        Some(j) => prepositional_agents(ctx, ms, sentence, j, to, &["between"]),
        None => vec![],
    }
}

/// Participles after an agreement that say it was made ("the accord
/// reached in Vienna between X and Y").
const CONCLUDED: &[&str] = &[
    "reached",
    "signed",
    "struck",
    "concluded",
    "agreed",
    "negotiated",
    "sealed",
    "clinched",
    "brokered",
];

/// "reached in Vienna in July 2015 between X and Y", "signed on Monday
/// with Z": the token after short phrases of place and time (a
/// preposition, then capitalised words, numbers or "the") that start at
/// `from`, when the phrase after them opens with `between` or `with`; else
/// `from`.
fn past_circumstances(ctx: &Context, from: usize, to: usize) -> usize {
    let k = after_circumstances(ctx, from, to);
    if k > from && k < to && matches!(ctx.lower[k], "between" | "with") {
        k
    } else {
        from
    }
}

/// The token after short phrases of place and time starting at `from`
/// ("in Vienna in July 2015", "last year", "on Monday"): a preposition
/// (or "last"), then up to four capitalised words, numbers or "week",
/// "month", "year"; `from` when none starts there.
fn after_circumstances(ctx: &Context, from: usize, to: usize) -> usize {
    let mut k = from;
    let mut phrases = 0;
    while k < to && phrases < 3 && matches!(ctx.lower[k], "in" | "on" | "at" | "last") {
        let mut j = k + 1;
        if ctx.lower[k] != "last" && j < to && ctx.lower[j] == "the" {
            j += 1;
        }
        let body = j;
        while j < to
            && j - body < 4
            && (ctx.token(j).kind == TokenKind::Number
                || ctx.token(j).kind == TokenKind::Word && ctx.token(j).capitalised
                || matches!(ctx.lower[j], "week" | "month" | "year"))
        {
            j += 1;
        }
        if j == body {
            return from;
        }
        k = j;
        phrases += 1;
    }
    k
}

/// Verbs of one firm buying another: "X is to buy rival Y", "X agreed to
/// acquire Y", "X will merge with Y".
const ACQUIRE: &[&[&str]] = &[
    &["buy"],
    &["buys"],
    &["bought"],
    &["buying"],
    &["acquire"],
    &["acquires"],
    &["acquired"],
    &["acquiring"],
    &["take", "over"],
    &["takes", "over"],
    &["took", "over"],
    &["taking", "over"],
    &["merge", "with"],
    &["merges", "with"],
    &["merged", "with"],
    &["merging", "with"],
    &["buy", "out"],
];

/// Forms of "be" that make a participle passive.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
/// Words between a passive's subject and its verb ("could not be", "has finally been").
const AUXILIARY: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should", "not",
    "never", "finally", "now", "also", "already", "formally",
];

/// The first bytes of the verbs of [`ACQUIRE`].
static ACQUIRE_FIRST: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut first = [false; 256];
    for w in ACQUIRE {
        if let Some(&b) = w[0].as_bytes().first() {
            first[usize::from(b)] = true;
        }
    }
    first
});

/// "Federated is to buy rival May for $11bn": the buyer and the firm
/// bought are parties to the deal the sentence names, or failing that the
/// deal named in the next two sentences ("The deal ...") or the one before.
fn acquisitions(ctx: &Context, ms: &[M], in_s: &[usize], si: usize, acc: &mut Acc) {
    let s = ctx.seg.sentences[si];
    for t0 in s.first_token..s.end_token {
        // Most tokens start with no verb's first letter: passed over
        // without a comparison.
        if !ctx.lower[t0]
            .as_bytes()
            .first()
            .is_some_and(|&b| ACQUIRE_FIRST[usize::from(b)])
        {
            continue;
        }
        let Some(words) = ACQUIRE
            .iter()
            .find(|w| t0 + w.len() <= s.end_token && ctx.lower[t0..t0 + w.len()] == w[..])
        else {
            continue;
        };
        let t1 = t0 + words.len();
        // "the firm it bought", "bought shares in X": only firms named
        // right around the verb.
        if negated(ctx, t0, s.first_token) {
            continue;
        }
        let clause_start = (s.first_token..t0)
            .rev()
            .find(|&k| CLAUSE_MARKERS.contains(&ctx.lower[k]))
            .map_or(s.first_token, |k| k + 1);
        // The firm right before the verb ("US retail giant Federated is to
        // buy"), with a firm joined to it by "and".
        let mut buyers: Vec<M> = Vec::new();
        if let Some(last) = in_s
            .iter()
            .map(|&k| ms[k])
            .rfind(|m| m.end <= t0 && m.first >= clause_start)
        {
            buyers.push(last);
            let earlier = in_s
                .iter()
                .map(|&k| ms[k])
                .rfind(|m| m.end < last.first && m.first >= clause_start);
            if let Some(e) = earlier.filter(|e| e.end + 1 == last.first && ctx.tok(e.end) == "and")
            {
                buyers.insert(0, e);
            }
        }
        // The buyer's group ends shortly before the verb: "X is to buy",
        // "X has agreed to buy", "X will".
        let near = buyers.last().is_some_and(|m| {
            // A capitalised word right after the name is its tail the
            // recognisers left out ("Federated Department Stores is to").
            t0 - m.end <= 4
                && (m.end..t0).all(|g| {
                    ctx.token(g).kind == TokenKind::Word
                        && (!ctx.token(g).capitalised || g == m.end && g + 1 < t0)
                })
        });
        // Firms only: "Brazil buy boosts Inbev" is a headline's noun.
        if !near || buyers.iter().any(|m| m.kind != EntityKind::Organization) {
            continue;
        }
        let mut f = t1;
        while f < s.end_token
            && f < t1 + 3
            && ctx.token(f).kind == TokenKind::Word
            && !ctx.token(f).capitalised
            && !GROUP_BREAKS.contains(&ctx.lower[f])
            && !matches!(ctx.lower[f], "shares" | "stake" | "stakes" | "assets")
        {
            f += 1;
        }
        let bought = subject_group(ctx, ms, in_s, f, s.end_token);
        if bought.first().is_none_or(|m| m.first != f)
            || bought.iter().any(|m| m.kind != EntityKind::Organization)
        {
            continue;
        }
        // "X bought Y's stake in Z": a possessive is not the firm bought.
        if bought
            .last()
            .is_some_and(|m| m.end < s.end_token && matches!(ctx.tok(m.end), "’s" | "'s" | "-"))
        {
            continue;
        }
        let deal = in_s
            .iter()
            .map(|&k| ms[k])
            .filter(|m| m.kind == EntityKind::Agreement && m.deal)
            .min_by_key(|m| m.first.abs_diff(t0))
            .or_else(|| {
                let first_after = ms.partition_point(|m| m.first < s.end_token);
                ms[first_after..]
                    .iter()
                    .take_while(|m| ctx.sentence_of(m.first) <= si + 2)
                    .find(|m| m.kind == EntityKind::Agreement)
                    .copied()
                    .filter(|m| m.deal)
            })
            .or_else(|| {
                let below = ms.partition_point(|m| m.first < s.first_token);
                ms[..below]
                    .iter()
                    .rev()
                    .take_while(|m| ctx.sentence_of(m.first) + 1 >= si)
                    .find(|m| m.kind == EntityKind::Agreement)
                    .copied()
                    .filter(|m| m.deal)
            });
        let Some(a) = deal else {
            continue;
        };
        for m in buyers.iter().chain(&bought) {
            acc.add(
                m.entity,
                "partyTo",
                a.entity,
                s.start,
                s.end,
                "relation.acquisition",
            );
        }
    }
}

/// The agents a role word names: the group right before "are (both)
/// signatories" / "is a signatory", or right after "signatories include",
/// "signatories, X and Y".
fn role_holders(
    ctx: &Context,
    ms: &[M],
    sentence: &[usize],
    t: (usize, usize),
    floor: usize,
    end: usize,
) -> Vec<M> {
    const COPULAS: &[&str] = &["are", "were", "is", "was", "became", "become", "remain"];
    const FILLERS: &[&str] = &[
        "a", "both", "all", "the", "among", "original", "fellow", "key",
    ];
    // Before: "X and Y are (both) signatories".
    let mut k = t.0;
    while k > floor && FILLERS.contains(&ctx.lower[k - 1]) && t.0 - k < 3 {
        k -= 1;
    }
    if k > floor && COPULAS.contains(&ctx.lower[k - 1]) {
        let c = k - 1;
        let last = sentence.iter().map(|&x| ms[x]).rfind(|m| m.end <= c);
        if let Some(last) = last.filter(|m| m.end == c && is_agent(m)) {
            // The whole group ending right before the copula.
            let start = sentence
                .iter()
                .map(|&x| ms[x])
                .filter(|m| m.first >= floor && m.end <= c)
                .map(|m| m.first)
                .min()
                .unwrap_or(last.first);
            let group = subject_group(ctx, ms, sentence, start, c);
            if group.last().is_some_and(|m| m.end == last.end) {
                return group;
            }
            return vec![last];
        }
    }
    // After: "signatories include X and Y", "signatories, X and Y,",
    // "signatories to the accord include X".
    let mut f = t.1;
    if f < end && matches!(ctx.lower[f], "to" | "of") {
        if let Some(a) = sentence
            .iter()
            .map(|&x| ms[x])
            .find(|m| m.kind == EntityKind::Agreement && m.first > f && m.first <= f + 3)
        {
            if (f + 1..a.first).all(|g| modifier(ctx, g) || DETERMINERS.contains(&ctx.lower[g])) {
                f = a.end;
            }
        }
    }
    let after_role = f;
    while f < end
        && f < after_role + 3
        && matches!(
            ctx.lower[f],
            "include" | "included" | "including" | "are" | "were" | "," | "such" | "as" | "the"
        )
    {
        f += 1;
    }
    if f == after_role {
        return vec![];
    }
    let group = subject_group(ctx, ms, sentence, f, end);
    if group.first().is_some_and(|m| m.first == f) {
        group
    } else {
        vec![]
    }
}

/// "Under the deal", "under the terms of the accord", "as part of the
/// agreement": the words before an agreement that open a clause it governs.
fn under_terms(ctx: &Context, first: usize, floor: usize) -> bool {
    let mut k = first;
    // A determiner or a possessive ("under its deal", "under the new pact").
    while k > floor && a_lead(ctx.lower[k - 1]) && first - k < 3 {
        k -= 1;
    }
    let before = |n: usize| -> Vec<&str> {
        if k < floor + n {
            return vec![];
        }
        ctx.lower[k - n..k].to_vec()
    };
    let opens = |n: usize| k - n == floor || matches!(ctx.tok(k - n - 1), "," | "\"" | "“");
    if before(1) == ["under"] && opens(1) {
        return true;
    }
    for lead in [
        &["under", "the", "terms", "of"][..],
        &["as", "part", "of"],
        &["under", "terms", "of"],
    ] {
        if k >= floor + lead.len() && before(lead.len()) == lead && opens(lead.len()) {
            return true;
        }
    }
    false
}

fn a_lead(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "this" | "that" | "its" | "their" | "new" | "proposed"
    )
}

/// Indices of the mentions inside the tokens `[first, end)`; `ms` is in
/// text order, so this is two binary searches, not a scan.
fn in_sentence(ms: &[M], first: usize, end: usize) -> Vec<usize> {
    let lo = ms.partition_point(|m| m.first < first);
    let hi = ms.partition_point(|m| m.first < end);
    (lo..hi).filter(|&k| ms[k].end <= end).collect()
}

fn entity_of_ref(b: &Builder, r: &EntityRef) -> Option<usize> {
    b.entities
        .iter()
        .position(|g| g.kind == r.kind && g.label == r.name && !g.mentions.is_empty())
        // A party written only inside the agreement's phrase.
        .or_else(|| {
            b.entities
                .iter()
                .position(|g| g.kind == r.kind && g.label == r.name)
        })
}

/// The first group of agents in `[from, to)`: "Bessent and Svyrydenko",
/// "A Ukrainian team led by … Yermak", "teams from Ukraine and the United States".
fn subject_group(ctx: &Context, ms: &[M], sentence: &[usize], from: usize, to: usize) -> Vec<M> {
    let inside: Vec<M> = sentence
        .iter()
        .map(|&k| ms[k])
        .filter(|m| m.first >= from && m.end <= to)
        .collect();
    // Not an agent inside a prepositional phrase ("During the Munich
    // Security Conference, Zelensky …").
    let after_preposition = |m: &M| {
        let mut k = m.first;
        while k > from
            && (matches!(ctx.lower[k - 1], "the" | "a" | "an") || ms_office_at(ms, sentence, k - 1))
        {
            k -= 1;
        }
        // "Negotiators for X and Y", "teams from X": the people of a party.
        let for_party = k > from + 1
            && matches!(ctx.lower[k - 1], "for" | "from")
            && ENVOY_NOUNS.contains(&ctx.lower[k - 2]);
        k > from && !for_party && ADVERBIAL_PREPOSITIONS.contains(&ctx.lower[k - 1])
    };
    // "Turkey's Everasia won": the owner of a name no recogniser knew is
    // not the subject.
    let owner_of_unknown = |m: &M| {
        m.end + 1 < to
            && matches!(ctx.tok(m.end), "’s" | "'s")
            && ctx.token(m.end + 1).kind == TokenKind::Word
            && ctx.token(m.end + 1).capitalised
            && !inside.iter().any(|x| x.first == m.end + 1)
    };
    // "The Daily Telegraph poll suggests that …", "an IMF report said": a
    // body before a noun of findings is where they come from, no subject.
    let source_of = |m: &M| {
        m.end < to
            && matches!(
                ctx.lower[m.end],
                "poll" | "polls" | "survey" | "report" | "study" | "analysis" | "research"
            )
    };
    // "Japan's economy and trade minister, Hiroshi Kajiyama,": the owner
    // of a post whose holder is named says whose post it is.
    let owner_of_title = |m: &M| {
        possessive_at(ctx, m.end)
            && inside.iter().any(|o| {
                o.kind == EntityKind::Office
                    && o.first > m.end
                    && o.first <= m.end + 4
                    && (m.end + 1..o.first).all(|k| {
                        ctx.token(k).kind == TokenKind::Word
                            && !ctx.token(k).capitalised
                            && !GROUP_BREAKS.contains(&ctx.lower[k])
                            || ctx.lower[k] == "and"
                    })
                    && inside.iter().any(|p| {
                        p.kind == EntityKind::Person
                            && (p.first == o.end || p.first == o.end + 1 && ctx.tok(o.end) == ",")
                    })
            })
    };
    let Some(start) = inside
        .iter()
        .position(|m| is_agent(m) && !after_preposition(m) && !source_of(m) && !owner_of_title(m))
    else {
        return vec![];
    };
    if owner_of_unknown(&inside[start]) {
        return vec![];
    }
    // "US bank Wells Fargo", "Japanese rival Nissan": a country before a
    // common noun and a body's name says where the body is from.
    let mut start = start;
    if let Some(next) = inside.get(start + 1) {
        let first = inside[start];
        let body_named = first.kind == EntityKind::Country
            && next.kind == EntityKind::Organization
            && common_words_between(ctx, first.end..next.first);
        // "White House senior adviser Jared Kushner": a person's role at a
        // body, the person named after it (see `role_at_body`).
        if body_named || role_at_body(ctx, &[first], first.end, next, to) {
            start += 1;
        }
    }
    let mut group = vec![inside[start]];
    let mut pos = inside[start].end;
    // Whether a dash opened a counted group's members and is still open.
    let mut dash_open = false;
    for m in &inside[start + 1..] {
        // "the Sudanese Armed Forces (SAF) and the RSF": initials in
        // brackets after a member are no break.
        if ctx.lower.get(pos) == Some(&"(")
            && ctx.lower.get(pos + 2) == Some(&")")
            && crate::link::is_acronym(ctx.tok(pos + 1))
        {
            if m.first < pos + 2 {
                continue;
            }
            pos += 3;
        }
        // "Biden, and the prime ministers of Britain and Australia, Boris
        // Johnson and Scott Morrison": the people a plural title lists.
        if let Some(named) = plural_title_holders(ctx, &inside, pos, to) {
            if m.first < named {
                continue;
            }
            if m.first == named {
                group.push(*m);
                pos = m.end;
                continue;
            }
        }
        // "Kotzias and his counterpart from Skopje, Nikola Dimitrov": the
        // person named after a counterpart's phrase.
        if let Some(named) = counterpart_named(ctx, pos, to) {
            if m.first < named {
                continue;
            }
            if m.first == named && m.kind == EntityKind::Person {
                group.push(*m);
                pos = m.end;
                continue;
            }
        }
        // "Nikos Kotzias of Greece and Nikola Dimitrov": a person's country
        // after "of" says where the person is from.
        if m.kind == EntityKind::Country
            && m.first == pos + 1
            && ctx.lower[pos] == "of"
            && group
                .last()
                .is_some_and(|g| g.kind == EntityKind::Person && g.end == pos)
        {
            pos = m.end;
            continue;
        }
        // "Michael Froman, Obama's trade representative,": an owner's
        // title in apposition to the person before it.
        if m.first == pos + 1
            && ctx.tok(pos) == ","
            && possessive_at(ctx, m.end)
            && group
                .last()
                .is_some_and(|g| g.kind == EntityKind::Person && g.end == pos)
        {
            if let Some(title) = inside
                .iter()
                .find(|o| o.kind == EntityKind::Office && o.first == m.end + 1)
            {
                pos = title.end;
                continue;
            }
            // "Jared Kushner, Trump's son-in-law and senior adviser,": the
            // owner's common nouns up to the comma that closes them.
            let close = (m.end + 1..to.min(m.end + 9)).find(|&k| ctx.tok(k) == ",");
            if let Some(c) = close.filter(|&c| {
                (m.end + 1..c).all(|k| {
                    ctx.token(k).kind == TokenKind::Word && !ctx.token(k).capitalised
                        || ctx.tok(k) == "-"
                        || ms_office_at(ms, sentence, k)
                })
            }) {
                pos = c;
                continue;
            }
        }
        // "…, by White House senior adviser Jared Kushner for the United
        // States": the person in a role at the body just listed acts.
        if role_at_body(ctx, &group, pos, m, to) {
            group.pop();
            group.push(*m);
            pos = m.end;
            continue;
        }
        // "Bessent and Svyrydenko", "Gazprom and oil firm Rosneft".
        let gap = pos..m.first;
        let joined = gap.clone().any(|k| matches!(ctx.tok(k), "and" | ","));
        // "the P5+1 group of the United States, Britain and France": the
        // members a group is made of.
        let members_of = matches!(
            ctx.lower.get(gap.clone()),
            Some(["group", "of"] | ["group", "of", "the"])
        ) && group
            .last()
            .is_some_and(|g| g.kind == EntityKind::Organization);
        let gap_ok = gap.clone().all(|k| GROUP_LINKS.contains(&ctx.lower[k]))
            || members_of
            || gap.len() == 1 && tight_join(ctx, gap.start)
            || joined
                && gap.len() <= 4
                && gap.clone().all(|k| {
                    let w = ctx.lower[k];
                    w == ","
                        || w == "and"
                        || ctx.token(k).kind == TokenKind::Word
                            && (!ctx.token(k).capitalised || describing_compound(ctx.tok(k)))
                            && !GROUP_BREAKS.contains(&w)
                })
            // "and the South American bloc Mercosur": capitalised words
            // describing a common noun right before the name.
            || joined
                && gap.len() <= 6
                && m.first > 0
                && ctx.token(m.first - 1).kind == TokenKind::Word
                && !ctx.token(m.first - 1).capitalised
                && gap.clone().all(|k| {
                    let w = ctx.lower[k];
                    w == ","
                        || w == "and"
                        || ctx.token(k).kind == TokenKind::Word && !GROUP_BREAKS.contains(&w)
                });
        // "…, and Lieutenant General Tadesse Werede": a rank no lexicon
        // knows, capitalised words right before the person's name.
        let ranked = m.kind == EntityKind::Person && {
            let caps = (gap.start..gap.end)
                .rev()
                .take_while(|&k| ctx.token(k).kind == TokenKind::Word && ctx.token(k).capitalised)
                .count();
            let links = gap.start..gap.end - caps;
            (1..=3).contains(&caps)
                && links.clone().any(|k| ctx.lower[k] == "and")
                && links.clone().all(|k| matches!(ctx.lower[k], "," | "and"))
        };
        let gap_ok = gap_ok || ranked;
        // "Iran and six world powers — the United States, Britain and
        // China —": a counted group of common nouns, a dash or a colon, and
        // its members; then "— along with X" after the closing dash.
        let counted = counted_members(ctx, gap.clone());
        let closing = dash_open
            && gap.len() >= 2
            && is_dash(ctx.tok(gap.start))
            && (gap.start + 1..gap.end).all(|k| GROUP_LINKS.contains(&ctx.lower[k]));
        if counted {
            dash_open = is_dash(ctx.tok(gap.end - 1)) || is_dash(ctx.tok(gap.end - 2));
        }
        if closing {
            dash_open = false;
        }
        if !(gap_ok || counted || closing) {
            break;
        }
        if is_agent(m) {
            group.push(*m);
        } else if m.kind != EntityKind::Office {
            break;
        }
        pos = m.end;
    }
    group
}

/// One to three lower-case words (no link or break of a group) fill `gap`.
fn common_words_between(ctx: &Context, gap: std::ops::Range<usize>) -> bool {
    (1..=3).contains(&gap.len())
        && gap.clone().all(|k| {
            ctx.token(k).kind == TokenKind::Word
                && !ctx.token(k).capitalised
                && !GROUP_BREAKS.contains(&ctx.lower[k])
                && !GROUP_LINKS.contains(&ctx.lower[k])
        })
}

/// "White House senior adviser Jared Kushner": the last of `group` (ending
/// at `pos`) is a country or body, one to three common words of a role
/// follow (no verb: "Britain asked Ana Ruiz" is not hers), then the person
/// `m`, and then a comma, "and", "for", "of", "on", "in", a stop, or the
/// list's end.
fn role_at_body(ctx: &Context, group: &[M], pos: usize, m: &M, to: usize) -> bool {
    let verb = |w: &str| {
        w.ends_with("ed")
            || matches!(
                w,
                "told" | "met" | "said" | "says" | "tells" | "asks" | "urges" | "sent" | "sends"
            )
    };
    m.kind == EntityKind::Person
        && group.last().is_some_and(|g| {
            matches!(g.kind, EntityKind::Country | EntityKind::Organization) && g.end == pos
        })
        && (pos..m.first).all(|k| !verb(ctx.lower[k]))
        && (m.end >= to
            || matches!(
                ctx.lower[m.end],
                "," | "and" | "for" | "of" | "on" | "in" | "." | ";"
            ))
        && common_words_between(ctx, pos..m.first)
}

/// The token where the holders' names start after ", and the prime
/// ministers of Britain and Australia, " at `from`: "and" (after a comma or
/// not), "the", one to three common nouns the last a plural, "of", two or
/// more countries or bodies joined by "and" or commas, and a comma.
fn plural_title_holders(ctx: &Context, inside: &[M], from: usize, to: usize) -> Option<usize> {
    let mut k = from;
    if k >= to {
        return None;
    }
    if ctx.tok(k) == "," {
        k += 1;
    }
    if k + 5 >= to || ctx.lower[k] != "and" || ctx.lower[k + 1] != "the" {
        return None;
    }
    k += 2;
    let nouns = k;
    while k < to
        && k - nouns < 3
        && ctx.token(k).kind == TokenKind::Word
        && !ctx.token(k).capitalised
        && ctx.lower[k] != "of"
    {
        k += 1;
    }
    if k == nouns || k >= to || ctx.lower[k] != "of" || !ctx.lower[k - 1].ends_with('s') {
        return None;
    }
    k += 1;
    let mut parties = 0;
    loop {
        let m = inside
            .iter()
            .find(|m| m.first == k && is_agent(m) && m.kind != EntityKind::Person)?;
        parties += 1;
        k = m.end;
        if k < to && matches!(ctx.lower[k], "and" | ",") && ctx.lower.get(k + 1) != Some(&"and") {
            if ctx.tok(k) == ","
                && inside
                    .iter()
                    .any(|p| p.first == k + 1 && p.kind == EntityKind::Person)
            {
                break;
            }
            k += 1;
            continue;
        }
        if k < to && ctx.tok(k) == "," {
            break;
        }
        return None;
    }
    let named = k + 1;
    (parties >= 2
        && inside
            .iter()
            .any(|p| p.first == named && p.kind == EntityKind::Person))
    .then_some(named)
}

/// The token where a name starts after ", and his counterpart from
/// Skopje, " or " and their Greek counterparts, " at `from`: "and", a
/// possessive pronoun, at most four words or names with "counterpart(s)"
/// among them, a comma, then a capitalised word.
fn counterpart_named(ctx: &Context, from: usize, to: usize) -> Option<usize> {
    let mut k = from;
    if k >= to {
        return None;
    }
    if ctx.tok(k) == "," {
        k += 1;
    }
    if k + 3 >= to || ctx.lower[k] != "and" || !matches!(ctx.lower[k + 1], "his" | "her" | "their")
    {
        return None;
    }
    let phrase = k + 2;
    let comma = (phrase..to.min(phrase + 5)).find(|&j| ctx.tok(j) == ",")?;
    let counterpart =
        (phrase..comma).any(|j| matches!(ctx.lower[j], "counterpart" | "counterparts"));
    let words = (phrase..comma).all(|j| ctx.token(j).kind == TokenKind::Word);
    let named = comma + 1;
    (counterpart && words && named < to && ctx.token(named).capitalised).then_some(named)
}

fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "–" | "—")
}

/// Whether tokens `gap` are ", six world powers —" or "and the three
/// countries:" (a comma or "and", a number word, at most three common
/// nouns, a dash or a colon, and maybe "the"): a counted group whose
/// members follow.
fn counted_members(ctx: &Context, gap: std::ops::Range<usize>) -> bool {
    let mut k = gap.start;
    if k >= gap.end || !matches!(ctx.lower[k], "and" | ",") {
        return false;
    }
    k += 1;
    if ctx.lower.get(k) == Some(&"the") {
        k += 1;
    }
    let counted = ctx.lower.get(k).is_some_and(|w| {
        matches!(
            *w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
        ) || ctx.token(k).kind == TokenKind::Number
    });
    if !counted {
        return false;
    }
    k += 1;
    let nouns = k;
    while k < gap.end
        && k - nouns < 3
        && ctx.token(k).kind == TokenKind::Word
        && !ctx.token(k).capitalised
        && !GROUP_BREAKS.contains(&ctx.lower[k])
    {
        k += 1;
    }
    if k == nouns || k >= gap.end || !(is_dash(ctx.tok(k)) || ctx.tok(k) == ":") {
        return false;
    }
    k += 1;
    if k < gap.end && ctx.lower[k] == "the" {
        k += 1;
    }
    k == gap.end
}

/// How many parties a number word before a party noun counts ("both
/// sides", "the three countries").
fn party_count(w: &str) -> Option<usize> {
    match w {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => None,
    }
}

/// "the two leaders", "the three countries" at token `k` (the number
/// word): the latest list of that many agents of the kind written together
/// ("Argentina and Venezuela", "Russia, Ukraine, Germany and France"); for
/// a pair, else the two latest agents of the kind. Leaders with no list of
/// their own are those of the countries last listed ("the leaders of
/// Russia, Ukraine, Germany and France … the four leaders").
fn numbered_parties(ctx: &Context, ms: &[M], k: usize) -> Vec<M> {
    let Some(n) = party_count(ctx.lower[k]) else {
        return vec![];
    };
    let person = ctx
        .lower
        .get(k + 1)
        .is_some_and(|w| matches!(*w, "leaders" | "men" | "women" | "presidents"));
    let below = ms.partition_point(|m| m.first < k);
    let window = &ms[below.saturating_sub(4 * WINDOW)..below];
    // "Trump and Japanese Prime Minister Shinzo Abe": a title before a
    // name is part of the list, not a member.
    let titled = |m: &M| {
        window
            .iter()
            .find(|o| o.kind == EntityKind::Office && o.end == m.first)
            .map_or(m.first, |o| o.first)
    };
    let recent: Vec<M> = window
        .iter()
        .filter(|m| m.kind != EntityKind::Office)
        .copied()
        .collect();
    let listed = |fits: &dyn Fn(&M) -> bool| -> Option<Vec<M>> {
        recent.windows(n).rev().find_map(|w| {
            let joined = w.windows(2).all(|p| {
                let (x, y) = (p[0], p[1]);
                titled(&y) > x.end
                    && x.entity != y.entity
                    && (x.end..titled(&y)).all(|t| matches!(ctx.tok(t), "and" | "," | "the"))
            });
            let distinct = w
                .iter()
                .enumerate()
                .all(|(i, m)| w[..i].iter().all(|o| o.entity != m.entity));
            (joined && distinct && w.iter().all(fits)).then(|| w.to_vec())
        })
    };
    let fits = |m: &M| is_agent(m) && (m.kind == EntityKind::Person) == person;
    if let Some(list) = listed(&fits) {
        return list;
    }
    if n == 2 {
        let mut out: Vec<M> = Vec::new();
        for m in recent.iter().rev() {
            if fits(m) && !out.iter().any(|o| o.entity == m.entity) {
                out.push(*m);
                if out.len() == 2 {
                    return out;
                }
            }
        }
        return vec![];
    }
    if person {
        return listed(&|m: &M| m.kind == EntityKind::Country).unwrap_or_default();
    }
    vec![]
}

/// The first token of the run of words before `k` (not before `floor`)
/// that `skip` accepts: where a verb's auxiliaries and adverbs begin.
fn back_over(ctx: &Context, mut k: usize, floor: usize, skip: fn(&str) -> bool) -> usize {
    while k > floor && skip(ctx.lower[k - 1]) {
        k -= 1;
    }
    k
}

/// An auxiliary or an adverb in -ly ("has finally", "also").
fn adverbial(w: &str) -> bool {
    AUXILIARY.contains(&w) || w.ends_with("ly")
}

/// A form of "be" or an auxiliary ("had been", "was formally").
fn passive_auxiliary(w: &str) -> bool {
    BE_FORMS.contains(&w) || AUXILIARY.contains(&w)
}

/// ", and technical teams initialed": the token after ", and" (or ", but")
/// when the words between it and the verb at `t0` (past its auxiliaries
/// and adverbs) are a common noun phrase of their own: one to three
/// lower-case words after a determiner or ending in a plural noun.
fn own_subject(ctx: &Context, clause_start: usize, t0: usize) -> Option<usize> {
    let k = back_over(ctx, t0, clause_start, adverbial);
    let mut j = k;
    while j > clause_start
        && k - j < 3
        && ctx.token(j - 1).kind == TokenKind::Word
        && !ctx.token(j - 1).capitalised
        && !matches!(ctx.lower[j - 1], "and" | "but")
    {
        j -= 1;
    }
    if j == k || j < clause_start + 2 || !matches!(ctx.lower[j - 1], "and" | "but") {
        return None;
    }
    if ctx.tok(j - 2) != "," {
        return None;
    }
    let words = &ctx.lower[j..k];
    let pronoun = words.iter().any(|w| {
        matches!(
            *w,
            "he" | "she" | "it" | "they" | "who" | "which" | "that" | "then"
        )
    });
    let noun_phrase = DETERMINERS.contains(&words[0])
        || matches!(words[0], "both" | "all" | "some" | "many" | "most")
        || words[words.len() - 1].ends_with('s') && !words[words.len() - 1].ends_with("ss");
    (!pronoun && noun_phrase).then_some(j)
}

/// "until the three countries reached a deal": a numbered party noun
/// right before the verb is its subject, not an agent named earlier.
fn numbered_subject(ctx: &Context, ms: &[M], clause_start: usize, t0: usize) -> Option<Vec<M>> {
    let k = back_over(ctx, t0, clause_start, adverbial);
    if k < clause_start + 2 || !counted_parties_at(ctx, k - 2) {
        return None;
    }
    Some(numbered_parties(ctx, ms, k - 2))
}

/// "two leaders", "the three countries": a count of parties at token `j`
/// and a noun of parties after it.
fn counted_parties_at(ctx: &Context, j: usize) -> bool {
    party_count(ctx.lower[j]).is_some()
        && ctx
            .lower
            .get(j + 1)
            .is_some_and(|w| TWO_PARTIES.contains(w))
}

/// "Malik Agar, a former rebel leader who signed the deal": the person a
/// short common noun phrase (a determiner first) stands in apposition to,
/// when the relative pronoun right before the verb at `t0` (past its
/// auxiliaries and adverbs) follows that phrase.
fn apposed_antecedent(ctx: &Context, ms: &[M], sentence: &[usize], t0: usize) -> Option<M> {
    let first = sentence.first().map(|&k| ms[k].first)?;
    let r = back_over(ctx, t0, first, adverbial);
    if r <= first + 2 || ctx.lower[r - 1] != "who" {
        return None;
    }
    let end = r - 1;
    let mut j = end;
    while j > first && end - j < 6 && {
        let k = j - 1;
        ctx.token(k).kind == TokenKind::Word
            && !ctx.token(k).capitalised
            && !GROUP_BREAKS.contains(&ctx.lower[k])
    } {
        j -= 1;
    }
    if j == end || j <= first || ctx.tok(j - 1) != "," || !DETERMINERS.contains(&ctx.lower[j]) {
        return None;
    }
    sentence
        .iter()
        .map(|&i| ms[i])
        .find(|m| m.kind == EntityKind::Person && m.end == j - 1)
}

/// "X, who met Y on Friday, signed …", "X, who … and who …, brokered …":
/// a verb right after the comma that closes a relative clause has the
/// clause's antecedent (the agents right before ", who") as its subject,
/// not an agent inside the clause.
fn relative_antecedent(ctx: &Context, ms: &[M], sentence: &[usize], t0: usize) -> Option<Vec<M>> {
    let first = sentence.first().map(|&k| ms[k].first)?;
    let k = back_over(ctx, t0, first, adverbial);
    if k <= first + 1 || ctx.tok(k - 1) != "," {
        return None;
    }
    let comma = k - 1;
    // The last relative pronoun before that comma that follows an
    // agent and a comma; no other clause break in between.
    let agent_ends = |e: usize| sentence.iter().any(|&i| is_agent(&ms[i]) && ms[i].end == e);
    let end = (first + 2..comma).rev().find_map(|r| {
        let fits = matches!(ctx.lower[r], "who" | "which")
            && ctx.tok(r - 1) == ","
            // A dot inside the sentence is an abbreviation's ("the U.S. team").
            && (r..comma).all(|g| !matches!(ctx.tok(g), ";" | ":" | "\"" | "“" | "”"));
        if !fits {
            return None;
        }
        if agent_ends(r - 1) {
            return Some(r - 1);
        }
        // "X, Obama's trade representative, who led the team, signed":
        // the person a title stands in apposition to.
        apposed_title(ctx, ms, sentence, r - 1)
    })?;
    let group = subject_group(ctx, ms, sentence, first, end);
    let group: Vec<M> = group
        .iter()
        .position(|m| m.end == end)
        .map(|_| group)
        .unwrap_or_else(|| {
            sentence
                .iter()
                .map(|&i| ms[i])
                .filter(|m| is_agent(m) && m.end == end)
                .collect()
        });
    (!group.is_empty()).then_some(group)
}

/// "X, Obama's trade representative," / "X, the trade representative,":
/// when an office mention ends at `end` and stands, after an owner's
/// possessive or a determiner, right after "Person ,", the end of that
/// person's mention.
fn apposed_title(ctx: &Context, ms: &[M], sentence: &[usize], end: usize) -> Option<usize> {
    let office = sentence
        .iter()
        .map(|&i| ms[i])
        .find(|m| m.kind == EntityKind::Office && m.end == end)?;
    let mut j = office.first;
    if j > 0 && matches!(ctx.tok(j - 1), "'s" | "’s") {
        j = sentence
            .iter()
            .map(|&i| ms[i])
            .find(|m| is_agent(m) && m.end == j - 1)?
            .first;
    } else if j > 0 && matches!(ctx.lower[j - 1], "the" | "its" | "his" | "her" | "their") {
        j -= 1;
    }
    (j > 0 && ctx.tok(j - 1) == ",")
        .then(|| {
            sentence
                .iter()
                .map(|&i| ms[i])
                .find(|m| m.kind == EntityKind::Person && m.end == j - 1)
        })
        .flatten()
        .map(|m| m.end)
}

/// "Massad Boulos, Trump's senior adviser for Africa, led …": a person
/// opening the clause at `clause_start`, an apposition between commas
/// (opening with a determiner, an owner's possessive, a title or a
/// lower-case word, not with another name: "Kato, Marsh and Vell signed" is
/// a list), then the verb at `t0` past its auxiliaries and adverbs.
fn apposed_subject(
    ctx: &Context,
    ms: &[M],
    sentence: &[usize],
    clause_start: usize,
    t0: usize,
) -> Option<M> {
    let k = back_over(ctx, t0, clause_start, adverbial);
    if k < clause_start + 4 || ctx.tok(k - 1) != "," {
        return None;
    }
    let first = sentence
        .iter()
        .map(|&i| ms[i])
        .find(|m| m.first >= clause_start)?;
    if first.kind != EntityKind::Person
        || first.first != clause_start
        || first.end + 2 >= k
        || ctx.tok(first.end) != ","
        || k - 1 - first.end > 12
    {
        return None;
    }
    let a = first.end + 1;
    let opens = match sentence.iter().map(|&i| ms[i]).find(|m| m.first == a) {
        Some(m) if m.kind == EntityKind::Office => true,
        Some(m) => possessive_at(ctx, m.end),
        None => !ctx.token(a).capitalised || DETERMINERS.contains(&ctx.lower[a]),
    };
    let plain = (a..k - 1).all(|g| {
        !matches!(ctx.tok(g), "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")")
            && !matches!(ctx.lower[g], "who" | "which" | "that" | "and")
    });
    (opens && plain).then_some(first)
}

/// Agents after `with` / `by` / `between` in `[from, to)`.
fn prepositional_agents(
    ctx: &Context,
    ms: &[M],
    sentence: &[usize],
    from: usize,
    to: usize,
    preps: &[&str],
) -> Vec<M> {
    let mut out = Vec::new();
    let mut k = from;
    while k < to.min(from + 2) {
        if preps.contains(&ctx.lower[k]) {
            let group = subject_group(ctx, ms, sentence, k + 1, to);
            // The group must start right after the preposition (and "the").
            if let Some(first) = group.first() {
                // "with Japanese rival Nissan Motor": a few describing words.
                // "by then-presidents X and Y": a hyphenated one too.
                let lead_ok = first.first - (k + 1) <= 3
                    && (k + 1..first.first).all(|j| {
                        ms_office_at(ms, sentence, j)
                            || ctx.tok(j) == "-" && j > k + 1
                            || ctx.token(j).kind == TokenKind::Word
                                && !GROUP_BREAKS.contains(&ctx.lower[j])
                    })
                    // "between Oil and Natural Gas Corporation chairman
                    // Subir Raha": a title of any length.
                    || first.kind == EntityKind::Person
                        && (k + 1..first.first).all(|j| ms_office_at(ms, sentence, j));
                // "by South Korea's then defense minister, Han Min-koo": a
                // title in apposition before the name.
                let title_before = first.kind == EntityKind::Person
                    && first.first >= k + 3
                    && ctx.tok(first.first - 1) == ","
                    && sentence.iter().map(|&i| ms[i]).any(|o| {
                        o.kind == EntityKind::Office
                            && o.end + 1 == first.first
                            && (k + 1..o.first).all(|j| {
                                matches!(ctx.lower[j], "the" | "a" | "its" | "their")
                                    || ms_office_at(ms, sentence, j)
                            })
                    });
                // "by ministers from Australia, Brunei and Chile", "by
                // the envoys of the two countries": people acting for the
                // parties listed.
                // "by representatives of the Sudanese Armed Forces": an
                // article before the party too.
                let named_at = if first.first > k + 1 && ctx.lower[first.first - 1] == "the" {
                    first.first - 1
                } else {
                    first.first
                };
                let envoys = first.kind != EntityKind::Person
                    && named_at >= k + 3
                    && matches!(ctx.lower[named_at - 1], "from" | "of" | "for")
                    && ENVOY_NOUNS.contains(&ctx.lower[named_at - 2])
                    && (k + 1..named_at - 2).all(|j| {
                        DETERMINERS.contains(&ctx.lower[j])
                            || ctx.token(j).kind == TokenKind::Number
                            || ctx.token(j).kind == TokenKind::Word && !ctx.token(j).capitalised
                    })
                    && named_at - 2 - (k + 1) <= 2;
                // "by White House senior adviser Jared Kushner".
                let role_at = first.kind == EntityKind::Person
                    && sentence.iter().map(|&i| ms[i]).any(|b| {
                        (b.first == k + 1 || b.first == k + 2 && ctx.lower[k + 1] == "the")
                            && role_at_body(ctx, &[b], b.end, first, to)
                    });
                let lead_ok = lead_ok || title_before || envoys || role_at;
                // "by the U.S. special representative for Afghanistan
                // reconciliation, Zalmay Khalilzad, and …": a title no
                // lexicon knows, a comma, and its holder.
                let holder = (!lead_ok || first.kind == EntityKind::Country)
                    .then(|| unknown_title_holder(ctx, ms, sentence, k + 1, to))
                    .flatten();
                if let Some(p) = holder {
                    out.extend(subject_group(ctx, ms, sentence, p, to));
                } else if lead_ok {
                    out.extend(group);
                } else if let Some(list) = numbered_apposition(ctx, ms, sentence, k + 1, to) {
                    out.extend(list);
                }
            }
            break;
        }
        k += 1;
    }
    out
}

/// The token where a person's name starts after a title in apposition
/// at `from`: "the U.S. special representative for Afghanistan
/// reconciliation, Zalmay Khalilzad": "the", at most eight words ("for"
/// or "of" among them; no "and", "who" or "said", no person), a comma,
/// and a person followed by a comma, "and", a stop, "on" or "in". The
/// caller asks only when the agents after the preposition would start
/// with a country inside such a title ("the U.S. …"), not with a body
/// ("the United Nations refugee agency, X" is the agency).
fn unknown_title_holder(
    ctx: &Context,
    ms: &[M],
    sentence: &[usize],
    from: usize,
    to: usize,
) -> Option<usize> {
    if ctx.lower.get(from) != Some(&"the") {
        return None;
    }
    let comma = (from + 1..to.min(from + 10)).find(|&j| ctx.tok(j) == ",")?;
    let titled = comma > from + 2
        && (from + 1..comma).all(|j| {
            let w = ctx.lower[j];
            matches!(w, "for" | "of" | ".")
                || ctx.token(j).kind == TokenKind::Word
                    && !GROUP_BREAKS.contains(&w)
                    && !matches!(w, "and" | "who" | "said")
        })
        && (from + 1..comma).all(|j| !kind_at(ms, sentence, j, EntityKind::Person));
    let p = sentence
        .iter()
        .map(|&i| ms[i])
        .find(|m| m.kind == EntityKind::Person && m.first == comma + 1)?;
    let closed = p.end >= to || matches!(ctx.lower[p.end], "," | "and" | "." | "on" | "in");
    (titled && closed).then_some(p.first)
}

/// "by the two foreign ministers, Nikos Kotzias of Greece and Nikola
/// Dimitrov of Macedonia": a numbered group of common nouns, a comma, and
/// the agents it stands for listed right after.
fn numbered_apposition(
    ctx: &Context,
    ms: &[M],
    sentence: &[usize],
    from: usize,
    to: usize,
) -> Option<Vec<M>> {
    let mut k = from;
    if ctx.lower.get(k) == Some(&"the") {
        k += 1;
    }
    party_count(ctx.lower.get(k)?)?;
    let comma = (k + 1..to.min(k + 8)).find(|&j| ctx.tok(j) == ",")?;
    let plain = (k + 1..comma).all(|j| {
        ctx.token(j).kind == TokenKind::Word && !ctx.token(j).capitalised
            || ms_office_at(ms, sentence, j)
    });
    let group = subject_group(ctx, ms, sentence, comma + 1, to);
    (plain && group.first().is_some_and(|m| m.first == comma + 1)).then_some(group)
}

fn ms_office_at(ms: &[M], sentence: &[usize], tok: usize) -> bool {
    kind_at(ms, sentence, tok, EntityKind::Office)
}

/// Whether a mention of `kind` in the sentence covers token `tok`.
fn kind_at(ms: &[M], sentence: &[usize], tok: usize, kind: EntityKind) -> bool {
    sentence
        .iter()
        .any(|&k| ms[k].kind == kind && ms[k].first <= tok && tok < ms[k].end)
}

fn negated(ctx: &Context, t0: usize, floor: usize) -> bool {
    (t0.saturating_sub(3).max(floor)..t0).any(|k| NEGATIONS.contains(&ctx.lower[k]))
}

/// What a negated trigger says: not signing, ratifying, approving … a text
/// is rejecting it; other negated acts ("did not negotiate") say nothing.
fn refusal(pred: &str) -> Option<&'static str> {
    matches!(
        pred,
        "signed" | "ratified" | "approved" | "endorsed" | "finalized" | "joined"
    )
    .then_some("rejected")
}

/// Whether token `k` is a possessive "'s".
pub(super) fn possessive_at(ctx: &Context, k: usize) -> bool {
    matches!(ctx.lower.get(k), Some(&("'s" | "’s")))
}

/// "X, who spent two years negotiating face to face with Y": an active
/// "negotiate" (not "held talks": talks may be of anything) with no
/// agreement after it, then "with" and a party (a few
/// lower-case words between). The subject (the agent before ", who", or
/// the subject right before the verb) and the party negotiated `agreement`.
/// Whether it applied.
fn negotiated_with(
    ctx: &Context,
    ms: &[M],
    sentence: &[usize],
    site: Site,
    agreement: usize,
    acc: &mut Acc,
) -> bool {
    let Site {
        t,
        pred,
        clause_start,
        end_tok,
        span: (s_start, s_end),
    } = site;
    let Some(with) = (t.1..end_tok.min(t.1 + 5))
        .take_while(|&k| ctx.token(k).kind == TokenKind::Word && !ctx.token(k).capitalised)
        .find(|&k| ctx.lower[k] == "with")
    else {
        return false;
    };
    // An agreement after the verb is its object: left to `verb`.
    if (t.1..with).any(|k| kind_at(ms, sentence, k, EntityKind::Agreement))
        || negated(ctx, t.0, clause_start)
    {
        return false;
    }
    let partners = prepositional_agents(ctx, ms, sentence, with, end_tok, &["with"]);
    if partners.is_empty() || partners.iter().any(|m| m.kind == EntityKind::Agreement) {
        return false;
    }
    let first = sentence.first().map_or(t.0, |&k| ms[k].first);
    let who = (first.max(t.0.saturating_sub(15))..t.0)
        .rev()
        .find(|&r| ctx.lower[r] == "who" && r > 0 && ctx.tok(r - 1) == ",");
    let subjects: Vec<M> = match who {
        Some(r) => sentence
            .iter()
            .map(|&k| ms[k])
            .filter(|m| is_agent(m) && m.end == r - 1)
            .collect(),
        None => {
            let group = subject_group(ctx, ms, sentence, clause_start, t.0);
            let k = back_over(ctx, t.0, clause_start, adverbial);
            if group.last().is_some_and(|m| m.end == k) {
                group
            } else {
                vec![]
            }
        }
    };
    if subjects.is_empty() {
        return false;
    }
    for m in subjects.iter().chain(&partners) {
        acc.add(
            m.entity,
            pred,
            agreement,
            s_start,
            s_end,
            "relation.negotiated-with",
        );
    }
    true
}

fn verb(ctx: &Context, ms: &[M], sentence: &[usize], site: Site, acc: &mut Acc) {
    let Site {
        t,
        pred,
        clause_start,
        end_tok: s_end_tok,
        span: (s_start, s_end),
    } = site;
    // "the signing of the deal by X": a verb form used as a noun.
    if ctx.lower.get(t.1).is_some_and(|w| *w == "of") {
        return noun(ctx, ms, sentence, site, acc);
    }
    let mut pred = pred.to_string();
    // "a draft agreement", "a recently signed deal": a participle or noun
    // inside a noun phrase, not a verb with a subject.
    let adjectival = {
        let mut k = t.0;
        while k > clause_start && {
            let w = ctx.lower[k - 1];
            w.ends_with("ly")
                || w.ends_with("ed")
                || (OBJECT_GAP.contains(&w) && !DETERMINERS.contains(&w))
        } {
            k -= 1;
        }
        // "the countries that signed the deal": "that" is a relative
        // pronoun there, not a determiner.
        k > clause_start && DETERMINERS.contains(&ctx.lower[k - 1]) && ctx.lower[k - 1] != "that"
    };
    if negated(ctx, t.0, clause_start) {
        match refusal(&pred) {
            Some(p) => pred = p.into(),
            None => return,
        }
    }
    // "signed up to the accord", "signed on to the plan": a particle.
    let mut from = t.1;
    // "agreed on Thursday on a ceasefire": a day between verb and particle.
    if ctx.lower.get(from) == Some(&"on")
        && ctx.lower.get(from + 1).is_some_and(|w| DAYS.contains(w))
        && ctx
            .lower
            .get(from + 2)
            .is_some_and(|w| matches!(*w, "on" | "to"))
    {
        from += 2;
    }
    if ctx
        .lower
        .get(from)
        .is_some_and(|w| matches!(*w, "up" | "on"))
        && ctx.lower.get(from + 1).is_some_and(|w| *w == "to")
    {
        from += 2;
    } else if ctx.lower.get(from).is_some_and(|w| *w == "onto")
        || ctx.lower[t.0].starts_with("agree")
        && t.1 - t.0 == 1
        && ctx
            .lower
            .get(from)
            .is_some_and(|w| matches!(*w, "to" | "on" | "upon"))
        // "agreed to a ceasefire", "agreed on the deal"; not "agreed to
        // scrap the deal", an infinitive.
        && ctx.lower.get(from + 1).is_some_and(|w| {
            OBJECT_GAP.contains(w)
                || ctx.token(from + 1).kind == TokenKind::Number
                || sentence
                    .iter()
                    .any(|&k| ms[k].kind == EntityKind::Agreement && ms[k].first == from + 1)
        })
    {
        from += 1;
    }
    // The object: an agreement right after the verb. A short bracket
    // ("a $6bn (£3.12bn) deal") is no gap.
    let object = sentence.iter().map(|&k| ms[k]).find(|m| {
        if m.kind != EntityKind::Agreement || m.first < from {
            return false;
        }
        let mut gap = 0;
        let mut k = from;
        while k < m.first {
            if ctx.tok(k) == "(" {
                match (k + 1..m.first.min(k + 8)).find(|&j| ctx.tok(j) == ")") {
                    Some(j) if (k + 1..j).all(|i| !matches!(ctx.tok(i), "." | ";" | "(")) => {
                        k = j + 1;
                        continue;
                    }
                    _ => return false,
                }
            }
            // "signed a 'stage one' trade pact", "the \"phase one\" deal": a
            // short quoted name of a stage is no gap either.
            if matches!(ctx.tok(k), "\"" | "'" | "“" | "‘") {
                match (k + 2..m.first.min(k + 7))
                    .find(|&j| matches!(ctx.tok(j), "\"" | "'" | "”" | "’"))
                {
                    Some(j) if (k + 1..j).all(|i| ctx.token(i).kind != TokenKind::Punct) => {
                        k = j + 1;
                        gap += 1;
                        continue;
                    }
                    _ => return false,
                }
            }
            // "signed a U.S.-brokered peace deal": a name, a hyphen and a
            // participle, one modifier.
            // "a Trump-brokered ceasefire": any capitalised name.
            let name_end = sentence
                .iter()
                .map(|&i| ms[i])
                .find(|o| o.first == k)
                .map_or(k + 1, |o| o.end);
            if ctx.token(k).capitalised
                && name_end + 1 < m.first
                && ctx.tok(name_end) == "-"
                && tight_join(ctx, name_end)
                && joined_participle(ctx.lower[name_end + 1])
            {
                k = name_end + 2;
                gap += 1;
                continue;
            }
            // "signed Britain's trade agreement", "rejected Prime Minister
            // Theresa May's deal": an owner's possessive, its title before it.
            let title_end = sentence
                .iter()
                .map(|&i| ms[i])
                .find(|o| o.first == k && o.kind == EntityKind::Office)
                .map_or(k, |o| o.end);
            if let Some(owner) = sentence.iter().map(|&i| ms[i]).find(|o| {
                o.first == title_end && is_agent(o) && matches!(ctx.tok(o.end), "'s" | "’s")
            }) {
                k = owner.end + 1;
                gap += 1;
                continue;
            }
            if !(OBJECT_GAP.contains(&ctx.lower[k])
                || modifier(ctx, k)
                || compound_participle(ctx.lower[k]))
            {
                return false;
            }
            gap += 1;
            k += 1;
        }
        gap <= 4
    });
    // "the party holds firm against the deal": "against" at most one word
    // after the verb, then only the agreement's determiners (not "signed
    // despite protests against the treaty").
    if object.is_some_and(|a| {
        (from..a.first)
            .rev()
            .find(|&k| !OBJECT_GAP.contains(&ctx.lower[k]))
            .is_some_and(|k| ctx.lower[k] == "against" && k <= from + 1)
    }) {
        pred = "rejected".into();
    }
    // "Japan finally signed up to it": the agreement last named.
    let (object, by_pronoun) = match object {
        Some(a) => (Some(a), false),
        None => (pronoun_object(ctx, ms, t), true),
    };
    // "Tran Tuan Anh signed on behalf of Hanoi", "Zhong Shan signed for
    // Beijing": the agreement last named, signed by both.
    let for_party = if object.is_none() && pred == "signed" {
        on_behalf(ctx, ms, sentence, t.1)
    } else {
        None
    };
    let (object, by_pronoun) = match (object, for_party) {
        (None, Some(party)) => {
            let a = latest_agreement(ctx, ms, t.0);
            if let Some(a) = a {
                acc.add(
                    party.entity,
                    &pred,
                    a.entity,
                    s_start,
                    s_end,
                    "relation.on-behalf",
                );
            }
            (a, true)
        }
        other => (other.0, by_pronoun),
    };
    // "if no agreement is reached": the agreement is the subject of a
    // passive; agents before it are not the verb's (only "by X" are).
    let passive_of_agreement = sentence.iter().map(|&k| ms[k]).any(|m| {
        m.kind == EntityKind::Agreement
            && m.end < t.0
            && m.end + 4 >= t.0
            && (m.end..t.0).any(|k| BE_FORMS.contains(&ctx.lower[k]))
            && (m.end..t.0)
                .all(|k| BE_FORMS.contains(&ctx.lower[k]) || AUXILIARY.contains(&ctx.lower[k]))
    });
    if let Some(a) = object.filter(|_| !adjectival && !passive_of_agreement) {
        let numbered = numbered_subject(ctx, ms, clause_start, t.0);
        // "the three European countries that signed the deal: Boris Johnson
        // of Britain, …": a relative clause whose agents are listed after
        // a colon that follows its agreement.
        let listed_after = {
            let k = back_over(ctx, t.0, clause_start.saturating_sub(1), adverbial);
            (k > 0
                && matches!(ctx.lower[k - 1], "that" | "who")
                && ctx.lower.get(a.end) == Some(&":"))
            .then(|| subject_group(ctx, ms, sentence, a.end + 1, s_end_tok))
            .filter(|g| g.first().is_some_and(|m| m.first == a.end + 1))
            // "Boris Johnson of Britain": the clause says what the country
            // did; its minister is named, not said to have done it.
            .map(|g| {
                g.into_iter()
                    .map(|m| {
                        sentence
                            .iter()
                            .map(|&i| ms[i])
                            .find(|c| {
                                m.kind == EntityKind::Person
                                    && c.kind == EntityKind::Country
                                    && c.first == m.end + 1
                                    && ctx.lower[m.end] == "of"
                            })
                            .unwrap_or(m)
                    })
                    .collect::<Vec<M>>()
            })
        };
        let mut subjects = listed_after
            .or_else(|| apposed_antecedent(ctx, ms, sentence, t.0).map(|p| vec![p]))
            .or_else(|| relative_antecedent(ctx, ms, sentence, t.0))
            .or_else(|| numbered.clone())
            .or_else(|| apposed_subject(ctx, ms, sentence, clause_start, t.0).map(|p| vec![p]))
            .unwrap_or_else(|| subject_group(ctx, ms, sentence, clause_start, t.0));
        let mut rule = if by_pronoun {
            "relation.verb-pronoun-object"
        } else {
            "relation.verb-subject"
        };
        // "X led the talks, and technical teams initialed the text": a
        // clause joined by ", and" with a subject of its own.
        if let Some(j) = own_subject(ctx, clause_start, t.0) {
            if numbered.is_none() && subjects.iter().all(|m| m.end < j) {
                return;
            }
        }
        if subjects.is_empty() && numbered.is_none() {
            let first = ctx.seg.sentences[ctx.sentence_of(t.0)].first_token;
            subjects = carried_subject(ctx, ms, first, clause_start, t.0);
            rule = "relation.verb-carried-subject";
        }
        for m in subjects {
            acc.add(m.entity, &pred, a.entity, s_start, s_end, rule);
        }
        let until = sentence
            .iter()
            .map(|&k| ms[k])
            .find(|m| m.kind == EntityKind::Agreement && m.first > a.end)
            .map_or(s_end_tok, |m| m.first);
        // "India and Russia signed a memorandum during a meeting between
        // X, Y and Z": those met negotiated it.
        if matches!(pred.as_str(), "signed" | "negotiated" | "finalized") {
            for m in talks_between(ctx, ms, sentence, a.end, s_end_tok) {
                acc.add(
                    m.entity,
                    "negotiated",
                    a.entity,
                    s_start,
                    s_end,
                    "relation.verb-talks-between",
                );
            }
        }
        // "X terminated an agreement with Y": Y is a party, not a quitter.
        let with_pred = match pred.as_str() {
            "withdrewFrom" | "rejected" => "partyTo",
            p => p,
        };
        for m in prepositional_agents(ctx, ms, sentence, a.end, until, &["with"]) {
            acc.add(
                m.entity,
                with_pred,
                a.entity,
                s_start,
                s_end,
                "relation.verb-with",
            );
        }
        // "X signed the agreement, as did South Korea's trade minister,
        // Yoo Myung-hee": the same act by the agents after "as did".
        if let Some(did) = (a.end..s_end_tok.min(a.end + 4))
            .find(|&k| ctx.lower[k] == "as" && ctx.lower.get(k + 1) == Some(&"did"))
            .filter(|&k| (a.end..k).all(|g| ctx.tok(g) == ","))
        {
            let stop = (did + 2..s_end_tok)
                .find(|&k| matches!(ctx.lower[k], "with" | "while" | "after" | "before"))
                .unwrap_or(s_end_tok);
            let group = subject_group(ctx, ms, sentence, did + 2, stop);
            if group.first().is_some_and(|m| m.first <= did + 8) {
                for m in group {
                    acc.add(m.entity, &pred, a.entity, s_start, s_end, "relation.as-did");
                }
            }
        }
        // "receiving a draft agreement from X": X proposed it.
        if pred == "received" {
            for m in prepositional_agents(ctx, ms, sentence, a.end, s_end_tok, &["from"]) {
                acc.add(
                    m.entity,
                    "proposed",
                    a.entity,
                    s_start,
                    s_end,
                    "relation.verb-from",
                );
            }
        }
        return;
    }
    // "the Agreement on the Path …, which Vucic and Kurti accepted": the
    // agreement before "which" is the object, the agents after it the
    // subject (an active verb: "which was signed by" is a passive).
    if clause_start > 1 && matches!(ctx.lower[clause_start - 1], "which" | "that") {
        let mut k = clause_start - 1;
        if ctx.tok(k - 1) == "," {
            k -= 1;
        }
        // "the protocol, which X negotiated in 2019, and which Y has
        // opposed": the first clause's antecedent.
        // The first clause opens with a comma or "which" (not "said of
        // the deal that …, and that"); each later one with "and".
        if k > 1 && ctx.lower[k - 1] == "and" {
            let floor = ctx.seg.sentences[ctx.sentence_of(k)].first_token;
            let mut at = k - 1;
            while let Some(g) = (floor..at)
                .rev()
                .take_while(|&g| !matches!(ctx.tok(g), ";" | ":"))
                .find(|&g| matches!(ctx.lower[g], "which" | "that"))
                .filter(|&g| g > floor)
            {
                // "the protocol which X negotiated …, and which": "which"
                // opens one with no comma ("that" may be "said … that").
                if ctx.lower[g - 1] == "and" {
                    at = g - 1;
                    continue;
                }
                // "negotiated with that country, and which": a determiner.
                if ctx.lower[g] == "that" && ctx.tok(g - 1) != "," {
                    at = g;
                    continue;
                }
                if ctx.tok(g - 1) == "," || ctx.lower[g] == "which" {
                    k = if ctx.tok(g - 1) == "," { g - 1 } else { g };
                }
                break;
            }
        }
        // Right before, or before the rest of its long name ("the
        // Agreement on the Path to Normalisation of Relations between
        // Kosovo and Serbia, which").
        // "the Abraham Accords, the agreements that": or an apposition of
        // a few lower-case words.
        let apposition = |from: usize| {
            ctx.tok(from) == ","
                && ctx.lower.get(from + 1) == Some(&"the")
                && k - from <= 6
                && (from + 2..k).all(|g| {
                    ctx.token(g).kind == TokenKind::Word
                        && !ctx.token(g).capitalised
                        && !CLAUSE_MARKERS.contains(&ctx.lower[g])
                        // "the 2020 normalisation agreements that": a year
                        // or another number.
                        || ctx.token(g).kind == TokenKind::Number
                })
        };
        let antecedent = sentence.iter().map(|&i| ms[i]).rfind(|m| {
            m.kind == EntityKind::Agreement
                && m.end <= k
                && k - m.end <= 12
                && ((m.end..k).all(|g| {
                    ctx.is_cap_word(g)
                        || matches!(
                            ctx.lower[g],
                            "of" | "to" | "between" | "and" | "the" | "on" | "for"
                        )
                }) || apposition(m.end))
        });
        let subjects = subject_group(ctx, ms, sentence, clause_start, t.0);
        // "that the UAE and Bahrain signed": an article before the subject.
        let subject_at = if ctx.lower[clause_start] == "the" {
            clause_start + 1
        } else {
            clause_start
        };
        // "which Mr Johnson negotiated", "which Prime Minister X signed":
        // an honorific or a title before the person.
        let titled_at = |m: &M| {
            m.kind == EntityKind::Person
                && m.first > subject_at
                && m.first - subject_at <= 4
                && (subject_at..m.first).all(|g| {
                    ctx.tok(g) == "."
                        || ctx.token(g).kind == TokenKind::Word && ctx.token(g).capitalised
                        || ms_office_at(ms, sentence, g)
                })
        };
        let active = subjects
            .first()
            .is_some_and(|m| m.first == subject_at || titled_at(m))
            && subjects.last().is_some_and(|m| {
                (m.end..t.0)
                    .all(|g| AUXILIARY.contains(&ctx.lower[g]) && !BE_FORMS.contains(&ctx.lower[g]))
            });
        // "which the two leaders accepted": the pair named before.
        let (subjects, active) = match numbered_subject(ctx, ms, clause_start, t.0) {
            Some(pair) if subjects.is_empty() && !pair.is_empty() => (pair, true),
            _ => (subjects, active),
        };
        if let (Some(a), true) = (antecedent, active) {
            // "which X signed with Y": Y too.
            let with = prepositional_agents(ctx, ms, sentence, t.1, s_end_tok, &["with"]);
            let rules = std::iter::repeat("relation.verb-relative-object")
                .zip(subjects)
                .chain(std::iter::repeat("relation.verb-with").zip(with));
            for (rule, m) in rules {
                acc.add(m.entity, &pred, a.entity, s_start, s_end, rule);
            }
            return;
        }
    }
    // Passive: "the deal, signed by X".
    // "the treaty, agreed between X and Y": the parties of a participle
    // (negotiators when it was negotiated).
    let mut by = prepositional_agents(ctx, ms, sentence, t.1, s_end_tok, &["by"]);
    // Where the "by" is, once found.
    let mut by_at = (ctx.lower.get(t.1) == Some(&"by")).then_some(t.1);
    let mut rule = "relation.passive-by";
    // "signed in Washington on April 30 by X": past a few words of where
    // and when (no other words, no other agreement), "by".
    if by.is_empty() {
        let limit = s_end_tok.min(t.1 + 24);
        // Inside "Psarades, a lakeside village on the Greek shore of
        // Prespa,": a place's description, any common words but a verb's.
        let mut described = false;
        let mut description_seen = false;
        let far_by = (t.1..limit)
            .take_while(|&k| {
                let w = ctx.lower[k];
                let starts_agreement = sentence
                    .iter()
                    .any(|&m| ms[m].kind == EntityKind::Agreement && ms[m].first == k);
                if described {
                    // "a village on Lake Prespa by X": the "by" closes it.
                    if w == "by" {
                        described = false;
                        return true;
                    }
                    described = w != ",";
                    return !starts_agreement
                        && (w == ","
                            || ctx.token(k).kind == TokenKind::Number
                            || ctx.token(k).kind == TokenKind::Word
                            // "a resort on the Red Sea": a name's "-ed" is
                            // no verb's.
                            && (ctx.token(k).capitalised || !w.ends_with("ed"))
                            && !DESCRIPTION_BREAKS.contains(&w));
                }
                if w == ","
                    && k > t.1
                    && ctx.token(k - 1).capitalised
                    && matches!(ctx.lower.get(k + 1), Some(&("a" | "an")))
                {
                    described = true;
                    description_seen = true;
                    return true;
                }
                if k >= t.1 + 20 && !description_seen {
                    return false;
                }
                // Places, dates and the little words around them only.
                // "on Sept. 17 by": an abbreviation's dot.
                let abbreviation =
                    w == "." && k > 0 && ctx.token(k - 1).capitalised && ctx.tok(k - 1).len() <= 4;
                let place_or_time = ctx.token(k).capitalised
                    || abbreviation
                    || ctx.token(k).kind == TokenKind::Number
                    || matches!(
                        w,
                        "by" | "in"
                            | "on"
                            | "at"
                            | "during"
                            | "last"
                            | "this"
                            | "early"
                            | "late"
                            | "the"
                            | "a"
                            | "of"
                            | "year"
                            | "week"
                            | "month"
                            | "ago"
                            | "-"
                            // "in the Qatari capital, Doha, by"
                            | ","
                            // "on Lebanon's behalf by"
                            | "'s"
                            | "’s"
                            | "behalf"
                            | "earlier"
                            | "later"
                            // "the same day by", "on the Ukrainian side by"
                            | "same"
                            | "next"
                            | "side"
                            | "day"
                            | "capital"
                            | "city"
                            | "town"
                            | "port"
                            | "resort"
                            | "hotel"
                            // "denounced from the start by", "negotiated in
                            // secret by"
                            | "from"
                            | "start"
                            | "outset"
                            | "secret"
                            // "on the shores of Lake Prespa by"
                            | "shores"
                            | "shore"
                            | "sidelines"
                            | "margins"
                            | "lawn"
                            // "on the sidelines of the G20 summit in Buenos
                            // Aires by"
                            | "summit"
                            | "ceremony"
                            | "meeting"
                            | "conference"
                            | "palace"
                            | "headquarters"
                            | "residence"
                            | "village"
                            | "region"
                            | "province"
                            | "island"
                    );
                place_or_time && !starts_agreement
            })
            .find(|&k| ctx.lower[k] == "by");
        if let Some(k) = far_by.filter(|&k| k > t.1 + 1) {
            by = prepositional_agents(ctx, ms, sentence, k, s_end_tok, &["by"]);
            by_at = Some(k);
        }
    }
    // "signed by General X, deputy head of the council, and by Y on
    // behalf of the alliance", "denounced by survivors and by the
    // council": each "and by" adds its agents.
    if let Some(from) = by_at {
        let limit = s_end_tok.min(from + 30);
        let mut k = from + 1;
        while k + 1 < limit {
            if matches!(ctx.tok(k), ";" | ":" | "\"" | "“" | "”") {
                break;
            }
            // ", by Y": a list of "by" phrases.
            if matches!(ctx.lower[k], "and" | ",") && ctx.lower[k + 1] == "by" {
                by.extend(prepositional_agents(
                    ctx,
                    ms,
                    sentence,
                    k + 1,
                    s_end_tok,
                    &["by"],
                ));
            }
            k += 1;
        }
    }
    // "signed by Prime Minister X for Morocco": the party a signer
    // signed for.
    let for_parties: Vec<M> = by
        .iter()
        .filter(|m| m.kind == EntityKind::Person && ctx.lower.get(m.end) == Some(&"for"))
        .flat_map(|m| prepositional_agents(ctx, ms, sentence, m.end, s_end_tok, &["for"]))
        .filter(|m| m.kind != EntityKind::Person)
        .collect();
    by.extend(for_parties);
    // "signed by 30 countries, including X and Y": the named members of
    // an unnamed group of agents.
    if by.is_empty() && ctx.lower.get(t.1).is_some_and(|w| *w == "by") {
        let limit = s_end_tok.min(t.1 + 8);
        if let Some(inc) = (t.1 + 1..limit).find(|&k| ctx.lower[k] == "including") {
            let unnamed = sentence
                .iter()
                .all(|&k| ms[k].end <= t.1 || ms[k].first >= inc);
            let plain = (t.1 + 1..inc).all(|k| {
                ctx.token(k).kind == TokenKind::Number
                    || ctx.tok(k) == ","
                    || ctx.token(k).kind == TokenKind::Word && !ctx.token(k).capitalised
            });
            let group = subject_group(ctx, ms, sentence, inc + 1, s_end_tok);
            if unnamed && plain && group.first().is_some_and(|m| m.first == inc + 1) {
                by = group;
            }
        }
    }
    // "was concluded after two weeks of talks in a Vienna hotel between
    // Iran and the P5+1", "negotiated over 18 months of talks between X
    // and Y", "concluded during a video conference between X, Y and Z":
    // the parties to the talks negotiated it.
    if by.is_empty() {
        by = talks_between(ctx, ms, sentence, t.1, s_end_tok);
        if !by.is_empty() {
            pred = "negotiated".into();
            rule = "relation.passive-talks-between";
        }
    }
    let between_at = past_circumstances(ctx, t.1, s_end_tok);
    if by.is_empty() && ctx.lower.get(between_at).is_some_and(|w| *w == "between") {
        by = prepositional_agents(ctx, ms, sentence, between_at, s_end_tok, &["between"]);
        rule = "relation.passive-between";
        if pred != "negotiated" {
            pred = "partyTo".into();
        }
    }
    if by.is_empty() {
        return;
    }
    let before = sentence
        .iter()
        .map(|&k| ms[k])
        .rfind(|m| m.kind == EntityKind::Agreement && m.end <= t.0 && t.0 - m.end <= 8);
    // "The TPP, whose members account for 40 percent of the world
    // economy, was signed … by X": a clause between commas after the
    // agreement, its verb's auxiliaries after the second.
    let before = before.or_else(|| {
        let k = back_over(ctx, t.0, 0, passive_auxiliary);
        if k == t.0 || k < 2 || ctx.tok(k - 1) != "," {
            return None;
        }
        sentence.iter().map(|&i| ms[i]).rfind(|m| {
            m.kind == EntityKind::Agreement
                && m.end + 2 < k
                && ctx.tok(m.end) == ","
                && (matches!(
                    ctx.lower[m.end + 1],
                    "which" | "whose" | "a" | "an" | "the" | "signed" | "agreed" | "negotiated"
                ) || ctx.lower.get(m.end + 2) == Some(&"which")
                    && ADVERBIAL_PREPOSITIONS.contains(&ctx.lower[m.end + 1]))
                && (m.end + 1..k - 1)
                    .all(|g| !matches!(ctx.tok(g), "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”"))
        })
    });
    // "Brokered by the United Nations and Turkey, the deal was signed":
    // a participle opening the sentence, its agents, a comma, and the
    // agreement the main clause is about.
    let before = before.or_else(|| {
        let opens = ctx.seg.sentences[ctx.sentence_of(t.0)].first_token == t.0;
        let k = by_at.filter(|_| opens)?;
        let comma = (k + 1..s_end_tok).find(|&j| ctx.tok(j) == ",")?;
        let mut a = comma + 1;
        while a < s_end_tok && DETERMINERS.contains(&ctx.lower[a]) {
            a += 1;
        }
        let deal = sentence
            .iter()
            .map(|&i| ms[i])
            .find(|m| m.kind == EntityKind::Agreement && m.first == a)?;
        by.retain(|m| m.end <= comma);
        Some(deal)
    });
    // "It was signed in June by X": the agreement last named, in this
    // sentence or the two before.
    let before = before.or_else(|| {
        let k = back_over(ctx, t.0, clause_start, passive_auxiliary);
        if k == t.0 || k == 0 || ctx.lower[k - 1] != "it" {
            return None;
        }
        let floor = ctx.sentence_of(k).saturating_sub(2);
        ms[..ms.partition_point(|m| m.first < k - 1)]
            .iter()
            .rev()
            .take_while(|m| ctx.sentence_of(m.first) >= floor)
            .find(|m| m.kind == EntityKind::Agreement)
            .copied()
    });
    if let Some(a) = before {
        for m in by {
            acc.add(m.entity, &pred, a.entity, s_start, s_end, rule);
        }
    }
}

fn noun(ctx: &Context, ms: &[M], sentence: &[usize], site: Site, acc: &mut Acc) {
    let Site {
        t,
        pred,
        clause_start,
        end_tok: s_end_tok,
        span: (s_start, s_end),
    } = site;
    // "negotiations (with X) on the deal", "rejection of the deal"; a
    // trigger may end with its link ("suspension of", "withdrawal from").
    let linked = matches!(ctx.lower[t.1 - 1], "of" | "from" | "to" | "on");
    let Some(a) = sentence.iter().map(|&k| ms[k]).find(|m| {
        m.kind == EntityKind::Agreement
            && m.first >= t.1
            && m.first - t.1 <= 12
            && (linked && m.first - t.1 <= 3
                || (t.1..m.first).any(|k| NOUN_LINKS.contains(&ctx.lower[k])))
            && (t.1..m.first).all(|k| !matches!(ctx.tok(k), "." | ";" | ":"))
    }) else {
        return;
    };
    // "X's latest proposals, critics opposed to any deal": a proposal's
    // agreement is in its own phrase.
    if pred == "proposed" && (t.1..a.first).any(|k| ctx.tok(k) == ",") {
        return;
    }
    // "voted to freeze ratification of the deal": no ratification.
    let pred = if negated(ctx, t.0, clause_start) {
        match refusal(pred) {
            Some(p) => p,
            None => return,
        }
    } else {
        pred
    };
    let mut agents = prepositional_agents(ctx, ms, sentence, t.1, a.first, &["with", "between"]);
    // "Zelensky's rejection": the owner right before.
    let owner = sentence.iter().map(|&k| ms[k]).find(|m| {
        is_agent(m) && m.end < t.0 && matches!(ctx.tok(m.end), "’s" | "'s") && t.0 - m.end <= 3
    });
    // "the signing of the deal by X", "a proposal by X for a truce"
    let mut by = prepositional_agents(ctx, ms, sentence, a.end, s_end_tok, &["by"]);
    if ctx.lower.get(t.1).is_some_and(|w| *w == "by") {
        by.extend(prepositional_agents(
            ctx,
            ms,
            sentence,
            t.1,
            a.first,
            &["by"],
        ));
    }
    if let Some(o) = owner {
        agents.push(o);
    } else if !by.is_empty() {
        agents.extend(by);
    } else {
        agents.extend(subject_group(ctx, ms, sentence, clause_start, t.0));
    }
    for m in agents {
        acc.add(m.entity, pred, a.entity, s_start, s_end, "relation.noun");
    }
}

/// "Obasanjo, who led the mediation", "Booth led bargaining with GM": the
/// subject (or the name the relative clause is about) took part in the
/// talks for `agreement`.
fn talks(ctx: &Context, ms: &[M], sentence: &[usize], site: Site, agreement: usize, acc: &mut Acc) {
    let Site {
        t,
        pred,
        clause_start,
        span: (s_start, s_end),
        ..
    } = site;
    if negated(ctx, t.0, clause_start) {
        return;
    }
    // "negotiations chaired by X", "talks mediated by X and Y": a trigger
    // that ends in its participle is passive, its agents follow "by".
    if passive_talks(ctx, t) {
        if ctx.lower.get(t.1) == Some(&"by") {
            for m in prepositional_agents(ctx, ms, sentence, t.1, site.end_tok, &["by"]) {
                acc.add(m.entity, pred, agreement, s_start, s_end, "relation.talks");
            }
        }
        return;
    }
    // "The England team was led by …" outside talks: no one's talks.
    if ctx.lower[t.0] == "team" {
        return;
    }
    // The subject right before ("X had led"), not an agent of an earlier
    // verb ("co-chaired by France … and had led mediation").
    const GAP: &[&str] = &["had", "has", "have", "also", "personally", "jointly", "who"];
    // "X, the AU's envoy and a former president, who led the mediation":
    // the person the relative clause is about.
    let mut k = t.0;
    while k > clause_start && GAP.contains(&ctx.lower[k - 1]) && ctx.lower[k - 1] != "who" {
        k -= 1;
    }
    if k > 0 && ctx.lower[k - 1] == "who" {
        let person = sentence
            .iter()
            .map(|&i| ms[i])
            .rfind(|m| m.kind == EntityKind::Person && m.end < k);
        if let Some(p) = person {
            acc.add(p.entity, pred, agreement, s_start, s_end, "relation.talks");
        }
        return;
    }
    if let Some(p) = apposed_subject(ctx, ms, sentence, clause_start, t.0) {
        acc.add(p.entity, pred, agreement, s_start, s_end, "relation.talks");
        return;
    }
    let subjects = subject_group(ctx, ms, sentence, clause_start, t.0);
    let subjects = match subjects.last() {
        Some(last) if (last.end..t.0).all(|k| GAP.contains(&ctx.lower[k])) => subjects,
        Some(_) => return,
        None => {
            let first = ctx.seg.sentences[ctx.sentence_of(t.0)].first_token;
            carried_subject(ctx, ms, first, clause_start, t.0)
                .into_iter()
                .filter(|m| m.kind != EntityKind::Agreement)
                .collect()
        }
    };
    for m in subjects {
        acc.add(m.entity, pred, agreement, s_start, s_end, "relation.talks");
    }
}

/// Nouns for the talks themselves.
const TALKS_NOUNS: &[&str] = &[
    "talks",
    "negotiations",
    "negotiation",
    "mediation",
    // "The government delegation was led by X": those who took part.
    "delegation",
    "delegations",
];

/// "talks chaired" (a talks trigger ending in its participle), "the talks
/// were brokered" (a participle after the talks and a form of "be"): talks
/// written in the passive.
fn passive_talks(ctx: &Context, t: (usize, usize)) -> bool {
    let participle = ctx.lower[t.1 - 1].ends_with("ed");
    if t.1 - t.0 > 1 {
        // "the FARC team was headed by X" in a sentence of talks ("The
        // government delegation was led by Y; the FARC team …"), not "the
        // England team was led by its captain".
        let team = ctx.lower[t.0] == "team" && {
            let s = ctx.seg.sentences[ctx.sentence_of(t.0)];
            (s.first_token..s.end_token).any(|k| {
                let w = ctx.lower[k];
                TALKS_NOUNS.contains(&w) || w.starts_with("negotiat")
            })
        };
        return participle && (team || TALKS_NOUNS.contains(&ctx.lower[t.0]));
    }
    let k = back_over(ctx, t.0, 0, passive_auxiliary);
    let be = (k..t.0).any(|j| BE_FORMS.contains(&ctx.lower[j]));
    participle && be && k > 0 && TALKS_NOUNS.contains(&ctx.lower[k - 1])
}

/// `signed it`, `signed up to it`, `rejected it outright`: when "it" is the
/// verb's whole object, the agreement named last before the verb, within
/// this sentence and the two before it.
fn pronoun_object(ctx: &Context, ms: &[M], t: (usize, usize)) -> Option<M> {
    const PARTICLES: &[&str] = &["up", "to", "on", "onto", "off"];
    const AFTER: &[&str] = &[
        ".",
        ",",
        ";",
        "and",
        "but",
        "on",
        "in",
        "last",
        "after",
        "before",
        "at",
        "with",
        "because",
        "despite",
        "when",
        "outright",
        "yesterday",
        "today",
        "this",
        "too",
        "next",
        "later",
        "soon",
        "tomorrow",
        "within",
        "until",
        "again",
        "formally",
        "once",
        "if",
        "unless",
        // "signed it for Washington"
        "for",
        // "denounced it as a surrender"
        "as",
    ];
    let mut k = t.1;
    while k < ctx.len() && k < t.1 + 2 && PARTICLES.contains(&ctx.lower[k]) {
        k += 1;
    }
    if ctx.lower.get(k).copied() != Some("it") {
        return None;
    }
    let sentence = ctx.sentence_of(t.0);
    if ctx.sentence_of(k) != sentence {
        return None;
    }
    let next = ctx.lower.get(k + 1).copied();
    if next.is_some_and(|w| !AFTER.contains(&w)) && ctx.sentence_of(k + 1) == sentence {
        return None;
    }
    latest_agreement(ctx, ms, t.0)
}

/// The agreement named last before token `t0`, in its sentence or the two
/// before.
fn latest_agreement(ctx: &Context, ms: &[M], t0: usize) -> Option<M> {
    let sentence = ctx.sentence_of(t0);
    ms.iter()
        .filter(|m| {
            m.kind == EntityKind::Agreement
                && m.end <= t0
                && ctx.sentence_of(m.first) + 2 >= sentence
        })
        .max_by_key(|m| m.first)
        .copied()
}

/// The party right after "on behalf of" or "for" at token `k` (after "the").
fn on_behalf(ctx: &Context, ms: &[M], sentence: &[usize], k: usize) -> Option<M> {
    let mut j = match ctx.lower.get(k..k + 3) {
        Some(["on", "behalf", "of"]) => k + 3,
        _ if ctx.lower.get(k) == Some(&"for") => k + 1,
        _ => return None,
    };
    if ctx.lower.get(j) == Some(&"the") {
        j += 1;
    }
    sentence
        .iter()
        .map(|&i| ms[i])
        .find(|m| m.first == j && is_agent(m) && m.kind != EntityKind::Person)
}

/// The subject a clause leaves to its context: "X, who signed the deal"
/// (the name before the relative pronoun) or "he signed the deal" (the
/// latest person before, within two sentences; "it" and "they" take a
/// country or body).
fn carried_subject(
    ctx: &Context,
    ms: &[M],
    sentence_first: usize,
    clause_start: usize,
    t0: usize,
) -> Vec<M> {
    let earlier = |upto: usize, ok: &dyn Fn(&M) -> bool| -> Option<M> {
        let floor = ctx.sentence_of(sentence_first).saturating_sub(2);
        let below = ms.partition_point(|m| m.first < upto);
        ms[..below]
            .iter()
            .rev()
            .take_while(|m| ctx.sentence_of(m.first) >= floor && upto - m.first <= 3 * WINDOW)
            .filter(|m| m.end <= upto)
            .find(|m| is_agent(m) && ok(m))
            .copied()
    };
    // Relative: the agent right before ", who".
    if clause_start > sentence_first && matches!(ctx.lower[clause_start - 1], "who" | "which") {
        let mut k = clause_start - 1;
        while k > sentence_first && ctx.tok(k - 1) == "," {
            k -= 1;
        }
        if let Some(m) = ms.iter().rev().find(|m| m.end == k && is_agent(m)) {
            return vec![*m];
        }
    }
    // "The two countries", "both sides": the two latest agents of that kind.
    if let Some(k) = (clause_start..t0.saturating_sub(1))
        .find(|&k| party_count(ctx.lower[k]).is_some() && TWO_PARTIES.contains(&ctx.lower[k + 1]))
    {
        return numbered_parties(ctx, ms, k);
    }
    // "The president later signed it", "the company said it would sign":
    // a title or a body's common noun after "the", shortly before the
    // verb, stands for the latest person or body.
    const BODY_NOUNS: &[&str] = &[
        "company",
        "firm",
        "group",
        "bank",
        "government",
        "carmaker",
        "bloc",
        "country",
        "consortium",
        "airline",
        "insurer",
        "operator",
        "retailer",
        "union",
    ];
    for k in clause_start..t0 {
        if ctx.lower[k] != "the" || k + 1 >= t0 {
            continue;
        }
        let office = ms
            .iter()
            .find(|m| m.first == k + 1 && m.kind == EntityKind::Office && m.end <= t0);
        // A government or country is a country; the other nouns a body.
        let (end, want) = match office {
            Some(o) => (o.end, EntityKind::Person),
            None if matches!(ctx.lower[k + 1], "government" | "country") => {
                (k + 2, EntityKind::Country)
            }
            None if BODY_NOUNS.contains(&ctx.lower[k + 1]) => (k + 2, EntityKind::Organization),
            None => continue,
        };
        let gap_ok = t0 - end <= 3
            && (end..t0).all(|g| {
                ctx.token(g).kind == TokenKind::Word
                    && !ctx.token(g).capitalised
                    && !GROUP_BREAKS.contains(&ctx.lower[g])
                    || matches!(ctx.lower[g], "has" | "had" | "will" | "would")
            });
        if !gap_ok {
            break;
        }
        // Only when one person (or body, or country) of that kind was
        // named lately: "the group" after two firms is either.
        let candidate = earlier(k, &|m: &M| m.kind == want);
        let floor = ctx.sentence_of(k).saturating_sub(1);
        let below = ms.partition_point(|m| m.first < k);
        let rivals = ms[..below]
            .iter()
            .rev()
            .take_while(|m| ctx.sentence_of(m.first) >= floor)
            .filter(|m| m.kind == want && is_agent(m))
            .any(|m| candidate.is_some_and(|c| c.entity != m.entity));
        if rivals {
            return vec![];
        }
        return candidate.into_iter().collect();
    }
    // A pronoun as subject.
    let Some(p) =
        (clause_start..t0).find(|&k| matches!(ctx.lower[k], "he" | "she" | "it" | "they"))
    else {
        return vec![];
    };
    let person = matches!(ctx.lower[p], "he" | "she");
    let Some(c) = earlier(p, &|m: &M| {
        if person {
            m.kind == EntityKind::Person
        } else {
            m.kind != EntityKind::Person
        }
    }) else {
        return vec![];
    };
    if person {
        return vec![c];
    }
    // The agents joined to it: "Chile and Peru held talks. They agreed …".
    let below = ms.partition_point(|m| m.first < c.first);
    let mut group = vec![c];
    let mut edge = c.first;
    for m in ms[..below].iter().rev() {
        let joined = m.end <= edge
            && edge - m.end <= 1
            && (m.end..edge).all(|g| matches!(ctx.tok(g), "and" | ","));
        if !joined || !is_agent(m) || m.kind == EntityKind::Person {
            break;
        }
        group.insert(0, *m);
        edge = m.first;
    }
    let pair = group.len() > 1 && (c.end..p).all(|g| !matches!(ctx.tok(g), "and" | ","));
    if ctx.lower[p] == "they" {
        return if pair { group } else { vec![c] };
    }
    // "it" after two bodies or countries (a group, or a rival named in
    // the same stretch) is either: no answer rather than a wrong one.
    // "X said that it …" keeps X, the subject of the sentence.
    let sentence_first = ctx.seg.sentences[ctx.sentence_of(p)].first_token;
    let opens_clause = c.first >= sentence_first
        && ms[ms.partition_point(|m| m.first < sentence_first)..below]
            .iter()
            .all(|m| !is_agent(m));
    if opens_clause {
        return vec![c];
    }
    let floor = ctx.sentence_of(c.first);
    let rivals = ms[..ms.partition_point(|m| m.first < p)]
        .iter()
        .rev()
        .take_while(|m| ctx.sentence_of(m.first) >= floor)
        .any(|m| is_agent(m) && m.kind == c.kind && m.entity != c.entity);
    if rivals {
        return vec![];
    }
    vec![c]
}
