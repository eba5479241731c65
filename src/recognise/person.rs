//! People: capitalised names after a title or honorific (`President
//! Volodymyr Zelensky`, `Mr. Smith`), names that start with a known given
//! name (`Scott Bessent`), names in apposition with an office (`Denys
//! Shmyhal, Ukraine's prime minister`), names before a verb of saying, and
//! later mentions of a known person's surname (`Bessent`, `Zelenskyy's`).

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashSet;

use super::{fold, squash_spaces, Context, Detail, EntityKind, Mention, Recogniser};
use crate::rules::Rules;
use crate::segment::TokenKind;

pub struct PersonRecogniser {
    given_names: FxHashSet<String>,
    honorifics: FxHashSet<String>,
    not_names: FxHashSet<String>,
    speech_verbs: FxHashSet<String>,
    person_roles: FxHashSet<String>,
}

/// Lower-case words that may stand inside a name (`Ursula von der Leyen`).
pub(crate) const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el",
    "abu", "ben", "dos", "das", "del", "ter", "zu",
];

/// Months that are also surnames.
const MONTH_SURNAMES: &[&str] = &["May", "June", "April", "August"];

/// A regnal number: `II` to `XIX` (`I` alone is the pronoun).
fn is_regnal(w: &str) -> bool {
    matches!(
        w,
        "II" | "III"
            | "IV"
            | "V"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "X"
            | "XI"
            | "XII"
            | "XIII"
            | "XIV"
            | "XV"
            | "XVI"
            | "XVII"
            | "XVIII"
            | "XIX"
    )
}

/// A key for a surname that survives transliteration variants:
/// `Zelensky`, `Zelenskyy` and `Zelenskiy` give the same key.
pub fn surname_key(s: &str) -> String {
    let mut k = fold(s);
    for (from, to) in [
        ("yy", "y"),
        ("iy", "y"),
        ("ij", "y"),
        ("yi", "y"),
        ("ii", "i"),
    ] {
        if k.ends_with(from) {
            k.truncate(k.len() - from.len());
            k.push_str(to);
            break;
        }
    }
    k
}

impl PersonRecogniser {
    pub fn new(rules: &Rules) -> Self {
        PersonRecogniser {
            given_names: rules.given_names.iter().cloned().collect(),
            honorifics: rules.honorifics.iter().cloned().collect(),
            not_names: rules.not_names.iter().cloned().collect(),
            speech_verbs: rules.speech_verbs.iter().cloned().collect(),
            person_roles: rules.person_roles.iter().cloned().collect(),
        }
    }

    fn is_name_word(&self, ctx: &Context, i: usize) -> bool {
        // "al-Jibouri", "bin-Salman": a particle joined to a capitalised name.
        if i < ctx.len() && !ctx.token(i).capitalised {
            let w = ctx.tok(i);
            // Most lower-case words hold no hyphen: a byte scan tells.
            return w.as_bytes().contains(&b'-')
                && w.split_once('-').is_some_and(|(p, rest)| {
                    PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
                });
        }
        if !ctx.is_cap_word(i) {
            return false;
        }
        let w = ctx.tok(i);
        // Acronyms (NATO, NYT) are not names; single letters are initials.
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        let acronym = letters > 1 && upper == letters;
        !acronym && !self.not_names.contains(w) && !self.honorifics.contains(w)
    }

