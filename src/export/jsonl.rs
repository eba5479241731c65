//! JSON lines: the records of `../shared/eval/README.md` (`entity`,
//! `relation`) and `document`, `event` and `tenure` records, one JSON object
//! a line, in a stable order (documents by id, entities by IRI, relations by
//! subject, predicate, object, events and tenures by IRI).

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::link::{DocSpan, KnowledgeGraph};
use crate::recognise::Detail;

fn span(s: &DocSpan, with_text: bool) -> Value {
    let mut m = Map::new();
    m.insert("doc".into(), json!(s.doc));
    m.insert("start".into(), json!(s.start));
    m.insert("end".into(), json!(s.end));
    if with_text {
        m.insert("text".into(), json!(s.text));
    }
    m.insert("rule".into(), json!(s.rule));
    Value::Object(m)
}

/// Writes the graph as JSON lines.
pub fn write_jsonl<W: Write>(kg: &KnowledgeGraph, mut out: W) -> io::Result<()> {
    for d in &kg.documents {
        let rec = json!({
            "record": "document",
            "id": d.id,
            "title": d.title,
            "date": d.date,
            "url": d.url,
            "chars": d.chars,
            "duplicate_of": kg.duplicate_of.get(&d.id),
        });
        writeln!(out, "{rec}")?;
    }
    for (_, e) in kg.entities() {
        let mut m = Map::new();
        m.insert("record".into(), json!("entity"));
        m.insert("id".into(), json!(e.iri));
        m.insert("type".into(), json!(e.kind.type_name()));
        m.insert("label".into(), json!(e.label));
        m.insert("aliases".into(), json!(e.aliases));
        match &e.detail {
            Detail::Office {
                title, modifier, ..
            } => {
                m.insert("title".into(), json!(title));
                if let Some(md) = modifier {
                    m.insert("modifier".into(), json!(md));
                }
            }
            Detail::Organization { org_type, .. } => {
                m.insert("org_type".into(), json!(org_type));
            }
            Detail::Agreement { class, topics, .. } => {
                m.insert("class".into(), json!(class));
                m.insert("topics".into(), json!(topics));
                if let Some((status, date)) = kg.status.get(&e.iri) {
                    m.insert("status".into(), json!(status));
                    m.insert("status_date".into(), json!(date));
                }
            }
            Detail::Date { iso: Some(iso) } => {
                m.insert("iso".into(), json!(iso));
            }
            _ => {}
        }
        m.insert(
            "mentions".into(),
            Value::Array(e.mentions.iter().map(|s| span(s, true)).collect()),
        );
        writeln!(out, "{}", Value::Object(m))?;
    }
    for (s, r, o) in kg.relations() {
        let rec = json!({
            "record": "relation",
            "subject": s.iri,
            "predicate": r.predicate,
            "object": o.iri,
            "sources": r.sources,
            "evidence": r.evidence.iter().map(|e| span(e, true)).collect::<Vec<_>>(),
        });
        writeln!(out, "{rec}")?;
    }
    for e in &kg.events {
        let rec = json!({
            "record": "event",
            "id": e.iri,
            "action": e.action,
            "agent": e.agent,
            "agreement": e.agreement,
            "capacity": e.capacity,
            "date": e.date,
            "reported": e.reported,
            "evidence": span(&e.evidence, true),
        });
        writeln!(out, "{rec}")?;
    }
    for t in &kg.tenures {
        let rec = json!({
            "record": "tenure",
            "id": t.iri,
            "person": t.person,
            "office": t.office,
            "organization": t.organization,
            "from": t.from,
            "until": t.until,
            "documents": t.documents,
        });
        writeln!(out, "{rec}")?;
    }
    for r in &kg.references {
        let rec = json!({
            "record": "reference",
            "mention": span(&r.mention, true),
            "office": r.office,
            "person": r.person,
        });
        writeln!(out, "{rec}")?;
    }
    out.flush()
}
