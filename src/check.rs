//! Invariants of what newsgraph writes, checked on any input: the fuzz
//! targets (`fuzz/`), the property tests and the regression inputs in
//! `tests/` all call these, so that a failure says which invariant broke.

use std::io::Cursor;
use std::ops::ControlFlow;

use oxrdf::NamedNode;
use oxrdfio::{RdfFormat, RdfParser};
use serde_json::Value;

use crate::export::{self, RdfKind};
use crate::ingest::{read_bytes, Document};
use crate::link::link;
use crate::read::Reader;
use crate::rules::{Rules, RulesError};

/// Reads one document, links it, exports it as JSON lines and as every RDF
/// format, and checks:
/// - every span (mention or evidence) lies inside the text, with
///   `start <= end`, counted in code points, and its `text` is exactly the
///   text's slice;
/// - every IRI written is a valid IRI;
/// - every RDF export parses again.
pub fn document_invariants(reader: &Reader, doc: &Document) -> Result<(), String> {
    let chars: Vec<char> = doc.text.chars().collect();
    let kg = link(vec![reader.read(doc)]);

    let mut jsonl = Vec::new();
    export::write_jsonl(&kg, &mut jsonl).map_err(|e| format!("JSON lines: {e}"))?;
    for line in jsonl.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let rec: Value =
            serde_json::from_slice(line).map_err(|e| format!("JSON lines do not parse: {e}"))?;
        for key in ["mentions", "evidence"] {
            for span in rec[key].as_array().into_iter().flatten() {
                check_span(span, &doc.id, &chars)?;
            }
        }
    }

    let quads = export::to_quads(&kg);
    for q in &quads {
        for iri in [
            match &q.subject {
                oxrdf::NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
                _ => None,
            },
            Some(q.predicate.as_str()),
            match &q.object {
                oxrdf::Term::NamedNode(n) => Some(n.as_str()),
                _ => None,
            },
            match &q.graph_name {
                oxrdf::GraphName::NamedNode(n) => Some(n.as_str()),
                _ => None,
            },
        ]
        .into_iter()
        .flatten()
        {
            NamedNode::new(iri).map_err(|e| format!("invalid IRI <{iri}>: {e}"))?;
        }
    }
    for (kind, format) in [
        (RdfKind::NQuads, RdfFormat::NQuads),
        (RdfKind::TriG, RdfFormat::TriG),
        (RdfKind::Turtle, RdfFormat::Turtle),
    ] {
        let bytes = export::write_rdf(&quads, kind, Vec::new())
            .map_err(|e| format!("{format} export: {e}"))?;
        for q in RdfParser::from_format(format).for_reader(Cursor::new(&bytes)) {
            q.map_err(|e| format!("{format} export does not parse again: {e}"))?;
        }
    }
    let mut dot = Vec::new();
    export::write_dot(&kg, &mut dot).map_err(|e| format!("DOT: {e}"))?;
    Ok(())
}

fn check_span(span: &Value, doc: &str, chars: &[char]) -> Result<(), String> {
    if span["doc"].as_str() != Some(doc) {
        return Err(format!("span of another document: {span}"));
    }
    let (Some(start), Some(end)) = (span["start"].as_u64(), span["end"].as_u64()) else {
        return Err(format!("span without offsets: {span}"));
    };
    let (start, end) = (start as usize, end as usize);
    if start > end || end > chars.len() {
        return Err(format!(
            "span {start}..{end} outside the text of {} code points",
            chars.len()
        ));
    }
    let slice: String = chars[start..end].iter().collect();
    if span["text"].as_str() != Some(slice.as_str()) {
        return Err(format!(
            "span text {} is not its slice {slice:?}",
            span["text"]
        ));
    }
    Ok(())
}

/// Reads bytes as a `.txt` file and as a JSON-lines file, and checks: no
/// document keeps a BOM or has an empty id; a `.txt` input gives one
/// document or one problem; a JSON-lines problem names a line of the input.
pub fn ingest_invariants(data: &[u8]) -> Result<(), String> {
    let lines = data.split(|b| *b == b'\n').count();
    for jsonl in [false, true] {
        let mut items = 0;
        let mut failure = None;
        let _ = read_bytes("input", "doc", jsonl, data.to_vec(), &mut |item| {
            items += 1;
            let bad = match &item {
                Ok(doc) if doc.text.starts_with('\u{feff}') => Some("a BOM kept".to_string()),
                Ok(doc) if doc.id.is_empty() => Some("an empty id".to_string()),
                Ok(_) => None,
                Err(p) if p.source != "input" => Some(format!("problem names {}", p.source)),
                Err(p) if jsonl && !p.line.is_some_and(|l| l >= 1 && l <= lines) => {
                    Some(format!("problem at line {:?} of {lines}", p.line))
                }
                Err(_) => None,
            };
            match bad {
                Some(b) => {
                    failure = Some(b);
                    ControlFlow::Break(())
                }
                None => ControlFlow::Continue(()),
            }
        });
        if let Some(f) = failure {
            return Err(f);
        }
        if !jsonl && items != 1 {
            return Err(format!("a .txt input gave {items} items"));
        }
    }
    Ok(())
}

/// Adds `text` to the built-in rules as the rule file `name`, and checks:
/// it loads, or fails with a syntax error naming that file and one of its
/// lines; rules that load compile into a reader, and reading a document
/// with them keeps [`document_invariants`].
pub fn rules_invariants(name: &str, text: &str) -> Result<(), String> {
    let mut rules = Rules::builtin().map_err(|e| format!("built-in rules: {e}"))?;
    match rules.add_text(name, text) {
        Ok(()) => {
            let Ok(reader) = Reader::new(rules) else {
                return Ok(());
            };
            let doc = Document {
                id: "d".into(),
                text: format!("{text}\nPresident Jane Doe signed the trade deal."),
                title: None,
                date: None,
                url: None,
            };
            document_invariants(&reader, &doc)
        }
        Err(RulesError::Syntax { file, line, .. }) => {
            if file.to_string_lossy() != name {
                return Err(format!("error names {} not {name}", file.display()));
            }
            if line < 1 || line > text.lines().count() {
                return Err(format!("error at line {line} of {}", text.lines().count()));
            }
            Ok(())
        }
        Err(e) => Err(format!("unexpected error: {e}")),
    }
}
