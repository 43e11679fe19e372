//! Every rule of the built-in pack fires on its `fire` fixture and stays
//! silent on its `pass` fixture (`fixtures/rules/<rule id>/{fire,pass}`).

use std::path::Path;

use crate::harness::{root, Run};

/// The `custom.id` of every built-in rule, read from the METADATA of its file.
fn rule_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(root().join("policies")).expect("policies folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !name.ends_with(".rego") || name.ends_with("_test.rego") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("policy readable");
        if !text.contains("\npackage srmcheck.rules.")
            && !text.contains("\npackage srmcheck.portfolio.")
        {
            continue;
        }
        let id = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("id: "))
            .unwrap_or_else(|| panic!("{name} has no custom.id"));
        ids.push(id.trim().to_owned());
    }
    ids.sort();
    ids
}

#[test]
fn every_rule_has_fire_and_pass_fixtures() {
    let ids = rule_ids();
    assert!(ids.len() >= 2, "the pack has rules: {ids:?}");
    for id in ids {
        for case in ["fire", "pass"] {
            let dir = root().join("fixtures/rules").join(&id).join(case);
            assert!(dir.is_dir(), "missing fixture folder {}", dir.display());
        }
    }
}

#[test]
fn every_rule_fires_on_its_fire_fixture() {
    for id in rule_ids() {
        let dir = Path::new("fixtures/rules").join(&id).join("fire");
        Run::check([&dir])
            .args(["--fail-on", "info"])
            .in_root()
            .run()
            .code(1)
            .contains(&format!("[{id}]: "));
    }
}

#[test]
fn every_rule_is_silent_on_its_pass_fixture() {
    for id in rule_ids() {
        let dir = Path::new("fixtures/rules").join(&id).join("pass");
        Run::check([&dir])
            .args(["--fail-on", "info"])
            .in_root()
            .run()
            .code(0)
            .lacks(&format!("[{id}]"));
    }
}

#[test]
fn uncovered_control_counts_expired_exceptions_as_gaps() {
    Run::check(["fixtures/rules/uncovered-control/fire"])
        .in_root()
        .run()
        .code(1)
        .contains("164.308(a)(6) (Security Incident Procedures) is not covered")
        .contains("164.310(c) (Workstation Security) is not covered");
}

#[test]
fn raci_accountable_finds_an_owner_its_raci_does_not_make_responsible() {
    Run::check([
        "fixtures/rules/raci-accountable/fire",
        "--format",
        "concise",
    ])
    .in_root()
    .run()
    .code(1)
    .contains(
        "srm.yaml:56:20: error[raci-accountable] responsibility R-03 is owned by mssp, \
             but its RACI does not make mssp Responsible (R)",
    );
}

#[test]
fn uncovered_control_accepts_a_current_exception() {
    Run::check([
        "fixtures/rules/uncovered-control/fire",
        "--as-of",
        "2026-05-01",
    ])
    .in_root()
    .run()
    .lacks("164.310(c) (Workstation Security) is not covered");
}

fn acme_with_800_171(selection: &str) -> crate::harness::Output {
    let root = root().join("fixtures/portfolio");
    let srm = std::fs::read_to_string(root.join("clients/acme-manufacturing/srm.yaml"))
        .expect("fixture")
        .replace("      level: 2\n", &format!("      level: 2\n{selection}"))
        .replace("../../provider.yaml", "provider.yaml")
        .replace("./environment.yaml", "environment.yaml");
    Run::check(["srm.yaml"])
        .file("srm.yaml", srm)
        .file(
            "provider.yaml",
            std::fs::read(root.join("provider.yaml")).expect("fixture"),
        )
        .file(
            "environment.yaml",
            std::fs::read(root.join("clients/acme-manufacturing/environment.yaml"))
                .expect("fixture"),
        )
        .run()
}

#[test]
fn a_framework_selected_via_another_is_covered_through_the_crosswalk() {
    acme_with_800_171("    - id: nist-800-171r2\n      via: [cmmc-2.0]\n")
        .code(0)
        .contains("no findings");
}

#[test]
fn without_via_a_framework_needs_its_own_rows() {
    let output = acme_with_800_171("    - id: nist-800-171r2\n").code(1);
    assert_eq!(
        output.text().matches("error[uncovered-control]").count(),
        110
    );
    output
        .contains("NIST SP 800-171 Rev. 2 control 3.1.1 (")
        .contains("it maps to cmmc-2.0 AC.L2-3.1.1");
}

