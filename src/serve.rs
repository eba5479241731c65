//! `newsgraph serve`: a read-only SPARQL 1.1 Protocol endpoint over a
//! store, with a small HTML page to type queries.
//!
//! - `GET /query?query=…` and `POST /query` (body `application/sparql-query`,
//!   or a form `query=…`): the answer in the format the `Accept` header
//!   asks for (SPARQL results JSON, XML, CSV, TSV; N-Triples for
//!   `CONSTRUCT`/`DESCRIBE`), or the one a `format=` parameter names.
//! - Updates are refused with `403 Forbidden`; the store is opened
//!   read-only besides.
//! - Each query runs in a child process that is killed at its time limit
//!   (`503`); an answer over the size limit is refused (`413`); request
//!   bodies and bracket nesting are bounded too.

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use thiserror::Error;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::export::{write_answer, ResultsKind};
use crate::store::{Answer, GraphStore, Limits, StoreError};

/// How the endpoint runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on; loopback by default.
    pub bind: String,
    /// Time limit of one query.
    pub timeout: Duration,
    /// Most rows (or triples) an answer may have.
    pub max_results: usize,
    /// Requests answered at once.
    pub workers: usize,
    /// The store directory, which each query's child opens read-only.
    pub store: PathBuf,
    /// The newsgraph program that runs each query (`serve-query`).
    pub program: PathBuf,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: "127.0.0.1:7878".into(),
            timeout: Duration::from_secs(10),
            max_results: 10_000,
            workers: 4,
            store: PathBuf::from("newsgraph-store"),
            program: PathBuf::from("newsgraph"),
        }
    }
}

/// Largest request body read, in bytes.
pub const MAX_BODY: u64 = 1 << 20;

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on {bind}: {message}")]
    Bind { bind: String, message: String },
}

/// Serves the store until the process ends. `ready` is told the address
/// listened on (useful with port 0) before the first request is taken.
pub fn serve(options: &ServeOptions, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let server = Server::http(&options.bind).map_err(|e| ServeError::Bind {
        bind: options.bind.clone(),
        message: e.to_string(),
    })?;
    if let Some(addr) = server.server_addr().to_ip() {
        ready(addr);
    }
    let server = Arc::new(server);
    let workers: Vec<_> = (0..options.workers.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let options = options.clone();
            std::thread::Builder::new()
                .name("newsgraph-serve".into())
                .spawn(move || {
                    for request in server.incoming_requests() {
                        handle(&options, request);
                    }
                })
        })
        .collect();
    for w in workers {
        match w {
            Ok(w) => {
                let _ = w.join();
            }
            Err(e) => {
                return Err(ServeError::Bind {
                    bind: options.bind.clone(),
                    message: format!("cannot start a worker thread: {e}"),
                })
            }
        }
    }
    Ok(())
}

/// A response about to be sent.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Reply {
    fn text(status: u16, message: impl Into<String>) -> Reply {
        let mut body = message.into().into_bytes();
        body.push(b'\n');
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body,
        }
    }
}

fn handle(options: &ServeOptions, mut request: Request) {
    let reply = answer(options, &mut request);
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    if let Ok(h) = Header::from_bytes(&b"Content-Type"[..], reply.content_type.as_bytes()) {
        response.add_header(h);
    }
    if let Ok(h) = Header::from_bytes(&b"Access-Control-Allow-Origin"[..], &b"*"[..]) {
        response.add_header(h);
    }
    // A client that went away is no one's problem.
    let _ = request.respond(response);
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn answer(options: &ServeOptions, request: &mut Request) -> Reply {
    let url = request.url().to_string();
    let (path, query_string) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let mut params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes())
        .into_owned()
        .collect();
    if params.iter().any(|(k, _)| k == "update") {
        return read_only();
    }
    match (request.method(), path) {
        (Method::Get, "/") => {
            return Reply {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: PAGE.as_bytes().to_vec(),
            }
        }
        (Method::Get, "/query") => {}
        (Method::Post, "/query") => {
            let content_type = header(request, "Content-Type")
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(MAX_BODY + 1)
                .read_to_end(&mut body);
            if read.is_err() {
                return Reply::text(400, "cannot read the request body");
            }
            if body.len() as u64 > MAX_BODY {
                return Reply::text(
                    413,
                    format!("request bodies are limited to {MAX_BODY} bytes"),
                );
            }
            match content_type.as_str() {
                "application/sparql-query" => match String::from_utf8(body) {
                    Ok(q) => params.push(("query".into(), q)),
                    Err(_) => return Reply::text(400, "the query is not UTF-8"),
                },
                "application/x-www-form-urlencoded" => {
                    params.extend(form_urlencoded::parse(&body).into_owned());
                }
                "application/sparql-update" => return read_only(),
                other => {
                    return Reply::text(
                        415,
                        format!(
                            "unsupported Content-Type {other:?}: send application/sparql-query \
                             or a form with query="
                        ),
                    )
                }
            }
        }
        (_, "/update") => return read_only(),
        (_, "/" | "/query") => return Reply::text(405, "use GET or POST"),
        _ => return Reply::text(404, "not found: the endpoint is /query, the page is /"),
    }
    if params.iter().any(|(k, _)| k == "update") {
        return read_only();
    }
    let queries: Vec<&str> = params
        .iter()
        .filter(|(k, _)| k == "query")
        .map(|(_, v)| v.as_str())
        .collect();
    let [query] = queries[..] else {
        return Reply::text(400, "give exactly one query= parameter");
    };
    let format = params
        .iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.as_str());
    let Some(kind) = negotiate(format, header(request, "Accept")) else {
        return Reply::text(
            406,
            "no acceptable format: the results come as application/sparql-results+json, \
             application/sparql-results+xml, text/csv or text/tab-separated-values",
        );
    };
    if nesting_depth(query) > MAX_NESTING {
        return Reply::text(
            400,
            format!("the query nests brackets more than {MAX_NESTING} deep"),
        );
    }
    run_isolated(options, query, kind)
}

