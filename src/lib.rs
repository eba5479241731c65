#![doc = include_str!("../README.md")]

pub mod check;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod link;
pub mod read;
pub mod recognise;
pub mod rules;
pub mod segment;
#[cfg(feature = "store")]
pub mod serve;
#[cfg(feature = "store")]
pub mod store;
pub mod vocab;

use std::collections::HashSet;
use std::ops::ControlFlow;

use rayon::prelude::*;

pub use ingest::{read_inputs, Document, Ingested, InputProblem, Plan};
pub use link::{link, KnowledgeGraph};
pub use read::{DocFacts, Reader};
pub use rules::Rules;

/// Reads every document with one reader, in parallel, keeping the
/// documents' order.
pub fn read_all(reader: &Reader, documents: &[Document]) -> Vec<DocFacts> {
    documents.par_iter().map(|d| reader.read(d)).collect()
}

/// Reads a document; a bug that panics on it costs that document only,
/// reported as a problem, never the run.
fn read_guarded(reader: &Reader, doc: &Document) -> Result<DocFacts, InputProblem> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| reader.read(doc))).map_err(|_| {
        InputProblem {
            source: doc.id.clone(),
            line: None,
            message: "internal error while reading this document (a bug in newsgraph: \
                      please report it with the document)"
                .into(),
        }
    })
}

/// What [`read_stream`] tells its caller as it goes.
pub enum Progress<'a> {
    /// An input was skipped.
    Problem(&'a InputProblem),
    /// A batch was read: totals so far.
    Read { documents: usize, bytes: u64 },
}

/// What [`read_stream`] read.
#[derive(Debug, Default)]
pub struct StreamRead {
    /// Each document's facts, sorted by document id.
    pub facts: Vec<DocFacts>,
    /// Inputs skipped (in `strict` mode, at most the one that stopped it).
    pub problems: Vec<InputProblem>,
    /// Bytes of text read.
    pub bytes: u64,
}

/// Streams the planned inputs through `reader` in batches of about
/// `batch_bytes` of text, each batch read in parallel on the current rayon
/// pool: only one batch of text is held at a time, whatever the corpus
/// size. A document whose id was already read is skipped as a problem (the
/// first is kept). With `strict`, the first problem stops the reading.
pub fn read_stream(
    reader: &Reader,
    plan: &Plan,
    batch_bytes: usize,
    strict: bool,
    progress: &mut dyn FnMut(Progress),
) -> StreamRead {
    let mut out = StreamRead::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut batch: Vec<Document> = Vec::new();
    let mut batch_size = 0usize;
    let flush =
        |batch: &mut Vec<Document>, out: &mut StreamRead, progress: &mut dyn FnMut(Progress)| {
            let facts: Vec<Result<DocFacts, InputProblem>> =
                batch.par_iter().map(|d| read_guarded(reader, d)).collect();
            for f in facts {
                match f {
                    // Copied now that the batch's scratch memory is free, so
                    // that the facts kept for the whole run are packed
                    // together rather than strewn among freed scratch blocks.
                    Ok(f) => out.facts.push(f.clone()),
                    Err(problem) => {
                        progress(Progress::Problem(&problem));
                        out.problems.push(problem);
                    }
                }
            }
            batch.clear();
            progress(Progress::Read {
                documents: out.facts.len(),
                bytes: out.bytes,
            });
        };
    plan.for_each(&mut |item| {
        let problem = match item {
            Ok(doc) if seen.contains(&doc.id) => ingest::duplicate(&doc.id),
            Ok(doc) => {
                seen.insert(doc.id.clone());
                out.bytes += doc.text.len() as u64;
                batch_size += doc.text.len();
                batch.push(doc);
                if batch_size >= batch_bytes {
                    flush(&mut batch, &mut out, progress);
                    batch_size = 0;
                }
                return ControlFlow::Continue(());
            }
            Err(problem) => problem,
        };
        progress(Progress::Problem(&problem));
        out.problems.push(problem);
        if strict {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if !batch.is_empty() {
        flush(&mut batch, &mut out, progress);
    }
    out.facts.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    out
}
