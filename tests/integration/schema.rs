//! `srmcheck schema KIND`: a JSON Schema generated from the model types.

use crate::harness::Run;

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
    let row = &schema["$defs"]["Responsibility"]["properties"];
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
