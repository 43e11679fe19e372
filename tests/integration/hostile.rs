//! Hostile policies and inputs: recursion, unbounded work, nondeterminism and
//! terminal escapes end the run with exit 2 at a place, or are made harmless.

use std::time::{Duration, Instant};

use crate::harness::{valid_srm, valid_srm_text, Output, Run};

const HEADER: &str = "# METADATA
# title: Hostile
# description: A policy that misbehaves.
# custom:
#   id: hostile
#   severity: warning
#   remediation: None.
package srmcheck.rules.hostile

import rego.v1

";

/// The first line of the body is line 12 of the file.
fn check_with_policy(body: &str) -> Output {
    let output = valid_srm()
        .file("org/hostile.rego", format!("{HEADER}{body}"))
        .args(["--policy", "org"])
        .run()
        .code(2);
    assert!(!output.text().contains("panicked"), "{}", output.text());
    assert!(
        output.stdout.is_empty(),
        "partial output: {}",
        output.stdout
    );
    output
}

#[test]
fn a_function_calling_itself_is_refused_at_its_line() {
    check_with_policy("f(n) := f(n)\n\ndeny contains {\"msg\": \"x\"} if f(1)\n")
        .contains("org/hostile.rego:12:1")
        .contains("rule data.srmcheck.rules.hostile.f is recursive: data.srmcheck.rules.hostile.f -> data.srmcheck.rules.hostile.f");
}

#[test]
fn rules_depending_on_each_other_are_refused_with_the_cycle() {
    let body = "# a comment naming b(x)\na := b\n\nb := c if {\n\tsome c in [a]\n}\n\ndeny contains {\"msg\": \"x\"} if a\n";
    check_with_policy(body)
        .contains("org/hostile.rego:13:1")
        .contains("hostile.a -> data.srmcheck.rules.hostile.b -> data.srmcheck.rules.hostile.a");
}

