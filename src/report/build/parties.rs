//! Parties, environment, incident response and KPIs as the report shows them.

use serde_json::Value;

use crate::model::{EnvironmentSpec, MatrixSpec, PartyProfile, Provider};
use crate::report::model::{
    AttestationView, ComponentView, EnvironmentView, EscalationView, IncidentView, KpiView,
    PartiesView, PartyView, VendorView,
};

use super::name_of;

/// The MSSP (from its provider), the client and the vendors; each party's
/// hours as the pack sums them (`effort`, the `lib.effort` facts) and each
/// attestation's currency as the pack judges it (`vendors`, the
/// `lib.vendors` facts: `{attestations: {vendor: [valid]}}`).
pub fn parties(
    spec: &MatrixSpec,
    provider: &Provider,
    provider_file: &str,
    effort: &Value,
    vendors: &Value,
) -> PartiesView {
    let effort = |party: &str| effort[party].as_f64().unwrap_or_default();
    let mssp_name = provider
        .metadata
        .title
        .clone()
        .unwrap_or_else(|| provider.metadata.name.clone());
    PartiesView {
        provider: provider.metadata.name.clone(),
        provider_file: provider_file.to_owned(),
        mssp: party(mssp_name, &provider.spec, effort("mssp")),
        client: party(spec.client.clone(), &spec.parties.client, effort("client")),
        vendors: spec
            .parties
            .vendors
            .iter()
            .map(|vendor| VendorView {
                id: vendor.id.clone(),
                name: vendor.name.clone(),
                responsibilities: vendor.responsibilities.clone(),
                attestations: vendor
                    .attestations
                    .iter()
                    .enumerate()
                    .map(|(i, a)| AttestationView {
                        kind: a.kind.as_str().to_owned(),
                        valid_until: a
                            .valid_until
                            .map_or_else(|| "the contract's end".to_owned(), |d| d.to_string()),
                        current: vendors["attestations"][&vendor.id][i]
                            .as_bool()
                            .unwrap_or(false),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn party(name: String, profile: &PartyProfile, effort_hours: f64) -> PartyView {
    PartyView {
        name,
        capabilities: profile.capabilities.clone(),
        coverage: name_of(&profile.coverage),
        capacity_hours: profile.capacity_hours.get(),
        effort_hours,
        soc_maturity: profile.maturity.soc.into(),
        infrastructure_maturity: profile.maturity.infrastructure.into(),
    }
}

pub fn environment(spec: &EnvironmentSpec) -> EnvironmentView {
    EnvironmentView {
        model: name_of(&spec.model),
        components: spec
            .components
            .iter()
            .map(|c| ComponentView {
                id: c.id.clone(),
                name: c.name.clone().unwrap_or_else(|| c.id.clone()),
                model: name_of(&c.model),
                vendor: c.vendor.clone(),
            })
            .collect(),
        data_classes: spec.data_classes.iter().map(name_of).collect(),
    }
}

/// The escalation path, each step with the hours its contact can be reached
/// (as stated, else its party's coverage), and the decision authority.
pub fn incident(spec: &MatrixSpec, provider: &Provider) -> IncidentView {
    let Some(incident) = &spec.incident_response else {
        return IncidentView::default();
    };
    let coverage = |party: &str| match party {
        "mssp" => Some(provider.spec.coverage),
        "client" => Some(spec.parties.client.coverage),
        _ => None,
    };
    IncidentView {
        escalation: incident
            .escalation
            .iter()
            .map(|step| EscalationView {
                party: step.party.clone(),
                contact: step.contact.clone(),
                within: step.within.clone(),
                hours: step
                    .hours
                    .or_else(|| coverage(&step.party))
                    .map(|hours| name_of(&hours))
                    .unwrap_or_default(),
            })
            .collect(),
        decision_authority: incident.decision_authority.clone(),
    }
}

pub fn kpis(spec: &MatrixSpec) -> Vec<KpiView> {
    spec.kpis
        .iter()
        .map(|kpi| KpiView {
            name: kpi.name.clone(),
            target: kpi.target.clone(),
            owners: kpi.owners.clone(),
        })
        .collect()
}
