//! `srmcheck input FILE`: the policy input of an SRM, as the engine evaluates it.

use crate::harness::valid_srm_text;

#[test]
fn input_of_the_fixture_srm() {
    let output = crate::harness::Run::new(["input", "srm.yaml", "--as-of", "2026-11-22"])
        .file("srm.yaml", valid_srm_text())
        .file("provider.yaml", provider())
        .run()
        .code(0);
    let input: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    for key in [
        "asOf",
        "metadata",
        "srm",
        "provider",
        "environment",
        "frameworks",
    ] {
        assert!(input.get(key).is_some(), "no `{key}`");
    }
    insta::assert_snapshot!(output.stdout);
}

#[test]
fn input_is_deterministic() {
    let run = || {
        crate::harness::Run::new(["input", "srm.yaml", "--as-of", "2026-11-22"])
            .file("srm.yaml", valid_srm_text())
            .file("provider.yaml", provider())
            .run()
            .code(0)
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn a_file_that_does_not_load_is_exit_2_with_its_problems() {
    let srm = valid_srm_text()
        .replacen("      owner: client\n", "      ownr: client\n", 1)
        .replacen("lastReviewed: 2026-10-01", "lastReviewed: 2026-13-01", 1);
    crate::harness::Run::new(["input", "srm.yaml"])
        .file("srm.yaml", srm)
        .file("provider.yaml", provider())
        .run()
        .code(2)
        .contains("unknown key `ownr`")
        .contains("srm.yaml:103:19");
}

fn provider() -> String {
    std::fs::read_to_string(crate::harness::root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable")
}
