//! Offices as posts of a country or body: a title from the lexicon or a
//! portfolio title (`economy minister`, `Minister of Finance`), with the
//! modifiers, jurisdiction and `of X` complement written around it
//! (`former U.S. President`, `Ukraine's economy minister`,
//! `deputy head of the Russian Security Council`).

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashSet;

use super::{Context, Detail, EntityKind, EntityRef, Mention, Recogniser};
use crate::rules::{OfficeScope, Rules};
use crate::segment::TokenKind;

pub struct OfficeRecogniser {
    /// Title surface (lower-case words) → (canonical, scope).
    /// Titles by their first word, each with its words, canonical name and
    /// scope, longest first.
    titles: HashMap<String, Vec<(Vec<String>, String, OfficeScope)>>,
    /// First words of titles and portfolios: a token that is none of them
    /// starts no title (checked before any longer lookup).
    starts: FxHashSet<String>,
    portfolios: BTreeMap<String, String>,
    modifiers: BTreeMap<String, String>,
    not_names: FxHashSet<String>,
    /// Nouns that follow a body's name ("the Naftohaz company").
    org_descriptors: FxHashSet<String>,
    /// Head nouns of bodies' names, lower case ("council", "agency").
    org_heads: FxHashSet<String>,
    given_names: FxHashSet<String>,
}

/// A title found at some tokens, before its surroundings are read.
struct TitleMatch {
    first: usize,
    /// One past the last token.
    end: usize,
    canonical: String,
    scope: OfficeScope,
}

const PORTFOLIO_HEADS: &[&str] = &["minister", "secretary"];

