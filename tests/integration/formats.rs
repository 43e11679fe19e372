//! `check --format`: every format rendered from one set of findings (`check
//! fixtures/` as of the harness date), and the SARIF and JUnit output checked
//! against their published schemas. Each format's exact output is snapshotted
//! on a hand-made report in `src/output/` instead, so that a new fixture
//! changes no snapshot.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::formats_sarif::assert_valid_sarif;
use crate::harness::{root, valid_srm, Output, Run};
use crate::xsd;

const FORMATS: [&str; 7] = [
    "human", "concise", "json", "sarif", "junit", "github", "gitlab",
];

/// `check fixtures/ --format F` from the repository root, run once per format.
pub(crate) fn fixtures(format: &str) -> &'static Output {
    static RUNS: OnceLock<BTreeMap<&'static str, Output>> = OnceLock::new();
    let runs = RUNS.get_or_init(|| {
        FORMATS
            .iter()
            .map(|&format| {
                let output = Run::check(["fixtures/", "--format", format])
                    .in_root()
                    .run()
                    .code(1);
                assert!(output.stderr.is_empty(), "{}", output.stderr);
                (format, output)
            })
            .collect()
    });
    &runs[format]
}

pub(crate) fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Each finding's `(file, line, column, rule)` as the JSON format gives it.
pub(crate) fn json_places(document: &Value) -> Vec<Place> {
    document["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().expect("file").to_owned(),
                f["line"].as_u64().expect("line"),
                f["column"].as_u64().expect("column"),
                f["rule"].as_str().expect("rule").to_owned(),
            )
        })
        .collect()
}

#[test]
fn human_is_the_default() {
    let default = Run::check(["fixtures/"]).in_root().run().code(1);
    assert_eq!(default.stdout, fixtures("human").stdout);
}

/// A finding's `(file, line, column, rule)`.
type Place = (String, u64, u64, String);

#[test]
fn every_format_reports_the_same_findings_in_the_same_order() {
    let document = json(&fixtures("json").stdout);
    let places = json_places(&document);
    assert!(!places.is_empty());
    assert_eq!(human_places(), places, "human");
    assert_eq!(concise_places(), places, "concise");
    // GitHub: the same findings, in a group per SRM.
    let mut github = github_places();
    let mut sorted_places = places.clone();
    github.sort();
    sorted_places.sort();
    assert_eq!(github, sorted_places, "github");
    assert_eq!(sarif_places(), places, "sarif");
    assert_junit_has_the_concise_lines();
}

/// Human: the `┌─ path:line:col` line under each `severity[rule]: ` header.
fn human_places() -> Vec<Place> {
    let human: Vec<String> = fixtures("human")
        .stdout
        .lines()
        .map(str::to_owned)
        .collect();
    human
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let rule = line.split_once('[')?.1.split_once("]: ")?.0;
            let place = human.get(i + 1)?.split_once("┌─ ")?.1;
            let (rest, column) = place.rsplit_once(':')?;
            let (file, line) = rest.rsplit_once(':')?;
            Some((
                file.to_owned(),
                line.parse().ok()?,
                column.parse().ok()?,
                rule.to_owned(),
            ))
        })
        .collect()
}

/// Concise: `path:line:col: severity[rule] message` lines.
fn concise_places() -> Vec<Place> {
    fixtures("concise")
        .stdout
        .lines()
        .filter_map(|line| {
            let (place, rest) = line.split_once(": ")?;
            let rule = rest.split_once('[')?.1.split_once(']')?.0;
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_owned(), line, column, rule.to_owned()))
        })
        .collect()
}

/// GitHub: the `file`, `line`, `col` and `title` properties of each workflow command.
fn github_places() -> Vec<Place> {
    fixtures("github")
        .stdout
        .lines()
        .filter_map(|line| {
            let properties = line
                .strip_prefix("::")?
                .split_once(' ')?
                .1
                .split_once("::")?
                .0;
            let get = |key: &str| {
                properties
                    .split(',')
                    .find_map(|p| p.strip_prefix(&format!("{key}=")))
                    .map(str::to_owned)
            };
            Some((
                get("file")?,
                get("line")?.parse().ok()?,
                get("col")?.parse().ok()?,
                get("title")?,
            ))
        })
        .collect()
}

/// SARIF: each result's first physical location and rule id.
fn sarif_places() -> Vec<Place> {
    let sarif = json(&fixtures("sarif").stdout);
    sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                location["artifactLocation"]["uri"]
                    .as_str()
                    .expect("uri")
                    .to_owned(),
                location["region"]["startLine"].as_u64().expect("line"),
                location["region"]["startColumn"].as_u64().expect("column"),
                r["ruleId"].as_str().expect("ruleId").to_owned(),
            )
        })
        .collect()
}

