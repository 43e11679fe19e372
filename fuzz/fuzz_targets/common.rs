//! What the targets share: the input written to a scratch file of this
//! process (srmcheck reads files, as its users give them), and the command
//! line run over it. A run may fail (exit 2 is the point of most inputs); it
//! must not panic, abort or hang.

use std::path::PathBuf;

use clap::Parser;

/// `data` in a scratch file named `name`, in a folder of this process below
/// `target/` (inside the project root, which an SRM's references may not
/// leave).
pub fn scratch(name: &str, data: &[u8]) -> PathBuf {
    let dir = PathBuf::from(format!("target/scratch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, data).expect("the input written");
    path
}

/// `srmcheck ARGS...`, its outcome ignored (the loader target does not use it).
#[allow(dead_code)]
pub fn run(args: &[&str]) {
    let cli =
        srmcheck::Cli::try_parse_from(std::iter::once("srmcheck").chain(args.iter().copied()))
            .expect("the target's arguments parse");
    let _ = srmcheck::run(&cli);
}
