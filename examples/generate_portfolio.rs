//! Writes a deterministic portfolio of client SRMs for scale tests and benchmarks.
//!
//! ```sh
//! cargo run --release --example generate_portfolio -- --clients 1000 --seed 7 --out target/portfolio
//! ```
//!
//! Options: `--clients N` (default 100), `--seed S` (default 1), `--out DIR` (required),
//! `--frameworks DIR` (default the repository's `frameworks/`), `--as-of YYYY-MM-DD`
//! (the date the documents are valid on, default 2026-11-22).
#![warn(clippy::too_many_lines)]

#[path = "generate_portfolio/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("generate_portfolio: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut options = generator::Options {
        clients: 100,
        seed: 1,
        out: PathBuf::new(),
        frameworks: generator::default_frameworks(),
        as_of: generator::DEFAULT_AS_OF.to_owned(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--clients" => options.clients = number(&flag, &value()?)?,
            "--seed" => options.seed = number(&flag, &value()?)?,
            "--out" => options.out = value()?.into(),
            "--frameworks" => options.frameworks = value()?.into(),
            "--as-of" => options.as_of = value()?,
            _ => {
                return Err(format!(
                    "unknown option `{flag}` (see the example's doc comment)"
                ))
            }
        }
    }
    if options.out.as_os_str().is_empty() {
        return Err("--out DIR is required".to_owned());
    }
    let start = Instant::now();
    let summary = generator::generate(&options)?;
    println!(
        "{} clients ({} with {} planted defects), {} rows, {} files, {:.1} MiB in {} ({:.2} s)",
        summary.clients,
        summary.defective,
        summary.defects,
        summary.rows,
        summary.files,
        summary.bytes as f64 / (1024.0 * 1024.0),
        options.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag}: `{text}` is not a number"))
}
