//! Events, dates, tenures, offices resolved in time and copies of one story,
//! on articles written for these tests (not the seeds).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newsgraph::ingest::Document;
use newsgraph::link::Entity;
use newsgraph::{link, DocFacts, KnowledgeGraph, Reader, Rules};

/// Reads documents given as (text, date), with ids `d0`, `d1`, ….
fn read(docs: &[(&str, Option<&str>)]) -> Vec<DocFacts> {
    let reader = Reader::new(Rules::builtin().unwrap()).unwrap();
    docs.iter()
        .enumerate()
        .map(|(i, (text, date))| {
            reader.read(&Document {
                id: format!("d{i}"),
                text: text.to_string(),
                title: None,
                date: date.map(String::from),
                url: None,
            })
        })
        .collect()
}

/// Links documents given as (text, date).
fn graph(docs: &[(&str, Option<&str>)]) -> KnowledgeGraph {
    link(read(docs))
}

fn entity<'a>(kg: &'a KnowledgeGraph, iri: &str) -> &'a Entity {
    kg.entities()
        .map(|(_, e)| e)
        .find(|e| e.iri == iri)
        .unwrap_or_else(|| panic!("no entity {iri}"))
}

fn label(kg: &KnowledgeGraph, iri: &str) -> String {
    entity(kg, iri).label.clone()
}

/// The office references as (document, mention text, person's label), sorted.
fn references(kg: &KnowledgeGraph) -> Vec<(String, String, String)> {
    let mut refs: Vec<(String, String, String)> = kg
        .references
        .iter()
        .map(|r| {
            (
                r.mention.doc.to_string(),
                r.mention.text.to_string(),
                label(kg, &r.person),
            )
        })
        .collect();
    refs.sort();
    refs
}

fn date_labels(kg: &KnowledgeGraph) -> Vec<String> {
    kg.entities()
        .filter(|(_, e)| e.iri.contains("/date/"))
        .map(|(_, e)| e.label.clone())
        .collect()
}

#[test]
fn an_event_is_one_node_with_agent_office_agreement_date_and_evidence() {
    let text = "Ukraine Minerals\nUS Treasury Secretary Scott Bessent signed the minerals deal with Ukraine on Wednesday in Washington.";
    // 2025-04-30 is a Wednesday.
    let kg = graph(&[(text, Some("2025-04-30"))]);
    let signed: Vec<_> = kg
        .events
        .iter()
        .filter(|e| e.action == "signed" && label(&kg, &e.agent) == "Scott Bessent")
        .collect();
    assert_eq!(signed.len(), 1, "{:#?}", kg.events);
    let e = signed[0];
    assert!(
        label(&kg, &e.agreement).contains("minerals"),
        "{}",
        label(&kg, &e.agreement)
    );
    let office = label(&kg, e.capacity.as_deref().expect("capacity"));
    assert!(
        office.contains("Treasury") && office.contains("United States"),
        "{office}"
    );
    assert_eq!(e.date.as_deref(), Some("2025-04-30"));
    assert_eq!(e.reported.as_deref(), Some("2025-04-30"));
    // The evidence slices the text exactly, in code points.
    let slice: String = text
        .chars()
        .skip(e.evidence.start)
        .take(e.evidence.end - e.evidence.start)
        .collect();
    assert_eq!(slice, &*e.evidence.text);
    assert!(slice.contains("signed"));
    // The direct triple is its shortcut.
    assert!(kg
        .relations()
        .iter()
        .any(|(s, r, o)| s.iri == e.agent && r.predicate == "signed" && o.iri == e.agreement));
}

#[test]
fn relative_dates_are_read_against_the_dateline() {
    // 1 May 2025 is a Thursday: "last Friday" is 25 April.
    let text = "Minerals deal\n01 May 2025, 20:03 GMT+10\nUkraine and the United States signed the minerals agreement last Friday after talks that began in February.";
    let kg = graph(&[(text, None)]);
    assert_eq!(kg.documents[0].date.as_deref(), Some("2025-05-01"));
    let dates = date_labels(&kg);
    assert!(dates.contains(&"2025-04-25".to_string()), "{dates:?}");
    assert!(dates.contains(&"2025-02".to_string()), "{dates:?}");
    // The given date wins over the dateline.
    let kg = graph(&[(text, Some("2025-05-08"))]);
    assert!(date_labels(&kg).contains(&"2025-05-02".to_string()));
}

