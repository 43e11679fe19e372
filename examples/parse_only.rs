//! The floor a full check is compared to: discovers the files `srmcheck check
//! DIR` would, then reads and parses every one in parallel through the same
//! loader, with no resolution and no policy evaluation.
//!
//! ```sh
//! cargo run --release --example parse_only -- DIR
//! ```
#![warn(clippy::too_many_lines)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use srmcheck::{discover, Limits, Loader, Patterns};

// The global allocator is the one srmcheck uses (regorus's mimalloc, linked in
// with the library), so that the floor is parsed the same way.

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: parse_only DIR...");
        return ExitCode::from(2);
    }
    let start = Instant::now();
    let files = match discover(&paths, &Patterns::default()) {
        Ok(found) => found.files,
        Err(error) => {
            eprintln!("parse_only: {error}");
            return ExitCode::from(2);
        }
    };
    let loader = Loader::new(Limits::default());
    let (documents, errors) = files
        .par_iter()
        .map(|path| match loader.load(path) {
            Ok(file) => (file.documents.len(), 0),
            Err(_) => (0, 1),
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!(
        "{} files, {documents} documents, {errors} unreadable, {:.3} s",
        files.len(),
        start.elapsed().as_secs_f64()
    );
    ExitCode::from(u8::from(errors > 0))
}
