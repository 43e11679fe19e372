#![warn(clippy::too_many_lines)]

use std::process::ExitCode;

use clap::Parser;
use srmcheck::{print_error, run, Cli};

// The global allocator is regorus's mimalloc (its `allocator-memory-limits`
// feature): policy evaluation allocates and frees small values at a high
// rate, which mimalloc does about a sixth faster than the system allocator,
// and its per-thread accounting is what the evaluation's memory budget reads.

/// Stack of each thread that evaluates SRMs: the pack's rule chains are
/// bounded (64 deep), and regorus evaluates each level with deep native
/// recursion.
const EVALUATION_STACK: usize = 64 << 20;

fn main() -> ExitCode {
    // regorus reports errors, including the ones it recovers from while
    // evaluating, through anyhow, which captures a backtrace for each when
    // RUST_BACKTRACE is set: a fifth of the run. srmcheck never shows them.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    // Only fails when a pool exists already, whose stacks then serve.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(EVALUATION_STACK)
        .build_global();
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            print_error(&error.problem(), cli.color());
            ExitCode::from(2)
        }
    }
}
