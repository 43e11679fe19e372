//! The partnership maturity assessment on its fixtures: one per lens and
//! level (`fixtures/maturity/<lens>-<level>/`), the lens at that level and the
//! other at 5 (at 4 beside a lens at 5), the partnership at the lower.

use std::fs;

use serde_json::Value;

use crate::harness::{root, Run};

/// The lens and level a fixture folder's name gives, and the other lens's.
fn expected(name: &str) -> (&str, u64, &str, u64) {
    let (lens, level) = name.rsplit_once('-').expect("<lens>-<level>");
    let level: u64 = level.parse().expect("a level");
    let other = if lens == "soc" {
        "infrastructure"
    } else {
        "soc"
    };
    (lens, level, other, if level == 5 { 4 } else { 5 })
}

fn maturity(dir: &str) -> Value {
    let output = Run::check([dir]).args(["--format", "json"]).in_root().run();
    let report: Value = serde_json::from_str(&output.stdout).expect("JSON output");
    report["srms"][0]["assessments"]["maturity"].clone()
}

#[test]
fn each_fixture_is_at_its_lens_level_and_the_partnership_at_the_lower() {
    let mut dirs: Vec<String> = fs::read_dir(root().join("fixtures/maturity"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs.len(), 10, "a fixture per lens and level: {dirs:?}");
    for name in &dirs {
        let (lens, level, other, other_level) = expected(name);
        let result = maturity(&format!("fixtures/maturity/{name}"));
        assert_eq!(result["lenses"][lens]["level"], level, "{name}: {result}");
        assert_eq!(
            result["lenses"][other]["level"], other_level,
            "{name}: {result}"
        );
        assert_eq!(result["level"], level.min(other_level), "{name}: {result}");
        let next = result["lenses"][lens]["next"].as_array().unwrap();
        assert_eq!(next.is_empty(), level == 5, "{name}: steps {next:?}");
    }
}

#[test]
fn the_steps_are_the_models_and_say_what_the_srm_lacks() {
    let result = maturity("fixtures/maturity/soc-1");
    let steps = result["next"].as_array().unwrap();
    assert_eq!(steps.len(), 1, "{steps:?}");
    assert_eq!(
        steps[0],
        "Confirm exactly what the MSSP monitors and how coverage is validated: every in-scope \
         security operations control covered by an owner able to perform it (1 without an \
         owner, 0 not capable)"
    );
    let infra = maturity("fixtures/maturity/infrastructure-3");
    let steps: Vec<&str> = infra["lenses"]["infrastructure"]["next"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.iter().any(|s| s
        .starts_with("Perform root cause analysis after incidents to strengthen detection logic")));
    assert!(steps
        .iter()
        .any(|s| s.contains("`outcome: change-failure-rate`")));
}

#[test]
fn the_fixtures_above_reactive_have_no_findings() {
    for lens in ["soc", "infrastructure"] {
        for level in 2..=5 {
            Run::check([format!("fixtures/maturity/{lens}-{level}")])
                .args(["--fail-on", "info"])
                .in_root()
                .run()
                .code(0);
        }
    }
}

/// A maturity fixture's SRM, as edited, in a scratch folder with its
/// provider and environment.
fn scratch(edit: impl Fn(&str) -> String) -> Run {
    let read =
        |path: &str| fs::read_to_string(root().join("fixtures/maturity").join(path)).unwrap();
    let srm = read("soc-3/srm.yaml");
    let edited = edit(&srm);
    assert_ne!(edited, srm, "the edit applies");
    Run::check(["m/soc-3/srm.yaml"])
        .file("m/provider.yaml", read("provider.yaml"))
        .file("m/environment.yaml", read("environment.yaml"))
        .file("m/soc-3/srm.yaml", edited)
}

#[test]
fn an_exercise_has_a_known_kind_a_date_and_parties_of_the_srm() {
    scratch(|srm| srm.replacen("kind: incident-response-test", "kind: fire-drill", 1))
        .run()
        .code(2)
        .contains("fire-drill");
    scratch(|srm| srm.replacen("date: 2026-05-12", "date: 2026-05-32", 1))
        .run()
        .code(2)
        .contains("2026-05-32");
    scratch(|srm| {
        srm.replacen(
            "    - client\n    title: Ransomware",
            "    - clinet\n    title: Ransomware",
            1,
        )
    })
    .run()
    .code(2)
    .contains("`clinet` is not a party");
}

#[test]
fn an_unknown_evidence_kind_or_outcome_is_refused() {
    scratch(|srm| srm.replacen("kind: detection-coverage-map", "kind: coverage-map", 1))
        .run()
        .code(2)
        .contains("coverage-map");
    scratch(|srm| srm.replacen("outcome: time-to-detect", "outcome: mttd", 1))
        .run()
        .code(2)
        .contains("mttd");
}
