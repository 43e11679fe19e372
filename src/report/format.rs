//! The formats a report is written in.

/// How `report` writes its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Self-contained HTML pages (inline CSS, printable).
    Html,
    /// GitHub-flavoured Markdown.
    Md,
    /// The page models as JSON (`"version": 1`).
    Json,
}

impl ReportFormat {
    /// The pages' file extension, also the extension of their templates.
    pub fn ext(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Md => "md",
            ReportFormat::Json => "json",
        }
    }
}
