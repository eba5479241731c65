//! Recognise: rule-based recognisers for people, offices, agreements,
//! organisations and countries, and dates.
//!
//! Each recogniser is a small type behind [`Recogniser`], built once from the
//! [`Rules`] (lexicons compiled into aho-corasick automata). They run in a
//! fixed order over a [`Context`]; later ones may read what earlier ones
//! found (an office title tells the person recogniser that a name follows).
//! Overlaps are resolved once, by [`resolve_overlaps`], after all have run.

mod agreement;
pub(crate) mod date;
mod gazetteer;
mod office;
mod org;
mod person;
mod slot;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use agreement::{topic_key, AgreementRecogniser};
pub use date::DateRecogniser;
pub use gazetteer::Gazetteer;
pub use office::{country_after_holder, office_label, OfficeRecogniser};
pub use org::OrgPatternRecogniser;
pub use person::{surname_key, PersonRecogniser};
pub(crate) use slot::describing_compound;
pub use slot::PartySlotRecogniser;

use crate::rules::Rules;
use crate::segment::{Segmented, Token, TokenKind};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Office,
    Agreement,
    Organization,
    Country,
    Date,
}

impl EntityKind {
    /// The type name written in JSON lines and RDF (`ng:` local name).
    pub fn type_name(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Office => "Office",
            EntityKind::Agreement => "Agreement",
            EntityKind::Organization => "Organization",
            EntityKind::Country => "Country",
            EntityKind::Date => "Date",
        }
    }

    /// The IRI path segment.
    pub fn slug(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Office => "office",
            EntityKind::Agreement => "agreement",
            EntityKind::Organization => "org",
            EntityKind::Country => "country",
            EntityKind::Date => "date",
        }
    }

    /// People, organisations and countries can act: negotiate, sign, reject.
    pub fn is_agent(self) -> bool {
        matches!(
            self,
            EntityKind::Person | EntityKind::Organization | EntityKind::Country
        )
    }
}

/// A reference to a country or organisation by kind and canonical name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub name: String,
}

/// Kind-specific facts a recogniser read off a mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Detail {
    Person {
        /// Given name, if written.
        given: Option<String>,
        /// Family name as written.
        surname: String,
    },
    Office {
        /// Canonical title (`Secretary of the Treasury`).
        title: String,
        /// The country or body the post belongs to, when the text says.
        jurisdiction: Option<EntityRef>,
        /// `former`, `acting`.
        modifier: Option<String>,
        /// True for posts of a country, whose jurisdiction may be inferred.
        national: bool,
    },
    Agreement {
        /// `Agreement`, `Treaty`, …
        class: String,
        /// Subject words (`mineral`, `security`), normalised; empty for
        /// `the deal`.
        topics: Vec<String>,
        /// A proper name (`Dayton Accords`) rather than a description.
        named: bool,
        plural: bool,
        /// Countries or bodies written in the phrase (`US-Ukraine minerals deal`).
        parties: Vec<EntityRef>,
    },
    Organization {
        org_type: String,
        country: Option<String>,
    },
    /// A country, named, by demonym or by a seat of government.
    Country,
    Date {
        /// ISO 8601 when it could be normalised.
        iso: Option<String>,
    },
}

impl Detail {
    /// A described agreement's subject words and parties grow with each
    /// mention that joins it (kept once each, in order of arrival).
    pub fn absorb_agreement(&mut self, other: &Detail) {
        if let (
            Detail::Agreement {
                topics, parties, ..
            },
            Detail::Agreement {
                topics: t2,
                parties: p2,
                ..
            },
        ) = (self, other)
        {
            for t in t2 {
                if !topics.contains(t) {
                    topics.push(t.clone());
                }
            }
            for p in p2 {
                if !parties.contains(p) {
                    parties.push(p.clone());
                }
            }
        }
    }
}

/// A span of text recognised as naming something. Offsets are bytes here;
/// they become code points when the document's facts are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Canonical name: the key the mention is merged by within its kind.
    pub label: String,
    /// The id of the rule that recognised it.
    pub rule: &'static str,
    pub detail: Detail,
}

