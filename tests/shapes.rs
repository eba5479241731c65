//! The seeds' graph conforms to `ontology/shapes.ttl`: each SHACL
//! constraint used there (sh:minCount, sh:maxCount, sh:datatype, sh:class
//! on a property of a target class) runs as a SPARQL query for violations.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds' graph with every quad in the default graph.
fn seeds_graph() -> Store {
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", root().join("examples/seeds").to_str().unwrap()])
        .args(["--format", "nquads"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let store = Store::new().unwrap();
    for q in RdfParser::from_format(RdfFormat::NQuads).for_reader(out.stdout.as_slice()) {
        let q = q.unwrap();
        store
            .insert(&Quad::new(
                q.subject,
                q.predicate,
                q.object,
                GraphName::DefaultGraph,
            ))
            .unwrap();
    }
    store
}

fn rows(store: &Store, query: &str) -> Vec<Vec<Option<Term>>> {
    let QueryResults::Solutions(solutions) = SparqlEvaluator::new()
        .parse_query(query)
        .unwrap_or_else(|e| panic!("{e}: {query}"))
        .on_store(store)
        .execute()
        .unwrap()
    else {
        panic!("not a SELECT: {query}");
    };
    solutions.map(|s| s.unwrap().values().to_vec()).collect()
}

fn iri(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => format!("<{}>", n.as_str()),
        other => panic!("not an IRI: {other:?}"),
    }
}

fn int(t: &Option<Term>) -> Option<u64> {
    match t {
        Some(Term::Literal(l)) => l.value().parse().ok(),
        _ => None,
    }
}

/// Every violation of the shapes, as (constraint, focus node) lines.
fn violations(data: &Store) -> (usize, Vec<String>) {
    let shapes = Store::new().unwrap();
    shapes
        .load_from_reader(
            RdfFormat::Turtle,
            std::fs::read(root().join("ontology/shapes.ttl"))
                .unwrap()
                .as_slice(),
        )
        .unwrap();
    let constraints = rows(
        &shapes,
        "PREFIX sh: <http://www.w3.org/ns/shacl#>
         SELECT ?class ?path ?min ?max ?datatype ?c WHERE {
           ?shape a sh:NodeShape ; sh:targetClass ?class ; sh:property ?p .
           ?p sh:path ?path .
           OPTIONAL { ?p sh:minCount ?min } OPTIONAL { ?p sh:maxCount ?max }
           OPTIONAL { ?p sh:datatype ?datatype } OPTIONAL { ?p sh:class ?c }
         }",
    );
    let mut checked = 0;
    let mut found = Vec::new();
    for r in &constraints {
        let (class, path) = (iri(&r[0]), iri(&r[1]));
        let mut queries = Vec::new();
        if let Some(min) = int(&r[2]) {
            queries.push((
                format!("minCount {min}"),
                format!(
                    "SELECT ?s WHERE {{ ?s a {class} . OPTIONAL {{ ?s {path} ?v }} }} \
                 GROUP BY ?s HAVING (COUNT(DISTINCT ?v) < {min})"
                ),
            ));
        }
        if let Some(max) = int(&r[3]) {
            queries.push((
                format!("maxCount {max}"),
                format!(
                    "SELECT ?s WHERE {{ ?s a {class} ; {path} ?v }} \
                 GROUP BY ?s HAVING (COUNT(DISTINCT ?v) > {max})"
                ),
            ));
        }
        if r[4].is_some() {
            let dt = iri(&r[4]);
            queries.push((
                format!("datatype {dt}"),
                format!(
                    "SELECT ?s WHERE {{ ?s a {class} ; {path} ?v . \
                 FILTER(!isLiteral(?v) || datatype(?v) != {dt}) }}"
                ),
            ));
        }
        if r[5].is_some() {
            let c = iri(&r[5]);
            queries.push((format!("class {c}"), format!(
                "SELECT ?s WHERE {{ ?s a {class} ; {path} ?v . FILTER NOT EXISTS {{ ?v a {c} }} }}")));
        }
        for (what, q) in queries {
            checked += 1;
            for v in rows(data, &q) {
                found.push(format!("{class} {path} {what}: {:?}", v[0]));
            }
        }
    }
    (checked, found)
}

#[test]
fn the_seeds_graph_conforms_to_the_shapes() {
    let data = seeds_graph();
    let (checked, found) = violations(&data);
    assert!(checked >= 30, "only {checked} constraints checked");
    assert!(
        found.is_empty(),
        "{} violations:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn a_broken_graph_violates_the_shapes() {
    let data = seeds_graph();
    // Drop one person's label, and give an assertion a second source count.
    SparqlEvaluator::new()
        .parse_update(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
             PREFIX ng: <https://w3id.org/newsgraph/ontology#>
             DELETE { ?p rdfs:label ?l } WHERE { ?p a ng:Person ; rdfs:label ?l . FILTER(?l = \"Scott Bessent\") } ;
             INSERT { ?a ng:sources \"many\" } WHERE { ?a a ng:Assertion }",
        )
        .unwrap()
        .on_store(&data)
        .execute()
        .unwrap();
    let (_, found) = violations(&data);
    assert!(
        found
            .iter()
            .any(|v| v.contains("rdf-schema#label> minCount 1")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|v| v.contains("#sources> maxCount 1")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|v| v.contains("#sources> datatype")),
        "{found:?}"
    );
}