    /// Tokens `[i, end)` of a name starting at `i`, at most four words.
    fn name_at(&self, ctx: &Context, i: usize, blocked: &dyn Fn(usize) -> bool) -> Option<usize> {
        if !self.is_name_word(ctx, i) || blocked(i) {
            return None;
        }
        let mut end = i + 1;
        let mut words = 1;
        while words < 4 && end < ctx.len() && ctx.adjacent(end - 1) {
            let w = ctx.lower[end];
            // "J. Smith": an initial and its dot.
            if ctx.tok(end) == "." && ctx.tok(end - 1).chars().count() == 1 {
                end += 1;
                continue;
            }
            // "Jean-Claude Juncker": a hyphen between capitalised parts.
            if w == "-"
                && self.is_name_word(ctx, end + 1)
                && !blocked(end + 1)
                && ctx.adjacent(end)
                && ctx.token(end).start == ctx.token(end - 1).end
                && ctx.token(end + 1).start == ctx.token(end).end
            {
                end += 2;
                continue;
            }
            // "Ursula von der Leyen", "Luiz Inácio Lula da Silva": one or
            // two particles before a capitalised part.
            let particles = if PARTICLES.contains(&w) {
                if end + 1 < ctx.len()
                    && PARTICLES.contains(&ctx.lower[end + 1])
                    && ctx.adjacent(end)
                {
                    2
                } else {
                    1
                }
            } else {
                0
            };
            if particles > 0
                && (end..end + particles).all(|k| ctx.adjacent(k))
                && self.is_name_word(ctx, end + particles)
                && !blocked(end + particles)
            {
                end += particles + 1;
                words += 1;
                continue;
            }
            if self.is_name_word(ctx, end) && !blocked(end) {
                end += 1;
                words += 1;
                continue;
            }
            // "Mohammed VI", "Charles III": a regnal number ends the name.
            if is_regnal(ctx.tok(end)) && !blocked(end) {
                end += 1;
                break;
            }
            // "Theresa May", "Brian May": a month after a known given name
            // is a surname, unless a day's number follows ("June 5").
            if end == i + 1
                && self.given_names.contains(ctx.tok(i))
                && self.month_surname(ctx, end)
                && !blocked(end)
            {
                end += 1;
                words += 1;
                continue;
            }
            break;
        }
        // Drop a trailing initial's dot that ends a sentence.
        Some(end)
    }

    /// A month's name at `k` that no date reads ("May told", not "in May",
    /// "May 5" or "early May").
    fn month_surname(&self, ctx: &Context, k: usize) -> bool {
        const BEFORE_DATE: &[&str] = &[
            "in", "since", "until", "till", "from", "of", "early", "late", "mid", "last", "next",
            "this", "through", "before", "after", "during", "to", "-",
        ];
        MONTH_SURNAMES.contains(&ctx.tok(k))
            && ctx
                .seg
                .tokens
                .get(k + 1)
                .is_none_or(|t| t.kind != TokenKind::Number)
            && (k == 0 || !BEFORE_DATE.contains(&ctx.lower[k - 1]))
    }

    fn person(ctx: &Context, first: usize, end: usize, rule: &'static str) -> Mention {
        let start = ctx.token(first).start;
        let stop = ctx.token(end - 1).end;
        // "Hossein Amir-Abdollahian": parts joined by a hyphen are one word.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut i = first;
        while i < end {
            let t = ctx.token(i);
            let joined = i > first
                && ctx.tok(i) == "-"
                && i + 1 < end
                && t.start == ctx.token(i - 1).end
                && ctx.token(i + 1).start == t.end;
            match spans.last_mut() {
                Some(last) if joined => {
                    last.1 = ctx.token(i + 1).end;
                    i += 2;
                    continue;
                }
                _ if ctx.tok(i) != "." => spans.push((t.start, t.end)),
                _ => {}
            }
            i += 1;
        }
        let words: Vec<&str> = spans.iter().map(|&(a, b)| &ctx.text[a..b]).collect();
        // "Mohammed VI": the name and its number go together, as a surname.
        let (words, surname) = match words[..] {
            [.., name, number] if is_regnal(number) => {
                (&words[..words.len() - 2], format!("{name} {number}"))
            }
            _ => (
                &words[..words.len().saturating_sub(1)],
                words.last().copied().unwrap_or_default().to_string(),
            ),
        };
        // "Mr De Vido": a particle that starts a name is no given name (but
        // "Ben", "Al" and "Abu" often are: "Ben Wallace", "Al Gore").
        let particle = |w: &str| {
            PARTICLES
                .iter()
                .filter(|p| !matches!(**p, "ben" | "al" | "abu"))
                .any(|p| w.eq_ignore_ascii_case(p))
        };
        let given = words
            .first()
            .filter(|w| w.chars().count() > 1 && !particle(w))
            .map(|w| w.to_string());
        Mention {
            start,
            end: stop,
            kind: EntityKind::Person,
            label: squash_spaces(&ctx.text[start..stop]),
            rule,
            detail: Detail::Person { given, surname },
        }
    }
}