#[test]
fn recursion_through_an_import_is_refused() {
    let lib = "package org.lib\n\nimport rego.v1\nimport data.srmcheck.rules.hostile\n\nv := hostile.deny\n";
    valid_srm()
        .file("org/lib.rego", lib)
        .file(
            "org/hostile.rego",
            format!("{HEADER}deny contains {{\"msg\": \"x\"}} if count(data.org.lib.v) > 0\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains(
            "is recursive: data.org.lib.v -> data.srmcheck.rules.hostile.deny -> data.org.lib.v",
        );
}

#[test]
fn arguments_named_like_rules_are_not_references() {
    // `y` in `f` is the argument: read as the rule, y -> f -> y would be a cycle.
    let body = "y := f(1)\n\nf(y) := y + 1\n\ndeny contains {\"msg\": \"x\"} if y == 5\n";
    valid_srm()
        .file("org/hostile.rego", format!("{HEADER}{body}"))
        .args(["--policy", "org"])
        .run()
        .code(0);
}

#[test]
fn a_chain_of_2000_rules_is_refused_not_overflowed() {
    let mut body = String::from("r0 := 1\n");
    for i in 1..2000 {
        body.push_str(&format!("r{i} := r{}\n", i - 1));
    }
    body.push_str("deny contains {\"msg\": \"x\"} if r1999\n");
    check_with_policy(&body)
        .contains("org/hostile.rego:76:1")
        .contains("deeper than the 64 srmcheck evaluates");
}

#[test]
fn nondeterministic_builtins_are_refused_at_their_call() {
    for (call, column) in [
        ("rand.intn(\"seed\", 10)", 38),
        ("uuid.rfc4122(\"k\")", 38),
        ("time.now_ns()", 38),
    ] {
        let body = format!("deny contains {{\"msg\": sprintf(\"%v\", [{call}])}} if true\n");
        let name = call.split('(').next().unwrap_or_default();
        check_with_policy(&body)
            .contains(&format!("org/hostile.rego:12:{column}"))
            .contains(&format!(
                "`{name}` gives a different result from run to run"
            ));
    }
}

#[test]
fn a_range_of_a_billion_numbers_is_refused_at_the_call() {
    check_with_policy("deny contains {\"msg\": \"x\"} if count(numbers.range(1, 1e9)) > 0\n")
        .contains("org/hostile.rego:12:")
        .contains("numbers.range of 1000000000 numbers is over the limit of 1000000");
}

#[test]
fn a_comprehension_far_over_the_time_limit_is_stopped_near_it() {
    let started = Instant::now();
    check_with_policy(
        "deny contains {\"msg\": \"x\"} if count([1 | some a in numbers.range(1, 1000000); some b in numbers.range(1, 1000000)]) > 0\n",
    )
    .contains("org/hostile.rego:12:1")
    .contains("time limit");
    // 10^12 iterations; the budget is 5 s. Generous for a loaded machine.
    assert!(started.elapsed() < Duration::from_secs(60));
}

/// A policy doubling a 1,000-byte string 39 times with `builtin`.
fn doubling(builtin: &str) -> String {
    let mut body = format!("s0 := \"{}\"\n", "x".repeat(1000));
    for i in 1..40 {
        let call = builtin.replace("S", &format!("s{}", i - 1));
        body.push_str(&format!("s{i} := {call}\n"));
    }
    body.push_str("deny contains {\"msg\": \"x\"} if count(s39) > 0\n");
    body
}

#[test]
fn a_string_doubled_by_concat_is_refused_at_the_call() {
    check_with_policy(&doubling("concat(\"\", [S, S])"))
        .contains("org/hostile.rego:30:14")
        .contains("concat would make a string of 250 MiB, over the limit of 160 MiB")
        .lacks("memory allocation of");
}

#[test]
fn a_value_grown_past_the_memory_limit_is_stopped_at_its_rule() {
    let started = Instant::now();
    check_with_policy(&doubling("sprintf(\"%s%s\", [S, S])"))
        .contains("org/hostile.rego:52:1")
        .contains("MiB, over the limit of 1024 MiB")
        .lacks("memory allocation of");
    // Generous for a loaded machine: the limit stops it after a few seconds.
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn the_built_in_pack_passes_its_own_checks() {
    valid_srm().run().code(0).lacks("recursive");
}

/// Every format, on an SRM whose owner holds ESC and BEL (YAML escapes) and
/// whose comment holds them raw.
#[test]
fn control_characters_never_reach_the_terminal() {
    let srm = valid_srm_text().replacen("owner: client", "owner: \"cli\\e[2Jent\\a\"", 1);
    for format in [
        "human", "concise", "github", "junit", "sarif", "gitlab", "json",
    ] {
        let output = valid_srm()
            .file("srm.yaml", &srm)
            .args(["--format", format, "--color", "always"])
            .run()
            .code(1);
        let raw = |text: &str| text.contains('\x07') || text.contains("\x1b[2J");
        assert!(
            !raw(&output.stdout) && !raw(&output.stderr),
            "{format}: {}",
            output.text()
        );
    }
    let commented = format!("{}x: 1 # \x1b]0;title\x07\r\n", valid_srm_text());
    let output = valid_srm().file("srm.yaml", commented).run().code(2);
    assert!(!output.text().contains('\x1b') && !output.text().contains('\x07'));
    output.contains("# \\x1b]0;title\\x07");
}

#[test]
fn controls_in_concise_messages_are_shown_escaped() {
    let srm = valid_srm_text().replacen("owner: client", "owner: \"cli\\e[2Jent\"", 1);
    valid_srm()
        .file("srm.yaml", srm)
        .args(["--format", "concise"])
        .run()
        .code(1)
        .contains("`cli\\x1b[2Jent`");
}

#[test]
fn srmcheck_test_has_the_same_bounds() {
    Run::new(["test", "org"])
        .file(
            "org/hostile.rego",
            "package org\n\nimport rego.v1\n\nf(n) := f(n)\n",
        )
        .file(
            "org/hostile_test.rego",
            "package org\n\nimport rego.v1\n\ntest_f if f(1)\n",
        )
        .run()
        .code(2)
        .contains("org/hostile.rego:5:1");
}

#[test]
fn a_reference_outside_the_project_root_is_refused_at_the_reference() {
    let srm = valid_srm_text().replace("provider: provider.yaml", "provider: /etc/hostname");
    valid_srm()
        .file("srm.yaml", srm)
        .run()
        .code(2)
        .contains("srm.yaml:9:13")
        .contains("Provider file `/etc/hostname` is outside the project root")
        .contains("referenceFolders");
}

#[test]
fn reference_folders_let_references_reach_further() {
    let srm = valid_srm_text().replace(
        "provider: provider.yaml",
        "provider: ../shared/provider.yaml",
    );
    let provider =
        std::fs::read_to_string(crate::harness::root().join("fixtures/rules/provider.yaml"))
            .expect("fixture readable");
    let run = |config: &str| {
        Run::check(["project"])
            .file("project/srm.yaml", &srm)
            .file("shared/provider.yaml", &provider)
            .file("project/srmcheck.yaml", config)
            .args(["--config", "project/srmcheck.yaml"])
            .run()
    };
    run("failOn: error\n")
        .code(2)
        .contains("is outside the project root `project`");
    run("referenceFolders: [../shared]\n").code(0);
}

#[test]
fn a_referenced_file_that_is_not_srmcheck_yaml_is_not_echoed() {
    valid_srm()
        .file("provider.yaml", "token: hunter2\n  more: [x\n")
        .run()
        .code(2)
        .contains("srm.yaml:9:13")
        .contains("Provider file `provider.yaml` is not an srmcheck document: invalid YAML")
        .contains("provider.yaml:2:")
        .lacks("hunter2");
}

#[test]
fn a_bad_glob_in_the_configuration_has_its_position() {
    valid_srm()
        .file(
            "srmcheck.yaml",
            "include:\n  - \"**/*.yaml\"\n  - \"clients/[z\"\n",
        )
        .run()
        .code(2)
        .contains("srmcheck.yaml:3:5")
        .contains("invalid include pattern `clients/[z`");
}

#[test]
fn a_malformed_finding_names_its_rule_file_and_line() {
    valid_srm()
        .file(
            "org/hostile.rego",
            format!("{HEADER}deny contains \"just a string\" if true\n"),
        )
        .args(["--policy", "org"])
        .run()
        .code(2)
        .contains("org/hostile.rego:12:1")
        .contains("rule `hostile` returned a malformed finding");
}

#[test]
fn import_oscal_of_a_100000_deep_json_names_the_file_and_the_nesting() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    Run::new(["frameworks", "import-oscal", "deep.json"])
        .file("deep.json", deep)
        .run()
        .code(2)
        .contains("deep.json:1:")
        .contains("nesting deeper than 128 levels")
        .lacks("invalid YAML")
        .lacks("panicked");
}

#[test]
fn the_value_cap_blames_aliases_only_when_an_alias_made_the_copies() {
    let values = vec!["1"; 1_000_001].join(",");
    Run::check(["many.yaml"])
        .file("many.yaml", format!("x: [{values}]\n"))
        .run()
        .code(2)
        .contains("many.yaml:1:")
        .contains("more than 1000000 values in one file")
        .lacks("alias");
}
