#![warn(clippy::too_many_lines)]

use std::alloc::{GlobalAlloc, Layout};
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use srmcheck::{print_error, run, Cli};

// Evaluating the policy pack allocates and frees small values at a high
// rate; mimalloc does that about a sixth faster than the system allocator.
#[global_allocator]
static ALLOCATOR: Bounded = Bounded(mimalloc::MiMalloc);

/// Largest single allocation: inputs, pages and values are capped far below
/// it, so only a policy or template building a value without bound (a
/// string doubled over and over) asks for more. Without the cap that
/// request would abort the process.
const MAX_ALLOCATION: usize = 1 << 30;

/// mimalloc, refusing single allocations over [`MAX_ALLOCATION`]: the run
/// ends with exit code 2 and a message, nothing printed to standard output.
struct Bounded(mimalloc::MiMalloc);

/// Ends the run on an allocation over the cap. Writes to standard error
/// (unbuffered) without allocating.
fn refuse() -> ! {
    let _ = std::io::stderr().write_all(
        b"error: a policy or template asked for more than 1 GiB of memory at once; srmcheck stopped\n  = help: look in the run's own policies and templates for a value that grows without bound (a string doubled over and over, a huge range or comprehension)\n",
    );
    std::process::exit(2)
}

// SAFETY: every call is passed to mimalloc unchanged, or ends the process.
unsafe impl GlobalAlloc for Bounded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > MAX_ALLOCATION {
            refuse()
        }
        self.0.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() > MAX_ALLOCATION {
            refuse()
        }
        self.0.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > MAX_ALLOCATION {
            refuse()
        }
        self.0.realloc(ptr, layout, new_size)
    }
}

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