impl Recogniser for PersonRecogniser {
    fn name(&self) -> &'static str {
        "person"
    }

    fn recognise(&self, ctx: &Context, found: &mut Vec<Mention>) {
        // Tokens inside a listed country, organisation or office are not names.
        let mut in_gazetteer = vec![false; ctx.len()];
        let mut office_end: FxHashSet<usize> = FxHashSet::default();
        let mut office_start: FxHashSet<usize> = FxHashSet::default();
        // Where a country's or body's name ends.
        let mut body_end: FxHashSet<usize> = FxHashSet::default();
        for m in found.iter() {
            match m.kind {
                EntityKind::Country | EntityKind::Organization => {
                    if let (Some(a), Some(b)) =
                        (ctx.token_starting_at(m.start), ctx.token_ending_at(m.end))
                    {
                        body_end.insert(b);
                        for flag in &mut in_gazetteer[a..=b] {
                            *flag = true;
                        }
                    }
                }
                EntityKind::Office => {
                    if let (Some(a), Some(b)) =
                        (ctx.token_starting_at(m.start), ctx.token_ending_at(m.end))
                    {
                        office_start.insert(a);
                        office_end.insert(b);
                        for flag in &mut in_gazetteer[a..=b] {
                            *flag = true;
                        }
                    }
                }
                _ => {}
            }
        }
        let blocked = |i: usize| in_gazetteer.get(i).copied().unwrap_or(true);
        // Whether a title or an honorific ends right before the name at
        // `i`. "chief executive of Sony Computer Entertainment": after a
        // title that ends in a body's name, capitalised words with no given
        // name go on with the body's name.
        let after_title = |i: usize| {
            i.checked_sub(1).is_some_and(|p| {
                ctx.adjacent(p)
                    && (office_end.contains(&p)
                        && (!body_end.contains(&p) || self.given_names.contains(ctx.tok(i)))
                        || self.honorifics.contains(ctx.tok(p))
                        || ctx.tok(p) == "." && p > 0 && self.honorifics.contains(ctx.tok(p - 1)))
            })
        };
        let mut new: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < ctx.len() {
            // "Vice President JD Vance": two capitals after a title or an
            // honorific, a name after them, are initials.
            let initials = i + 1 < ctx.len()
                && !blocked(i)
                && ctx.tok(i).len() == 2
                && ctx.tok(i).bytes().all(|b| b.is_ascii_uppercase())
                && ctx.adjacent(i)
                // Not "Vice President AI Summit Speech", a headline.
                && !ctx.in_title_case(i)
                && after_title(i);
            let named = if initials {
                self.name_at(ctx, i + 1, &blocked)
                    .filter(|&e| e - (i + 1) <= 2)
            } else {
                None
            };
            if let Some(end) = named {
                new.push(Self::person(ctx, i, end, "person.title"));
                i = end;
                continue;
            }
            let Some(end) = self.name_at(ctx, i, &blocked) else {
                i += 1;
                continue;
            };
            let words = (i..end)
                .filter(|&k| ctx.token(k).kind == TokenKind::Word)
                .count();
            let after_title = after_title(i);
            let given = self.given_names.contains(ctx.tok(i)) && words >= 2;
            let apposition = words >= 2
                && end + 1 < ctx.len()
                && ctx.tok(end) == ","
                && (office_start.contains(&(end + 1))
                    || (end + 2 < ctx.len()
                        && matches!(ctx.lower[end + 1], "the" | "a")
                        && office_start.contains(&(end + 2)))
                    || (end + 2 < ctx.len()
                        && matches!(ctx.tok(end + 2), "’s" | "'s")
                        && office_start.contains(&(end + 1))));
            // "the chief executive of Standard Chartered, Mervyn Davies,"
            let after_office_comma =
                words >= 2 && i >= 2 && ctx.tok(i - 1) == "," && office_end.contains(&(i - 2));
            // "the U.S. special representative for Afghanistan
            // reconciliation, Zalmay Khalilzad,": a role noun a few words
            // before the comma, the name closed by a comma or "and".
            let after_role_comma = (2..=3).contains(&words)
                && i >= 3
                && ctx.tok(i - 1) == ","
                && (end >= ctx.len() || matches!(ctx.tok(end), "," | "and"))
                && {
                    let floor = ctx.seg.sentences[ctx.sentence_of(i)].first_token;
                    (i.saturating_sub(8).max(floor)..i - 1)
                        .rev()
                        .take_while(|&k| ctx.token(k).kind == TokenKind::Word)
                        .any(|k| {
                            self.person_roles.contains(ctx.lower[k])
                                && (k.saturating_sub(4).max(floor)..k)
                                    .any(|j| matches!(ctx.lower[j], "the" | "a" | "’s" | "'s"))
                        })
                };
            let apposition = apposition || after_office_comma || after_role_comma;
            let before_speech =
                words >= 2 && end < ctx.len() && self.speech_verbs.contains(ctx.lower[end]);
            let rule = if after_title {
                Some("person.title")
            } else if given {
                Some("person.given-name")
            } else if apposition {
                Some("person.apposition")
            } else if before_speech {
                Some("person.speech")
            } else {
                None
            };
            match rule {
                Some(rule) => {
                    // A title word that starts a name ("President Trump") is not part of it.
                    new.push(Self::person(ctx, i, end, rule));
                    i = end;
                }
                None => i += 1,
            }
        }
        // Later mentions by surname alone.
        let surnames: BTreeSet<String> = new
            .iter()
            .filter_map(|m| match &m.detail {
                Detail::Person { surname, .. } => Some(surname_key(surname)),
                _ => None,
            })
            .collect();
        // "Abiy", "Getachew": some articles go on by the given name; only
        // one that a single person in the document has.
        let mut given_once: BTreeMap<String, usize> = BTreeMap::new();
        let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
        for m in &new {
            if let Detail::Person {
                given: Some(g),
                surname,
            } = &m.detail
            {
                if seen.insert((g.clone(), surname_key(surname))) {
                    *given_once.entry(g.clone()).or_default() += 1;
                }
            }
        }
        let mut covered = vec![false; ctx.len()];
        for m in &new {
            let a = ctx.seg.tokens.partition_point(|t| t.end <= m.start);
            let b = ctx.seg.tokens.partition_point(|t| t.start < m.end);
            for c in covered.iter_mut().take(b).skip(a) {
                *c = true;
            }
        }
        for (k, &done) in covered.iter().enumerate() {
            if done || blocked(k) {
                continue;
            }
            if !self.is_name_word(ctx, k) {
                // "May told MPs", "May's deal": a month that is a known
                // person's surname, where no date reads it.
                if self.month_surname(ctx, k) && surnames.contains(&surname_key(ctx.tok(k))) {
                    new.push(Self::person(ctx, k, k + 1, "person.surname"));
                }
                continue;
            }
            // Not the first word of a longer capitalised name.
            if self.is_name_word(ctx, k + 1) && ctx.adjacent(k) {
                continue;
            }
            if surnames.contains(&surname_key(ctx.tok(k))) {
                new.push(Self::person(ctx, k, k + 1, "person.surname"));
            } else if given_once.get(ctx.tok(k)) == Some(&1) {
                new.push(Self::person(ctx, k, k + 1, "person.given-alone"));
            }
        }
        found.extend(new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(surname_key("Zelenskyy"), surname_key("Zelensky"));
        assert_eq!(surname_key("Zelenskiy"), surname_key("Zelensky"));
        assert_ne!(surname_key("Zelensky"), surname_key("Zelenska"));
    }
}
