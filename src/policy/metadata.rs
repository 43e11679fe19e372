//! OPA-style `# METADATA` annotations, read from the policy text (regorus drops comments).
//!
//! A METADATA block is a run of comment lines that starts with `# METADATA`;
//! the rest of the run, with the leading `#` and one space removed, is YAML.
//! The block that directly precedes the `package` line describes the rule.

use std::sync::Arc;

use serde::Deserialize;

use super::error::PolicyError;
use crate::located::Located;
use crate::rule::{Rule, RuleScope};
use crate::severity::Severity;
use crate::source::{SourceFile, Span};

#[derive(Deserialize)]
struct Annotations {
    title: Option<String>,
    description: Option<String>,
    custom: Option<Custom>,
}

#[derive(Deserialize)]
struct Custom {
    id: Option<String>,
    severity: Option<Severity>,
    remediation: Option<String>,
    #[serde(default)]
    frameworks: Vec<String>,
}

/// The package of a policy file and where its declaration starts.
pub fn package(file: &SourceFile) -> Option<(String, usize)> {
    let mut offset = 0;
    for line in file.text().split_inclusive('\n') {
        if let Some(rest) = line.trim_start().strip_prefix("package ") {
            let name = rest.split('#').next().unwrap_or("").trim();
            return Some((name.to_owned(), offset));
        }
        offset += line.len();
    }
    None
}

/// Reads the rule a policy file describes in the METADATA block before its package.
pub fn rule(
    file: &Arc<SourceFile>,
    package: &str,
    package_at: usize,
    scope: RuleScope,
) -> Result<Rule, PolicyError> {
    let at = |span: Span, message: String, hint: &str| {
        PolicyError::Invalid(Box::new(Located::new(file, span, message).with_hint(hint)))
    };
    let package_line = file.position(package_at).line;
    let package_span = Span::new(package_at, package_at + "package".len());
    let block = metadata_block(file, package_line).ok_or_else(|| {
        at(
            package_span,
            format!("package `{package}` has no METADATA block"),
            "open the file with a `# METADATA` comment block giving title, description, custom.id and custom.severity",
        )
    })?;
    let annotations: Annotations = serde_yaml::from_str(&block.yaml).map_err(|e| {
        let line = block.first_line + e.location().map_or(0, |l| l.line() - 1);
        let offset = file
            .line_starts()
            .get(line - 1)
            .copied()
            .unwrap_or(package_at);
        at(
            Span::new(offset, offset + file.line_text(line).len()),
            format!("invalid METADATA: {e}"),
            "METADATA is YAML inside comments; check its indentation",
        )
    })?;
    let block_span = Span::new(block.start, block.start + "# METADATA".len());
    let missing = |what: &str| {
        at(
            block_span,
            format!("METADATA of `{package}` has no `{what}`"),
            "every rule needs title, description, custom.id and custom.severity",
        )
    };
    let custom = annotations.custom.ok_or_else(|| missing("custom"))?;
    Ok(Rule {
        id: custom.id.ok_or_else(|| missing("custom.id"))?,
        title: annotations.title.ok_or_else(|| missing("title"))?,
        description: annotations
            .description
            .ok_or_else(|| missing("description"))?,
        severity: custom.severity.ok_or_else(|| missing("custom.severity"))?,
        remediation: custom.remediation.unwrap_or_default(),
        frameworks: custom.frameworks,
        package: package.to_owned(),
        file: Arc::clone(file),
        scope,
    })
}

struct Block {
    /// Byte offset of the `# METADATA` line.
    start: usize,
    /// 1-based line of the first YAML line.
    first_line: usize,
    yaml: String,
}

/// The METADATA block whose comment run ends right above `package_line`.
fn metadata_block(file: &SourceFile, package_line: usize) -> Option<Block> {
    let mut first = package_line;
    while first > 1 && file.line_text(first - 1).trim_start().starts_with('#') {
        first -= 1;
    }
    let header = (first..package_line).find(|&l| file.line_text(l).trim() == "# METADATA")?;
    let yaml = (header + 1..package_line)
        .map(|l| {
            let text = file.line_text(l).trim_start();
            let text = text.strip_prefix('#').unwrap_or(text);
            text.strip_prefix(' ').unwrap_or(text)
        })
        .collect::<Vec<_>>()
        .join("\n");
    Some(Block {
        start: file.line_starts()[header - 1],
        first_line: header + 1,
        yaml,
    })
}
