//! The portfolio index, and each client page's place in the report folder.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::check::{CheckReport, ProviderFacts};
use crate::report::model::{
    ClientPage, ClientRow, Counts, IndexPage, PolicyPackHash, Provenance, ProviderClient,
    ProviderLoad, Tool, VERSION,
};
use crate::report::paths::normal;

use super::findings::by_rule;

/// The index of `clients`, whose pages it places at `clients/<name>.<ext>`
/// (names made safe for a file system, and unique).
pub fn index_page(
    check: &CheckReport,
    clients: &mut [ClientPage],
    policy_pack: PolicyPackHash,
    appendix: Provenance,
    ext: &str,
) -> IndexPage {
    let mut taken = BTreeSet::new();
    for page in clients.iter_mut() {
        let stem = unique(file_stem(&page.name), &mut taken);
        page.links.page = format!("clients/{stem}.{ext}");
        page.links.index = format!("../index.{ext}");
    }
    let mut rows: Vec<ClientRow> = clients.iter().map(row).collect();
    rows.sort_by(|a, b| {
        (b.counts.gaps, b.counts.not_capable, b.errors)
            .cmp(&(a.counts.gaps, a.counts.not_capable, a.errors))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.link.cmp(&b.link))
    });
    let mut totals = Counts::default();
    for row in &rows {
        totals.add(&row.counts);
    }
    IndexPage {
        version: VERSION,
        tool: Tool::current(),
        as_of: check.as_of.map(|d| d.to_string()).unwrap_or_default(),
        providers: providers(check, clients),
        clients: rows,
        totals,
        portfolio_findings: by_rule(&check.portfolio),
        vendor_chain: super::chain::vendor_chain(clients),
        problems: check.errors.clone(),
        policy_pack,
        appendix,
    }
}

fn row(page: &ClientPage) -> ClientRow {
    let summary = &page.summary;
    ClientRow {
        name: page.name.clone(),
        title: page.title.clone(),
        link: page.links.page.clone(),
        file: page.file.clone(),
        provider: page.parties.provider.clone(),
        frameworks: page.coverage.iter().map(|f| f.id.clone()).collect(),
        counts: summary.totals,
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        maturity: page.maturity.clone(),
        sprs: page.sprs.as_ref().and_then(|s| s.score),
        last_reviewed: page.review.last_reviewed.clone(),
        review_due: page.review.next_due.clone(),
        review_overdue: page.review.overdue,
        mssp_effort: page.parties.mssp.effort_hours,
    }
}

/// Each provider's capacity against its clients' MSSP hours, by provider
/// file, as the pack works them out (the `lib.portfolio` facts).
fn providers(check: &CheckReport, clients: &[ClientPage]) -> Vec<ProviderLoad> {
    let mut loads: Vec<ProviderLoad> = check
        .providers
        .iter()
        .filter_map(|provider| load(provider, clients))
        .collect();
    loads.sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    loads
}

/// One provider's load, its clients linked to their pages; none when the
/// pack works out no `lib.portfolio` facts or no page names the provider.
fn load(provider: &ProviderFacts, clients: &[ClientPage]) -> Option<ProviderLoad> {
    let file = normal(&provider.file);
    let facts = provider.facts.get("lib.portfolio")?;
    let mut pages: Vec<&ClientPage> = clients
        .iter()
        .filter(|page| page.parties.provider_file == file)
        .filter(|page| page.parties.provider == provider.name)
        .collect();
    let title = pages.first()?.parties.mssp.name.clone();
    let hours = |value: &Value| value.as_f64().unwrap_or(0.0);
    let shares = facts["clients"]
        .as_array()?
        .iter()
        .map(|client| {
            let name = client["name"].as_str().unwrap_or_default();
            // Each page once, for SRMs of one name.
            let link = match pages.iter().position(|page| page.name == name) {
                Some(at) => pages.remove(at).links.page.clone(),
                None => String::new(),
            };
            ProviderClient {
                name: name.to_owned(),
                link,
                mssp_effort: hours(&client["msspEffort"]),
            }
        })
        .collect();
    Some(ProviderLoad {
        name: provider.name.clone(),
        title,
        file,
        capacity_hours: hours(&facts["capacityHours"]),
        mssp_effort: hours(&facts["msspEffort"]),
        load_percent: hours(&facts["loadPercent"]) as u64,
        over_capacity: facts["overCapacity"].as_bool().unwrap_or(false),
        clients: shares,
    })
}

/// A file name from an SRM name: letters, digits, `.` and `-`; anything else
/// becomes `-`.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                true => c,
                false => '-',
            },
        )
        .collect();
    match stem.trim_start_matches('.') {
        "" => "client".to_owned(),
        trimmed => trimmed.to_owned(),
    }
}

/// `stem`, or `stem-2`, `stem-3`... when taken.
fn unique(stem: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = stem.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_ascii_lowercase()) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::{file_stem, unique};
    use std::collections::BTreeSet;

    #[test]
    fn file_names_are_safe_and_unique() {
        assert_eq!(file_stem("acme-manufacturing"), "acme-manufacturing");
        assert_eq!(file_stem("../etc/passwd"), "-etc-passwd");
        assert_eq!(file_stem("a b<c>"), "a-b-c-");
        assert_eq!(file_stem(".."), "client");
        let mut taken = BTreeSet::new();
        assert_eq!(unique("acme".into(), &mut taken), "acme");
        assert_eq!(unique("ACME".into(), &mut taken), "ACME-2");
        assert_eq!(unique("acme".into(), &mut taken), "acme-3");
    }
}