/// JUnit: one line per finding in the failures and the system-outs,
/// grouped by SRM file.
fn assert_junit_has_the_concise_lines() {
    let junit = &fixtures("junit").stdout;
    let xml = roxmltree::Document::parse(junit).expect("JUnit is XML");
    let mut from_junit: Vec<String> = xml
        .descendants()
        .filter(|n| n.has_tag_name("failure") || n.has_tag_name("system-out"))
        .flat_map(|n| n.text().unwrap_or("").lines().map(str::to_owned))
        .collect();
    let concise_lines: Vec<&str> = fixtures("concise")
        .stdout
        .lines()
        .filter(|l| !l.starts_with("Checked "))
        .collect();
    assert_eq!(from_junit.len(), concise_lines.len(), "junit");
    from_junit.sort();
    for line in concise_lines {
        assert!(
            from_junit.iter().any(|j| j
                .strip_prefix(line)
                .is_some_and(|r| r.starts_with(" (srm "))),
            "`{line}` is not among the JUnit failures and outputs"
        );
    }
}

#[test]
fn json_summary_and_rules_match_the_run() {
    let document = json(&fixtures("json").stdout);
    assert_eq!(document["version"], 1);
    assert_eq!(document["asOf"], crate::harness::AS_OF);
    let findings = document["findings"].as_array().expect("findings");
    let count = |severity: &str| {
        findings
            .iter()
            .filter(|f| f["severity"] == severity && f["excepted"] == false)
            .count()
    };
    let summary = &document["summary"];
    assert_eq!(summary["errors"], count("error"));
    assert_eq!(summary["warnings"], count("warning"));
    assert_eq!(summary["infos"], count("info"));
    assert_eq!(summary["problems"], 0);
    assert_eq!(document["problems"], serde_json::json!([]));
    let human = &fixtures("human").stdout;
    assert!(human.contains(&format!(
        "Checked {} SRMs in {} files",
        summary["srms"], summary["files"]
    )));
    let rules = Run::new(["rules", "--format", "json"]).run().code(0);
    let rules = json(&rules.stdout);
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("rules")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_owned())
            .collect()
    };
    assert_eq!(ids(&document["rules"]), ids(&rules["rules"]));
    for finding in findings {
        assert!(ids(&document["rules"]).contains(&finding["rule"].as_str().unwrap().to_owned()));
        assert!(finding["pointer"].as_str().unwrap().starts_with('/'));
        let (line, end_line) = (finding["line"].as_u64(), finding["endLine"].as_u64());
        assert!(line <= end_line, "{finding}");
    }
}

