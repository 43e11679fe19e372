//! Inheritance per component, on variants of the `environment-inheritance`
//! pass fixture (a clinic's on-prem server room and its AWS backup vault).

use crate::harness::{root, Run};

/// The pass fixture with `edit` applied, checked in concise form.
fn clinic(edit: impl Fn(String) -> String) -> Run {
    let srm = std::fs::read_to_string(
        root().join("fixtures/rules/environment-inheritance/pass/srm.yaml"),
    )
    .expect("fixture")
    .replace("../../provider.yaml", "provider.yaml");
    let provider =
        std::fs::read_to_string(root().join("fixtures/rules/provider.yaml")).expect("fixture");
    Run::check(["srm.yaml", "--format", "concise", "--fail-on", "info"])
        .file("srm.yaml", edit(srm))
        .file("provider.yaml", provider)
}

const CLAIM: &str = "components: [backup-vault]";

#[test]
fn a_vendor_physical_row_claiming_the_on_prem_site_is_a_finding_at_its_entry() {
    let output = clinic(|srm| srm.replace(CLAIM, "components: [backup-vault, clinic-dc]"))
        .run()
        .code(1)
        .contains(
            "srm.yaml:113:34: warning[environment-inheritance] responsibility R-06 is owned by \
             vendor aws but applies to clinic-dc (on-prem), which aws does not run",
        );
    assert_eq!(
        output.stdout.matches("[environment-inheritance]").count(),
        1
    );
}

#[test]
fn a_vendor_physical_row_naming_no_components_claims_the_site_at_its_owner() {
    clinic(|srm| srm.replace(&format!("      {CLAIM}\n"), ""))
        .run()
        .code(1)
        .contains(
            "srm.yaml:112:14: warning[environment-inheritance] responsibility R-06 is owned by \
             vendor aws and names no `components`, so it applies to every component, also to \
             on-prem clinic-dc, which aws does not run",
        );
}

#[test]
fn the_site_physical_controls_are_a_gap_when_only_the_vendor_covers_them() {
    // The clinic's facility row goes; only AWS's row covers physical security.
    let without_facility = |srm: String| {
        let start = srm.find("    - id: R-05").expect("R-05");
        let end = srm.find("    - id: R-06").expect("R-06");
        format!("{}{}", &srm[..start], &srm[end..])
            .replace(CLAIM, "components: [backup-vault, clinic-dc]")
    };
    clinic(without_facility)
        .run()
        .code(1)
        .contains("[environment-inheritance] responsibility R-06 is owned by vendor aws but applies to clinic-dc")
        .contains(
            "warning[environment-inheritance] clinic-dc is on-prem, with no vendor to inherit \
             from, but no row owned by the MSSP, the client or both that applies to it covers a \
             control of its physical layer",
        );
}

#[test]
fn a_row_naming_an_unknown_component_is_a_problem_with_a_hint() {
    clinic(|srm| srm.replace(CLAIM, "components: [backup-valt]"))
        .run()
        .code(2)
        .contains("srm.yaml:113:20: error: `backup-valt` is not a component of the environment")
        .contains("did you mean `backup-vault`?");
}

#[test]
fn an_undeclared_vendor_is_one_error_at_its_component() {
    let output = clinic(|srm| {
        srm.replace("vendor: aws}", "vendor: azure}")
    })
    .run()
    .code(1)
    .contains("error[environment-vendor-undeclared] vendor azure runs backup-vault but is not declared in the SRM");
    let per_layer = output
        .stdout
        .lines()
        .filter(|l| l.contains("[environment-inheritance]") && l.contains("backup-vault"));
    assert_eq!(per_layer.count(), 0, "{}", output.stdout);
}
