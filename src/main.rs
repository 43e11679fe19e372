use std::process::ExitCode;

use clap::Parser;
use srmcheck::cli::{run, Cli};
use srmcheck::output::print_error;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            print_error(&error, cli.color.resolve());
            ExitCode::from(2)
        }
    }
}
