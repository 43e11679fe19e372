//! What the pack is checked for before regorus evaluates it: builtins whose
//! result differs from run to run, rules that depend on themselves (which
//! regorus would evaluate until its stack overflows), and chains of rule
//! references deeper than evaluation can follow. Each is a located error,
//! as OPA's compiler gives.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::error::PolicyError;
use super::lexer::{tokens, Token};
use super::pack::PolicyPack;
use crate::located::Located;
use crate::source::{SourceFile, Span};

/// Longest chain of rule references a pack may have: deeper chains are
/// refused rather than risk the evaluating thread's stack.
pub(super) const MAX_RULE_DEPTH: usize = 64;

/// Builtins refused because the same inputs would not give the same output.
const NONDETERMINISTIC: [(&str, &str); 6] = [
    (
        "time.now_ns",
        "the date a policy judges by is `input.asOf` (from --as-of)",
    ),
    ("rand.intn", "a policy's result must follow from its input"),
    (
        "uuid.rfc4122",
        "a policy's result must follow from its input",
    ),
    (
        "opa.runtime",
        "a policy's result must follow from its input",
    ),
    ("http.send", "a policy's result must follow from its input"),
    (
        "net.lookup_ip_addr",
        "a policy's result must follow from its input",
    ),
];

const KEYWORDS: [&str; 16] = [
    "if", "contains", "else", "not", "some", "every", "in", "with", "as", "true", "false", "null",
    "input", "data", "default", "import",
];

/// One rule (all the definitions of one name in one package).
struct RuleNode {
    file: Arc<SourceFile>,
    /// Where its first definition's name is.
    span: Span,
    path: String,
    /// The rules its definitions refer to, by path.
    refs: BTreeSet<String>,
}

/// Refuses nondeterministic builtins, recursion and too deep chains.
pub(super) fn check(pack: &PolicyPack) -> Result<(), PolicyError> {
    let packages: BTreeSet<&str> = pack.files.iter().map(|f| f.package.as_str()).collect();
    let mut nodes: BTreeMap<String, RuleNode> = BTreeMap::new();
    for file in &pack.files {
        let tokens = tokens(file.source.text());
        nondeterministic(&file.source, &tokens)?;
        for node in rules(&file.source, &file.package, &tokens, &packages) {
            match nodes.get_mut(&node.path) {
                Some(known) => known.refs.extend(node.refs),
                None => {
                    nodes.insert(node.path.clone(), node);
                }
            }
        }
    }
    walk(&nodes)
}

fn located(file: &Arc<SourceFile>, span: Span, message: String, hint: &str) -> PolicyError {
    PolicyError::Invalid(Box::new(Located::new(file, span, message).with_hint(hint)))
}

fn span_of(token: &Token<'_>) -> Span {
    Span::new(token.at, token.at + token.text.len())
}

/// The first call of a nondeterministic builtin, as an error.
fn nondeterministic(file: &Arc<SourceFile>, tokens: &[Token<'_>]) -> Result<(), PolicyError> {
    for pair in tokens.windows(2) {
        let (call, next) = (&pair[0], &pair[1]);
        if !call.name || next.text != "(" {
            continue;
        }
        if let Some((name, why)) = NONDETERMINISTIC.iter().find(|(n, _)| *n == call.text) {
            let message = format!(
                "`{name}` gives a different result from run to run: srmcheck's output must be the same for the same inputs and --as-of"
            );
            return Err(located(file, span_of(call), message, why));
        }
    }
    Ok(())
}

/// Whether the token starts a rule: a name at the start of a line, outside
/// any bracket, that is not a keyword.
fn starts_rule(token: &Token<'_>) -> bool {
    token.name
        && token.line_start
        && token.depth == 0
        && !matches!(token.text, "package" | "import" | "else")
}

/// The rules of one file with the rules they refer to.
fn rules(
    file: &Arc<SourceFile>,
    package: &str,
    tokens: &[Token<'_>],
    packages: &BTreeSet<&str>,
) -> Vec<RuleNode> {
    let aliases = imports(tokens);
    let starts: Vec<usize> = (0..tokens.len())
        .filter(|&i| starts_rule(&tokens[i]))
        .collect();
    let mut nodes = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(tokens.len());
        let mut head = start;
        if tokens[head].text == "default" && head + 1 < end {
            head += 1;
        }
        let name = tokens[head].text.split('.').next().unwrap_or_default();
        let region = &tokens[head + 1..end];
        let locals = locals(region);
        let refs = region
            .iter()
            .enumerate()
            .filter(|&(i, t)| t.name && (i == 0 || region[i - 1].text != "."))
            .filter_map(|(_, t)| {
                let first = t.text.split('.').next().unwrap_or_default();
                if locals.contains(first) || KEYWORDS.contains(&first) && first != "data" {
                    return None;
                }
                let full = match aliases.get(first) {
                    Some(path) => format!("{path}{}", &t.text[first.len()..]),
                    None if first == "data" => t.text.to_owned(),
                    None => format!("data.{package}.{}", t.text),
                };
                resolve(&full, packages)
            })
            .collect();
        nodes.push(RuleNode {
            file: Arc::clone(file),
            span: span_of(&tokens[head]),
            path: format!("data.{package}.{name}"),
            refs,
        });
    }
    // A name that is not a rule of the package is a builtin or a variable.
    let defined: BTreeSet<String> = nodes.iter().map(|n| n.path.clone()).collect();
    let prefix = format!("data.{package}.");
    for node in &mut nodes {
        node.refs
            .retain(|r| !r.starts_with(&prefix) || defined.contains(r));
    }
    nodes
}

/// `alias -> data path` of the file's `import data...` lines.
fn imports(tokens: &[Token<'_>]) -> BTreeMap<String, String> {
    let mut aliases = BTreeMap::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.text != "import" || !token.line_start {
            continue;
        }
        let Some(path) = tokens.get(i + 1).filter(|t| t.text.starts_with("data.")) else {
            continue;
        };
        let alias = match (tokens.get(i + 2), tokens.get(i + 3)) {
            (Some(a), Some(name)) if a.text == "as" && !a.line_start => name.text,
            _ => path.text.rsplit('.').next().unwrap_or_default(),
        };
        aliases.insert(alias.to_owned(), path.text.to_owned());
    }
    aliases
}

/// The variables a rule binds: its arguments and keys (in its head's
/// brackets, or after `contains`), names assigned with `:=`, and the names
/// after `some` and `every`.
fn locals<'a>(region: &[Token<'a>]) -> BTreeSet<&'a str> {
    let mut locals = BTreeSet::new();
    let head_depth = region.first().map_or(0, |t| t.depth);
    let mut in_head = region.first().is_some_and(|t| matches!(t.text, "(" | "["));
    let mut binding = false;
    for (i, token) in region.iter().enumerate() {
        if in_head && i > 0 && token.depth == head_depth && matches!(token.text, ")" | "]") {
            in_head = false;
        }
        let ends = matches!(token.text, "in" | "|" | "{" | "}" | ":=" | "=" | ";" | "if");
        if token.first_on_line || ends {
            binding = false;
        }
        if matches!(token.text, "some" | "every") {
            binding = true;
            continue;
        }
        let next = region.get(i + 1).map(|t| t.text);
        let previous = i.checked_sub(1).map(|p| region[p].text);
        let assigned = next == Some(":=") && previous != Some(".");
        let keyed = previous == Some("contains") && i == 1;
        if token.name && (in_head || assigned || binding || keyed) {
            locals.insert(token.text.split('.').next().unwrap_or_default());
        }
    }
    locals
}

