//! A problem that kept an input from being checked: what is wrong, what to
//! do, where, and a stable [`Code`] for its kind. Built where the problem is
//! found; every output (human, JSON, SARIF, JUnit, GitHub, the report) shows
//! this one type.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::source::{Position, SourceFile, Span};

/// The kind of a problem, stable across versions: tools may match on it.
/// README.md ("Problem codes") documents each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A file or folder that cannot be read.
    Unreadable,
    /// A file over the size limit.
    FileTooLarge,
    /// A file that is not UTF-8 text.
    NotUtf8,
    /// A file that holds NUL bytes.
    BinaryFile,
    /// YAML (or JSON) that does not parse, or is over a parser limit.
    YamlSyntax,
    /// A mapping key the document kind does not have.
    UnknownKey,
    /// A value of the wrong type or form, or a required key missing.
    InvalidValue,
    /// A document that is not a srmcheck document of a known kind, or of the
    /// kind expected where it is referenced.
    InvalidDocument,
    /// A framework id that is not in the catalog.
    UnknownFramework,
    /// A control id that is not in its framework.
    UnknownControl,
    /// A capability that is not in the vocabulary (`srmcheck capabilities`).
    UnknownCapability,
    /// A reference to a file, document, party or vendor that is not there.
    DanglingReference,
    /// Something defined twice (a framework id).
    Duplicate,
    /// A policy that does not load or evaluate.
    PolicyError,
    /// Portfolio rules that ran without some clients of the provider, whose
    /// SRMs could not be checked.
    IncompletePortfolio,
    /// Paths that hold no SRM to check: a run that checks nothing must not pass.
    NothingToCheck,
    /// A template of the report that does not parse or render.
    TemplateError,
    /// A run that could not use its arguments or write its output.
    Usage,
}

impl Code {
    /// The code as JSON and SARIF write it: `unknown-control`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "unreadable",
            Code::FileTooLarge => "file-too-large",
            Code::NotUtf8 => "not-utf8",
            Code::BinaryFile => "binary-file",
            Code::YamlSyntax => "yaml-syntax",
            Code::UnknownKey => "unknown-key",
            Code::InvalidValue => "invalid-value",
            Code::InvalidDocument => "invalid-document",
            Code::UnknownFramework => "unknown-framework",
            Code::UnknownControl => "unknown-control",
            Code::UnknownCapability => "unknown-capability",
            Code::DanglingReference => "dangling-reference",
            Code::Duplicate => "duplicate",
            Code::PolicyError => "policy-error",
            Code::IncompletePortfolio => "incomplete-portfolio",
            Code::NothingToCheck => "nothing-to-check",
            Code::TemplateError => "template-error",
            Code::Usage => "usage",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in its file a problem is: a line and column, with the span of the
/// file's text when the text is at hand (a snippet is shown then).
#[derive(Debug, Clone)]
pub struct ProblemSpan {
    pub position: Position,
    pub source: Option<(Arc<SourceFile>, Span)>,
}

/// One problem. Its JSON form is `{code, message, hint, file?, line?, column?}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(into = "Wire", from = "Wire")]
pub struct Problem {
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
    /// The file, as shown.
    pub file: Option<String>,
    pub span: Option<ProblemSpan>,
}

impl Problem {
    /// A problem of no file.
    pub fn new(code: Code, message: impl Into<String>, hint: Option<String>) -> Self {
        Problem {
            code,
            message: message.into(),
            hint,
            file: None,
            span: None,
        }
    }

    /// A problem about a whole file (or a place in it known by line and column).
    pub fn in_file(
        code: Code,
        file: &str,
        position: Option<Position>,
        message: impl Into<String>,
        hint: Option<&str>,
    ) -> Self {
        Problem {
            code,
            message: message.into(),
            hint: hint.map(str::to_owned),
            file: Some(file.to_owned()),
            span: position.map(|position| ProblemSpan {
                position,
                source: None,
            }),
        }
    }