#[test]
fn via_must_name_a_selected_framework() {
    acme_with_800_171("    - id: nist-800-171r2\n      via: [nist-800-53r5]\n")
        .code(2)
        .contains("`nist-800-53r5` is not selected in this SRM");
}

/// The package of a policy file and the `custom.id` of its METADATA, if any.
fn package_and_id(text: &str) -> (String, Option<String>) {
    let package = text
        .lines()
        .find_map(|l| l.strip_prefix("package "))
        .expect("a package line")
        .trim()
        .to_owned();
    let id = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("id: "))
        .map(|id| id.trim().to_owned());
    (package, id)
}

/// The file stem a package belongs in: `srmcheck.rules.<id>` and
/// `srmcheck.portfolio.<id>` in `<id>.rego`, `srmcheck.lib.<name>` in
/// `lib_<name>.rego`, `srmcheck.assess.<name>` in `assess_<name>.rego`.
fn stem_of(package: &str) -> Option<String> {
    let rest = package.strip_prefix("srmcheck.")?;
    let (kind, name) = rest.split_once('.')?;
    match kind {
        "rules" | "portfolio" => Some(name.to_owned()),
        "lib" | "assess" => Some(format!("{kind}_{name}")),
        _ => None,
    }
}

#[test]
fn the_pack_files_are_named_after_their_package_and_rule() {
    let dir = root().join("policies");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("policies folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rego"))
        .collect();
    names.sort();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("policy readable");
        assert!(
            !text.contains("\nimport data."),
            "{name} imports a package; name its rules by full path"
        );
        let (package, id) = package_and_id(&text);
        let stem = name.trim_end_matches(".rego");
        if let Some(tested) = stem.strip_suffix("_test") {
            let tested_file = format!("{tested}.rego");
            assert!(
                names.contains(&tested_file),
                "{name} tests no file of the pack"
            );
            let tested_text = std::fs::read_to_string(dir.join(&tested_file)).expect("readable");
            let (tested_package, _) = package_and_id(&tested_text);
            assert_eq!(
                package,
                format!("{tested_package}_test"),
                "the package of {name}"
            );
            continue;
        }
        assert_eq!(
            stem_of(&package).as_deref(),
            Some(stem),
            "{name} holds package {package}"
        );
        if package.starts_with("srmcheck.rules.") || package.starts_with("srmcheck.portfolio.") {
            let id = id.unwrap_or_else(|| panic!("{name} has no custom.id"));
            assert_eq!(id.replace('-', "_"), stem, "{name} holds rule {id}");
            assert!(
                names.contains(&format!("{stem}_test.rego")),
                "rule {id} has no test file {stem}_test.rego"
            );
        }
    }
}

#[test]
fn intersecting_crosswalk_pairs_never_cover() {
    // SP 800-53r5 and ISO 27001 are joined by `intersects` pairs only: the
    // ISO rows inform the 800-53 gaps but cover none of them.
    acme_with_800_171("    - id: nist-800-53r5\n      baseline: low\n      via: [iso27001-2022]\n")
        .code(1)
        .contains("NIST SP 800-53 Rev. 5 control AC-1 (Policy and Procedures) is not covered")
        .contains("it maps to iso27001-2022 A.5.1");
}

#[test]
fn cmmc_at_level_1_does_not_bring_cui_into_scope_and_level_2_does() {
    let fire = std::fs::read_to_string(
        root().join("fixtures/rules/data-class-framework-missing/fire/srm.yaml"),
    )
    .unwrap()
    .replace("provider: ../../provider.yaml", "provider: provider.yaml");
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml")).unwrap();
    let at = |level: &str| {
        fire.replacen(
            "    - id: hipaa-security\n",
            &format!("    - id: hipaa-security\n    - {{id: cmmc-2.0, level: {level}}}\n"),
            1,
        )
    };
    Run::check(["srm.yaml", "--format", "concise"])
        .file("srm.yaml", at("1"))
        .file("provider.yaml", &provider)
        .run()
        .contains("srm.yaml:15:24: error[data-class-framework-missing] the environment holds CUI but the SRM selects none of cmmc-2.0, nist-800-171r2, nist-800-171r3 (CMMC Level 1 covers federal contract information, not CUI: select `level: 2`)");
    Run::check(["srm.yaml", "--format", "concise"])
        .file("srm.yaml", at("2"))
        .file("provider.yaml", &provider)
        .run()
        .lacks("[data-class-framework-missing]");
}
