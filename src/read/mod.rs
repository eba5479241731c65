//! Read: one document → [`DocFacts`].
//!
//! Runs segmentation and the recognisers, then, within the document alone:
//! merges mentions into document-local entities (surname → full name,
//! `the deal` → the agreement under discussion), attaches people to the
//! offices written next to them, and reads involvement relations from the
//! trigger patterns of `ontology/rules/triggers.tsv`. The result is a pure
//! function of the document and the rules, and serialisable, so it can be
//! computed anywhere and linked later.

pub mod fingerprint;
mod relations;
pub mod time;

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

use crate::ingest::Document;
use crate::recognise::{
    country_after_holder, resolve_overlaps, squash_spaces, surname_key, Context, Covered, Detail,
    EntityKind, Mention, Recognisers,
};
use crate::rules::Rules;
use crate::segment::{segment, CharIndex, TokenKind};

/// A span of a document, in code points, with its text and the rule that
/// produced it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: Arc<str>,
    /// Shared by the spans of one rule.
    pub rule: Arc<str>,
}

/// An entity as one document knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalEntity {
    pub kind: EntityKind,
    pub label: String,
    /// Other names it goes by in this document.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub detail: Detail,
}

/// A relation between two local entities, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalRelation {
    pub subject: usize,
    pub predicate: String,
    pub object: usize,
    pub evidence: Vec<Span>,
}

/// Metadata of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Length of the text in code points.
    pub chars: usize,
}

/// Everything read from one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocFacts {
    pub doc: DocMeta,
    pub entities: Vec<LocalEntity>,
    pub relations: Vec<LocalRelation>,
    /// Countries by how much the document speaks of them, most first: the
    /// context for offices whose country is not written.
    pub country_rank: Vec<String>,
    /// For finding other copies of the same story when linking.
    #[serde(default)]
    pub fingerprint: fingerprint::Fingerprint,
    /// National titles written with neither a country nor a holder ("the
    /// Treasury Secretary said"). They are not entities: such a title says
    /// nothing by itself. Linking resolves each, when the corpus allows one
    /// answer only, to the person who held that post at the document's date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bare_offices: Vec<LocalEntity>,
    /// People (by entity index) → the countries named in the sentences
    /// that name them, most first: the context for a post of theirs whose
    /// country is not written ("Prime Minister Benjamin Netanyahu, who …
    /// said Israel would …"), before the document's own ranking.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub person_countries: BTreeMap<usize, Vec<String>>,
    /// National titles written with no country → the countries this
    /// document names that have no such post (countries.tsv, column 5):
    /// never the guess for them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub titles_absent: BTreeMap<String, BTreeSet<String>>,
}

/// Reads documents by a fixed set of rules.
pub struct Reader {
    pub rules: Rules,
    /// The date of documents that were given none and have no dateline
    /// (`--date`), as ISO 8601.
    pub default_date: Option<String>,
    recognisers: Recognisers,
    triggers: relations::TriggerIndex,
    /// The boilerplate phrases, all looked for in one pass over a line.
    boilerplate: AhoCorasick,
    /// Countries whose top national titles are given → those titles.
    country_titles: FxHashMap<String, Vec<String>>,
}

/// A rule set whose lexicons could not be compiled.
#[derive(Debug, thiserror::Error)]
#[error("cannot compile the lexicons: {0}")]
pub struct ReaderError(#[from] aho_corasick::BuildError);

impl Reader {
    pub fn new(rules: Rules) -> Result<Self, ReaderError> {
        let recognisers = Recognisers::new(&rules)?;
        let triggers = relations::TriggerIndex::new(&rules);
        // The phrases are lower case; an ASCII line is matched as it is
        // written, without lower-casing it first.
        let boilerplate = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&rules.boilerplate)?;
        let country_titles = rules
            .countries
            .iter()
            .filter(|c| !c.titles.is_empty())
            .map(|c| (c.name.clone(), c.titles.clone()))
            .collect();
        Ok(Reader {
            rules,
            default_date: None,
            recognisers,
            triggers,
            boilerplate,
            country_titles,
        })
    }

    /// Byte spans of lines that are page furniture, not the story: short
    /// teasers cut off with "...", bylines ("By Jane Smith") and lines that hold a boilerplate phrase
    /// ("Subscribe", "Sign up for our newsletter"). Nothing is read from them.
    pub fn page_furniture(&self, text: &str) -> Vec<(usize, usize)> {
        // "KYIV, May 9 (Reuters) - When …": a dateline, its place and its
        // agency (the place says where the story was filed, not who acted).
        let mut out: Vec<(usize, usize)> = DATELINE_CREDIT
            .captures_iter(text)
            .filter_map(|c| Some((c.get(0)?.start(), c.get(1)?.end())))
            .collect();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            let t = line.trim();
            // A story's own lead, cut off in syndication, is longer.
            let teaser = (t.ends_with("...") || t.ends_with('…')) && t.chars().count() < 200;
            let boilerplate = if t.is_ascii() {
                self.boilerplate.is_match(t)
            } else {
                self.boilerplate.is_match(&t.to_lowercase())
            };
            // A byline: "By Jane Smith", "Ukraine Weekly By Olga Rudenko"
            // (at most eight words).
            let byline = (t.starts_with("By ") || t.contains(" By "))
                && t.split_whitespace().nth(8).is_none();
            if teaser || boilerplate || byline {
                out.push((start, end));
            }
            start = end;
        }
        out
    }

    /// Reads one document.
    pub fn read(&self, doc: &Document) -> DocFacts {
        let text = doc.text.as_str();
        let seg = segment(text, &self.rules.abbreviations);
        let mut lower_buf = String::new();
        let ctx = Context::new(text, &seg, &mut lower_buf);
        let mut mentions = resolve_overlaps(self.recognisers.candidates(&ctx));
        let furniture = Covered::new(self.page_furniture(text));
        mentions.retain(|m| !furniture.contains_span(m.start, m.end));
        country_after_holder(text, &mut mentions);
        congress_of_the_story(text, &mut mentions);
        let country_rank = rank_countries(&mentions);
        let mut b = Builder::new(&ctx);
        b.group(mentions);
        b.add_written_parties();
        let relations = relations::read(&ctx, &b, &self.triggers);
        b.posts_of_his(&relations);
        b.posts_of_the_body();
        let date = time::document_date(doc.date.as_deref(), self.default_date.as_deref(), text);
        let mut facts = b.finish(doc, relations, country_rank, date);
        facts.titles_absent = self.titles_absent(&facts);
        facts
    }

    /// For each national title written with no country, the countries the
    /// document names whose top titles (countries.tsv, column 5) are known
    /// and lack it.
    fn titles_absent(&self, facts: &DocFacts) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let titled = |t: &str| {
            self.country_titles
                .values()
                .any(|ts| ts.iter().any(|x| x == t))
        };
        for e in facts.entities.iter().chain(&facts.bare_offices) {
            let Detail::Office {
                title,
                jurisdiction: None,
                national: true,
                ..
            } = &e.detail
            else {
                continue;
            };
            if out.contains_key(title) || !titled(title) {
                continue;
            }
            let lacking: BTreeSet<String> = facts
                .country_rank
                .iter()
                .filter(|name| {
                    self.country_titles
                        .get(*name)
                        .is_some_and(|ts| !ts.contains(title))
                })
                .cloned()
                .collect();
            out.insert(title.clone(), lacking);
        }
        out.retain(|_, v| !v.is_empty());
        out
    }
}

/// A dateline: a line's first words, then the credit, a bracketed name of
/// at most four capitalised words, then a dash ("ROME, May 23 (Reuters) - ").
#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static DATELINE_CREDIT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?m)^[^\n(]{0,80}?(\(\p{Lu}[\p{L}&.]*(?: \p{Lu}[\p{L}&.]*){0,3}\))[ \t]*[-–—]",
    )
    .expect("dateline credit pattern")
});

/// "Rodrigo Londoño, better known by his nom de guerre Timochenko", "Gen.
/// Mohamed Hamdan Dagalo, widely known as Hemedti": the name a person goes
/// by (one or two capitalised words, quoted or not).
#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static KNOWN_AS: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r#"^,?[ \t]+(?:(?:better|widely|commonly|popularly|also)[ \t]+)?(?:known[ \t]+(?:as|by[ \t]+(?:his|her)[ \t]+(?:nom[ \t]+de[ \t]+guerre|nickname|alias))|nicknamed)[ \t]+["“']?(\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+)?)\b"#,
    )
    .expect("known-as pattern")
});

/// Two forms of one patronymic name: one is the other's first words, and
/// the shorter holds "bin", "ibn" or "bint" ("Abdullah bin Zayed" in
/// "Abdullah bin Zayed Al Nahyan").
fn patronymic_forms(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(' '))
        && short
            .split(' ')
            .any(|w| matches!(w, "bin" | "ibn" | "bint"))
}

/// "Kim Jong-un" and "Kim Jong Un": one name written with a hyphen or a
/// space between its parts.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    a != b && letters(a) == letters(b)
}

/// The parties written into an agreement mention, sorted.
fn parties_of(detail: &Detail) -> Vec<String> {
    let mut out: Vec<String> = match detail {
        Detail::Agreement { parties, .. } => parties.iter().map(|p| p.name.clone()).collect(),
        _ => vec![],
    };
    out.sort();
    out.dedup();
    out
}

