//! The capability vocabulary: `srmcheck capabilities`, and an unknown
//! capability wherever one is named is a located problem with a suggestion.

use crate::harness::{root, valid_srm, valid_srm_text, Run};

#[test]
fn the_vocabulary_as_text() {
    let output = Run::new(["capabilities"]).run().code(0);
    insta::assert_snapshot!(output.stdout);
}

#[test]
fn the_vocabulary_as_json() {
    let output = Run::new(["capabilities", "--format", "json"]).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    let names: Vec<&str> = json["capabilities"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names.len(), 29);
    assert!(names.contains(&"detection-engineering"), "{names:?}");
    insta::assert_snapshot!(output.stdout);
}

/// Every capability the knowledge README documents is listed by the
/// command with the README's description.
#[test]
fn the_command_and_the_knowledge_readme_agree() {
    let readme = std::fs::read_to_string(root().join("frameworks/knowledge/README.md"))
        .expect("README readable");
    let output = Run::new(["capabilities", "--format", "json"]).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    for capability in json["capabilities"].as_array().expect("a list") {
        let row = format!(
            "| `{}` | {} |",
            capability["name"].as_str().expect("name"),
            capability["description"].as_str().expect("description")
        );
        assert!(readme.contains(&row), "README lacks {row}");
    }
}

#[test]
fn an_unknown_capability_in_a_row_is_located_with_a_suggestion() {
    let srm = valid_srm_text().replacen(
        "capabilities: [security-monitoring, incident-response]",
        "capabilities: [security-monitoring, incident-responce]",
        1,
    );
    let output = valid_srm().file("srm.yaml", srm).run().code(2);
    let text = output.text();
    assert!(text.contains("srm.yaml:60:43"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn an_unknown_capability_of_the_client_party_is_located_with_a_suggestion() {
    let srm = valid_srm_text().replacen(
        "capabilities: [policy-governance, risk-management,",
        "capabilities: [policy-governance, risk-managment,",
        1,
    );
    valid_srm()
        .file("srm.yaml", srm)
        .args(["--format", "json"])
        .run()
        .code(2)
        .contains("\"code\": \"unknown-capability\"")
        .contains("`risk-managment` is not a capability")
        .contains("did you mean `risk-management`?")
        .contains("\"line\": 19")
        .contains("\"srms\": 0");
}

#[test]
fn an_unknown_capability_of_the_provider_is_located_in_its_file() {
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable")
        .replace("patch-management,", "patching,");
    valid_srm()
        .file("provider.yaml", provider)
        .run()
        .code(2)
        .contains("error: `patching` is not a capability")
        .contains("provider.yaml:9:")
        .contains("srmcheck capabilities")
        .lacks("owner-lacks-capability");
}

#[test]
fn a_capability_far_from_any_gets_the_command_as_its_hint() {
    let srm = valid_srm_text().replacen(
        "capabilities: [backup-recovery]",
        "capabilities: [juggling]",
        1,
    );
    valid_srm()
        .file("srm.yaml", srm)
        .run()
        .code(2)
        .contains("`juggling` is not a capability")
        .contains("use a capability of the vocabulary: `srmcheck capabilities` lists them");
}

#[test]
fn a_catalog_whose_knowledge_names_an_unknown_capability_is_refused() {
    let catalog = "apiVersion: srmcheck/v1
kind: Framework
metadata: {name: acme-controls}
spec:
  title: Acme internal controls
  version: \"2026\"
  source: {name: Acme GRC team, licence: Internal}
  controls:
    - {id: ACME-1, title: Quarterly phishing drill, family: People, layer: people, capabilities: [security-awareness-trainig], roundTheClock: false, minMaturity: 1}
";
    Run::new([
        "--frameworks",
        "catalogs",
        "frameworks",
        "show",
        "acme-controls",
    ])
    .file("catalogs/acme.yaml", catalog)
    .run()
    .code(2)
    .contains("catalogs/acme.yaml:9:")
    .contains("`security-awareness-trainig` is not a capability")
    .contains("did you mean `security-awareness-training`?");
}

#[test]
fn init_refuses_a_provider_with_an_unknown_capability() {
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable")
        .replace("backup-recovery,", "backups,");
    let scratch = tempfile::TempDir::new().expect("scratch");
    std::fs::write(scratch.path().join("provider.yaml"), provider).expect("written");
    Run::new([
        "init",
        "--framework",
        "hipaa-security",
        "--provider",
        "provider.yaml",
    ])
    .args(["--client", "Nova Dental", "-o", "srm.yaml"])
    .in_dir(scratch.path())
    .run()
    .code(2)
    .contains("`backups` is not a capability")
    .contains("provider.yaml:9:");
    assert!(
        !scratch.path().join("srm.yaml").exists(),
        "nothing is written"
    );
}
