//! Bad input: a clear message with file:line:column and what to do, exit 2, no panic.
//! The diagnostics are snapshots, reviewed like code.

use crate::harness::{root, valid_srm, Run};

fn check_one(name: &str, contents: impl AsRef<[u8]>) -> String {
    let output = Run::check([name]).file(name, contents).run().code(2);
    assert!(!output.text().contains("panicked"), "{}", output.text());
    output.text()
}

#[test]
fn malformed_yaml() {
    insta::assert_snapshot!(check_one(
        "bad.yaml",
        "apiVersion: srmcheck/v1\nkind: [Provider\nmetadata: {}\n"
    ));
}

#[test]
fn empty_file() {
    insta::assert_snapshot!(check_one("empty.yaml", ""));
}

#[test]
fn non_utf8_file() {
    insta::assert_snapshot!(check_one(
        "latin1.yaml",
        b"apiVersion: srmcheck/v1\nkind: Provider\nmetadata: {name: caf\xe9}\n"
    ));
}

#[test]
fn binary_file() {
    insta::assert_snapshot!(check_one(
        "image.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    ));
}

#[test]
fn exponential_alias_bomb() {
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (i, name) in "bcdefghij".chars().enumerate() {
        let prev = (b'a' + i as u8) as char;
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    insta::assert_snapshot!(check_one("bomb.yaml", bomb));
}

#[test]
fn quadratic_alias_bomb() {
    let n = 10_000;
    let items = vec!["1"; n].join(",");
    let refs = vec!["*x"; n].join(",");
    let text = check_one("quadratic.yaml", format!("x: &x [{items}]\ny: [{refs}]\n"));
    assert!(
        text.contains("more than 1000000 values in one file"),
        "{text}"
    );
    assert!(text.contains("quadratic.yaml:2:"), "{text}");
}

#[test]
fn deep_nesting() {
    let n = 10_000;
    let text = check_one("deep.yaml", format!("{}{}", "[".repeat(n), "]".repeat(n)));
    assert!(text.contains("deep.yaml:1:"), "{text}");
    assert!(
        text.contains("recursion limit") || text.contains("nesting deeper"),
        "{text}"
    );
}

#[test]
fn deep_block_nesting() {
    let text: String = (0..200)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    insta::assert_snapshot!(check_one("deep-block.yaml", text)
        .lines()
        .next()
        .unwrap_or_default());
}

#[test]
fn file_of_100_megabytes() {
    let mut run = Run::check(["huge.yaml"]);
    let file = std::fs::File::create(run.scratch().join("huge.yaml")).expect("scratch file");
    file.set_len(100 * 1024 * 1024).expect("sparse file");
    let output = run.run().code(2);
    insta::assert_snapshot!(output.text());
}

#[test]
fn duplicate_key() {
    insta::assert_snapshot!(check_one(
        "dup.yaml",
        "apiVersion: srmcheck/v1\nkind: Provider\nmetadata: {name: p}\nmetadata: {name: q}\n"
    ));
}

#[test]
fn unknown_key_with_hint() {
    let text = edited_srm("      owner: client\n", "      ownr: client\n");
    insta::assert_snapshot!(text);
}

#[test]
fn wrong_type() {
    let text = edited_srm("capacityHours: 80", "capacityHours: lots");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_control_with_hint() {
    let text = edited_srm("\"164.308(a)(2)\"", "\"164.308(a)(22)\"");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_framework_with_hint() {
    let text = edited_srm("- id: hipaa-security", "- id: hipaa-securty");
    insta::assert_snapshot!(text);
}

#[test]
fn missing_environment_file() {
    let srm = fixture_srm();
    let start = srm.find("  environment:\n").expect("inline environment");
    let end = srm.find("  frameworks:").expect("frameworks");
    let srm = format!(
        "{}  environment: ./environment.yaml\n{}",
        &srm[..start],
        &srm[end..]
    );
    let text = valid_srm().file("srm.yaml", srm).run().code(2).text();
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_vendor_with_hint() {
    let srm = with(
        &fixture_srm(),
        "      owner: mssp\n",
        "      owner: vendor:awz\n",
    );
    let srm = with(
        &srm,
        "  responsibilities:\n",
        "    vendors:\n      - {id: aws, name: Amazon Web Services, attestations: [{type: soc2-type2, validUntil: 2027-03-31}]}\n  responsibilities:\n",
    );
    let text = valid_srm().file("srm.yaml", srm).run().code(2).text();
    insta::assert_snapshot!(text);
}

#[test]
fn bad_input_does_not_stop_the_other_srms() {
    valid_srm()
        .file("broken.yaml", "kind: [")
        .run()
        .code(2)
        .contains("Checked 1 SRM in 3 files")
        .contains("broken.yaml:1:8");
}

/// The output of checking the valid SRM with one edit, which must fail with exit 2.
fn edited_srm(from: &str, to: &str) -> String {
    valid_srm()
        .file("srm.yaml", with(&fixture_srm(), from, to))
        .run()
        .code(2)
        .text()
}

fn fixture_srm() -> String {
    crate::harness::valid_srm_text()
}

/// `text` with the first `from` replaced, which must be there.
fn with(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` not in the fixture");
    text.replacen(from, to, 1)
}

#[test]
fn every_problem_of_a_file_in_one_run() {
    let srm = with(
        &fixture_srm(),
        "      owner: client\n",
        "      ownr: client\n",
    );
    let srm = with(&srm, "lastReviewed: 2026-10-01", "lastReviewed: 2026-13-01");
    let text = valid_srm().file("srm.yaml", srm).run().code(2).text();
    let unknown = text
        .find("srm.yaml:28:7")
        .expect("the unknown key, with its place");
    let date = text
        .find("srm.yaml:103:19")
        .expect("the bad date, with its place");
    assert!(unknown < date, "in document order:\n{text}");
    assert!(text.contains("unknown key `ownr`"), "{text}");
    assert!(text.contains("`2026-13-01` is not a date"), "{text}");
    assert!(
        !text.contains("missing required key"),
        "no follow-on problems:\n{text}"
    );
    assert!(
        text.contains("2 problems kept inputs from being checked"),
        "{text}"
    );
}

#[test]
fn ten_thousand_bad_values_stop_at_the_cap() {
    let kpis: String = (0..10_000)
        .map(|i| format!("    - {{name: [{i}], target: t}}\n"))
        .collect();
    let srm = with(
        &fixture_srm(),
        "  responsibilities:\n",
        &format!("  kpis:\n{kpis}  responsibilities:\n"),
    );
    let started = std::time::Instant::now();
    let output = valid_srm().file("srm.yaml", srm).run().code(2);
    let elapsed = started.elapsed();
    let text = output.text();
    assert_eq!(
        text.matches("expected a string, found a list").count(),
        100,
        "{text}"
    );
    assert!(
        text.contains("and 9900 more problems in this document"),
        "{text}"
    );
    assert!(
        elapsed < std::time::Duration::from_secs(30),
        "took {elapsed:?}"
    );
}

/// Hours are finite and not negative: `.nan`, infinities and negative
/// numbers are refused where they are written, capacity and effort alike.
#[test]
fn hours_that_are_not_a_number_of_hours_are_refused_at_their_place() {
    let cases = [
        ("capacityHours: 80", "capacityHours: .nan", "not .nan"),
        ("capacityHours: 80", "capacityHours: .inf", "finite"),
        ("capacityHours: 80", "capacityHours: -.inf", "finite"),
        (
            "capacityHours: 80",
            "capacityHours: -5",
            "cannot be negative",
        ),
    ];
    for (from, to, message) in cases {
        let text = edited_srm(from, to);
        assert!(text.contains(message), "{to}: {text}");
        assert!(text.contains("srm.yaml:21:22"), "{to}: {text}");
        assert!(!text.contains("null hours"), "{to}: {text}");
    }
    let srm = with(
        &fixture_srm(),
        "effort: {client: 10}",
        "effort: {client: -1}",
    );
    let text = valid_srm().file("srm.yaml", srm).run().code(2).text();
    assert!(text.contains("hours cannot be negative (-1)"), "{text}");
}

/// Only regular files are read: a named pipe would wait for a writer for
/// ever and a device never ends. Named on the command line, the file is
/// refused by name; referenced by an SRM, at the reference.
#[cfg(unix)]
#[test]
fn files_that_are_not_regular_files_are_refused_without_reading_them() {
    let mut run = Run::check(["pipe.yaml"]);
    let pipe = run.scratch().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    run.run()
        .code(2)
        .contains("pipe.yaml: cannot read the file: not a regular file (a named pipe)");

    let srm = with(
        &fixture_srm(),
        "provider: provider.yaml",
        "provider: /dev/zero",
    );
    valid_srm()
        .file("srm.yaml", srm)
        .run()
        .code(2)
        .contains("srm.yaml:9:13")
        .contains("Provider file `/dev/zero` is outside the project root");

    let mut run = valid_srm();
    let pipe = run.scratch().join("provider-pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let srm = with(
        &fixture_srm(),
        "provider: provider.yaml",
        "provider: provider-pipe.yaml",
    );
    run.file("srm.yaml", srm)
        .run()
        .code(2)
        .contains("srm.yaml:9:13")
        .contains("not a regular file (a named pipe)");
}

/// What a vendor's attestations and a shared row's split must be, each at its
/// place, with the fix: a table of edits to a clean SRM.
#[test]
fn attestations_and_shared_splits_are_checked_at_their_place() {
    let clean =
        std::fs::read_to_string(root().join("fixtures/rules/shared-row-duties/pass/srm.yaml"))
            .unwrap()
            .replace("../../provider.yaml", "provider.yaml");
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml")).unwrap();
    let soc2 = "{type: soc2-type2, validUntil: 2027-06-30}";
    let cases = [
        (soc2, "{type: soc2-type2}", "srm.yaml:28:13: error: the `soc2-type2` attestation needs `validUntil`, the last day it can be relied on (only a `baa` may leave it out)"),
        (soc2, "{type: soc2-type2, validUntil: 2027-06-30, period: {from: 2026-06-01, to: 2025-05-31}}", "srm.yaml:28:13: error: the period of the `soc2-type2` attestation ends (2025-05-31) before it starts (2026-06-01)"),
        (soc2, "{type: soc2-typ2, validUntil: 2027-06-30}", "srm.yaml:28:20: error: unknown attestation type `soc2-typ2`; did you mean `soc2-type2`?"),
        ("shared: [client, vendor:ironvault]", "shared: [client, client]", "srm.yaml:112:15: error: a shared row is split between two or more different parties (help: such as `shared: [client, vendor:aws]`)"),
        ("      owner: client\n      raci: {client: RA, mssp: C}", "      owner: client\n      shared: [client, mssp]\n      raci: {client: RA, mssp: C}", "srm.yaml:36:15: error: `shared` lists the parties of a shared row (help: set `owner: shared`, or remove `shared`)"),
    ];
    for (from, to, expected) in cases {
        assert!(clean.contains(from), "{from}");
        Run::check(["srm.yaml", "--format", "concise"])
            .file("srm.yaml", clean.replacen(from, to, 1))
            .file("provider.yaml", &provider)
            .run()
            .code(2)
            .contains(expected);
    }
}
