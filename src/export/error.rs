//! Why an SRM could not be exported.

use crate::problem::{Code, Problem};
use crate::report::ReportError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum ExportError {
    /// The SRM did not load or resolve: its problems, as `check` gives them.
    #[error("the SRM could not be checked")]
    NotChecked { problems: Vec<Problem> },
    /// The file holds no SRM, or several.
    #[error("{file}: {message}")]
    NotOneSrm { file: String, message: String },
    /// The policy pack or the check run failed.
    #[error(transparent)]
    Report(#[from] ReportError),
    /// The workbook could not be made.
    #[error("cannot make the workbook: {0}")]
    Workbook(String),
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

impl ExportError {
    /// The problems, as the output layer prints them.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            ExportError::NotChecked { problems } => problems.clone(),
            ExportError::NotOneSrm { file, message } => vec![Problem::in_file(
                Code::InvalidDocument,
                file,
                None,
                message,
                Some("export takes a file that holds one ResponsibilityMatrix"),
            )],
            ExportError::Report(e) => vec![e.problem()],
            ExportError::Workbook(message) => {
                vec![Problem::new(
                    Code::Usage,
                    format!("cannot make the workbook: {message}"),
                    None,
                )]
            }
            ExportError::Write { path, reason } => vec![Problem::in_file(
                Code::Usage,
                path,
                None,
                format!("cannot write the file: {reason}"),
                Some("check that the folder exists and can be written"),
            )],
        }
    }
}