/// Problems go where each format keeps them, and every format exits 2.
#[test]
fn problems_in_every_format() {
    let run = |format: &str| {
        let mut run = valid_srm().file(
            "broken.yaml",
            "apiVersion: srmcheck/v1\nkind: ResponsibilityMatrix\nmetadata:\n  name: broken\nspec:\n  clientt: x\n",
        );
        run = run.args(["--format", format]);
        run.run().code(2)
    };
    let document = json(&run("json").stdout);
    assert_eq!(document["summary"]["problems"], 1);
    let problem = &document["problems"][0];
    assert_eq!(problem["file"], "broken.yaml");
    assert_eq!(problem["line"], 6);
    assert_eq!(problem["column"], 3);
    assert_eq!(problem["message"], "unknown key `clientt`");
    assert_eq!(problem["hint"], "did you mean `client`?");

    let sarif = run("sarif");
    assert_valid_sarif(&sarif.stdout);
    let log = json(&sarif.stdout);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(notification["message"]["text"], "unknown key `clientt`");
    let location = &notification["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "broken.yaml");
    assert_eq!(location["region"]["startLine"], 6);

    let junit = run("junit");
    xsd::Schema::load("tests/schemas/junit-10.xsd").assert_valid(&junit.stdout);
    let xml = roxmltree::Document::parse(&junit.stdout).expect("XML");
    let suite = xml
        .descendants()
        .find(|n| n.attribute("name") == Some("srmcheck"))
        .expect("the srmcheck suite");
    assert_eq!(suite.attribute("errors"), Some("1"));
    let error = suite
        .descendants()
        .find(|n| n.has_tag_name("error"))
        .expect("an error case");
    assert_eq!(error.attribute("message"), Some("unknown key `clientt`"));
    assert_eq!(
        error.text(),
        Some("broken.yaml:6:3: unknown key `clientt`\nhelp: did you mean `client`?")
    );

    run("github").contains(
        "::error file=broken.yaml,line=6,col=3,title=srmcheck::unknown key `clientt`%0Ahelp: did you mean `client`?",
    );
    run("concise")
        .contains("broken.yaml:6:3: error: unknown key `clientt` (help: did you mean `client`?)")
        .contains("1 problem kept inputs from being checked.");
}

/// File names with characters each format must escape.
#[test]
fn awkward_paths_are_escaped_per_format() {
    let dir = "a&b <c>, d: e%";
    let srm = crate::harness::valid_srm_text()
        .replace("provider.yaml", "../provider.yaml")
        .replace("owner: mssp", "owner: msp");
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable");
    let run = |format: &str| {
        Run::check([".", "--format", format])
            .file(&format!("{dir}/srm.yaml"), &srm)
            .file("provider.yaml", &provider)
            .run()
            .code(1)
    };
    let document = json(&run("json").stdout);
    assert_eq!(document["findings"][0]["file"], format!("{dir}/srm.yaml"));
    assert_eq!(document["findings"][0]["rule"], "unknown-owner");

    let sarif = run("sarif");
    assert_valid_sarif(&sarif.stdout);
    assert_eq!(
        json(&sarif.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "a%26b%20%3Cc%3E%2C%20d%3A%20e%25/srm.yaml"
    );

    run("github").contains("::error file=a&b <c>%2C d%3A e%25/srm.yaml,line=");

    let junit = run("junit");
    xsd::Schema::load("tests/schemas/junit-10.xsd").assert_valid(&junit.stdout);
    assert!(junit
        .stdout
        .contains("<testsuite name=\"a&amp;b &lt;c&gt;, d: e%/srm.yaml\""));
    let xml = roxmltree::Document::parse(&junit.stdout).expect("XML");
    assert!(xml
        .descendants()
        .any(|n| n.attribute("classname") == Some(&format!("{dir}/srm.yaml"))));

    run("concise").contains(&format!("{dir}/srm.yaml:"));
}

/// A finding on a control with a current exception does not fail, in any format.
#[test]
fn excepted_findings_are_marked_not_failed() {
    let rule = "# METADATA\n# title: Workstations reviewed\n# description: Yearly.\n# custom:\n#   id: workstation-review\n#   severity: error\npackage srmcheck.rules.ws\n\nimport rego.v1\n\ndeny contains {\"msg\": \"workstation security is reviewed yearly\", \"framework\": \"hipaa-security\", \"control\": \"164.310(c)\"} if true\n";
    let run = |format: &str| {
        let mut run = Run::check(["fixtures/rules/uncovered-control/pass"]).in_root();
        let dir = run.scratch().join("org");
        std::fs::create_dir_all(&dir).expect("scratch");
        std::fs::write(dir.join("ws.rego"), rule).expect("policy");
        run.args(["--policy".into(), dir.into_os_string()])
            .args(["--format", format])
            .run()
            .code(0)
    };
    let document = json(&run("json").stdout);
    assert_eq!(document["findings"][0]["excepted"], true);
    assert_eq!(document["summary"]["excepted"], 1);
    assert_eq!(document["summary"]["errors"], 0);

    let sarif = run("sarif");
    assert_valid_sarif(&sarif.stdout);
    let result = &json(&sarif.stdout)["runs"][0]["results"][0];
    assert_eq!(result["suppressions"][0]["kind"], "inSource");

    let junit = run("junit");
    xsd::Schema::load("tests/schemas/junit-10.xsd").assert_valid(&junit.stdout);
    assert!(junit.stdout.contains("failures=\"0\""));
    assert!(!junit.stdout.contains("<failure"));
    assert!(junit.stdout.contains("<system-out>"));

    run("github").contains("::notice file=").contains(
        "::workstation security is reviewed yearly (excepted: the control has a current exception)",
    );
    run("concise").contains("note[workstation-review] workstation security is reviewed yearly (excepted: the control has a current exception)");
}

#[test]
fn machine_formats_are_never_coloured_and_exit_codes_stay() {
    for format in ["json", "sarif", "junit", "github"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_srmcheck"))
            .args([
                "--color",
                "always",
                "check",
                "--as-of",
                crate::harness::AS_OF,
            ])
            .args(["fixtures/rules/unknown-owner/fire", "--format", format])
            .current_dir(root())
            .env("SRMCHECK_NO_CACHE", "1")
            .output()
            .expect("srmcheck runs");
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(!output.stdout.contains(&0x1b), "{format}");
    }
    let concise = std::process::Command::new(env!("CARGO_BIN_EXE_srmcheck"))
        .args([
            "--color",
            "always",
            "check",
            "--as-of",
            crate::harness::AS_OF,
        ])
        .args(["fixtures/rules/unknown-owner/fire", "--format", "concise"])
        .current_dir(root())
        .env("SRMCHECK_NO_CACHE", "1")
        .output()
        .expect("srmcheck runs");
    assert!(
        concise.stdout.contains(&0x1b),
        "concise is coloured on request"
    );
    Run::check(["fixtures/rules/unknown-owner/fire", "--format", "json"])
        .args(["--fail-on", "never"])
        .in_root()
        .run()
        .code(0);
    Run::check(["fixtures/rules/unknown-owner/pass", "--format", "sarif"])
        .in_root()
        .run()
        .code(0);
    Run::check(["fixtures/", "--format", "xml"])
        .in_root()
        .run()
        .code(2)
        .contains("possible values: human, concise, json, sarif, junit, github, gitlab");
}
