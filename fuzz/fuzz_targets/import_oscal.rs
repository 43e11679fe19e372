//! `frameworks import-oscal` on any bytes, read as JSON or, when they start
//! with `<`, as XML.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let catalog = common::scratch("catalog.json", data);
    let catalog = catalog.to_string_lossy();
    common::run(&["frameworks", "import-oscal", &catalog]);
});
