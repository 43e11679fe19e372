//! `srmcheck import FILE --vendor NAME`: a vendor's published
//! responsibilities from an OSCAL component definition or SSP, or a FedRAMP
//! CRM worksheet; and the chain rules on what it writes.

use crate::harness::{root, Run, AS_OF};

const CHAIN: &str = "fixtures/rules/provider-responsibility-left-with-mssp";

fn fixture(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The fixture MSSP's service as exported from an SRM where it shares its monitoring.
fn component_definition() -> String {
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
    .args([format!("{CHAIN}/pass/srm.yaml")])
    .in_root()
    .run()
    .code(0);
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn an_exported_component_definition_imported_as_the_providers_responsibilities_drives_the_chain_rule(
) {
    let imported = Run::new([
        "import",
        "component.json",
        "--vendor",
        "Fixture Managed Security",
    ])
    .file("component.json", component_definition())
    .run()
    .code(0);
    assert!(
        imported.stdout.contains("kind: VendorResponsibilities"),
        "{}",
        imported.stdout
    );
    assert!(
        imported
            .stdout
            .contains("- control: 164.308(a)(6)\n    inheritance: partial"),
        "{}",
        imported.stdout
    );
    let provider = fixture(&format!("{CHAIN}/fire/provider.yaml"))
        .replace("mssp-responsibilities.yaml", "published.yaml");
    // The fire SRM gives the monitoring row to the MSSP alone: the client's part is left.
    Run::check(["srm.yaml", "--format", "concise"])
        .file("srm.yaml", fixture(&format!("{CHAIN}/fire/srm.yaml")))
        .file("provider.yaml", &provider)
        .file("published.yaml", &imported.stdout)
        .run()
        .code(1)
        .contains("srm.yaml:62:14: error[provider-responsibility-left-with-mssp]");
    Run::check(["srm.yaml"])
        .file("srm.yaml", fixture(&format!("{CHAIN}/pass/srm.yaml")))
        .file("provider.yaml", provider)
        .file("published.yaml", imported.stdout)
        .run()
        .code(0);
}

#[test]
fn an_ssp_exports_what_the_mssp_provides_and_leaves() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("ssp.json");
    Run::new(["export", "--as-of", AS_OF, "--format", "oscal-ssp", "-o"])
        .args([out.as_os_str()])
        .args([format!("{CHAIN}/pass/srm.yaml")])
        .in_root()
        .run()
        .code(0);
    Run::new(["import", "ssp.json", "--vendor", "Fixture MSSP"])
        .file("ssp.json", std::fs::read(out).unwrap())
        .run()
        .code(0)
        .contains("customer: Own the contingency plan and decide recovery priorities.");
}

#[test]
fn a_fedramp_crm_worksheet_becomes_vendor_responsibilities() {
    let crm = "Control ID,Can Be Inherited from CSP,Specific Inheritance and Customer Agency/CSP Responsibilities\n\
               SC-7,Yes,\n\
               AC-2,Partial,The agency approves every account.\n\
               AT-2,No,The agency trains its users.\n";
    let out = Run::new([
        "import",
        "crm.csv",
        "--vendor",
        "Example IaaS",
        "--framework",
        "nist-800-53r5",
    ])
    .file("crm.csv", crm)
    .run()
    .code(0);
    for expected in [
        "vendor: Example IaaS",
        "framework: nist-800-53r5",
        "- control: SC-7\n    inheritance: full",
        "- control: AC-2\n    inheritance: partial\n    customer: The agency approves every account.",
        "- control: AT-2\n    inheritance: none",
    ] {
        assert!(out.stdout.contains(expected), "{expected}\n{}", out.stdout);
    }
}

#[test]
fn a_crm_worksheet_column_fedramp_does_not_have_is_exit_2_at_its_header_cell() {
    let crm = "Control ID,Can Be Inherited from CSP,Specific Inheritance and Customer Agency/CSP Responsibilities,Reviewer initials\n\
               AC-2,Partial,The agency approves every account.,JD\n";
    Run::new(["import", "crm.csv", "--vendor", "Example IaaS"])
        .file("crm.csv", crm)
        .run()
        .code(2)
        .contains(
            "crm.csv:1:100: unknown column `Reviewer initials` in a FedRAMP CIS/CRM worksheet",
        );
    Run::new(["import", "crm.csv", "--vendor", "Example IaaS"])
        .file(
            "crm.csv",
            "Control ID,Can Be Inherited from CSP\nPE-99,Yes\n",
        )
        .run()
        .code(2)
        .contains("crm.csv:2:1: control `PE-99` is not in nist-800-53r5");
}

#[test]
fn oscal_of_the_wrong_model_or_version_and_unknown_controls_are_refused_at_their_pointer() {
    Run::new(["import", "catalog.json", "--vendor", "X"])
        .file(
            "catalog.json",
            r#"{"catalog": {"metadata": {"oscal-version": "1.1.2"}}}"#,
        )
        .run()
        .code(2)
        .contains("catalog.json, /catalog: an OSCAL `catalog` holds no responsibilities");
    Run::new(["import", "old.json", "--vendor", "X"])
        .file(
            "old.json",
            r#"{"component-definition": {"metadata": {"oscal-version": "0.9"}}}"#,
        )
        .run()
        .code(2)
        .contains("old.json, /component-definition/metadata/oscal-version");
    let unknown = component_definition().replace("\"_164.308.a.6\"", "\"_164.399.z\"");
    Run::new(["import", "component.json", "--vendor", "X"])
        .file("component.json", unknown)
        .run()
        .code(2)
        .contains("/component-definition/components/0/control-implementations/0/implemented-requirements/4/control-id")
        .contains("`_164.399.z` is not a control of `hipaa-security`");
    Run::new(["import", "broken.json", "--vendor", "X"])
        .file("broken.json", "{\"component-definition\": [")
        .run()
        .code(2)
        .contains("broken.json:1:");
}

#[test]
fn a_published_responsibility_naming_an_unknown_control_is_exit_2_at_its_place() {
    let dir = "fixtures/rules/vendor-responsibility-unowned/pass";
    let published = fixture(&format!("{dir}/aws-responsibilities.yaml"))
        .replace("control: \"164.312(a)\"", "control: \"164.312(z)\"");
    Run::check(["srm.yaml"])
        .file(
            "srm.yaml",
            fixture(&format!("{dir}/srm.yaml")).replace("../../provider.yaml", "provider.yaml"),
        )
        .file("provider.yaml", fixture("fixtures/rules/provider.yaml"))
        .file("aws-responsibilities.yaml", published)
        .run()
        .code(2)
        .contains("aws-responsibilities.yaml:17:16")
        .contains("`164.312(z)` is not a control of `hipaa-security`");
}

#[test]
fn the_portfolio_index_shows_per_vendor_the_clients_leaving_its_responsibilities_unowned() {
    let out = tempfile::TempDir::new().unwrap();
    Run::new(["report", "--as-of", AS_OF, "--format", "json"])
        .args([
            "fixtures/rules/vendor-responsibility-unowned/fire",
            "fixtures/rules/vendor-responsibility-unowned/pass",
        ])
        .args([std::ffi::OsStr::new("--out"), out.path().as_os_str()])
        .in_root()
        .run()
        .code(0);
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("index.json")).unwrap()).unwrap();
    assert_eq!(
        index["vendorChain"],
        serde_json::json!([{
            "vendor": "Amazon Web Services",
            "clients": [{
                "name": "Fixture Clinic",
                "link": "clients/vendor-responsibility-unowned-fire.json",
                "controls": ["hipaa-security 164.310(a)"],
            }],
        }])
    );
}

