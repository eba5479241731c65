//! Inputs the fuzz targets (`fuzz/`) found interesting or that once broke
//! an invariant, kept as regression tests: each file under
//! `tests/fuzz/<target>/` is run through the target's checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use newsgraph::rules::Rules;
use newsgraph::{Document, Reader};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
        .into_iter()
        .map(|f| {
            let data = std::fs::read(&f).unwrap();
            (f, data)
        })
        .collect()
}

#[test]
fn ingest_inputs() {
    for (file, data) in inputs("ingest") {
        if let Err(e) = newsgraph::check::ingest_invariants(&data) {
            panic!("{}: {e}", file.display());
        }
    }
}

#[test]
fn rules_inputs() {
    let names: Vec<&str> = Rules::file_names().collect();
    for (file, data) in inputs("rules") {
        let Some((&pick, rest)) = data.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let name = names[pick as usize % names.len()];
        if let Err(e) = newsgraph::check::rules_invariants(name, text) {
            panic!("{}: {e}", file.display());
        }
    }
}

#[test]
fn extract_inputs() {
    let reader = Reader::new(Rules::builtin().unwrap()).unwrap();
    for (file, data) in inputs("extract") {
        let Ok(text) = String::from_utf8(data) else {
            continue;
        };
        let doc = Document {
            id: "fuzz/doc 1".into(),
            text,
            title: None,
            date: None,
            url: None,
        };
        if let Err(e) = newsgraph::check::document_invariants(&reader, &doc) {
            panic!("{}: {e}", file.display());
        }
    }
}
