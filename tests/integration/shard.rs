//! `check --shard K/N` and `merge`: the parts joined give what one run gives.

use std::path::Path;

use tempfile::TempDir;

use crate::harness::{copy, root, Run};

/// A copy of the fixture portfolio plus a file that cannot be read, so that
/// findings, portfolio findings and problems are all split across shards.
fn portfolio() -> TempDir {
    let dir = TempDir::new().expect("a scratch folder");
    copy(
        &root().join("fixtures/portfolio"),
        &dir.path().join("portfolio"),
    );
    std::fs::write(dir.path().join("portfolio/broken.yaml"), "kind: [").expect("written");
    dir
}

/// Runs every shard of `count` into `shard-K.json`; returns their names.
fn shards(dir: &Path, count: usize) -> Vec<String> {
    let (names, broken) = run_shards(dir, count);
    assert_eq!(broken, 1, "the broken file is in one shard's problems");
    names
}

/// The shards' names, however many of them have problems.
fn shards_of(dir: &Path, count: usize) -> Vec<String> {
    run_shards(dir, count).0
}

/// Runs every shard; their names, and how many exited 2.
fn run_shards(dir: &Path, count: usize) -> (Vec<String>, usize) {
    let mut broken = 0;
    let names = (1..=count)
        .map(|k| {
            let output = Run::check(["portfolio", "--format", "json", "--shard"])
                .args([format!("{k}/{count}")])
                .in_dir(dir)
                .run();
            broken += usize::from(output.code == 2);
            let name = format!("shard-{k}.json");
            std::fs::write(dir.join(&name), output.stdout).expect("written");
            name
        })
        .collect();
    (names, broken)
}

#[test]
fn merged_shards_give_the_result_of_one_run_in_every_format() {
    let dir = portfolio();
    let names = shards(dir.path(), 3);
    for format in ["json", "human", "sarif", "junit", "github", "concise"] {
        let whole = Run::check(["portfolio", "--format", format])
            .in_dir(dir.path())
            .run();
        let mut reversed = names.clone();
        reversed.reverse();
        let merged = Run::new(["merge", "--format", format])
            .args(&reversed)
            .in_dir(dir.path())
            .run();
        assert_eq!(merged.code, whole.code, "{format}: {}", merged.stderr);
        assert_eq!(merged.stdout, whole.stdout, "{format}");
    }
}

#[test]
fn the_portfolio_rules_run_at_the_merge_not_in_the_shards() {
    let dir = portfolio();
    Run::new(["rules"])
        .run()
        .contains("portfolio-over-capacity");
    let names = shards(dir.path(), 2);
    let parts: String = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.path().join(n)).expect("read"))
        .collect();
    assert!(!parts.contains("\"rule\": \"portfolio-over-capacity\""));
    assert!(parts.contains("\"msspEffort\""));
}

#[test]
fn a_missing_shard_is_an_error() {
    let dir = portfolio();
    let names = shards(dir.path(), 3);
    Run::new(["merge"])
        .args(&names[..2])
        .in_dir(dir.path())
        .run()
        .code(2)
        .contains("shard 3/3 is missing");
}

#[test]
fn a_shard_merged_twice_is_an_error() {
    let dir = portfolio();
    let names = shards(dir.path(), 2);
    Run::new(["merge"])
        .args([&names[0], &names[0], &names[1]])
        .in_dir(dir.path())
        .run()
        .code(2)
        .contains("are both shard 1/2");
}

#[test]
fn a_finding_of_a_rule_the_merge_does_not_know_is_an_error() {
    let dir = portfolio();
    let names = shards(dir.path(), 1);
    let path = dir.path().join(&names[0]);
    let text = std::fs::read_to_string(&path).expect("read");
    // The first finding's rule, renamed to one no policy of the merge has.
    let start = text.find("\"rule\": \"").expect("the shard has a finding") + 9;
    let id = &text[start..start + text[start..].find('"').expect("a quoted id")];
    let renamed = text.replacen(
        &format!("\"rule\": \"{id}\""),
        "\"rule\": \"org-only-rule\"",
        1,
    );
    assert_ne!(renamed, text);
    std::fs::write(&path, renamed).expect("written");
    Run::new(["merge"])
        .args(&names)
        .in_dir(dir.path())
        .run()
        .code(2)
        .contains("shard-1.json: no rule `org-only-rule` in the policy pack")
        .contains("merge with the policies (`--policy`) the shards ran with");
}

#[test]
fn a_whole_run_result_is_not_a_shard() {
    let dir = portfolio();
    let whole = Run::check(["portfolio", "--format", "json"])
        .in_dir(dir.path())
        .run();
    std::fs::write(dir.path().join("whole.json"), whole.stdout).expect("written");
    Run::new(["merge", "whole.json"])
        .in_dir(dir.path())
        .run()
        .code(2)
        .contains("whole.json: the result of a whole run, not of a shard");
}

#[test]
fn a_broken_result_is_located() {
    Run::new(["merge", "shard.json"])
        .file("shard.json", "{\n  \"version\": 1,\n  oops\n}\n")
        .run()
        .code(2)
        .contains("not a srmcheck result")
        .contains("shard.json:3:3");
}

#[test]
fn a_shard_must_be_json() {
    Run::check(["fixtures/portfolio", "--shard", "1/2"])
        .in_root()
        .run()
        .code(2)
        .contains("add `--format json`");
}

#[test]
fn a_bad_shard_is_refused() {
    Run::check(["fixtures/portfolio", "--shard", "3/2", "--format", "json"])
        .in_root()
        .run()
        .code(2)
        .contains("is not K/N");
}

#[test]
fn srms_of_one_name_in_two_files_keep_their_own_findings_when_merged() {
    let dir = portfolio();
    let clients = dir.path().join("portfolio/clients");
    copy(
        &clients.join("brightdesk"),
        &clients.join("brightdesk-copy"),
    );
    for count in [1, 2] {
        let names = shards(dir.path(), count);
        for format in ["junit", "human"] {
            let whole = Run::check(["portfolio", "--format", format])
                .in_dir(dir.path())
                .run();
            let merged = Run::new(["merge", "--format", format])
                .args(&names)
                .in_dir(dir.path())
                .run();
            assert_eq!(merged.stdout, whole.stdout, "{format} of {count} shards");
        }
    }
}

#[test]
fn a_client_no_shard_could_check_is_named_at_the_merge() {
    let dir = portfolio();
    let srm = dir.path().join("portfolio/clients/brightdesk/srm.yaml");
    let text = std::fs::read_to_string(&srm).expect("fixture");
    let broken = text.replacen(
        "iso27001-2022: [A.5.1,",
        "iso27001-2022: [no-such, A.5.1,",
        1,
    );
    assert_ne!(broken, text, "the fixture has a control list to break");
    std::fs::write(&srm, broken).expect("written");
    let names = shards_of(dir.path(), 2);
    let whole = Run::check(["portfolio", "--format", "json"])
        .in_dir(dir.path())
        .run()
        .code(2)
        .contains("incomplete-portfolio");
    let merged = Run::new(["merge", "--format", "json"])
        .args(&names)
        .in_dir(dir.path())
        .run()
        .code(2);
    assert_eq!(merged.stdout, whole.stdout);
}
