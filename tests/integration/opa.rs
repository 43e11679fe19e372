//! The built-in pack in the real OPA engine: OPA loads it (valid Rego, no
//! recursion) and finds exactly what srmcheck finds, rule by rule and
//! assessment by assessment, on every SRM fixture
//! (`tests/opa/differential.py`). This keeps regorus's semantics and OPA's
//! from drifting apart under the pack.
//!
//! Needs a Python with the PyPI wheel `opa-golib-python-bindings` (it embeds
//! OPA; `pip install --ignore-requires-python opa-golib-python-bindings`),
//! named by `SRMCHECK_OPA_PYTHON`; skipped without it unless
//! `SRMCHECK_REQUIRE_OPA` is set, as CI sets it.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::Command;

use crate::harness::root;

/// The Python that has OPA's bindings, if any.
fn python() -> Option<PathBuf> {
    let python = std::env::var_os("SRMCHECK_OPA_PYTHON").map(PathBuf::from);
    let found = python.filter(|python| {
        Command::new(python)
            .args(["-c", "import opa_bindings.engine"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() && std::env::var_os("SRMCHECK_REQUIRE_OPA").is_some() {
        panic!("SRMCHECK_OPA_PYTHON names no Python with opa-golib-python-bindings");
    }
    found
}

/// Every SRM among the fixtures.
fn srm_fixtures() -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root().join("fixtures"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "yaml"))
        .filter(|entry| {
            std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("\nkind: ResponsibilityMatrix"))
        })
        .map(|entry| {
            let path = entry.path().strip_prefix(root()).expect("below the root");
            path.to_string_lossy().into_owned()
        })
        .collect();
    files.sort();
    files
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
    let files = srm_fixtures();
    assert!(files.len() > 40, "{files:?}");
    let output = Command::new(python)
        .arg("tests/opa/differential.py")
        .arg(env!("CARGO_BIN_EXE_srmcheck"))
        .args(["policies", "2026-06-01"])
        .args(&files)
        .current_dir(root())
        .output()
        .expect("python runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.contains(&format!("{} SRMs,", files.len())), "{text}");
    assert!(text.contains(" 0 differences"), "{text}");
}
