//! `srmcheck frameworks list|show|map`.

use crate::harness::{root, Run};

fn json(args: &[&str]) -> serde_json::Value {
    let output = Run::new(args.iter().copied().chain(["--format", "json"]))
        .run()
        .code(0);
    serde_json::from_str(&output.stdout).expect("valid JSON")
}

#[test]
fn list_reports_every_framework_with_its_control_count() {
    let list = json(&["frameworks", "list"]);
    let counts: Vec<(String, u64)> = list["frameworks"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap_or_default().to_owned(),
                f["controls"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("cmmc-2.0", 125),
        ("hipaa-security", 68),
        ("iso27001-2022", 123),
        ("nist-800-171r2", 110),
        ("nist-800-171r3", 97),
        ("nist-800-53r5", 1007),
        ("nist-csf-2.0", 106),
    ];
    assert_eq!(counts, expected.map(|(id, n)| (id.to_owned(), n)));
}

#[test]
fn show_a_control_by_its_december_2021_alias() {
    let control = json(&["frameworks", "show", "cmmc-2.0", "--control", "AC.L1-3.1.1"]);
    assert_eq!(control["id"], "AC.L1-b.1.i");
    assert_eq!(control["level"], 1);
}

#[test]
fn show_lists_controls_in_official_order() {
    let framework = json(&["frameworks", "show", "iso27001-2022"]);
    let controls = framework["controls"].as_array().expect("controls");
    assert_eq!(controls.len(), 123);
    assert_eq!(controls[0]["id"], "4.1");
    assert_eq!(controls[29]["id"], "10.2");
    assert_eq!(controls[30]["id"], "A.5.1");
    assert_eq!(controls[122]["id"], "A.8.34");
}

#[test]
fn map_derives_cmmc_to_iso_through_800_53() {
    let view = json(&["frameworks", "map", "cmmc-2.0", "iso27001-2022"]);
    assert_eq!(view["derived"], true);
    assert_eq!(view["through"].as_array().map(Vec::len), Some(3));
    let first = &view["pairs"][0];
    assert_eq!(
        (first["from"].as_str(), first["relationship"].as_str()),
        (Some("AC.L1-b.1.i"), Some("related"))
    );
}

#[test]
fn map_reads_a_published_mapping_backwards() {
    let view = json(&["frameworks", "map", "iso27001-2022", "nist-csf-2.0"]);
    assert_eq!(view["derived"], false);
    assert_eq!(view["pairs"].as_array().map(Vec::len), Some(341));
}

#[test]
fn unknown_framework_or_control_is_a_usage_error() {
    Run::new(["frameworks", "show", "iso27001"])
        .run()
        .code(2)
        .contains("did you mean `iso27001-2022`?");
    Run::new(["frameworks", "show", "iso27001-2022", "--control", "A.8.61"])
        .run()
        .code(2)
        .contains("unknown control `A.8.61`");
    Run::new(["frameworks", "map", "hipaa-security", "iso27001-2022"])
        .run()
        .code(2)
        .contains("no crosswalk joins");
}

const OWN_CATALOG: &str = "apiVersion: srmcheck/v1
kind: Framework
metadata: {name: acme-controls}
spec:
  title: Acme internal controls
  version: \"2026\"
  source: {name: Acme GRC team, licence: Internal}
  controls:
    - {id: ACME-1, title: Quarterly phishing drill, family: People}
    - {id: ACME-2, title: Badge audit, family: Physical}
";

#[test]
fn an_organisation_catalog_is_listed_and_checked() {
    let output = Run::new(["--frameworks", "catalogs", "frameworks", "list"])
        .file("catalogs/acme.yaml", OWN_CATALOG)
        .run()
        .code(0);
    assert!(
        output
            .stdout
            .contains("acme-controls       2 controls  Acme internal controls (2026)"),
        "{}",
        output.stdout
    );

    let srm = crate::harness::valid_srm_text().replace(
        "    - id: hipaa-security\n",
        "    - id: hipaa-security\n    - id: acme-controls\n",
    );
    let srm = srm.replacen(
        "hipaa-security: [\"164.308(a)(1)(ii)(A)\"",
        "acme-controls: [ACME-1]\n        hipaa-security: [\"164.308(a)(1)(ii)(A)\"",
        1,
    );
    crate::harness::valid_srm()
        .file("srm.yaml", srm)
        .file("catalogs/acme.yaml", OWN_CATALOG)
        .args(["--frameworks", "catalogs"])
        .run()
        .code(1)
        .contains("Acme internal controls control ACME-2 (Badge audit) is not covered")
        .lacks("ACME-1 (");
}

#[test]
fn an_organisation_catalog_cannot_take_a_builtin_id() {
    Run::new(["--frameworks", "catalogs", "frameworks", "list"])
        .file(
            "catalogs/iso.yaml",
            OWN_CATALOG.replace("acme-controls", "iso27001-2022"),
        )
        .run()
        .code(2)
        .contains("framework `iso27001-2022` is already defined")
        .contains("catalogs/iso.yaml:3:18");
}

#[test]
fn a_mapping_naming_a_missing_control_is_refused_with_its_place() {
    let mapping = "apiVersion: srmcheck/v1
kind: Mapping
metadata: {name: acme-to-iso}
spec:
  from: acme-controls
  to: iso27001-2022
  pairs:
    - {from: ACME-1, to: A.6.3, relationship: subset-of}
    - {from: ACME-2, to: A.7.99, relationship: subset-of}
";
    Run::new([
        "--frameworks",
        "catalogs",
        "frameworks",
        "map",
        "acme-controls",
        "iso27001-2022",
    ])
    .file("catalogs/acme.yaml", OWN_CATALOG)
    .file("catalogs/acme-to-iso.yaml", mapping)
    .run()
    .code(2)
    .contains("`A.7.99` is not a control of `iso27001-2022`")
    .contains("catalogs/acme-to-iso.yaml:9:26");
}

/// The brightdesk SRM, on ISO/IEC 27001:2022 as `selection` selects it.
fn brightdesk_selecting(selection: &str) -> crate::harness::Output {
    let root = root().join("fixtures/portfolio");
    let srm = std::fs::read_to_string(root.join("clients/brightdesk/srm.yaml"))
        .expect("fixture")
        .replace("    - id: iso27001-2022\n", selection)
        .replace("../../provider.yaml", "provider.yaml");
    Run::check(["srm.yaml", "--format", "json"])
        .file("srm.yaml", srm)
        .file(
            "provider.yaml",
            std::fs::read(root.join("provider.yaml")).expect("fixture"),
        )
        .run()
}

#[test]
fn iso_selects_clauses_and_annex_a_by_default_or_one_part() {
    // The fixture covers every clause and every Annex A control but A.5.7.
    let all = brightdesk_selecting("    - id: iso27001-2022\n").code(1);
    assert!(all.stdout.contains("A.5.7"));
    let annex = brightdesk_selecting("    - id: iso27001-2022\n      part: annex-a\n").code(1);
    assert!(annex.stdout.contains("A.5.7"));
    let clauses = brightdesk_selecting("    - id: iso27001-2022\n      part: clauses\n").code(0);
    assert!(!clauses.stdout.contains("A.5.7"));
    brightdesk_selecting("    - id: iso27001-2022\n      part: annex-b\n")
        .code(2)
        .contains(
            "framework `iso27001-2022` has no part `annex-b`; its parts are clauses, annex-a",
        );
}

#[test]
fn an_uncovered_clause_is_a_finding_at_the_selection() {
    let root = root().join("fixtures/portfolio");
    let srm = std::fs::read_to_string(root.join("clients/brightdesk/srm.yaml"))
        .expect("fixture")
        .replace(r#"["9.2.1", "9.2.2"]"#, r#"["9.2.1"]"#)
        .replace("../../provider.yaml", "provider.yaml");
    Run::check(["srm.yaml", "--format", "concise"])
        .file("srm.yaml", srm)
        .file(
            "provider.yaml",
            std::fs::read(root.join("provider.yaml")).expect("fixture"),
        )
        .run()
        .code(1)
        .contains("ISO/IEC 27001:2022 control 9.2.2 (Internal audit programme) is not covered");
}