impl OfficeRecogniser {
    pub fn new(rules: &Rules) -> Self {
        let mut titles: BTreeMap<Vec<String>, (String, OfficeScope)> = BTreeMap::new();
        for o in &rules.offices {
            titles.insert(o.surface.clone(), (o.canonical.clone(), o.scope));
            // "Secretary-General" is cut into three tokens (a hyphen between
            // capitals), "secretary-general" stays one: both must match.
            if o.surface.iter().any(|w| w.contains('-')) {
                let split: Vec<String> = o
                    .surface
                    .iter()
                    .flat_map(|w| {
                        let parts: Vec<&str> = w.split('-').collect();
                        let n = parts.len();
                        parts.into_iter().enumerate().flat_map(move |(i, p)| {
                            let mut v = vec![p.to_string()];
                            if i + 1 < n {
                                v.push("-".to_string());
                            }
                            v
                        })
                    })
                    .collect();
                titles.insert(split, (o.canonical.clone(), o.scope));
            }
        }
        let starts = titles
            .keys()
            .filter_map(|k| k.first().cloned())
            .chain(
                rules
                    .portfolios
                    .keys()
                    .filter_map(|p| p.split(' ').next().map(str::to_string)),
            )
            // "Minister of Finance", "minister for Europe".
            .chain(PORTFOLIO_HEADS.iter().map(|h| h.to_string()))
            .collect();
        let mut by_first: HashMap<String, Vec<(Vec<String>, String, OfficeScope)>> = HashMap::new();
        for (words, (canonical, scope)) in titles {
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words, canonical, scope));
            }
        }
        // Longest first; of one length, in the words' order (as the map had them).
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        OfficeRecogniser {
            titles: by_first,
            starts,
            portfolios: rules.portfolios.clone(),
            modifiers: rules.office_modifiers.clone(),
            not_names: rules.not_names.iter().cloned().collect(),
            org_descriptors: rules.org_descriptors.iter().cloned().collect(),
            org_heads: rules.org_heads.iter().map(|h| h.to_lowercase()).collect(),
            given_names: rules.given_names.iter().cloned().collect(),
        }
    }

    fn portfolio_at(&self, ctx: &Context, i: usize) -> Option<(usize, String)> {
        if !self.starts.contains(ctx.lower[i]) {
            return None;
        }
        for n in [2usize, 1] {
            if i + n > ctx.len() {
                continue;
            }
            let words = ctx.lower[i..i + n].join(" ");
            if let Some(p) = self.portfolios.get(&words) {
                return Some((n, p.clone()));
            }
        }
        None
    }

    /// "… and Industry": a second portfolio after "and" at token `at`,
    /// its words' count and name, where `accept(start, words)` agrees.
    fn second_portfolio(
        &self,
        ctx: &Context,
        at: usize,
        accept: impl Fn(usize, usize) -> bool,
    ) -> Option<(usize, String)> {
        if ctx.lower.get(at) != Some(&"and") || at + 1 >= ctx.len() {
            return None;
        }
        self.portfolio_at(ctx, at + 1)
            .filter(|(m, _)| accept(at + 1, *m))
    }

    fn head_title(head: &str, portfolio: &str) -> String {
        if head == "minister" {
            format!("Minister of {portfolio}")
        } else {
            format!("Secretary of {portfolio}")
        }
    }

    /// The longest title starting at token `i`.
    fn title_at(&self, ctx: &Context, i: usize) -> Option<TitleMatch> {
        if !self.starts.contains(ctx.lower[i]) {
            return None;
        }
        let mut best: Option<TitleMatch> = None;
        let found = self.titles.get(ctx.lower[i]).and_then(|cands| {
            cands.iter().find(|(words, _, _)| {
                ctx.lower
                    .get(i..i + words.len())
                    .is_some_and(|w| w == &words[..])
            })
        });
        if let Some((words, canonical, scope)) = found {
            best = Some(TitleMatch {
                first: i,
                end: i + words.len(),
                canonical: canonical.clone(),
                scope: *scope,
            });
        }
        // "economy minister", "economy and trade minister"
        if let Some((n, mut portfolio)) = self.portfolio_at(ctx, i) {
            let mut h = i + n;
            if let Some((m, second)) = self.second_portfolio(ctx, h, |at, m| {
                ctx.lower
                    .get(at + m)
                    .is_some_and(|w| PORTFOLIO_HEADS.contains(w))
            }) {
                portfolio = format!("{portfolio} and {second}");
                h += 1 + m;
            }
            if h < ctx.len() && PORTFOLIO_HEADS.contains(&ctx.lower[h]) {
                let end = h + 1;
                if best.as_ref().is_none_or(|b| b.end < end) {
                    best = Some(TitleMatch {
                        first: i,
                        end,
                        canonical: Self::head_title(ctx.lower[h], &portfolio),
                        scope: OfficeScope::National,
                    });
                }
            }
        }
        // "Minister of (the) Economy", "minister for trade"
        if PORTFOLIO_HEADS.contains(&ctx.lower[i])
            && i + 2 < ctx.len()
            && matches!(ctx.lower[i + 1], "of" | "for")
        {
            let mut p = i + 2;
            if ctx.lower[p] == "the" {
                p += 1;
            }
            // "Secretary of the National Security Council": a body's name
            // (its head noun from the lexicon of bodies), no portfolio.
            let body_name = |end: usize| {
                ctx.lower
                    .get(end)
                    .is_some_and(|w| self.org_heads.contains(*w))
            };
            if let Some((n, mut portfolio)) =
                self.portfolio_at(ctx, p).filter(|(n, _)| !body_name(p + n))
            {
                let mut end = p + n;
                // "Minister of Commerce and Industry": a second portfolio
                // joined by "and", written alike (not "Minister of Finance
                // and Foreign Minister X").
                if let Some((m, second)) = self.second_portfolio(ctx, end, |at, m| {
                    ctx.token(at).capitalised == ctx.token(p).capitalised
                        && ctx
                            .lower
                            .get(at + m)
                            .is_none_or(|w| !PORTFOLIO_HEADS.contains(w))
                }) {
                    portfolio = format!("{portfolio} and {second}");
                    end += 1 + m;
                }
                // "Lord Bach, Minister for Defence Procurement, said": in
                // apposition, one or two more capitalised words (no given
                // name) right before the closing comma are the portfolio's
                // too.
                if i > 0 && ctx.tok(i - 1) == "," && ctx.token(i).capitalised {
                    let mut e = end;
                    while e < ctx.len()
                        && e < end + 2
                        && ctx.is_cap_word(e)
                        && !self.given_names.contains(ctx.tok(e))
                    {
                        e += 1;
                    }
                    if e > end && e < ctx.len() && ctx.tok(e) == "," {
                        for k in end..e {
                            portfolio.push(' ');
                            portfolio.push_str(ctx.tok(k));
                        }
                        end = e;
                    }
                }
                if best.as_ref().is_none_or(|b| b.end < end) {
                    best = Some(TitleMatch {
                        first: i,
                        end,
                        canonical: Self::head_title(ctx.lower[i], &portfolio),
                        scope: OfficeScope::National,
                    });
                }
            }
        }
        best
    }
}

