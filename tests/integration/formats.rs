//! `check --format`: every format rendered from one set of findings (`check
//! fixtures/` as of the harness date), and the SARIF and JUnit output checked
//! against their published schemas. Each format's exact output is snapshotted
//! on a hand-made report in `src/output/` instead, so that a new fixture
//! changes no snapshot.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::harness::{root, valid_srm, Output, Run};

const FORMATS: [&str; 7] = [
    "human", "concise", "json", "sarif", "junit", "github", "gitlab",
];

/// `check fixtures/ --format F` from the repository root, run once per format.
fn fixtures(format: &str) -> &'static Output {
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

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Each finding's `(file, line, column, rule)` as the JSON format gives it.
fn json_places(document: &Value) -> Vec<(String, u64, u64, String)> {
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

#[test]
fn every_format_reports_the_same_findings_in_the_same_order() {
    let document = json(&fixtures("json").stdout);
    let places = json_places(&document);
    assert!(!places.is_empty());

    // Human: the `┌─ path:line:col` line under each `severity[rule]: ` header.
    let human: Vec<String> = fixtures("human")
        .stdout
        .lines()
        .map(str::to_owned)
        .collect();
    let from_human: Vec<_> = human
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
        .collect();
    assert_eq!(from_human, places, "human");

    let concise = fixtures("concise").stdout.lines().filter_map(|line| {
        let (place, rest) = line.split_once(": ")?;
        let rule = rest.split_once('[')?.1.split_once(']')?.0;
        let mut parts = place.rsplitn(3, ':');
        let column = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        Some((parts.next()?.to_owned(), line, column, rule.to_owned()))
    });
    assert_eq!(concise.collect::<Vec<_>>(), places, "concise");

    let github = fixtures("github").stdout.lines().filter_map(|line| {
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
    });
    // GitHub: the same findings, in a group per SRM.
    let mut github: Vec<_> = github.collect();
    let mut sorted_places = places.clone();
    github.sort();
    sorted_places.sort();
    assert_eq!(github, sorted_places, "github");

    let sarif = json(&fixtures("sarif").stdout);
    let from_sarif: Vec<_> = sarif["runs"][0]["results"]
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
        .collect();
    assert_eq!(from_sarif, places, "sarif");

    // JUnit: one line per finding in the failures and the system-outs,
    // grouped by SRM file.
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
    let metadata = document["rules"].as_array().expect("rules");
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
        let level = match meta["severity"].as_str() {
            Some("info") => "note",
            other => other.expect("severity"),
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
    }

    let results = run["results"].as_array().expect("results");
    let findings = document["findings"].as_array().expect("findings");
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], finding["rule"]);
        assert_eq!(result["message"]["text"], finding["message"]);
        let level = match finding["severity"].as_str() {
            Some("info") => "note",
            other => other.expect("severity"),
        };
        assert_eq!(result["level"], level);
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
fn assert_valid_sarif(text: &str) {
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

#[test]
fn junit_has_a_suite_per_srm_file_and_a_case_per_rule() {
    let text = &fixtures("junit").stdout;
    let xml = roxmltree::Document::parse(text).expect("JUnit is XML");
    let root_node = xml.root_element();
    assert!(root_node.has_tag_name("testsuites"));
    let suites: Vec<_> = root_node
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    // The pack's rules by scope, in pack order.
    let pack = json(&Run::new(["rules", "--format", "json"]).run().code(0).stdout);
    let (portfolio_rules, srm_rules): (Vec<&str>, Vec<&str>) = pack["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .partition(|id| {
            pack["rules"].as_array().unwrap().iter().any(|r| {
                r["id"] == *id
                    && r["package"]
                        .as_str()
                        .unwrap()
                        .starts_with("srmcheck.portfolio.")
            })
        });
    assert!(!portfolio_rules.is_empty() && !srm_rules.is_empty());
    let mut failures = 0;
    let mut srm_files = std::collections::BTreeSet::new();
    for suite in &suites {
        let name = suite.attribute("name").expect("name");
        assert!(
            name.starts_with("fixtures/") && name.ends_with(".yaml"),
            "{name}"
        );
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(
            suite.attribute("tests"),
            Some(cases.len().to_string().as_str())
        );
        let failed = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        assert_eq!(
            suite.attribute("failures"),
            Some(failed.to_string().as_str())
        );
        assert_eq!(suite.attribute("errors"), Some("0"));
        failures += failed;
        for case in &cases {
            assert_eq!(case.attribute("classname"), Some(name));
        }
        // A case per SRM rule, or (on a provider file) per portfolio rule.
        let ids: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
        if ids == srm_rules {
            assert!(srm_files.insert(name), "two suites for {name}");
        } else {
            assert_eq!(ids, portfolio_rules, "{name}");
            assert!(failed > 0, "{name}");
        }
    }
    // One suite per SRM file: at most one per SRM, and every fixture folder
    // with SRMs has one.
    let srms = json(&fixtures("json").stdout)["summary"]["srms"]
        .as_u64()
        .expect("srms");
    assert!(!srm_files.is_empty() && srm_files.len() as u64 <= srms);
    assert!(srm_files.contains("fixtures/portfolio/clients/brightdesk/srm.yaml"));
    assert_eq!(
        root_node.attribute("failures"),
        Some(failures.to_string().as_str())
    );
    assert!(!suites
        .iter()
        .any(|s| s.attribute("name") == Some("srmcheck")));
    let failure = xml
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("a failure");
    assert!(failure.attribute("message").is_some());
    assert!(matches!(
        failure.attribute("type"),
        Some("error" | "warning" | "info")
    ));
}

