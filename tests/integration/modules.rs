//! The crate's structure: no top-level module of `src/` reaches, through the
//! others, back to itself. Dependencies point one way, down the pipeline
//! (model and yaml -> load -> catalog -> import/init/diff -> resolve -> policy ->
//! check -> output/report -> export -> cli; `model`, the document types, depends on nothing),
//! and the modules beside it take part in no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Each top-level module of `src/` and the top-level modules its files name
/// (`crate::x`, `crate::{x, y}`, and `super::x` in a file directly in `src/`).
fn graph(src: &Path) -> Graph {
    let mut graph = Graph::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || name == "main" {
            continue;
        }
        let mut uses = BTreeSet::new();
        for file in rust_files(&path) {
            let text = std::fs::read_to_string(&file).unwrap();
            references(&text, "crate::", &mut uses);
            if path.is_file() {
                references(&text, "super::", &mut uses);
            }
        }
        uses.remove(&name);
        graph.insert(name, uses);
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|m| modules.contains(m));
    }
    graph
}

fn rust_files(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return match path.extension().is_some_and(|e| e == "rs") {
            true => vec![path.to_owned()],
            false => Vec::new(),
        };
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        files.extend(rust_files(&entry.unwrap().path()));
    }
    files
}

/// The first path segments after each `prefix` in `text`.
fn references(text: &str, prefix: &str, uses: &mut BTreeSet<String>) {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices(prefix) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &text[at + prefix.len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for item in group.split(',') {
                    uses.insert(ident(item.trim()));
                }
            }
            None => {
                uses.insert(ident(rest));
            }
        }
    }
}

/// A cycle of the graph, as the modules along it, when there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &Graph,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_owned(), Mark::Open);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next.as_str()).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let start = path.iter().position(|m| m == next).unwrap();
                    let mut found = path[start..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Mark::New => {
                    if let Some(found) = visit(next, graph, marks, path) {
                        return Some(found);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(found) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

#[test]
fn no_cycle_between_top_level_modules() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.contains_key("check") && graph["cli"].contains("check"));
    if let Some(found) = cycle(&graph) {
        panic!("top-level modules in a cycle: {}", found.join(" -> "));
    }
}

#[test]
fn the_pipeline_points_down() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let pipeline = [
        "model", "yaml", "load", "catalog", "import", "init", "diff", "resolve", "policy", "check",
        "output", "report", "export", "cli",
    ];
    for (i, module) in pipeline.iter().enumerate() {
        let later = &pipeline[i + 1..];
        let up: Vec<&&str> = later
            .iter()
            .filter(|m| graph[*module].contains(**m))
            .filter(|m| !(*module == "output" && **m == "report"))
            .collect();
        assert!(
            up.is_empty(),
            "`{module}` uses {up:?}, later in the pipeline"
        );
    }
}

#[test]
fn the_cycle_finder_finds_cycles_and_only_cycles() {
    let graph = |edges: &[(&str, &str)]| {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
            graph.entry(to.to_string()).or_default();
        }
        graph
    };
    let dag = graph(&[("a", "b"), ("b", "c"), ("a", "c")]);
    assert_eq!(cycle(&dag), None);
    let looped = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
    assert_eq!(
        cycle(&looped),
        Some(
            vec!["a", "b", "c", "a"]
                .into_iter()
                .map(String::from)
                .collect()
        )
    );
    let mut uses = BTreeSet::new();
    references(
        "use crate::{load::X, policy};\nlet a = crate::yaml::f(); self::crate::no",
        "crate::",
        &mut uses,
    );
    assert_eq!(
        uses.into_iter().collect::<Vec<_>>(),
        ["load", "policy", "yaml"]
    );
}

/// The ids of the built-in rules, from their METADATA (`#   id: ...`).
fn rule_ids(policies: &Path) -> Vec<String> {
    rust_like_files(policies, "rego")
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            text.lines()
                .filter_map(|line| line.trim_start_matches('#').trim().strip_prefix("id: "))
                .map(|id| id.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn rust_like_files(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_like_files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
    files
}

/// A rule's knowledge lives in its Rego file: no Rust source outside the
/// tests names a built-in rule.
#[test]
fn no_rust_source_names_a_built_in_rule() {
    let root = crate::harness::root();
    let ids = rule_ids(&root.join("policies"));
    assert!(ids.len() >= 20, "{ids:?}");
    let mut files = vec![root.join("build.rs")];
    for dir in ["src", "examples", "benches"] {
        files.extend(rust_like_files(&root.join(dir), "rs"));
    }
    let mut named = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for id in ids.iter().filter(|id| text.contains(&format!("\"{id}\""))) {
            named.push(format!("{}: {id}", file.display()));
        }
    }
    assert!(named.is_empty(), "{}", named.join("\n"));
}

/// Files stay small enough to read in one sitting.
#[test]
fn no_source_file_is_over_600_lines() {
    let root = crate::harness::root();
    let mut long = Vec::new();
    for dir in ["src", "examples", "benches"] {
        for file in rust_like_files(&root.join(dir), "rs") {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            if lines > 600 {
                long.push(format!("{}: {lines} lines", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}