/// The rule a full reference names: the longest package it starts with, and
/// the name after it.
fn resolve(full: &str, packages: &BTreeSet<&str>) -> Option<String> {
    let rest = full.strip_prefix("data.")?;
    packages
        .iter()
        .filter_map(|package| {
            let after = rest.strip_prefix(package)?.strip_prefix('.')?;
            let name = after.split('.').next().filter(|n| !n.is_empty())?;
            Some((package.len(), format!("data.{package}.{name}")))
        })
        .max()
        .map(|(_, path)| path)
}

/// Depth-first over the reference graph, without recursion of its own: the
/// first cycle found, or the first chain deeper than [`MAX_RULE_DEPTH`].
fn walk(nodes: &BTreeMap<String, RuleNode>) -> Result<(), PolicyError> {
    // 0: unseen, 1: on the path, 2: done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    for root in nodes.keys() {
        if state.get(root.as_str()).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path: Vec<(&str, Vec<&str>)> = vec![(root, successors(nodes, root))];
        state.insert(root, 1);
        while let Some((node, pending)) = path.last_mut() {
            let node = *node;
            let Some(next) = pending.pop() else {
                let deepest = successors(nodes, node)
                    .iter()
                    .map(|s| depth.get(s).copied().unwrap_or(0))
                    .max()
                    .unwrap_or(0);
                depth.insert(node, deepest + 1);
                if deepest + 1 > MAX_RULE_DEPTH {
                    return Err(too_deep(&nodes[node], deepest + 1));
                }
                state.insert(node, 2);
                path.pop();
                continue;
            };
            match state.get(next).copied().unwrap_or(0) {
                0 => {
                    state.insert(next, 1);
                    path.push((next, successors(nodes, next)));
                }
                1 => {
                    let from = path.iter().position(|(n, _)| *n == next).unwrap_or(0);
                    let mut chain: Vec<&str> = path[from..].iter().map(|(n, _)| *n).collect();
                    chain.push(next);
                    return Err(recursive(&nodes[next], &chain));
                }
                _ => (),
            }
        }
    }
    Ok(())
}

/// The rules `node` refers to, last first (they are popped).
fn successors<'a>(nodes: &'a BTreeMap<String, RuleNode>, node: &str) -> Vec<&'a str> {
    let mut next: Vec<&str> = nodes[node]
        .refs
        .iter()
        .filter_map(|r| nodes.get_key_value(r.as_str()).map(|(k, _)| k.as_str()))
        .collect();
    next.reverse();
    next
}

fn recursive(node: &RuleNode, chain: &[&str]) -> PolicyError {
    let message = format!("rule {} is recursive: {}", node.path, chain.join(" -> "));
    let hint = "Rego rules and functions may not depend on themselves: unroll the recursion (a rule per level, or a function per case)";
    located(&node.file, node.span, message, hint)
}

fn too_deep(node: &RuleNode, depth: usize) -> PolicyError {
    let message = format!(
        "rule {} starts a chain of {depth} rules each referring to the next, deeper than the {MAX_RULE_DEPTH} srmcheck evaluates",
        node.path
    );
    located(&node.file, node.span, message, "flatten the chain of rules")
}
