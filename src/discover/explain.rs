//! Why a run found nothing to check: which patterns matched nothing, or
//! that the folders hold no YAML.

use std::path::Path;

use super::walk::WalkStats;
use super::{DiscoverError, Patterns, DEFAULT_INCLUDE};
use crate::source::display_name;

/// Nothing found by any walk (and nothing named).
pub(crate) fn nothing_found(walks: &[WalkStats], patterns: &Patterns) -> DiscoverError {
    let roots = roots(walks);
    let yaml: usize = walks.iter().map(|w| w.yaml).sum();
    let included: usize = walks.iter().map(|w| w.included).sum();
    let custom = !patterns.include.is_empty();
    if included == 0 && !custom {
        return DiscoverError::NothingFound {
            message: format!("no SRM found: {roots} {} no YAML file", verb(walks)),
            hint: "pass the folders that hold the SRMs (`.yaml` and `.yml` files); hidden \
                   folders, `target` and files ignored by `.ignore` or, in a git work tree, \
                   `.gitignore` are skipped"
                .to_owned(),
        };
    }
    if included == 0 {
        let example = match walks.iter().find_map(|w| w.example.as_deref()) {
            Some(example) => format!(", such as `{}`", shown(example)),
            None => String::new(),
        };
        return DiscoverError::NothingFound {
            message: format!("no SRM found: no file under {roots} matches the include patterns"),
            hint: format!(
                "{} matched none of the {yaml} YAML files there{example}; {}",
                listed("include", &patterns.include),
                relative_to(patterns),
            ),
        };
    }
    let exclude: Vec<String> = patterns_that(true, walks, |w| &w.exclude_hits, &patterns.exclude);
    DiscoverError::NothingFound {
        message: format!("no SRM found: the exclude patterns leave out every file under {roots}"),
        hint: format!(
            "{} left out {} the include patterns matched; {}",
            listed("exclude", &exclude),
            counted(included),
            relative_to(patterns),
        ),
    }
}

/// Files found, none of them holding an SRM.
pub(crate) fn no_srm(files: usize, walks: &[WalkStats], patterns: &Patterns) -> DiscoverError {
    let mut hint = "an SRM is a YAML document with `apiVersion: srmcheck/v1` and `kind: \
                    ResponsibilityMatrix`; other YAML is ignored"
        .to_owned();
    let include = if patterns.include.is_empty() {
        Vec::new()
    } else {
        patterns_that(false, walks, |w| &w.include_hits, &patterns.include)
    };
    if !include.is_empty() {
        hint.push_str(&format!(
            "; {} matched nothing ({})",
            listed("include", &include),
            relative_to(patterns)
        ));
    }
    DiscoverError::NothingFound {
        message: format!(
            "no SRM found: {} found under {} {} no ResponsibilityMatrix",
            counted(files),
            roots(walks),
            if files == 1 { "holds" } else { "hold" }
        ),
        hint,
    }
}

/// The patterns that matched at least one file in some walk (`matched`), or
/// those that matched none in any walk.
fn patterns_that(
    matched: bool,
    walks: &[WalkStats],
    hits: fn(&WalkStats) -> &Vec<usize>,
    patterns: &[String],
) -> Vec<String> {
    patterns
        .iter()
        .enumerate()
        .filter(|(i, _)| walks.iter().any(|w| hits(w)[*i] > 0) == matched)
        .map(|(_, p)| p.clone())
        .collect()
}

/// `include patterns `a`, `b``, naming a single one as such.
fn listed(what: &str, patterns: &[String]) -> String {
    let quoted: Vec<String> = match patterns.is_empty() {
        true => DEFAULT_INCLUDE.iter().map(|p| format!("`{p}`")).collect(),
        false => patterns.iter().map(|p| format!("`{p}`")).collect(),
    };
    let noun = if quoted.len() == 1 {
        "pattern"
    } else {
        "patterns"
    };
    format!("the {what} {noun} {}", quoted.join(", "))
}

/// Where the patterns come from and what they are relative to.
fn relative_to(patterns: &Patterns) -> String {
    match &patterns.file {
        Some(file) => {
            let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
            format!(
                "the patterns of {} are relative to its folder (`{}`)",
                display_name(file),
                display_name(folder.unwrap_or(Path::new(".")))
            )
        }
        None => "the patterns are relative to the working directory".to_owned(),
    }
}

/// `the 1 file`, `all 3 files`.
fn counted(files: usize) -> String {
    match files {
        1 => "the 1 file".to_owned(),
        n => format!("all {n} files"),
    }
}

fn roots(walks: &[WalkStats]) -> String {
    let names: Vec<String> = walks
        .iter()
        .map(|w| format!("`{}`", display_name(&w.root)))
        .collect();
    names.join(", ")
}

fn verb(walks: &[WalkStats]) -> &'static str {
    if walks.len() == 1 {
        "holds"
    } else {
        "hold"
    }
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
