//! The rule-file parser: the first byte picks the rule file, the rest is
//! its text; see `newsgraph::check::rules_invariants`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::rules::Rules;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let names: Vec<&str> = Rules::file_names().collect();
    let name = names[pick as usize % names.len()];
    if let Err(e) = newsgraph::check::rules_invariants(name, text) {
        panic!("{e}");
    }
});
