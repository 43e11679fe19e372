//! The responsibility chain across frameworks: a cloud vendor's customer
//! responsibility matrix in SP 800-53 Rev 5 (FedRAMP) and the MSSP's own,
//! against a CMMC 2.0 SRM (`fixtures/chain/cmmc`), matched through a
//! crosswalk whose pairs are at least as broad (`equivalent`, `superset-of`):
//! the organisation's own (`fixtures/chain/crosswalk`), as the shipped SP
//! 800-53 / SP 800-171 pairs are `related` and carry nothing across.

use crate::harness::{root, Run, AS_OF};

const CROSSWALK: &str = "fixtures/chain/crosswalk";

fn check(srm: &str) -> Run {
    Run::check([format!("fixtures/chain/cmmc/{srm}/srm.yaml")])
        .args([
            "--frameworks",
            CROSSWALK,
            "--fail-on",
            "info",
            "--format",
            "concise",
        ])
        .in_root()
}

#[test]
fn an_800_53_crm_against_a_cmmc_srm_that_satisfies_it_is_clean() {
    check("pass").run().code(0);
}

#[test]
fn each_chain_rule_fires_through_its_counterpart_and_names_it() {
    let out = check("fire").run().code(1);
    let out = out.contains(
        "fixtures/chain/cmmc/aws-crm.yaml:13:15: error[vendor-responsibility-unowned] vendor aws \
         leaves a customer responsibility for nist-800-53r5 AC-2 (through cmmc-2.0 AC.L1-b.1.i), \
         and no row owned by the MSSP, the client or shared covers the control",
    )
    .contains(
        "error[inherited-control-not-provided] responsibility R-08 inherits cmmc-2.0 \
         SI.L1-b.1.xv from vendor aws, whose published responsibilities do not say it provides \
         the control",
    )
    .contains(
        "error[provider-responsibility-left-with-mssp] the MSSP leaves part of nist-800-53r5 \
         SI-2 (through cmmc-2.0 SI.L1-b.1.xii) to its clients, but responsibility R-06 gives the \
         control to mssp",
        );
    let text = out.text();
    // AC.L1-b.1.i is inherited from the vendor too, and the vendor's AC-2 is
    // `partial`: provided, not a finding of its own.
    assert!(!text.contains("inherits cmmc-2.0 AC.L1-b.1.i"), "{text}");
    for rule in [
        "vendor-responsibility-unowned",
        "inherited-control-not-provided",
        "provider-responsibility-left-with-mssp",
    ] {
        assert_eq!(
            text.matches(&format!("[{rule}]")).count(),
            1,
            "{rule}\n{text}"
        );
    }
}

#[test]
fn without_a_crosswalk_strong_enough_nothing_is_carried_across() {
    // The shipped SP 800-53 -> CMMC path runs through SP 800-171r2's `related`
    // pairs, derived: the vendor's AC-2 stands for no practice, and the
    // practices the vendor's row inherits are in a framework its matrix does
    // not reach.
    let out = Run::check(["fixtures/chain/cmmc/fire/srm.yaml"])
        .args(["--fail-on", "info", "--format", "concise"])
        .in_root()
        .run();
    let text = out.text();
    for rule in [
        "vendor-responsibility-unowned",
        "inherited-control-not-provided",
        "provider-responsibility-left-with-mssp",
    ] {
        assert!(!text.contains(&format!("[{rule}]")), "{rule}\n{text}");
    }
}

#[test]
fn the_input_lists_what_each_published_control_stands_for() {
    let out = Run::new(["input", "fixtures/chain/cmmc/pass/srm.yaml"])
        .args(["--frameworks", CROSSWALK])
        .in_root()
        .run()
        .code(0);
    let input: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let at = |framework: &str, control: &str| serde_json::json!([{"framework": framework, "control": control}]);
    let aws = &input["vendorMatches"]["aws"];
    assert_eq!(aws[0], at("cmmc-2.0", "AC.L1-b.1.i"), "{aws}");
    assert_eq!(
        aws[4],
        serde_json::json!([
            {"framework": "cmmc-2.0", "control": "SC.L1-b.1.x"},
            {"framework": "cmmc-2.0", "control": "SC.L1-b.1.xi"},
        ])
    );
    assert_eq!(input["providerMatches"][0], at("cmmc-2.0", "SI.L1-b.1.xii"));
}

const PORTFOLIO: &str = "fixtures/chain/portfolio";

#[test]
fn the_mssp_component_definition_is_the_export_and_its_import_the_providers_responsibilities() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("component.json");
    Run::new([
        "export",
        "--as-of",
        AS_OF,
        "--format",
        "oscal-component",
        "-o",
    ])
    .args([out.as_os_str()])
    .args(["fixtures/rules/provider-responsibility-left-with-mssp/pass/srm.yaml"])
    .in_root()
    .run()
    .code(0);
    let component = format!("{PORTFOLIO}/mssp-component.json");
    let imported = format!("{PORTFOLIO}/mssp-service.yaml");
    let exported = std::fs::read(&out).unwrap();
    let service = Run::new(["import", &component, "--vendor", "Fixture Managed Security"])
        .args(["--name", "fixture-mssp-service"])
        .in_root()
        .run()
        .code(0);
    if std::env::var_os("SRMCHECK_BLESS").is_some() {
        std::fs::write(root().join(&component), &exported).unwrap();
        std::fs::write(root().join(&imported), &service.stdout).unwrap();
    }
    let stale = "stale: SRMCHECK_BLESS=1 cargo test --test integration chain";
    assert!(
        std::fs::read(root().join(&component)).unwrap() == exported,
        "{component} {stale}"
    );
    assert_eq!(
        std::fs::read_to_string(root().join(&imported)).unwrap(),
        service.stdout,
        "{stale}"
    );
}

#[test]
fn the_client_leaving_the_mssps_client_side_duty_with_it_is_the_only_one_found() {
    let out = Run::check([PORTFOLIO])
        .args(["--fail-on", "info", "--format", "concise"])
        .in_root()
        .run()
        .code(1);
    let text = out.text();
    let rule = "[provider-responsibility-left-with-mssp]";
    let found: Vec<&str> = text.lines().filter(|l| l.contains(rule)).collect();
    // R-03 cites five controls the MSSP leaves partly to its clients: the
    // standards 164.308(a)(6), 164.312(b) and 164.312(c), and the activity
    // review and log-in monitoring specifications.
    assert_eq!(found.len(), 5, "{text}");
    for line in found {
        assert!(
            line.starts_with(&format!("{PORTFOLIO}/clients/clinic-b/srm.yaml:63:14:")),
            "{line}"
        );
    }
    assert!(text.contains("Checked 3 SRMs"), "{text}");
    assert_eq!(text.matches("error[").count(), 5, "{text}");
}
