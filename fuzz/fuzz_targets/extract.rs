//! Text → records: every span inside the text, on code points, its text
//! equal to its slice; every IRI valid; every RDF export parses again.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsgraph::{Document, Reader, Rules};

fn reader() -> &'static Reader {
    static READER: OnceLock<Reader> = OnceLock::new();
    READER.get_or_init(|| match Rules::builtin().map(Reader::new) {
        Ok(Ok(r)) => r,
        _ => panic!("the built-in rules do not load"),
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document {
        id: "fuzz/doc 1".into(),
        text: text.to_string(),
        title: None,
        date: None,
        url: None,
    };
    if let Err(e) = newsgraph::check::document_invariants(reader(), &doc) {
        panic!("{e}");
    }
});
