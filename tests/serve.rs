//! `newsgraph serve`, exercised with a real HTTP client (ureq): the SPARQL
//! 1.1 Protocol, content negotiation, refused updates, and the limits that
//! stop hostile queries.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(store: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["serve", "--store", store.to_str().unwrap()])
        .args([
            "--bind",
            "127.0.0.1:0",
            "--timeout",
            "2",
            "--max-results",
            "100",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .map(|addr| format!("http://{addr}"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server { child, base }
}

/// Status, content type and body, whatever the status.
fn send(req: ureq::Request, body: Option<&str>) -> (u16, String, String) {
    let res = match body {
        Some(b) => req.send_string(b),
        None => req.call(),
    };
    let res = match res {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{e}"),
    };
    let status = res.status();
    let ct = res.content_type().to_string();
    (status, ct, res.into_string().unwrap())
}

#[test]
fn the_endpoint_answers_refuses_updates_and_stops_hostile_queries() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds");
    let built = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "build",
            seeds.to_str().unwrap(),
            "--store",
            store.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(built.status.success());
    let server = start(&store);
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .build();
    let query_url = format!("{}/query", server.base);

    // The page.
    let (status, ct, page) = send(agent.get(&format!("{}/", server.base)), None);
    assert_eq!((status, ct.as_str()), (200, "text/html"));
    assert!(page.contains("<form"));

    // GET, JSON by default.
    let who = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name ; ng:signed ?a } ORDER BY ?name";
    let (status, ct, body) = send(agent.get(&query_url).query("query", who), None);
    assert_eq!(
        (status, ct.as_str()),
        (200, "application/sparql-results+json")
    );
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let names: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"]["value"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Scott Bessent"), "{names:?}");

    // POST a query body, CSV by Accept.
    let (status, ct, body) = send(
        agent
            .post(&query_url)
            .set("Content-Type", "application/sparql-query")
            .set("Accept", "text/csv"),
        Some(who),
    );
    assert_eq!((status, ct.as_str()), (200, "text/csv"));
    assert!(body.starts_with("name\r\n"), "{body}");
    assert!(body.contains("Scott Bessent"));

    // POST a form, XML by Accept; TSV by a weighted Accept.
    let (status, ct, body) = send(
        agent
            .post(&query_url)
            .set("Accept", "text/csv;q=0.1, application/sparql-results+xml"),
        None,
    );
    assert_eq!(status, 415, "a POST without a body type: {ct} {body}");
    let form = agent
        .post(&query_url)
        .set("Accept", "text/csv;q=0.1, application/sparql-results+xml")
        .send_form(&[("query", who)])
        .unwrap();
    assert_eq!(form.content_type(), "application/sparql-results+xml");
    assert!(form.into_string().unwrap().contains("<sparql"));
    let (status, ct, _) = send(
        agent
            .get(&query_url)
            .query("query", "ASK { ?s ?p ?o }")
            .set("Accept", "text/tab-separated-values"),
        None,
    );
    assert_eq!((status, ct.as_str()), (200, "text/tab-separated-values"));
    let (status, _, _) = send(
        agent
            .get(&query_url)
            .query("query", who)
            .set("Accept", "image/png"),
        None,
    );
    assert_eq!(status, 406);

    // Updates are refused, in every form, and change nothing.
    let insert = "INSERT DATA { <http://e/x> <http://e/y> <http://e/z> }";
    let (status, _, body) = send(
        agent
            .post(&query_url)
            .set("Content-Type", "application/sparql-update"),
        Some(insert),
    );
    assert_eq!(status, 403, "{body}");
    let (status, _, _) = send(agent.post(&query_url).query("update", insert), Some(""));
    assert_eq!(status, 403);
    let (status, _, _) = send(agent.get(&query_url).query("update", insert), None);
    assert_eq!(status, 403);
    let (status, _, _) = send(
        agent
            .post(&format!("{}/update", server.base))
            .set("Content-Type", "application/sparql-update"),
        Some(insert),
    );
    assert_eq!(status, 403);
    let (status, _, body) = send(agent.get(&query_url).query("query", insert), None);
    assert_eq!(
        status, 400,
        "an update as a query is a syntax error: {body}"
    );
    let (_, _, body) = send(
        agent
            .get(&query_url)
            .query("query", "ASK { <http://e/x> ?p ?o }"),
        None,
    );
    assert!(body.contains("false"), "{body}");

    // Errors: syntax, no query, unknown path.
    let (status, _, body) = send(agent.get(&query_url).query("query", "SELEKT"), None);
    assert_eq!(status, 400);
    assert!(body.contains("SPARQL syntax error"), "{body}");
    assert_eq!(send(agent.get(&query_url), None).0, 400);
    assert_eq!(
        send(agent.get(&format!("{}/nope", server.base)), None).0,
        404
    );

    // A cartesian product is stopped at the time limit.
    let started = Instant::now();
    let (status, _, body) = send(
        agent.get(&query_url).query(
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        ),
        None,
    );
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("stopped"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(30));
    // A large answer is refused.
    let (status, _, body) = send(
        agent
            .get(&query_url)
            .query("query", "SELECT * WHERE { ?s ?p ?o }"),
        None,
    );
    assert_eq!(status, 413, "{body}");
    // Deep nesting is refused before parsing, and the server lives on.
    let deep = format!("SELECT * WHERE {}{}", "{".repeat(5000), "}".repeat(5000));
    let (status, _, _) = send(
        agent
            .post(&query_url)
            .set("Content-Type", "application/sparql-query"),
        Some(&deep),
    );
    assert_eq!(status, 400);
    let (status, _, _) = send(agent.get(&query_url).query("query", "ASK {}"), None);
    assert_eq!(status, 200);
}

#[test]
fn serve_listens_on_loopback_by_default() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("[default: 127.0.0.1:7878]"), "{help}");
}
