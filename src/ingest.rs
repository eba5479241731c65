//! Ingest: files, folders, JSON lines and standard input become [`Document`]s.
//!
//! This is the only stage that touches bytes and encodings. Every problem
//! (unreadable file, invalid UTF-8, malformed JSON line) becomes an
//! [`InputProblem`] naming the file (and line); the other inputs go on.

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One article: its id, its text exactly as read (BOM dropped, line ends
/// kept) and optional metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the folder given, without extension, `/`-separated;
    /// a file's stem; or a JSON line's `id`.
    pub id: String,
    /// The text. Every offset newsgraph writes counts code points in it.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An input that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// The file (or `-` for standard input).
    pub source: String,
    /// 1-based line, for JSON-lines inputs.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source, line, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// What reading the inputs gave: the documents, in a deterministic order
/// (sorted by id), and the problems met on the way.
#[derive(Debug, Default)]
pub struct Ingested {
    pub documents: Vec<Document>,
    pub problems: Vec<InputProblem>,
}

/// Decodes bytes as UTF-8 and drops leading byte-order marks. Text that
/// is mostly control characters is binary data, not an article, and is
/// refused; a few stray ones (a NUL from a scraper) are kept as they are.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let mut text = String::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    drop_boms(&mut text);
    if looks_binary(&text) {
        return Err("binary data, not text (mostly control characters)".into());
    }
    Ok(text)
}

/// Drops byte-order marks at the start of a text (an editor or a
/// concatenation may leave more than one).
fn drop_boms(text: &mut String) {
    let boms = text.len() - text.trim_start_matches('\u{feff}').len();
    text.drain(..boms);
}

/// More than one in ten of the first 4096 characters are control
/// characters other than tab, line and page ends.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(4096) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    control * 10 > chars
}

#[derive(Deserialize)]
struct JsonLine {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// Where documents come from, found before any is read: the files to read
/// in order (directories walked and sorted), and their total size for
/// progress reports.
#[derive(Debug, Default)]
pub struct Plan {
    sources: Vec<Source>,
    /// Problems met while walking the inputs (unreadable folders, missing
    /// files).
    pub problems: Vec<InputProblem>,
    /// Total bytes of the files found; standard input is not counted.
    pub total_bytes: u64,
}

#[derive(Debug)]
enum Source {
    Stdin,
    File { path: PathBuf, id: String },
}

impl Plan {
    /// Walks the inputs: files, directories (recursively: `*.txt`,
    /// `*.jsonl`, in sorted order) and `-` for standard input.
    pub fn new(inputs: &[PathBuf]) -> Plan {
        let mut plan = Plan::default();
        for input in inputs {
            if input.as_os_str() == "-" {
                plan.sources.push(Source::Stdin);
            } else if input.is_dir() {
                let mut files = Vec::new();
                let mut seen = BTreeSet::new();
                walk(input, &mut files, &mut seen, &mut plan.problems);
                files.sort();
                for file in files {
                    let rel = file.strip_prefix(input).unwrap_or(&file);
                    let id = id_of(rel);
                    plan.add_file(file, id);
                }
            } else if input.exists() {
                let stem = input
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                plan.add_file(input.clone(), stem);
            } else {
                plan.problems.push(problem(
                    &input.display().to_string(),
                    None,
                    "no such file or directory".into(),
                ));
            }
        }
        plan
    }

    fn add_file(&mut self, path: PathBuf, id: String) {
        self.total_bytes += fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        self.sources.push(Source::File { path, id });
    }

