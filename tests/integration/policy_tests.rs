//! `srmcheck rules`, `srmcheck explain` and `srmcheck test`.

use crate::harness::Run;

#[test]
fn the_builtin_pack_passes_its_tests_with_90_percent_line_coverage() {
    Run::new(["test", "--coverage", "--threshold", "90"])
        .run()
        .code(0)
        .contains("policies/uncovered_control.rego")
        .lacks("FAIL")
        .lacks("ERROR");
}

const RULE: &str = "package example

import rego.v1

double(x) := 2 * x

half(x) := x / 2
";

#[test]
fn a_failing_user_test_exits_1() {
    let tests = "package example_test

import rego.v1

import data.example

test_double if {
	example.double(2) == 4
}

test_wrong if {
	example.double(2) == 5
}
";
    Run::new(["test", "org", "--coverage"])
        .file("org/example.rego", RULE)
        .file("org/example_test.rego", tests)
        .run()
        .code(1)
        .contains("PASS  org/example_test.rego:7: example_test.test_double")
        .contains("FAIL  org/example_test.rego:11: example_test.test_wrong")
        .contains("org/example.rego")
        .contains("not covered: 7")
        .contains("1 passed, 1 failed");
}

#[test]
fn coverage_below_the_threshold_exits_1() {
    let tests = "package example_test

import rego.v1

import data.example

test_double if {
	example.double(2) == 4
}
";
    Run::new(["test", "org", "--threshold", "95"])
        .file("org/example.rego", RULE)
        .file("org/example_test.rego", tests)
        .run()
        .code(1)
        .contains("(threshold 95.0%)")
        .contains("1 passed, 0 failed");
}

#[test]
fn a_test_that_cannot_be_evaluated_exits_2() {
    let tests = "package example_test

import rego.v1

test_broken if {
	to_number(\"x\") == 1
}
";
    Run::new(["test", "org"])
        .file("org/example_test.rego", tests)
        .run()
        .code(2)
        .contains("ERROR org/example_test.rego:5: example_test.test_broken");
}

#[test]
fn rules_lists_every_rule_with_its_metadata() {
    let output = Run::new(["rules", "--format", "json"]).run().code(0);
    let rules: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    let ids: Vec<&str> = rules["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"uncovered-control") && ids.contains(&"unknown-owner"),
        "{ids:?}"
    );
    for rule in rules["rules"].as_array().expect("rules") {
        for key in ["title", "severity", "description", "remediation"] {
            assert!(
                rule[key].as_str().is_some_and(|v| !v.is_empty()),
                "{} lacks {key}",
                rule["id"]
            );
        }
    }
}

#[test]
fn explain_shows_documentation_and_the_failing_example() {
    Run::new(["explain", "unknown-owner"])
        .run()
        .code(0)
        .contains("Every owner is a known party (unknown-owner)")
        .contains("-      owner: msp")
        .contains("+      owner: mssp");
    Run::new(["explain", "unknown-ownr"])
        .run()
        .code(2)
        .contains("did you mean `unknown-owner`?");
}
