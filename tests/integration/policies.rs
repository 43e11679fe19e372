//! Organisation policies (`--policy DIR`) and what a broken policy gets.

use crate::harness::{root, valid_srm, Run};

const HEADER: &str = "# METADATA
# title: Every row has evidence
# description: Auditors ask for evidence of every duty.
# custom:
#   id: evidence-missing
#   severity: warning
#   remediation: List evidence for the row.
";

fn policy(body: &str) -> String {
    format!("{HEADER}package srmcheck.rules.evidence\n\nimport rego.v1\n\n{body}")
}

const EVIDENCE_RULE: &str = r#"deny contains {"msg": sprintf("row %s lists no evidence", [row.id]), "pointer": sprintf("/srm/responsibilities/%d", [i])} if {
	some i, row in input.srm.responsibilities
	count(object.get(row, "evidence", [])) == 0
}
"#;

#[test]
fn an_organisation_policy_adds_findings() {
    valid_srm()
        .file("org/evidence.rego", policy(EVIDENCE_RULE))
        .args(["--policy", "org"])
        .run()
        .code(0)
        .contains("warning[evidence-missing]: row R-01 lists no evidence")
        .contains("srm.yaml:24:7");
}

#[test]
fn fail_on_warning_fails_on_an_organisation_warning() {
    valid_srm()
        .file("org/evidence.rego", policy(EVIDENCE_RULE))
        .args(["--policy", "org", "--fail-on", "warning"])
        .run()
        .code(1);
}

