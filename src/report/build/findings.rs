//! Findings grouped by rule, most severe rules first.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::finding::Finding;
use crate::report::model::{FindingItem, RuleFindings};
use crate::rule::Rule;
use crate::severity::Severity;

/// A rule and its findings.
type Group<'a> = (Arc<Rule>, Vec<&'a Finding>);

/// The findings by rule: errors first, then warnings and infos, by rule id
/// within a severity; findings in the order given (by place).
pub fn by_rule(findings: &[Finding]) -> Vec<RuleFindings> {
    let mut groups: BTreeMap<(Reverse<Severity>, &str), Group> = BTreeMap::new();
    for finding in findings {
        groups
            .entry((Reverse(finding.severity), finding.rule.id.as_str()))
            .or_insert_with(|| (Arc::clone(&finding.rule), Vec::new()))
            .1
            .push(finding);
    }
    groups
        .into_iter()
        .map(|((severity, _), (rule, findings))| RuleFindings {
            id: rule.id.clone(),
            title: rule.title.clone(),
            severity: severity.0.as_str().to_owned(),
            description: rule.description.clone(),
            remediation: rule.remediation.clone(),
            count: findings.iter().filter(|f| !f.excepted).count(),
            findings: findings.into_iter().map(item).collect(),
        })
        .collect()
}

fn item(finding: &Finding) -> FindingItem {
    let position = finding.position();
    FindingItem {
        message: finding.message.clone(),
        file: crate::report::paths::normal(finding.file.name()),
        line: position.line,
        column: position.column,
        excepted: finding.excepted,
        control: finding
            .control
            .as_ref()
            .map(|(framework, control)| format!("{framework} {control}")),
    }
}