/// The body named after one to three common words from token `from`
/// ("state-owned", "anti-constitution group"), and its last token: a known
/// organisation whose whole name ends there (not "Sony" of "Sony
/// Pictures"). Prepositions and articles end the words: "head of the
/// Russian delegation to Nato" is no post at Nato.
fn described_body<'m>(
    ctx: &Context,
    by_start: &BTreeMap<usize, &'m Mention>,
    from: usize,
) -> Option<(&'m Mention, usize)> {
    let mut j = from;
    while j < ctx.len()
        && j < from + 4
        && (ctx.token(j).kind == TokenKind::Word
            && !ctx.token(j).capitalised
            && !matches!(
                ctx.lower[j],
                "and"
                    | "or"
                    | "who"
                    | "which"
                    | "that"
                    | "the"
                    | "a"
                    | "an"
                    | "to"
                    | "for"
                    | "with"
                    | "at"
                    | "of"
                    | "in"
                    | "on"
                    | "by"
                    | "from"
            )
            || ctx.tok(j) == "-")
    {
        j += 1;
    }
    if j == from || j >= ctx.len() {
        return None;
    }
    let body = by_start
        .get(&ctx.token(j).start)
        .filter(|b| b.kind == EntityKind::Organization)?;
    let be = ctx.token_ending_at(body.end)?;
    let whole = be + 1 >= ctx.len() || !(ctx.is_cap_word(be + 1) || ctx.tok(be + 1) == "-");
    whole.then_some((*body, be))
}

/// A jurisdiction's name as it reads after "of": "the United States",
/// "Ukraine", "the State Department", "NATO".
pub fn with_article(j: &EntityRef) -> String {
    let name = j.name.as_str();
    if name.starts_with("the ") || name.starts_with("The ") {
        return name.to_string();
    }
    let acronym = name
        .chars()
        .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
    let needs_the = match j.kind {
        EntityKind::Country => {
            name.starts_with("United ")
                || name.contains("Republic")
                || name.ends_with('s')
                || name.starts_with("Kingdom")
        }
        _ => {
            const BODY_WORDS: &[&str] = &[
                "Office",
                "Department",
                "Ministry",
                "Council",
                "Commission",
                "Parliament",
                "Assembly",
                "Senate",
                "Congress",
                "Committee",
                "Agency",
                "Union",
                "Party",
                "Court",
                "Fund",
                "Bank",
                "Service",
                "Government",
                "Organization",
                "Organisation",
            ];
            !acronym
                && (name.contains(" of ")
                    || name
                        .split(' ')
                        .next_back()
                        .is_some_and(|w| BODY_WORDS.contains(&w)))
        }
    };
    if needs_the {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// The canonical label of an office: `[former] Title [of Jurisdiction]`.
pub fn office_label(
    title: &str,
    jurisdiction: Option<&EntityRef>,
    modifier: Option<&str>,
) -> String {
    let mut label = String::new();
    if let Some(m) = modifier {
        label.push_str(m);
        label.push(' ');
    }
    label.push_str(title);
    if let Some(j) = jurisdiction {
        label.push_str(" of ");
        label.push_str(&with_article(j));
    }
    label
}

/// The body or country "its" at token `p` stands for: the one named last
/// before it in its sentence, not inside a relative clause ("Hezbollah,
/// which Washington designates …, but its leader"); when "its" starts the
/// sentence, the previous sentence's first ("Ford has said … Its CEO").
/// `by_start`: bodies and countries by their first byte.
fn its_referent<'m>(
    ctx: &Context,
    by_start: &BTreeMap<usize, &'m Mention>,
    p: usize,
) -> Option<&'m Mention> {
    let here = ctx.sentence_of(p);
    let from = |s: usize| ctx.token(ctx.seg.sentences[s].first_token).start;
    let at = ctx.token(p).start;
    let relative = |m: &Mention| {
        ctx.token_starting_at(m.start).is_some_and(|i| {
            (i.saturating_sub(2)..i).any(|k| matches!(ctx.lower[k], "which" | "who" | "whom"))
        })
    };
    let latest = by_start
        .range(from(here)..at)
        .map(|(_, m)| *m)
        .rfind(|m| m.end <= at && !relative(m));
    if latest.is_some() || here == 0 || p != ctx.seg.sentences[here].first_token {
        return latest;
    }
    by_start.range(from(here - 1)..at).map(|(_, m)| *m).next()
}