/// `" and quickly dubbed `, `, also known as the `: the words between two
/// names of one agreement.
fn is_also_called(between: &str) -> bool {
    let words: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '“' | '”' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let naming = words
        .iter()
        .any(|w| matches!(*w, "dubbed" | "nicknamed" | "known" | "called"));
    naming
        && words.len() <= 5
        && words.iter().all(|w| {
            matches!(
                *w,
                "and"
                    | "or"
                    | "also"
                    | "quickly"
                    | "soon"
                    | "later"
                    | "widely"
                    | "commonly"
                    | "popularly"
                    | "dubbed"
                    | "nicknamed"
                    | "known"
                    | "called"
                    | "as"
                    | "the"
            )
        })
}

/// "is formally titled the", "was officially called": the words between an
/// agreement and the name it is given.
fn is_naming_copula(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    let words = match words[..] {
        [.., "the"] => &words[..words.len() - 1],
        _ => &words[..],
    };
    let words = match words {
        ["is" | "was", rest @ ..] => rest,
        _ => return false,
    };
    let words = match words {
        ["formally" | "officially", rest @ ..] => rest,
        _ => words,
    };
    matches!(
        words,
        ["titled" | "entitled" | "called" | "named" | "dubbed"] | ["known", "as"]
    )
}

/// "Colombia's Congress on Wednesday ratified …", "the accord was
/// ratified by Congress" in a story about Colombia: a legislature written
/// "Congress" alone is the country's whose possessive is right before it,
/// or else the country the document names most, when the document never
/// names the one the lexicon gives it (the United States). Its label is
/// then "Congress of <country>".
fn congress_of_the_story(text: &str, mentions: &mut [Mention]) {
    const BARE: &str = "Congress";
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Country) {
        *count.entry(m.label.clone()).or_default() += 1;
    }
    let top = count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, n)| (c.clone(), *n));
    // The countries named, by name or by one of their bodies written out
    // ("the US Congress", "the US budget").
    let named: BTreeSet<String> = mentions
        .iter()
        .filter_map(|m| match &m.detail {
            Detail::Country => Some(m.label.clone()),
            Detail::Organization {
                country: Some(c), ..
            } if text.get(m.start..m.end) != Some(BARE) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let countries: Vec<(usize, String)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Country)
        .map(|m| (m.end, m.label.clone()))
        .collect();
    for m in mentions.iter_mut() {
        let Detail::Organization {
            org_type,
            country: Some(own),
        } = &m.detail
        else {
            continue;
        };
        if org_type != "Legislature" || text.get(m.start..m.end) != Some(BARE) {
            continue;
        }
        let before = text[..m.start].trim_end_matches(' ');
        let owner = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))
            .and_then(|b| countries.iter().find(|(end, _)| *end == b.len()))
            .map(|(_, c)| c.clone());
        let story = top
            .as_ref()
            .filter(|(c, _)| c != own && !named.contains(own))
            .map(|(c, _)| c.clone());
        let Some(country) = owner.or(story).filter(|c| c != own) else {
            continue;
        };
        m.label = format!("{BARE} of {country}");
        m.detail = Detail::Organization {
            org_type: org_type.clone(),
            country: Some(country),
        };
    }
}

/// Counts each country named, by demonym or seat, through one of its
/// bodies, or as an office's jurisdiction; ties go to the one named first.
fn rank_countries(mentions: &[Mention]) -> Vec<String> {
    let mut count: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let name = match &m.detail {
            Detail::Country => Some(m.label.as_str()),
            // "Labour", "the Commons": a country's own bodies speak of it.
            Detail::Organization {
                country: Some(c),
                org_type,
            } if crate::link::is_state_body(org_type) => Some(c.as_str()),
            Detail::Office {
                jurisdiction: Some(j),
                ..
            } if j.kind == EntityKind::Country => Some(j.name.as_str()),
            _ => None,
        };
        if let Some(name) = name {
            let e = count.entry(name).or_insert((0, i));
            e.0 += 1;
        }
    }
    let mut ranked: Vec<(&str, (usize, usize))> = count.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    ranked.into_iter().map(|(n, _)| n.to_string()).collect()
}

/// Groups mentions into document-local entities.
pub(crate) struct Builder<'a> {
    pub ctx: &'a Context<'a>,
    /// Mentions kept, in text order.
    pub mentions: Vec<Mention>,
    /// The entity of each kept mention.
    pub entity_of: Vec<usize>,
    pub entities: Vec<Group>,
    /// Entities of parties written only inside an agreement's phrase: no
    /// mention of their own, kept when they take part in a relation.
    pub written_parties: BTreeSet<usize>,
}

/// Whether a described deal is the one in force or its successor: "its
/// current loan agreement" and "a new loan agreement" are two deals.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Age {
    Old,
    New,
}

const OLD_WORDS: &[&str] = &[
    "current", "existing", "previous", "old", "former", "earlier", "original", "expiring",
    "outgoing", "prior", "last",
];
const NEW_WORDS: &[&str] = &[
    "new",
    "fresh",
    "successor",
    "replacement",
    "follow-up",
    "follow-on",
];

/// The age word among the few modifiers before a description starting at
/// byte `start` ("its current $18.6bn loan agreement"); a determiner or a
/// punctuation mark other than a currency sign ends the search.
fn deal_age(ctx: &Context, start: usize) -> Option<(Age, String)> {
    let first = ctx.token_starting_at(start)?;
    let floor = ctx.seg.sentences[ctx.sentence_of(first)].first_token;
    for k in (floor.max(first.saturating_sub(6))..first).rev() {
        let w = ctx.lower[k];
        if OLD_WORDS.contains(&w) {
            return Some((Age::Old, w.to_string()));
        }
        if NEW_WORDS.contains(&w) {
            return Some((Age::New, w.to_string()));
        }
        let t = ctx.token(k);
        if t.capitalised
            || matches!(
                w,
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that"
            )
            || t.kind == TokenKind::Punct && !matches!(w, "$" | "£" | "€" | "-")
        {
            return None;
        }
    }
    None
}

/// Whether the mention starting at byte `start` follows "a"/"an", past a
/// few modifiers, amounts and a short bracket ("a $6bn (£3.12bn) deal").
fn indefinite(ctx: &Context, start: usize) -> bool {
    let Some(first) = ctx.token_starting_at(start) else {
        return false;
    };
    let floor = ctx.seg.sentences[ctx.sentence_of(first)].first_token;
    for k in (floor.max(first.saturating_sub(10))..first).rev() {
        let w = ctx.lower[k];
        if matches!(w, "a" | "an") {
            return true;
        }
        if matches!(
            w,
            "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
        ) || matches!(w, "." | ";" | ",")
        {
            return false;
        }
    }
    false
}

/// The country or body right after "with" following a description ending
/// at byte `end`: "a production deal with (the) Nissan".
fn counterparty(ctx: &Context, end: usize, agents_at: &BTreeMap<usize, String>) -> Option<String> {
    let last = ctx.token_ending_at(end)?;
    let mut k = last + 1;
    if ctx.lower.get(k).copied() != Some("with") {
        return None;
    }
    k += 1;
    if ctx.lower.get(k).copied() == Some("the") {
        k += 1;
    }
    if k >= ctx.len() || ctx.sentence_of(k) != ctx.sentence_of(last) {
        return None;
    }
    agents_at.get(&ctx.token(k).start).cloned()
}

/// The head noun of an agreement's label or mention, lower case: the last
/// word ("treaty" of "the UK-Rwanda treaty").
fn head_of(text: &str) -> String {
    text.rsplit(' ').next().unwrap_or("").to_lowercase()
}

/// The countries and bodies coordinated right before a verb of making a
/// deal that is followed by the deal's article and maybe "new", "landmark"
/// or "historic", the deal starting at byte `start`: "the UK and Rwanda
/// signed a new treaty".
fn makers_before(
    ctx: &Context,
    start: usize,
    agents_end: &BTreeMap<usize, (usize, String)>,
) -> Vec<String> {
    let Some(mut k) = ctx.token_starting_at(start) else {
        return vec![];
    };
    let floor = ctx.seg.sentences[ctx.sentence_of(k)].first_token;
    while k > floor && matches!(ctx.lower[k - 1], "new" | "landmark" | "historic") {
        k -= 1;
    }
    if k < floor + 2 || !matches!(ctx.lower[k - 1], "a" | "an") {
        return vec![];
    }
    let verb = k - 2;
    if !matches!(
        ctx.lower[verb],
        "signed" | "agreed" | "struck" | "reached" | "concluded" | "sealed" | "inked"
    ) || verb == floor
    {
        return vec![];
    }
    let mut out = Vec::new();
    let mut end = ctx.token(verb - 1).end;
    while let Some((s, label)) = agents_end.get(&end) {
        out.push(label.clone());
        let Some(first) = ctx.token_starting_at(*s) else {
            break;
        };
        let mut j = first;
        if j > floor && ctx.lower[j - 1] == "the" {
            j -= 1;
        }
        if j <= floor + 1 || !matches!(ctx.lower[j - 1], "and" | ",") {
            break;
        }
        end = ctx.token(j - 2).end;
    }
    out
}

