//! Ingest: files, folders, JSON lines and standard input become [`Document`]s.
//!
//! This is the only stage that touches bytes and encodings. Every problem
//! (unreadable file, invalid UTF-8, malformed JSON line) becomes an
//! [`InputProblem`] naming the file (and line); the other inputs go on.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
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

/// Decodes bytes as UTF-8 and drops a leading byte-order mark.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let mut text = String::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

#[derive(Deserialize)]
struct JsonLine {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// Reads every input: files, directories (recursively: `*.txt`, `*.jsonl`)
/// and `-` for standard input.
pub fn read_inputs(inputs: &[PathBuf]) -> Ingested {
    let mut out = Ingested::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => read_stdin(bytes, &mut out),
                Err(e) => out.problems.push(problem("-", None, e.to_string())),
            }
        } else if input.is_dir() {
            let mut files = Vec::new();
            let mut seen = BTreeSet::new();
            walk(input, &mut files, &mut seen, &mut out.problems);
            files.sort();
            for file in files {
                let rel = file.strip_prefix(input).unwrap_or(&file);
                read_file(&file, &id_of(rel), &mut out);
            }
        } else if input.exists() {
            let stem = input
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_file(input, &stem, &mut out);
        } else {
            out.problems.push(problem(
                &input.display().to_string(),
                None,
                "no such file or directory".into(),
            ));
        }
    }
    let mut seen = BTreeSet::new();
    let mut documents = Vec::with_capacity(out.documents.len());
    for doc in std::mem::take(&mut out.documents) {
        if seen.insert(doc.id.clone()) {
            documents.push(doc);
        } else {
            out.problems.push(problem(
                &doc.id,
                None,
                "duplicate document id; the first one read is kept".into(),
            ));
        }
    }
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    out.documents = documents;
    out
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
        if path.is_dir() {
            walk(&path, files, seen, problems);
        } else {
            match path.extension().and_then(|e| e.to_str()) {
                Some("txt") | Some("jsonl") => files.push(path),
                _ => {}
            }
        }
    }
}

fn read_file(path: &Path, id: &str, out: &mut Ingested) {
    let source = path.display().to_string();
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out.problems.push(problem(&source, None, e.to_string()));
            return;
        }
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        read_jsonl(&source, bytes, out);
        return;
    }
    match decode(bytes) {
        Ok(text) => out.documents.push(Document {
            id: id.to_string(),
            text,
            title: None,
            date: None,
            url: None,
        }),
        Err(message) => out.problems.push(problem(&source, None, message)),
    }
}

/// Standard input is JSON lines when its first non-blank character is `{`,
/// else one article with id `stdin`.
fn read_stdin(bytes: Vec<u8>, out: &mut Ingested) {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if first == Some(b'{') {
        read_jsonl("-", bytes, out);
        return;
    }
    match decode(bytes) {
        Ok(text) => out.documents.push(Document {
            id: "stdin".into(),
            text,
            title: None,
            date: None,
            url: None,
        }),
        Err(message) => out.problems.push(problem("-", None, message)),
    }
}

fn read_jsonl(source: &str, bytes: Vec<u8>, out: &mut Ingested) {
    for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let line = match decode(raw.to_vec()) {
            Ok(line) => line,
            Err(message) => {
                out.problems.push(problem(source, Some(line_no), message));
                continue;
            }
        };
        let parsed: JsonLine = match serde_json::from_str(&line) {
            Ok(parsed) => parsed,
            Err(e) => {
                out.problems.push(problem(
                    source,
                    Some(line_no),
                    format!("malformed JSON: {e}"),
                ));
                continue;
            }
        };
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                out.problems.push(problem(
                    source,
                    Some(line_no),
                    "missing \"id\" (a non-empty string)".into(),
                ));
                continue;
            }
        };
        let Some(mut text) = parsed.text else {
            out.problems
                .push(problem(source, Some(line_no), "missing \"text\"".into()));
            continue;
        };
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        out.documents.push(Document {
            id,
            text,
            title: parsed.title,
            date: parsed.date,
            url: parsed.url,
        });
    }
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
        let data = "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n{\"id\":\"b\"}\n\n{\"id\":\"c\",\"text\":\"y\",\"date\":\"2025-05-01\"}\n";
        read_jsonl("f.jsonl", data.as_bytes().to_vec(), &mut out);
        let ids: Vec<_> = out.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(out.documents[1].date.as_deref(), Some("2025-05-01"));
        let lines: Vec<_> = out.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(3)]);
    }
}
