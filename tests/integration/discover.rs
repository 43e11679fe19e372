//! Finding the SRMs: patterns relative to the configuration file, nothing
//! found is an error, links, empty files, `.gitignore`, standard input.

use std::path::Path;
use std::process::Command;

use crate::harness::{root, valid_srm_text, Run};

fn provider() -> Vec<u8> {
    std::fs::read(root().join("fixtures/rules/provider.yaml")).expect("fixture")
}

/// An SRM that breaks `unknown-owner`, naming `provider.yaml` beside it.
fn failing_srm() -> String {
    valid_srm_text().replace("owner: mssp", "owner: msp")
}

#[test]
fn include_patterns_are_relative_to_the_config_folder_when_walking_a_subfolder() {
    Run::check(["clients"])
        .file("srmcheck.yaml", "include: [\"clients/**/*.yaml\"]\n")
        .file("clients/acme/srm.yaml", valid_srm_text())
        .file("clients/acme/provider.yaml", provider())
        .run()
        .code(0)
        .contains("Checked 1 SRM in 2 files");
}

#[test]
fn include_patterns_matching_nothing_exit_2_naming_them() {
    Run::check(["clients"])
        .file("srmcheck.yaml", "include: [\"srms/**/*.yaml\"]\n")
        .file("clients/srm.yaml", valid_srm_text())
        .file("clients/provider.yaml", provider())
        .run()
        .code(2)
        .contains("no SRM found: no file under `clients` matches the include patterns")
        .contains("the include pattern `srms/**/*.yaml` matched none of the 2 YAML files")
        .contains("such as `clients/provider.yaml`")
        .contains("relative to its folder");
}

#[test]
fn exclude_patterns_leaving_out_everything_exit_2_naming_them() {
    Run::check(["clients"])
        .file(
            "srmcheck.yaml",
            "exclude: [\"clients/**\", \"unused/**\"]\n",
        )
        .file("clients/srm.yaml", valid_srm_text())
        .run()
        .code(2)
        .contains("the exclude patterns leave out every file under `clients`")
        .contains(
            "the exclude pattern `clients/**` left out the 1 file the include patterns matched",
        )
        .lacks("unused/**");
}

#[test]
fn a_folder_without_yaml_exits_2() {
    Run::check(["docs"])
        .file("docs/notes.txt", "nothing here")
        .run()
        .code(2)
        .contains("no SRM found: `docs` holds no YAML file");
}

#[test]
fn a_folder_whose_yaml_holds_no_srm_exits_2() {
    Run::check(["ci"])
        .file("ci/workflow.yaml", "on: [push]\njobs: {}\n")
        .run()
        .code(2)
        .contains("no SRM found: the 1 file found under `ci` holds no ResponsibilityMatrix");
    // A provider alone is no SRM either.
    Run::check(["."])
        .file("provider.yaml", provider())
        .run()
        .code(2)
        .contains("no SRM found");
}

#[test]
fn named_files_without_an_srm_pass_as_pre_commit_passes_them() {
    Run::check(["workflow.yaml"])
        .file("workflow.yaml", "on: [push]\n")
        .run()
        .code(0)
        .contains("Checked 0 SRMs in 1 file");
}

#[cfg(unix)]
#[test]
fn a_symlinked_srm_in_a_walked_folder_is_checked_and_loops_end() {
    let mut run = Run::check(["walked"])
        .file("elsewhere/srm.yaml", failing_srm())
        .file("walked/provider.yaml", provider());
    let scratch = run.scratch().to_path_buf();
    let link = |target: &str, at: &str| {
        std::os::unix::fs::symlink(target, scratch.join(at)).expect("a symbolic link")
    };
    link("../elsewhere/srm.yaml", "walked/srm.yaml");
    link("..", "walked/loop");
    run.run()
        .code(1)
        .contains("walked/srm.yaml:")
        .contains("error[unknown-owner]")
        .contains("Checked 1 SRM");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_a_walked_folder_is_a_problem_of_its_own() {
    let mut run = Run::check(["walked"])
        .file("walked/srm.yaml", valid_srm_text())
        .file("walked/provider.yaml", provider());
    let scratch = run.scratch().to_path_buf();
    std::os::unix::fs::symlink("gone.yaml", scratch.join("walked/old.yaml")).expect("a link");
    run.run()
        .code(2)
        .contains("walked/old.yaml: cannot read the file")
        .contains("Checked 1 SRM");
}

#[test]
fn an_empty_yaml_file_is_ignored_in_a_walk_and_refused_when_named() {
    Run::check(["."])
        .file("srm.yaml", valid_srm_text())
        .file("provider.yaml", provider())
        .file("empty.yaml", "# nothing yet\n")
        .run()
        .code(0)
        .contains("Checked 1 SRM");
    Run::check(["empty.yaml"])
        .file("empty.yaml", "# nothing yet\n")
        .run()
        .code(2)
        .contains("empty.yaml:2:1")
        .contains("empty file: no YAML document in it");
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn a_gitignored_srm_is_not_checked_in_a_git_work_tree_only() {
    let outside = Run::check(["."])
        .file("srm.yaml", valid_srm_text())
        .file("provider.yaml", provider())
        .file("build/srm.yaml", failing_srm())
        .file("build/provider.yaml", provider())
        .file(".gitignore", "build/\n");
    // Outside a git work tree, `.gitignore` means nothing.
    outside.run().code(1).contains("build/srm.yaml:");
    let mut inside = Run::check(["."])
        .file("srm.yaml", valid_srm_text())
        .file("provider.yaml", provider())
        .file("build/srm.yaml", failing_srm())
        .file("build/provider.yaml", provider())
        .file(".gitignore", "build/\n");
    git(inside.scratch(), &["init", "-q"]);
    inside
        .run()
        .code(0)
        .lacks("build/srm.yaml")
        .contains("Checked 1 SRM in 2 files");
}

#[test]
fn an_ignore_file_is_honoured_anywhere() {
    Run::check(["."])
        .file("srm.yaml", valid_srm_text())
        .file("provider.yaml", provider())
        .file("old/srm.yaml", failing_srm())
        .file(".ignore", "old/\n")
        .run()
        .code(0)
        .contains("Checked 1 SRM in 2 files");
}

#[test]
fn an_srm_on_standard_input_is_checked_as_stdin() {
    Run::check(["-"])
        .file("provider.yaml", provider())
        .stdin(failing_srm())
        .run()
        .code(1)
        .contains("<stdin>:")
        .contains("error[unknown-owner]")
        .contains("Checked 1 SRM in 1 file");
}

#[test]
fn stdin_filename_names_the_srm_and_places_its_references() {
    Run::check(["-", "--stdin-filename", "clients/acme.yaml"])
        .file("clients/provider.yaml", provider())
        .stdin(failing_srm())
        .run()
        .code(1)
        .contains("clients/acme.yaml:")
        .lacks("<stdin>");
    Run::check(["-"])
        .file("clients/provider.yaml", provider())
        .stdin(valid_srm_text())
        .run()
        .code(2)
        .contains("provider.yaml");
}

#[test]
fn empty_standard_input_is_refused() {
    Run::check(["-"])
        .stdin("")
        .run()
        .code(2)
        .contains("<stdin>:1:1")
        .contains("empty file");
}

#[test]
fn a_report_over_a_folder_without_an_srm_exits_2() {
    Run::new([
        "report",
        "ci",
        "--as-of",
        crate::harness::AS_OF,
        "--out",
        "out",
    ])
    .file("ci/workflow.yaml", "on: [push]\n")
    .run()
    .code(2)
    .contains("no SRM found");
}