#[test]
fn policy_syntax_error_names_file_line_and_column() {
    let text = valid_srm()
        .file(
            "org/evidence.rego",
            policy("deny contains x if {\n\tx := \n}\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .text();
    insta::assert_snapshot!(text);
}

#[test]
fn policy_with_unknown_function_fails_before_any_srm() {
    valid_srm()
        .file(
            "org/evidence.rego",
            policy("deny contains x if {\n\tx := no_such_builtin(1)\n}\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/evidence.rego:")
        .lacks("Checked");
}

#[test]
fn policy_failing_at_run_time_names_the_policy() {
    let body = "deny contains {\"msg\": \"x\"} if {\n\tsome row in input.srm.responsibilities\n\tto_number(row.title) > 0\n}\n";
    valid_srm()
        .file("org/evidence.rego", policy(body))
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/evidence.rego");
}

#[test]
fn policy_without_metadata_is_refused() {
    valid_srm()
        .file(
            "org/bare.rego",
            "package srmcheck.rules.bare\n\ndeny contains {\"msg\": \"x\"} if false\n",
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/bare.rego:1:1")
        .contains("has no METADATA block");
}

#[test]
fn malformed_finding_is_an_error() {
    valid_srm()
        .file(
            "org/evidence.rego",
            policy("deny contains \"just a string\" if true\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("malformed finding");
}

#[test]
fn duplicate_rule_id_is_refused() {
    let twin = HEADER.replace("evidence-missing", "unknown-owner");
    valid_srm()
        .file(
            "org/twin.rego",
            format!(
                "{twin}package srmcheck.rules.twin\n\ndeny contains {{\"msg\": \"x\"}} if false\n"
            ),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("rule `unknown-owner`");
}

#[test]
fn unreadable_policy_file_names_the_file() {
    valid_srm()
        .file("org/blob.rego", b"\x00\x01binary")
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/blob.rego: binary file");
}

#[test]
fn missing_policy_folder_is_an_error() {
    valid_srm()
        .args(["--policy", "no-such-dir"])
        .run()
        .code(2)
        .contains("no-such-dir: cannot read the policy folder");
}

#[test]
fn a_severity_override_changes_the_exit_code() {
    crate::harness::Run::check([
        "fixtures/rules/unknown-owner/fire",
        "--severity",
        "unknown-owner=warning",
    ])
    .in_root()
    .run()
    .code(0)
    .contains("warning[unknown-owner]");
    crate::harness::Run::check([
        "fixtures/rules/unknown-owner/fire",
        "--severity",
        "unknown-ownr=info",
    ])
    .in_root()
    .run()
    .code(2)
    .contains("no rule `unknown-ownr` to set the severity of")
    .contains("did you mean `unknown-owner`?");
}

#[test]
fn findings_on_excepted_controls_are_shown_as_excepted() {
    let rule = HEADER
        .replace("evidence-missing", "workstation-review")
        .replace("severity: warning", "severity: error");
    let body = "deny contains {\"msg\": \"workstation security is reviewed yearly\", \"framework\": \"hipaa-security\", \"control\": \"164.310(c)\"} if true\n";
    let mut run = crate::harness::Run::check(["fixtures/rules/uncovered-control/pass"]).in_root();
    let dir = run.scratch().join("org");
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(
        dir.join("ws.rego"),
        format!("{rule}package srmcheck.rules.ws\n\nimport rego.v1\n\n{body}"),
    )
    .expect("policy");
    run.args(["--policy".into(), dir.into_os_string()])
        .run()
        .code(0)
        .contains("note[workstation-review]: workstation security is reviewed yearly (excepted: the control has a current exception)")
        .contains("1 excepted");
}

#[test]
fn a_runaway_policy_is_stopped_at_its_rule() {
    let body = "deny contains {\"msg\": \"x\"} if {\n\tsome i in numbers.range(1, 4000)\n\tsome j in numbers.range(1, 4000)\n\ti * j < 0\n}\n";
    valid_srm()
        .file("org/runaway.rego", policy(body))
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("execution exceeded time limit")
        .contains("org/runaway.rego:12:1");
}

#[test]
fn an_unsafe_variable_names_its_place() {
    valid_srm()
        .file(
            "org/unsafe.rego",
            policy("deny contains x if {\n\ty := 1\n\ty == 1\n}\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/unsafe.rego:");
}

#[test]
fn portfolio_rules_name_the_clients_they_ran_without() {
    let fixture = root().join("fixtures/rules/portfolio-over-capacity/fire");
    let read = |name: &str| std::fs::read_to_string(fixture.join(name)).expect("fixture");
    let broken =
        read("clinic-2.yaml").replacen("hipaa-security: [", "hipaa-security: [\"no-such\", ", 1);
    let output = Run::check([".", "--format", "json"])
        .file("provider.yaml", read("provider.yaml"))
        .file("clinic-1.yaml", read("clinic-1.yaml"))
        .file("clinic-2.yaml", broken)
        .run()
        .code(2);
    let result: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    let problems = result["problems"].as_array().expect("problems");
    let incomplete: Vec<&serde_json::Value> = problems
        .iter()
        .filter(|p| p["code"] == "incomplete-portfolio")
        .collect();
    assert_eq!(incomplete.len(), 1, "{problems:?}");
    assert_eq!(incomplete[0]["file"], "provider.yaml");
    let message = incomplete[0]["message"].as_str().expect("a message");
    assert!(message.contains("without 1 of its clients"), "{message}");
    assert!(message.contains("`clinic-2` (clinic-2.yaml)"), "{message}");
    assert!(!message.contains("clinic-1"), "{message}");
    assert!(problems.iter().any(|p| p["code"] == "unknown-control"));
}

#[test]
fn complete_portfolios_have_no_incomplete_portfolio_problem() {
    Run::check([
        "fixtures/rules/portfolio-over-capacity/fire",
        "--format",
        "json",
    ])
    .in_root()
    .run()
    .code(1)
    .lacks("incomplete-portfolio");
}

#[test]
fn an_unknown_metadata_key_is_an_error_at_its_line_and_column() {
    let header = HEADER.replace("#   remediation:", "#   remedation:");
    valid_srm()
        .file(
            "org/evidence.rego",
            format!("{header}package srmcheck.rules.evidence\n\ndeny contains {{\"msg\": \"x\"}} if false\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/evidence.rego:7:5")
        .contains("invalid METADATA: unknown key `remedation`")
        .contains("did you mean `remediation`?")
        .lacks("Checked");
}

#[test]
fn a_metadata_value_of_the_wrong_type_is_an_error_at_its_place() {
    let header = HEADER.replace("severity: warning", "severity: [warning]");
    valid_srm()
        .file(
            "org/evidence.rego",
            format!("{header}package srmcheck.rules.evidence\n\ndeny contains {{\"msg\": \"x\"}} if false\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/evidence.rego:6:15")
        .contains("invalid METADATA");
}
