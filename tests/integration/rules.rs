//! Every rule of the built-in pack fires on its `fire` fixture and stays
//! silent on its `pass` fixture (`fixtures/rules/<rule id>/{fire,pass}`).

use std::path::Path;

use crate::harness::{root, Run};

/// The `custom.id` of every built-in rule, read from the METADATA of its file.
fn rule_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(root().join("policies")).expect("policies folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !name.ends_with(".rego") || name.ends_with("_test.rego") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("policy readable");
        let id = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("id: "))
            .unwrap_or_else(|| panic!("{name} has no custom.id"));
        ids.push(id.trim().to_owned());
    }
    ids.sort();
    ids
}

#[test]
fn every_rule_has_fire_and_pass_fixtures() {
    let ids = rule_ids();
    assert!(ids.len() >= 2, "the pack has rules: {ids:?}");
    for id in ids {
        for case in ["fire", "pass"] {
            let dir = root().join("fixtures/rules").join(&id).join(case);
            assert!(dir.is_dir(), "missing fixture folder {}", dir.display());
        }
    }
}

#[test]
fn every_rule_fires_on_its_fire_fixture() {
    for id in rule_ids() {
        let dir = Path::new("fixtures/rules").join(&id).join("fire");
        Run::check([&dir])
            .in_root()
            .run()
            .code(1)
            .contains(&format!("error[{id}]"));
    }
}

#[test]
fn every_rule_is_silent_on_its_pass_fixture() {
    for id in rule_ids() {
        let dir = Path::new("fixtures/rules").join(&id).join("pass");
        Run::check([&dir])
            .in_root()
            .run()
            .code(0)
            .lacks(&format!("[{id}]"));
    }
}

#[test]
fn uncovered_control_counts_expired_exceptions_as_gaps() {
    Run::check(["fixtures/rules/uncovered-control/fire"])
        .in_root()
        .run()
        .code(1)
        .contains("164.308(a)(6) (Security Incident Procedures) is not covered")
        .contains("164.310(c) (Workstation Security) is not covered");
}

#[test]
fn uncovered_control_accepts_a_current_exception() {
    Run::check([
        "fixtures/rules/uncovered-control/fire",
        "--as-of",
        "2026-05-01",
    ])
    .in_root()
    .run()
    .lacks("164.310(c) (Workstation Security) is not covered");
}
