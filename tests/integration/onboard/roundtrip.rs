//! Export then import gives back an SRM with the same findings and
//! assessments, for every fixture SRM, through a workbook and through CSV.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{root, Run, AS_OF};

/// Every fixture file that holds an SRM, relative to `fixtures/`.
fn fixture_srms() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "yaml")
                && std::fs::read_to_string(&path)
                    .unwrap()
                    .contains("kind: ResponsibilityMatrix")
            {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join("fixtures"), &mut found);
    found.sort();
    found
}

/// Copies `fixtures/` into `to`, so that every relative reference resolves there.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        match path.is_dir() {
            true => copy_tree(&path, &target),
            false => {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
}

/// What a check of `file` found, without places: rule, severity, message,
/// control, excepted; and the assessments.
pub fn verdict(dir: &Path, file: &Path) -> (Vec<String>, Value) {
    let out = Run::check([file.as_os_str()])
        .args(["--format", "json"])
        .in_dir(dir)
        .run();
    assert!(
        out.code < 2,
        "{} did not check:\n{}",
        file.display(),
        out.text()
    );
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let mut findings: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {} {}",
                f["rule"], f["severity"], f["message"], f["control"], f["excepted"]
            )
        })
        .collect();
    findings.sort();
    let assessments: Vec<Value> = json["srms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["assessments"].clone())
        .collect();
    (findings, Value::from(assessments))
}

fn round_trip(format: &str) {
    let scratch = tempfile::TempDir::new().unwrap();
    let fixtures = scratch.path().join("fixtures");
    copy_tree(&root().join("fixtures"), &fixtures);
    let srms = fixture_srms();
    assert!(srms.len() >= 40, "{}", srms.len());
    for original in srms {
        let relative = original.strip_prefix(root().join("fixtures")).unwrap();
        let srm = fixtures.join(relative);
        let folder = srm.parent().unwrap();
        let sheet = folder.join(format!("export.{format}"));
        let back = folder.join(format!("imported-{format}.yml"));
        Run::new(["export", "--as-of", AS_OF, "--format", format, "-o"])
            .args([sheet.as_os_str(), srm.as_os_str()])
            .in_dir(scratch.path())
            .run()
            .code(0);
        Run::new(["import", "-o"])
            .args([back.as_os_str(), sheet.as_os_str()])
            .in_dir(scratch.path())
            .run()
            .code(0);
        let expected = verdict(scratch.path(), &srm);
        let found = verdict(scratch.path(), &back);
        assert_eq!(found, expected, "{} through {format}", relative.display());
    }
}

#[test]
fn an_xlsx_round_trip_keeps_every_fixtures_findings_and_assessments() {
    round_trip("xlsx");
}

#[test]
fn a_csv_round_trip_keeps_every_fixtures_findings_and_assessments() {
    round_trip("csv");
}

#[test]
fn the_same_srm_and_as_of_export_the_same_bytes() {
    let scratch = tempfile::TempDir::new().unwrap();
    let srm = root().join("fixtures/portfolio/clients/acme-manufacturing/srm.yaml");
    for format in ["xlsx", "csv"] {
        let written: Vec<Vec<u8>> = (0..2)
            .map(|i| {
                let out = scratch.path().join(format!("{i}.{format}"));
                Run::new(["export", "--as-of", AS_OF, "--format", format, "-o"])
                    .args([out.as_os_str(), srm.as_os_str()])
                    .in_dir(scratch.path())
                    .run()
                    .code(0);
                std::fs::read(out).unwrap()
            })
            .collect();
        assert!(written[0].len() > 1000, "{format}");
        assert_eq!(written[0], written[1], "{format}");
    }
}
