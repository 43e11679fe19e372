//! The configuration file: found by walking up, overridden by the command line.

use crate::harness::{valid_srm, Run};

#[test]
fn the_config_in_force_is_printed_with_its_file() {
    Run::new(["config"])
        .file(
            "srmcheck.yaml",
            "failOn: warning\nseverity: {unknown-owner: info}\n",
        )
        .run()
        .code(0)
        .contains("# from ")
        .contains("failOn: warning")
        .contains("unknown-owner: info");
    Run::new(["config"])
        .file("empty-dir/.keep", "")
        .run()
        .code(0)
        .contains("the defaults");
}

#[test]
fn severity_and_fail_on_come_from_the_config_found_above() {
    let srm = crate::harness::valid_srm_text().replace("owner: mssp", "owner: msp");
    valid_srm()
        .file("srm.yaml", srm)
        .file("srmcheck.yaml", "severity: {unknown-owner: warning}\n")
        .run()
        .code(0)
        .contains("warning[unknown-owner]");
    let srm = crate::harness::valid_srm_text().replace("owner: mssp", "owner: msp");
    valid_srm()
        .file("srm.yaml", srm)
        .file(
            "srmcheck.yaml",
            "severity: {unknown-owner: warning}\nfailOn: warning\n",
        )
        .run()
        .code(1);
}

#[test]
fn the_command_line_wins_over_the_config() {
    let srm = crate::harness::valid_srm_text().replace("owner: mssp", "owner: msp");
    valid_srm()
        .file("srm.yaml", srm)
        .file("srmcheck.yaml", "failOn: never\n")
        .args(["--fail-on", "error"])
        .run()
        .code(1);
}

#[test]
fn excluded_files_are_left_out_even_when_named() {
    Run::check(["srm.yaml", "drafts/broken.yaml"])
        .file("srm.yaml", crate::harness::valid_srm_text())
        .file(
            "provider.yaml",
            std::fs::read(crate::harness::root().join("fixtures/rules/provider.yaml"))
                .expect("fixture"),
        )
        .file("drafts/broken.yaml", "kind: [")
        .file("srmcheck.yaml", "exclude: [\"drafts/**\"]\n")
        .run()
        .code(0)
        .contains("Checked 1 SRM in 1 file");
}

#[test]
fn a_bad_config_names_its_place() {
    Run::new(["config"])
        .file("srmcheck.yaml", "failOn: warning\nseverty: {}\n")
        .run()
        .code(2)
        .contains("srmcheck.yaml:2:1")
        .contains("did you mean `severity`?");
}

#[test]
fn without_a_config_file_every_key_is_printed_with_its_default() {
    let output = Run::new(["config"])
        .file("empty-dir/.keep", "")
        .run()
        .code(0)
        .contains("no srmcheck.yaml or .srmcheck.yaml here or above: the defaults");
    let expected = [
        "include: [\"**/*.yaml\", \"**/*.yml\"]  # default",
        "exclude: []  # default",
        "policies: []  # default",
        "frameworks: []  # default",
        "severity: {}  # default",
        "failOn: error  # default",
        "# asOf: unset (default): today's date in UTC",
    ];
    for line in expected {
        assert!(
            output.stdout.lines().any(|l| l == line),
            "{line}\n{}",
            output.stdout
        );
    }
}

#[test]
fn a_config_file_shows_its_values_and_the_defaults_of_the_rest() {
    Run::new(["config"])
        .file(
            "srmcheck.yaml",
            "include: [\"clients/**\"]\nasOf: 2026-12-31\n",
        )
        .run()
        .code(0)
        .contains("include: [\"clients/**\"]\n")
        .contains("failOn: error  # default")
        .contains("asOf: 2026-12-31");
}
