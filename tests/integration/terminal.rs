//! Terminal behaviour: `--quiet`, `--no-color`, colour only when asked for.

use crate::harness::Run;

const FIRE: &str = "fixtures/rules/unknown-owner/fire";

#[test]
fn quiet_prints_findings_without_summary_or_assessments() {
    Run::check([FIRE, "--quiet"])
        .in_root()
        .run()
        .code(1)
        .contains("error[unknown-owner]")
        .lacks("Checked 1 SRM")
        .lacks("maturity");
}

#[test]
fn quiet_concise_prints_one_line_per_finding_only() {
    let output = Run::check([FIRE, "-q", "--format", "concise"])
        .in_root()
        .run()
        .code(1);
    assert!(output.stdout.lines().all(|l| l.contains("[unknown-owner]")));
}

#[test]
fn without_quiet_the_summary_is_printed() {
    Run::check([FIRE])
        .in_root()
        .run()
        .contains("Checked 1 SRM in 1 file: 1 error.");
}

#[test]
fn color_always_colours_and_no_color_wins_over_it() {
    let coloured = Run::check([FIRE, "--color", "always"]).in_root().run();
    assert!(coloured.stdout.contains("\u{1b}["), "{}", coloured.stdout);
    let plain = Run::check([FIRE, "--color", "always", "--no-color"])
        .in_root()
        .run();
    assert!(!plain.stdout.contains('\u{1b}'), "{}", plain.stdout);
}

#[test]
fn piped_output_is_never_coloured() {
    let output = Run::check([FIRE, "--color", "auto"]).in_root().run();
    assert!(!output.stdout.contains('\u{1b}'));
    assert!(
        !output.stderr.contains('\u{1b}'),
        "no progress bar when piped"
    );
}
