//! `check --format sarif`: one run with the rules table and located results,
//! valid against the published SARIF 2.1.0 schema.

use serde_json::Value;

use crate::formats::{fixtures, json};
use crate::harness::root;

#[test]
fn sarif_has_one_run_with_the_rules_table_and_located_results() {
    let log = json(&fixtures("sarif").stdout);
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "srmcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // No `repository` in Cargo.toml, no information URI.
    assert_eq!(
        driver.get("informationUri").and_then(Value::as_str),
        Some(env!("CARGO_PKG_REPOSITORY")).filter(|r| !r.is_empty())
    );
    assert!(run["originalUriBaseIds"]["%SRCROOT%"].is_object());
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let document = json(&fixtures("json").stdout);
    let rules = driver["rules"].as_array().expect("rules");
    assert_rules_match(rules, document["rules"].as_array().expect("rules"));
    let findings = document["findings"].as_array().expect("findings");
    assert_results_match(rules, &run["results"], findings);
}

/// The SARIF level of a severity: `info` is `note`.
fn level(severity: &Value) -> &str {
    match severity.as_str() {
        Some("info") => "note",
        other => other.expect("severity"),
    }
}

/// The driver's rules table: one entry per rule of the JSON format, in its
/// order, with its title, description, remediation and severity.
fn assert_rules_match(rules: &[Value], metadata: &[Value]) {
    assert_eq!(rules.len(), metadata.len());
    for (rule, meta) in rules.iter().zip(metadata) {
        assert_eq!(rule["id"], meta["id"]);
        assert!(rule["name"].as_str().is_some_and(|n| !n.contains('-')));
        assert_eq!(rule["shortDescription"]["text"], meta["title"]);
        assert_eq!(rule["fullDescription"]["text"], meta["description"]);
        let help = format!(
            "{}\n\n{}",
            meta["description"].as_str().expect("description"),
            meta["remediation"].as_str().expect("remediation")
        );
        assert_eq!(rule["help"]["text"], help.trim());
        assert!(rule["help"]["markdown"]
            .as_str()
            .is_some_and(|m| m.contains(meta["title"].as_str().expect("title"))));
        let security_severity: f64 = rule["properties"]["security-severity"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("a security-severity");
        assert!((0.0..=10.0).contains(&security_severity));
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            level(&meta["severity"])
        );
    }
}

/// The results: one per finding of the JSON format, in its order, located at
/// the same region of a file under the repository root.
fn assert_results_match(rules: &[Value], results: &Value, findings: &[Value]) {
    let results = results.as_array().expect("results");
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], finding["rule"]);
        assert_eq!(result["message"]["text"], finding["message"]);
        assert_eq!(result["level"], level(&finding["severity"]));
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri.starts_with("fixtures/") && !uri.contains('\\'), "{uri}");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(result["partialFingerprints"]["srmcheckFinding/v1"].is_string());
        assert!(root().join(uri).is_file(), "{uri}");
        let region = &location["region"];
        for (sarif, json) in [
            ("startLine", "line"),
            ("startColumn", "column"),
            ("endLine", "endLine"),
            ("endColumn", "endColumn"),
        ] {
            assert_eq!(region[sarif], finding[json], "{sarif}");
        }
    }
}

/// Validates against the vendored official SARIF 2.1.0 schema, formats included.
pub(crate) fn assert_valid_sarif(text: &str) {
    let schema = json(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0.json")).expect("schema"),
    );
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let instance = json(text);
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    assert_valid_sarif(&fixtures("sarif").stdout);
}

#[test]
fn the_sarif_schema_check_rejects_an_invalid_log() {
    let schema = json(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0.json")).expect("schema"),
    );
    let validator = jsonschema::validator_for(&schema).expect("schema");
    let mut log = json(&fixtures("sarif").stdout);
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log));
}
