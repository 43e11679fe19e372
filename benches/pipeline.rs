//! Micro-benchmarks of the pipeline on one generated client of about 150 rows
//! (ISO/IEC 27001:2022 and CMMC 2.0 Level 2): loading its SRM, loading the
//! provider, and the full check of the client through the library.
//!
//! ```sh
//! cargo bench --bench pipeline
//! ```
#![warn(clippy::too_many_lines)]

#[path = "../examples/generate_portfolio/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use srmcheck::{check as run, CheckOptions, Limits, LoadedFile};

fn main() {
    divan::main();
}

/// A one-client portfolio, written once per process. Seed 3's client is clean
/// (no planted defect), so the check measures the usual path.
fn portfolio() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-pipeline");
        let _ = std::fs::remove_dir_all(&out);
        let summary = generator::generate(&generator::Options {
            clients: 1,
            seed: 3,
            out: out.clone(),
            frameworks: generator::default_frameworks(),
            as_of: generator::DEFAULT_AS_OF.to_owned(),
        })
        .expect("the portfolio is generated");
        assert_eq!(summary.defective, 0, "the benchmarked client is clean");
        out
    })
}

fn srm() -> PathBuf {
    let clients = portfolio().join("clients");
    let client = std::fs::read_dir(&clients)
        .expect("the clients folder")
        .next()
        .expect("one client")
        .expect("a folder entry");
    client.path().join("srm.yaml")
}

#[divan::bench]
fn load_srm(bencher: divan::Bencher) {
    let path = srm();
    bencher.bench(|| LoadedFile::read(divan::black_box(&path), &Limits::default()).expect("loads"));
}

#[divan::bench]
fn load_provider(bencher: divan::Bencher) {
    let path = portfolio().join("provider.yaml");
    bencher.bench(|| LoadedFile::read(divan::black_box(&path), &Limits::default()).expect("loads"));
}

/// Policy pack compilation, catalogs, resolution and evaluation of one client.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn check_client(bencher: divan::Bencher) {
    let options = CheckOptions {
        paths: vec![srm()],
        include: Vec::new(),
        exclude: Vec::new(),
        config_file: None,
        stdin_name: None,
        policy_dirs: Vec::new(),
        framework_dirs: Vec::new(),
        as_of: generator::DEFAULT_AS_OF.parse().expect("a date"),
        severities: Vec::new(),
        shard: None,
        reference_folders: Vec::new(),
        cache: None,
    };
    bencher.bench(|| {
        let report = run(&options).expect("the check runs");
        assert!(report.errors.is_empty() && report.findings().next().is_none());
        report
    });
}
