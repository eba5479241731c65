//! RDF: the graph as quads, aligned with schema.org, W3C ORG, PROV-O and
//! NIF (see `ontology/newsgraph.ttl`).
//!
//! - `{ID}graph/facts` holds the linked facts: entities with their types,
//!   labels and alternate names, the relations as direct triples, and one
//!   `ng:Assertion` node per relation with its source count and
//!   `prov:wasDerivedFrom` links to its evidence.
//! - `{ID}doc/<id>` (one named graph per document) holds the document's
//!   metadata, its mentions (`ng:Mention` with NIF offsets in code points)
//!   and the evidence spans of the facts read from it.

use std::collections::HashSet;
use std::io::{self, Write};

use oxrdf::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxrdfio::{JsonLdProfileSet, RdfFormat, RdfSerializer};

use crate::link::{stable_hash, DocSpan, KnowledgeGraph};
use crate::recognise::Detail;
use crate::vocab::{
    self, ng, ID, NIF, ORG, PROV, RDFS_LABEL, RDF_TYPE, SCHEMA, SKOS_ALT_LABEL, TIME, XSD,
    XSD_INTEGER,
};

/// Percent-encodes what may not stand in an IRI path (keeps `/`).
pub fn iri_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The IRI of a document.
pub fn doc_iri(id: &str) -> String {
    format!("{ID}doc/{}", iri_path(id))
}

/// The named graph of the linked facts.
pub fn facts_graph() -> String {
    format!("{ID}graph/facts")
}

struct Quads<'a> {
    sink: &'a mut dyn FnMut(Quad),
    /// Span nodes already written: evidence shared by several facts and
    /// events is described once.
    spans: HashSet<String>,
}

impl Quads<'_> {
    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(s)
    }

    fn add(&mut self, s: &str, p: &str, o: Term, g: &str) {
        (self.sink)(Quad::new(
            NamedOrBlankNode::NamedNode(Self::iri(s)),
            Self::iri(p),
            o,
            GraphName::NamedNode(Self::iri(g)),
        ));
    }

    fn link(&mut self, s: &str, p: &str, o: &str, g: &str) {
        self.add(s, p, Term::NamedNode(Self::iri(o)), g);
    }

    fn text(&mut self, s: &str, p: &str, o: &str, g: &str) {
        self.add(s, p, Term::Literal(Literal::new_simple_literal(o)), g);
    }

    /// An ISO 8601 date as a typed literal: `xsd:date` (`2025-04-30`),
    /// `xsd:gYearMonth` (`2025-04`), `xsd:gYear` (`2025`); a week
    /// (`2025-W18`) stays a plain string.
    fn date(&mut self, s: &str, p: &str, iso: &str, g: &str) {
        let datatype = match iso.len() {
            10 => Some("date"),
            7 => Some("gYearMonth"),
            4 => Some("gYear"),
            _ => None,
        };
        let lit = match datatype {
            Some(t) => Literal::new_typed_literal(iso, Self::iri(&format!("{XSD}{t}"))),
            None => Literal::new_simple_literal(iso),
        };
        self.add(s, p, Term::Literal(lit), g);
    }

    fn int(&mut self, s: &str, p: &str, n: usize, g: &str) {
        self.add(
            s,
            p,
            Term::Literal(Literal::new_typed_literal(
                n.to_string(),
                Self::iri(XSD_INTEGER),
            )),
            g,
        );
    }

    /// `node prov:wasDerivedFrom` the evidence span `ev` (described once).
    fn evidence(&mut self, node: &str, ev: &DocSpan, g: &str) {
        let span = format!(
            "{ID}evidence/{}/{}-{}/{}",
            iri_path(&ev.doc),
            ev.start,
            ev.end,
            iri_path(&ev.rule)
        );
        self.span(&span, "Evidence", ev);
        self.link(node, &format!("{PROV}wasDerivedFrom"), &span, g);
    }

    /// A span of a document as a NIF string in the document's graph.
    fn span(&mut self, node: &str, class: &str, s: &DocSpan) -> String {
        let g = doc_iri(&s.doc);
        if !self.spans.insert(node.to_string()) {
            return g;
        }
        self.link(node, RDF_TYPE, &ng(class), &g);
        self.link(node, &ng("inDocument"), &g, &g);
        self.int(node, &format!("{NIF}beginIndex"), s.start, &g);
        self.int(node, &format!("{NIF}endIndex"), s.end, &g);
        self.text(node, &format!("{NIF}anchorOf"), &s.text, &g);
        self.text(node, &ng("rule"), &s.rule, &g);
        g
    }
}

