//! Errors: with a source snippet when they have a place, else one line and a hint.

use termcolor::{ColorSpec, WriteColor};

use super::snippet::write_located;
use crate::error::Error;

pub fn write_error(out: &mut dyn WriteColor, error: &Error) -> std::io::Result<()> {
    if let Some(located) = error.located() {
        return write_located(out, located);
    }
    out.set_color(
        ColorSpec::new()
            .set_bold(true)
            .set_fg(Some(termcolor::Color::Red)),
    )?;
    write!(out, "error")?;
    out.reset()?;
    writeln!(out, ": {error}")?;
    if let Some(hint) = error.hint() {
        writeln!(out, "  = help: {hint}")?;
    }
    writeln!(out)
}
