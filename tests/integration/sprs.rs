//! The SPRS score per the DoD Assessment Methodology, on variants of the
//! example portfolio's CMMC Level 2 client (Keel Precision: every practice
//! covered by a capable owner, 110).

use serde_json::Value;

use crate::harness::{root, Run};

/// The Keel Precision SRM with `edit` applied, checked as JSON: the SPRS
/// result and the findings.
fn keel(edit: impl Fn(String) -> String) -> (Value, Vec<Value>) {
    let output = keel_run(edit, "json").run();
    let json: Value =
        serde_json::from_str(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", output.text()));
    assert!(
        json["problems"].as_array().is_some_and(Vec::is_empty),
        "{json}"
    );
    let sprs = json["srms"][0]["assessments"]["sprs"].clone();
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    (sprs, findings)
}

/// `check` of the Keel Precision SRM with `edit` applied, in `format`.
fn keel_run(edit: impl Fn(String) -> String, format: &str) -> Run {
    let dir = root().join("fixtures/portfolio");
    let srm = std::fs::read_to_string(dir.join("clients/keel-precision/srm.yaml"))
        .expect("fixture")
        .replace("../../provider.yaml", "provider.yaml")
        .replace("./environment.yaml", "environment.yaml");
    Run::check(["srm.yaml", "--format", format])
        .file("srm.yaml", edit(srm))
        .file(
            "provider.yaml",
            std::fs::read(dir.join("provider.yaml")).expect("fixture"),
        )
        .file(
            "environment.yaml",
            std::fs::read(dir.join("clients/keel-precision/environment.yaml")).expect("fixture"),
        )
}

/// An `exceptions:` section before the review.
fn with_exceptions(srm: String, exceptions: &str) -> String {
    srm.replace(
        "  review:\n",
        &format!("  exceptions:\n{exceptions}  review:\n"),
    )
}

fn exception(control: &str, kind: &str) -> String {
    format!(
        "    - {{framework: cmmc-2.0, control: {control}, kind: {kind}, reason: No wireless network, approver: CISO, approved: 2026-01-10, expires: 2027-06-30}}\n"
    )
}

fn without_wireless(srm: String) -> String {
    srm.replace("AC.L2-3.1.16, AC.L2-3.1.17, ", "")
}

fn cost_controls(sprs: &Value) -> Vec<&str> {
    sprs["costs"]
        .as_array()
        .expect("costs")
        .iter()
        .filter_map(|c| c["control"].as_str())
        .collect()
}

#[test]
fn every_practice_met_scores_110_with_a_final_status() {
    let (sprs, _) = keel(|srm| srm);
    assert_eq!(sprs["score"], 110);
    assert_eq!(sprs["status"], "final");
    assert!(sprs["basis"]
        .as_str()
        .is_some_and(|b| b.contains("stated ownership")));
}

#[test]
fn two_wireless_practices_not_applicable_score_110() {
    let (sprs, _) = keel(|srm| {
        let exceptions = exception("AC.L2-3.1.16", "not-applicable")
            + &exception("AC.L2-3.1.17", "not-applicable");
        with_exceptions(without_wireless(srm), &exceptions)
    });
    assert_eq!(sprs["score"], 110, "{sprs}");
    // Without the exceptions, the two 5-point practices are gaps.
    let (sprs, _) = keel(without_wireless);
    assert_eq!(sprs["score"], 100);
    assert_eq!(cost_controls(&sprs), ["AC.L2-3.1.16", "AC.L2-3.1.17"]);
}

#[test]
fn a_risk_accepted_practice_loses_its_weight() {
    let (sprs, findings) = keel(|srm| {
        let exceptions = exception("AC.L2-3.1.16", "risk-accepted")
            + &exception("AC.L2-3.1.17", "not-applicable");
        with_exceptions(without_wireless(srm), &exceptions)
    });
    assert_eq!(sprs["score"], 105, "{sprs}");
    assert_eq!(cost_controls(&sprs), ["AC.L2-3.1.16"]);
    assert!(sprs["costs"][0]["reason"]
        .as_str()
        .is_some_and(|r| r.starts_with("risk-accepted")));
    assert!(findings.iter().all(|f| f["rule"] != "uncovered-control"));
}

#[test]
fn no_score_without_a_system_security_plan() {
    let (sprs, findings) = keel(|srm| srm.replace(", CA.L2-3.12.4]", "]"));
    assert_eq!(sprs["score"], Value::Null, "{sprs}");
    assert_eq!(sprs["status"], "none");
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "uncovered-control" && f["control"]["id"] == "CA.L2-3.12.4"));
}

#[test]
fn a_control_status_of_a_control_the_row_does_not_list_is_a_problem() {
    let status = |entry: &'static str| {
        move |srm: String| {
            srm.replace(
                "      capabilities: [key-management]\n",
                &format!(
                    "      capabilities: [key-management]\n      controlStatus:\n        {entry}\n"
                ),
            )
        }
    };
    keel_run(status("cmmc-2.0: {SC.L2-3.13.1: partial}"), "concise")
        .run()
        .code(2)
        .contains(
            "error: `SC.L2-3.13.1` is not a control responsibility R-19 lists under `cmmc-2.0`",
        )
        .contains("did you mean `SC.L2-3.13.10`?");
    keel_run(status("nist-800-171r2: {3.13.11: partial}"), "concise")
        .run()
        .code(2)
        .contains("error: responsibility R-19 lists no control of `nist-800-171r2`");
}

