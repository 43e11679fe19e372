//! `srmcheck completions SHELL` and `srmcheck man`.

use crate::harness::Run;

const SUBCOMMANDS: [&str; 6] = ["check", "report", "config", "merge", "completions", "man"];

#[test]
fn completions_name_every_subcommand_in_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = Run::new(["completions", shell]).run().code(0);
        assert!(!output.stdout.trim().is_empty(), "{shell}");
        for command in SUBCOMMANDS {
            assert!(output.stdout.contains(command), "{shell}: {command}");
        }
    }
    Run::new(["completions", "tcsh"])
        .run()
        .code(2)
        .contains("invalid value 'tcsh'");
}

#[test]
fn the_man_page_is_roff_naming_the_subcommands() {
    let output = Run::new(["man"]).run().code(0);
    assert!(output.stdout.starts_with(".ie") || output.stdout.contains(".TH srmcheck"));
    for command in SUBCOMMANDS {
        assert!(output.stdout.contains(command), "{command}");
    }
    assert!(output.stdout.contains("Shared Responsibility Models"));
}

#[test]
fn completions_and_man_need_no_valid_configuration() {
    Run::new(["completions", "bash"])
        .file("srmcheck.yaml", "nonsense: [\n")
        .run()
        .code(0);
}
