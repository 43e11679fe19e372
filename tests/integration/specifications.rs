//! HIPAA implementation specifications as controls: citing one, coverage
//! through the standard and of a standard through its specifications, and
//! the addressable decisions a row records.

use crate::harness::{root, Run};

/// The `addressable-decision-missing` pass fixture with `edit` applied.
fn srm(edit: impl Fn(String) -> String) -> String {
    let path = root().join("fixtures/rules/addressable-decision-missing/pass/srm.yaml");
    let text = std::fs::read_to_string(path).expect("fixture");
    edit(text.replace("../../provider.yaml", "provider.yaml"))
}

fn check(srm: String) -> crate::harness::Output {
    let provider =
        std::fs::read_to_string(root().join("fixtures/rules/provider.yaml")).expect("provider");
    Run::check(["srm.yaml", "--fail-on", "info"])
        .file("provider.yaml", provider)
        .file("srm.yaml", srm)
        .run()
}

#[test]
fn a_standard_is_covered_through_its_specifications_and_covers_its_own() {
    check(srm(|s| s)).code(0);
    let input = Run::new(["input", "srm.yaml", "--as-of", "2026-11-22"])
        .file(
            "provider.yaml",
            std::fs::read_to_string(root().join("fixtures/rules/provider.yaml")).expect("provider"),
        )
        .file("srm.yaml", srm(|s| s))
        .run()
        .code(0);
    let input: serde_json::Value = serde_json::from_str(&input.stdout).expect("JSON");
    let controls = &input["frameworks"]["hipaa-security"]["controls"];
    let spec = &controls["164.308(a)(3)(ii)(B)"];
    assert_eq!(spec["standard"], "164.308(a)(3)");
    assert_eq!(spec["status"], "addressable");
    assert_eq!(spec["via"][0]["through"], "standard");
    assert_eq!(spec["via"][0]["control"], "164.308(a)(3)");
    assert_eq!(spec["via"][0]["rows"], serde_json::json!([1]));
    let standard = &controls["164.308(a)(1)"];
    assert_eq!(standard["rows"], serde_json::json!([]));
    let through: Vec<&str> = standard["via"]
        .as_array()
        .expect("via")
        .iter()
        .map(|v| v["control"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        through,
        [
            "164.308(a)(1)(ii)(A)",
            "164.308(a)(1)(ii)(B)",
            "164.308(a)(1)(ii)(C)",
            "164.308(a)(1)(ii)(D)"
        ]
    );
    assert_eq!(standard["specifications"].as_array().map(Vec::len), Some(4));
}

#[test]
fn a_partly_covered_standard_names_its_missing_specifications() {
    let text = srm(|s| s.replacen("\"164.308(a)(1)(ii)(D)\", ", "", 1));
    check(text)
        .code(1)
        .contains("HIPAA Security Rule control 164.308(a)(1) (Security Management Process) is not covered by any responsibility or current exception; of its implementation specifications, not covered: 164.308(a)(1)(ii)(D)")
        .contains("control 164.308(a)(1)(ii)(D) (Information System Activity Review) is not covered");
}

#[test]
fn an_unknown_specification_is_a_located_problem_with_a_suggestion() {
    let text = srm(|s| s.replacen("\"164.308(a)(1)(ii)(D)\"", "\"164.308(a)(1)(ii)D)\"", 1));
    check(text)
        .code(2)
        .contains("`164.308(a)(1)(ii)D)` is not a control of `hipaa-security`")
        .contains("did you mean `164.308(a)(1)(ii)(D)`?");
}

#[test]
fn specification_knowledge_judges_the_row_citing_its_standard() {
    // The client's governance row takes the whole standard: the activity
    // review needs monitoring, which the client does not have.
    let text = srm(|s| {
        s.replacen(
            "[\"164.308(a)(1)(ii)(A)\", \"164.308(a)(1)(ii)(B)\", \"164.308(a)(1)(ii)(C)\"",
            "[\"164.308(a)(1)\"",
            1,
        )
    });
    check(text)
        .code(1)
        .contains("responsibility R-01 covers 164.308(a)(1)(ii)(D), which needs security-monitoring; its owner (client) has none of them")
        .lacks("covers 164.308(a)(1)(ii)(A)");
}

#[test]
fn addressable_decisions_are_checked_at_their_place() {
    let cases = [
        (
            "\"164.308(a)(5)(ii)(C)\": {decision: implemented}",
            "\"164.308(a)(6)(ii)\": {decision: implemented}",
            "`164.308(a)(6)(ii)` is a required implementation specification; only an addressable specification takes a decision",
        ),
        (
            "\"164.308(a)(5)(ii)(C)\": {decision: implemented}",
            "\"164.308(a)(5)(ii)(C)\": {decision: implemented}\n        \"164.310(a)(2)(ii)\": {decision: implemented}",
            "responsibility R-03 covers neither `164.310(a)(2)(ii)` nor its standard `164.310(a)`",
        ),
        (
            "\"164.308(a)(5)(ii)(C)\": {decision: implemented}",
            "\"164.308(a)(5)(ii)(C)\": {decision: alternative}",
            "the decision `alternative` on `164.308(a)(5)(ii)(C)` needs a reason",
        ),
        (
            "\"164.308(a)(5)(ii)(C)\": {decision: implemented}",
            "\"164.308(a)(5)(ii)(C)\": {decision: maybe}",
            "unknown value `maybe`",
        ),
        (
            "\"164.308(a)(5)(ii)(C)\": {decision: implemented}",
            "\"164.308(a)(5)(ii)(X)\": {decision: implemented}",
            "`164.308(a)(5)(ii)(X)` is not an implementation specification of a framework responsibility R-03 lists",
        ),
    ];
    for (from, to, message) in cases {
        check(srm(|s| s.replacen(from, to, 1)))
            .code(2)
            .contains("srm.yaml:")
            .contains(message);
    }
}
