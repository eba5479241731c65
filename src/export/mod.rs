//! Export: the linked graph as RDF (into the oxigraph store or as
//! N-Quads, Turtle, TriG, JSON-LD), as GraphViz DOT and as JSON lines.

pub mod dot;
pub mod jsonl;
pub mod rdf;

pub use dot::write_dot;
pub use jsonl::write_jsonl;
pub use rdf::{for_each_quad, to_quads, write_rdf, RdfKind};
#[cfg(feature = "store")]
pub mod results;
#[cfg(feature = "store")]
pub use results::{write_answer, ResultsKind};