/// What the recognisers see: the text, its tokens and sentences, and the
/// lower-cased token strings.
pub struct Context<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    /// Each token in lower case: the text's own slice when lower-casing
    /// leaves it as it is (most words), else a slice of the caller's buffer.
    pub lower: Vec<&'a str>,
    /// For each sentence, whether it is written in Title Case (a headline).
    pub title_case_sentences: Vec<bool>,
    /// For each token, the index of its sentence.
    sentence_index: Vec<usize>,
}

impl<'a> Context<'a> {
    /// The context of `text` and its segmentation. `buf` receives the
    /// tokens that lower-casing changes, one after another, so that a
    /// document costs one buffer rather than a string per token.
    pub fn new(text: &'a str, seg: &'a Segmented, buf: &'a mut String) -> Self {
        buf.clear();
        // Where each changed token's lower case lies in `buf`.
        let mut changed: Vec<Option<(usize, usize)>> = Vec::with_capacity(seg.tokens.len());
        for t in &seg.tokens {
            let w = &text[t.start..t.end];
            let from = buf.len();
            if w.is_ascii() {
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                }
            } else {
                // `str::to_lowercase`, for its final sigma.
                let l = w.to_lowercase();
                if l != w {
                    buf.push_str(&l);
                }
            }
            changed.push((buf.len() > from).then_some((from, buf.len())));
        }
        let buf: &'a String = buf;
        let lower = seg
            .tokens
            .iter()
            .zip(changed)
            .map(|(t, c)| match c {
                Some((from, to)) => &buf[from..to],
                None => &text[t.start..t.end],
            })
            .collect();
        // The sentences are in token order: a token's sentence is the
        // first that ends after it (the last one for tokens past the end).
        let last = seg.sentences.len().saturating_sub(1);
        let mut s = 0;
        let sentence_index = (0..seg.tokens.len())
            .map(|i| {
                while s < seg.sentences.len() && seg.sentences[s].end_token <= i {
                    s += 1;
                }
                s.min(last)
            })
            .collect();
        let mut ctx = Context {
            text,
            seg,
            lower,
            title_case_sentences: Vec::new(),
            sentence_index,
        };
        ctx.title_case_sentences = ctx.find_title_case_sentences();
        ctx
    }

    pub fn tok(&self, i: usize) -> &'a str {
        let t = &self.seg.tokens[i];
        &self.text[t.start..t.end]
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.seg.tokens[i]
    }

    pub fn len(&self) -> usize {
        self.seg.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seg.tokens.is_empty()
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        match self.sentence_index.get(i) {
            Some(&s) => s,
            None => self
                .seg
                .sentences
                .partition_point(|s| s.end_token <= i)
                .min(self.seg.sentences.len().saturating_sub(1)),
        }
    }

    /// True when token `i` is in a headline-like Title Case sentence.
    pub fn in_title_case(&self, i: usize) -> bool {
        if self.seg.sentences.is_empty() {
            return false;
        }
        let s = self.sentence_of(i);
        self.title_case_sentences.get(s).copied().unwrap_or(false)
    }

    /// Title Case sentences (headlines): four or more words, most of them
    /// capitalised, and no full stop at the end.
    fn find_title_case_sentences(&self) -> Vec<bool> {
        let mut out = vec![false; self.seg.sentences.len()];
        for (si, s) in self.seg.sentences.iter().enumerate() {
            let words: Vec<usize> = (s.first_token..s.end_token)
                .filter(|&i| self.token(i).kind == TokenKind::Word)
                .collect();
            if words.len() < 4 {
                continue;
            }
            let long: Vec<&usize> = words.iter().filter(|&&i| self.tok(i).len() > 3).collect();
            let caps = long.iter().filter(|&&&i| self.token(i).capitalised).count();
            // Headlines do not end with a full stop; sentences full of names do.
            let ends_with_stop = s.end_token > s.first_token && self.tok(s.end_token - 1) == ".";
            if !ends_with_stop && !long.is_empty() && caps * 10 >= long.len() * 8 && long.len() >= 3
            {
                out[si] = true;
            }
        }
        out
    }

    /// The first token of the run of capitalised words on one line that
    /// ends at token `i`, walking left also over an "and" or "&" between
    /// two capitalised words when `join(that word, run start)` allows it
    /// ("Oil and Natural Gas Corporation").
    pub fn cap_run_start(&self, i: usize, join: impl Fn(&str, usize) -> bool) -> usize {
        let mut first = i;
        loop {
            if first > 0 && self.is_cap_word(first - 1) && self.adjacent(first - 1) {
                first -= 1;
            } else if first > 1
                && join(self.tok(first - 1), first)
                && self.is_cap_word(first - 2)
                && self.adjacent(first - 2)
                && self.adjacent(first - 1)
            {
                first -= 2;
            } else {
                return first;
            }
        }
    }

    /// True for a capitalised word token.
    pub fn is_cap_word(&self, i: usize) -> bool {
        i < self.len()
            && self.token(i).kind == TokenKind::Word
            && self.token(i).capitalised
            && !is_contraction(self.tok(i))
    }

    /// The token that starts at byte `b`, if any.
    pub fn token_starting_at(&self, b: usize) -> Option<usize> {
        let i = self.seg.tokens.partition_point(|t| t.start < b);
        (i < self.len() && self.token(i).start == b).then_some(i)
    }

    /// The sentence of the token that starts at byte `b`, if any.
    pub fn sentence_at(&self, b: usize) -> Option<usize> {
        self.token_starting_at(b).map(|k| self.sentence_of(k))
    }

    /// The token that ends at byte `b`, if any.
    pub fn token_ending_at(&self, b: usize) -> Option<usize> {
        let i = self.seg.tokens.partition_point(|t| t.end < b);
        (i < self.len() && self.token(i).end == b).then_some(i)
    }

    /// True when tokens `i` and `i + 1` are separated by nothing but spaces
    /// on one line.
    pub fn adjacent(&self, i: usize) -> bool {
        i + 1 < self.len() && !self.token(i + 1).after_newline
    }
}

