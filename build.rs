//! Embeds the built-in policy pack (`policies/*.rego`) and framework catalogs
//! (`frameworks/*.yaml`, `frameworks/mappings/*.yaml`) and srmcheck's knowledge of
//! their controls (`frameworks/knowledge/*.yaml`) in the binary, so that
//! srmcheck works with no files of its own around it. The rule fixtures'
//! failing and passing SRMs come along as `srmcheck explain` examples.
#![warn(clippy::too_many_lines)]

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
    embed_examples(&mut out, &root);
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

/// Writes `pub static EXAMPLES: &[(&str, &str, &str)]` of (rule id, failing SRM,
/// passing SRM) from `fixtures/rules/<rule id>/{fire,pass}/srm.yaml`.
fn embed_examples(out: &mut String, root: &Path) {
    let folder = root.join("fixtures/rules");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut ids: Vec<String> = fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| {
                    e.path().join("fire/srm.yaml").is_file()
                        && e.path().join("pass/srm.yaml").is_file()
                })
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    writeln!(out, "pub static EXAMPLES: &[(&str, &str, &str)] = &[").unwrap();
    for id in ids {
        let fire = folder.join(&id).join("fire/srm.yaml");
        let pass = folder.join(&id).join("pass/srm.yaml");
        println!("cargo:rerun-if-changed={}", fire.display());
        println!("cargo:rerun-if-changed={}", pass.display());
        writeln!(
            out,
            "    ({id:?}, include_str!({:?}), include_str!({:?})),",
            fire.display().to_string(),
            pass.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}