/// The graph as quads, in a stable order.
pub fn to_quads(kg: &KnowledgeGraph) -> Vec<Quad> {
    let mut out = Vec::new();
    for_each_quad(kg, &mut |q| out.push(q));
    out
}

/// Hands the graph's quads to `sink` one at a time, in the order of
/// [`to_quads`], without holding them all.
pub fn for_each_quad(kg: &KnowledgeGraph, sink: &mut dyn FnMut(Quad)) {
    let mut q = Quads {
        sink,
        spans: HashSet::new(),
    };
    let facts = facts_graph();
    for d in &kg.documents {
        let iri = doc_iri(&d.id);
        q.link(&iri, RDF_TYPE, &ng("Document"), &iri);
        q.text(&iri, &ng("documentId"), &d.id, &iri);
        if let Some(t) = &d.title {
            q.text(&iri, &format!("{SCHEMA}headline"), t, &iri);
        }
        if let Some(t) = &d.date {
            match crate::read::time::parse_iso(t) {
                Some(day) => q.date(
                    &iri,
                    &format!("{SCHEMA}datePublished"),
                    &day.to_string(),
                    &iri,
                ),
                None => q.text(&iri, &format!("{SCHEMA}datePublished"), t, &iri),
            }
        }
        if let Some(t) = &d.url {
            q.text(&iri, &format!("{SCHEMA}url"), t, &iri);
        }
        if let Some(first) = kg.duplicate_of.get(&d.id) {
            q.link(&iri, &ng("duplicateOf"), &doc_iri(first), &iri);
        }
    }
    for (_, e) in kg.entities() {
        q.link(&e.iri, RDF_TYPE, &ng(e.kind.type_name()), &facts);
        q.text(&e.iri, RDFS_LABEL, &e.label, &facts);
        for a in &e.aliases {
            q.text(&e.iri, SKOS_ALT_LABEL, a, &facts);
        }
        match &e.detail {
            Detail::Office {
                modifier: Some(m), ..
            } => q.text(&e.iri, &ng("modifier"), m, &facts),
            Detail::Organization { org_type, .. } => {
                q.text(&e.iri, &ng("organizationType"), org_type, &facts)
            }
            Detail::Agreement { class, .. } => {
                q.text(&e.iri, &ng("agreementClass"), class, &facts);
                if let Some((status, date)) = kg.status.get(&e.iri) {
                    q.text(&e.iri, &ng("status"), status, &facts);
                    if let Some(d) = date {
                        q.date(&e.iri, &ng("statusDate"), d, &facts);
                    }
                }
            }
            _ => {}
        }
        for m in &e.mentions {
            let node = format!("{ID}mention/{}/{}-{}", iri_path(&m.doc), m.start, m.end);
            let g = q.span(&node, "Mention", m);
            q.link(&node, &ng("mentionOf"), &e.iri, &g);
        }
    }
    for (s, r, o) in kg.relations() {
        let p = ng(&r.predicate);
        q.link(&s.iri, &p, &o.iri, &facts);
        if r.evidence.is_empty() {
            continue;
        }
        let a = format!(
            "{ID}assertion/{:016x}",
            stable_hash(&format!("{} {} {}", s.iri, p, o.iri))
        );
        q.link(&a, RDF_TYPE, &ng("Assertion"), &facts);
        q.link(&a, &ng("subject"), &s.iri, &facts);
        q.link(&a, &ng("predicate"), &p, &facts);
        q.link(&a, &ng("object"), &o.iri, &facts);
        q.int(&a, &ng("sources"), r.sources, &facts);
        for ev in &r.evidence {
            q.evidence(&a, ev, &facts);
        }
    }
    for e in &kg.events {
        q.link(&e.iri, RDF_TYPE, &ng("AgreementEvent"), &facts);
        q.link(&e.iri, &ng("action"), &ng(&e.action), &facts);
        q.link(&e.iri, &ng("agent"), &e.agent, &facts);
        q.link(&e.iri, &ng("agreement"), &e.agreement, &facts);
        if let Some(o) = &e.capacity {
            q.link(&e.iri, &ng("inCapacityOf"), o, &facts);
        }
        if let Some(d) = &e.date {
            q.date(&e.iri, &ng("date"), d, &facts);
        }
        if let Some(d) = &e.reported {
            q.date(&e.iri, &ng("reportedOn"), d, &facts);
        }
        q.link(&e.iri, &ng("reportedIn"), &doc_iri(&e.evidence.doc), &facts);
        q.evidence(&e.iri, &e.evidence, &facts);
    }
    for r in &kg.references {
        let m = &r.mention;
        let node = format!("{ID}mention/{}/{}-{}", iri_path(&m.doc), m.start, m.end);
        // A title written without its country is no entity's mention: it
        // is written here, as a mention of the post it was resolved to.
        if !q.spans.contains(&node) {
            let g = q.span(&node, "Mention", m);
            q.link(&node, &ng("mentionOf"), &r.office, &g);
        }
        q.link(&node, &ng("refersTo"), &r.person, &doc_iri(&m.doc));
    }
    for t in &kg.tenures {
        q.link(&t.iri, RDF_TYPE, &ng("Tenure"), &facts);
        q.link(&t.iri, &format!("{ORG}member"), &t.person, &facts);
        q.link(&t.iri, &ng("post"), &t.office, &facts);
        if let Some(o) = &t.organization {
            q.link(&t.iri, &format!("{ORG}organization"), o, &facts);
        }
        if t.from.is_some() || t.until.is_some() {
            let interval = format!("{}/interval", t.iri);
            q.link(&t.iri, &format!("{ORG}memberDuring"), &interval, &facts);
            q.link(&interval, RDF_TYPE, &format!("{TIME}Interval"), &facts);
            for (end, date) in [("hasBeginning", &t.from), ("hasEnd", &t.until)] {
                if let Some(d) = date {
                    let instant = format!("{interval}/{end}");
                    q.link(&interval, &format!("{TIME}{end}"), &instant, &facts);
                    q.link(&instant, RDF_TYPE, &format!("{TIME}Instant"), &facts);
                    q.date(&instant, &format!("{TIME}inXSDDate"), d, &facts);
                }
            }
            if let Some(d) = &t.from {
                q.date(&t.iri, &ng("attestedFrom"), d, &facts);
            }
            if let Some(d) = &t.until {
                q.date(&t.iri, &ng("attestedUntil"), d, &facts);
            }
        }
        for d in &t.documents {
            q.link(&t.iri, &ng("attestedIn"), &doc_iri(d), &facts);
        }
    }
}

