//! JSON lines: the records of `../shared/eval/README.md` (`entity`,
//! `relation`) and `document`, `event`, `tenure` and `reference` records,
//! one JSON object a line, in a stable order (documents by id, entities by
//! IRI, relations by subject, predicate, object, events and tenures by IRI).
//!
//! Each record is a struct of borrowed fields serialised straight to the
//! writer, with its fields in alphabetical order: the keys come out sorted,
//! as `serde_json` writes a map, and no intermediate `Value` is built.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde::Serialize;

use crate::link::{DocSpan, KnowledgeGraph};
use crate::recognise::Detail;

#[derive(Serialize)]
struct Span<'a> {
    doc: &'a str,
    end: usize,
    rule: &'a str,
    start: usize,
    text: &'a str,
}

impl<'a> From<&'a DocSpan> for Span<'a> {
    fn from(s: &'a DocSpan) -> Self {
        Span {
            doc: &s.doc,
            end: s.end,
            rule: &s.rule,
            start: s.start,
            text: &s.text,
        }
    }
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    chars: usize,
    date: Option<&'a str>,
    duplicate_of: Option<&'a str>,
    id: &'a str,
    record: &'static str,
    title: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    aliases: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<&'a str>,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso: Option<&'a str>,
    label: &'a str,
    mentions: Vec<Span<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_type: Option<&'a str>,
    record: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    /// Present with the status, `null` when no date is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    status_date: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topics: Option<&'a [String]>,
    r#type: &'static str,
}

#[derive(Serialize)]
struct RelationRecord<'a> {
    evidence: Vec<Span<'a>>,
    object: &'a str,
    predicate: &'a str,
    record: &'static str,
    sources: usize,
    subject: &'a str,
}

#[derive(Serialize)]
struct EventRecord<'a> {
    action: &'a str,
    agent: &'a str,
    agreement: &'a str,
    capacity: Option<&'a str>,
    date: Option<&'a str>,
    evidence: Span<'a>,
    id: &'a str,
    record: &'static str,
    reported: Option<&'a str>,
}

#[derive(Serialize)]
struct TenureRecord<'a> {
    documents: &'a [String],
    from: Option<&'a str>,
    id: &'a str,
    office: &'a str,
    organization: Option<&'a str>,
    person: &'a str,
    record: &'static str,
    until: Option<&'a str>,
}

#[derive(Serialize)]
struct ReferenceRecord<'a> {
    mention: Span<'a>,
    office: &'a str,
    person: &'a str,
    record: &'static str,
}

/// Writes one record and its line break.
fn line<W: Write, T: Serialize>(out: &mut W, record: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// Writes the graph as JSON lines.
pub fn write_jsonl<W: Write>(kg: &KnowledgeGraph, mut out: W) -> io::Result<()> {
    let out = &mut out;
    for d in &kg.documents {
        line(
            out,
            &DocumentRecord {
                chars: d.chars,
                date: d.date.as_deref(),
                duplicate_of: kg.duplicate_of.get(&d.id).map(String::as_str),
                id: &d.id,
                record: "document",
                title: d.title.as_deref(),
                url: d.url.as_deref(),
            },
        )?;
    }
    for (_, e) in kg.entities() {
        let mut rec = EntityRecord {
            aliases: &e.aliases,
            class: None,
            id: &e.iri,
            iso: None,
            label: &e.label,
            mentions: e.mentions.iter().map(Span::from).collect(),
            modifier: None,
            org_type: None,
            record: "entity",
            status: None,
            status_date: None,
            title: None,
            topics: None,
            r#type: e.kind.type_name(),
        };
        match &e.detail {
            Detail::Office {
                title, modifier, ..
            } => {
                rec.title = Some(title);
                rec.modifier = modifier.as_deref();
            }
            Detail::Organization { org_type, .. } => rec.org_type = Some(org_type),
            Detail::Agreement { class, topics, .. } => {
                rec.class = Some(class);
                rec.topics = Some(topics);
                if let Some((status, date)) = kg.status.get(&e.iri) {
                    rec.status = Some(status);
                    rec.status_date = Some(date.as_deref());
                }
            }
            Detail::Date { iso: Some(iso) } => rec.iso = Some(iso),
            _ => {}
        }
        line(out, &rec)?;
    }
    for (s, r, o) in kg.relations() {
        line(
            out,
            &RelationRecord {
                evidence: r.evidence.iter().map(Span::from).collect(),
                object: &o.iri,
                predicate: &r.predicate,
                record: "relation",
                sources: r.sources,
                subject: &s.iri,
            },
        )?;
    }
    for e in &kg.events {
        line(
            out,
            &EventRecord {
                action: &e.action,
                agent: &e.agent,
                agreement: &e.agreement,
                capacity: e.capacity.as_deref(),
                date: e.date.as_deref(),
                evidence: Span::from(&e.evidence),
                id: &e.iri,
                record: "event",
                reported: e.reported.as_deref(),
            },
        )?;
    }
    for t in &kg.tenures {
        line(
            out,
            &TenureRecord {
                documents: &t.documents,
                from: t.from.as_deref(),
                id: &t.iri,
                office: &t.office,
                organization: t.organization.as_deref(),
                person: &t.person,
                record: "tenure",
                until: t.until.as_deref(),
            },
        )?;
    }
    for r in &kg.references {
        line(
            out,
            &ReferenceRecord {
                mention: Span::from(&r.mention),
                office: &r.office,
                person: &r.person,
                record: "reference",
            },
        )?;
    }
    out.flush()
}
