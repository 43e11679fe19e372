//! `check --format junit`: a suite per SRM file and a case per rule, valid
//! against the Jenkins JUnit schema (checked by the `xsd` interpreter).

use roxmltree::Node;

use crate::formats::{fixtures, json};
use crate::harness::Run;
use crate::xsd;

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
    let (portfolio_rules, srm_rules) = rules_by_scope();
    assert!(!portfolio_rules.is_empty() && !srm_rules.is_empty());
    let mut failures = 0;
    let mut srm_files = std::collections::BTreeSet::new();
    for suite in &suites {
        let name = suite.attribute("name").expect("name");
        let (cases, failed) = suite_cases(suite);
        failures += failed;
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

/// A suite's cases and how many failed, checked against its counts: named
/// after an SRM file, every case classed under it, no errors.
fn suite_cases<'a, 'i>(suite: &Node<'a, 'i>) -> (Vec<Node<'a, 'i>>, usize) {
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
    for case in &cases {
        assert_eq!(case.attribute("classname"), Some(name));
    }
    (cases, failed)
}

/// The ids of the pack's portfolio rules and of its SRM rules, in pack order.
fn rules_by_scope() -> (Vec<String>, Vec<String>) {
    let pack = json(&Run::new(["rules", "--format", "json"]).run().code(0).stdout);
    let (portfolio_rules, srm_rules): (Vec<String>, Vec<String>) = pack["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .partition(|id| {
            pack["rules"].as_array().unwrap().iter().any(|r| {
                r["id"] == *id
                    && r["package"]
                        .as_str()
                        .unwrap()
                        .starts_with("srmcheck.portfolio.")
            })
        });
    (portfolio_rules, srm_rules)
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
