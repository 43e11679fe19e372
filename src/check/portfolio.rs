//! The portfolio rules: each MSSP's clients in the run, taken together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::finding::Finding;
use crate::load::LoadedFile;
use crate::policy::{PolicyEngine, PortfolioClient};
use crate::problem::{Code, Problem};
use crate::resolve::NodeRef;

/// An SRM that could not be checked, and the provider file it names: the
/// portfolio rules of that provider run without it.
#[derive(Debug, Clone)]
pub struct MissingClient {
    /// The provider's file, as the loader reads it (relative to the SRM).
    pub provider: PathBuf,
    /// The SRM's name, or its file when it has none.
    pub client: String,
}

impl MissingClient {
    /// The provider that SRM document `index` of `file` names, when it names one.
    pub fn of(file: &LoadedFile, index: usize) -> Option<MissingClient> {
        let node = &file.documents.get(index)?.node;
        let provider = node.pointer("/spec/provider").node.as_str()?;
        let base = file.source.path().parent().unwrap_or(Path::new("."));
        let client = match node.pointer("/metadata/name").node.as_str() {
            Some(name) => format!("`{name}` ({})", file.source.name()),
            None => file.source.name().to_owned(),
        };
        Some(MissingClient {
            provider: base.join(provider),
            client,
        })
    }
}

/// What the portfolio rules said of a run's providers.
#[derive(Debug, Default)]
pub struct Portfolio {
    /// Their findings, on the providers' files, by place.
    pub findings: Vec<Finding>,
    /// Providers some of whose clients could not be checked, and
    /// evaluations that failed.
    pub problems: Vec<Problem>,
    /// The `facts` of the portfolio libraries, per provider.
    pub providers: Vec<ProviderFacts>,
}

/// What the portfolio libraries work out for one provider (`lib.portfolio`:
/// the MSSP's hours against its capacity), for the evidence report.
#[derive(Debug, Clone)]
pub struct ProviderFacts {
    /// The provider's file, as shown.
    pub file: String,
    /// The provider's `metadata.name`.
    pub name: String,
    /// By package below `srmcheck.`.
    pub facts: BTreeMap<String, serde_json::Value>,
}

/// Evaluates the portfolio rules once per provider file, with the clients
/// that name it, in a fixed order. A provider some of whose clients are
/// `missing` gets a problem naming them: its totals leave them out.
pub fn check(
    engine: &PolicyEngine,
    clients: Vec<(NodeRef, PortfolioClient)>,
    missing: &[MissingClient],
) -> Portfolio {
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
    let mut portfolio = Portfolio::default();
    for (provider, mut clients) in by_provider.into_values() {
        clients.sort_by(|a, b| a.name.cmp(&b.name));
        portfolio.problems.extend(incomplete(&provider, missing));
        let evaluation = match engine.evaluate_portfolio(&provider, &clients) {
            Ok(evaluation) => evaluation,
            Err(error) => {
                portfolio.problems.push(error.problem());
                continue;
            }
        };
        let name = provider_name(&provider.file, provider.document);
        for outcome in evaluation.outcomes {
            for violation in outcome.violations {
                let rest = violation.pointer.strip_prefix("/provider").unwrap_or("");
                let place = (provider.source().clone(), provider.span(rest));
                let finding = Finding::new(&outcome.rule, violation, &name, place, false);
                portfolio.findings.push(finding);
            }
        }
        portfolio.providers.push(ProviderFacts {
            file: provider.source().name().to_owned(),
            name,
            facts: evaluation.facts,
        });
    }
    portfolio.findings.sort_by(Finding::cmp_place);
    portfolio
}

fn provider_name(file: &LoadedFile, document: usize) -> String {
    file.documents
        .get(document)
        .and_then(|d| d.node.pointer("/metadata/name").node.as_str())
        .unwrap_or("provider")
        .to_owned()
}

/// The problem of a provider whose portfolio rules run without some clients.
fn incomplete(provider: &NodeRef, missing: &[MissingClient]) -> Option<Problem> {
    let path = provider.source().path();
    let mut names: Vec<&str> = missing
        .iter()
        .filter(|m| same_file(&m.provider, path))
        .map(|m| m.client.as_str())
        .collect();
    if names.is_empty() {
        return None;
    }
    names.sort_unstable();
    names.dedup();
    let name = provider_name(&provider.file, provider.document);
    let at = NodeRef::new(&provider.file, provider.document, "/metadata/name");
    let message = format!(
        "the portfolio rules of `{name}` ran without {} of its clients, which could not be checked: {}",
        names.len(),
        names.join(", ")
    );
    let hint = "fix the problems of those SRMs: until then the portfolio totals leave them out";
    Some(
        Problem::at(
            Code::IncompletePortfolio,
            provider.source(),
            at.span(""),
            message,
        )
        .with_hint(Some(hint.to_owned())),
    )
}

/// Whether two paths name one file (`a/../p.yaml` and `p.yaml` do).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}
