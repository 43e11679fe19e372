//! The built-in pack in the real OPA engine: OPA loads it (valid Rego, no
//! recursion) and finds exactly what srmcheck finds, rule by rule and
//! assessment by assessment, on every SRM fixture
//! (`tests/opa/differential.py`). This keeps regorus's semantics and OPA's
//! from drifting apart under the pack.
//!
//! Needs a Python with the PyPI wheel `opa-golib-python-bindings` (it embeds
//! OPA; `pip install --ignore-requires-python opa-golib-python-bindings`),
//! named by `SRMCHECK_OPA_PYTHON` or in `~/.cache/srmcheck-opa` (where CI
//! installs it); skipped without it unless
//! `SRMCHECK_REQUIRE_OPA` is set, as CI sets it.

use std::io::Write as _;
use std::path::PathBuf;

use crate::harness::{fixture_srms, python_with, run_python};

/// The Python that has OPA's bindings, if any.
fn python() -> Option<PathBuf> {
    python_with(
        "opa_bindings.engine",
        "SRMCHECK_OPA_PYTHON",
        "srmcheck-opa",
        "SRMCHECK_REQUIRE_OPA",
    )
}

#[test]
fn opa_finds_what_srmcheck_finds_on_every_fixture() {
    let Some(python) = python() else {
        // Past the test capture, so that a skip shows in the test run's output.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the OPA differential test: set SRMCHECK_OPA_PYTHON to a Python with \
             opa-golib-python-bindings; CI requires it with SRMCHECK_REQUIRE_OPA=1"
        );
        return;
    };
    let files = fixture_srms();
    assert!(files.len() > 40, "{files:?}");
    let mut args: Vec<std::ffi::OsString> = vec![
        "tests/opa/differential.py".into(),
        env!("CARGO_BIN_EXE_srmcheck").into(),
        "policies".into(),
        "2026-06-01".into(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    let text = run_python(&python, args);
    assert!(text.contains(&format!("{} SRMs,", files.len())), "{text}");
    assert!(text.contains(" 0 differences"), "{text}");
}