/// What a query child writes: a first line `STATUS CONTENT-TYPE`, then
/// the body.
pub fn answer_query(
    store: &GraphStore,
    query: &str,
    kind: ResultsKind,
    limits: &Limits,
) -> (u16, String, Vec<u8>) {
    let reply = evaluate(store, query, kind, limits);
    (reply.status, reply.content_type.to_string(), reply.body)
}

fn evaluate(store: &GraphStore, query: &str, kind: ResultsKind, limits: &Limits) -> Reply {
    match store.query_limited(query, limits) {
        Ok(answer) => {
            let mut body = Vec::new();
            if write_answer(&answer, kind, &mut body).is_err() {
                return Reply::text(500, "cannot write the answer");
            }
            let content_type = match (&answer, kind) {
                (Answer::Graph(_), _) => "application/n-triples",
                (_, ResultsKind::Csv) => "text/csv; charset=utf-8",
                (_, ResultsKind::Tsv) => "text/tab-separated-values; charset=utf-8",
                (_, ResultsKind::Xml) => "application/sparql-results+xml",
                _ => "application/sparql-results+json",
            };
            Reply {
                status: 200,
                content_type,
                body,
            }
        }
        Err(e @ StoreError::Syntax(_)) => Reply::text(400, e.to_string()),
        Err(e @ StoreError::Timeout(_)) => Reply::text(503, e.to_string()),
        Err(e @ StoreError::TooLarge(_)) => Reply::text(413, e.to_string()),
        Err(e) => Reply::text(500, e.to_string()),
    }
}

/// Runs one query in a child process (`newsgraph serve-query`), killed
/// when its time is up: the query engine stops itself at the time limit
/// where it can, and the kill stops it where it cannot (an in-memory
/// cartesian product), so no query is served forever and none can take the
/// server's memory or stack with it.
fn run_isolated(options: &ServeOptions, query: &str, kind: ResultsKind) -> Reply {
    let format = match kind {
        ResultsKind::Csv => "csv",
        ResultsKind::Tsv => "tsv",
        ResultsKind::Xml => "xml",
        ResultsKind::Json | ResultsKind::Table => "json",
    };
    let spawned = Command::new(&options.program)
        .arg("serve-query")
        .arg("--store")
        .arg(&options.store)
        .args(["--format", format])
        .arg("--timeout")
        .arg(options.timeout.as_secs_f64().to_string())
        .arg("--max-results")
        .arg(options.max_results.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => return Reply::text(500, format!("cannot run the query: {e}")),
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A child that died early closes its end: its status tells.
        let _ = stdin.write_all(query.as_bytes());
    }
    let Some(mut stdout) = child.stdout.take() else {
        return Reply::text(500, "cannot read the query's answer");
    };
    let cap = MAX_ANSWER_BYTES;
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stdout).take(cap + 1).read_to_end(&mut out);
        out
    });
    let deadline = Instant::now() + options.timeout + Duration::from_secs(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => break None,
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
        let _ = reader.join();
        return Reply::text(
            503,
            format!(
                "the query was stopped after {:?}, its time limit",
                options.timeout
            ),
        );
    }
    let Ok(out) = reader.join() else {
        return Reply::text(500, "cannot read the query's answer");
    };
    if out.len() as u64 > cap {
        return Reply::text(413, format!("the answer is larger than {cap} bytes"));
    }
    let Some(newline) = out.iter().position(|b| *b == b'\n') else {
        return Reply::text(
            500,
            "the query failed (its process ended without an answer)",
        );
    };
    let head = String::from_utf8_lossy(&out[..newline]).to_string();
    let (code, content_type) = head.split_once(' ').unwrap_or((head.as_str(), ""));
    let status = code.parse::<u16>().unwrap_or(500);
    Reply {
        status,
        content_type: known_content_type(content_type),
        body: out[newline + 1..].to_vec(),
    }
}