    /// Reads the sources one document at a time, in order, and hands each
    /// document or problem to `sink`; JSON-lines files and standard input
    /// are streamed line by line, so no more than one document's text is
    /// held here. The walk's own problems come first. `sink` may stop the
    /// reading by returning `ControlFlow::Break`.
    pub fn for_each(
        &self,
        sink: &mut dyn FnMut(Result<Document, InputProblem>) -> ControlFlow<()>,
    ) {
        for p in &self.problems {
            if sink(Err(p.clone())).is_break() {
                return;
            }
        }
        for source in &self.sources {
            let flow = match source {
                Source::Stdin => read_stdin(sink),
                Source::File { path, id } => read_file(path, id, sink),
            };
            if flow.is_break() {
                return;
            }
        }
    }
}

/// Reads every input at once: the documents sorted by id (the first of
/// two with one id kept) and the problems. [`Plan::for_each`] streams
/// instead.
pub fn read_inputs(inputs: &[PathBuf]) -> Ingested {
    let mut out = Ingested::default();
    let mut seen = BTreeSet::new();
    Plan::new(inputs).for_each(&mut |item| {
        match item {
            Ok(doc) => {
                if seen.insert(doc.id.clone()) {
                    out.documents.push(doc);
                } else {
                    out.problems.push(duplicate(&doc.id));
                }
            }
            Err(p) => out.problems.push(p),
        }
        ControlFlow::Continue(())
    });
    out.documents.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The problem of a second document with an id already read.
pub fn duplicate(id: &str) -> InputProblem {
    problem(
        id,
        None,
        "duplicate document id; the first one read is kept".into(),
    )
}

fn problem(source: &str, line: Option<usize>, message: String) -> InputProblem {
    InputProblem {
        source: source.to_string(),
        line,
        message,
    }
}

/// `politics/001.txt` relative to the folder → `politics/001`.
fn id_of(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut BTreeSet<PathBuf>,
    problems: &mut Vec<InputProblem>,
) {
    // Canonical paths guard against symlink loops.
    if let Ok(canon) = dir.canonicalize() {
        if !seen.insert(canon) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(problem(&dir.display().to_string(), None, e.to_string()));
            return;
        }
    };
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(e) => {
                problems.push(problem(&dir.display().to_string(), None, e.to_string()));
                continue;
            }
        };
        // `metadata` follows symbolic links: a link to a folder is walked
        // (the canonical paths stop loops), a dangling one is reported.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                let why = if path.is_symlink() {
                    "broken symbolic link".to_string()
                } else {
                    e.to_string()
                };
                problems.push(problem(&path.display().to_string(), None, why));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, files, seen, problems);
            continue;
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") | Some("jsonl") if meta.is_file() => files.push(path),
            // A pipe, socket or device would block or never end.
            Some("txt") | Some("jsonl") => problems.push(problem(
                &path.display().to_string(),
                None,
                "not a regular file".into(),
            )),
            _ => {}
        }
    }
}

/// Where documents and problems go as they are read.
pub type Sink<'a> = &'a mut dyn FnMut(Result<Document, InputProblem>) -> ControlFlow<()>;

fn read_file(path: &Path, id: &str, sink: Sink) -> ControlFlow<()> {
    let source = path.display().to_string();
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return match fs::File::open(path) {
            Ok(f) => read_jsonl(&source, BufReader::new(f), sink),
            Err(e) => sink(Err(problem(&source, None, e.to_string()))),
        };
    }
    match fs::read(path) {
        Ok(bytes) => read_bytes(&source, id, false, bytes, sink),
        Err(e) => sink(Err(problem(&source, None, e.to_string()))),
    }
}

/// Reads documents from bytes already in memory, as a file of them would
/// be read: JSON lines when `jsonl`, else one article with the given id.
/// `source` names the input in problems.
pub fn read_bytes(
    source: &str,
    id: &str,
    jsonl: bool,
    bytes: Vec<u8>,
    sink: Sink,
) -> ControlFlow<()> {
    if jsonl {
        return read_jsonl(source, bytes.as_slice(), sink);
    }
    match decode(bytes) {
        Ok(text) => sink(Ok(Document {
            id: id.to_string(),
            text,
            title: None,
            date: None,
            url: None,
        })),
        Err(message) => sink(Err(problem(source, None, message))),
    }
}