/// RDF serialisations newsgraph writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RdfKind {
    NQuads,
    Turtle,
    TriG,
    JsonLd,
}

/// Writes quads in an RDF format; Turtle merges the named graphs into one.
pub fn write_rdf<W: Write>(quads: &[Quad], kind: RdfKind, out: W) -> io::Result<W> {
    let format = match kind {
        RdfKind::NQuads => RdfFormat::NQuads,
        RdfKind::Turtle => RdfFormat::Turtle,
        RdfKind::TriG => RdfFormat::TriG,
        RdfKind::JsonLd => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    };
    let mut ser = RdfSerializer::from_format(format);
    if kind != RdfKind::NQuads {
        for (p, iri) in [
            ("ng", vocab::NG),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            ("skos", "http://www.w3.org/2004/02/skos/core#"),
            ("schema", SCHEMA),
            ("prov", PROV),
            ("nif", NIF),
            ("org", ORG),
            ("time", TIME),
            ("xsd", XSD),
        ] {
            ser = ser
                .with_prefix(p, iri)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        }
    }
    let mut w = ser.for_writer(out);
    for quad in quads {
        if kind == RdfKind::Turtle {
            w.serialize_triple(quad.as_ref())?;
        } else {
            w.serialize_quad(quad)?;
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_ids_become_valid_iris() {
        let iri = doc_iri("politics/001 é#%");
        assert_eq!(iri, format!("{ID}doc/politics/001%20%C3%A9%23%25"));
        assert!(oxrdf::NamedNode::new(iri).is_ok());
    }
}
