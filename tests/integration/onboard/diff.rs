//! `srmcheck diff` between files and between git revisions of a scratch repository.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::harness::{root, Run, AS_OF};

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// A repository with two commits of `srm.yaml`: the second moves R-02 to
/// the client, removes R-04 and adds an exception.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    let srm =
        std::fs::read_to_string(root().join("fixtures/portfolio/clients/brightdesk/srm.yaml"))
            .unwrap()
            .replace("../../provider.yaml", "provider.yaml");
    std::fs::copy(
        root().join("fixtures/portfolio/provider.yaml"),
        dir.path().join("provider.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("srm.yaml"), &srm).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "signed"]);
    let start = srm.find("    - id: R-04").unwrap();
    let end = start + srm[start + 4..].find("    - id: R-").unwrap() + 4;
    let mut changed = format!("{}{}", &srm[..start], &srm[end..]);
    let r02 = changed.find("    - id: R-02").unwrap();
    let owner = r02 + changed[r02..].find("owner: shared").unwrap();
    changed.replace_range(owner..owner + "owner: shared".len(), "owner: client");
    changed = changed.replacen(
        "  exceptions:\n",
        "  exceptions:\n    - {framework: iso27001-2022, control: A.5.7, kind: risk-accepted, reason: later, approver: CISO, approved: 2026-01-01, expires: 2026-06-30}\n",
        1,
    );
    std::fs::write(dir.path().join("srm.yaml"), changed).unwrap();
    git(dir.path(), &["commit", "-q", "-am", "changed"]);
    dir
}

#[test]
fn diff_between_git_revisions_names_rows_owners_and_exceptions() {
    let repo = repository();
    Run::new(["diff", "--as-of", AS_OF, "HEAD~1:srm.yaml", "HEAD:srm.yaml"])
        .in_dir(repo.path())
        .run()
        .code(1)
        .contains("changes from HEAD~1:srm.yaml to HEAD:srm.yaml")
        .contains("Rows removed:\n  R-04")
        .contains("R-02 owner: \"shared\" -> \"client\"")
        .contains("Exceptions added:\n  iso27001-2022 A.5.7 (risk-accepted)")
        .contains("Exceptions expired:\n  iso27001-2022 A.5.7 (risk-accepted)");
}

#[test]
fn diff_of_a_revision_and_the_working_file_as_json_and_markdown() {
    let repo = repository();
    let out = Run::new([
        "diff",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "HEAD~1:srm.yaml",
        "srm.yaml",
    ])
    .in_dir(repo.path())
    .run()
    .code(1);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["changes"]["rowsRemoved"], serde_json::json!(["R-04"]));
    assert!(!json["changes"]["ownersChanged"]
        .as_array()
        .unwrap()
        .is_empty());
    Run::new(["diff", "--format", "md", "HEAD~1:srm.yaml", "srm.yaml"])
        .in_dir(repo.path())
        .run()
        .code(1)
        .contains("## Rows removed\n\n- R-04");
}

#[test]
fn the_same_version_twice_is_no_change_and_a_bad_revision_is_exit_2() {
    let repo = repository();
    Run::new(["diff", "HEAD:srm.yaml", "srm.yaml"])
        .in_dir(repo.path())
        .run()
        .code(0)
        .contains("no changes");
    Run::new(["diff", "nope:srm.yaml", "srm.yaml"])
        .in_dir(repo.path())
        .run()
        .code(2)
        .contains("nope:srm.yaml")
        .contains("git cannot show it");
}