fn entity_ref(m: &Mention) -> Option<EntityRef> {
    matches!(m.kind, EntityKind::Country | EntityKind::Organization).then(|| EntityRef {
        kind: m.kind,
        name: m.label.clone(),
    })
}

impl OfficeRecogniser {
    fn is_name_word(&self, ctx: &Context, i: usize) -> bool {
        ctx.is_cap_word(i) && !self.not_names.contains(ctx.tok(i))
    }

    /// The first token of a run of capitalised words ending at `q`.
    fn name_run_left(&self, ctx: &Context, q: usize) -> Option<usize> {
        if !self.is_name_word(ctx, q) {
            return None;
        }
        let mut s = q;
        while s > 0 && q - s < 3 && self.is_name_word(ctx, s - 1) && ctx.adjacent(s - 1) {
            s -= 1;
        }
        Some(s)
    }

    /// One past the last token of a run of capitalised words from `k`.
    fn name_run_right(&self, ctx: &Context, k: usize) -> Option<usize> {
        if !self.is_name_word(ctx, k) {
            return None;
        }
        let mut e = k + 1;
        while e < ctx.len() && e - k < 4 && self.is_name_word(ctx, e) && ctx.adjacent(e - 1) {
            e += 1;
        }
        Some(e)
    }
}

impl Recogniser for OfficeRecogniser {
    fn name(&self) -> &'static str {
        "office"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        let by_start: BTreeMap<usize, &Mention> = found
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
            .fold(BTreeMap::new(), |mut acc, m| {
                // Keep the longest mention starting at each byte.
                let e = acc.entry(m.start).or_insert(m);
                if m.end > e.end {
                    *e = m;
                }
                acc
            });
        let by_end: BTreeMap<usize, &Mention> = found
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization))
            .fold(BTreeMap::new(), |mut acc, m| {
                let e = acc.entry(m.end).or_insert(m);
                if m.start < e.start {
                    *e = m;
                }
                acc
            });
        let mut new: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < ctx.len() {
            if ctx.token(i).kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let Some(t) = self.title_at(ctx, i) else {
                i += 1;
                continue;
            };
            // "Oona King", "Billie Jean King": a one-word title right after
            // a capitalised word that names no country or body ("Saudi
            // King") and is no sentence's first word (unless a given name)
            // is that person's surname.
            let p = t.first.saturating_sub(1);
            if t.end == t.first + 1
                && t.first > 0
                && ctx.token(t.first).capitalised
                && ctx.adjacent(p)
                && ctx.is_cap_word(p)
                && !by_end.contains_key(&ctx.token(p).end)
                && !self.not_names.contains(ctx.tok(p))
                // "Chief Secretary": a title's own word before it.
                && !self.starts.contains(ctx.lower[p])
                && !self.modifiers.contains_key(ctx.lower[p])
                && (self.given_names.contains(ctx.tok(p))
                    || p > ctx.seg.sentences[ctx.sentence_of(p)].first_token)
                // "Bethnal Green MP Oona King": a name after it keeps the title.
                && !(ctx.adjacent(t.first) && ctx.is_cap_word(t.end))
            {
                i += 1;
                continue;
            }
            let mut first = t.first;
            let mut last_end = t.end; // one past the last token
            let mut jurisdiction: Option<EntityRef> = None;
            let mut modifier: Option<String> = None;
            // Deputy, Vice
            let mut rank: Vec<String> = Vec::new();
            // "EU Commission president": a title that names its body
            // ("President of the European Commission") takes none.
            let names_its_body = t.scope == OfficeScope::Body && t.canonical.contains(" of ");
            // Left: modifiers and a jurisdiction, in any order, next to each other.
            loop {
                if first == 0 || !ctx.adjacent(first - 1) {
                    break;
                }
                let mut p = first - 1;
                // "then-Defence Minister": the modifier before a hyphen.
                if ctx.tok(p) == "-"
                    && p > 0
                    && ctx.token(p).start == ctx.token(p - 1).end
                    && self.modifiers.contains_key(ctx.lower[p - 1])
                {
                    p -= 1;
                }
                if let Some(m) = self.modifiers.get(ctx.lower[p]) {
                    if m == "-" {
                        // "newly-appointed": says nothing of the post.
                    } else if m.chars().next().is_some_and(char::is_uppercase) {
                        rank.insert(0, m.clone());
                    } else if modifier.is_none() {
                        modifier = Some(m.clone());
                    }
                    first = p;
                    continue;
                }
                // "Hezbollah … did not sign, but its leader, Naim Qassem".
                // The title keeps its own span.
                if jurisdiction.is_none() && ctx.lower[p] == "its" && !names_its_body {
                    jurisdiction = its_referent(ctx, &by_start, p).and_then(entity_ref);
                    break;
                }
                // "Ukraine's", "U.S.", "State Department"
                let q = if matches!(ctx.tok(p), "’s" | "'s") && p > 0 {
                    p - 1
                } else {
                    p
                };
                if jurisdiction.is_none() && !names_its_body {
                    if let Some(m) = by_end.get(&ctx.token(q).end) {
                        if let Some(r) = entity_ref(m) {
                            if let Some(s) = ctx.token_starting_at(m.start) {
                                jurisdiction = Some(r);
                                first = s;
                                continue;
                            }
                        }
                    }
                    // "GM chief executive", "Turkcell's chief operating
                    // officer": a name the lexicons do not know is the body.
                    // "USW President David McCall": an acronym no lexicon
                    // knows is a body, not a country, for a national title too.
                    let acronym = |s: usize| {
                        s == q && {
                            let w = ctx.tok(q);
                            w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
                        }
                    };
                    if !matches!(t.scope, OfficeScope::National | OfficeScope::Member)
                        || t.scope == OfficeScope::National
                            && self.name_run_left(ctx, q).is_some_and(acronym)
                    {
                        if let Some(s) = self.name_run_left(ctx, q) {
                            jurisdiction = Some(EntityRef {
                                kind: EntityKind::Organization,
                                name: ctx.text[ctx.token(s).start..ctx.token(q).end].to_string(),
                            });
                            first = s;
                            continue;
                        }
                    }
                }
                break;
            }
            // Right: "of [the] X".
            if last_end + 1 < ctx.len() && ctx.lower[last_end] == "of" && ctx.adjacent(last_end - 1)
            {
                let mut k = last_end + 1;
                if ctx.lower[k] == "the" && k + 1 < ctx.len() {
                    k += 1;
                }
                // "Head of Ukraine's Presidential Office": the body wins over the country.
                let mut country_owner = None;
                if let Some(m) = by_start.get(&ctx.token(k).start) {
                    if let Some(e) = ctx.token_ending_at(m.end) {
                        // "director general of the British Chambers of
                        // Commerce": a demonym inside an unknown name.
                        let inside_name = m.rule == "country.demonym" && ctx.is_cap_word(e + 1);
                        // "head of the Ukrainian state-owned Naftohaz
                        // company": a demonym and one to three common words
                        // describe the body named after them.
                        let described_body = (m.rule == "country.demonym")
                            .then(|| described_body(ctx, &by_start, e + 1))
                            .flatten();
                        if let Some((body, be)) = described_body {
                            jurisdiction = entity_ref(body);
                            last_end = be + 1;
                            if last_end < ctx.len()
                                && self.org_descriptors.contains(ctx.lower[last_end])
                            {
                                last_end += 1;
                            }
                        } else if inside_name {
                            // Part of a name the lexicons do not know: no jurisdiction.
                        } else if super::is_seat(m.rule) {
                            // "Mayor of London": the city, not the country.
                            jurisdiction = Some(EntityRef {
                                kind: EntityKind::Organization,
                                name: ctx.text[m.start..m.end].to_string(),
                            });
                            last_end = e + 1;
                        } else if e + 2 < ctx.len() && matches!(ctx.tok(e + 1), "’s" | "'s") {
                            country_owner = Some((m, e + 2));
                        } else if jurisdiction.is_none()
                            || !matches!(t.scope, OfficeScope::National | OfficeScope::Member)
                        {
                            jurisdiction = entity_ref(m);
                            last_end = e + 1;
                        }
                    }
                }
                // "director of anti-constitution group Vote No": common
                // words describing the body named after them.
                if last_end <= t.end
                    && jurisdiction.is_none()
                    && !by_start.contains_key(&ctx.token(k).start)
                {
                    if let Some((body, be)) = described_body(ctx, &by_start, k) {
                        jurisdiction = entity_ref(body);
                        last_end = be + 1;
                    }
                }
                // "chief executive of Standard Chartered": an unknown body.
                if last_end <= t.end
                    && country_owner.is_none()
                    && !by_start.contains_key(&ctx.token(k).start)
                {
                    if let Some(e) = self.name_run_right(ctx, k) {
                        jurisdiction = Some(EntityRef {
                            kind: EntityKind::Organization,
                            name: ctx.text[ctx.token(k).start..ctx.token(e - 1).end].to_string(),
                        });
                        last_end = e;
                    }
                }
                if let Some((owner, after)) = country_owner {
                    if let Some(m) = by_start.get(&ctx.token(after).start) {
                        if let Some(e) = ctx.token_ending_at(m.end) {
                            jurisdiction = entity_ref(m);
                            last_end = e + 1;
                        }
                    } else {
                        jurisdiction = entity_ref(owner);
                        last_end = after - 1;
                    }
                }
            }
            // "Chancellor Angela Merkel of Germany": a national title's
            // country written after its holder's name.
            if jurisdiction.is_none() && last_end == t.end && t.scope == OfficeScope::National {
                let mut k = last_end;
                while k < ctx.len() && k < last_end + 4 && self.is_name_word(ctx, k) {
                    k += 1;
                }
                if k > last_end && k + 1 < ctx.len() && ctx.lower[k] == "of" {
                    if let Some(m) = by_start.get(&ctx.token(k + 1).start) {
                        let whole = ctx
                            .token_ending_at(m.end)
                            .is_some_and(|e| e + 1 >= ctx.len() || !ctx.is_cap_word(e + 1));
                        if m.kind == EntityKind::Country && m.rule == "country.name" && whole {
                            jurisdiction = entity_ref(m);
                        }
                    }
                }
            }
            // "Microsoft's chairman and chief executive": a body's title
            // joined by "and" to the title before it is of that body too.
            if jurisdiction.is_none()
                && !matches!(t.scope, OfficeScope::National | OfficeScope::Member)
                && last_end == t.end
                && first > 0
                && ctx.lower[first - 1] == "and"
            {
                let and_start = ctx.token(first - 1).start;
                if let Some(Detail::Office {
                    jurisdiction: Some(j),
                    ..
                }) = new
                    .last()
                    .filter(|m| ctx.text.get(m.end..and_start) == Some(" "))
                    .map(|m| &m.detail)
                {
                    if j.kind == EntityKind::Organization {
                        jurisdiction = Some(j.clone());
                    }
                }
            }
            let has_of = last_end > t.end;
            let keep = match t.scope {
                OfficeScope::NeedsOf => has_of || jurisdiction.is_some(),
                OfficeScope::Body | OfficeScope::National | OfficeScope::Member => true,
            };
            if keep {
                let mut title = rank.join(" ");
                if !title.is_empty() {
                    title.push(' ');
                }
                title.push_str(&t.canonical);
                let start = ctx.token(first).start;
                let end = ctx.token(last_end - 1).end;
                new.push(Mention {
                    start,
                    end,
                    kind: EntityKind::Office,
                    label: office_label(&title, jurisdiction.as_ref(), modifier.as_deref()),
                    rule: if has_of {
                        "office.title-of"
                    } else {
                        "office.title"
                    },
                    detail: Detail::Office {
                        title,
                        jurisdiction,
                        modifier,
                        national: t.scope == OfficeScope::National,
                    },
                });
                i = last_end;
            } else {
                i += 1;
            }
        }
        coordinated_posts(ctx, &mut new);
        counterparts(ctx, &by_end, &mut new);
        found.extend(new);
    }
}

