//! Why a file could not be loaded.

use crate::located::Located;
use crate::problem::{Code, Problem};
use crate::source::Position;

/// A file that could not be read or is not a valid srmcheck document.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}: the file is {size} bytes, over the limit of {limit} bytes for one file")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}:{line}:{column}: the file is not UTF-8 text")]
    NotUtf8 {
        path: String,
        line: usize,
        column: usize,
    },
    #[error("{path}: binary file (it holds NUL bytes), not YAML")]
    Binary { path: String },
    #[error("{0}")]
    Invalid(Box<Located>),
    /// A file with no YAML document in it: refused when named, ignored when
    /// a folder walk finds it.
    #[error("{0}")]
    Empty(Box<Located>),
}

impl LoadError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<&str> {
        match self {
            LoadError::Io { .. } => Some("check that the path exists and is readable"),
            LoadError::TooLarge { .. } => {
                Some("split the portfolio into files of one document each")
            }
            LoadError::NotUtf8 { .. } => Some("save the file as UTF-8"),
            LoadError::Binary { .. } => Some("exclude the file from the paths given to srmcheck"),
            LoadError::Invalid(located) | LoadError::Empty(located) => located.hint.as_deref(),
        }
    }
}

impl LoadError {
    /// The problem, with the file apart from the message.
    pub fn problem(&self) -> Problem {
        let (code, path, position, message) = match self {
            LoadError::Invalid(located) | LoadError::Empty(located) => return located.problem(),
            LoadError::Io { path, reason } => (
                Code::Unreadable,
                path,
                None,
                format!("cannot read the file: {reason}"),
            ),
            LoadError::TooLarge { path, size, limit } => (
                Code::FileTooLarge,
                path,
                None,
                format!("the file is {size} bytes, over the limit of {limit} bytes for one file"),
            ),
            LoadError::NotUtf8 { path, line, column } => (
                Code::NotUtf8,
                path,
                Some(Position {
                    line: *line,
                    column: *column,
                }),
                "the file is not UTF-8 text".to_owned(),
            ),
            LoadError::Binary { path } => (
                Code::BinaryFile,
                path,
                None,
                "binary file (it holds NUL bytes), not YAML".to_owned(),
            ),
        };
        Problem::in_file(code, path, position, message, self.hint())
    }
}

impl From<Located> for LoadError {
    fn from(located: Located) -> Self {
        LoadError::Invalid(Box::new(located))
    }
}
