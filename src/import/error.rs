//! Why a spreadsheet could not be imported.

use super::table::At;
use crate::load::LoadError;
use crate::problem::{Code, Problem};

/// A spreadsheet that cannot become an SRM; nothing is written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ImportError {
    /// Not a workbook or CSV file srmcheck can read (a renamed PDF, an
    /// encrypted workbook, a damaged archive).
    #[error("{file}: {message}")]
    NotASpreadsheet {
        file: String,
        message: String,
        hint: String,
    },
    /// A sheet too large to be a matrix.
    #[error("{file}: {message}")]
    TooLarge { file: String, message: String },
    /// A cell (or a sheet, or a header) that does not hold what the layout expects.
    #[error("{at}: {message}")]
    Cell {
        at: At,
        code: Code,
        message: String,
        hint: Option<String>,
    },
    /// The options do not fit the spreadsheet (no layout recognised, a
    /// mapping that names no column).
    #[error("{message}")]
    Usage { message: String, hint: String },
    /// A file the import reads besides the spreadsheet (a mapping, a catalog).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The SRM written cannot be saved.
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

impl ImportError {
    pub fn cell(at: At, message: impl Into<String>, hint: Option<String>) -> Self {
        ImportError::Cell {
            at,
            code: Code::InvalidValue,
            message: message.into(),
            hint,
        }
    }

    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        ImportError::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The problem, as the output layer prints it.
    pub fn problem(&self) -> Problem {
        match self {
            ImportError::NotASpreadsheet {
                file,
                message,
                hint,
            } => Problem::in_file(Code::InvalidDocument, file, None, message, Some(hint)),
            ImportError::TooLarge { file, message } => Problem::in_file(
                Code::FileTooLarge,
                file,
                None,
                message,
                Some("delete the empty rows below the matrix, or split it"),
            ),
            ImportError::Cell {
                at,
                code,
                message,
                hint,
            } => Problem::in_file(*code, &at.file, at.position, message, hint.as_deref()),
            ImportError::Usage { message, hint } => {
                Problem::new(Code::Usage, message, Some(hint.clone()))
            }
            ImportError::Load(e) => e.problem(),
            ImportError::Write { path, reason } => Problem::in_file(
                Code::Usage,
                path,
                None,
                format!("cannot write the file: {reason}"),
                Some("check that the folder exists and can be written"),
            ),
        }
    }
}
