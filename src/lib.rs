#![doc = include_str!("../README.md")]

pub mod eval;
pub mod export;
pub mod ingest;
pub mod link;
pub mod read;
pub mod recognise;
pub mod rules;
pub mod segment;
pub mod store;
pub mod vocab;

pub use ingest::{read_inputs, Document, Ingested, InputProblem};
pub use link::{link, KnowledgeGraph};
pub use read::{DocFacts, Reader};
pub use rules::Rules;

/// Reads every document with one reader, in document order.
pub fn read_all(reader: &Reader, documents: &[Document]) -> Vec<DocFacts> {
    documents.iter().map(|d| reader.read(d)).collect()
}
