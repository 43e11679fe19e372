//! Coverage of every in-scope control: its verdict from the pack's capacity
//! judgement (the `lib.capacity` facts), its status from that verdict, the
//! pack's exceptions (the `lib.exceptions` facts) and the findings that name it.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use crate::check::SrmReport;
use crate::finding::Finding;
use crate::model::{AddressableDecision, Responsibility};
use crate::report::model::{ControlCoverage, ControlStatus, FrameworkCoverage, Verdict, ViaRows};
use crate::resolve::{Resolved, Scope, ScopedControl};

/// The METADATA `custom.category` of the rules whose findings say that a
/// control's owner cannot perform it.
const CAPACITY: &str = "capacity";

/// What the pack judged of the SRM's controls.
struct Judged<'a> {
    /// `{framework: {control: verdict}}`.
    verdicts: &'a Value,
    /// The controls a current exception names.
    excepted: HashSet<(&'a str, &'a str)>,
}

impl<'a> Judged<'a> {
    fn of(report: &'a SrmReport) -> Self {
        let fact = |name: &str| report.facts.get(name).unwrap_or(&Value::Null);
        let excepted = fact("lib.exceptions")["excepted"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|pair| Some((pair[0].as_str()?, pair[1].as_str()?)))
            .collect();
        Judged {
            verdicts: fact("lib.capacity"),
            excepted,
        }
    }

    /// The pack's verdict of a control; `no-owner` when it judged none.
    fn verdict(&self, framework: &str, control: &str) -> Verdict {
        match self.verdicts[framework][control].as_str() {
            Some("capable") => Verdict::Capable,
            Some("not-capable") => Verdict::NotCapable,
            _ => Verdict::NoOwner,
        }
    }
}