/// One recogniser: reads the context and what earlier recognisers found,
/// and adds its candidates.
pub trait Recogniser: Send + Sync {
    fn name(&self) -> &'static str;
    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>);
}

/// All recognisers, built once from the rules, in the order they run.
pub struct Recognisers {
    pub stages: Vec<Box<dyn Recogniser>>,
}

impl Recognisers {
    pub fn new(rules: &Rules) -> Result<Self, aho_corasick::BuildError> {
        Ok(Recognisers {
            stages: vec![
                Box::new(Gazetteer::new(rules)?),
                Box::new(OrgPatternRecogniser::new(rules)),
                Box::new(OfficeRecogniser::new(rules)),
                Box::new(PersonRecogniser::new(rules)),
                Box::new(AgreementRecogniser::new(rules)),
                Box::new(PartySlotRecogniser::new(rules)),
                Box::new(DateRecogniser::new()),
            ],
        })
    }

    /// Every candidate of every recogniser, before overlaps are resolved.
    pub fn candidates(&self, ctx: &Context) -> Vec<Mention> {
        let mut found = Vec::new();
        for stage in &self.stages {
            stage.recognise(ctx, &mut found);
        }
        found
    }
}

fn priority(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Office => 5,
        EntityKind::Person => 4,
        EntityKind::Agreement => 3,
        EntityKind::Organization => 2,
        EntityKind::Country => 1,
        EntityKind::Date => 0,
    }
}

