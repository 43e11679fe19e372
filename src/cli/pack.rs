//! `srmcheck rules`, `explain` and `test`: the policy pack's rules and tests.

use std::path::PathBuf;

use super::error::Error;
use super::unknown;
use crate::embedded::EXAMPLES;
use crate::output;
use crate::output::frameworks::ListFormat;
use crate::policy::{run_tests, PolicyPack, TestResult};
use crate::rule::Rule;

/// Every rule of the pack (with the policies of `policies`) with its metadata.
pub(super) fn rules(policies: &[PathBuf], format: ListFormat) -> Result<String, Error> {
    let pack = PolicyPack::load(policies)?;
    let rules: Vec<&Rule> = pack.rules().map(|r| &**r).collect();
    Ok(output::rules::list(&rules, format))
}

/// The documentation of rule `id`, with its failing and passing example.
pub(super) fn explain(id: &str, policies: &[PathBuf]) -> Result<String, Error> {
    let pack = PolicyPack::load(policies)?;
    let Some(rule) = pack.rules().find(|r| r.id == id) else {
        return Err(unknown("rule", id, pack.rules().map(|r| r.id.as_str())));
    };
    let example = EXAMPLES
        .iter()
        .find(|(rule, _, _)| *rule == id)
        .map(|&(_, fire, pass)| (fire, pass));
    Ok(output::rules::explain(rule, example))
}

/// Runs the Rego unit tests of `dirs` and prints their results; the exit
/// code: 2 when a test could not run, 1 when one failed or coverage is below
/// `threshold`, else 0.
pub(super) fn test(dirs: &[PathBuf], coverage: bool, threshold: Option<f64>) -> Result<u8, Error> {
    let pack = PolicyPack::load_with_tests(dirs)?;
    let report = run_tests(&pack, coverage || threshold.is_some())?;
    output::print_text(&output::tests::render(&report, threshold)).map_err(super::io_error)?;
    let errors = report
        .outcomes
        .iter()
        .any(|t| matches!(t.result, TestResult::Error(_)));
    let failed = report.outcomes.iter().any(|t| t.result == TestResult::Fail);
    let below = threshold.is_some_and(|t| report.total_percent() < t);
    Ok(match (errors, failed || below) {
        (true, _) => 2,
        (false, true) => 1,
        (false, false) => 0,
    })
}
