//! Portfolio scale: a generated portfolio checked with 1, 2 and 4 threads, and
//! by regorus's interpreter instead of the compiled pack, gives byte-identical
//! output; every planted defect fires its rule on its client and no clean
//! client has a finding.

#[path = "../../examples/generate_portfolio/generator.rs"]
mod generator;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::harness::{root, AS_OF};

/// 30 clients; seed 38 plants 15 defects of all nine kinds in ten of them.
const CLIENTS: usize = 30;
const SEED: u64 = 38;

#[test]
fn generated_portfolio_checks_the_same_on_any_thread_count_and_its_defects_fire() {
    let dir = tempfile::TempDir::new().expect("a scratch folder");
    let summary = generator::generate(&generator::Options {
        clients: CLIENTS,
        seed: SEED,
        out: dir.path().to_path_buf(),
        frameworks: root().join("frameworks"),
        as_of: AS_OF.to_owned(),
    })
    .expect("the portfolio is generated");
    assert_eq!(summary.clients, CLIENTS);
    assert!(summary.defective > 0 && summary.defective < CLIENTS);

    let runs = [1, 2, 4].map(|threads| check(dir.path(), threads, None));
    for (threads, run) in [2, 4].iter().zip(&runs[1..]) {
        assert!(
            *run == runs[0],
            "the output with {threads} threads differs from the output with 1"
        );
    }
    the_interpreter_agrees(dir.path(), &runs[0]);
    let (code, stdout) = &runs[0];
    let report: Value = serde_json::from_slice(stdout).expect("JSON output");
    assert_eq!(report["summary"]["problems"], 0, "{}", report["problems"]);
    assert_eq!(*code, 1, "planted errors fail the run");

    let planted: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("planted.json")).expect("planted.json"),
    )
    .expect("planted.json is JSON");
    let mut findings: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for finding in report["findings"].as_array().expect("findings") {
        let srm = finding["srm"].as_str().expect("srm");
        let rule = finding["rule"].as_str().expect("rule");
        let message = finding["message"].as_str().expect("message");
        findings.entry(srm).or_default().push((rule, message));
    }
    let clients = planted["clients"].as_array().expect("clients");
    assert_eq!(clients.len(), CLIENTS);
    for client in clients {
        let name = client["name"].as_str().expect("name");
        let found = findings.remove(name).unwrap_or_default();
        let mut expected = BTreeSet::new();
        for defect in client["defects"].as_array().expect("defects") {
            let (rule, also) = fires(defect["kind"].as_str().expect("kind"));
            let detail = defect["detail"].as_str().expect("detail");
            assert!(
                found.iter().any(|(r, m)| *r == rule && mentions(m, detail)),
                "{name}: planted {defect} but no `{rule}` finding mentions `{detail}`: {found:#?}"
            );
            expected.insert(rule);
            expected.extend(also);
        }
        let fired: BTreeSet<&str> = found.iter().map(|(rule, _)| *rule).collect();
        assert_eq!(
            fired, expected,
            "{name}: rules fired versus planted: {found:#?}"
        );
    }
    assert!(findings.is_empty(), "findings on no client: {findings:#?}");
}

/// The generated clients reach paths of the pack the fixtures may not (an
/// `else` function evaluated inside another rule's loop) where the compiled
/// program once dropped findings the interpreter made.
fn the_interpreter_agrees(dir: &Path, compiled: &(i32, Vec<u8>)) {
    let interpreted = check(dir, 2, Some("interpreter"));
    assert!(
        interpreted == *compiled,
        "the interpreter finds otherwise than the compiled pack:\n{}\n---\n{}",
        String::from_utf8_lossy(&interpreted.1),
        String::from_utf8_lossy(&compiled.1)
    );
}

/// The rule a kind of planted defect makes fire (its finding mentions the
/// defect's detail), and the other rules it makes fire on the way.
fn fires(kind: &str) -> (&'static str, &'static [&'static str]) {
    match kind {
        "control-dropped" => ("uncovered-control", &[]),
        "owner-typo" => ("unknown-owner", &[]),
        "exception-lapsed" => ("exception-expired", &["uncovered-control"]),
        "sign-off-dropped" => ("sign-off-missing", &[]),
        "review-lapsed" => ("review-overdue", &[]),
        "attestation-lapsed" => ("vendor-attestation-expired", &[]),
        "sla-dropped" => ("mssp-duty-without-sla", &[]),
        "two-accountable" => ("raci-accountable", &[]),
        "capability-missing" => ("owner-lacks-capability", &[]),
        other => panic!("planted.json has a defect of unknown kind `{other}`"),
    }
}

/// `srmcheck check DIR --format json` on `threads` threads, with `engine` as
/// `SRMCHECK_ENGINE` when given (else the compiled pack): exit code and stdout.
fn check(dir: &Path, threads: usize, engine: Option<&str>) -> (i32, Vec<u8>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_srmcheck"));
    if let Some(engine) = engine {
        command.env("SRMCHECK_ENGINE", engine);
    }
    let output = command
        .args([
            "--color", "never", "check", ".", "--format", "json", "--as-of", AS_OF,
        ])
        .current_dir(dir)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .env("SRMCHECK_NO_CACHE", "1")
        .output()
        .expect("srmcheck runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "stderr with {threads} threads: {stderr}");
    (output.status.code().unwrap_or(-1), output.stdout)
}

/// Whether `message` names `detail` as a whole word (`A.5.1` is not in `A.5.10`).
fn mentions(message: &str, detail: &str) -> bool {
    message.match_indices(detail).any(|(at, _)| {
        let next = message[at + detail.len()..].chars().next();
        let before = message[..at].chars().next_back();
        let part = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
        !next.is_some_and(part) && !before.is_some_and(part)
    })
}

/// 20,000 unknown control ids in one row: 20,000 problems, kept apart by
/// key and sorted in one pass. A quadratic de-duplication (each problem's
/// text compared with every one before it, 2 * 10^8 comparisons of formatted
/// text) takes minutes here; the bound is generous for a slow debug build.
#[test]
fn twenty_thousand_problems_are_de_duplicated_in_linear_time() {
    const IDS: usize = 20_000;
    let fixture = root().join("fixtures/rules/portfolio-over-capacity/fire");
    let read = |name: &str| std::fs::read_to_string(fixture.join(name)).expect("fixture");
    let ids: Vec<String> = (0..IDS).map(|i| format!("\"no-such-{i}\"")).collect();
    let srm = read("clinic-1.yaml").replacen(
        "hipaa-security: [",
        &format!("hipaa-security: [{}, ", ids.join(", ")),
        1,
    );
    let started = std::time::Instant::now();
    let output = crate::harness::Run::check([".", "--format", "json"])
        .file("provider.yaml", read("provider.yaml"))
        .file("clinic-1.yaml", srm)
        .run()
        .code(2);
    let elapsed = started.elapsed();
    let result: Value = serde_json::from_str(&output.stdout).expect("JSON");
    let problems = result["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), IDS);
    assert!(problems.iter().all(|p| p["code"] == "unknown-control"));
    assert!(
        elapsed < std::time::Duration::from_secs(60),
        "{IDS} problems took {elapsed:?}"
    );
}
