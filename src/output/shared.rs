//! What the one-line and machine-readable formats share: findings in reading
//! order, their places, and the problems that kept inputs from being checked.

use crate::check::CheckReport;
use crate::error::Error;
use crate::finding::Finding;
use crate::load::LoadError;
use crate::policy::PolicyError;
use crate::rule::Rule;
use crate::severity::Severity;

/// Appended to the message of a finding about a control with a current exception.
pub const EXCEPTED: &str = "excepted: the control has a current exception";

/// Every finding in the order of the human format: by file, place, rule,
/// then message (portfolio findings among the others, by their file).
pub fn ordered(report: &CheckReport) -> Vec<&Finding> {
    let mut findings: Vec<&Finding> = report.findings().collect();
    findings.sort_by(|a, b| a.cmp_place(b));
    findings
}

/// The rules of the run by id, as `srmcheck rules` lists them.
pub fn rules(report: &CheckReport) -> Vec<&Rule> {
    let mut rules: Vec<&Rule> = report.rules.iter().map(|r| &**r).collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

/// Where a finding is: 1-based lines and columns (columns count characters);
/// the end is the character just after the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

pub fn region(finding: &Finding) -> Region {
    let start = finding.file.position(finding.span.start);
    let end = finding
        .file
        .position(finding.span.end.max(finding.span.start));
    Region {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// The finding's message, marked when its control has a current exception.
pub fn message(finding: &Finding) -> String {
    match finding.excepted {
        true => format!("{} ({EXCEPTED})", finding.message),
        false => finding.message.clone(),
    }
}

/// `error`, `warning` or `info`; `note` for an excepted finding, as in the
/// human format.
pub fn label(finding: &Finding) -> &'static str {
    match (finding.excepted, finding.severity) {
        (true, _) => "note",
        (false, severity) => severity.as_str(),
    }
}

/// `path:line:col: severity[rule-id] message`.
pub fn one_line(finding: &Finding) -> String {
    let region = region(finding);
    format!(
        "{}:{}:{}: {}[{}] {}",
        finding.file.name(),
        region.line,
        region.column,
        label(finding),
        finding.rule.id,
        message(finding)
    )
}

/// The highest severity among findings that count (not excepted).
pub fn worst<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Option<Severity> {
    findings
        .into_iter()
        .filter(|f| !f.excepted)
        .map(|f| f.severity)
        .max()
}

/// An input that could not be checked: what is wrong, what to do, and where
/// when the place is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Problem {
    pub fn new(error: &Error) -> Self {
        if let Error::Recorded(recorded) = error {
            return Problem {
                message: recorded.message.clone(),
                hint: recorded.hint.clone(),
                file: recorded.file.clone(),
                line: recorded.line,
                column: recorded.column,
            };
        }
        let text = error.to_string();
        let mut problem = Problem {
            message: text.clone(),
            hint: error.hint().map(str::to_owned),
            file: None,
            line: None,
            column: None,
        };
        if let Some(located) = error.located() {
            let position = located.position();
            problem.message = located.message.clone();
            problem.file = Some(located.file.name().to_owned());
            problem.line = Some(position.line);
            problem.column = Some(position.column);
            return problem;
        }
        // The message of an error about a whole file starts with its path.
        let place = match error {
            Error::Load(load) | Error::Policy(PolicyError::Read(load)) => match load {
                LoadError::Io { path, .. }
                | LoadError::TooLarge { path, .. }
                | LoadError::Binary { path } => Some((path, None)),
                LoadError::NotUtf8 { path, line, column } => Some((path, Some((*line, *column)))),
                LoadError::Invalid(_) | LoadError::Empty(_) => None,
            },
            Error::Policy(PolicyError::Io { path, .. }) => Some((path, None)),
            Error::Policy(PolicyError::Evaluation { file, .. }) => Some((file, None)),
            Error::Policy(PolicyError::Invalid(_))
            | Error::Usage { .. }
            | Error::Discover(_)
            | Error::Recorded(_)
            | Error::Report(_) => None,
        };
        if let Some((path, position)) = place {
            let prefix = match position {
                Some((line, column)) => format!("{path}:{line}:{column}: "),
                None => format!("{path}: "),
            };
            if let Some(rest) = text.strip_prefix(&prefix) {
                problem.message = rest.to_owned();
            }
            problem.file = Some(path.clone());
            problem.line = position.map(|p| p.0);
            problem.column = position.map(|p| p.1);
        }
        problem
    }

    /// `path:line:col`, `path`, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_deref()?;
        Some(match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            (Some(line), None) => format!("{file}:{line}"),
            _ => file.to_owned(),
        })
    }

    /// `path:line:col: message`, or the message alone.
    pub fn located_message(&self) -> String {
        match self.location() {
            Some(location) => format!("{location}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

pub fn problems(report: &CheckReport) -> Vec<Problem> {
    report.errors.iter().map(Problem::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_error_keeps_its_path_apart_from_its_message() {
        let error = Error::Load(LoadError::NotUtf8 {
            path: "a/srm.yaml".to_owned(),
            line: 3,
            column: 7,
        });
        let problem = Problem::new(&error);
        assert_eq!(problem.message, "the file is not UTF-8 text");
        assert_eq!(problem.file.as_deref(), Some("a/srm.yaml"));
        assert_eq!((problem.line, problem.column), (Some(3), Some(7)));
        assert_eq!(problem.hint.as_deref(), Some("save the file as UTF-8"));
        assert_eq!(
            problem.located_message(),
            "a/srm.yaml:3:7: the file is not UTF-8 text"
        );
    }

    #[test]
    fn a_usage_error_has_no_place() {
        let problem = Problem::new(&Error::usage("bad argument", "fix it"));
        assert_eq!(problem.message, "bad argument");
        assert_eq!(problem.location(), None);
        assert_eq!(problem.located_message(), "bad argument");
    }
}
