//! Bytes → documents: see `newsgraph::check::ingest_invariants`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = newsgraph::check::ingest_invariants(data) {
        panic!("{e}");
    }
});