/// "Qatar's Prime Minister and Foreign Minister": a national title joined
/// by "and" to one with its country is of that country too.
fn coordinated_posts(ctx: &Context, new: &mut [Mention]) {
    for k in 1..new.len() {
        let (before, rest) = new.split_at_mut(k);
        let (a, b) = (&before[k - 1], &mut rest[0]);
        if ctx.text.get(a.end..b.start) != Some(" and ") {
            continue;
        }
        let Detail::Office {
            jurisdiction: Some(j),
            national: true,
            ..
        } = &a.detail
        else {
            continue;
        };
        if let Detail::Office {
            title,
            jurisdiction: jurisdiction @ None,
            modifier,
            national: true,
        } = &mut b.detail
        {
            *jurisdiction = Some(j.clone());
            b.label = office_label(title, jurisdiction.as_ref(), modifier.as_deref());
        }
    }
}

/// "Armenia's foreign minister … and his Azerbaijani counterpart": the
/// same post, of the country written before "counterpart", when the
/// sentence names a national post with its country before it.
fn counterparts(ctx: &Context, by_end: &BTreeMap<usize, &Mention>, new: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for i in 1..ctx.len() {
        if !matches!(ctx.lower[i], "counterpart" | "counterparts") || !ctx.adjacent(i - 1) {
            continue;
        }
        // Only with the holder's name after it: "his Russian counterpart,
        // Sergei Lavrov"; "his Russian counterpart on Thursday" says too
        // little of the post.
        if i + 1 >= ctx.len() {
            continue;
        }
        let named = if ctx.tok(i + 1) == "," { i + 2 } else { i + 1 };
        if !ctx.is_cap_word(named) {
            continue;
        }
        let p = if matches!(ctx.tok(i - 1), "’s" | "'s") && i > 1 {
            i - 2
        } else {
            i - 1
        };
        let Some(country) = by_end
            .get(&ctx.token(p).end)
            .filter(|m| m.kind == EntityKind::Country)
        else {
            continue;
        };
        let Some(first) = ctx.token_starting_at(country.start) else {
            continue;
        };
        let floor = ctx
            .token(ctx.seg.sentences[ctx.sentence_of(i)].first_token)
            .start;
        // The sentence's last post before it, of another country.
        let post = new.iter().rev().find(|m| {
            m.start >= floor
                && m.end <= country.start
                && matches!(&m.detail, Detail::Office {
                    jurisdiction: Some(j), national: true, modifier: None, ..
                } if j.kind == EntityKind::Country && j.name != country.label)
        });
        let Some(Detail::Office { title, .. }) = post.map(|m| &m.detail) else {
            continue;
        };
        let jurisdiction = Some(EntityRef {
            kind: EntityKind::Country,
            name: country.label.clone(),
        });
        let (start, end) = (ctx.token(first).start, ctx.token(i).end);
        found.push(Mention {
            start,
            end,
            kind: EntityKind::Office,
            label: office_label(title, jurisdiction.as_ref(), None),
            rule: "office.counterpart",
            detail: Detail::Office {
                title: title.clone(),
                jurisdiction,
                modifier: None,
                national: true,
            },
        });
    }
    new.extend(found);
}

