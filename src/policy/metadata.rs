//! OPA-style `# METADATA` annotations, read from the policy text (regorus drops comments).
//!
//! A METADATA block is a run of comment lines that starts with `# METADATA`;
//! the rest of the run, with the leading `#` and one space removed, is YAML,
//! read with srmcheck's own spanned YAML: an unknown key or a wrong type is
//! an error at its line and column in the policy file. The block that
//! directly precedes the `package` line describes the rule.

use std::sync::Arc;

use serde::Deserialize;

use super::error::PolicyError;
use crate::located::Located;
use crate::rule::{Rule, RuleScope};
use crate::severity::Severity;
use crate::source::{SourceFile, Span};
use crate::yaml::{from_node, parse_documents, Limits, YamlError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotations {
    title: Option<String>,
    description: Option<String>,
    custom: Option<Custom>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Custom {
    id: Option<String>,
    severity: Option<Severity>,
    remediation: Option<String>,
    #[serde(default)]
    frameworks: Vec<String>,
    category: Option<String>,
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
    let annotations = block.annotations().map_err(|e| {
        let hint = e.hint.as_deref().unwrap_or(
            "METADATA is YAML inside comments: title, description and custom \
             (id, severity, remediation, frameworks, category)",
        );
        at(
            block.span(e.span),
            format!("invalid METADATA: {}", e.message),
            hint,
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
        category: custom.category,
        package: package.to_owned(),
        file: Arc::clone(file),
        scope,
    })
}

/// A METADATA block: its YAML, and where each YAML line starts in the policy.
struct Block {
    /// Byte offset of the `# METADATA` line.
    start: usize,
    /// The YAML, one line per comment line after the header.
    yaml: SourceFile,
    /// For each YAML line, the byte offset in the policy file where it starts.
    starts: Vec<usize>,
    /// Byte offset of the `package` line: where an error past the YAML points.
    end: usize,
}

impl Block {
    fn annotations(&self) -> Result<Annotations, YamlError> {
        let documents = parse_documents(&self.yaml, &Limits::default())?;
        match documents.first() {
            Some(node) => from_node(node),
            None => Err(YamlError::new(
                Span::new(0, 0),
                "the METADATA block is empty",
            )),
        }
    }

    /// A span of the YAML as a span of the policy file.
    fn span(&self, span: Span) -> Span {
        let start = self.offset(span.start);
        Span::new(start, self.offset(span.end).max(start))
    }

    /// A byte offset of the YAML as a byte offset of the policy file.
    fn offset(&self, offset: usize) -> usize {
        let starts = self.yaml.line_starts();
        let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        match self.starts.get(line) {
            Some(&start) => start + (offset - starts[line]),
            None => self.end,
        }
    }
}

/// The METADATA block whose comment run ends right above `package_line`.
fn metadata_block(file: &SourceFile, package_line: usize) -> Option<Block> {
    let mut first = package_line;
    while first > 1 && file.line_text(first - 1).trim_start().starts_with('#') {
        first -= 1;
    }
    let header = (first..package_line).find(|&l| file.line_text(l).trim() == "# METADATA")?;
    let mut starts = Vec::new();
    let mut lines = Vec::new();
    for line in header + 1..package_line {
        let full = file.line_text(line);
        let text = full.trim_start();
        let text = text.strip_prefix('#').unwrap_or(text);
        let text = text.strip_prefix(' ').unwrap_or(text);
        starts.push(file.line_starts()[line - 1] + (full.len() - text.len()));
        lines.push(text);
    }
    Some(Block {
        start: file.line_starts()[header - 1],
        yaml: SourceFile::new(file.path(), lines.join("\n")),
        starts,
        end: file.line_starts()[package_line - 1],
    })
}