/// Every selected framework's in-scope controls, in catalog order.
pub fn frameworks(resolved: &Resolved, report: &SrmReport) -> Vec<FrameworkCoverage> {
    let named = by_control(&report.findings);
    let judged = Judged::of(report);
    resolved
        .scopes
        .iter()
        .map(|scope| {
            let id = scope.framework.id();
            let spec = &scope.framework.framework.spec;
            FrameworkCoverage {
                id: id.to_owned(),
                title: spec.title.clone(),
                version: spec.version.clone(),
                selector: selector(scope),
                controls: scope
                    .controls
                    .iter()
                    .map(|control| {
                        let key = (id, scope.framework.controls()[control.index].id.as_str());
                        let findings = named.get(&key).map(Vec::as_slice).unwrap_or_default();
                        control_coverage(resolved, scope, control, findings, &judged)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// `Level 2`, `moderate baseline`, `annex-a`, or nothing.
fn selector(scope: &Scope) -> String {
    let mut parts = Vec::new();
    if let Some(level) = scope.selection.level {
        parts.push(format!("Level {level}"));
    }
    if let Some(baseline) = scope.selection.baseline {
        parts.push(format!("{} baseline", super::name_of(&baseline)));
    }
    if let Some(part) = &scope.selection.part {
        parts.push(part.clone());
    }
    parts.join(", ")
}

/// The findings that name a control: with `framework` and `control` keys, or
/// with a pointer to `/frameworks/<id>/controls/<control>`.
fn by_control(findings: &[Finding]) -> BTreeMap<(&str, &str), Vec<&Finding>> {
    let mut named: BTreeMap<(&str, &str), Vec<&Finding>> = BTreeMap::new();
    for finding in findings {
        let key = match &finding.control {
            Some((framework, control)) => Some((framework.as_str(), control.as_str())),
            None => finding.place.control(),
        };
        if let Some(key) = key {
            named.entry(key).or_default().push(finding);
        }
    }
    named
}

fn control_coverage(
    resolved: &Resolved,
    scope: &Scope,
    control: &ScopedControl,
    findings: &[&Finding],
    judged: &Judged<'_>,
) -> ControlCoverage {
    let catalog = &scope.framework.controls()[control.index];
    let rows = &resolved.matrix.spec.responsibilities;
    let row_ids = |indices: &[usize]| -> Vec<String> {
        indices.iter().map(|&i| rows[i].id.clone()).collect()
    };
    let framework = scope.framework.id();
    let excepted_now = judged.excepted.contains(&(framework, catalog.id.as_str()));
    let verdict = verdict_of(judged.verdict(framework, &catalog.id), findings);
    let status = status_of(verdict, excepted_now, findings);
    ControlCoverage {
        id: catalog.id.clone(),
        title: catalog.title.clone(),
        family: catalog.family.clone(),
        rows: row_ids(&control.rows),
        via: control
            .via
            .iter()
            .filter(|v| !v.rows.is_empty())
            .map(|v| ViaRows {
                framework: v.framework.clone(),
                control: v.control.clone(),
                rows: row_ids(&v.rows),
            })
            .collect(),
        owners: owners_of(resolved, control),
        sla: each_once(resolved, control, |row| {
            row.sla
                .iter()
                .map(|sla| match sla.party.as_deref() {
                    None | Some("mssp") => format!("{}: {}", sla.metric, sla.target),
                    Some(party) => format!("{}: {} ({party})", sla.metric, sla.target),
                })
                .collect()
        }),
        evidence: each_once(resolved, control, |row| {
            row.evidence.iter().map(ToString::to_string).collect()
        }),
        exceptions: control.exceptions.iter().map(|&i| i + 1).collect(),
        decisions: each_once(resolved, control, |row| {
            row.addressable
                .get(&catalog.id)
                .map(AddressableDecision::describe)
                .into_iter()
                .collect()
        }),
        verdict,
        status,
        status_label: status.label().to_owned(),
        rules: rules_of(findings),
    }
}

/// The distinct owners of a control's rows, its own first, then those it is
/// covered through, in row order.
fn owners_of(resolved: &Resolved, control: &ScopedControl) -> Vec<String> {
    let rows = &resolved.matrix.spec.responsibilities;
    let mut owners: Vec<String> = Vec::new();
    let via_rows = control.via.iter().flat_map(|v| &v.rows);
    for &i in control.rows.iter().chain(via_rows) {
        let owner = rows[i].owner_label();
        if !owner.is_empty() && !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    owners
}

/// What `of` gives for each covering row (direct, then via), each once.
fn each_once(
    resolved: &Resolved,
    control: &ScopedControl,
    of: impl Fn(&Responsibility) -> Vec<String>,
) -> Vec<String> {
    let rows = &resolved.matrix.spec.responsibilities;
    let via_rows = control.via.iter().flat_map(|v| &v.rows);
    let mut found: Vec<String> = Vec::new();
    for &i in control.rows.iter().chain(via_rows) {
        for item in of(&rows[i]) {
            if !found.contains(&item) {
                found.push(item);
            }
        }
    }
    found
}

/// Whether a finding says that the control's owner cannot perform it.
fn is_capacity(finding: &Finding) -> bool {
    finding.rule.category.as_deref() == Some(CAPACITY)
}

/// A control's status: uncovered (gap or excepted), then not capable unless
/// excepted, then by its other findings that are not excepted, then excepted
/// or covered.
fn status_of(verdict: Verdict, excepted_now: bool, findings: &[&Finding]) -> ControlStatus {
    let active: Vec<&&Finding> = findings.iter().filter(|f| !f.excepted).collect();
    match verdict {
        Verdict::NoOwner if excepted_now => ControlStatus::Excepted,
        Verdict::NoOwner => ControlStatus::Gap,
        Verdict::NotCapable if excepted_now => ControlStatus::Excepted,
        Verdict::NotCapable => ControlStatus::NotCapable,
        Verdict::Capable if !active.is_empty() => ControlStatus::Finding,
        Verdict::Capable if !findings.is_empty() && excepted_now => ControlStatus::Excepted,
        Verdict::Capable => ControlStatus::Covered,
    }
}

/// The pack's verdict, or `not-capable` when a finding of an organisation's
/// own capacity rule (`custom.category: capacity`) names a covered control.
fn verdict_of(judged: Verdict, findings: &[&Finding]) -> Verdict {
    match judged {
        Verdict::Capable if findings.iter().any(|f| is_capacity(f)) => Verdict::NotCapable,
        other => other,
    }
}

/// The distinct ids of the rules whose findings name a control, in finding order.
fn rules_of(findings: &[&Finding]) -> Vec<String> {
    let mut rules: Vec<String> = Vec::new();
    for finding in findings {
        if !rules.contains(&finding.rule.id) {
            rules.push(finding.rule.id.clone());
        }
    }
    rules
}
