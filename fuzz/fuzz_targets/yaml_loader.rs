//! The YAML loader on any bytes: the spanned tree, the document model and
//! every problem with its place.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::scratch("input.yaml", data);
    let loader = srmcheck::Loader::new(srmcheck::Limits::default());
    let _ = loader.load(&path);
});