/// The one overlap policy: a longer span wins over the spans inside it;
/// for equal spans the more specific kind wins (office, person, agreement,
/// organisation, country, date); ties keep the earlier recogniser's.
pub fn resolve_overlaps(mut found: Vec<Mention>) -> Vec<Mention> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&found[a], &found[b]);
        (y.end - y.start)
            .cmp(&(x.end - x.start))
            .then(priority(y.kind).cmp(&priority(x.kind)))
            .then(a.cmp(&b))
    });
    // Taken spans never overlap one another, so by start they are also in
    // order of end: a span overlaps one of them iff it overlaps the last
    // one starting before its end.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; found.len()];
    for i in order {
        let m = &found[i];
        let free = match taken.range(..m.end.max(m.start + 1)).next_back() {
            Some((_, &e)) => e <= m.start,
            None => true,
        };
        if free {
            taken.insert(m.start, m.end);
            keep[i] = true;
        }
    }
    let mut i = 0;
    found.retain(|_| {
        let k = keep[i];
        i += 1;
        k
    });
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// Spans, for asking in `O(log n)` whether a byte lies inside any of them.
pub struct Covered {
    /// Starts, sorted.
    starts: Vec<usize>,
    /// The greatest end among the spans up to each start.
    max_end: Vec<usize>,
}

impl Covered {
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                max = max.max(e);
                max
            })
            .collect();
        Covered {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    /// Whether the span `start..end` lies inside one of the spans.
    pub fn contains_span(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| s <= start);
        i > 0 && self.max_end[i - 1] >= end
    }

    /// Whether `byte` lies in some span `start <= byte < end`.
    pub fn contains(&self, byte: usize) -> bool {
        let i = self.starts.partition_point(|&s| s <= byte);
        i > 0 && self.max_end[i - 1] > byte
    }
}

/// `We’re`, `Don't`: an apostrophe followed by a lower-case letter.
fn is_contraction(w: &str) -> bool {
    // "Don't", "It's", "We'll"; not "Le Floc’h" or "O'Brien".
    w.find(['\'', '’']).is_some_and(|i| {
        let rest = &w[i..];
        let suffix = rest.trim_start_matches(['\'', '’']);
        matches!(suffix, "t" | "s" | "ll" | "d" | "ve" | "re" | "m")
    })
}

/// A name as written, its runs of white space (line breaks too) made one
/// space: the label of a mention that spans a line break.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalises a word for keys: lower case, accents dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ğ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ł' => out.push('l'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ř' => out.push('r'),
            'ś' | 'š' | 'ş' | 'ș' => out.push('s'),
            'ť' | 'ţ' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ß' => out.push_str("ss"),
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

/// A place standing for a government or a body (`Kyiv`, `Brussels`), not
/// a name of it: it names a city's accord ("the Minsk agreement").
pub fn is_seat(rule: &str) -> bool {
    matches!(rule, "country.seat" | "org.seat")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_is_lower_cased_as_str_to_lowercase_does() {
        let text =
            "The U.S. and Ukraine's PM, Şahin ÖZTÜRK, met ΟΔΟΣ in Kyiv: al-Jibouri 3.5bn éclat";
        let seg = crate::segment::segment(text, &Default::default());
        let mut buf = String::new();
        let ctx = Context::new(text, &seg, &mut buf);
        assert_eq!(ctx.lower.len(), seg.tokens.len());
        for (i, t) in seg.tokens.iter().enumerate() {
            let w = &text[t.start..t.end];
            assert_eq!(ctx.lower[i], w.to_lowercase());
            // A token that lower-casing leaves alone is the text's own slice.
            let borrowed = std::ptr::eq(ctx.lower[i].as_ptr(), w.as_ptr());
            assert_eq!(borrowed, w.to_lowercase() == w, "{w}");
        }
    }

    fn m(start: usize, end: usize, kind: EntityKind) -> Mention {
        Mention {
            start,
            end,
            kind,
            label: String::new(),
            rule: "test",
            detail: Detail::Country,
        }
    }

    #[test]
    fn longer_spans_win_then_kind() {
        let got = resolve_overlaps(vec![
            m(0, 4, EntityKind::Country),
            m(0, 20, EntityKind::Office),
            m(21, 30, EntityKind::Country),
            m(21, 30, EntityKind::Person),
        ]);
        let kinds: Vec<_> = got.iter().map(|m| (m.start, m.kind)).collect();
        assert_eq!(kinds, [(0, EntityKind::Office), (21, EntityKind::Person)]);
    }

    #[test]
    fn fold_drops_accents() {
        assert_eq!(fold("Zelenskyy’s Émile"), "zelenskyy's emile");
    }
}
