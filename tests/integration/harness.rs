//! A builder over one run of the `srmcheck` executable.

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// The repository root: fixtures and policies live below it.
/// Copies the folder `from` into `to`, recursively.
pub fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("listing") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        match path.is_dir() {
            true => copy(&path, &target),
            false => {
                std::fs::copy(&path, &target).expect("copied");
            }
        }
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The date every test judges by, so that results never depend on the day.
pub const AS_OF: &str = "2026-11-22";

/// One invocation: arguments, scratch files, working directory.
pub struct Run {
    args: Vec<OsString>,
    scratch: Option<TempDir>,
    in_root: bool,
    dir: Option<PathBuf>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
    cache: bool,
}

/// What a run printed and how it exited.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// `srmcheck <args>` with colour off.
    pub fn new<I: IntoIterator<Item = S>, S: Into<OsString>>(args: I) -> Self {
        let mut run = Run {
            args: vec!["--color".into(), "never".into()],
            scratch: None,
            in_root: false,
            dir: None,
            env: Vec::new(),
            stdin: None,
            cache: false,
        };
        run.args.extend(args.into_iter().map(Into::into));
        run
    }

    /// `srmcheck check --as-of 2026-11-22 <paths>`.
    pub fn check<I: IntoIterator<Item = S>, S: Into<OsString>>(paths: I) -> Self {
        Run::new(["check", "--as-of", AS_OF]).args(paths)
    }

    pub fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Writes a file into the scratch folder (the working directory of the run).
    pub fn file(mut self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let dir = self
            .scratch
            .get_or_insert_with(|| TempDir::new().expect("a scratch folder"));
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("folders");
        std::fs::write(path, contents).expect("scratch file written");
        self
    }

    /// The scratch folder, created if needed.
    pub fn scratch(&mut self) -> &Path {
        self.scratch
            .get_or_insert_with(|| TempDir::new().expect("a scratch folder"))
            .path()
    }

    /// Runs in the repository root, so that fixture paths read `fixtures/...`.
    pub fn in_root(mut self) -> Self {
        self.in_root = true;
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Gives the run `input` on its standard input (else none).
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    /// Lets the run use the result cache, which every other run is denied
    /// (`SRMCHECK_NO_CACHE=1`) so that no test writes a cache into the
    /// repository or its fixtures.
    pub fn with_cache(mut self) -> Self {
        self.cache = true;
        self
    }

    /// Runs in `dir`, a folder the test owns.
    pub fn in_dir(mut self, dir: &Path) -> Self {
        self.dir = Some(dir.to_owned());
        self
    }

    pub fn run(mut self) -> Output {
        let cwd = match (self.in_root, self.dir.take()) {
            (_, Some(dir)) => dir,
            (true, None) => root(),
            (false, None) => self.scratch().to_path_buf(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_srmcheck"))
            .args(&self.args)
            .current_dir(cwd)
            .env_remove("NO_COLOR")
            // A run in GitHub Actions must not write the tests' summaries.
            .env_remove("GITHUB_STEP_SUMMARY")
            .env_remove("FORCE_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("SRMCHECK_NO_CACHE")
            .envs((!self.cache).then_some(("SRMCHECK_NO_CACHE", "1")))
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("srmcheck runs");
        let mut input = child.stdin.take().expect("a piped standard input");
        let stdin = self.stdin.take().unwrap_or_default();
        // Written from another thread: srmcheck may fill its output pipes first.
        let writer = std::thread::spawn(move || input.write_all(&stdin));
        let output = child.wait_with_output().expect("srmcheck runs");
        // srmcheck may exit without reading all of its input.
        let _ = writer.join();
        Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Output {
    /// Asserts the exit code, showing the output when it differs.
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Everything printed, stdout then stderr.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    pub fn contains(self, needle: &str) -> Self {
        assert!(
            self.text().contains(needle),
            "expected `{needle}` in\n{}",
            self.text()
        );
        self
    }

    pub fn lacks(self, needle: &str) -> Self {
        assert!(
            !self.text().contains(needle),
            "did not expect `{needle}` in\n{}",
            self.text()
        );
        self
    }
}

/// The text of a minimal valid SRM on HIPAA with every standard covered,
/// naming `provider.yaml` beside it.
pub fn valid_srm_text() -> String {
    std::fs::read_to_string(root().join("fixtures/rules/unknown-owner/pass/srm.yaml"))
        .expect("fixture readable")
        .replace("../../provider.yaml", "provider.yaml")
}

/// `check .` of [`valid_srm_text`] and its provider.
pub fn valid_srm() -> Run {
    let srm = valid_srm_text();
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable");
    Run::check(["."])
        .file("srm.yaml", srm)
        .file("provider.yaml", provider)
}

/// A Python that can import `module`: the one `variable` names, else the one
/// of `~/.cache/<venv>` (where CI installs it), else `python3`. `None` when
/// none can, which fails the test when `require` is set in the environment.
pub fn python_with(module: &str, variable: &str, venv: &str, require: &str) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(python) = std::env::var_os(variable) {
        candidates.push(python.into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(
            Path::new(&home)
                .join(".cache")
                .join(venv)
                .join("bin/python"),
        );
    }
    candidates.push("python3".into());
    let found = candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() && std::env::var_os(require).is_some() {
        panic!("{require} is set, but no Python can import {module} (set {variable})");
    }
    found
}

/// Every SRM among the fixtures, relative to the repository root, sorted.
pub fn fixture_srms() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("fixtures readable") {
            let path = entry.expect("fixtures readable").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "yaml")
                && std::fs::read_to_string(&path)
                    .expect("fixture readable")
                    .contains("\nkind: ResponsibilityMatrix")
            {
                found.push(
                    path.strip_prefix(root())
                        .expect("below the root")
                        .to_path_buf(),
                );
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join("fixtures"), &mut found);
    found.sort();
    found
}

/// Runs `python` with `args` in the repository root; its standard output,
/// after checking that it succeeded (else both outputs are shown).
pub fn run_python<I, S>(python: &Path, args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(python)
        .args(args)
        .current_dir(root())
        // The tools may run srmcheck in the repository: no cache there.
        .env("SRMCHECK_NO_CACHE", "1")
        .output()
        .expect("python runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    text
}

/// SHA-256 with the system's `sha256sum`, as an auditor would check it.
pub fn sha256(bytes: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sha256sum runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("written");
    let output = child.wait_with_output().expect("sha256sum ends");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    text.split_whitespace().next().expect("a digest").to_owned()
}
