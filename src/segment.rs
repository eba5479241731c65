//! Segment: tokens and sentences as spans into the text.
//!
//! Internally every span is a pair of **byte** offsets (what regex and
//! aho-corasick report); [`CharIndex`] turns them into the **code-point**
//! offsets that newsgraph writes, in `O(log n)` per offset.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

/// Maps byte offsets to code-point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// (byte offset just past a multi-byte char, extra bytes so far).
    steps: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut steps = Vec::new();
        let mut extra = 0;
        for (b, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                extra += len - 1;
                steps.push((b + len, extra));
            }
        }
        CharIndex { steps }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, byte: usize) -> usize {
        let i = self.steps.partition_point(|&(b, _)| b <= byte);
        let extra = if i == 0 { 0 } else { self.steps[i - 1].1 };
        byte - extra
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: a byte span and a few precomputed facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// First character is upper case.
    pub capitalised: bool,
    /// A line break lies between this token and the previous one.
    pub after_newline: bool,
}

/// A sentence: a byte span and the range of its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_token: usize,
    /// One past the last token.
    pub end_token: usize,
}

/// A segmented document.
#[derive(Debug, Clone)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

#[allow(clippy::expect_used)] // a constant pattern, checked by the tests
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:\p{Lu}\.){2,}                                   # U.S. U.K. D.C.
      | \p{N}+(?:[.,:]\p{N}+)*                             # 350 350,000 3.5
      | [\p{L}\p{N}\p{M}]+(?:[-'’][\p{L}\p{N}\p{M}]+)*     # words, al-Assad, O'Brien
      | \S                                                 # anything else, one char
    ",
    )
    .expect("token pattern")
});

/// Tokens followed by `.` that do not end a sentence by default.
pub static DEFAULT_ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt", "Rep", "Sen", "Gov",
        "St", "Jr", "Sr", "Rev", "Hon", "Mt", "No", "vs", "etc", "Inc", "Ltd", "Corp", "Co", "Jan",
        "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]
    .into_iter()
    .collect()
});

/// The participles a name joins with a hyphen ("US-brokered", "Saudi-led"):
/// who brokered, led or backed what follows, and the predicate each gives.
pub const JOINED_PARTICIPLES: &[(&str, &str)] = &[
    ("led", "negotiated"),
    ("mediated", "negotiated"),
    ("brokered", "negotiated"),
    ("backed", "endorsed"),
    ("endorsed", "endorsed"),
    ("supported", "endorsed"),
    ("sponsored", "proposed"),
    ("proposed", "proposed"),
    ("drafted", "drafted"),
];

/// The predicate of a participle a name joins with a hyphen ("brokered":
/// negotiated), if it is one.
pub fn joined_participle(part: &str) -> Option<&'static str> {
    JOINED_PARTICIPLES
        .iter()
        .find(|(p, _)| *p == part)
        .map(|(_, pred)| *pred)
}

/// `Turkey-EU`, `Fiat-GM`: a hyphen between two capitalised parts joins two
/// names, and each is a token (the hyphen too); `rare-earth` stays whole.
/// Calls `piece` with each part's byte span, in order.
fn split_names(text: &str, start: usize, end: usize, piece: &mut impl FnMut(usize, usize)) {
    let s = &text[start..end];
    let mut from = 0;
    if s.len() > 1 && s.as_bytes()[1..].contains(&b'-') {
        for (i, c) in s.char_indices() {
            if c != '-' || i == 0 {
                continue;
            }
            // "then-Defence Minister", "ex-President": a word of time
            // before a title is a word of its own.
            let before = s[from..i].chars().next().is_some_and(char::is_uppercase)
                || from == 0 && matches!(&s[..i], "then" | "ex");
            // "Union-brokered", "Saudi-led": a name and a participle
            // joined (the participle ends the word).
            let after = s[i + 1..].chars().next().is_some_and(char::is_uppercase)
                || joined_participle(&s[i + 1..]).is_some();
            if before && after {
                piece(start + from, start + i);
                piece(start + i, start + i + 1);
                from = i + 1;
            }
        }
    }
    piece(start + from, end);
}

