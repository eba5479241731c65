//! DOT for GraphViz: nodes styled by type, edges labelled by predicate,
//! in a stable order. Labels are escaped so that `dot` never fails.

use std::collections::BTreeSet;
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

/// The IRIs of the entities at most `depth` relations away from the one
/// named `name` (its label, an alias or its IRI, case-insensitively), or
/// `None` when no entity has that name.
pub fn neighbourhood(kg: &KnowledgeGraph, name: &str, depth: usize) -> Option<BTreeSet<String>> {
    let wanted = name.trim().to_lowercase();
    let start = kg.entities().find(|(_, e)| {
        e.iri.to_lowercase() == wanted
            || e.label.to_lowercase() == wanted
            || e.aliases.iter().any(|a| a.to_lowercase() == wanted)
    })?;
    let mut seen = BTreeSet::from([start.0]);
    let mut frontier = vec![start.0];
    for _ in 0..depth {
        let mut next = Vec::new();
        for n in frontier {
            for m in kg.graph.neighbors_undirected(n) {
                if seen.insert(m) {
                    next.push(m);
                }
            }
        }
        frontier = next;
    }
    Some(seen.into_iter().map(|n| kg.graph[n].iri.clone()).collect())
}

/// Writes the agreements and every entity with a relation. Entities
/// without any (a byline, a country named in passing) are left out, to keep
/// the picture readable.
pub fn write_dot<W: Write>(kg: &KnowledgeGraph, out: W) -> io::Result<()> {
    write_dot_of(kg, None, out)
}

/// Writes the graph as [`write_dot`] does, or, given `only`, just those
/// entities (see [`neighbourhood`]) and the relations between them.
pub fn write_dot_of<W: Write>(
    kg: &KnowledgeGraph,
    only: Option<&BTreeSet<String>>,
    mut out: W,
) -> io::Result<()> {
    let inside = |iri: &str| only.is_none_or(|set| set.contains(iri));
    let rels: Vec<_> = kg
        .relations()
        .into_iter()
        .filter(|(s, _, o)| inside(&s.iri) && inside(&o.iri))
        .collect();
    let mut related = BTreeSet::new();
    for (s, _, o) in &rels {
        related.insert(s.iri.as_str());
        related.insert(o.iri.as_str());
    }
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for (_, e) in kg.entities() {
        let keep = match (only, e.kind) {
            (Some(set), _) => set.contains(&e.iri),
            (None, EntityKind::Agreement) => true,
            (None, EntityKind::Date) => false,
            (None, _) => related.contains(e.iri.as_str()),
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
