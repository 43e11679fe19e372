//! What the CI integrations read end to end: the GitHub step summary, rules
//! turned off, `--statistics`, GitLab fingerprints and the JUnit threshold.

use serde_json::Value;

use crate::harness::{valid_srm, valid_srm_text, Run};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// An SRM with one `unknown-owner` finding.
fn unknown_owner() -> String {
    valid_srm_text().replace("owner: mssp", "owner: msp")
}

#[test]
fn the_github_step_summary_is_appended_when_the_variable_is_set() {
    // The scratch folder goes with its run: the summary lives apart.
    let dir = tempfile::TempDir::new().expect("a folder");
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("summary file");
    valid_srm()
        .file("srm.yaml", unknown_owner())
        .args(["--format", "github"])
        .env("GITHUB_STEP_SUMMARY", summary.to_str().expect("UTF-8 path"))
        .run()
        .code(1)
        .contains("::group::")
        .contains("::endgroup::");
    let text = std::fs::read_to_string(&summary).expect("summary written");
    assert!(text.starts_with("earlier step\n## srmcheck\n"), "{text}");
    assert!(
        text.contains("| `unknown-owner` | error | 1 | 0 |"),
        "{text}"
    );

    // Empty, the variable names no file; other formats never write it.
    let other = dir.path().join("other.md");
    valid_srm()
        .file("srm.yaml", unknown_owner())
        .args(["--format", "github"])
        .env("GITHUB_STEP_SUMMARY", "")
        .run()
        .code(1);
    valid_srm()
        .file("srm.yaml", unknown_owner())
        .args(["--format", "concise"])
        .env("GITHUB_STEP_SUMMARY", other.to_str().expect("UTF-8 path"))
        .run()
        .code(1);
    assert!(!other.exists());
    let entries = std::fs::read_dir(dir.path()).expect("folder").count();
    assert_eq!(entries, 1, "only the summary written above");
}

#[test]
fn a_rule_turned_off_by_flag_or_configuration_finds_nothing() {
    valid_srm()
        .file("srm.yaml", unknown_owner())
        .args(["--severity", "unknown-owner=off", "--format", "json"])
        .run()
        .code(0)
        .lacks("\"unknown-owner\"");
    valid_srm()
        .file("srm.yaml", unknown_owner())
        .file("srmcheck.yaml", "severity: {unknown-owner: off}\n")
        .run()
        .code(0)
        .contains("no findings");
    // The command line wins over the configuration.
    valid_srm()
        .file("srm.yaml", unknown_owner())
        .file("srmcheck.yaml", "severity: {unknown-owner: off}\n")
        .args(["--severity", "unknown-owner=warning"])
        .run()
        .code(0)
        .contains("warning[unknown-owner]");
    valid_srm()
        .args(["--severity", "unknown-ownr=off"])
        .run()
        .code(2)
        .contains("no rule `unknown-ownr`")
        .contains("did you mean `unknown-owner`?");
    valid_srm()
        .args(["--severity", "unknown-owner=of"])
        .run()
        .code(2)
        .contains("is not error, warning, info or off");
}

#[test]
fn statistics_count_findings_per_rule_in_text_and_json() {
    let run = || {
        Run::check([
            "fixtures/rules/unknown-owner/fire",
            "fixtures/rules/review-overdue/fire",
        ])
        .in_root()
        .args(["--statistics"])
    };
    let text = run().run().code(1);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert!(!lines.is_empty());
    let counts: Vec<(usize, &str, &str)> = lines
        .iter()
        .map(|l| {
            let mut parts = l.split_whitespace();
            let count = parts.next().and_then(|c| c.parse().ok()).expect("a count");
            (
                count,
                parts.next().expect("a rule"),
                parts.next().expect("a severity"),
            )
        })
        .collect();
    assert!(
        counts.contains(&(1, "unknown-owner", "error")),
        "{counts:?}"
    );
    assert!(counts
        .iter()
        .any(|c| c.1 == "review-overdue" && c.2 == "warning"));
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    assert_eq!(counts, sorted, "by count, then id");

    let document = json(&run().args(["--format", "json"]).run().code(1).stdout);
    assert_eq!(document["version"], 1);
    let statistics = document["statistics"].as_array().expect("statistics");
    assert_eq!(statistics.len(), counts.len());
    for (entry, (count, rule, severity)) in statistics.iter().zip(&counts) {
        assert_eq!(entry["rule"], *rule);
        assert_eq!(entry["severity"], *severity);
        assert_eq!(entry["count"], *count);
    }
    run()
        .args(["--format", "sarif"])
        .run()
        .code(2)
        .contains("`--statistics` prints text or JSON");
}

#[test]
fn gitlab_fingerprints_stay_when_a_line_is_inserted_above() {
    let issues = |srm: String| {
        let out = valid_srm()
            .file("srm.yaml", srm)
            .args(["--format", "gitlab"])
            .run()
            .code(1);
        json(&out.stdout)
    };
    let before = issues(unknown_owner());
    let after = issues(format!("# a comment above everything\n{}", unknown_owner()));
    let issue = &before[0];
    assert_eq!(issue["check_name"], "unknown-owner");
    assert_eq!(issue["severity"], "critical");
    assert_eq!(issue["location"]["path"], "srm.yaml");
    assert_eq!(after[0]["fingerprint"], issue["fingerprint"]);
    assert_eq!(
        after[0]["location"]["lines"]["begin"].as_u64(),
        issue["location"]["lines"]["begin"].as_u64().map(|l| l + 1)
    );
}

#[test]
fn junit_fails_only_what_fails_the_run() {
    let junit = |fail_on: &str, code: i32| {
        Run::check(["fixtures/rules/review-overdue/fire", "--format", "junit"])
            .in_root()
            .args(["--fail-on", fail_on])
            .run()
            .code(code)
            .stdout
    };
    let at_error = junit("error", 0);
    assert!(!at_error.contains("<failure"), "{at_error}");
    assert!(at_error.contains("<system-out>"), "{at_error}");
    assert!(at_error.contains("timestamp=\"2026-11-22T00:00:00\""));
    let at_warning = junit("warning", 1);
    assert!(at_warning.contains("<failure message="), "{at_warning}");
    assert!(at_warning.contains("type=\"warning\""), "{at_warning}");
}
