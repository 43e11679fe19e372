//! `srmcheck frameworks import-oscal`: OSCAL catalogs as Framework documents.

use std::collections::BTreeSet;

use crate::harness::{root, Run};

fn source(path: &str) -> String {
    root()
        .join("frameworks/sources/catalogs")
        .join(path)
        .display()
        .to_string()
}

/// `(id, title)` of every control of a Framework document in YAML.
fn controls(yaml: &str) -> Vec<(String, String)> {
    let doc: serde_yaml::Value = serde_yaml::from_str(yaml).expect("YAML");
    doc["spec"]["controls"]
        .as_sequence()
        .expect("controls")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default().to_owned(),
                c["title"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn shipped(id: &str) -> BTreeSet<String> {
    let output = Run::new(["frameworks", "show", id, "--format", "json"])
        .run()
        .code(0);
    let framework: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    framework["controls"]
        .as_array()
        .expect("controls")
        .iter()
        .map(|c| c["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn sp_800_171r3_xml_gives_the_97_shipped_controls() {
    let path = source("nist-800-171-rev3/NIST_SP800-171_rev3_catalog.xml");
    let output = Run::new([
        "frameworks",
        "import-oscal",
        &path,
        "--top-level-only",
        "--id",
        "nist-800-171r3",
    ])
    .run()
    .code(0);
    let imported = controls(&output.stdout);
    assert_eq!(imported.len(), 97);
    let ids: BTreeSet<String> = imported.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(ids, shipped("nist-800-171r3"));
    assert!(imported.contains(&("03.01.01".to_owned(), "Account Management".to_owned())));
}

#[test]
fn sp_800_53r5_json_gives_the_1007_active_controls() {
    let path = source("nist-800-53-rev5/NIST_SP-800-53_rev5_catalog_5.0.1.json");
    let output = Run::new(["frameworks", "import-oscal", &path])
        .run()
        .code(0);
    let ids: BTreeSet<String> = controls(&output.stdout)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, shipped("nist-800-53r5"));
}

#[test]
fn a_profile_is_not_a_catalog() {
    let path = source("nist-800-53-rev5/NIST_SP-800-53_rev5_LOW-baseline_profile.json");
    Run::new(["frameworks", "import-oscal", &path])
        .run()
        .code(2)
        .contains("not an OSCAL catalog: the document holds `profile`")
        .contains("baseline_profile.json:1:1");
}

#[test]
fn duplicate_control_ids_are_refused_with_their_place() {
    let catalog = r#"<?xml version="1.0"?>
<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="x">
  <metadata><title>Example</title><version>1</version></metadata>
  <group id="g"><title>Group</title>
    <control id="c-1"><title>One</title><prop name="label" value="C-1"/></control>
    <control id="c-2"><title>Two</title><prop name="label" value="C-1"/></control>
  </group>
</catalog>
"#;
    Run::new(["frameworks", "import-oscal", "dup.xml"])
        .file("dup.xml", catalog)
        .run()
        .code(2)
        .contains("control id `C-1` appears twice (first on line 5)")
        .contains("dup.xml:6:5");
}

#[test]
fn malformed_xml_names_its_place() {
    Run::new(["frameworks", "import-oscal", "bad.xml"])
        .file("bad.xml", "<catalog>\n  <group>\n</catalog>\n")
        .run()
        .code(2)
        .contains("invalid XML")
        .contains("bad.xml:3:");
}
