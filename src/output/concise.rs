//! `--format concise`: one line per finding, `path:line:col: severity[rule-id]
//! message`, then one line per problem and the summary line.

use termcolor::{Color, ColorSpec, WriteColor};

use super::shared::{self, label, message, region, summary_line};
use super::RenderOptions;
use crate::check::CheckReport;

/// The finding and problem lines; unless `quiet`, the summary line too.
pub fn write(
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    write_lines(report, out)?;
    if options.quiet {
        return Ok(());
    }
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{}", summary_line(report))?;
    out.reset()?;
    writeln!(out, ".")
}

/// The finding and problem lines.
fn write_lines(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    for finding in shared::ordered(report) {
        let region = region(finding);
        write!(
            out,
            "{}:{}:{}: ",
            finding.file.name(),
            region.line,
            region.column
        )?;
        let label = label(finding);
        out.set_color(ColorSpec::new().set_bold(true).set_fg(Some(color(label))))?;
        write!(out, "{label}[{}]", finding.rule.id)?;
        out.reset()?;
        writeln!(out, " {}", message(finding))?;
    }
    for problem in shared::problems(report) {
        if let Some(location) = problem.location() {
            write!(out, "{location}: ")?;
        }
        out.set_color(ColorSpec::new().set_bold(true).set_fg(Some(Color::Red)))?;
        write!(out, "error")?;
        out.reset()?;
        write!(out, ": {}", problem.message)?;
        match &problem.hint {
            Some(hint) => writeln!(out, " (help: {hint})")?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}

/// The colours of codespan-reporting's labels, as in the human format.
fn color(label: &str) -> Color {
    match label {
        "error" => Color::Red,
        "warning" => Color::Yellow,
        _ => Color::Green,
    }
}
