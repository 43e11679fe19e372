//! YAML documents in the style of `fixtures/portfolio/`, and `planted.json`.

use std::fmt::Write;

use super::client::{Client, Defect, Setting, PROVIDER_CAPABILITIES};
use super::tables::CAPABILITIES;

pub const PROVIDER: &str = "meridian-mssp";

/// A YAML (and JSON) double-quoted string.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.as_ref().to_owned()).collect();
    format!("[{}]", items.join(", "))
}

pub fn provider(capacity: u64) -> String {
    format!(
        "# The MSSP behind every client of the generated portfolio; its capacity\n\
         # leaves a quarter to spare over the MSSP hours of all its clients.\n\
         apiVersion: srmcheck/v1\nkind: Provider\nmetadata:\n  name: {PROVIDER}\n  \
         title: Meridian Managed Security\nspec:\n  capabilities: {}\n  coverage: 24x7\n  \
         capacityHours: {capacity}\n  maturity: {{soc: 4, infrastructure: 3}}\n  \
         attestations:\n    - {{type: cmmc-l2, validUntil: 2099-12-31}}\n",
        list(PROVIDER_CAPABILITIES)
    )
}

fn setting(client: &Client) -> &'static str {
    match client.setting {
        Setting::Hybrid => "hybrid",
        Setting::Saas => "saas",
        Setting::OnPrem => "on-prem",
    }
}

/// The environment's spec lines, indented by `indent`.
fn environment_spec(out: &mut String, client: &Client, indent: &str) {
    let _ = writeln!(out, "{indent}model: {}", setting(client));
    let _ = writeln!(out, "{indent}components:");
    for c in &client.components {
        let vendor = c
            .vendor
            .map(|v| format!(", vendor: {v}"))
            .unwrap_or_default();
        let (id, name, model) = (&c.id, q(&c.name), c.model);
        let _ = writeln!(
            out,
            "{indent}  - {{id: {id}, name: {name}, model: {model}{vendor}}}"
        );
    }
    let _ = writeln!(out, "{indent}dataClasses: {}", list(client.data_classes));
}

/// The `environment.yaml` of a client that has one (hybrid and on-prem).
pub fn environment_file(client: &Client) -> Option<String> {
    if client.setting == Setting::Saas {
        return None;
    }
    let mut out = format!(
        "apiVersion: srmcheck/v1\nkind: Environment\nmetadata:\n  name: {}\nspec:\n",
        client.name
    );
    environment_spec(&mut out, client, "  ");
    Some(out)
}

pub fn srm(client: &Client, seed: u64, index: usize) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let o = &mut out;
    srm_header(o, client, seed, index);
    o.push_str("  frameworks:\n    - id: iso27001-2022\n    - id: cmmc-2.0\n      level: 2\n");
    parties(o, client);
    o.push_str("  responsibilities:\n");
    for row in &client.rows {
        rows(o, row);
    }
    exceptions(o, client);
    review(o, client);
    incident_and_kpis(o, client);
    out
}

/// The comment, manifest and environment an SRM opens with.
fn srm_header(o: &mut String, client: &Client, seed: u64, index: usize) {
    let _ = writeln!(
        o,
        "# Client {index} of the generated portfolio (seed {seed}): {} environment,\n\
         # on ISO/IEC 27001:2022 and CMMC 2.0 Level 2.",
        setting(client)
    );
    let _ = write!(
        o,
        "apiVersion: srmcheck/v1\nkind: ResponsibilityMatrix\nmetadata:\n  name: {}\n  \
         title: {}\nspec:\n  client: {}\n  provider: ../../provider.yaml\n",
        client.name,
        q(&client.display),
        q(&client.legal_name)
    );
    match client.setting {
        Setting::Saas => {
            o.push_str("  environment:\n");
            environment_spec(o, client, "    ");
        }
        _ => o.push_str("  environment: ./environment.yaml\n"),
    }
}

/// The client's profile and its vendors.
fn parties(o: &mut String, client: &Client) {
    let capabilities = (0..CAPABILITIES.len())
        .filter(|c| client.capabilities & (1 << c) != 0)
        .map(|c| CAPABILITIES[c]);
    let coverage = ["business-hours", "24x7"][usize::from(client.round_the_clock)];
    let _ = write!(
        o,
        "  parties:\n    client:\n      capabilities: {}\n      coverage: {coverage}\n      \
         capacityHours: {}\n      maturity: {{soc: {}, infrastructure: {}}}\n",
        list(capabilities),
        client.capacity,
        client.maturity.0,
        client.maturity.1
    );
    let auditor = client
        .rows
        .iter()
        .any(|r| r.raci.iter().any(|(p, _)| p == super::client::AUDITOR));
    if auditor || !client.vendors.is_empty() {
        o.push_str("    vendors:\n");
    }
    if auditor {
        let id = super::client::AUDITOR.trim_start_matches("vendor:");
        let _ = writeln!(
            o,
            "      - id: {id}\n        name: Northgate Assurance (independent ISMS auditor)"
        );
    }
    if !client.vendors.is_empty() {
        for v in &client.vendors {
            let _ = write!(
                o,
                "      - id: {}\n        name: {}\n        attestations:\n",
                v.id,
                q(v.name)
            );
            for (kind, valid) in &v.attestations {
                let _ = writeln!(o, "          - {{type: {kind}, validUntil: {valid}}}");
            }
            // A cloud holding CUI is FedRAMP Moderate authorised, for as
            // long as the vendor's longest attestation (never a defect).
            let authorised = v.attestations.iter().any(|(k, _)| *k == "fedramp-moderate");
            if client.data_classes.contains(&"cui") && !authorised {
                if let Some(until) = v.attestations.iter().map(|(_, valid)| valid).max() {
                    let _ = writeln!(
                        o,
                        "          - {{type: fedramp-moderate, validUntil: {until}}}"
                    );
                }
            }
        }
    }
}

