//! `srmcheck completions SHELL` and `srmcheck man`: generated from the
//! command-line definition itself, so that they never fall behind it.

use clap::CommandFactory;
use clap_complete::Shell;

use super::error::Error;
use super::Cli;

/// The completion script of `shell`.
pub fn completions(shell: Shell) -> String {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "srmcheck", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

/// The man page, in roff.
pub fn man() -> Result<String, Error> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(super::io_error)?;
    Ok(String::from_utf8_lossy(&page).into_owned())
}
