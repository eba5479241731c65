//! Property tests: segmentation and offsets hold on any text, and the
//! invariants of `newsgraph::check` hold on news-like and arbitrary text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::sync::LazyLock;

use newsgraph::segment::{segment, CharIndex, MAX_SENTENCE_TOKENS};
use newsgraph::{Document, Reader, Rules};
use proptest::prelude::*;

static READER: LazyLock<Reader> = LazyLock::new(|| Reader::new(Rules::builtin().unwrap()).unwrap());

/// Text made of news words, names, punctuation, line ends and any
/// characters at all.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "President", "Prime", "Minister", "Anna", "Lind", "de", "la", "van",
            "al-Assad", "O'Brien", "Ukraine", "Estonia", "U.S.", "EU", "Kyiv",
            "the", "deal", "treaty", "Treaty", "of", "Accord", "agreement",
            "signed", "rejected", "negotiated", "proposed", "he", "she", "said",
            "and", "on", "Monday", "30", "April", "2025", "minerals", "trade",
            "Foreign", "Secretary", "’s", "'s", "Mr.", "Dr", "Zelenskyy",
        ])
        .prop_map(str::to_string),
        2 => prop::sample::select(vec![
            " ", " ", ", ", ". ", "! ", "? ", "… ", "\n", "\r\n", "\r", "\n\n",
            "“", "”", "\"", "(", ")", " – ", "-", "\u{feff}", "\0", "\t",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{1,4}",
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

fn check_segmentation(text: &str) {
    let seg = segment(text, &HashSet::new());
    let mut last_end = 0;
    for t in &seg.tokens {
        assert!(t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.start >= last_end, "tokens overlap or go back");
        last_end = t.end;
    }
    let mut next = 0;
    for s in &seg.sentences {
        assert_eq!(s.first_token, next, "sentences skip or repeat tokens");
        assert!(s.first_token < s.end_token);
        assert!(s.end_token - s.first_token <= MAX_SENTENCE_TOKENS);
        assert_eq!(s.start, seg.tokens[s.first_token].start);
        assert_eq!(s.end, seg.tokens[s.end_token - 1].end);
        next = s.end_token;
    }
    assert_eq!(next, seg.tokens.len(), "sentences leave tokens out");
    let index = CharIndex::new(text);
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        assert_eq!(index.char_of(byte), chars);
    }
    assert_eq!(index.char_of(text.len()), text.chars().count());
}

fn check_document(text: String) {
    let doc = Document {
        id: "p/1".into(),
        text,
        title: None,
        date: None,
        url: None,
    };
    if let Err(e) = newsgraph::check::document_invariants(&READER, &doc) {
        panic!("{e} in {:?}", doc.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn segmentation_covers_tokens_in_order_on_char_boundaries(text in newsy()) {
        check_segmentation(&text);
    }

    #[test]
    fn segmentation_holds_on_any_string(text in any::<String>()) {
        check_segmentation(&text);
    }

    #[test]
    fn spans_slice_their_text_and_iris_are_valid(text in newsy()) {
        check_document(text);
    }

    #[test]
    fn any_string_reads_without_breaking_an_invariant(text in any::<String>()) {
        check_document(text);
    }
}