/// The end of the [`TOKEN`] match at `start`, read byte by byte, for
/// the plain ASCII text that is most of any news article; `None` where a
/// non-ASCII character could change the match (a letter such as `é`, a
/// digit of another script, `’`), which [`TOKEN`] itself then reads. The
/// alternatives are tried in the pattern's order, each as greedily as
/// the pattern: `U.S.`, then numbers, then words, then one character.
fn ascii_token_end(b: &[u8], start: usize) -> Option<usize> {
    let at = |i: usize| b.get(i).copied();
    // Whether byte `i` is ASCII (or the end): a decision made there is
    // the pattern's own.
    let plain = |i: usize| at(i).is_none_or(|c| c.is_ascii());
    let first = at(start)?;
    if !first.is_ascii() {
        return None;
    }
    // (?:\p{Lu}\.){2,}
    if first.is_ascii_uppercase() {
        let mut i = start;
        let mut pairs = 0;
        while at(i).is_some_and(|c| c.is_ascii_uppercase()) && at(i + 1) == Some(b'.') {
            pairs += 1;
            i += 2;
        }
        if !plain(i) {
            return None;
        }
        if pairs >= 2 {
            return Some(i);
        }
    }
    // \p{N}+(?:[.,:]\p{N}+)*
    if first.is_ascii_digit() {
        let mut i = start;
        loop {
            while at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if !plain(i) {
                return None;
            }
            if matches!(at(i), Some(b'.' | b',' | b':')) {
                if !plain(i + 1) {
                    return None;
                }
                if at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
                    i += 1;
                    continue;
                }
            }
            return Some(i);
        }
    }
    // [\p{L}\p{N}\p{M}]+(?:[-'’][\p{L}\p{N}\p{M}]+)*
    if first.is_ascii_alphabetic() {
        let mut i = start;
        loop {
            while at(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                i += 1;
            }
            if !plain(i) {
                return None;
            }
            if matches!(at(i), Some(b'-' | b'\'')) {
                if !plain(i + 1) {
                    return None;
                }
                if at(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
                    i += 1;
                    continue;
                }
            }
            return Some(i);
        }
    }
    // \S
    Some(start + 1)
}

/// The byte spans that [`TOKEN`] matches, in order. Every character that
/// is not white space starts a match (`\S` is the last alternative), so
/// the next match starts at the next such character: it is found by one
/// anchored forward search from there, with no backward search for its
/// start, or by [`ascii_token_end`] in plain ASCII.
fn token_spans(text: &str, mut span: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        // White space: ASCII byte by byte (`char::is_whitespace` also
        // counts the vertical tab), anything else by `char`.
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == 0x0b) {
            at += 1;
        }
        if at >= bytes.len() {
            return;
        }
        if !bytes[at].is_ascii() {
            match text[at..].find(|c: char| !c.is_whitespace()) {
                Some(0) => {}
                Some(skip) => {
                    at += skip;
                    continue;
                }
                None => return,
            }
        }
        let start = at;
        let end = ascii_token_end(bytes, start).unwrap_or_else(|| regex_token_end(text, start));
        span(start, end);
        at = end;
    }
}

/// The end of the [`TOKEN`] match at `start` (a character that is not
/// white space), by one anchored forward search. At least the character
/// itself: `\S` matches any.
fn regex_token_end(text: &str, start: usize) -> usize {
    let input = Input::new(text).range(start..).anchored(Anchored::Yes);
    let len = text[start..].chars().next().map_or(1, char::len_utf8);
    TOKEN
        .find(input)
        .map_or(start + len, |m| m.end())
        .max(start + len)
}

/// The same spans as [`token_spans`], by [`TOKEN`] alone: the reference
/// that the fast path is tested against.
#[cfg(test)]
fn token_spans_by_regex(text: &str, mut span: impl FnMut(usize, usize)) {
    let mut at = 0;
    while let Some(skip) = text[at..].find(|c: char| !c.is_whitespace()) {
        let start = at + skip;
        let end = regex_token_end(text, start);
        span(start, end);
        at = end;
    }
}

