//! The review section of a client's page: what changed since the version
//! the current sign-offs were given on, when the SRM is in git, and who
//! must sign again.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

use crate::harness::{root, valid_srm_text, Run, AS_OF};

fn git(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(repo)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A git repository holding a signed SRM and its provider, committed.
fn repository() -> TempDir {
    let dir = TempDir::new().expect("a scratch folder");
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable");
    std::fs::write(dir.path().join("srm.yaml"), valid_srm_text()).expect("written");
    std::fs::write(dir.path().join("provider.yaml"), provider).expect("written");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(
        dir.path(),
        &["commit", "-q", "-m", "signed by both parties"],
    );
    dir
}

/// The `review` of the client page of a JSON report in `dir`.
fn review(dir: &Path) -> Value {
    Run::new([
        "report", "--as-of", AS_OF, "srm.yaml", "--format", "json", "--out", "out",
    ])
    .in_dir(dir)
    .run()
    .code(0);
    let page = std::fs::read_to_string(dir.join("out/clients/unknown-owner-pass.json"))
        .expect("page written");
    let page: Value = serde_json::from_str(&page).expect("JSON");
    page["review"].clone()
}

fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("srm.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{from}");
    std::fs::write(path, text.replace(from, to)).expect("written");
}

const TITLE: &str = "title: Security management, risk analysis and policies";

#[test]
fn an_srm_as_signed_shows_no_changes() {
    let dir = repository();
    let since = &review(dir.path())["sinceSigned"];
    assert_eq!(
        since["commit"],
        git(dir.path(), &["rev-parse", "--short", "HEAD"])
    );
    assert_eq!(since["changes"], serde_json::json!([]));
    assert_eq!(since["signAgain"], serde_json::json!([]));
}

#[test]
fn changes_after_the_sign_off_are_listed_with_who_must_sign_again() {
    let dir = repository();
    let signed = git(dir.path(), &["rev-parse", "--short", "HEAD"]);
    edit(dir.path(), TITLE, "title: Security management and policies");
    git(
        dir.path(),
        &["commit", "-q", "-am", "a row renamed, not signed"],
    );
    edit(dir.path(), "owner: client", "owner: mssp");
    let since = &review(dir.path())["sinceSigned"];
    assert_eq!(
        since["commit"],
        signed.as_str(),
        "the sign-off's commit, not HEAD"
    );
    let items: Vec<&str> = since["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .flat_map(|section| section["items"].as_array().expect("items"))
        .filter_map(Value::as_str)
        .collect();
    assert!(items.contains(&r#"R-01 title: "Security management, risk analysis and policies" -> "Security management and policies""#), "{items:?}");
    assert!(
        items.contains(&r#"R-01 owner: "client" -> "mssp""#),
        "{items:?}"
    );
    assert!(
        items.contains(&"hipaa-security 164.308(a)(1)(ii)(A): client -> mssp"),
        "{items:?}"
    );
    assert_eq!(since["signAgain"], serde_json::json!(["mssp", "client"]));
}

#[test]
fn a_new_sign_off_starts_from_its_own_commit() {
    let dir = repository();
    edit(dir.path(), TITLE, "title: Security management and policies");
    edit(dir.path(), "date: 2026-10-03", "date: 2026-10-20");
    git(
        dir.path(),
        &[
            "commit",
            "-q",
            "-am",
            "renamed and signed again by the client",
        ],
    );
    let since = &review(dir.path())["sinceSigned"];
    assert_eq!(
        since["commit"],
        git(dir.path(), &["rev-parse", "--short", "HEAD"])
    );
    assert_eq!(since["changes"], serde_json::json!([]));
}

#[test]
fn outside_git_or_with_an_uncommitted_sign_off_there_is_no_signed_version() {
    let dir = repository();
    edit(dir.path(), "date: 2026-10-03", "date: 2026-10-20");
    assert_eq!(review(dir.path())["sinceSigned"], Value::Null);
    std::fs::remove_dir_all(dir.path().join(".git")).expect("git removed");
    assert_eq!(review(dir.path())["sinceSigned"], Value::Null);
}

#[test]
fn the_html_review_section_lists_the_changes() {
    let dir = repository();
    edit(dir.path(), TITLE, "title: Security management and policies");
    Run::new(["report", "--as-of", AS_OF, "srm.yaml", "--out", "out"])
        .in_dir(dir.path())
        .run()
        .code(0);
    let page = std::fs::read_to_string(dir.path().join("out/clients/unknown-owner-pass.html"))
        .expect("page written");
    assert!(
        page.contains("<h3>Changes since the signed version</h3>"),
        "{page}"
    );
    assert!(page.contains("<strong>Rows changed</strong>"));
    assert!(page.contains(
        "To sign again: <span class=\"party\">mssp</span> <span class=\"party\">client</span>"
    ));
}
