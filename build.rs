//! Embeds the built-in policy pack (`policies/*.rego`) and framework catalogs
//! (`frameworks/*.yaml`, `frameworks/mappings/*.yaml`) and srmcheck's knowledge of
//! their controls (`frameworks/knowledge/*.yaml`) in the binary, so that
//! srmcheck works with no files of its own around it.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut out = String::new();
    embed(&mut out, "POLICIES", &root, "policies", "rego");
    embed(&mut out, "FRAMEWORKS", &root, "frameworks", "yaml");
    embed(&mut out, "MAPPINGS", &root, "frameworks/mappings", "yaml");
    embed(&mut out, "KNOWLEDGE", &root, "frameworks/knowledge", "yaml");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// Writes `pub static NAME: &[(&str, &str)]` of (relative path, contents), sorted by path.
fn embed(out: &mut String, name: &str, root: &Path, dir: &str, ext: &str) {
    let folder = root.join(dir);
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    writeln!(out, "pub static {name}: &[(&str, &str)] = &[").unwrap();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(root).expect("files lie under the root");
        let relative = relative.to_string_lossy().replace('\\', "/");
        writeln!(
            out,
            "    ({relative:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}
