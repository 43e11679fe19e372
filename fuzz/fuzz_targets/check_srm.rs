//! The whole check of one SRM (loading, resolution against the catalogs and
//! its provider, the built-in policy pack, the output), on any bytes as the
//! SRM, beside a valid provider.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const PROVIDER: &str = include_str!("../../fixtures/rules/provider.yaml");

fuzz_target!(|data: &[u8]| {
    common::scratch("provider.yaml", PROVIDER.as_bytes());
    let srm = common::scratch("srm.yaml", data);
    let srm = srm.to_string_lossy();
    common::run(&[
        "check",
        &srm,
        "--as-of",
        "2026-01-01",
        "--quiet",
        "--format",
        "json",
    ]);
});
