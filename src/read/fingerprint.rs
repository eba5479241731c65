//! Fingerprints of a document's text, for finding copies of one story when
//! linking: syndicated copies, updated versions, rewrites.
//!
//! A fingerprint holds the word-trigram hashes of the document's lead (its
//! first three sentences of at least twelve words) and a bottom-k sketch of
//! the trigram hashes of the whole text. Two documents are one story when
//! one of their lead sentences shares at least half its trigrams with one of
//! the other's ([`LEAD_MIN`]) and the estimated share of the shorter text's
//! trigrams found in the longer is at least [`TEXT_MIN`]. On the 2,225 BBC
//! articles this pairs the identical copies the corpus holds and a dozen
//! follow-ups that retell the same story; on the seeds, the two reports of
//! the New York Times story (001 and 002).

use serde::{Deserialize, Serialize};

/// How many trigram hashes the sketch of the whole text keeps.
pub const SKETCH: usize = 128;
/// The share of a lead sentence's trigrams another lead must hold.
pub const LEAD_MIN: f64 = 0.5;
/// The share of the shorter text's trigrams the longer must hold.
pub const TEXT_MIN: f64 = 0.3;
/// Sentences shorter than this (in words) are not lead sentences: titles,
/// datelines, bylines.
const LEAD_WORDS: usize = 12;
/// How many lead sentences are kept.
const LEAD_SENTENCES: usize = 3;

/// The fingerprint of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Trigram hashes of each lead sentence, sorted, without repeats.
    pub lead: Vec<Vec<u32>>,
    /// The smallest [`SKETCH`] trigram hashes of the whole text, sorted.
    pub sketch: Vec<u32>,
    /// How many distinct trigrams the whole text has.
    pub trigrams: usize,
}

const FNV_OFFSET: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

/// One hash for three word hashes, in order.
fn trigram(w: &[u64]) -> u32 {
    let h = (w[0].rotate_left(42) ^ w[1].rotate_left(21) ^ w[2]).wrapping_mul(FNV_PRIME);
    (h ^ (h >> 32)) as u32
}

fn trigrams(words: &[u64]) -> impl Iterator<Item = u32> + '_ {
    words.windows(3).map(trigram)
}

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        let mut all: Vec<u32> = Vec::new();
        let mut lead: Vec<Vec<u32>> = Vec::new();
        // Words as FNV-1a hashes of their lower-case letters: no string is
        // made per word.
        let mut words: Vec<u64> = Vec::new();
        let mut sentence_start = 0;
        let mut word: Option<u64> = None;
        for c in text.chars().chain(['\n']) {
            // ASCII, most of the text: its lower case is one byte.
            if c.is_ascii_alphanumeric() {
                let h = word.unwrap_or(FNV_OFFSET);
                word = Some((h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME));
                continue;
            }
            if !c.is_ascii() && c.is_alphanumeric() {
                let mut h = word.unwrap_or(FNV_OFFSET);
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for b in l.encode_utf8(&mut buf).bytes() {
                        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                    }
                }
                word = Some(h);
                continue;
            }
            if let Some(h) = word.take() {
                words.push(h);
            }
            if matches!(c, '.' | '!' | '?' | '\n') {
                let sentence = &words[sentence_start..];
                if lead.len() < LEAD_SENTENCES && sentence.len() >= LEAD_WORDS {
                    let mut h: Vec<u32> = trigrams(sentence).collect();
                    h.sort_unstable();
                    h.dedup();
                    lead.push(h);
                }
                sentence_start = words.len();
            }
        }
        all.extend(trigrams(&words));
        all.sort_unstable();
        all.dedup();
        let trigrams = all.len();
        all.truncate(SKETCH);
        Fingerprint {
            lead,
            sketch: all,
            trigrams,
        }
    }

    /// The largest share of one lead sentence's trigrams that a lead
    /// sentence of the other holds.
    pub fn lead_similarity(&self, other: &Fingerprint) -> f64 {
        let mut best: f64 = 0.0;
        for a in &self.lead {
            for b in &other.lead {
                let smaller = a.len().min(b.len());
                if smaller == 0 {
                    continue;
                }
                best = best.max(shared(a, b) as f64 / smaller as f64);
            }
        }
        best
    }

    /// The estimated share of the shorter text's trigrams that the longer
    /// holds, from the two sketches (exact when both texts have at most
    /// [`SKETCH`] trigrams).
    pub fn text_containment(&self, other: &Fingerprint) -> f64 {
        let smaller = self.trigrams.min(other.trigrams);
        if smaller == 0 {
            return 0.0;
        }
        // The bottom-k of the union, and how many of it both hold.
        let mut union: Vec<u32> = self.sketch.iter().chain(&other.sketch).copied().collect();
        union.sort_unstable();
        union.dedup();
        union.truncate(SKETCH);
        let both = union
            .iter()
            .filter(|h| {
                self.sketch.binary_search(h).is_ok() && other.sketch.binary_search(h).is_ok()
            })
            .count();
        let jaccard = both as f64 / union.len().max(1) as f64;
        let union_size = (self.trigrams + other.trigrams) as f64 / (1.0 + jaccard);
        (jaccard * union_size / smaller as f64).min(1.0)
    }

    /// Whether the two are one story.
    pub fn same_story(&self, other: &Fingerprint) -> bool {
        self.lead_similarity(other) >= LEAD_MIN && self.text_containment(other) >= TEXT_MIN
    }
}

/// How many values two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Talks\nThe United States has declined Ukraine's request for security guarantees as part of a recently signed minerals agreement, a newspaper reported on Wednesday.\nThe nine-page agreement was signed after months of talks between the two governments in Washington.\nOfficials said the fund would be run jointly by both sides for ten years.";

    #[test]
    fn a_copy_and_a_rewrite_are_one_story_and_another_story_is_not() {
        let a = Fingerprint::of(STORY);
        assert_eq!(a.lead.len(), 3);
        let copy = Fingerprint::of(&format!("Outlet\n{STORY}\nRead more"));
        assert!(a.same_story(&copy));
        let rewrite = Fingerprint::of(
            "The United States has rejected Ukraine's request for security guarantees as part of a newly signed minerals agreement, the newspaper reported on Wednesday.\nThe nine-page deal was signed after months of negotiations between the two governments in Washington.\nThe fund will be run jointly by both sides.",
        );
        assert!(
            a.same_story(&rewrite),
            "lead {} text {}",
            a.lead_similarity(&rewrite),
            a.text_containment(&rewrite)
        );
        let other = Fingerprint::of(
            "The European Union and Japan have agreed a free trade deal after four years of talks in Brussels, officials said on Friday.\nThe pact removes tariffs on cars and cheese and will be signed by ministers next month.",
        );
        assert!(!a.same_story(&other));
        assert_eq!(Fingerprint::of("").text_containment(&a), 0.0);
    }
}