/// Content types a child may name, as static strings for the reply.
fn known_content_type(ct: &str) -> &'static str {
    [
        "application/n-triples",
        "text/csv; charset=utf-8",
        "text/tab-separated-values; charset=utf-8",
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/plain; charset=utf-8",
    ]
    .into_iter()
    .find(|k| *k == ct)
    .unwrap_or("application/octet-stream")
}

/// Largest answer served, in bytes.
pub const MAX_ANSWER_BYTES: u64 = 256 << 20;

/// Deepest nesting of brackets a query may have: deeper ones are refused
/// before they are parsed, so that no query can exhaust the parser's stack.
pub const MAX_NESTING: usize = 64;

/// The deepest nesting of `{`, `(` and `[` outside string literals and
/// comments.
fn nesting_depth(query: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    let mut chars = query.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            (None, '{' | '(' | '[') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, '}' | ')' | ']') => depth = depth.saturating_sub(1),
            (None, _) => {}
        }
    }
    deepest
}

fn read_only() -> Reply {
    Reply::text(
        403,
        "this endpoint is read-only: SPARQL updates are refused",
    )
}

/// The results format: a `format=` parameter (`json`, `xml`, `csv`,
/// `tsv`) first, else the first media type of `Accept` (by its order and
/// `q` weights) that is served.
fn negotiate(format: Option<&str>, accept: Option<&str>) -> Option<ResultsKind> {
    if let Some(f) = format {
        return match f {
            "json" => Some(ResultsKind::Json),
            "xml" => Some(ResultsKind::Xml),
            "csv" => Some(ResultsKind::Csv),
            "tsv" => Some(ResultsKind::Tsv),
            _ => None,
        };
    }
    let Some(accept) = accept else {
        return Some(ResultsKind::Json);
    };
    let mut ranges: Vec<(f32, usize, &str)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let media = bits.next()?.trim();
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, media))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges
        .into_iter()
        .find_map(|(_, _, media)| match media.to_ascii_lowercase().as_str() {
            "application/sparql-results+json" | "application/json" => Some(ResultsKind::Json),
            "application/sparql-results+xml" | "application/xml" => Some(ResultsKind::Xml),
            "text/csv" => Some(ResultsKind::Csv),
            "text/tab-separated-values" => Some(ResultsKind::Tsv),
            "*/*" | "application/*" | "application/n-triples" => Some(ResultsKind::Json),
            "text/*" | "text/plain" => Some(ResultsKind::Csv),
            _ => None,
        })
}

const PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph SPARQL</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}textarea{width:100%;height:12em;font-family:monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style></head>
<body><h1>newsgraph SPARQL</h1>
<p>Read-only SPARQL 1.1 endpoint at <code>/query</code>. The default graph is the union of all graphs.</p>
<form id="f"><textarea id="q">PREFIX ng: &lt;https://w3id.org/newsgraph/ontology#&gt;
PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
SELECT ?agreement ?name WHERE {
  ?agreement a ng:Agreement ; rdfs:label ?name .
} LIMIT 50</textarea><br><button>Run</button></form>
<div id="out"></div>
<script>
document.getElementById('f').onsubmit = async (e) => {
  e.preventDefault();
  const out = document.getElementById('out');
  out.textContent = 'running…';
  const r = await fetch('query', {method: 'POST', headers: {'Content-Type': 'application/sparql-query',
    'Accept': 'application/sparql-results+json'}, body: document.getElementById('q').value});
  if (!r.ok) { out.textContent = r.status + ' ' + await r.text(); return; }
  const j = await r.json();
  if (j.boolean !== undefined) { out.textContent = String(j.boolean); return; }
  const t = document.createElement('table');
  const vars = j.head.vars;
  t.insertRow().append(...vars.map(v => { const th = document.createElement('th'); th.textContent = v; return th; }));
  for (const b of j.results.bindings) {
    const row = t.insertRow();
    for (const v of vars) row.insertCell().textContent = b[v] ? b[v].value : '';
  }
  out.replaceChildren(t);
};
</script></body></html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_and_comments() {
        assert_eq!(
            nesting_depth("SELECT * { ?s ?p ?o FILTER(?o = \"{{{\") }"),
            2
        );
        assert_eq!(nesting_depth("# {{{{\nASK { }"), 1);
        assert_eq!(nesting_depth(&"{".repeat(100)), 100);
    }

    #[test]
    fn negotiation_follows_accept_order_and_weights() {
        assert_eq!(negotiate(None, None), Some(ResultsKind::Json));
        assert_eq!(negotiate(None, Some("text/csv")), Some(ResultsKind::Csv));
        assert_eq!(
            negotiate(None, Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some(ResultsKind::Xml)
        );
        assert_eq!(
            negotiate(None, Some("image/png, text/tab-separated-values")),
            Some(ResultsKind::Tsv)
        );
        assert_eq!(negotiate(None, Some("image/png")), None);
        assert_eq!(
            negotiate(Some("csv"), Some("application/json")),
            Some(ResultsKind::Csv)
        );
        assert_eq!(negotiate(Some("pdf"), None), None);
    }
}
