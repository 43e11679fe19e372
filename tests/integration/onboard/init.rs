//! `srmcheck init`: a first SRM that loads for every built-in framework and
//! whose only findings are its TODO placeholders, each at its place.

use serde_json::Value;

use crate::harness::{root, Run, AS_OF};

/// Runs `init` with `args` into `srm.yaml` of a scratch folder, then checks
/// it: the findings, as JSON.
fn init_and_check(args: &[&str]) -> Vec<Value> {
    // The provider inside the scratch project: references stay in its root.
    let scratch = tempfile::TempDir::new().unwrap();
    let dir = scratch.path().to_path_buf();
    let provider = dir.join("provider.yaml");
    std::fs::copy(root().join("fixtures/portfolio/provider.yaml"), &provider).unwrap();
    let environment = root().join("fixtures/portfolio/clients/acme-manufacturing/environment.yaml");
    std::fs::copy(environment, dir.join("environment.yaml")).unwrap();
    Run::new([
        "init",
        "--as-of",
        AS_OF,
        "--client",
        "Nova Dental",
        "-o",
        "srm.yaml",
        "--provider",
    ])
    .args([&provider])
    .args(args)
    .in_dir(&dir)
    .run()
    .code(0);
    let text = std::fs::read_to_string(dir.join("srm.yaml")).unwrap();
    let out = Run::check(["srm.yaml", "--format", "json", "--fail-on", "info"])
        .in_dir(&dir)
        .run();
    assert_eq!(out.code, 1, "{}\n{}", text, out.text());
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["problems"], Value::from(Vec::<Value>::new()), "{text}");
    let findings = json["findings"].as_array().unwrap().clone();
    let lines: Vec<&str> = text.lines().collect();
    for finding in &findings {
        assert_eq!(finding["rule"], "placeholder-value", "{finding}\n{text}");
        let line = lines[finding["line"].as_u64().unwrap() as usize - 1];
        assert!(
            line.contains("TODO"),
            "the finding points at its placeholder: {line}"
        );
    }
    findings
}

#[test]
fn init_output_loads_for_each_built_in_framework_with_only_placeholders_found() {
    for framework in [
        "iso27001-2022",
        "cmmc-2.0:1",
        "cmmc-2.0:2",
        "nist-800-171r2",
        "nist-800-171r3",
        "nist-800-53r5:moderate",
        "nist-csf-2.0",
        "hipaa-security",
    ] {
        let findings = init_and_check(&["--framework", framework]);
        assert!(findings.len() >= 5, "{framework}: {}", findings.len());
    }
}

#[test]
fn init_places_controls_with_the_vendors_of_a_cloud_environment() {
    // The acme environment, copied beside the SRM by `init_and_check`.
    let findings = init_and_check(&[
        "--framework",
        "iso27001-2022",
        "--framework",
        "cmmc-2.0:2",
        "--environment",
        "environment.yaml",
    ]);
    let vendor_attestations = findings
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains("attestations"))
        .count();
    assert!(vendor_attestations >= 1, "{findings:?}");
}

#[test]
fn init_refuses_an_unknown_framework_with_a_hint() {
    let provider = root().join("fixtures/portfolio/provider.yaml");
    Run::new(["init", "--framework", "iso27001-2023", "--provider"])
        .args([&provider])
        .run()
        .code(2)
        .contains("unknown framework `iso27001-2023`")
        .contains("did you mean `iso27001-2022`?");
}
