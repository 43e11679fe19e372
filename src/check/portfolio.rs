//! The portfolio rules: each MSSP's clients in the run, taken together.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::finding::Finding;
use crate::policy::{PolicyEngine, PortfolioClient};
use crate::resolve::NodeRef;

/// Evaluates the portfolio rules once per provider file, with the clients
/// that name it, in a fixed order.
pub fn check(
    engine: &PolicyEngine,
    clients: Vec<(NodeRef, PortfolioClient)>,
) -> (Vec<Finding>, Vec<Error>) {
    let mut by_provider: BTreeMap<String, (NodeRef, Vec<PortfolioClient>)> = BTreeMap::new();
    for (provider, client) in clients {
        let key = format!(
            "{}#{}",
            provider.source().path().display(),
            provider.document
        );
        by_provider
            .entry(key)
            .or_insert_with(|| (provider, Vec::new()))
            .1
            .push(client);
    }
    let mut findings = Vec::new();
    let mut errors = Vec::new();
    for (provider, mut clients) in by_provider.into_values() {
        clients.sort_by(|a, b| a.name.cmp(&b.name));
        let outcomes = match engine.evaluate_portfolio(&provider, &clients) {
            Ok(outcomes) => outcomes,
            Err(error) => {
                errors.push(error.into());
                continue;
            }
        };
        let name = provider
            .file
            .documents
            .get(provider.document)
            .and_then(|d| d.node.pointer("/metadata/name").node.as_str())
            .unwrap_or("provider")
            .to_owned();
        for outcome in outcomes {
            for violation in outcome.violations {
                let rest = violation.pointer.strip_prefix("/provider").unwrap_or("");
                let place = (provider.source().clone(), provider.span(rest));
                findings.push(Finding::new(&outcome.rule, violation, &name, place, false));
            }
        }
    }
    findings.sort_by(Finding::cmp_place);
    (findings, errors)
}