fn exceptions(o: &mut String, client: &Client) {
    if !client.exceptions.is_empty() {
        o.push_str("  exceptions:\n");
        for e in &client.exceptions {
            let _ = write!(
                o,
                "    - framework: {}\n      control: {}\n      kind: {}\n      reason: {}\n      \
                 approver: {}\n      approved: {}\n      expires: {}\n",
                e.framework,
                e.control,
                e.kind,
                q(e.reason),
                q(&e.approver),
                e.approved,
                e.expires
            );
        }
    }
}

fn review(o: &mut String, client: &Client) {
    let r = &client.review;
    let _ = write!(
        o,
        "  review:\n    cadence: {}\n    lastReviewed: {}\n    lastChanged: {}\n",
        r.cadence, r.last_reviewed, r.last_changed
    );
    if !r.sign_off.is_empty() {
        o.push_str("    signOff:\n");
        for (party, by, date) in &r.sign_off {
            let _ = writeln!(o, "      {party}: {{by: {}, date: {date}}}", q(by));
        }
    }
}

fn incident_and_kpis(o: &mut String, client: &Client) {
    o.push_str("  incidentResponse:\n    escalation:\n");
    for step in &client.escalation {
        let hours = step
            .hours
            .map(|h| format!(", hours: {h}"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "      - {{party: {}, contact: {}, within: {}{hours}}}",
            step.party,
            q(&step.contact),
            step.within
        );
    }
    if let Some(party) = client.decision_authority {
        let _ = writeln!(o, "    decisionAuthority: {party}");
    }
    if client.kpis {
        o.push_str(
            "  kpis:\n    - {name: mean-time-to-detect, target: 15m, owners: [mssp, client]}\n    \
             - {name: critical-patch-compliance, target: \"95%\", owners: [mssp, client]}\n",
        );
    }
}

fn rows(o: &mut String, row: &super::client::Row) {
    let _ = write!(
        o,
        "    - id: {}\n      title: {}\n      controls:\n",
        row.id,
        q(&row.title)
    );
    for (framework, controls) in ["iso27001-2022", "cmmc-2.0"].iter().zip(&row.controls) {
        if !controls.is_empty() {
            // Quoted: ISO clause ids (4.1, 10.2) would read as numbers.
            let ids = controls.iter().map(|c| q(&c.id));
            let _ = writeln!(o, "        {framework}: {}", list(ids));
        }
    }
    let raci: Vec<String> = row.raci.iter().map(|(p, l)| format!("{p}: {l}")).collect();
    let _ = writeln!(o, "      owner: {}", row.owner);
    if !row.components.is_empty() {
        let _ = writeln!(o, "      components: {}", list(&row.components));
    }
    let _ = writeln!(o, "      raci: {{{}}}", raci.join(", "));
    if let Some((mssp, client)) = row.duties {
        let _ = write!(
            o,
            "      duties:\n        mssp: {}\n        client: {}\n",
            q(mssp),
            q(client)
        );
    }
    let capabilities = row.capabilities.iter().map(|&c| CAPABILITIES[c]);
    let _ = writeln!(o, "      capabilities: {}", list(capabilities));
    let effort: Vec<String> = [("mssp", row.effort.0), ("client", row.effort.1)]
        .iter()
        .filter(|(_, h)| *h > 0)
        .map(|(p, h)| format!("{p}: {h}"))
        .collect();
    let _ = writeln!(o, "      effort: {{{}}}", effort.join(", "));
    if let Some((metric, target)) = row.sla {
        let _ = writeln!(
            o,
            "      sla:\n        - {{metric: {metric}, target: {}}}",
            q(target)
        );
    }
    let evidence = row.evidence.iter().map(|e| q(e));
    let _ = writeln!(o, "      evidence: {}", list(evidence));
}

/// `planted.json`: every client with its planted defects (none for a clean one).
pub fn planted(seed: u64, as_of: &str, clients: &[(&str, Vec<Defect>)]) -> String {
    let mut out = format!(
        "{{\n  \"seed\": {seed},\n  \"asOf\": {},\n  \"clients\": [",
        q(as_of)
    );
    for (i, (name, defects)) in clients.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let srm = format!("clients/{name}/srm.yaml");
        let _ = write!(
            out,
            "{sep}\n    {{\"name\": {}, \"srm\": {}, \"defects\": [",
            q(name),
            q(&srm)
        );
        for (d, defect) in defects.iter().enumerate() {
            let sep = if d == 0 { "" } else { ", " };
            let _ = write!(
                out,
                "{sep}{{\"kind\": {}, \"detail\": {}}}",
                q(defect.kind),
                q(&defect.detail)
            );
        }
        out.push_str("]}");
    }
    out.push_str("\n  ]\n}\n");
    out
}