/// Standard input is JSON lines when its first non-blank character is `{`,
/// else one article with id `stdin`; blank input holds no document.
fn read_stdin(sink: Sink) -> ControlFlow<()> {
    let stdin = std::io::stdin();
    let mut input = BufReader::new(stdin.lock());
    // The leading blanks, kept: line numbers and text stay as given.
    let mut head = Vec::new();
    let first = loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) => return sink(Err(problem("-", None, e.to_string()))),
        };
        if buf.is_empty() {
            break None;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let first = buf[i];
                head.extend_from_slice(&buf[..i]);
                input.consume(i);
                break Some(first);
            }
            None => {
                let n = buf.len();
                head.extend_from_slice(buf);
                input.consume(n);
            }
        }
    };
    match first {
        Some(b'{') => {
            return read_jsonl("-", BufReader::new(head.as_slice().chain(input)), sink);
        }
        // Nothing but blanks: no document (an empty partition of a corpus).
        None => return ControlFlow::Continue(()),
        Some(_) => {}
    }
    let mut bytes = head;
    if let Err(e) = input.read_to_end(&mut bytes) {
        return sink(Err(problem("-", None, e.to_string())));
    }
    match decode(bytes) {
        Ok(text) => sink(Ok(Document {
            id: "stdin".into(),
            text,
            title: None,
            date: None,
            url: None,
        })),
        Err(message) => sink(Err(problem("-", None, message))),
    }
}

fn read_jsonl(source: &str, mut input: impl BufRead, sink: Sink) -> ControlFlow<()> {
    let mut raw = Vec::new();
    let mut line_no = 0;
    loop {
        raw.clear();
        match input.read_until(b'\n', &mut raw) {
            Ok(0) => return ControlFlow::Continue(()),
            Ok(_) => {}
            Err(e) => return sink(Err(problem(source, Some(line_no + 1), e.to_string()))),
        }
        line_no += 1;
        if let Some(item) = jsonl_line(source, line_no, &raw) {
            sink(item)?;
        }
    }
}

/// One JSON line as a document, a problem, or nothing when blank.
fn jsonl_line(source: &str, line_no: usize, raw: &[u8]) -> Option<Result<Document, InputProblem>> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let bad = |message: String| Some(Err(problem(source, Some(line_no), message)));
    let line = match decode(raw.to_vec()) {
        Ok(line) => line,
        Err(message) => return bad(message),
    };
    let parsed: JsonLine = match serde_json::from_str(&line) {
        Ok(parsed) => parsed,
        Err(e) => return bad(format!("malformed JSON: {e}")),
    };
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return bad("missing \"id\" (a non-empty string)".into()),
    };
    let Some(mut text) = parsed.text else {
        return bad("missing \"text\"".into());
    };
    drop_boms(&mut text);
    Some(Ok(Document {
        id,
        text,
        title: parsed.title,
        date: parsed.date,
        url: parsed.url,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_line_ends_kept() {
        let text = decode(b"\xef\xbb\xbfa\r\nb".to_vec()).unwrap();
        assert_eq!(text, "a\r\nb");
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_byte() {
        let err = decode(vec![b'a', 0xff]).unwrap_err();
        assert!(err.contains("byte 1"), "{err}");
    }

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(id_of(Path::new("politics/001.txt")), "politics/001");
        assert_eq!(id_of(Path::new("a.txt")), "a");
    }

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_good_ones() {
        let mut out = Ingested::default();
        let data = "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n{\"id\":\"b\"}\n\n{\"id\":\"c\",\"text\":\"y\",\"date\":\"2025-05-01\"}";
        let _ = read_jsonl("f.jsonl", data.as_bytes(), &mut |item| {
            match item {
                Ok(d) => out.documents.push(d),
                Err(p) => out.problems.push(p),
            }
            ControlFlow::Continue(())
        });
        let ids: Vec<_> = out.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(out.documents[1].date.as_deref(), Some("2025-05-01"));
        let lines: Vec<_> = out.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(3)]);
    }
}
