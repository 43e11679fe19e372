//! Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 could not check.

use crate::harness::{valid_srm, Run};

#[test]
fn clean_srm_exits_0() {
    valid_srm()
        .run()
        .code(0)
        .contains("Checked 1 SRM in 2 files: no findings.");
}

#[test]
fn defective_srm_exits_1() {
    Run::check(["fixtures/rules/unknown-owner/fire"])
        .in_root()
        .run()
        .code(1)
        .contains("error[unknown-owner]")
        .contains("fixtures/rules/unknown-owner/fire/srm.yaml:55:14");
}

#[test]
fn fail_on_never_exits_0_with_findings() {
    Run::check(["fixtures/rules/unknown-owner/fire", "--fail-on", "never"])
        .in_root()
        .run()
        .code(0)
        .contains("error[unknown-owner]");
}

#[test]
fn bad_input_exits_2() {
    Run::check(["bad.yaml"])
        .file("bad.yaml", "kind: [")
        .run()
        .code(2);
}

#[test]
fn missing_path_exits_2() {
    Run::check(["no-such-folder"])
        .run()
        .code(2)
        .contains("no-such-folder: no such file or folder");
}

#[test]
fn bad_as_of_date_exits_2() {
    Run::new(["check", "--as-of", "2026-13-01", "."])
        .run()
        .code(2)
        .contains("not a date");
}

#[test]
fn portfolio_findings_have_positions() {
    Run::check(["fixtures/"])
        .in_root()
        .run()
        .code(1)
        .contains("fixtures/rules/uncovered-control/fire/srm.yaml:")
        .lacks("could not be checked");
}

#[test]
fn output_is_deterministic() {
    let first = Run::check(["fixtures/"]).in_root().run();
    let second = Run::check(["fixtures/"]).in_root().run();
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn portfolio_clients_with_every_control_owned_are_clean() {
    for client in ["acme-manufacturing", "keel-precision"] {
        Run::check([format!("fixtures/portfolio/clients/{client}/srm.yaml")])
            .in_root()
            .run()
            .code(0)
            .contains("Checked 1 SRM in 1 file: no findings.");
    }
}

#[test]
fn portfolio_has_exactly_the_planted_gap() {
    Run::check(["fixtures/portfolio"])
        .in_root()
        .run()
        .code(1)
        .contains("Checked 3 SRMs in 6 files: 1 error.")
        .contains("fixtures/portfolio/clients/brightdesk/srm.yaml:19:7")
        .contains("control A.5.7 (Threat intelligence) is not covered");
}

#[test]
fn portfolio_clients_maturity_and_sprs_are_reported() {
    let output = Run::check(["fixtures/portfolio"]).in_root().run().code(1);
    let line = |name: &str| {
        output
            .stdout
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no assessment line for {name}:\n{}", output.stdout))
            .to_owned()
    };
    // Each client has its playbooks as `kind: playbook` evidence, in both
    // lenses; brightdesk's security operations stay Reactive for its planted
    // gap (A.5.7, threat intelligence, has no owner).
    assert!(line("acme-manufacturing").contains(
        "maturity 2 (Managed; infrastructure 2, soc 2)  SPRS 110 (0 practices not met; Level 2 final)"
    ));
    assert!(line("brightdesk").contains("maturity 1 (Reactive; infrastructure 2, soc 1)"));
    assert!(
        !line("brightdesk").contains("SPRS"),
        "no CMMC, no SPRS score"
    );
    assert!(
        line("keel-precision").contains("maturity 2 (Managed; infrastructure 2, soc 2)  SPRS 110")
    );
    assert!(output.stdout.contains(
        "next: Confirm exactly what the MSSP monitors and how coverage is validated: every in-scope security operations control covered by an owner able to perform it (1 without an owner, 0 not capable)"
    ));
}