#[test]
fn without_an_article_date_relative_dates_are_left_out() {
    let kg = graph(&[(
        "Japan and India signed a trade pact on Wednesday, and the deal takes effect on 1 June 2026.",
        None,
    )]);
    assert_eq!(date_labels(&kg), vec!["2026-06-01".to_string()]);
    // With a date, Wednesday is read.
    let kg = graph(&[(
        "Japan and India signed a trade pact on Wednesday, and the deal takes effect on 1 June 2026.",
        Some("2026-03-13"),
    )]);
    assert!(date_labels(&kg).contains(&"2026-03-11".to_string()));
}

const MNUCHIN: &str =
    "US Treasury Secretary Steven Mnuchin said trade talks with China would resume.";
const BESSENT: &str = "US Treasury Secretary Scott Bessent signed the minerals deal with Ukraine.";
const NO_NAME: &str = "The US Treasury Secretary said the talks with China would go on.";

#[test]
fn tenures_span_the_dates_that_attest_them() {
    let kg = graph(&[
        (MNUCHIN, Some("2019-03-01")),
        (BESSENT, Some("2025-04-30")),
        (BESSENT, Some("2025-06-01")),
    ]);
    type Row = (String, String, Option<String>, Option<String>, usize);
    let mut seen: Vec<Row> = kg
        .tenures
        .iter()
        .map(|t| {
            (
                label(&kg, &t.person),
                label(&kg, &t.office),
                t.from.clone(),
                t.until.clone(),
                t.documents.len(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(seen.len(), 2, "{seen:#?}");
    assert_eq!(seen[0].0, "Scott Bessent");
    assert_eq!(seen[0].2.as_deref(), Some("2025-04-30"));
    assert_eq!(seen[0].3.as_deref(), Some("2025-06-01"));
    assert_eq!(seen[0].4, 2);
    assert_eq!(seen[1].0, "Steven Mnuchin");
    assert_eq!(seen[1].2.as_deref(), Some("2019-03-01"));
    // One post, two holders.
    assert_eq!(seen[0].1, seen[1].1);
}

#[test]
fn an_office_named_without_its_holder_is_the_holder_of_the_day() {
    let kg = graph(&[
        (MNUCHIN, Some("2019-03-01")),
        (BESSENT, Some("2025-04-30")),
        (NO_NAME, Some("2019-05-02")),
        (NO_NAME, Some("2025-05-10")),
        // Too far from any attested tenure: no one.
        (NO_NAME, Some("2010-01-01")),
        // No date: no one.
        (NO_NAME, None),
    ]);
    let refs = references(&kg);
    assert_eq!(
        refs,
        vec![
            (
                "d2".into(),
                "US Treasury Secretary".into(),
                "Steven Mnuchin".into()
            ),
            (
                "d3".into(),
                "US Treasury Secretary".into(),
                "Scott Bessent".into()
            ),
        ]
    );
}

#[test]
fn a_title_written_without_its_country_is_resolved_through_the_article() {
    let zelensky = "Ukrainian President Volodymyr Zelensky met European leaders in Kyiv.";
    let trump = "US President Donald Trump spoke to reporters in Washington.";
    let kg = graph(&[
        (MNUCHIN, Some("2019-03-01")),
        (zelensky, Some("2025-04-20")),
        (trump, Some("2025-04-21")),
        // One country with a Treasury Secretary: that holder.
        (
            "The Treasury Secretary said the United States would press China on trade.",
            Some("2019-03-05"),
        ),
        // Two countries with a president: no answer.
        (
            "The president said Ukraine and the United States were close to a deal.",
            Some("2025-04-22"),
        ),
        // One: Ukraine's.
        (
            "Ukraine's parliament met as the president said the talks in Kyiv went well.",
            Some("2025-04-22"),
        ),
    ]);
    let refs = references(&kg);
    assert_eq!(
        refs,
        vec![
            (
                "d3".into(),
                "Treasury Secretary".into(),
                "Steven Mnuchin".into()
            ),
            ("d5".into(), "president".into(), "Volodymyr Zelensky".into()),
        ]
    );
    // The bare titles made no office of their own.
    let offices = kg
        .entities()
        .filter(|(_, e)| e.iri.contains("/office/"))
        .count();
    assert_eq!(
        offices,
        3,
        "{:#?}",
        kg.entities().map(|(_, e)| &e.label).collect::<Vec<_>>()
    );
    // In RDF the bare title is a mention, with its offsets, of the post it
    // was resolved to, and refers to its holder; no quad is written twice.
    let quads: Vec<String> = newsgraph::export::to_quads(&kg)
        .iter()
        .map(ToString::to_string)
        .collect();
    let node = "<https://w3id.org/newsgraph/id/mention/d3/4-22>";
    let about = |p: &str| {
        quads
            .iter()
            .filter(|q| q.starts_with(node) && q.contains(p))
            .count()
    };
    assert_eq!(
        about("refersTo> <https://w3id.org/newsgraph/id/person/steven-mnuchin>"),
        1
    );
    assert_eq!(about("mentionOf> <https://w3id.org/newsgraph/id/office/secretary-of-the-treasury-of-the-united-states>"), 1, "{quads:#?}");
    assert_eq!(about("anchorOf> \"Treasury Secretary\""), 1);
    let mut unique = quads.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(quads.len(), unique.len(), "a quad is written twice");
}

#[test]
fn copies_of_one_story_are_one_source() {
    let story = "Peace talks\nThe governments of Armenia and Azerbaijan signed a peace treaty in Washington on Friday, ending decades of conflict over the region, officials from both countries said.\nThe treaty was drafted over two years of talks mediated by the United States and the European Union.\nBoth parliaments must still ratify the accord before it takes effect next year.";
    let copy = format!("Wire service\n{story}\nRead more: related stories");
    let other = "Armenia and Azerbaijan signed a peace treaty, the BBC reported, in a brief note on the region.\nNo further details were given by either government about the talks or the text.";
    let kg = graph(&[(story, None), (&copy, None), (other, None)]);
    assert_eq!(
        kg.duplicate_of.get("d1").map(String::as_str),
        Some("d0"),
        "{:?}",
        kg.duplicate_of
    );
    assert!(!kg.duplicate_of.contains_key("d2"));
    let signed: Vec<_> = kg
        .relations()
        .into_iter()
        .filter(|(s, r, _)| s.label == "Armenia" && r.predicate == "signed")
        .map(|(_, r, _)| (r.sources, r.evidence.len()))
        .collect();
    // Three documents, two independent sources.
    assert!(signed.contains(&(2, 3)), "{signed:?}");
}

#[test]
fn events_and_tenures_do_not_depend_on_how_the_corpus_is_cut() {
    let docs = [
        (MNUCHIN, Some("2019-03-01")),
        (BESSENT, Some("2025-04-30")),
        (NO_NAME, Some("2025-05-10")),
    ];
    let whole = graph(&docs);
    // Read in reverse order, as separate shards would be: the same graph.
    let mut facts = read(&docs);
    facts.reverse();
    let again = link(facts);
    assert_eq!(whole.events, again.events);
    assert_eq!(whole.tenures, again.tenures);
    assert_eq!(whole.references, again.references);
}

#[test]
fn evidence_shared_by_facts_and_events_is_written_once() {
    // One sentence, two signers: two facts and two events share one
    // evidence span.
    let kg = graph(&[(
        "Foreign ministers Ann Linde and Pekka Haavisto signed the defence pact with Norway on Monday.",
        Some("2021-06-02"),
    )]);
    assert!(kg.events.len() >= 2, "{:#?}", kg.events);
    let quads: Vec<String> = newsgraph::export::to_quads(&kg)
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut unique = quads.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(quads.len(), unique.len(), "a quad is written twice");
}

#[test]
fn an_agreement_has_the_status_its_furthest_event_reached() {
    let kg = graph(&[
        (
            "Japan proposed a fisheries accord with Norway on Monday.",
            Some("2024-03-06"),
        ),
        (
            "Norway and Japan signed the fisheries accord on 2 May 2024 in Oslo.",
            Some("2024-05-03"),
        ),
    ]);
    let accord = kg
        .entities()
        .map(|(_, e)| e)
        .find(|e| e.iri.contains("/agreement/") && e.label.contains("fisheries"))
        .expect("the accord");
    let (status, date) = kg.status.get(&accord.iri).expect("a status");
    assert_eq!(status, "signed", "{:#?}", kg.events);
    assert_eq!(date.as_deref(), Some("2024-05-02"));
    // Proposed only: that is its status, dated by the event.
    let kg = graph(&[(
        "Japan proposed a fisheries accord with Norway on Monday.",
        Some("2024-03-06"),
    )]);
    let statuses: Vec<_> = kg.status.values().collect();
    assert_eq!(
        statuses,
        vec![&("proposed".to_string(), Some("2024-03-04".to_string()))]
    );
}
