//! The README's first SRM: its Provider and Environment documents and the
//! short SRM built on them check clean, as the README says.

use crate::harness::{root, Run, AS_OF};

/// The `yaml` code blocks of `text` after `heading`, in order.
fn yaml_blocks_after(text: &str, heading: &str) -> Vec<String> {
    let start = text.find(heading).expect("the heading is in the README");
    text[start..]
        .split("```yaml\n")
        .skip(1)
        .map(|block| block[..block.find("```").expect("a closed block")].to_owned())
        .collect()
}

#[test]
fn the_readme_short_srm_checks_clean_with_its_provider_and_environment() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let first = yaml_blocks_after(&readme, "## Your first SRM");
    let short = yaml_blocks_after(&readme, "A short SRM, whole");
    assert!(first[0].contains("kind: Provider") && first[1].contains("kind: Environment"));
    assert!(short[0].contains("kind: ResponsibilityMatrix"));
    Run::check(["clients/nova-dental/srm.yaml", "--fail-on", "info"])
        .file("provider.yaml", &first[0])
        .file("clients/nova-dental/environment.yaml", &first[1])
        .file("clients/nova-dental/srm.yaml", &short[0])
        .run()
        .code(0)
        .contains("Checked 1 SRM in 1 file: no findings.");
}

#[test]
fn the_readme_init_command_gives_only_placeholders() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let first = yaml_blocks_after(&readme, "## Your first SRM");
    let scratch = tempfile::TempDir::new().unwrap();
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("clients/nova-dental")).unwrap();
    std::fs::write(dir.join("provider.yaml"), &first[0]).unwrap();
    std::fs::write(dir.join("clients/nova-dental/environment.yaml"), &first[1]).unwrap();
    Run::new([
        "init",
        "--as-of",
        AS_OF,
        "--framework",
        "hipaa-security",
        "--provider",
        "provider.yaml",
    ])
    .args([
        "--environment",
        "clients/nova-dental/environment.yaml",
        "--client",
        "Nova Dental",
    ])
    .args(["-o", "clients/nova-dental/srm.yaml"])
    .in_dir(dir)
    .run()
    .code(0);
    let out = Run::check(["clients/nova-dental/srm.yaml", "--format", "concise"])
        .in_dir(dir)
        .run()
        .code(1)
        .contains("Checked 1 SRM in 1 file: 59 errors.");
    let findings: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("error["))
        .collect();
    assert_eq!(findings.len(), 59);
    assert!(
        findings
            .iter()
            .all(|l| l.contains("error[placeholder-value]")),
        "{findings:?}"
    );
}
