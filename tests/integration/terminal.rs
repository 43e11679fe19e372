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

#[test]
fn force_color_colours_piped_output_unless_no_color_or_an_explicit_choice() {
    let coloured = |env: &[(&str, &str)], color: &str| {
        let mut run = Run::check([FIRE, "--color", color]).in_root();
        for (key, value) in env {
            run = run.env(key, value);
        }
        run.run().stdout.contains('\u{1b}')
    };
    assert!(coloured(&[("FORCE_COLOR", "1")], "auto"));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], "auto"));
    assert!(!coloured(&[("FORCE_COLOR", "0")], "auto"));
    assert!(!coloured(
        &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")],
        "auto"
    ));
    assert!(!coloured(&[("FORCE_COLOR", "1")], "never"));
    assert!(coloured(&[("NO_COLOR", "1")], "always"));
}

/// The `asOf` of a JSON check run without `--as-of`, in time zone `tz`.
fn default_as_of(tz: &str) -> String {
    let output = Run::new(["check", FIRE, "--format", "json"])
        .in_root()
        .env("TZ", tz)
        .run()
        .code(1);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    json["asOf"].as_str().expect("an asOf date").to_owned()
}

#[test]
fn the_default_date_is_today_in_utc_whatever_the_time_zone() {
    // 26 hours apart: their local dates always differ, their UTC date never.
    for _ in 0..2 {
        let before = chrono::Utc::now().date_naive().to_string();
        let east = default_as_of("<+14>-14");
        let west = default_as_of("<-12>+12");
        let after = chrono::Utc::now().date_naive().to_string();
        if before == after {
            assert_eq!(
                (east.as_str(), west.as_str()),
                (before.as_str(), before.as_str())
            );
            return;
        }
        // Midnight in UTC passed during the runs: once more.
    }
    panic!("UTC midnight passed twice during the test");
}