/// "President Emmanuel Macron of France", "Prime Minister Theresa May of
/// Britain,": a country written after the holder's name is the country of
/// the title before it. `mentions` are sorted by start; a title that has
/// its jurisdiction keeps it, and "May of Britain's party" is no such
/// country (a possessive makes it an owner).
pub fn country_after_holder(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len().saturating_sub(2) {
        let (office, person, country) = (&mentions[i], &mentions[i + 1], &mentions[i + 2]);
        let Detail::Office {
            title,
            jurisdiction: None,
            modifier,
            national: true,
        } = &office.detail
        else {
            continue;
        };
        let owner = text
            .get(country.end..)
            .is_some_and(|after| after.starts_with(['\'', '’', '-']));
        if person.kind != EntityKind::Person
            || country.kind != EntityKind::Country
            || !text
                .get(office.end..person.start)
                .is_some_and(|g| g.trim().is_empty())
            || !matches!(
                text.get(person.end..country.start),
                Some(" of " | " of the ")
            )
            || owner
        {
            continue;
        }
        let j = EntityRef {
            kind: EntityKind::Country,
            name: country.label.clone(),
        };
        let label = office_label(title, Some(&j), modifier.as_deref());
        let detail = Detail::Office {
            title: title.clone(),
            jurisdiction: Some(j),
            modifier: modifier.clone(),
            national: true,
        };
        mentions[i].label = label;
        mentions[i].detail = detail;
    }
}
