//! Agreements: named ones (`Joint Declaration of Support for Ukraine`,
//! `Dayton Accords`, `Treaty of Lisbon`) and descriptive ones (`the minerals
//! deal`, `a bilateral security agreement`, `an agreement on rare earth
//! minerals`). A description's subject words (its *topics*) tell agreements
//! apart; one without any (`the deal`, `the document`) is an anaphor that
//! the reader resolves to the agreement under discussion.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::date::{DAYS, MONTHS};
use super::{
    is_seat, squash_spaces, Context, Covered, Detail, EntityKind, EntityRef, Mention, Recogniser,
};
use crate::rules::Rules;
use crate::segment::TokenKind;

pub struct AgreementRecogniser {
    heads: FxHashMap<String, (String, bool)>,
    /// Heads of several words by their first word, longest first:
    /// `memorandum of understanding`, `letter of intent`, `road map`.
    phrases: FxHashMap<String, Vec<(Vec<String>, String, bool)>>,
    /// Words of the involvement triggers (`seal`, `talks`): verbs and
    /// nouns around an agreement, never its subject.
    trigger_words: FxHashSet<String>,
    non_topics: FxHashSet<String>,
    anaphors: FxHashSet<String>,
    /// Heads that are no agreement without subject words or parties.
    needs_subject: FxHashSet<String>,
    self_topics: FxHashSet<String>,
}

/// Words that end a description on its left: determiners, prepositions,
/// auxiliaries and conjunctions.
static LEFT_STOP: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| LEFT_STOP_WORDS.iter().copied().collect());
const LEFT_STOP_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any",
    "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "into", "about", "over",
    "and", "or", "but", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will",
    "would", "could", "should", "may", "might", "not", "no", "which", "who", "whose", "than",
    "what", "such", "after", "before", "since", "until", "when", "while", "if", "where", "there",
    "here", "also", "only", "just", "even", "then", "now", "already", "still", "yet", "more",
    "most", "less", "bn", "m", "billion", "million", "per", "cent", "said", "says", "he", "she",
    "it", "they", "we", "i", "you", "can", "can't", "cannot", "must", "did", "do", "does",
    // Verbs of talks: "to hold membership talks", "will start accession talks".
    "hold", "holds", "held", "holding", "start", "starts", "started", "starting", "begin", "begins",
    "began", "resume", "resumes", "resumed", "launch", "launches", "launched",
];
/// Words before a head that make it a verb ("can't deal with", "to deal").
const VERB_BEFORE: &[&str] = &[
    "to", "can", "can't", "cannot", "could", "will", "would", "should", "must", "not", "n't", "we",
    "they", "i", "you", "he", "she", "it",
];
/// Words that introduce a description's subject on its right.
const TOPIC_PREPOSITIONS: &[&str] = &[
    "on",
    "for",
    "regarding",
    "concerning",
    "over",
    "about",
    "covering",
];
const CONNECTORS: &[&str] = &["of", "for", "on", "the", "and", "between"];