/// The subject words of an agreement's name, as `topic_key` gives them:
/// "Trans-Pacific" is also "Trans" and "Pacific".
fn name_words(label: &str) -> BTreeSet<String> {
    label
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .chain(label.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(crate::recognise::topic_key)
        .collect()
}

/// The words that tell named agreements of a document apart: the extra
/// words of a name that holds all the words of another, "digital" of the
/// "U.S.-Japan Digital Trade Agreement" beside the "U.S.-Japan Trade
/// Agreement". Descriptions that differ in one of them ("the trade
/// agreement", "the digital trade agreement") are two deals.
fn telling_words(labels: &BTreeSet<&str>) -> BTreeSet<String> {
    let sets: Vec<BTreeSet<String>> = labels.iter().map(|l| name_words(l)).collect();
    let mut out = BTreeSet::new();
    for a in &sets {
        for b in &sets {
            if a.len() < b.len() && a.is_subset(b) {
                out.extend(b.difference(a).cloned());
            }
        }
    }
    out
}

/// A described deal of the document: its subject words, its entity, and
/// what tells it from another deal on the same subject.
struct DescribedDeal {
    topics: BTreeSet<String>,
    entity: usize,
    age: Option<Age>,
    /// The word that gave its age ("current").
    word: Option<String>,
    /// Who it was made "with".
    with: BTreeSet<String>,
}

impl DescribedDeal {
    /// A description sharing a subject word, unless it is told apart: the
    /// old deal and the new one, or deals made with different parties.
    fn takes(
        &self,
        topics: &BTreeSet<String>,
        age: Option<Age>,
        with: &BTreeSet<String>,
        telling: &BTreeSet<String>,
    ) -> bool {
        // "the 2015 nuclear pact" is neither "the 2010 nuclear pact" nor
        // "a new nuclear deal".
        let (mine, theirs) = (year_of(&self.topics), year_of(topics));
        let other_year = matches!((mine, theirs), (Some(a), Some(b)) if a != b);
        let year_and_new = mine.is_some() && age == Some(Age::New)
            || theirs.is_some() && self.age == Some(Age::New);
        !self.topics.is_disjoint(topics)
            && !matches!((self.age, age), (Some(a), Some(b)) if a != b)
            && !other_year
            && !year_and_new
            && (self.with.is_empty() || with.is_empty() || !self.with.is_disjoint(with))
            && self
                .topics
                .symmetric_difference(topics)
                .all(|t| !telling.contains(t))
    }
}

/// A year: four digits.
fn is_year(t: &str) -> bool {
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The year among a description's subject words ("2015" of "the 2015 pact").
fn year_of(topics: &BTreeSet<String>) -> Option<&str> {
    topics.iter().map(String::as_str).find(|t| is_year(t))
}

/// A document-local entity under construction.
pub(crate) struct Group {
    pub kind: EntityKind,
    pub label: String,
    pub detail: Detail,
    pub mentions: Vec<usize>,
}

impl<'a> Builder<'a> {
    fn new(ctx: &'a Context<'a>) -> Self {
        Builder {
            ctx,
            mentions: Vec::new(),
            entity_of: Vec::new(),
            entities: Vec::new(),
            written_parties: BTreeSet::new(),
        }
    }

    fn push(&mut self, m: Mention, entity: usize) {
        self.entities[entity].mentions.push(self.mentions.len());
        self.mentions.push(m);
        self.entity_of.push(entity);
    }

    fn new_entity(&mut self, m: &Mention) -> usize {
        self.entities.push(Group {
            kind: m.kind,
            label: m.label.clone(),
            detail: m.detail.clone(),
            mentions: Vec::new(),
        });
        self.entities.len() - 1
    }

    fn group(&mut self, mentions: Vec<Mention>) {
        let mut by_key: BTreeMap<(EntityKind, String), usize> = BTreeMap::new();
        // People: full names first, so that "Trump" finds "Donald Trump"
        // wherever it stands.
        let mut people: Vec<(String, Option<String>, usize)> = Vec::new(); // (surname key, given, entity)
        let mut seen_people: FxHashSet<(String, String)> = FxHashSet::default();
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            if let Detail::Person {
                given: Some(given),
                surname,
            } = &m.detail
            {
                let key = surname_key(surname);
                if seen_people.insert((key.clone(), given.clone())) {
                    // "Abdullah bin Zayed Al Nahyan" and "Abdullah bin
                    // Zayed": a patronymic name and its shorter form.
                    let longer_or_shorter = people
                        .iter()
                        .find(|(_, _, e)| {
                            let l = &self.entities[*e].label;
                            patronymic_forms(l, &m.label) || same_letters(l, &m.label)
                        })
                        .map(|p| p.2);
                    let e = match longer_or_shorter {
                        Some(e) => e,
                        None => self.new_entity(m),
                    };
                    people.push((key, Some(given.clone()), e));
                }
            }
        }
        // Agreements: named ones by name, described ones by shared topics;
        // "the deal" is resolved once all are known.
        let mut agreements: Vec<DescribedDeal> = Vec::new();
        let mut anaphors: Vec<Mention> = Vec::new();
        // "economic deals", "the agreements": described in the plural.
        let mut plurals: Vec<Mention> = Vec::new();
        // "the 2010 accord": a description by its year alone.
        let mut by_year: Vec<Mention> = Vec::new();
        let named_labels: BTreeSet<&str> = mentions
            .iter()
            .filter(|m| matches!(m.detail, Detail::Agreement { named: true, .. }))
            .map(|m| m.label.as_str())
            .collect();
        let telling = telling_words(&named_labels);
        // Countries and bodies by their first byte: "a deal with Nissan".
        let agents_at: BTreeMap<usize, String> = mentions
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
            .map(|m| (m.start, m.label.clone()))
            .collect();
        for m in mentions {
            match (&m.kind, &m.detail) {
                (EntityKind::Person, Detail::Person { given, surname }) => {
                    let key = surname_key(surname);
                    let found = people
                        .iter()
                        .filter(|(k, g, _)| {
                            *k == key && (given.is_none() || g.as_deref() == given.as_deref())
                        })
                        .map(|(_, _, e)| *e)
                        .next();
                    // "Sir Edward" for "Sir Edward Heath": a knight goes by
                    // the given name; the one person of that given name.
                    let knighted = given.is_none()
                        && matches!(
                            self.ctx.text[..m.start]
                                .trim_end()
                                .rsplit(char::is_whitespace)
                                .next(),
                            Some("Sir" | "Dame" | "Sheikh" | "Sheikha" | "Prince" | "Princess")
                        );
                    let by_given = knighted || m.rule == "person.given-alone";
                    let found = found.or_else(|| {
                        let mut same: Vec<usize> = people
                            .iter()
                            .filter(|(_, g, _)| by_given && g.as_deref() == Some(surname.as_str()))
                            .map(|(_, _, e)| *e)
                            .collect();
                        same.dedup();
                        match same[..] {
                            [e] => Some(e),
                            _ => None,
                        }
                    });
                    let e = match found {
                        Some(e) => e,
                        None => {
                            let e = self.new_entity(&m);
                            people.push((key, given.clone(), e));
                            e
                        }
                    };
                    if given.is_some()
                        && self.entities[e].label.split(' ').count() < m.label.split(' ').count()
                    {
                        self.entities[e].label = m.label.clone();
                        self.entities[e].detail = m.detail.clone();
                    }
                    self.push(m, e);
                }
                (
                    EntityKind::Agreement,
                    Detail::Agreement {
                        topics,
                        named,
                        plural,
                        ..
                    },
                ) => {
                    if *plural && !named {
                        // A short phrase only: "economic deals", not "defaults
                        // make further lending agreements".
                        if self.ctx.text[m.start..m.end].split_whitespace().count() <= 3 {
                            plurals.push(m);
                        }
                        continue;
                    }
                    if topics.is_empty() && !named {
                        anaphors.push(m);
                        continue;
                    }
                    if !named && !topics.is_empty() && topics.iter().all(|t| is_year(t)) {
                        by_year.push(m);
                        continue;
                    }
                    let e = if *named {
                        let key = (EntityKind::Agreement, crate::recognise::fold(&m.label));
                        match by_key.get(&key) {
                            Some(&e) => e,
                            None => {
                                let e = self.new_entity(&m);
                                by_key.insert(key, e);
                                e
                            }
                        }
                    } else {
                        let set: BTreeSet<String> = topics.iter().cloned().collect();
                        let aged = deal_age(self.ctx, m.start);
                        let age = aged.as_ref().map(|(a, _)| *a);
                        let with: BTreeSet<String> = counterparty(self.ctx, m.end, &agents_at)
                            .into_iter()
                            .collect();
                        match agreements
                            .iter_mut()
                            .find(|d| d.takes(&set, age, &with, &telling))
                        {
                            Some(d) => {
                                d.topics.extend(set);
                                if d.age.is_none() {
                                    d.age = age;
                                    d.word = aged.map(|(_, w)| w);
                                }
                                d.with.extend(with);
                                d.entity
                            }
                            None => {
                                let e = self.new_entity(&m);
                                agreements.push(DescribedDeal {
                                    word: aged.map(|(_, w)| w),
                                    topics: set,
                                    entity: e,
                                    age,
                                    with,
                                });
                                e
                            }
                        }
                    };
                    self.entities[e].detail.absorb_agreement(&m.detail);
                    self.push(m, e);
                }
                // A title without its country ("President") is one entity per
                // mention: two presidents in one article are two posts, told
                // apart when linking.
                (
                    EntityKind::Office,
                    Detail::Office {
                        jurisdiction: None, ..
                    },
                ) => {
                    let e = self.new_entity(&m);
                    self.push(m, e);
                }
                (EntityKind::Office, Detail::Office { .. })
                | (EntityKind::Organization, _)
                | (EntityKind::Country, _)
                | (EntityKind::Date, _) => {
                    let key = (m.kind, m.label.clone());
                    let e = match by_key.get(&key) {
                        Some(&e) => e,
                        None => {
                            let e = self.new_entity(&m);
                            by_key.insert(key, e);
                            e
                        }
                    };
                    self.push(m, e);
                }
                _ => {}
            }
        }
        // "the new loan agreement", told from the current one: the word
        // that tells them apart joins the label.
        for d in &agreements {
            let told_apart = agreements.iter().any(|o| {
                o.entity != d.entity && o.age != d.age && !o.topics.is_disjoint(&d.topics)
            });
            if let (Some(word), true) = (&d.word, told_apart) {
                let g = &mut self.entities[d.entity];
                g.label = format!("{word} {}", g.label);
            }
        }
        // A deal known by its year is the document's most named agreement
        // known by name ("New START … the 2010 accord"), unless the
        // sentences naming that one give it other years only ("GSOMIA was
        // signed in 2016 … the 1965 treaty"); else a deal of its own, one
        // per year.
        let named_best = (0..self.entities.len())
            .filter(|&e| {
                matches!(
                    self.entities[e].detail,
                    Detail::Agreement { named: true, .. }
                )
            })
            .max_by_key(|&e| (self.entities[e].mentions.len(), std::cmp::Reverse(e)));
        let mut of_year: BTreeMap<String, usize> = BTreeMap::new();
        let best_years = named_best.map(|e| self.years_near(e)).unwrap_or_default();
        for m in by_year {
            let year = match &m.detail {
                Detail::Agreement { topics, .. } => topics.iter().find(|t| is_year(t)),
                _ => None,
            };
            let other_year =
                !best_years.is_empty() && year.is_some_and(|y| !best_years.contains(&y.as_str()));
            let e = match named_best {
                Some(e) if !other_year => e,
                _ => match of_year.get(&m.label) {
                    Some(&e) => e,
                    None => {
                        let e = self.new_entity(&m);
                        of_year.insert(m.label.clone(), e);
                        e
                    }
                },
            };
            self.entities[e].detail.absorb_agreement(&m.detail);
            self.push(m, e);
        }
        self.resolve_anaphors(anaphors, plurals);
        self.merge_appositive_agreements();
        self.merge_described_by_apposition();
        self.merge_described_into_named();
        self.merge_lead_deal_into_named();
        self.merge_headline_deal_into_main();
        self.merge_acronyms();
        self.add_names_known_by();
        self.sort_mentions();
    }

    /// "Rodrigo Londoño, better known by his nom de guerre Timochenko …
    /// signed by Santos and Timochenko": the name a person is said to go
    /// by, wherever the document writes it alone, is that person.
    fn add_names_known_by(&mut self) {
        let text = self.ctx.text;
        let mut found: Vec<(usize, &str)> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if m.kind != EntityKind::Person {
                continue;
            }
            let Some(g) = KNOWN_AS.captures(&text[m.end..]).and_then(|c| c.get(1)) else {
                continue;
            };
            // "X and Y, better known as Ant and Dec": a pair's names.
            let rest = &text[m.end + g.end()..];
            let pair = rest
                .strip_prefix(" and ")
                .or_else(|| rest.strip_prefix(" & "))
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            if !pair {
                found.push((self.entity_of[i], g.as_str()));
            }
        }
        for (e, name) in found {
            // Every whole-word occurrence no other mention covers.
            let covered = Covered::new(self.mentions.iter().map(|m| (m.start, m.end)));
            let mut new = Vec::new();
            for (at, _) in text.match_indices(name) {
                let end = at + name.len();
                let before = text[..at].chars().next_back();
                let after = text[end..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
                if word(before) || word(after) || covered.contains(at) {
                    continue;
                }
                let g = &self.entities[e];
                new.push(Mention {
                    start: at,
                    end,
                    kind: EntityKind::Person,
                    label: g.label.clone(),
                    rule: "person.known-as",
                    detail: g.detail.clone(),
                });
            }
            for m in new {
                self.push(m, e);
            }
        }
    }

    /// "Kiir and Machar signed a power-sharing agreement on Wednesday …
    /// The Revitalised Agreement on the Resolution of the Conflict … was
    /// signed at a summit": the deal the lead describes is the one the
    /// article then names. The named agreement must be the article's first,
    /// open its sentence ("The 13-point Package of Measures … requires"),
    /// and come early, within three sentences after the description (or
    /// anywhere after a headline's); a deal of a year, or an old one, is
    /// another.
    fn merge_lead_deal_into_named(&mut self) {
        const LEAD_SENTENCES: usize = 12;
        let ctx = self.ctx;
        // The first named agreement and where it is first written.
        let Some((named, first)) = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, g)| matches!(g.detail, Detail::Agreement { named: true, .. }))
            .filter_map(|(e, g)| g.mentions.first().map(|&m| (e, m)))
            .min_by_key(|&(_, m)| self.mentions[m].start)
        else {
            return;
        };
        let Some(n_token) = ctx.token_starting_at(self.mentions[first].start) else {
            return;
        };
        let n_sentence = ctx.sentence_of(n_token);
        if n_sentence >= LEAD_SENTENCES {
            return;
        }
        // The sentences before the name that may describe it.
        const BEFORE: usize = 3;
        // It opens its sentence: "The", then at most a few modifiers, a
        // party's name among them ("The 1,246-page EU-UK Trade and
        // Cooperation Agreement").
        let s_first = ctx.seg.sentences[n_sentence].first_token;
        let party_at = |k: usize| {
            let b = ctx.token(k).start;
            self.mentions.iter().any(|m| {
                matches!(m.kind, EntityKind::Country | EntityKind::Organization)
                    && m.start <= b
                    && b < m.end
            })
        };
        // Numbers, their compounds ("13-point") and parties; no verb.
        let opens = (s_first..n_token).all(|k| {
            k == s_first
                || ctx.token(k).kind != TokenKind::Word
                || ctx.tok(k - 1) == "-"
                || party_at(k)
        }) && n_token - s_first <= 8
            && (n_token == s_first || ctx.lower[s_first] == "the");
        if !opens {
            return;
        }
        for d in 0..self.entities.len() {
            let Some(topics) = self.described_topics(d) else {
                continue;
            };
            if topics.iter().any(|t| is_year(t)) {
                continue;
            }
            let Some(&dm) = self.entities[d].mentions.first() else {
                continue;
            };
            let m = &self.mentions[dm];
            if m.start >= self.mentions[first].start
                || matches!(deal_age(ctx, m.start), Some((Age::Old, _)))
            {
                continue;
            }
            // In the headline, or in the few sentences right before.
            let near = self.entities[d].mentions.iter().any(|&x| {
                ctx.sentence_at(self.mentions[x].start)
                    .is_some_and(|s| s == 0 || (s < n_sentence && s + BEFORE >= n_sentence))
            });
            if near {
                self.move_mentions(d, named);
            }
        }
    }

    /// "Kyiv's parliament clears minerals pact" (a headline), then "the
    /// economic partnership agreement signed with the United States" all
    /// through the body: a described deal written only in the first few
    /// lines, in lines with no full stop (headlines, standfirsts), before
    /// the article's main deal is first written, is that deal. The main
    /// deal is written at least three times and more often than any other;
    /// the headline's names no party the main one lacks (when the main one
    /// names any), and is of no year and not an old or a new one.
    fn merge_headline_deal_into_main(&mut self) {
        // Sentences, page furniture's lines among them.
        const HEAD_SENTENCES: usize = 12;
        const MAIN_MENTIONS: usize = 3;
        let ctx = self.ctx;
        let mut counts: Vec<(usize, usize)> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == EntityKind::Agreement)
            .map(|(e, g)| (g.mentions.len(), e))
            .collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let main = match counts[..] {
            [(n, e), (m, _), ..] if n > m && n >= MAIN_MENTIONS => e,
            [(n, e)] if n >= MAIN_MENTIONS => e,
            _ => return,
        };
        let Some(main_sentence) = self.entities[main]
            .mentions
            .first()
            .and_then(|&m| ctx.sentence_at(self.mentions[m].start))
        else {
            return;
        };
        let main_parties = match &self.entities[main].detail {
            Detail::Agreement { parties, .. } => parties.clone(),
            _ => return,
        };
        for d in 0..self.entities.len() {
            if d == main {
                continue;
            }
            let Some(topics) = self.described_topics(d) else {
                continue;
            };
            let Detail::Agreement {
                parties, plural, ..
            } = &self.entities[d].detail
            else {
                continue;
            };
            if *plural
                || topics.iter().any(|t| is_year(t))
                || !main_parties.is_empty() && parties.iter().any(|p| !main_parties.contains(p))
            {
                continue;
            }
            // A headline's line ends with no full stop ("The ceasefire
            // collapsed in March." is a sentence of the story).
            let headline = |s: usize| {
                let line = &ctx.seg.sentences[s];
                !ctx.text[line.start..line.end]
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '”'])
            };
            let early = !self.entities[d].mentions.is_empty()
                && self.entities[d].mentions.iter().all(|&m| {
                    let m = &self.mentions[m];
                    deal_age(ctx, m.start).is_none()
                        && ctx
                            .sentence_at(m.start)
                            .is_some_and(|s| s < HEAD_SENTENCES && s < main_sentence && headline(s))
                });
            if early {
                self.move_mentions(d, main);
            }
        }
    }

    /// The years written in the sentences that mention entity `e`.
    fn years_near(&self, e: usize) -> Vec<&'a str> {
        let ctx = self.ctx;
        let mut years: Vec<&'a str> = Vec::new();
        for &m in &self.entities[e].mentions {
            let Some(i) = ctx.token_starting_at(self.mentions[m].start) else {
                continue;
            };
            let Some(s) = ctx.seg.sentences.get(ctx.sentence_of(i)) else {
                continue;
            };
            for t in s.first_token..s.end_token.min(ctx.len()) {
                let w = ctx.tok(t);
                if is_year(w) && !years.contains(&w) {
                    years.push(w);
                }
            }
        }
        years
    }

    /// "the deal", "the document": the most salient agreement so far (the
    /// one mentioned most; on a tie, one of the anaphor's head noun, then
    /// the latest); anaphors before any agreement (a headline's, a
    /// caption's) take the most salient of the whole document once it is
    /// read (on a tie: of the head noun, known by name, written first).
    fn resolve_anaphors(&mut self, mut anaphors: Vec<Mention>, plurals: Vec<Mention>) {
        anaphors.sort_by_key(|m| m.start);
        // (start, entity) of the agreements named, in text order.
        let mut named: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .zip(&self.entity_of)
            .filter(|(m, _)| m.kind == EntityKind::Agreement)
            .map(|(m, &e)| (m.start, e))
            .collect();
        named.sort();
        // The head noun of an entity's label or a mention's text
        // ("treaty" of "the UK-Rwanda treaty").
        let same_head =
            |heads: &[String], e: usize, head: &str| heads.get(e).is_some_and(|h| h == head);
        // The one mentioned most so far; of those mentioned as often, one
        // of the anaphor's head noun, then the latest.
        let best = |count: &BTreeMap<usize, (usize, usize)>, heads: &[String], head: &str| {
            count
                .iter()
                .max_by_key(|&(&e, c)| (c.0, same_head(heads, e, head), c.1))
                .map(|(&e, _)| e)
        };
        // Before any agreement: the document's most named one; of those
        // named as often, one known by name before a described one (the
        // headline's "deal" is the "Agreement for Bringing Peace to
        // Afghanistan", not "a joint declaration" named at the end).
        // Of those named as often still, the one named first (the lead's
        // deal, not one recalled at the end).
        let mut whole: BTreeMap<usize, (usize, bool, std::cmp::Reverse<usize>)> = BTreeMap::new();
        for &(start, e) in &named {
            let by_name = matches!(
                self.entities[e].detail,
                Detail::Agreement { named: true, .. }
            );
            let c = whole
                .entry(e)
                .or_insert((0, by_name, std::cmp::Reverse(start)));
            c.0 += 1;
        }
        let mut fallback = whole.iter().max_by_key(|&(_, c)| *c).map(|(&e, _)| e);
        // A document that names no agreement but speaks of "a deal": the
        // deal is an agreement of its own, known by its parties (kept only
        // if a country or body is involved in it; see `finish`).
        // "Serbia and Kosovo sign economic deals … Hoti said the agreement
        // brought Kosovo closer": with nothing else named, the deals
        // described in the plural are the agreement "the agreement" means.
        if fallback.is_none() && !anaphors.is_empty() {
            let mut plurals = plurals.into_iter();
            if let Some(first) = plurals.next() {
                let e = self.new_entity(&first);
                self.entities[e].detail.absorb_agreement(&first.detail);
                self.push(first, e);
                for m in plurals {
                    self.entities[e].detail.absorb_agreement(&m.detail);
                    self.push(m, e);
                }
                fallback = Some(e);
            }
        }
        if fallback.is_none() {
            if let Some(first) = anaphors.iter().find(|m| m.rule == "agreement.anaphor") {
                let mut m = first.clone();
                m.label = head_of(&self.ctx.text[m.start..m.end]);
                fallback = Some(self.new_entity(&m));
            }
        }
        // Mentions so far (named and resolved), counted as the text goes.
        let mut count: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        let mut next = 0;
        // "the Turkey deal" names its party: it is the salient agreement
        // only if that shares a party, else an agreement of its own.
        let mut by_parties: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        let agents_at: BTreeMap<usize, String> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
            .map(|m| (m.start, m.label.clone()))
            .collect();
        let agents_end: BTreeMap<usize, (usize, String)> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
            .map(|m| (m.end, (m.start, m.label.clone())))
            .collect();
        // The agreement mentioned last before the current anaphor.
        let mut last: Option<(usize, usize)> = None;
        let mut heads: Vec<String> = self.entities.iter().map(|g| head_of(&g.label)).collect();
        // Anaphors before the first agreement written (a headline's "deal",
        // a caption's "the treaty"): the story's agreement, known once the
        // whole document is read.
        let mut deferred: Vec<Mention> = Vec::new();
        for m in anaphors {
            while next < named.len() && named[next].0 < m.start {
                let (start, e) = named[next];
                let c = count.entry(e).or_insert((0, 0));
                *c = (c.0 + 1, start);
                if last.is_none_or(|(s, _)| s < start) {
                    last = Some((start, e));
                }
                next += 1;
            }
            if last.is_none()
                && !named.is_empty()
                && parties_of(&m.detail).is_empty()
                && !indefinite(self.ctx, m.start)
            {
                deferred.push(m);
                continue;
            }
            // "That agreement", "this deal": the one just mentioned.
            let demonstrative = self
                .ctx
                .token_starting_at(m.start)
                .filter(|&i| i > 0)
                .is_some_and(|i| matches!(self.ctx.lower[i - 1], "that" | "this"));
            // "the Migration Partnership, the memorandum agreed in 2022":
            // in apposition to the agreement just written.
            let appositive = last.is_some_and(|(s, e)| {
                self.entities[e].mentions.iter().any(|&x| {
                    self.mentions[x].start == s
                        && self.ctx.text.get(self.mentions[x].end..m.start) == Some(", the ")
                })
            });
            let e = match last {
                Some((_, e)) if demonstrative || appositive => Some(e),
                _ => {
                    let mut own = parties_of(&m.detail);
                    let head = head_of(&self.ctx.text[m.start..m.end]);
                    // "Framework" in the headline is the "Windsor
                    // Framework" of a tie: one of the same head noun.
                    let chosen = best(&count, &heads, &head).or_else(|| {
                        whole
                            .iter()
                            .max_by_key(|&(&e, c)| (c.0, same_head(&heads, e, &head), c.1, c.2))
                            .map(|(&e, _)| e)
                            .or(fallback)
                    });
                    // "a $6bn deal with Qatar": a deal newly introduced with
                    // its party is the one known by that party.
                    if own.is_empty() && indefinite(self.ctx, m.start) {
                        own.extend(counterparty(self.ctx, m.end, &agents_at));
                        // "the UK and Rwanda signed a new treaty": the
                        // parties that made it, when two or more, unless
                        // an agreement of the document has its head noun
                        // ("an agreement" that the article names "Critical
                        // Minerals Agreement").
                        let makers = makers_before(self.ctx, m.start, &agents_end);
                        let head_known = chosen.is_some_and(|e| same_head(&heads, e, &head))
                            || whole.keys().any(|&e| same_head(&heads, e, &head));
                        if makers.len() >= 2 && !head_known {
                            own.extend(makers);
                        }
                        own.sort();
                        own.dedup();
                    }
                    if own.is_empty() {
                        chosen
                    } else if let Some(&e) = by_parties.get(&own) {
                        Some(e)
                    } else if chosen.is_some_and(|e| {
                        let theirs = parties_of(&self.entities[e].detail);
                        own.iter().any(|p| theirs.contains(p))
                    }) {
                        chosen
                    } else {
                        let e = self.new_entity(&m);
                        heads.resize(self.entities.len(), String::new());
                        heads[e] = head_of(&self.entities[e].label);
                        by_parties.insert(own, e);
                        Some(e)
                    }
                }
            };
            let Some(e) = e else {
                continue;
            };
            let c = count.entry(e).or_insert((0, 0));
            *c = (c.0 + 1, m.start);
            last = Some((m.start, e));
            self.push(m, e);
        }
        for &(start, e) in &named[next..] {
            let c = count.entry(e).or_insert((0, 0));
            *c = (c.0 + 1, start);
        }
        // Of those mentioned as often, one of the anaphor's head noun, one
        // known by name, the one written first.
        for m in deferred {
            let head = head_of(&self.ctx.text[m.start..m.end]);
            let e = count
                .iter()
                .max_by_key(|&(&e, c)| {
                    let g = &self.entities[e];
                    let by_name = matches!(g.detail, Detail::Agreement { named: true, .. });
                    let first = g.mentions.iter().map(|&x| self.mentions[x].start).min();
                    (
                        c.0,
                        same_head(&heads, e, &head),
                        by_name,
                        std::cmp::Reverse(first),
                    )
                })
                .map(|(&e, _)| e)
                .or(fallback);
            if let Some(e) = e {
                self.push(m, e);
            }
        }
    }

    /// "a deal on China-UK tourism", "the Chile-Bolivia accord": parties
    /// written only inside an agreement's phrase (their own mentions gave
    /// way to the longer one) are entities of the document all the same.
    fn add_written_parties(&mut self) {
        let mut refs: BTreeSet<crate::recognise::EntityRef> = BTreeSet::new();
        for m in &self.mentions {
            // A pair ("China-UK"), not one country that may only say
            // where ("a US takeover battle").
            if let Detail::Agreement { parties, .. } = &m.detail {
                if parties.len() >= 2 {
                    refs.extend(parties.iter().cloned());
                }
            }
        }
        for r in refs {
            let known = self
                .entities
                .iter()
                .any(|g| g.kind == r.kind && g.label == r.name);
            if known {
                continue;
            }
            let detail = match r.kind {
                EntityKind::Country => Detail::Country,
                EntityKind::Organization => Detail::Organization {
                    org_type: "Organization".into(),
                    country: None,
                },
                _ => continue,
            };
            self.written_parties.insert(self.entities.len());
            self.entities.push(Group {
                kind: r.kind,
                label: r.name,
                detail,
                mentions: Vec::new(),
            });
        }
    }

    /// "a 56-point deal with the party - the Warwick Agreement", "the Oslo
    /// Accords (a peace deal)": an agreement described and then named (or
    /// named and then described) after a dash, a colon or a bracket is the
    /// named one. Not after a comma, which also separates a list of deals.
    fn merge_appositive_agreements(&mut self) {
        let mut agreements: Vec<usize> = (0..self.mentions.len())
            .filter(|&i| self.mentions[i].kind == EntityKind::Agreement)
            .collect();
        agreements.sort_by_key(|&i| self.mentions[i].start);
        let named = |m: &Mention| matches!(m.detail, Detail::Agreement { named: true, .. });
        for w in agreements.windows(2) {
            let (x, y) = (&self.mentions[w[0]], &self.mentions[w[1]]);
            // "a ceasefire and hostage release deal": one deal, its two
            // subjects coordinated before one head.
            let coordinated = self.ctx.text[x.end..y.start] == *" and "
                && !named(x)
                && !named(y)
                && self.ctx.token_starting_at(x.start).is_some_and(|i| {
                    self.ctx.token_ending_at(x.end) == Some(i)
                        && i > 0
                        && matches!(self.ctx.lower[i - 1], "a" | "an" | "the")
                });
            if coordinated {
                self.move_mentions(self.entity_of[w[1]], self.entity_of[w[0]]);
                continue;
            }
            // "formally titled the "Package of Measures …" and quickly
            // dubbed Minsk II": one agreement, two names.
            // "the Abraham Accords Peace Agreement: Treaty of Peace,
            // Diplomatic Relations …": a name and its subtitle.
            if named(x)
                && named(y)
                && y.start >= x.end
                && (is_also_called(&self.ctx.text[x.end..y.start])
                    || self.ctx.text[x.end..y.start] == *": ")
            {
                self.move_mentions(self.entity_of[w[1]], self.entity_of[w[0]]);
                continue;
            }
            if named(x) == named(y) || y.start < x.end {
                continue;
            }
            // "The document is formally titled the Agreement for …".
            if !named(x) && is_naming_copula(&self.ctx.text[x.end..y.start]) {
                self.move_mentions(self.entity_of[w[0]], self.entity_of[w[1]]);
                continue;
            }
            // A dash, a colon or an opening bracket (and "the") right before
            // the second; before that, nothing or the rest of the first's
            // phrase, in the same sentence ("a deal with X over Y - the …").
            let gap = self.ctx.text[x.end..y.start].trim_end();
            let gap = gap
                .strip_suffix(" the")
                .or_else(|| gap.strip_suffix(" a"))
                .or_else(|| gap.strip_suffix(" an"))
                .unwrap_or(gap)
                .trim_end();
            let Some(mark) = gap.chars().next_back() else {
                continue;
            };
            let rest = gap[..gap.len() - mark.len_utf8()].trim();
            let phrase_ok = rest.is_empty()
                || mark != '('
                    && rest.split_whitespace().count() <= 25
                    && !rest.contains(['-', '–', '—', ':', ';', '(', ')', '.', '"', '\n']);
            // The apposition ends with the second ("… - the Kyoto Protocol
            // expires" starts a clause).
            let after = self.ctx.text[y.end..].trim_start_matches([' ', '\t']);
            let closed = after.is_empty()
                || after.starts_with(['.', ',', ';', ')', '\n', '\r', '-', '–', '—', '"']);
            // "New START, the last arms control treaty between them,";
            // "the 2015 pact, formally the Joint Comprehensive Plan of
            // Action": a comma, and the second closed by a comma or a stop.
            let comma = {
                let between = self.ctx.text[x.end..y.start].trim();
                // "the 2015 nuclear deal between Iran and world powers,
                // formally the …": the first's short complement before it.
                let between = match between.split_once(',') {
                    Some((complement, rest))
                        if complement.split_whitespace().count() <= 6
                            && complement.split_whitespace().next().is_some_and(|w| {
                                matches!(w, "between" | "with" | "on" | "over")
                            }) =>
                    {
                        rest
                    }
                    _ => between.strip_prefix(',').unwrap_or("-"),
                }
                .trim();
                let words: Vec<&str> = between.split_whitespace().collect();
                let lead_ok = matches!(
                    words[..],
                    ["the"]
                        | [
                            "formally" | "officially" | "known" | "called" | "dubbed",
                            ..
                        ]
                ) && words.len() <= 4
                    && words.iter().all(|w| w.chars().all(char::is_alphabetic));
                // Closed, or a short complement to the next comma ("the
                // last treaty between the two powers, …").
                let tail = after.split([',', '.', ';', '\n']).next().unwrap_or("");
                let tail_ok = after.starts_with([',', '.', ';', ')', '('])
                    || after.contains(',')
                        && tail.split_whitespace().count() <= 8
                        && !tail.split_whitespace().any(|w| matches!(w, "and" | "or"));
                let described = |m: &Mention| matches!(&m.detail, Detail::Agreement { named, topics, .. } if *named || !topics.is_empty());
                // "That agreement, formally the JCPOA": a strong lead also
                // names the agreement a pronoun-like noun stands for.
                let strong = words.first().is_some_and(|w| *w != "the");
                lead_ok
                    && tail_ok
                    && (described(x) || strong)
                    && (described(y) || strong)
                    && (described(x) || described(y))
                    && !self.ctx.text[x.start..y.end].contains('\n')
            };
            let closed = closed || comma;
            if !(matches!(mark, '-' | '–' | '—' | '(' | ':') && phrase_ok || comma) || !closed {
                continue;
            }
            let (from, to) = if named(y) {
                (self.entity_of[w[0]], self.entity_of[w[1]])
            } else {
                (self.entity_of[w[1]], self.entity_of[w[0]])
            };
            self.move_mentions(from, to);
        }
    }

    /// "the 2015 nuclear agreement … the Joint Comprehensive Plan of
    /// Action, the agreement reached in July 2015 between Iran and six world
    /// powers": a named agreement given a bare definite description in
    /// apposition ("X, the agreement …") is the deal described earlier that
    /// the rest of the sentence fits: every year and every party that deal
    /// is known by is written there, and no other deal fits.
    fn merge_described_by_apposition(&mut self) {
        let ctx = self.ctx;
        let mut merges: Vec<(usize, usize)> = Vec::new();
        for (ni, n) in self.mentions.iter().enumerate() {
            if n.kind != EntityKind::Agreement
                || !matches!(n.detail, Detail::Agreement { named: true, .. })
            {
                continue;
            }
            let Some(desc) = self.mentions.iter().find(|a| {
                a.kind == EntityKind::Agreement
                    && ctx.text.get(n.end..a.start) == Some(", the ")
                    && matches!(
                        &ctx.text[a.start..a.end],
                        "agreement" | "deal" | "accord" | "pact" | "treaty"
                    )
            }) else {
                continue;
            };
            let Some(k) = ctx.token_starting_at(desc.start) else {
                continue;
            };
            let clause_end = ctx.seg.sentences[ctx.sentence_of(k)].end;
            let clause = desc.end..clause_end;
            let parties: BTreeSet<(EntityKind, &str)> = self
                .mentions
                .iter()
                .filter(|m| {
                    matches!(m.kind, EntityKind::Country | EntityKind::Organization)
                        && clause.contains(&m.start)
                })
                .map(|m| (m.kind, m.label.as_str()))
                .collect();
            let years: BTreeSet<&str> = ctx.text[clause.clone()]
                .split(|c: char| !c.is_ascii_digit())
                .filter(|t| is_year(t))
                .collect();
            let named_entity = self.entity_of[ni];
            let fits: Vec<usize> = (0..self.entities.len())
                .filter(|&d| d != named_entity)
                .filter(|&d| {
                    let g = &self.entities[d];
                    let Detail::Agreement {
                        named: false,
                        topics,
                        parties: own,
                        ..
                    } = &g.detail
                    else {
                        return false;
                    };
                    let own_years: Vec<&String> = topics.iter().filter(|t| is_year(t)).collect();
                    g.mentions
                        .first()
                        .is_some_and(|&m| self.mentions[m].start < n.start)
                        && !(own_years.is_empty() && own.is_empty())
                        && own_years.iter().all(|y| years.contains(y.as_str()))
                        && own
                            .iter()
                            .all(|p| parties.contains(&(p.kind, p.name.as_str())))
                })
                .collect();
            if let [d] = fits[..] {
                merges.push((d, named_entity));
            }
        }
        for (from, to) in merges {
            self.move_mentions(from, to);
        }
    }

    /// Entity `from`'s mentions become entity `to`'s (nothing when they
    /// are one).
    fn move_mentions(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let moved = std::mem::take(&mut self.entities[from].mentions);
        for &mi in &moved {
            self.entity_of[mi] = to;
        }
        self.entities[to].mentions.extend(moved);
        self.entities[to].mentions.sort_unstable();
    }

    /// "the peace treaty" in an article that names the "Agreement on the
    /// Establishment of Peace …": a described deal whose every subject word
    /// (years aside) is a word of exactly one named agreement's name is it.
    fn merge_described_into_named(&mut self) {
        let named: Vec<(usize, BTreeSet<String>)> = (0..self.entities.len())
            .filter(|&e| {
                !self.entities[e].mentions.is_empty()
                    && matches!(
                        self.entities[e].detail,
                        Detail::Agreement { named: true, .. }
                    )
            })
            .map(|e| (e, name_words(&self.entities[e].label)))
            .collect();
        for d in 0..self.entities.len() {
            let Some(topics) = self.described_topics(d) else {
                continue;
            };
            let subject: Vec<&String> = topics.iter().filter(|t| !is_year(t)).collect();
            if subject.is_empty() || self.entities[d].mentions.is_empty() {
                continue;
            }
            let hits: Vec<usize> = named
                .iter()
                .filter(|(_, words)| subject.iter().all(|t| words.contains(*t)))
                .map(|(e, _)| *e)
                .collect();
            // "the Trans-Pacific trade pact" in an article naming the
            // "Trans-Pacific Partnership": its capitalised subject words are
            // all words of that name, its common ones ("trade") describe it.
            let names = self.capitalised_topics(d);
            let hits = if hits.is_empty() && !names.is_empty() {
                named
                    .iter()
                    .filter(|(_, words)| names.iter().all(|t| words.contains(t)))
                    .map(|(e, _)| *e)
                    .collect()
            } else {
                hits
            };
            // "the peace treaty" beside a "Treaty of Peace" and a
            // "Declaration of Peace": the one whose name holds its head.
            let head = head_of(&self.entities[d].label);
            let hits = if hits.len() > 1 {
                let with_head: Vec<usize> = hits
                    .iter()
                    .copied()
                    .filter(|&e| {
                        self.entities[e].mentions.iter().any(|&m| {
                            let m = &self.mentions[m];
                            self.ctx.text[m.start..m.end]
                                .split(' ')
                                .any(|w| w.to_lowercase() == head)
                        })
                    })
                    .collect();
                // No name holds it ("the trade pact"): the other tests tell.
                if with_head.is_empty() {
                    hits
                } else {
                    with_head
                }
            } else {
                hits
            };
            // "the trade agreement" beside the "U.S.-Japan Trade Agreement"
            // and the "U.S.-Japan Digital Trade Agreement": the name without
            // the other's extra words ("digital"), which the description
            // would have said.
            let hits = if hits.len() > 1 {
                let words = |e: usize| named.iter().find(|(n, _)| *n == e).map(|(_, w)| w);
                let least: Vec<usize> = hits
                    .iter()
                    .copied()
                    .filter(|&a| {
                        hits.iter().all(|&b| {
                            a == b
                                || matches!((words(a), words(b)), (Some(x), Some(y)) if x.is_subset(y) && x != y)
                        })
                    })
                    .collect();
                if least.len() == 1 {
                    least
                } else {
                    hits
                }
            } else {
                hits
            };
            if let [to] = hits[..] {
                self.move_mentions(d, to);
            }
        }
    }

    /// The subject words of entity `e` when it is a described agreement.
    fn described_topics(&self, e: usize) -> Option<&[String]> {
        match &self.entities[e].detail {
            Detail::Agreement {
                named: false,
                topics,
                ..
            } => Some(topics),
            _ => None,
        }
    }

    /// The subject words of described agreement `e` written capitalised
    /// outside a headline in its every mention that writes them.
    fn capitalised_topics(&self, e: usize) -> BTreeSet<String> {
        use crate::recognise::topic_key;
        let Some(topics) = self.described_topics(e) else {
            return BTreeSet::new();
        };
        let ctx = self.ctx;
        let mut seen: BTreeMap<String, bool> = BTreeMap::new();
        for &mi in &self.entities[e].mentions {
            let m = &self.mentions[mi];
            // "a new North American trade agreement" is not NAFTA.
            if matches!(deal_age(ctx, m.start), Some((Age::New, _))) {
                return BTreeSet::new();
            }
            let Some(mut k) = ctx.token_starting_at(m.start) else {
                continue;
            };
            while k < ctx.len() && ctx.token(k).end <= m.end {
                let key = topic_key(ctx.lower[k]);
                if topics.contains(&key) && !is_year(&key) && !ctx.in_title_case(k) {
                    *seen.entry(key).or_insert(true) &= ctx.is_cap_word(k);
                }
                k += 1;
            }
        }
        seen.into_iter()
            .filter(|(_, c)| *c)
            .map(|(k, _)| k)
            .collect()
    }

    /// An organisation named by its initials (`GM`, `ONGC`) or by the first
    /// words of its name (`Mitsubishi`) is the one whose full name the
    /// document also writes (`General Motors`, `Mitsubishi Motors`), when
    /// there is exactly one.
    fn merge_acronyms(&mut self) {
        use crate::link::{initials, is_acronym};
        let orgs: Vec<usize> = (0..self.entities.len())
            .filter(|&e| {
                self.entities[e].kind == EntityKind::Organization
                    && !self.entities[e].mentions.is_empty()
            })
            .collect();
        for &a in &orgs {
            let label = self.entities[a].label.clone();
            // "GM" for "General Motors"; "Mitsubishi" for "Mitsubishi Motors".
            let short_of = |full: &str| {
                if is_acronym(&label) {
                    full.contains(' ') && initials(full) == label
                } else {
                    full.strip_prefix(label.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
                }
            };
            let full: Vec<usize> = orgs
                .iter()
                .copied()
                .filter(|&b| b != a && !self.entities[b].mentions.is_empty())
                .filter(|&b| short_of(&self.entities[b].label))
                .collect();
            if let [b] = full[..] {
                self.move_mentions(a, b);
            }
        }
        // "the paramilitary Rapid Support Forces (RSF)": initials in
        // brackets right after a body's name are that body's here, whatever
        // else a lexicon knows by them (Reporters Without Borders).
        let text = self.ctx.text;
        for &a in &orgs {
            let bracketed = self.entities[a].mentions.iter().find_map(|&m| {
                let m = &self.mentions[m];
                let acronym = &text[m.start..m.end];
                let before = text[..m.start].strip_suffix('(')?.trim_end();
                (is_acronym(acronym) && text[m.end..].starts_with(')'))
                    .then_some((before.len(), acronym))
            });
            let Some((name_end, acronym)) = bracketed else {
                continue;
            };
            // Only when the body is named here by those initials alone.
            if !self.entities[a]
                .mentions
                .iter()
                .all(|&m| &text[self.mentions[m].start..self.mentions[m].end] == acronym)
            {
                continue;
            }
            let named = orgs.iter().copied().find(|&b| {
                b != a
                    && initials(&self.entities[b].label) == acronym
                    && self.entities[b]
                        .mentions
                        .iter()
                        .any(|&m| self.mentions[m].end == name_end)
            });
            if let Some(b) = named {
                let (old, new) = (
                    self.entities[a].label.clone(),
                    self.entities[b].label.clone(),
                );
                self.move_mentions(a, b);
                // "the RSF commander": a post written with those initials
                // is that body's too.
                for g in &mut self.entities {
                    let Detail::Office {
                        title,
                        jurisdiction: Some(j),
                        modifier,
                        ..
                    } = &mut g.detail
                    else {
                        continue;
                    };
                    let by_initials = g.mentions.iter().all(|&m| {
                        let m = &self.mentions[m];
                        text[m.start..m.end]
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == acronym)
                    });
                    if j.kind == EntityKind::Organization && j.name == old && by_initials {
                        j.name.clone_from(&new);
                        g.label =
                            crate::recognise::office_label(title, Some(j), modifier.as_deref());
                    }
                }
            }
        }
    }

    /// "Isaias … sending his foreign minister, Osman Saleh": a national
    /// post written after "his" or "her" with no country is of the country
    /// of the person that pronoun stands for (the latest other person in
    /// the sentence or the one before), when the document gives that
    /// person's post a country.
    fn posts_of_his(&mut self, relations: &[LocalRelation]) {
        let ctx = self.ctx;
        for e in 0..self.entities.len() {
            let Detail::Office {
                jurisdiction: None,
                national: true,
                ..
            } = &self.entities[e].detail
            else {
                continue;
            };
            let [only] = self.entities[e].mentions[..] else {
                continue;
            };
            let m = &self.mentions[only];
            let Some(first) = ctx.token_starting_at(m.start) else {
                continue;
            };
            if first == 0 || !matches!(ctx.lower[first - 1], "his" | "her") {
                continue;
            }
            let holders: Vec<usize> = relations
                .iter()
                .filter(|r| r.predicate == "holdsOffice" && r.object == e)
                .map(|r| r.subject)
                .collect();
            let floor = ctx.sentence_of(first).saturating_sub(1);
            let referent = self.mentions[..only]
                .iter()
                .zip(&self.entity_of[..only])
                .rev()
                .take_while(|(p, _)| {
                    ctx.token_starting_at(p.start)
                        .is_none_or(|i| ctx.sentence_of(i) >= floor)
                })
                .find(|(p, pe)| p.kind == EntityKind::Person && !holders.contains(pe))
                .map(|(_, &pe)| pe);
            let Some(referent) = referent else {
                continue;
            };
            let country = relations
                .iter()
                .filter(|r| r.predicate == "holdsOffice" && r.subject == referent)
                .find_map(|r| match &self.entities[r.object].detail {
                    Detail::Office {
                        jurisdiction: Some(j),
                        national: true,
                        ..
                    } if j.kind == EntityKind::Country => Some(j.clone()),
                    _ => None,
                });
            let g = &mut self.entities[e];
            if let (
                Some(j),
                Detail::Office {
                    title,
                    jurisdiction,
                    modifier,
                    ..
                },
            ) = (country, &mut g.detail)
            {
                g.label = crate::recognise::office_label(title, Some(&j), modifier.as_deref());
                *jurisdiction = Some(j);
            }
        }
    }

    /// "the parliament's president, David Sassoli", "the party's
    /// president, Mary Lou McDonald": a title after "the <body noun>'s"
    /// is a post of the latest body of that kind named before it (a body
    /// whose name ends in the noun, or a legislature for "parliament", a
    /// party for "party"), not of a country.
    fn posts_of_the_body(&mut self) {
        /// How many sentences back the body may be named.
        const BODY_SENTENCES: usize = 6;
        let ctx = self.ctx;
        for e in 0..self.entities.len() {
            let Detail::Office {
                jurisdiction: None, ..
            } = &self.entities[e].detail
            else {
                continue;
            };
            let Some(&first) = self.entities[e].mentions.first() else {
                continue;
            };
            let start = self.mentions[first].start;
            let Some(k) = ctx.token_starting_at(start) else {
                continue;
            };
            if k < 3 || !relations::possessive_at(ctx, k - 1) || ctx.lower[k - 3] != "the" {
                continue;
            }
            let noun = ctx.lower[k - 2];
            // "the country's president": a country's post, read elsewhere.
            if matches!(
                noun,
                "country" | "nation" | "state" | "kingdom" | "republic" | "government"
            ) {
                continue;
            }
            let kind_of_noun = matches!(noun, "parliament" | "assembly" | "legislature" | "party");
            let kind_of = |org_type: &str| match noun {
                "parliament" | "assembly" | "legislature" => org_type == "Legislature",
                "party" => org_type == "PoliticalParty",
                _ => false,
            };
            // The latest such body, within the few sentences before.
            let floor = ctx.sentence_of(k).saturating_sub(BODY_SENTENCES);
            let body = (0..first).rev().find_map(|i| {
                let m = &self.mentions[i];
                let Detail::Organization { org_type, .. } = &m.detail else {
                    return None;
                };
                let near = ctx
                    .token_starting_at(m.start)
                    .is_some_and(|t| ctx.sentence_of(t) >= floor);
                let label = &self.entities[self.entity_of[i]].label;
                (near
                    && m.end <= start
                    && (kind_of(org_type)
                        || label
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case(noun))))
                .then(|| label.clone())
            });
            let g = &mut self.entities[e];
            // "the party's president" with no party named: no country's
            // ("the president's national security adviser" is one).
            let Some(body) = body else {
                if let (Detail::Office { national, .. }, true) = (&mut g.detail, kind_of_noun) {
                    *national = false;
                }
                continue;
            };
            if let Detail::Office {
                title,
                jurisdiction,
                modifier,
                national,
            } = &mut g.detail
            {
                let j = crate::recognise::EntityRef {
                    kind: EntityKind::Organization,
                    name: body,
                };
                g.label = crate::recognise::office_label(title, Some(&j), modifier.as_deref());
                *jurisdiction = Some(j);
                *national = false;
            }
        }
    }

    /// Keeps mentions in text order (relations read them so).
    fn sort_mentions(&mut self) {
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&i| (self.mentions[i].start, self.mentions[i].end));
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        self.mentions = order.iter().map(|&i| self.mentions[i].clone()).collect();
        self.entity_of = order.iter().map(|&i| self.entity_of[i]).collect();
        for g in &mut self.entities {
            for m in &mut g.mentions {
                *m = new_index[*m];
            }
            g.mentions.sort_unstable();
        }
    }

    fn finish(
        self,
        doc: &Document,
        relations: Vec<LocalRelation>,
        country_rank: Vec<String>,
        date: Option<jiff::civil::Date>,
    ) -> DocFacts {
        let index = CharIndex::new(self.ctx.text);
        // An office with neither a country nor a holder says nothing ("the president").
        let agreed_by_body: BTreeSet<usize> = relations
            .iter()
            .filter(|r| {
                matches!(
                    self.entities[r.subject].kind,
                    EntityKind::Country | EntityKind::Organization
                )
            })
            .map(|r| r.object)
            .collect();
        let held: BTreeSet<usize> = relations
            .iter()
            .filter(|r| r.predicate == "holdsOffice")
            .map(|r| r.object)
            .collect();
        let keep: Vec<bool> = self
            .entities
            .iter()
            .enumerate()
            .map(|(e, g)| match &g.detail {
                Detail::Office { jurisdiction, .. } => jurisdiction.is_some() || held.contains(&e),
                Detail::Agreement {
                    topics,
                    named: false,
                    parties,
                    ..
                } if topics.is_empty() => {
                    !g.mentions.is_empty() && (!parties.is_empty() || agreed_by_body.contains(&e))
                }
                // "last week" with no article date to read it against.
                Detail::Date { iso: None } => {
                    !g.mentions.is_empty()
                        && (time::resolve(&g.label, date).is_some()
                            || g.mentions
                                .iter()
                                .all(|&m| self.mentions[m].rule != "date.relative"))
                }
                _ if self.written_parties.contains(&e) => relations.iter().any(|r| r.subject == e),
                _ => !g.mentions.is_empty(),
            })
            .collect();
        let mut new_id = vec![usize::MAX; keep.len()];
        let mut next = 0;
        for (e, k) in keep.iter().enumerate() {
            if *k {
                new_id[e] = next;
                next += 1;
            }
        }
        // One copy of each rule id for all the spans it made.
        let mut rules: FxHashMap<String, Arc<str>> = FxHashMap::default();
        let mut span = |start: usize, end: usize, rule: &str| Span {
            start: index.char_of(start),
            end: index.char_of(end),
            text: self.ctx.text[start..end].into(),
            rule: match rules.get(rule) {
                Some(r) => r.clone(),
                None => {
                    let r: Arc<str> = Arc::from(rule);
                    rules.insert(rule.to_string(), r.clone());
                    r
                }
            },
        };
        let mut entities = Vec::with_capacity(self.entities.len());
        let mut bare_offices = Vec::new();
        for (g, kept) in self.entities.iter().zip(&keep) {
            let bare = matches!(
                g.detail,
                Detail::Office {
                    jurisdiction: None,
                    national: true,
                    ..
                }
            );
            if !*kept && (!bare || g.mentions.is_empty()) {
                continue;
            }
            let mut aliases = BTreeSet::new();
            let mut mentions = Vec::new();
            for &mi in &g.mentions {
                let m = &self.mentions[mi];
                mentions.push(span(m.start, m.end, m.rule));
                let surface = squash_spaces(&self.ctx.text[m.start..m.end]);
                if surface != g.label && !m.rule.starts_with("agreement.anaphor") {
                    aliases.insert(surface);
                }
            }
            let (label, detail) = match &g.detail {
                // A date is named by its ISO form, read against the
                // article's date when the text leaves it relative.
                Detail::Date { iso } => match iso.clone().or_else(|| time::resolve(&g.label, date))
                {
                    Some(iso) => {
                        // Named by the ISO form; each way it is written is an alias.
                        aliases.extend(mentions.iter().map(|m: &Span| squash_spaces(&m.text)));
                        aliases.remove(&iso);
                        (iso.clone(), Detail::Date { iso: Some(iso) })
                    }
                    None => (g.label.clone(), g.detail.clone()),
                },
                _ => (g.label.clone(), g.detail.clone()),
            };
            let entity = LocalEntity {
                kind: g.kind,
                label,
                aliases: aliases.into_iter().collect(),
                mentions,
                detail,
            };
            if *kept {
                entities.push(entity);
            } else {
                bare_offices.push(entity);
            }
        }
        let relations = relations
            .into_iter()
            .filter(|r| keep[r.subject] && keep[r.object])
            .map(|mut r| {
                r.subject = new_id[r.subject];
                r.object = new_id[r.object];
                for e in &mut r.evidence {
                    let (s, t) = (e.start, e.end);
                    *e = span(s, t, &e.rule);
                }
                r
            })
            .collect();
        let mut person_countries = BTreeMap::new();
        for (e, g) in self.entities.iter().enumerate() {
            if g.kind == EntityKind::Person && keep[e] {
                let ranked = self.countries_near(&g.mentions);
                if !ranked.is_empty() {
                    person_countries.insert(new_id[e], ranked);
                }
            }
        }
        DocFacts {
            doc: DocMeta {
                id: doc.id.clone(),
                title: doc.title.clone(),
                date: doc.date.clone().or_else(|| date.map(|d| d.to_string())),
                url: doc.url.clone(),
                chars: index.char_of(doc.text.len()),
            },
            entities,
            relations,
            country_rank,
            fingerprint: fingerprint::Fingerprint::of(&doc.text),
            bare_offices,
            person_countries,
            titles_absent: BTreeMap::new(),
        }
    }

    /// The countries named (by name, demonym, seat or a state body) in the sentences of
    /// `mentions`: by how many of those sentences name each, then by how
    /// near (in tokens) the closest is to one of `mentions`, then by first
    /// mention.
    fn countries_near(&self, mentions: &[usize]) -> Vec<String> {
        let ctx = self.ctx;
        if ctx.is_empty() {
            return vec![];
        }
        let token = |b: usize| {
            ctx.seg
                .tokens
                .partition_point(|t| t.end <= b)
                .min(ctx.len() - 1)
        };
        let at: Vec<(usize, usize)> = mentions
            .iter()
            .map(|&m| {
                let k = token(self.mentions[m].start);
                (ctx.sentence_of(k), k)
            })
            .collect();
        // country → (the sentences naming it, nearest, first)
        let mut score: BTreeMap<&str, (BTreeSet<usize>, usize, usize)> = BTreeMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            // "pushed the pact through the Diet": a country's own bodies
            // name it too.
            let country = match &m.detail {
                Detail::Country => m.label.as_str(),
                Detail::Organization {
                    country: Some(c),
                    org_type,
                } if crate::link::is_state_body(org_type) => c.as_str(),
                _ => continue,
            };
            let k = token(m.start);
            // "the country's Congress", "its parliament": some country's.
            if m.kind != EntityKind::Country
                && k > 0
                && matches!(ctx.lower[k - 1], "'s" | "’s" | "its" | "their")
            {
                continue;
            }
            let s = ctx.sentence_of(k);
            let near = at
                .iter()
                .filter(|(ps, _)| *ps == s)
                .map(|(_, pk)| pk.abs_diff(k))
                .min();
            if let Some(d) = near {
                let e = score.entry(country).or_insert((BTreeSet::new(), d, i));
                e.0.insert(s);
                e.1 = e.1.min(d);
            }
        }
        let mut ranked: Vec<_> = score.into_iter().collect();
        ranked.sort_by(|(_, a), (_, b)| {
            b.0.len()
                .cmp(&a.0.len())
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        ranked.into_iter().map(|(c, _)| c.to_string()).collect()
    }
}