#[test]
fn an_ssp_control_implementation_imports_as_an_srm_with_its_roles_as_parties() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("ssp.json");
    let fixture_dir = "fixtures/rules/vendor-attestation-expired/pass";
    Run::new(["export", "--as-of", AS_OF, "--format", "oscal-ssp", "-o"])
        .args([out.as_os_str()])
        .args([format!("{fixture_dir}/srm.yaml")])
        .in_root()
        .run()
        .code(0);
    let imported = Run::new([
        "import",
        "ssp.json",
        "--client",
        "Fixture Clinic",
        "--name",
        "clinic",
    ])
    .file("ssp.json", std::fs::read(&out).unwrap())
    .run()
    .code(0);
    let text = &imported.stdout;
    assert!(text.contains("kind: ResponsibilityMatrix"), "{text}");
    // R-04 of the fixture is shared: both parties' duties come back, the RACI with them.
    let shared = text
        .split("- id: ")
        .find(|row| row.contains("- 164.308(a)(7)"))
        .unwrap_or_else(|| panic!("164.308(a)(7) in\n{text}"));
    assert!(shared.contains("owner: shared"), "{shared}");
    assert!(
        shared.contains("client: Own the contingency plan"),
        "{shared}"
    );
    assert!(
        shared.contains("mssp: RA") || shared.contains("mssp: R"),
        "{shared}"
    );
    // 164.310(a) is the client's (R-05) and AWS's (R-06): one shared row with both duties.
    let physical = text
        .split("- id: ")
        .find(|row| row.contains("- 164.310(a)"))
        .unwrap_or_else(|| panic!("164.310(a) in\n{text}"));
    assert!(physical.contains("owner: shared"), "{physical}");
    assert!(
        physical.contains("vendor:aws: Physical security of the AWS data centres"),
        "{physical}"
    );
    let unknown = std::fs::read_to_string(&out)
        .unwrap()
        .replace("\"_164.308.a.7\"", "\"_164.999\"");
    Run::new(["import", "ssp.json"])
        .file("ssp.json", unknown)
        .run()
        .code(2)
        .contains(
            "/system-security-plan/control-implementation/implemented-requirements/21/control-id",
        )
        .contains("`_164.999` is not a control of `hipaa-security`");
}
