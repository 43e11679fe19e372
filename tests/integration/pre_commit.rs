//! The pre-commit hook of `.pre-commit-hooks.yaml`, run for real through
//! `pre-commit try-repo` on a scratch git repository: it builds srmcheck
//! from this repository (`language: rust`) and checks the staged YAML files.
//!
//! Needs `pre-commit` on the PATH (`pip install pre-commit`); skipped without
//! it unless `SRMCHECK_REQUIRE_PRE_COMMIT` is set, as CI sets it.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

use crate::harness::{root, valid_srm_text};

fn available() -> bool {
    let found = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("SRMCHECK_REQUIRE_PRE_COMMIT").is_some() {
        panic!("pre-commit is not installed: pip install pre-commit");
    }
    found
}

fn git(repo: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(repo)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A git repository of SRMs, judged as of the tests' date by its config file.
fn repository() -> TempDir {
    let dir = TempDir::new().expect("a scratch folder");
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    git(repo, &["config", "user.email", "ci@example.com"]);
    git(repo, &["config", "user.name", "CI"]);
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable");
    std::fs::write(repo.join("provider.yaml"), provider).expect("written");
    std::fs::write(repo.join(".srmcheck.yaml"), "asOf: 2026-11-22\n").expect("written");
    std::fs::write(repo.join("good.yaml"), valid_srm_text()).expect("written");
    git(repo, &["add", "."]);
    dir
}

/// `pre-commit try-repo <this repository> srmcheck --all-files`.
fn try_repo(repo: &Path) -> Output {
    // Beside the test build's own target folder, so that reruns reuse the hook's build.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let cache = target.join("pre-commit");
    Command::new("pre-commit")
        .args(["try-repo", "--ref", "HEAD"])
        .arg(root())
        .args(["srmcheck", "--all-files", "--color", "never"])
        .current_dir(repo)
        .env("PRE_COMMIT_HOME", cache.join("home"))
        // Builds of the hook reuse one target folder and skip the release
        // profile's optimisations: the hook is built to be tried, not shipped.
        .env("CARGO_TARGET_DIR", cache.join("build"))
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("NO_COLOR", "1")
        .output()
        .expect("pre-commit runs")
}

#[test]
fn the_hook_passes_a_good_srm_and_fails_a_bad_one() {
    if !available() {
        // Written to the real standard error, past the test harness's capture,
        // so that a skip shows in the test run's output.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the pre-commit end-to-end test: pre-commit is not installed \
             (pip install pre-commit); CI requires it with SRMCHECK_REQUIRE_PRE_COMMIT=1"
        );
        return;
    }
    let dir = repository();
    let good = try_repo(dir.path());
    let text = String::from_utf8_lossy(&good.stdout);
    assert!(good.status.success(), "{text}");
    assert!(
        text.contains("srmcheck") && text.contains("Passed"),
        "{text}"
    );

    let bad = std::fs::read_to_string(root().join("fixtures/rules/unknown-owner/fire/srm.yaml"))
        .expect("fixture readable")
        .replace("../../provider.yaml", "provider.yaml");
    std::fs::write(dir.path().join("bad.yaml"), bad).expect("written");
    git(dir.path(), &["add", "bad.yaml"]);
    let failed = try_repo(dir.path());
    let text = String::from_utf8_lossy(&failed.stdout);
    assert!(!failed.status.success(), "{text}");
    assert!(text.contains("Failed"), "{text}");
    assert!(text.contains("error[unknown-owner]"), "{text}");
    assert!(text.contains("bad.yaml:"), "{text}");
}
