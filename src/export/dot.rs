//! DOT for GraphViz: nodes styled by type, edges labelled by predicate,
//! in a stable order. Labels are escaped so that `dot` never fails.

use std::io::{self, Write};

use crate::link::KnowledgeGraph;
use crate::recognise::EntityKind;

/// Escapes a string for a double-quoted DOT id.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn style(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "shape=ellipse, style=filled, fillcolor=\"#cfe2ff\"",
        EntityKind::Office => "shape=box, style=\"rounded,filled\", fillcolor=\"#fff3cd\"",
        EntityKind::Agreement => "shape=note, style=filled, fillcolor=\"#d1e7dd\"",
        EntityKind::Organization => "shape=box, style=filled, fillcolor=\"#e2e3e5\"",
        EntityKind::Country => "shape=box3d, style=filled, fillcolor=\"#f8d7da\"",
        EntityKind::Date => "shape=plaintext",
    }
}

/// Writes the agreements and every entity with a relation. Entities
/// without any (a byline, a country named in passing) are left out, to keep
/// the picture readable.
pub fn write_dot<W: Write>(kg: &KnowledgeGraph, mut out: W) -> io::Result<()> {
    let rels = kg.relations();
    let mut related = std::collections::BTreeSet::new();
    for (s, _, o) in &rels {
        related.insert(s.iri.as_str());
        related.insert(o.iri.as_str());
    }
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for (_, e) in kg.entities() {
        let keep = match e.kind {
            EntityKind::Agreement => true,
            EntityKind::Date => false,
            _ => related.contains(e.iri.as_str()),
        };
        if keep {
            writeln!(
                out,
                "  \"{}\" [label=\"{}\", {}];",
                escape(&e.iri),
                escape(&e.label),
                style(e.kind)
            )?;
        }
    }
    for (s, r, o) in rels {
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            escape(&s.iri),
            escape(&o.iri),
            escape(&r.predicate)
        )?;
    }
    writeln!(out, "}}")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        assert_eq!(escape("a \"b\" \\ c\nd\u{7}"), "a \\\"b\\\" \\\\ c d");
    }
}
