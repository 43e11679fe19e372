//! Everything srmcheck prints goes through here.

pub mod capabilities;
mod concise;
pub mod config;
mod errors;
mod escape;
pub mod frameworks;
mod github;
mod gitlab;
mod human;
pub mod input;
mod json;
mod junit;
pub mod progress;
pub mod rules;
mod sarif;
mod shared;
mod snippet;
mod statistics;
#[cfg(test)]
mod test_report;
pub mod tests;

use std::io::Write;

use termcolor::{Buffer, WriteColor};

pub use errors::write_error;
use escape::{escape_controls, Escaping};
pub use human::write_human;

use crate::check::CheckReport;
use crate::severity::Severity;

/// Whether to colour what is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Always,
    Never,
}

/// How `check` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings grouped by file with their source lines, for a terminal.
    Human,
    /// One line per finding: `path:line:col: severity[rule-id] message`.
    Concise,
    /// One JSON document (schema version 1).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, for CI test reports.
    Junit,
    /// GitHub Actions workflow commands, annotating the lines of a pull request.
    Github,
    /// GitLab Code Quality JSON, for the merge request widget.
    Gitlab,
}

/// What a renderer needs besides the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// The severity at and above which a finding fails the run (`--fail-on`;
    /// `None`: never): JUnit fails only those findings' cases.
    pub fail_on: Option<Severity>,
    /// The findings and problems only (the terminal formats; machine formats
    /// are always whole).
    pub quiet: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            fail_on: Some(Severity::Error),
            quiet: false,
        }
    }
}

/// What every format's renderer is.
pub type Render = fn(&CheckReport, &RenderOptions, &mut dyn WriteColor) -> std::io::Result<()>;

impl Format {
    pub fn renderer(self) -> Render {
        match self {
            Format::Human => write_human,
            Format::Concise => concise::write,
            Format::Json => json::write,
            Format::Sarif => sarif::write,
            Format::Junit => junit::write,
            Format::Github => github::write,
            Format::Gitlab => gitlab::write,
        }
    }

    /// Whether the format may be coloured: the terminal formats only.
    fn colors(self) -> bool {
        matches!(self, Format::Human | Format::Concise)
    }
}

/// Renders a check report to standard output.
pub fn print_check(
    report: &CheckReport,
    format: Format,
    color: Color,
    options: &RenderOptions,
) -> std::io::Result<()> {
    let color = match format.colors() {
        true => color,
        false => Color::Never,
    };
    print_with(color, |out| format.renderer()(report, options, out))
}

/// Prints the findings counted per rule (`--statistics`): JSON with
/// `--format json`, else text.
pub fn print_statistics(report: &CheckReport, format: Format) -> std::io::Result<()> {
    print_text(&match format {
        Format::Json => statistics::json(report),
        _ => statistics::text(report),
    })
}

/// Appends the run's Markdown summary to the file GitHub Actions names in
/// `GITHUB_STEP_SUMMARY` (which GitHub expects to be appended to).
pub fn append_step_summary(report: &CheckReport, path: &std::path::Path) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(escape_controls(&github::step_summary(report)).as_bytes())?;
    file.flush()
}

/// Prints a problem (one that ended the run, or an input left out of a
/// report) to standard error.
pub fn print_error(error: &crate::problem::Problem, color: Color) {
    let mut buffer = buffer(color);
    let mut escaping = Escaping::new(&mut buffer);
    let written = write_error(&mut escaping, error).and_then(|()| escaping.flush());
    drop(escaping);
    if written.is_ok() {
        let _ = std::io::stderr().lock().write_all(buffer.as_slice());
    }
}

/// The line `report` prints once its pages are written.
pub fn report_summary(report: &crate::report::Report, out: &std::path::Path) -> String {
    let clients = report.pages.len().saturating_sub(1);
    let problems = match report.check.errors.len() {
        0 => String::new(),
        1 => "; 1 input could not be checked and is left out".to_owned(),
        n => format!("; {n} inputs could not be checked and are left out"),
    };
    format!(
        "Wrote the report of {clients} client{} to {}{problems}.\n",
        if clients == 1 { "" } else { "s" },
        crate::source::display_name(out),
    )
}

/// Prints what the result cache did (`check --verbose`) to standard error:
/// `cache: 998 hits, 2 misses (.srmcheck_cache)`.
pub fn print_cache_stats(stats: &crate::cache::CacheStats) {
    let plural = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let line = format!(
        "cache: {}, {}, {} written ({})\n",
        plural(stats.hits, "hit", "hits"),
        plural(stats.misses, "miss", "misses"),
        stats.written,
        crate::source::display_name(&stats.dir),
    );
    let _ = std::io::stderr()
        .lock()
        .write_all(escape_controls(&line).as_bytes());
}

/// Prints plain text to standard output.
pub fn print_text(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(escape_controls(text).as_bytes())?;
    out.flush()
}

fn print_with(
    color: Color,
    render: impl FnOnce(&mut dyn WriteColor) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut buffer = buffer(color);
    let mut escaping = Escaping::new(&mut buffer);
    render(&mut escaping)?;
    escaping.flush()?;
    drop(escaping);
    let mut out = std::io::stdout().lock();
    out.write_all(buffer.as_slice())?;
    out.flush()
}

fn buffer(color: Color) -> Buffer {
    match color {
        Color::Always => Buffer::ansi(),
        Color::Never => Buffer::no_color(),
    }
}