#[test]
fn a_poam_entry_names_an_in_scope_control_of_a_selected_framework() {
    let poam = |entry: &'static str| {
        move |srm: String| {
            srm.replace(
                "  review:\n",
                &format!("  poam:\n    - {entry}\n  review:\n"),
            )
        }
    };
    keel_run(
        poam("{control: SC.L2-3.13.111, gap: Not FIPS-validated, due: 2027-04-30}"),
        "concise",
    )
    .run()
    .code(2)
    .contains("error: `SC.L2-3.13.111` is not an in-scope control of `cmmc-2.0`")
    .contains("did you mean `SC.L2-3.13.11`?");
    keel_run(
        poam("{framework: iso27001-2022, control: A.8.24, gap: No key policy, due: 2027-04-30}"),
        "concise",
    )
    .run()
    .code(2)
    .contains(
        "error: framework `iso27001-2022` of this plan of action is not selected in this SRM",
    );
}

#[test]
fn partial_fips_encryption_scores_107_and_may_be_on_a_poam() {
    let partial = |srm: String| {
        srm.replace(
            "      capabilities: [key-management]\n",
            "      capabilities: [key-management]\n      controlStatus:\n        cmmc-2.0: {SC.L2-3.13.11: partial}\n",
        )
    };
    let (sprs, _) = keel(partial);
    assert_eq!(sprs["score"], 107, "{sprs}");
    assert_eq!(sprs["status"], "none");
    let (sprs, _) = keel(|srm| {
        partial(srm).replace(
            "  review:\n",
            "  poam:\n    - {control: SC.L2-3.13.11, gap: Encryption not FIPS-validated, due: 2027-04-30}\n  review:\n",
        )
    });
    assert_eq!(sprs["status"], "conditional", "{sprs}");
}

#[test]
fn monitoring_on_a_business_hours_client_without_the_capabilities_loses_its_weights() {
    let (sprs, findings) = keel(|srm| {
        srm.replace(
            "AU.L2-3.3.9, SI.L2-3.14.3, SI.L2-3.14.6, SI.L2-3.14.7]\n      owner: mssp\n",
            "AU.L2-3.3.9, SI.L2-3.14.3, SI.L2-3.14.6, SI.L2-3.14.7]\n      owner: client\n",
        )
    });
    let monitoring = [
        "AU.L2-3.3.1",
        "AU.L2-3.3.2",
        "AU.L2-3.3.3",
        "AU.L2-3.3.4",
        "AU.L2-3.3.5",
        "AU.L2-3.3.6",
        "AU.L2-3.3.7",
        "AU.L2-3.3.8",
        "AU.L2-3.3.9",
        "SI.L2-3.14.3",
        "SI.L2-3.14.6",
        "SI.L2-3.14.7",
    ];
    let mut lost = cost_controls(&sprs);
    lost.sort();
    let mut expected = monitoring.to_vec();
    expected.sort();
    assert_eq!(lost, expected, "{sprs}");
    for control in monitoring {
        assert!(
            findings.iter().any(|f| f["control"]["id"] == control
                && (f["rule"] == "owner-lacks-capability"
                    || f["rule"] == "round-the-clock-coverage")),
            "no capacity finding names {control}"
        );
    }
    assert!(findings
        .iter()
        .filter(|f| f["rule"] == "round-the-clock-coverage")
        .all(|f| f["control"].is_object()));
}

#[test]
fn the_physical_row_of_a_vendor_with_an_expired_attestation_loses_the_pe_weights() {
    let (sprs, findings) = keel(|srm| {
        srm.replace(
            "      maturity: {soc: 2, infrastructure: 2}\n  responsibilities:\n",
            "      maturity: {soc: 2, infrastructure: 2}\n    vendors:\n      - id: guard\n        name: Site Guard Co\n        attestations:\n          - {type: iso27001, validUntil: 2026-06-30}\n  responsibilities:\n",
        )
        .replace(
            "        cmmc-2.0: [PE.L2-3.10.1, PE.L2-3.10.2, PE.L2-3.10.3, PE.L2-3.10.4, PE.L2-3.10.5, PE.L2-3.10.6]\n      owner: client",
            "        cmmc-2.0: [PE.L2-3.10.1, PE.L2-3.10.2, PE.L2-3.10.3, PE.L2-3.10.4, PE.L2-3.10.5, PE.L2-3.10.6]\n      owner: vendor:guard",
        )
    });
    let mut lost = cost_controls(&sprs);
    lost.sort();
    assert_eq!(
        lost,
        [
            "PE.L2-3.10.1",
            "PE.L2-3.10.2",
            "PE.L2-3.10.3",
            "PE.L2-3.10.4",
            "PE.L2-3.10.5",
            "PE.L2-3.10.6"
        ],
        "{sprs}"
    );
    assert_eq!(sprs["score"], 110 - 5 - 5 - 1 - 1 - 1 - 1);
    assert_eq!(
        findings
            .iter()
            .filter(|f| f["rule"] == "vendor-owner-without-attestation")
            .count(),
        6
    );
}

#[test]
fn cmmc_via_800_171r2_with_every_requirement_covered_scores_110() {
    let (sprs, findings) = keel(|srm| {
        let srm = srm.replace(
            "    - id: cmmc-2.0\n      level: 2\n",
            "    - id: cmmc-2.0\n      level: 2\n      via: [nist-800-171r2]\n    - id: nist-800-171r2\n",
        );
        let mut out = String::new();
        for line in srm.lines() {
            match line.strip_prefix("        cmmc-2.0: [") {
                Some(list) => {
                    let ids: Vec<&str> = list
                        .trim_end_matches(']')
                        .split(", ")
                        .map(|id| id.split_once('-').map_or(id, |(_, rest)| rest))
                        .collect();
                    out.push_str(&format!("        nist-800-171r2: [{}]\n", ids.join(", ")));
                }
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out
    });
    assert_eq!(sprs["score"], 110, "{sprs}");
    assert!(findings.iter().all(|f| f["rule"] != "uncovered-control"));
}