    /// A problem at a span of a file whose text is at hand.
    pub fn at(code: Code, source: &Arc<SourceFile>, span: Span, message: String) -> Self {
        Problem {
            code,
            message,
            hint: None,
            file: Some(source.name().to_owned()),
            span: Some(ProblemSpan {
                position: source.position(span.start),
                source: Some((Arc::clone(source), span)),
            }),
        }
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn position(&self) -> Option<Position> {
        self.span.as_ref().map(|s| s.position)
    }

    /// `path:line:col`, `path`, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_deref()?;
        Some(match self.position() {
            Some(position) => format!("{file}:{position}"),
            None => file.to_owned(),
        })
    }

    /// `path:line:col: message`, or the message alone.
    pub fn located_message(&self) -> String {
        match self.location() {
            Some(location) => format!("{location}: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// What makes two problems the same one: file, place, code and message.
    pub fn key(&self) -> (Option<&str>, Option<Position>, Code, &str) {
        (
            self.file.as_deref(),
            self.position(),
            self.code,
            &self.message,
        )
    }

    /// Reading order: problems of no file first, by message; then by file,
    /// place, code and message.
    pub fn cmp_place(&self, other: &Problem) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located_message())
    }
}

/// Adds `new` to `problems`, leaving out those already there (by
/// [`Problem::key`]) in one pass; then sorts them in reading order.
pub fn merge_sorted(problems: &mut Vec<Problem>, new: impl IntoIterator<Item = Problem>) {
    problems.extend(new);
    let mut seen = HashSet::with_capacity(problems.len());
    let mut kept = Vec::with_capacity(problems.len());
    for problem in problems.drain(..) {
        let key = (
            problem.file.clone(),
            problem.position().map(|p| (p.line, p.column)),
            problem.code,
            problem.message.clone(),
        );
        if seen.insert(key) {
            kept.push(problem);
        }
    }
    kept.sort_by(Problem::cmp_place);
    *problems = kept;
}

/// The JSON form.
#[derive(Serialize, Deserialize)]
struct Wire {
    code: Code,
    message: String,
    hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl From<Problem> for Wire {
    fn from(problem: Problem) -> Self {
        let position = problem.position();
        Wire {
            code: problem.code,
            message: problem.message,
            hint: problem.hint,
            file: problem.file,
            line: position.map(|p| p.line),
            column: position.map(|p| p.column),
        }
    }
}

impl From<Wire> for Problem {
    fn from(wire: Wire) -> Self {
        let position = match (wire.line, wire.column) {
            (Some(line), column) => Some(Position {
                line,
                column: column.unwrap_or(1),
            }),
            _ => None,
        };
        Problem {
            code: wire.code,
            message: wire.message,
            hint: wire.hint,
            file: wire.file,
            span: position.map(|position| ProblemSpan {
                position,
                source: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(file: &str, line: usize, message: &str) -> Problem {
        let position = Some(Position { line, column: 1 });
        Problem::in_file(Code::UnknownControl, file, position, message, None)
    }

    #[test]
    fn duplicates_by_key_are_left_out_and_the_rest_sorted() {
        let mut problems = vec![problem("b.yaml", 1, "x"), problem("a.yaml", 2, "x")];
        merge_sorted(
            &mut problems,
            [
                problem("a.yaml", 2, "x"),
                problem("a.yaml", 1, "y"),
                Problem::new(Code::Usage, "x", None),
            ],
        );
        let shown: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            shown,
            ["x", "a.yaml:1:1: y", "a.yaml:2:1: x", "b.yaml:1:1: x"]
        );
    }

    #[test]
    fn the_same_text_of_another_code_is_another_problem() {
        let mut problems = vec![problem("a.yaml", 1, "x")];
        let mut other = problem("a.yaml", 1, "x");
        other.code = Code::DanglingReference;
        merge_sorted(&mut problems, [other]);
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn json_keeps_code_place_and_hint() {
        let problem = problem("a.yaml", 3, "bad").with_hint(Some("fix it".to_owned()));
        let json = serde_json::to_string(&problem).unwrap();
        assert_eq!(
            json,
            r#"{"code":"unknown-control","message":"bad","hint":"fix it","file":"a.yaml","line":3,"column":1}"#
        );
        let back: Problem = serde_json::from_str(&json).unwrap();
        assert_eq!(back.located_message(), "a.yaml:3:1: bad");
    }
}