/// `minerals` → `mineral`: the key of a topic word.
pub fn topic_key(word: &str) -> String {
    let w = word.to_lowercase();
    // One subject, three words: "the truce" is "the ceasefire".
    if matches!(
        w.as_str(),
        "truce" | "cease-fire" | "ceasefire" | "truces" | "ceasefires"
    ) {
        return "ceasefire".into();
    }
    if w.chars().count() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// `memorandums of understanding` → `memorandum of understanding`: the key
/// of a head's words.
fn phrase_key(words: &str) -> String {
    words
        .split_whitespace()
        .map(topic_key)
        .collect::<Vec<_>>()
        .join(" ")
}

impl AgreementRecogniser {
    pub fn new(rules: &Rules) -> Self {
        let mut phrases: FxHashMap<String, Vec<(Vec<String>, String, bool)>> = FxHashMap::default();
        for (k, (class, plural)) in &rules.agreement_heads {
            let words: Vec<String> = k.split_whitespace().map(str::to_string).collect();
            if words.len() > 1 {
                phrases
                    .entry(words[0].clone())
                    .or_default()
                    .push((words, class.clone(), *plural));
            }
        }
        for v in phrases.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
        AgreementRecogniser {
            heads: rules
                .agreement_heads
                .iter()
                .filter(|(k, _)| !k.contains(' '))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            phrases,
            trigger_words: rules
                .triggers
                .iter()
                .flat_map(|t| t.surface.iter().cloned())
                .collect(),
            non_topics: rules.agreement_non_topics.iter().cloned().collect(),
            anaphors: rules.agreement_anaphors.iter().cloned().collect(),
            needs_subject: rules.agreement_needs_subject.iter().cloned().collect(),
            self_topics: rules.agreement_self_topics.iter().cloned().collect(),
        }
    }

    /// The longest head of several words starting at token `h`: its end
    /// token, its words and its (class, plural).
    fn phrase_at(&self, ctx: &Context, h: usize) -> Option<(usize, &[String], (&String, &bool))> {
        self.phrases
            .get(ctx.lower[h])?
            .iter()
            .find_map(|(words, class, plural)| {
                let end = h + words.len();
                (end <= ctx.len()
                    && ctx.lower[h..end] == words[..]
                    && (h + 1..end).all(|k| ctx.adjacent(k - 1)))
                .then_some((end, &words[..], (class, plural)))
            })
    }

    fn is_topic_word(&self, ctx: &Context, i: usize) -> bool {
        let t = ctx.token(i);
        t.kind == TokenKind::Word
            && !LEFT_STOP.contains(&ctx.lower[i])
            && !self.trigger_words.contains(ctx.lower[i])
            && (!t.capitalised || ctx.in_title_case(i))
    }

    /// `the Dome deal`, `the 1992 agreement`: a capitalised word that no
    /// recogniser took (not a person, body or country) and not a sentence's
    /// first word, or a year, is a subject word too.
    fn is_name_or_year_topic(&self, ctx: &Context, i: usize, covered: &Covered) -> bool {
        let t = ctx.token(i);
        let w = ctx.tok(i);
        let year = t.kind == TokenKind::Number
            && w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"));
        if (t.kind != TokenKind::Word && !year) || covered.contains(t.start) || ctx.in_title_case(i)
        {
            return false;
        }
        let sentence_start = ctx.seg.sentences[ctx.sentence_of(i)].first_token;
        year || (t.capitalised
            && i != sentence_start
            && !LEFT_STOP.contains(&ctx.lower[i])
            && !self.trigger_words.contains(ctx.lower[i]))
    }

    /// The parties of a capitalised phrase made only of countries or
    /// bodies (not cities), connectors and its head `h`.
    fn parties_only(
        &self,
        ctx: &Context,
        party_at: &BTreeMap<usize, &Mention>,
        first: usize,
        end: usize,
        (h, hend): (usize, usize),
    ) -> Option<Vec<EntityRef>> {
        let mut parties = Vec::new();
        let mut i = first;
        while i < end {
            if (h..hend).contains(&i) || CONNECTORS.contains(&ctx.lower[i]) {
                i += 1;
                continue;
            }
            // The longest name starting there ("European Union", not "European").
            let m = party_at.get(&ctx.token(i).start)?;
            parties.push(EntityRef {
                kind: m.kind,
                name: m.label.clone(),
            });
            i = (i..end)
                .find(|&k| ctx.token(k).start >= m.end)
                .unwrap_or(end);
        }
        (!parties.is_empty()).then_some(parties)
    }

    /// Subject words are nouns and classifying adjectives (`minerals`,
    /// `security`, `nuclear`); evaluative and participle modifiers
    /// (`successful`, `long-drafted`, `recently`) and listed words are not.
    fn is_topic(&self, word: &str) -> bool {
        const NOT_TOPIC_ENDINGS: &[&str] = &["ly", "ed", "ful", "ous", "able", "ible", "est"];
        // Nouns that end like adverbs: "a supply deal", "an assembly plan".
        const LY_NOUNS: &[&str] = &[
            "supply",
            "assembly",
            "family",
            "monopoly",
            "rally",
            "ally",
            "reply",
            "anomaly",
            "oligopoly",
            "duopoly",
        ];
        // "a three-phase deal", "a 17-article text": a count, no subject.
        const COUNTS: &[&str] = &[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "twelve", "twenty", "fifty", "hundred", "multi",
        ];
        let counted = word.split_once('-').is_some_and(|(n, _)| {
            COUNTS.contains(&n) || !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        });
        !self.non_topics.contains(word)
            && !counted
            && (LY_NOUNS.contains(&word) || !NOT_TOPIC_ENDINGS.iter().any(|e| word.ends_with(e)))
    }

    /// A capitalised phrase holding the head at `h`: `Joint Declaration of
    /// Support for Ukraine`; the head is the tokens `[h, hend)`. Returns
    /// its token range.
    fn named_phrase(&self, ctx: &Context, h: usize, hend: usize) -> Option<(usize, usize)> {
        if !ctx.is_cap_word(h) || !ctx.is_cap_word(hend - 1) || ctx.in_title_case(h) {
            return None;
        }
        // "Comprehensive Economic and Trade Agreement": "and" between
        // capitalised words of the name.
        // "U.S.-Japan Trade Agreement": a hyphen written tight between
        // capitalised words.
        let join = |w: &str, first: usize| {
            matches!(w, "and" | "&") && first < h
                || w == "-"
                    && first >= 2
                    && ctx.token(first - 1).start == ctx.token(first - 2).end
                    && ctx.token(first).start == ctx.token(first - 1).end
        };
        let mut first = ctx.cap_run_start(h, join);
        let sentence_start = ctx.seg.sentences[ctx.sentence_of(h)].first_token;
        // "General Security of Military Information Agreement", "Package of
        // Measures for the Implementation of the Minsk Agreements": "of",
        // "for" or "on" (and "the") between capitalised words of the name.
        // Not a sentence's first word alone ("Signing of the Treaty …").
        loop {
            let mut k = first;
            if k > 0 && ctx.lower[k - 1] == "the" && ctx.adjacent(k - 1) {
                k -= 1;
            }
            if k < 2
                || !matches!(ctx.lower[k - 1], "of" | "for" | "on")
                || !ctx.adjacent(k - 1)
                || !ctx.is_cap_word(k - 2)
                || !ctx.adjacent(k - 2)
                || DAYS.contains(&ctx.lower[k - 2])
                || MONTHS.contains(&ctx.lower[k - 2])
            {
                break;
            }
            let left = ctx.cap_run_start(k - 2, join);
            if left == sentence_start && left == k - 2 {
                break;
            }
            first = left;
        }
        // A sentence's first word is capitalised anyway, and so is one
        // after a dash or a quote ("KYOTO, Feb 16 - The Kyoto Protocol").
        let after_mark = first > 0 && ctx.token(first - 1).kind != TokenKind::Word;
        if (first == sentence_start || after_mark) && ctx.lower[first] == "the" {
            first += 1;
        }
        let mut end = hend;
        loop {
            let mut k = end;
            // "Agreement for Bringing Peace to Afghanistan": "to" too, in a
            // name that already runs on past its head.
            while k < ctx.len()
                && (CONNECTORS.contains(&ctx.lower[k]) || ctx.lower[k] == "to" && end > hend)
                && ctx.adjacent(k - 1)
            {
                k += 1;
            }
            if k > end
                && ctx.is_cap_word(k)
                && ctx.adjacent(k - 1)
                && !DAYS.contains(&ctx.lower[k])
                && !MONTHS.contains(&ctx.lower[k])
            {
                end = k + 1;
                // "Interim Self-Government Arrangements": a hyphen inside
                // a capitalised word is no end of the name.
                loop {
                    if end < ctx.len() && ctx.is_cap_word(end) && ctx.adjacent(end - 1) {
                        end += 1;
                    } else if end + 1 < ctx.len()
                        && ctx.tok(end) == "-"
                        && ctx.token(end).start == ctx.token(end - 1).end
                        && ctx.token(end + 1).start == ctx.token(end).end
                        && ctx.is_cap_word(end + 1)
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
            } else {
                break;
            }
        }
        (end - first >= 2 && !(first == sentence_start && end == hend)).then_some((first, end))
    }
}

/// A described agreement mention; without subject words it is an anaphor
/// ("the deal") that the reader resolves.
fn described(
    (start, end): (usize, usize),
    label: String,
    class: &str,
    topics: Vec<String>,
    plural: bool,
    parties: Vec<EntityRef>,
) -> Mention {
    Mention {
        start,
        end,
        kind: EntityKind::Agreement,
        label,
        rule: if topics.is_empty() {
            "agreement.anaphor"
        } else {
            "agreement.described"
        },
        detail: Detail::Agreement {
            class: class.to_string(),
            topics,
            named: false,
            plural,
            parties,
        },
    }
}

impl Recogniser for AgreementRecogniser {
    fn name(&self) -> &'static str {
        "agreement"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        // By end byte; on a tie the earlier recogniser's (the lexicon's) wins.
        let mut countries: BTreeMap<usize, &Mention> = BTreeMap::new();
        for m in found
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
        {
            countries.entry(m.end).or_insert(m);
        }
        // The same, by start byte (the longest).
        let mut by_start: BTreeMap<usize, &Mention> = BTreeMap::new();
        for m in found
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
        {
            let e = by_start.entry(m.start).or_insert(m);
            if m.end > e.end {
                *e = m;
            }
        }
        // The names a phrase of parties can hold, by start byte: the
        // longest that is not a seat.
        let mut party_at: BTreeMap<usize, &Mention> = BTreeMap::new();
        for &m in countries.values().filter(|m| !is_seat(m.rule)) {
            let e = party_at.entry(m.start).or_insert(m);
            if m.end > e.end {
                *e = m;
            }
        }
        // Organisations' spans: an agreement word inside one is part of a name.
        let in_org = Covered::new(
            found
                .iter()
                .filter(|m| m.kind == EntityKind::Organization)
                .map(|m| (m.start, m.end)),
        );
        // Token starts inside a mention already found (people, bodies).
        let covered = Covered::new(found.iter().map(|m| (m.start, m.end)));
        let mut new = Vec::new();
        // One past the last token of a head of several words.
        let mut skip_to = 0;
        for h in 0..ctx.len() {
            if h < skip_to {
                continue;
            }
            let joined;
            let (lower, head, hend, phrase) = match self.phrase_at(ctx, h) {
                Some((end, words, v)) => {
                    joined = words.join(" ");
                    skip_to = end;
                    (joined.as_str(), Some(v), end, true)
                }
                None => (
                    ctx.lower[h],
                    self.heads.get(ctx.lower[h]).map(|(c, p)| (c, p)),
                    h + 1,
                    false,
                ),
            };
            let anaphor = head.is_none()
                && self.anaphors.contains(lower)
                && h > 0
                && matches!(ctx.lower[h - 1], "the" | "this")
                && !self
                    .heads
                    .contains_key(ctx.lower.get(h + 1).copied().unwrap_or(""));
            if head.is_none() && !anaphor {
                continue;
            }
            if anaphor {
                new.push(Mention {
                    start: ctx.token(h).start,
                    end: ctx.token(h).end,
                    kind: EntityKind::Agreement,
                    label: ctx.lower[h].to_string(),
                    rule: "agreement.anaphor-noun",
                    detail: Detail::Agreement {
                        class: "Agreement".into(),
                        topics: vec![],
                        named: false,
                        plural: false,
                        parties: vec![],
                    },
                });
                continue;
            }
            let Some((class, plural)) = head else {
                continue;
            };
            // "Countryside Alliance", "Union Pacific": a body's name.
            if in_org.contains(ctx.token(h).start) {
                continue;
            }
            // "to deal with", "can't deal": a verb, not an agreement.
            let verb_reading = h > 0 && VERB_BEFORE.contains(&ctx.lower[h - 1]);
            // "a great deal of money", "a good deal more": a quantity.
            let quantity = lower == "deal"
                && h > 0
                && matches!(ctx.lower[h - 1], "great" | "good")
                && matches!(ctx.lower.get(h + 1).copied(), Some("of" | "more" | "less"));
            if verb_reading || quantity {
                continue;
            }
            // "according to a joint statement from Riyadh", "said in a
            // joint statement": a statement the news is sourced from.
            let source = lower.ends_with("statement")
                && h >= 2
                && matches!(ctx.lower[h - 1], "a" | "an")
                && (ctx.lower[h - 2] == "in"
                    || ctx.lower[h - 2] == "to" && h >= 3 && ctx.lower[h - 3] == "according");
            if source {
                continue;
            }
            // "European Constitution", "Constitution for the European
            // Union": parties and a head only; described, not named. A city
            // names its accord ("Oslo Accords", "Paris Agreement").
            let mut named = self.named_phrase(ctx, h, hend);
            if let Some((first, end)) = named {
                if let Some(parties) = self.parties_only(ctx, &party_at, first, end, (h, hend)) {
                    named = None;
                    let (start, stop) = (ctx.token(first).start, ctx.token(end - 1).end);
                    let topics = if phrase || self.self_topics.contains(lower) {
                        vec![phrase_key(lower)]
                    } else {
                        vec![]
                    };
                    new.push(described(
                        (start, stop),
                        lower.to_string(),
                        class,
                        topics,
                        *plural,
                        parties,
                    ));
                    continue;
                }
            }
            if let Some((first, end)) = named {
                let start = ctx.token(first).start;
                let stop = ctx.token(end - 1).end;
                // An organisation or country right before (skipping "(G7)") is a party.
                let mut parties = Vec::new();
                let mut p = first;
                if p >= 3 && ctx.tok(p - 1) == ")" && ctx.tok(p - 3) == "(" {
                    p -= 3;
                }
                if p > 0 {
                    if let Some(m) = countries.get(&ctx.token(p - 1).end) {
                        parties.push(EntityRef {
                            kind: m.kind,
                            name: m.label.clone(),
                        });
                    }
                }
                // "U.S.-Japan Trade Agreement", "Anglo-Irish Agreement": the
                // countries a hyphen joins at the name's start are its
                // parties; an abbreviation is written by the country's name
                // in the label, so that "US-Japan …" is the same agreement.
                let mut label = String::new();
                let mut at = start;
                let mut joined = false;
                while let Some(cut) = ctx.text[at..stop]
                    .find(|c: char| c == '-' || c.is_whitespace())
                    .map(|d| at + d)
                    .filter(|&d| joined || ctx.text[d..].starts_with('-'))
                {
                    let part = &ctx.text[at..cut];
                    match countries.get(&cut).filter(|m| m.start == at) {
                        Some(m) if m.kind == EntityKind::Country => {
                            let abbreviation = part.chars().all(|c| c.is_uppercase() || c == '.');
                            label.push_str(if abbreviation { &m.label } else { part });
                            parties.push(EntityRef {
                                kind: m.kind,
                                name: m.label.clone(),
                            });
                        }
                        _ => label.push_str(part),
                    }
                    at = cut;
                    // The part after the last hyphen is read too.
                    joined = ctx.text[cut..].starts_with('-');
                    if !joined {
                        break;
                    }
                    label.push('-');
                    at += 1;
                }
                label.push_str(&ctx.text[at..stop]);
                new.push(Mention {
                    start,
                    end: stop,
                    kind: EntityKind::Agreement,
                    label: squash_spaces(&label),
                    rule: "agreement.named",
                    detail: Detail::Agreement {
                        class: class.clone(),
                        topics: vec![],
                        named: true,
                        plural: false,
                        parties,
                    },
                });
                continue;
            }
            // Descriptive: walk left over subject words and attributive countries.
            let mut first = h;
            let mut parties: Vec<EntityRef> = Vec::new();
            let mut modifiers: Vec<usize> = Vec::new();
            while first > 0 && ctx.adjacent(first - 1) && modifiers.len() < 5 {
                let p = first - 1;
                // "European Parliament freezes EU-China investment deal":
                // before the parties, describing words only ("a landmark
                // US-China deal"), no subject words.
                if !parties.is_empty() && self.is_topic_word(ctx, p) && self.is_topic(ctx.lower[p])
                {
                    break;
                }
                if self.is_topic_word(ctx, p) || self.is_name_or_year_topic(ctx, p, &covered) {
                    modifiers.insert(0, p);
                    first = p;
                    continue;
                }
                // "a trade and security agreement", "an oil and gas deal":
                // subject words coordinated before one head.
                if ctx.lower[p] == "and"
                    && !modifiers.is_empty()
                    && p > 0
                    && ctx.adjacent(p - 1)
                    && !ctx.token(p - 1).capitalised
                    && self.is_topic_word(ctx, p - 1)
                {
                    modifiers.insert(0, p - 1);
                    first = p - 1;
                    continue;
                }
                if ctx.tok(p) == "-" && p > 0 {
                    if let Some(m) = countries.get(&ctx.token(p - 1).end) {
                        if let Some(s) = ctx.token_starting_at(m.start) {
                            parties.push(EntityRef {
                                kind: m.kind,
                                name: m.label.clone(),
                            });
                            first = s;
                            continue;
                        }
                    }
                }
                if let Some(m) = countries.get(&ctx.token(p).end) {
                    // "the Minsk agreement", "the Paris climate deal": a
                    // city names the deal; its country is no party.
                    if is_seat(m.rule) {
                        if let Some(s) = ctx.token_starting_at(m.start) {
                            first = s;
                            continue;
                        }
                    }
                    if m.kind == EntityKind::Country || ctx.is_cap_word(p) {
                        if let Some(s) = ctx.token_starting_at(m.start) {
                            parties.push(EntityRef {
                                kind: m.kind,
                                name: m.label.clone(),
                            });
                            first = s;
                            continue;
                        }
                    }
                }
                break;
            }
            parties.reverse();
            // Subject words are the modifiers right before the head; a word
            // that is not one ("measures needed unanimous agreement") ends them.
            let kept = modifiers
                .iter()
                .rev()
                .take_while(|&&i| self.is_topic(ctx.lower[i]))
                .count();
            let mut topic_words: Vec<usize> = modifiers[modifiers.len() - kept..].to_vec();
            if kept < modifiers.len() {
                first = topic_words.first().copied().unwrap_or(h);
                parties.clear();
            }
            if topic_words.is_empty() && self.self_topics.contains(lower) {
                topic_words.push(h);
            }
            // Right: "agreement on rare earth minerals".
            let mut end = hend;
            let mut right_topics: Vec<usize> = Vec::new();
            // How many parties were read after the head ("a deal on China-UK
            // tourism").
            let mut right_party_count = 0;
            let sentence = ctx.seg.sentences[ctx.sentence_of(h)];
            if end < ctx.len() && TOPIC_PREPOSITIONS.contains(&ctx.lower[end]) {
                let mut k = end + 1;
                while k < ctx.len() && matches!(ctx.lower[k], "the" | "a" | "an") {
                    k += 1;
                }
                let mut words = Vec::new();
                // "a deal on China-UK tourism": the parties written before
                // the subject words, joined by a hyphen or a slash.
                let mut right_parties: Vec<EntityRef> = Vec::new();
                while k < sentence.end_token && words.is_empty() && right_parties.len() < 3 {
                    let Some(m) = by_start.get(&ctx.token(k).start) else {
                        break;
                    };
                    let Some(last) = ctx.token_ending_at(m.end) else {
                        break;
                    };
                    let joined = last + 2 < sentence.end_token
                        && matches!(ctx.tok(last + 1), "-" | "/")
                        && ctx.token(last + 1).start == m.end
                        && ctx.token(last + 2).start == ctx.token(last + 1).end;
                    let next = if joined { last + 2 } else { last + 1 };
                    // The first of a pair is joined to the next; the last
                    // is followed by a subject word.
                    let last_of_pair = right_parties.len() == 1
                        && next < sentence.end_token
                        && self.is_topic_word(ctx, next);
                    if is_seat(m.rule) || !(joined || last_of_pair) {
                        break;
                    }
                    right_parties.push(EntityRef {
                        kind: m.kind,
                        name: m.label.clone(),
                    });
                    k = next;
                }
                while k < sentence.end_token && self.is_topic_word(ctx, k) && words.len() < 4 {
                    words.push(k);
                    k += 1;
                }
                if !words.is_empty() {
                    end = k;
                    right_topics = words;
                    right_party_count = right_parties.len();
                    parties.extend(right_parties);
                }
            } else if topic_words.is_empty() && !*plural {
                // "an agreement that reinforces … concerning natural resource revenue"
                let mut k = end;
                while k + 1 < sentence.end_token
                    && k < h + 12
                    && !matches!(ctx.tok(k), "," | "." | ";")
                {
                    if matches!(ctx.lower[k], "concerning" | "regarding") {
                        let mut j = k + 1;
                        while j < sentence.end_token
                            && self.is_topic_word(ctx, j)
                            && right_topics.len() < 4
                        {
                            right_topics.push(j);
                            j += 1;
                        }
                        break;
                    }
                    k += 1;
                }
            }
            let contiguous_right = end > hend;
            let mut topics: Vec<String> = topic_words
                .iter()
                .map(|&i| topic_key(ctx.lower[i]))
                .collect();
            topics.extend(right_topics.iter().map(|&i| topic_key(ctx.lower[i])));
            topics.retain(|t| self.is_topic(t));
            // "agreement over the future of …": words after the head that
            // are no subject are not part of the mention either.
            if !right_topics.is_empty()
                && !right_topics
                    .iter()
                    .any(|&i| self.is_topic(&topic_key(ctx.lower[i])))
            {
                right_topics.clear();
                end = hend;
                parties.truncate(parties.len() - right_party_count);
            }
            // "a memorandum of understanding": a head of several words
            // names its own subject.
            if phrase && topics.is_empty() {
                topics.push(phrase_key(lower));
            }
            // A headline's agreement is the story's: resolved like "the deal".
            if ctx.in_title_case(h) {
                topics.clear();
            }
            let label = if topics.is_empty() {
                lower.to_string()
            } else {
                let mut words: Vec<String> = topic_words
                    .iter()
                    .filter(|&&i| i != h)
                    .map(|&i| ctx.lower[i].to_string())
                    .collect();
                words.push(lower.to_string());
                if !right_topics.is_empty() {
                    if contiguous_right {
                        words.push(ctx.lower[hend].to_string());
                    } else {
                        words.push("on".into());
                    }
                    words.extend(right_topics.iter().map(|&i| ctx.lower[i].to_string()));
                }
                words.join(" ")
            };
            // "the alliance" (NATO, not a deal): a head that names an
            // agreement only with its subject or parties.
            if topics.is_empty() && parties.is_empty() && self.needs_subject.contains(lower) {
                continue;
            }
            let start = ctx.token(first).start;
            let stop = ctx.token(end - 1).end;
            new.push(described(
                (start, stop),
                label,
                class,
                topics,
                *plural,
                parties,
            ));
        }
        let appositive = named_by_apposition(ctx, &new, &covered);
        new.extend(appositive);
        let short = short_names(ctx, &new, &covered);
        new.extend(short);
        found.extend(new);
    }
}

/// "It replaces the Migration and Economic Development Partnership, the
/// memorandum agreed in April 2022": a capitalised name (two words or
/// more, "and", "of", "for" or "on" between them) given an agreement's head
/// in apposition, then a participle of making it, names that agreement.
fn named_by_apposition(ctx: &Context, found: &[Mention], covered: &Covered) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in found.iter().filter(|m| {
        m.rule == "agreement.anaphor"
            && matches!(&m.detail, Detail::Agreement { named: false, plural: false, topics, .. } if topics.is_empty())
    }) {
        let (Some(h), Some(last)) = (ctx.token_starting_at(m.start), ctx.token_ending_at(m.end))
        else {
            continue;
        };
        let made = ctx.lower.get(last + 1).is_some_and(|w| {
            matches!(
                *w,
                "agreed" | "signed" | "reached" | "struck" | "concluded" | "negotiated" | "sealed"
            )
        });
        if h < 5 || !made || ctx.lower[h - 1] != "the" || ctx.tok(h - 2) != "," {
            continue;
        }
        let last = h - 3;
        if !ctx.is_cap_word(last) || ctx.in_title_case(last) {
            continue;
        }
        let join = |w: &str, _: usize| matches!(w, "and" | "of" | "for" | "on");
        let first = ctx.cap_run_start(last, join);
        let sentence_start = ctx.seg.sentences[ctx.sentence_of(h)].first_token;
        let capitals = (first..=last).filter(|&k| ctx.is_cap_word(k)).count();
        let plain = (first..=last).all(|k| {
            !covered.contains(ctx.token(k).start)
                && !DAYS.contains(&ctx.lower[k])
                && !MONTHS.contains(&ctx.lower[k])
        });
        if capitals < 2 || first == sentence_start || !plain {
            continue;
        }
        let (start, stop) = (ctx.token(first).start, ctx.token(last).end);
        let class = match &m.detail {
            Detail::Agreement { class, .. } => class.clone(),
            _ => continue,
        };
        out.push(Mention {
            start,
            end: stop,
            kind: EntityKind::Agreement,
            label: squash_spaces(&ctx.text[start..stop]),
            rule: "agreement.named-apposition",
            detail: Detail::Agreement {
                class,
                topics: vec![],
                named: true,
                plural: false,
                parties: vec![],
            },
        });
    }
    out
}

