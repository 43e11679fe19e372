//! Problems: with a source snippet when their file's text is at hand, else
//! one line and a hint.

use termcolor::{ColorSpec, WriteColor};

use super::snippet::write_at;
use crate::problem::Problem;

pub fn write_error(out: &mut dyn WriteColor, problem: &Problem) -> std::io::Result<()> {
    if let Some((file, span)) = problem.span.as_ref().and_then(|s| s.source.as_ref()) {
        return write_at(out, file, *span, &problem.message, problem.hint.as_deref());
    }
    out.set_color(
        ColorSpec::new()
            .set_bold(true)
            .set_fg(Some(termcolor::Color::Red)),
    )?;
    write!(out, "error")?;
    out.reset()?;
    writeln!(out, ": {problem}")?;
    if let Some(hint) = &problem.hint {
        writeln!(out, "  = help: {hint}")?;
    }
    writeln!(out)
}
