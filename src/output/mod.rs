//! Everything srmcheck prints goes through here.

mod errors;
pub mod frameworks;
mod human;
pub mod rules;
mod snippet;
pub mod tests;

use std::io::Write;

use termcolor::{Buffer, WriteColor};

pub use errors::write_error;
pub use human::write_human;

use crate::check::CheckReport;

/// Whether to colour what is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Always,
    Never,
}

/// Renders a check report (human format) to standard output.
pub fn print_check(report: &CheckReport, color: Color) -> std::io::Result<()> {
    print_with(color, |out| write_human(report, out))
}

/// Prints an error that ended the run to standard error.
pub fn print_error(error: &crate::error::Error, color: Color) {
    let mut buffer = buffer(color);
    if write_error(&mut buffer, error).is_ok() {
        let _ = std::io::stderr().lock().write_all(buffer.as_slice());
    }
}

/// Prints plain text to standard output.
pub fn print_text(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn print_with(
    color: Color,
    render: impl FnOnce(&mut dyn WriteColor) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut buffer = buffer(color);
    render(&mut buffer)?;
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
