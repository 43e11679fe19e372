//! `srmcheck test`: Rego unit tests (`test_*` rules in `_test.rego` files),
//! as `opa test` runs them, with line coverage of the policies under test.

use std::sync::Arc;

use regorus::{Engine, Value};

use super::error::PolicyError;
use super::failure::error;
use super::pack::PolicyPack;
use crate::source::SourceFile;

/// The result of one test rule.
#[derive(Debug)]
pub struct TestOutcome {
    pub file: Arc<SourceFile>,
    pub package: String,
    pub name: String,
    pub line: usize,
    pub result: TestResult,
}

#[derive(Debug, PartialEq, Eq)]
pub enum TestResult {
    Pass,
    /// The rule was false or undefined.
    Fail,
    /// The rule could not be evaluated.
    Error(String),
}

/// Line coverage of one policy file (tests themselves are not counted).
#[derive(Debug)]
pub struct FileCoverage {
    pub file: String,
    pub covered: usize,
    pub lines: usize,
    pub not_covered: Vec<u32>,
}

impl FileCoverage {
    pub fn percent(&self) -> f64 {
        match self.lines {
            0 => 100.0,
            n => self.covered as f64 * 100.0 / n as f64,
        }
    }
}

#[derive(Debug, Default)]
pub struct TestReport {
    pub outcomes: Vec<TestOutcome>,
    pub coverage: Vec<FileCoverage>,
}

impl TestReport {
    /// Covered lines over all lines of every policy file, in percent.
    pub fn total_percent(&self) -> f64 {
        let lines: usize = self.coverage.iter().map(|c| c.lines).sum();
        let covered: usize = self.coverage.iter().map(|c| c.covered).sum();
        match lines {
            0 => 100.0,
            n => covered as f64 * 100.0 / n as f64,
        }
    }
}

/// Runs every `test_*` rule of the pack's test files, in file order.
pub fn run_tests(pack: &PolicyPack, coverage: bool) -> Result<TestReport, PolicyError> {
    let mut engine = Engine::new();
    engine.set_execution_timer_config(super::engine::timer());
    super::limits::install(&mut engine).map_err(|e| error(pack, &e, None))?;
    for file in &pack.files {
        engine
            .add_policy(file.source.name().to_owned(), file.source.text().to_owned())
            .map_err(|e| error(pack, &e, Some(&file.source)))?;
    }
    engine.set_enable_coverage(coverage);
    let mut report = TestReport::default();
    for file in pack.files.iter().filter(|f| f.is_test) {
        for (name, line) in test_rules(&file.source) {
            let result = match engine.eval_rule(format!("data.{}.{name}", file.package)) {
                Ok(Value::Bool(true)) => TestResult::Pass,
                Ok(_) => TestResult::Fail,
                Err(e) => TestResult::Error(error(pack, &e, Some(&file.source)).to_string()),
            };
            report.outcomes.push(TestOutcome {
                file: Arc::clone(&file.source),
                package: file.package.clone(),
                name,
                line,
                result,
            });
        }
    }
    if coverage {
        let files = engine
            .get_coverage_report()
            .map_err(|e| error(pack, &e, None))?
            .files;
        report.coverage = files
            .into_iter()
            .filter(|f| !f.path.ends_with("_test.rego"))
            .map(|f| FileCoverage {
                covered: f.covered.len(),
                lines: f.covered.len() + f.not_covered.len(),
                not_covered: f.not_covered.into_iter().collect(),
                file: f.path,
            })
            .collect();
        // Files no test reached are not in regorus's report: every statement
        // line of theirs is uncovered.
        for file in pack.files.iter().filter(|f| !f.is_test) {
            if !report.coverage.iter().any(|c| c.file == file.source.name()) {
                report.coverage.push(unreached(&file.source));
            }
        }
        report.coverage.sort_by(|a, b| a.file.cmp(&b.file));
    }
    Ok(report)
}

/// Coverage of a file no test reached: its statement lines (not blank, not
/// comments, not `package` or `import`), none covered.
fn unreached(file: &SourceFile) -> FileCoverage {
    let not_covered: Vec<u32> = file
        .text()
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim();
            !(line.is_empty()
                || line.starts_with('#')
                || line.starts_with("package ")
                || line.starts_with("import "))
        })
        .map(|(i, _)| i as u32 + 1)
        .collect();
    FileCoverage {
        file: file.name().to_owned(),
        covered: 0,
        lines: not_covered.len(),
        not_covered,
    }
}

/// `(name, line)` of each `test_*` rule head, once per name, in file order.
fn test_rules(file: &SourceFile) -> Vec<(String, usize)> {
    let mut rules: Vec<(String, usize)> = Vec::new();
    for (i, line) in file.text().lines().enumerate() {
        if !line.starts_with("test_") {
            continue;
        }
        let name: String = line
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !rules.iter().any(|(n, _)| *n == name) {
            rules.push((name, i + 1));
        }
    }
    rules
}

#[test]
fn the_time_limit_is_five_seconds_unless_the_variable_names_a_whole_number() {
    use super::engine::limit_of;
    use std::time::Duration;
    assert_eq!(limit_of(None), Duration::from_secs(5));
    assert_eq!(limit_of(Some("600")), Duration::from_secs(600));
    assert_eq!(limit_of(Some(" 30 ")), Duration::from_secs(30));
    for ignored in ["0", "-3", "1.5", "soon", ""] {
        assert_eq!(limit_of(Some(ignored)), Duration::from_secs(5), "{ignored}");
    }
}