/// Splits text into tokens. A trailing possessive `'s`/`’s` becomes a
/// token of its own so that `Ukraine’s` yields `Ukraine` and `’s`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut last_end = 0;
    token_spans(text, |start, end| {
        split_names(text, start, end, &mut |start, end| {
            push_token(text, &mut tokens, &mut last_end, start, end)
        })
    });
    tokens
}

/// Adds the token at `start..end` (and its possessive, split off).
fn push_token(text: &str, tokens: &mut Vec<Token>, last_end: &mut usize, start: usize, end: usize) {
    let after_newline = text.as_bytes()[*last_end..start]
        .iter()
        .any(|&b| b == b'\n' || b == b'\r');
    *last_end = end;
    let s = &text[start..end];
    let first = s.chars().next().unwrap_or(' ');
    let kind = if first.is_alphabetic() {
        TokenKind::Word
    } else if first.is_numeric() {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    let possessive = ["'s", "’s"]
        .iter()
        .find(|p| kind == TokenKind::Word && s.len() > p.len() + 1 && s.ends_with(*p));
    let word_end = possessive.map_or(end, |p| end - p.len());
    tokens.push(Token {
        start,
        end: word_end,
        kind,
        capitalised: first.is_uppercase(),
        after_newline,
    });
    if possessive.is_some() {
        tokens.push(Token {
            start: word_end,
            end,
            kind: TokenKind::Punct,
            capitalised: false,
            after_newline: false,
        });
    }
}

/// The most tokens a sentence may have; longer runs are cut.
pub const MAX_SENTENCE_TOKENS: usize = 200;

/// Splits tokens into sentences: at `.`, `!`, `?` and `…` followed by a
/// capitalised word, a quote or a number, and at every line break.
/// A `.` after a known abbreviation (`Mr.`, `Gen.`) does not end one, and
/// abbreviations written with their dots (`U.S.`) are single tokens.
pub fn sentences(text: &str, tokens: &[Token], abbreviations: &HashSet<String>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let push = |out: &mut Vec<Sentence>, first: usize, end: usize| {
        if end > first {
            out.push(Sentence {
                start: tokens[first].start,
                end: tokens[end - 1].end,
                first_token: first,
                end_token: end,
            });
        }
    };
    for i in 0..tokens.len() {
        if i >= first + MAX_SENTENCE_TOKENS {
            // A run-on "sentence" (a list, a page without punctuation) is
            // cut, at its last comma-like mark in the second half if any:
            // the work per sentence and its evidence stay bounded.
            let cut = (first + MAX_SENTENCE_TOKENS / 2..i)
                .rev()
                .find(|&k| matches!(&text[tokens[k].start..tokens[k].end], "," | ";" | ":"))
                .map_or(i, |k| k + 1);
            push(&mut out, first, cut);
            first = cut;
        }
        if i > first && tokens[i].after_newline {
            push(&mut out, first, i);
            first = i;
        }
        let t = &tokens[i];
        let s = &text[t.start..t.end];
        let is_end = matches!(s, "." | "!" | "?" | "…");
        if !is_end {
            continue;
        }
        if s == "." && i > 0 {
            let prev = &text[tokens[i - 1].start..tokens[i - 1].end];
            if tokens[i - 1].end == t.start
                && (abbreviations.contains(prev) || DEFAULT_ABBREVIATIONS.contains(prev))
            {
                continue;
            }
            // A single capital letter and a dot is an initial: `J. Smith`.
            if prev.chars().count() == 1 && prev.chars().all(char::is_uppercase) {
                continue;
            }
        }
        // Closing quotes and brackets stay with the sentence they close.
        let mut end = i + 1;
        while end < tokens.len()
            && !tokens[end].after_newline
            && matches!(
                &text[tokens[end].start..tokens[end].end],
                "\"" | "”" | "’" | "'" | ")" | "]"
            )
        {
            end += 1;
        }
        let next_starts = match tokens.get(end) {
            None => true,
            Some(n) => {
                n.after_newline
                    || n.capitalised
                    || n.kind == TokenKind::Number
                    || matches!(
                        &text[n.start..n.end],
                        "\"" | "“" | "‘" | "'" | "(" | "–" | "-"
                    )
            }
        };
        if next_starts {
            push(&mut out, first, end);
            first = end;
        }
    }
    push(&mut out, first, tokens.len());
    out
}

/// Tokens and sentences of a text.
pub fn segment(text: &str, abbreviations: &HashSet<String>) -> Segmented {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens, abbreviations);
    Segmented { tokens, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokens_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Ukraine’s economy", &["Ukraine", "’s", "economy"]),
            ("U.S.-Ukraine deal", &["U.S.", "-", "Ukraine", "deal"]),
            ("$350 billion", &["$", "350", "billion"]),
            ("al-Assad's O'Brien", &["al-Assad", "'s", "O'Brien"]),
            ("Secretary-General", &["Secretary", "-", "General"]),
            ("Turkey-EU rare-earth", &["Turkey", "-", "EU", "rare-earth"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&words(text), expected, "{text}");
        }
    }

    #[test]
    fn sentences_respect_abbreviations_and_newlines() {
        let text = "Mr. Smith met U.S. officials. They signed.\nA new line";
        let seg = segment(text, &HashSet::new());
        let got: Vec<_> = seg
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                "Mr. Smith met U.S. officials.",
                "They signed.",
                "A new line"
            ]
        );
    }

    #[test]
    fn run_on_sentences_are_cut() {
        let text = "word, ".repeat(1000);
        let seg = segment(&text, &HashSet::new());
        assert!(seg.sentences.len() >= 2000 / MAX_SENTENCE_TOKENS);
        for s in &seg.sentences {
            assert!(s.end_token - s.first_token <= MAX_SENTENCE_TOKENS);
            // Cut after a comma.
            assert!(text[..s.end].ends_with(','), "{:?}", &text[s.start..s.end]);
        }
        let covered: usize = seg
            .sentences
            .iter()
            .map(|s| s.end_token - s.first_token)
            .sum();
        assert_eq!(covered, seg.tokens.len());
    }

    #[test]
    fn the_ascii_fast_path_matches_the_token_pattern() {
        let spans = |text: &str, by_regex: bool| {
            let mut out = Vec::new();
            if by_regex {
                token_spans_by_regex(text, |s, e| out.push((s, e)));
            } else {
                token_spans(text, |s, e| out.push((s, e)));
            }
            out
        };
        let cases = [
            "U.S. U.K.-led talks, U.S officials; A.B.C.D. and A.b. E.É. É.U.",
            "350,000 3.5 1:2 10. 7,a 2025- 12’ 4,٣ 5x 6\u{0663} ½",
            "al-Assad's O'Brien’s rare-earth Zelenskyy’s café naïve -x x- 'a a' x'é x-é",
            "tab\tvt\u{0b}ff\u{0c}nbsp\u{a0}em\u{2003}line\r\nend £5 €3 — “quoted” …",
            "ÉU x\u{301}y A\u{301}.B. 𝐀.𝐁. ٣٤ Ⅻ",
        ];
        for text in cases {
            assert_eq!(spans(text, false), spans(text, true), "{text:?}");
        }
        // Every string of up to four characters over an alphabet of the
        // kinds of character the pattern tells apart.
        let alphabet = [
            'A', 'b', '1', '.', ',', ':', '-', '\'', '’', ' ', 'é', 'É', '٣', '\u{301}', '\u{a0}',
            '\n', '\u{0b}', '$',
        ];
        let n = alphabet.len();
        for len in 1..=4u32 {
            for code in 0..n.pow(len) {
                let mut c = code;
                let mut text = String::new();
                for _ in 0..len {
                    text.push(alphabet[c % n]);
                    c /= n;
                }
                assert_eq!(spans(&text, false), spans(&text, true), "{text:?}");
            }
        }
    }

    #[test]
    fn char_index_counts_code_points() {
        let text = "a’b€c😀d";
        let idx = CharIndex::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b), ci);
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }
}