#[test]
fn junit_is_valid_against_the_jenkins_junit_schema() {
    xsd::Schema::load("tests/schemas/junit-10.xsd").assert_valid(&fixtures("junit").stdout);
}

#[test]
fn the_junit_schema_check_rejects_invalid_reports() {
    let schema = xsd::Schema::load("tests/schemas/junit-10.xsd");
    let valid = r#"<testsuites><testsuite name="a" tests="1" failures="1" errors="0"><testcase name="r"><failure message="m">text</failure></testcase></testsuite></testsuites>"#;
    assert!(schema.check(valid).is_ok());
    for invalid in [
        // A case without a name.
        r#"<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>"#,
        // A failure straight in a suite.
        r#"<testsuites><testsuite name="a" tests="0" failures="1" errors="0"><failure/></testsuite></testsuites>"#,
        // An attribute the schema does not have.
        r#"<testsuites><testsuite name="a" tests="0" failures="0" errors="0" colour="red"/></testsuites>"#,
        // A time that is not a number.
        r#"<testsuites time="soon"/>"#,
        // Text where only elements may be.
        r#"<testsuites>hello</testsuites>"#,
    ] {
        assert!(schema.check(invalid).is_err(), "accepted {invalid}");
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

/// A small interpreter of the XML Schema constructs `junit-10.xsd` uses; any
/// other construct fails the test instead of passing unchecked.
mod xsd {
    use std::collections::{BTreeSet, HashMap};

    use regex::Regex;
    use roxmltree::Node;

    use crate::harness::root;

    const XS: &str = "http://www.w3.org/2001/XMLSchema";

    pub struct Schema {
        /// Element declarations: global ones by name, local ones by a made-up key.
        elements: HashMap<String, Decl>,
        complex_types: HashMap<String, Complex>,
        /// Named string restrictions, by their anchored pattern.
        simple_types: HashMap<String, Regex>,
    }

    #[derive(Clone)]
    enum Decl {
        /// `xs:string` or a named simple type.
        Simple(Option<Regex>),
        Complex(Complex),
        /// A named complex type, resolved at validation.
        Named(String),
    }

    #[derive(Clone)]
    struct Complex {
        mixed: bool,
        model: Option<Particle>,
        /// Name, required, pattern.
        attributes: Vec<(String, bool, Option<Regex>)>,
    }

    #[derive(Clone)]
    struct Particle {
        min: usize,
        max: Option<usize>,
        term: Term,
    }

    #[derive(Clone)]
    enum Term {
        /// Element name and the key of its declaration.
        Element(String, String),
        Sequence(Vec<Particle>),
        Choice(Vec<Particle>),
    }

    fn xs<'a>(node: Node<'a, 'a>) -> impl Iterator<Item = Node<'a, 'a>> {
        node.children().filter(|n| n.is_element()).inspect(|n| {
            assert_eq!(n.tag_name().namespace(), Some(XS), "not an XSD element");
        })
    }

    fn unsupported(node: Node) -> ! {
        panic!(
            "XSD construct not supported by this check: <{}> {:?}",
            node.tag_name().name(),
            node.attributes()
                .map(|a| (a.name(), a.value()))
                .collect::<Vec<_>>()
        )
    }

    impl Schema {
        pub fn load(path: &str) -> Schema {
            let text = std::fs::read_to_string(root().join(path)).expect("schema readable");
            let document = roxmltree::Document::parse(&text).expect("schema is XML");
            let mut schema = Schema {
                elements: HashMap::new(),
                complex_types: HashMap::new(),
                simple_types: HashMap::new(),
            };
            let top = document.root_element();
            // Simple types first: attributes and elements refer to them.
            for node in xs(top).filter(|n| n.has_tag_name((XS, "simpleType"))) {
                let name = node.attribute("name").expect("named simple type");
                let restriction = xs(node).next().unwrap_or_else(|| unsupported(node));
                if !restriction.has_tag_name((XS, "restriction"))
                    || restriction.attribute("base") != Some("xs:string")
                {
                    unsupported(restriction)
                }
                let patterns: Vec<String> = xs(restriction)
                    .map(|p| match p.has_tag_name((XS, "pattern")) {
                        true => format!("(?:{})", p.attribute("value").expect("value")),
                        false => unsupported(p),
                    })
                    .collect();
                let pattern = format!("^(?:{})$", patterns.join("|"));
                schema
                    .simple_types
                    .insert(name.to_owned(), Regex::new(&pattern).expect("pattern"));
            }
            for node in xs(top) {
                match node.tag_name().name() {
                    "simpleType" => {}
                    "complexType" => {
                        let name = node.attribute("name").expect("named complex type");
                        let complex = schema.complex(node);
                        schema.complex_types.insert(name.to_owned(), complex);
                    }
                    "element" => {
                        let name = node.attribute("name").expect("named element");
                        let decl = schema.decl(node);
                        schema.elements.insert(name.to_owned(), decl);
                    }
                    _ => unsupported(node),
                }
            }
            schema
        }

        fn simple(&self, type_name: &str) -> Option<Option<Regex>> {
            match type_name {
                "xs:string" => Some(None),
                name => self.simple_types.get(name).map(|r| Some(r.clone())),
            }
        }

        fn decl(&mut self, node: Node) -> Decl {
            if let Some(type_name) = node.attribute("type") {
                return match self.simple(type_name) {
                    Some(pattern) => Decl::Simple(pattern),
                    None if !type_name.starts_with("xs:") => Decl::Named(type_name.to_owned()),
                    None => unsupported(node),
                };
            }
            let mut children = xs(node);
            match (children.next(), children.next()) {
                (Some(c), None) if c.has_tag_name((XS, "complexType")) => {
                    Decl::Complex(self.complex(c))
                }
                _ => unsupported(node),
            }
        }

        fn complex(&mut self, node: Node) -> Complex {
            let mut complex = Complex {
                mixed: node.attribute("mixed") == Some("true"),
                model: None,
                attributes: Vec::new(),
            };
            for child in xs(node) {
                match child.tag_name().name() {
                    "sequence" | "choice" if complex.model.is_none() => {
                        complex.model = Some(self.particle(child))
                    }
                    "attribute" => {
                        let name = child.attribute("name").expect("attribute name");
                        let required = match child.attribute("use") {
                            None | Some("optional") => false,
                            Some("required") => true,
                            Some(_) => unsupported(child),
                        };
                        let pattern = self
                            .simple(child.attribute("type").unwrap_or("xs:string"))
                            .unwrap_or_else(|| unsupported(child));
                        complex
                            .attributes
                            .push((name.to_owned(), required, pattern));
                    }
                    _ => unsupported(child),
                }
            }
            complex
        }

        fn particle(&mut self, node: Node) -> Particle {
            let min = node
                .attribute("minOccurs")
                .map_or(1, |v| v.parse().expect("minOccurs"));
            let max = match node.attribute("maxOccurs") {
                None => Some(1),
                Some("unbounded") => None,
                Some(v) => Some(v.parse().expect("maxOccurs")),
            };
            let term = match node.tag_name().name() {
                "sequence" => Term::Sequence(xs(node).map(|c| self.particle(c)).collect()),
                "choice" => Term::Choice(xs(node).map(|c| self.particle(c)).collect()),
                "element" => match (node.attribute("ref"), node.attribute("name")) {
                    (Some(name), None) => Term::Element(name.to_owned(), name.to_owned()),
                    (None, Some(name)) => {
                        let key = format!("local {} {name}", self.elements.len());
                        let decl = self.decl(node);
                        self.elements.insert(key.clone(), decl);
                        Term::Element(name.to_owned(), key)
                    }
                    _ => unsupported(node),
                },
                _ => unsupported(node),
            };
            Particle { min, max, term }
        }

        pub fn assert_valid(&self, xml: &str) {
            if let Err(error) = self.check(xml) {
                panic!("not valid against the schema: {error}\n{xml}");
            }
        }

        pub fn check(&self, xml: &str) -> Result<(), String> {
            let document = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
            let top = document.root_element();
            let name = top.tag_name().name();
            let decl = self
                .elements
                .get(name)
                .ok_or(format!("<{name}> is not a global element"))?;
            self.validate(top, decl)
        }

        fn validate(&self, node: Node, decl: &Decl) -> Result<(), String> {
            let name = node.tag_name().name();
            let at = |what: String| format!("<{name}> (byte {}): {what}", node.range().start);
            if node.tag_name().namespace().is_some() {
                return Err(at("elements of a namespace are not in the schema".into()));
            }
            let complex = match decl {
                Decl::Simple(pattern) => {
                    if node.children().any(|c| c.is_element()) || node.attributes().next().is_some()
                    {
                        return Err(at("a simple element holds text only".into()));
                    }
                    let text = node.text().unwrap_or("");
                    return match pattern {
                        Some(p) if !p.is_match(text) => Err(at(format!("`{text}` does not match"))),
                        _ => Ok(()),
                    };
                }
                Decl::Complex(complex) => complex,
                Decl::Named(type_name) => self
                    .complex_types
                    .get(type_name)
                    .ok_or(at(format!("no type {type_name}")))?,
            };
            for attribute in node.attributes() {
                let declared = complex
                    .attributes
                    .iter()
                    .find(|(n, _, _)| n == attribute.name() && attribute.namespace().is_none())
                    .ok_or(at(format!("attribute `{}` not allowed", attribute.name())))?;
                if let Some(pattern) = &declared.2 {
                    if !pattern.is_match(attribute.value()) {
                        return Err(at(format!(
                            "attribute `{}`=`{}` does not match its type",
                            attribute.name(),
                            attribute.value()
                        )));
                    }
                }
            }
            for (attribute, required, _) in &complex.attributes {
                if *required && node.attribute(attribute.as_str()).is_none() {
                    return Err(at(format!("attribute `{attribute}` is required")));
                }
            }
            if !complex.mixed
                && node
                    .children()
                    .any(|c| c.is_text() && !c.text().unwrap_or("").trim().is_empty())
            {
                return Err(at("text is not allowed here".into()));
            }
            let children: Vec<Node> = node.children().filter(|c| c.is_element()).collect();
            let names: Vec<&str> = children.iter().map(|c| c.tag_name().name()).collect();
            let mut keys = HashMap::new();
            match &complex.model {
                None if !children.is_empty() => {
                    return Err(at("no child elements are allowed".into()))
                }
                None => {}
                Some(model) => {
                    model.keys(&mut keys);
                    if !model.matches(&names, 0).contains(&names.len()) {
                        return Err(at(format!(
                            "children {names:?} do not fit the content model"
                        )));
                    }
                }
            }
            for child in children {
                let key = &keys[child.tag_name().name()];
                self.validate(child, &self.elements[key])?;
            }
            Ok(())
        }
    }

    impl Particle {
        /// Element names to declaration keys.
        fn keys(&self, keys: &mut HashMap<String, String>) {
            match &self.term {
                Term::Element(name, key) => {
                    keys.insert(name.clone(), key.clone());
                }
                Term::Sequence(items) | Term::Choice(items) => {
                    items.iter().for_each(|p| p.keys(keys))
                }
            }
        }

        /// Where a match of this particle starting at `from` may end.
        fn matches(&self, names: &[&str], from: usize) -> BTreeSet<usize> {
            let mut ends = BTreeSet::new();
            if self.min == 0 {
                ends.insert(from);
            }
            let mut current = BTreeSet::from([from]);
            let mut seen = BTreeSet::new();
            for count in 1..=self.max.unwrap_or(names.len() + 1) {
                current = current
                    .iter()
                    .flat_map(|&at| self.once(names, at))
                    .filter(|end| count <= self.min || seen.insert(*end))
                    .collect();
                if current.is_empty() {
                    break;
                }
                if count >= self.min {
                    ends.extend(&current);
                }
            }
            ends
        }

        fn once(&self, names: &[&str], at: usize) -> BTreeSet<usize> {
            match &self.term {
                Term::Element(name, _) => match names.get(at) {
                    Some(n) if n == name => BTreeSet::from([at + 1]),
                    _ => BTreeSet::new(),
                },
                Term::Sequence(items) => items.iter().fold(BTreeSet::from([at]), |starts, item| {
                    starts
                        .iter()
                        .flat_map(|&s| item.matches(names, s))
                        .collect()
                }),
                Term::Choice(items) => items
                    .iter()
                    .flat_map(|item| item.matches(names, at))
                    .collect(),
            }
        }
    }
}
