#![warn(clippy::too_many_lines)]

use std::process::ExitCode;

use clap::Parser;
use srmcheck::{print_error, run, Cli};

// Evaluating the policy pack allocates and frees small values at a high
// rate; mimalloc does that about a sixth faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // regorus reports errors, including the ones it recovers from while
    // evaluating, through anyhow, which captures a backtrace for each when
    // RUST_BACKTRACE is set: a fifth of the run. srmcheck never shows them.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            print_error(&error.problem(), cli.color());
            ExitCode::from(2)
        }
    }
}