/// "the General Security of Military Information Agreement (GSOMIA) …
/// GSOMIA was signed": capitals in brackets right after a named agreement
/// are its short name, and each place the document writes them is a
/// mention of it (unless another recogniser took it).
///
/// The initials of a named agreement's capitalised words ("Trade and
/// Cooperation Agreement" → TCA, "United States-Mexico-Canada Agreement"
/// → USMCA), with "of" or not ("Joint Comprehensive Plan of Action" →
/// JCPOA), are its short name too: three to eight capitals written alone;
/// a party's capitals before the name are left out ("UK Trade and
/// Cooperation Agreement" → TCA).
fn short_names(ctx: &Context, named: &[Mention], covered: &Covered) -> Vec<Mention> {
    let mut short: Vec<(String, &Mention)> = Vec::new();
    for m in named.iter().filter(|m| m.rule == "agreement.named") {
        let words: Vec<&str> = ctx.text[m.start..m.end]
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .skip_while(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.'))
            .collect();
        let initials = |with_of: bool| -> String {
            words
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase) || with_of && **w == "of")
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect()
        };
        for with_of in [false, true] {
            let i = initials(with_of);
            if (3..=8).contains(&i.chars().count()) && !short.iter().any(|(s, _)| *s == i) {
                short.push((i, m));
            }
        }
        let Some(last) = ctx.token_ending_at(m.end) else {
            continue;
        };
        let (open, word, close) = (last + 1, last + 2, last + 3);
        if close >= ctx.len() || ctx.tok(open) != "(" || ctx.tok(close) != ")" {
            continue;
        }
        let w = ctx.tok(word);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if (2..=8).contains(&letters)
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && !short.iter().any(|(s, _)| *s == w)
        {
            short.push((w.to_string(), m));
        }
    }
    let mut out = Vec::new();
    if short.is_empty() {
        return out;
    }
    for i in 0..ctx.len() {
        let w = ctx.tok(i);
        let Some((_, m)) = short.iter().find(|(s, _)| *s == w) else {
            continue;
        };
        let t = ctx.token(i);
        if covered.contains(t.start) {
            continue;
        }
        out.push(Mention {
            start: t.start,
            end: t.end,
            kind: EntityKind::Agreement,
            label: m.label.clone(),
            rule: "agreement.short-name",
            detail: m.detail.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_keys_drop_plurals() {
        assert_eq!(topic_key("Minerals"), "mineral");
        assert_eq!(topic_key("gas"), "gas");
        assert_eq!(topic_key("business"), "business");
        assert_eq!(topic_key("truce"), topic_key("cease-fire"));
    }
}
