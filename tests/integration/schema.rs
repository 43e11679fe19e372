//! `srmcheck schema KIND`: a JSON Schema generated from the model types.

use std::path::PathBuf;

use serde::Deserialize;

use crate::harness::{root, Run};

#[test]
fn every_kind_has_a_schema() {
    for kind in [
        "Framework",
        "Mapping",
        "Provider",
        "Environment",
        "ResponsibilityMatrix",
    ] {
        let output = Run::new(["schema", kind]).run().code(0);
        let schema: serde_json::Value = serde_json::from_str(&output.stdout).expect("valid JSON");
        assert_eq!(schema["properties"]["kind"]["const"], kind);
        assert_eq!(schema["properties"]["apiVersion"]["const"], "srmcheck/v1");
        assert_eq!(schema["additionalProperties"], false);
    }
}

#[test]
fn matrix_schema_knows_the_rows() {
    let output = Run::new(["schema", "ResponsibilityMatrix"]).run().code(0);
    let schema: serde_json::Value = serde_json::from_str(&output.stdout).expect("valid JSON");
    let row = &schema["definitions"]["Responsibility"]["properties"];
    for field in [
        "id", "controls", "owner", "raci", "duties", "effort", "sla", "evidence",
    ] {
        assert!(row.get(field).is_some(), "Responsibility has no `{field}`");
    }
}

#[test]
fn unknown_kind_is_a_usage_error() {
    Run::new(["schema", "Matrix"]).run().code(2);
}

/// The kinds, by the file name of their schema under `schemas/`.
const KINDS: [&str; 6] = [
    "Framework",
    "Mapping",
    "Provider",
    "Environment",
    "ResponsibilityMatrix",
    "VendorResponsibilities",
];

fn shipped(kind: &str) -> serde_json::Value {
    let path = root().join("schemas").join(format!("{kind}.schema.json"));
    let text = std::fs::read_to_string(&path).expect("schema shipped");
    serde_json::from_str(&text).expect("schema is JSON")
}

/// `schemas/` holds what `srmcheck schema --all --out schemas/` writes;
/// `SRMCHECK_BLESS=1` rewrites it.
#[test]
fn shipped_schemas_are_current() {
    if std::env::var_os("SRMCHECK_BLESS").is_some() {
        let out = root().join("schemas");
        Run::new(["schema", "--all", "--out"])
            .args([out.as_os_str()])
            .run()
            .code(0);
    }
    for kind in KINDS {
        let output = Run::new(["schema", kind]).run().code(0);
        let path = root().join("schemas").join(format!("{kind}.schema.json"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == output.stdout,
            "{} is stale: run `cargo run -- schema --all --out schemas/`",
            path.display()
        );
        let schema = shipped(kind);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}

#[test]
fn all_writes_one_file_per_kind() {
    let scratch = tempfile::tempdir().expect("scratch folder");
    let dir = scratch.path().join("out");
    Run::new(["schema", "--all", "--out"])
        .args([dir.as_os_str()])
        .run()
        .code(0)
        .contains("ResponsibilityMatrix.schema.json");
    for kind in KINDS {
        assert!(dir.join(format!("{kind}.schema.json")).is_file(), "{kind}");
    }
}

/// Every srmcheck document of every fixture, as JSON, with its kind.
fn fixture_documents() -> Vec<(PathBuf, String, serde_json::Value)> {
    let mut documents = Vec::new();
    for entry in walkdir(&root().join("fixtures")) {
        let text = std::fs::read_to_string(&entry).expect("fixture readable");
        for document in serde_yaml::Deserializer::from_str(&text) {
            let Ok(value) = serde_json::Value::deserialize(document) else {
                continue;
            };
            if value["apiVersion"] != "srmcheck/v1" {
                continue;
            }
            let kind = value["kind"].as_str().unwrap_or_default().to_owned();
            documents.push((entry.clone(), kind, value));
        }
    }
    documents
}

fn walkdir(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixture folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walkdir(&path));
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn validator(kind: &str) -> jsonschema::Validator {
    jsonschema::draft7::new(&shipped(kind)).expect("schema compiles")
}

#[test]
fn every_fixture_is_valid_against_its_schema() {
    let validators: Vec<_> = KINDS.iter().map(|k| (*k, validator(k))).collect();
    let documents = fixture_documents();
    assert!(
        documents.len() > 50,
        "{} fixture documents",
        documents.len()
    );
    let mut failures = Vec::new();
    for (path, kind, value) in &documents {
        // The one fixture whose point is a value outside the vocabulary: the
        // schema rejects its owner `msp` as srmcheck does (`unknown-owner`).
        if path.ends_with("fixtures/rules/unknown-owner/fire/srm.yaml") {
            assert!(
                !validators[4].1.is_valid(value),
                "`msp` accepted as an owner"
            );
            continue;
        }
        let (_, validator) = validators
            .iter()
            .find(|(k, _)| k == kind)
            .unwrap_or_else(|| panic!("{}: unknown kind {kind}", path.display()));
        for error in validator.iter_errors(value) {
            failures.push(format!(
                "{}: {error} at {}",
                path.display(),
                error.instance_path()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn schema_rejects_a_wrong_owner_and_raci() {
    let validator = validator("ResponsibilityMatrix");
    let documents = fixture_documents();
    let (_, _, srm) = documents
        .iter()
        .find(|(_, kind, _)| kind == "ResponsibilityMatrix")
        .expect("an SRM fixture");
    assert!(validator.is_valid(srm));
    for (pointer, bad) in [
        ("/spec/responsibilities/0/owner", "the-mssp"),
        ("/spec/responsibilities/0/owner", "vendor:"),
        ("/spec/responsibilities/0/capabilities", "[\"telepathy\"]"),
        ("/spec/frameworks/0/id", "not an id"),
    ] {
        let mut edited = srm.clone();
        let value = serde_json::from_str(bad).unwrap_or_else(|_| serde_json::json!(bad));
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        match edited
            .pointer_mut(parent)
            .expect("the fixture has the parent")
        {
            serde_json::Value::Array(items) => items[key.parse::<usize>().expect("index")] = value,
            parent => {
                parent[key] = value;
            }
        }
        assert!(!validator.is_valid(&edited), "{pointer} = {bad} accepted");
    }
}

/// Editors validate the fixtures as they are edited: each file opens with the
/// yaml-language-server modeline naming the shipped schema of its kind.
#[test]
fn every_fixture_names_its_schema_in_a_modeline() {
    let mut missing = Vec::new();
    for (path, kind, _) in fixture_documents() {
        let text = std::fs::read_to_string(&path).expect("fixture readable");
        let first = text.lines().next().unwrap_or_default();
        // Documents `srmcheck import` writes are compared byte for byte with
        // a fresh import by their own tests, so they carry its header instead.
        if first.starts_with("# Imported by srmcheck from ") {
            continue;
        }
        let schema = first
            .strip_prefix("# yaml-language-server: $schema=")
            .map(|relative| path.parent().expect("a folder").join(relative));
        let expected = root().join(format!("schemas/{kind}.schema.json"));
        let names_it = schema.is_some_and(|schema| {
            schema.canonicalize().ok() == expected.canonicalize().ok() && schema.is_file()
        });
        if !names_it {
            missing.push(format!("{}: {first}", path.display()));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
