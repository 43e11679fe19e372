//! What surrounds a client's rows: its environment (components and the
//! vendors that run them), its exceptions and its review record.

use super::catalog::{APPLICATION, HOST, NETWORK, PHYSICAL};
use super::client::{Component, Exception, Review, Setting, Vendor};
use super::tables::*;
use super::{Day, Rng};

pub(super) fn environment(
    rng: &mut Rng,
    setting: Setting,
    as_of: Day,
) -> (Vec<Component>, Vec<Vendor>) {
    let mut environment = Environment {
        as_of,
        components: Vec::new(),
        vendors: Vec::new(),
    };
    match setting {
        Setting::Hybrid => environment.hybrid(rng),
        Setting::Saas => environment.saas(rng),
        Setting::OnPrem => environment.sites(rng, 3),
    }
    (environment.components, environment.vendors)
}

/// A client's environment as it is drawn.
struct Environment {
    as_of: Day,
    components: Vec<Component>,
    vendors: Vec<Vendor>,
}

/// The layers a SaaS vendor runs: all of them.
const SAAS_LAYERS: u8 = PHYSICAL | NETWORK | HOST | APPLICATION;

impl Environment {
    /// One or two cloud accounts (the first sometimes with managed databases),
    /// on-prem sites, and sometimes a SaaS product.
    fn hybrid(&mut self, rng: &mut Rng) {
        let first = rng.below(CLOUD_VENDORS.len());
        for k in 0..rng.range(1, 2) as usize {
            let (id, name) = CLOUD_VENDORS[(first + k) % CLOUD_VENDORS.len()];
            let account = format!("{name} production account");
            self.components
                .push(component(&format!("{id}-prod"), &account, "iaas", Some(id)));
            self.add_vendor(rng, id, name, PHYSICAL);
            if k == 0 && rng.percent(30) {
                let databases = format!("{name} managed databases");
                self.components
                    .push(component(&format!("{id}-db"), &databases, "paas", Some(id)));
                self.add_vendor(rng, id, name, PHYSICAL | NETWORK | HOST);
            }
        }
        self.sites(rng, 2);
        if rng.percent(35) {
            let (id, name, product, component_id) = SAAS_VENDORS[0];
            self.components
                .push(component(component_id, product, "saas", Some(id)));
            self.add_vendor(rng, id, name, SAAS_LAYERS);
        }
    }

    /// Two or three SaaS products, evenly spaced in the table.
    fn saas(&mut self, rng: &mut Rng) {
        let first = rng.below(SAAS_VENDORS.len());
        let step = 1 + rng.below(3);
        for k in 0..rng.range(2, 4) as usize {
            let (id, name, product, component_id) =
                SAAS_VENDORS[(first + k * step) % SAAS_VENDORS.len()];
            self.components
                .push(component(component_id, product, "saas", Some(id)));
            self.add_vendor(rng, id, name, SAAS_LAYERS);
        }
    }

    /// One to `most` consecutive on-prem sites.
    fn sites(&mut self, rng: &mut Rng, most: u32) {
        let first = rng.below(ON_PREM_SITES.len());
        for k in 0..rng.range(1, most) as usize {
            let (id, name) = ON_PREM_SITES[(first + k) % ON_PREM_SITES.len()];
            self.components.push(component(id, name, "on-prem", None));
        }
    }

    /// Adds a vendor with its attestations, or the layers to one already there.
    fn add_vendor(&mut self, rng: &mut Rng, id: &'static str, name: &'static str, layers: u8) {
        if let Some(v) = self.vendors.iter_mut().find(|v| v.id == id) {
            v.layers |= layers;
            return;
        }
        let as_of = self.as_of;
        // Each lasts past the next review, whatever the cadence: one that
        // lapses before it is a planted defect only.
        let mut attestations = vec![("soc2-type2", as_of.plus(i64::from(rng.range(400, 900))))];
        if rng.percent(40) {
            let kind = rng.pick(&ATTESTATIONS[1..]);
            attestations.push((kind, as_of.plus(i64::from(rng.range(400, 900)))));
        }
        self.vendors.push(Vendor {
            id,
            name,
            layers,
            attestations,
        });
    }
}

fn component(id: &str, name: &str, model: &'static str, vendor: Option<&'static str>) -> Component {
    Component {
        id: id.to_owned(),
        name: name.to_owned(),
        model,
        vendor,
    }
}

pub(super) fn exceptions(
    rng: &mut Rng,
    setting: Setting,
    approver: &str,
    as_of: Day,
) -> Vec<Exception> {
    let mut chosen = Vec::new();
    for (framework, control, kind, reason, only) in EXCEPTIONS {
        let chance = match (control, only) {
            ("A.8.30", _) => 60,
            (_, "saas") if setting == Setting::Saas => 50,
            (_, "saas") => 0,
            _ => 15,
        };
        if rng.percent(chance) {
            let approved = as_of.plus(-i64::from(rng.range(30, 300)));
            chosen.push(Exception {
                framework,
                control,
                kind,
                reason,
                approver: approver.to_owned(),
                approved,
                expires: approved.plus(365),
            });
        }
    }
    chosen
}

pub(super) fn review(rng: &mut Rng, person: &str, as_of: Day) -> Review {
    let (cadence, max_age) = match rng.below(20) {
        0..=14 => ("quarterly", 80),
        15..=16 => ("semi-annual", 170),
        17..=18 => ("monthly", 25),
        _ => ("annual", 350),
    };
    let last_reviewed = as_of.plus(-i64::from(rng.range(3, max_age)));
    let signed = |rng: &mut Rng, days| last_reviewed.plus(i64::from(rng.range(0, days))).min(as_of);
    Review {
        cadence,
        last_reviewed,
        last_changed: last_reviewed.plus(-i64::from(rng.range(0, 25))),
        sign_off: vec![
            (
                "mssp",
                rng.pick(&MSSP_SIGNATORIES).to_owned(),
                signed(rng, 2),
            ),
            ("client", person.to_owned(), signed(rng, 4)),
        ],
    }
}

pub(super) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
