//! A cache entry as stored: one SRM file's results, with the hashes it is
//! valid for.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::policy::Place;
use crate::rule::Rule;
use crate::severity::Severity;
use crate::source::{SourceFile, Span};

/// One SRM file's results and what they depend on.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedFile {
    pub format: u32,
    pub tool: String,
    /// The global key, in hex.
    pub key: String,
    /// The SRM file's path, as checked.
    pub path: PathBuf,
    /// The hash of its text, in hex.
    pub hash: String,
    /// The other files its check loaded.
    pub dependencies: Vec<Dependency>,
    /// Its SRM documents, in document order.
    pub srms: Vec<CachedSrm>,
}

/// A file a result depends on, and the hash of its text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dependency {
    pub path: PathBuf,
    pub hash: String,
}

/// One SRM checked.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedSrm {
    pub name: String,
    pub file: String,
    pub findings: Vec<CachedFinding>,
    pub assessments: BTreeMap<String, serde_json::Value>,
    pub facts: BTreeMap<String, serde_json::Value>,
    /// The provider's file as loaded, and its document.
    pub provider: PathBuf,
    pub provider_document: usize,
    pub mssp_effort: f64,
}

/// A finding, with the lines it shows.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedFinding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub pointer: String,
    pub srm: String,
    pub excepted: bool,
    pub control: Option<(String, String)>,
    pub start: usize,
    pub end: usize,
    pub source: Excerpt,
}

/// The excerpt of a file a finding keeps (see [`SourceFile::excerpt`]).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Excerpt {
    pub path: PathBuf,
    pub name: String,
    pub text: String,
    pub base: usize,
    pub lines_before: usize,
}

impl CachedFinding {
    pub fn of(finding: &Finding) -> Self {
        let file = &finding.file;
        CachedFinding {
            rule: finding.rule.id.clone(),
            severity: finding.severity,
            message: finding.message.clone(),
            pointer: finding.pointer.clone(),
            srm: finding.srm.clone(),
            excepted: finding.excepted,
            control: finding.control.clone(),
            start: finding.span.start,
            end: finding.span.end,
            source: Excerpt {
                path: file.path().to_path_buf(),
                name: file.name().to_owned(),
                text: file.text().to_owned(),
                base: file.base(),
                lines_before: file.lines_before(),
            },
        }
    }

    /// The finding back, its rule from `rules`; `None` when the rule is not
    /// there or the span does not lie in the excerpt (not an entry this
    /// version wrote).
    pub fn finding(self, rules: &HashMap<&str, &Arc<Rule>>) -> Option<Finding> {
        let rule = Arc::clone(rules.get(self.rule.as_str())?);
        let source = self.source;
        let inside = source.base <= self.start
            && self.start <= self.end
            && self.end <= source.base.checked_add(source.text.len())?
            && source.text.is_char_boundary(self.start - source.base)
            && source.text.is_char_boundary(self.end - source.base);
        if !inside {
            return None;
        }
        let file = SourceFile::from_excerpt(
            source.path,
            source.name,
            source.text,
            source.base,
            source.lines_before,
        );
        Some(Finding {
            rule,
            severity: self.severity,
            message: self.message,
            place: Place::parse(&self.pointer),
            pointer: self.pointer,
            srm: self.srm,
            file: Arc::new(file),
            span: Span::new(self.start, self.end),
            excepted: self.excepted,
            control: self.control,
        })
    }
}
