//! One client: its environment, parties, rows, exceptions and review, built so
//! that the built-in pack finds nothing, then the defects planted in it.

use super::catalog::{Catalogs, Control, APPLICATION, HOST, NETWORK, PHYSICAL};
use super::surroundings::{environment, exceptions, review, title_case};
use super::tables::*;
use super::{Day, Rng};

/// The MSSP's capabilities, as in the example portfolio's provider.
pub const PROVIDER_CAPABILITIES: [&str; 15] = [
    "security-monitoring",
    "incident-response",
    "threat-intelligence",
    "vulnerability-management",
    "patch-management",
    "endpoint-management",
    "network-security",
    "identity-administration",
    "configuration-management",
    "backup-recovery",
    "key-management",
    "asset-management",
    "secure-development",
    "forensics",
    "security-architecture",
];
/// What every client brings: governance, people and data duties, and the
/// assurance, continuity and privacy work that stays in-house.
const CLIENT_BASE: [&str; 11] = [
    "policy-governance",
    "risk-management",
    "data-governance",
    "identity-administration",
    "security-awareness-training",
    "physical-security",
    "vendor-management",
    "personnel-security",
    "audit-assurance",
    "business-continuity",
    "privacy",
];
const CLIENT_EXTRA: [&str; 5] = [
    "asset-management",
    "configuration-management",
    "endpoint-management",
    "backup-recovery",
    "secure-development",
];
/// Duties that stay with the client whatever the contract says.
const RETAINED: [&str; 2] = ["policy-governance", "data-governance"];
const ACCESS_APPROVAL: [&str; 2] = ["A.5.18", "AC.L2-3.1.1"];
/// Independent reviews: a row of their own, performed by an auditor that
/// operates no other row (the `assessor-not-independent` rule).
const INDEPENDENT: [&str; 1] = ["A.5.35"];
/// The independent auditor every client engages, declared among its vendors.
pub const AUDITOR: &str = "vendor:northgate";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Hybrid,
    Saas,
    OnPrem,
}

pub struct Component {
    pub id: String,
    pub name: String,
    pub model: &'static str,
    pub vendor: Option<&'static str>,
}

pub struct Vendor {
    pub id: &'static str,
    pub name: &'static str,
    /// Layer bits of what it runs for the client.
    pub layers: u8,
    pub attestations: Vec<(&'static str, Day)>,
}

pub struct Row<'a> {
    pub id: String,
    pub title: String,
    /// Controls covered, per framework (ISO/IEC 27001, CMMC).
    pub controls: [Vec<&'a Control>; 2],
    pub owner: String,
    pub raci: Vec<(String, &'static str)>,
    /// (mssp, client) duties of a shared row.
    pub duties: Option<(&'static str, &'static str)>,
    pub capabilities: Vec<usize>,
    /// Hours a month of (mssp, client).
    pub effort: (u32, u32),
    pub sla: Option<(&'static str, &'static str)>,
    pub evidence: Vec<String>,
    pub vendor: bool,
    /// The environment components the row applies to (empty: all).
    pub components: Vec<String>,
    family: &'a str,
}

pub struct Exception {
    pub framework: &'static str,
    pub control: &'static str,
    pub kind: &'static str,
    pub reason: &'static str,
    pub approver: String,
    pub approved: Day,
    pub expires: Day,
}

pub struct Review {
    pub cadence: &'static str,
    pub last_reviewed: Day,
    pub last_changed: Day,
    /// (party, by, date)
    pub sign_off: Vec<(&'static str, String, Day)>,
}

/// A planted defect: its kind and a word the message of the finding it
/// causes contains (which rules a kind makes fire is the scale test's
/// knowledge, not the generator's).
#[derive(Clone)]
pub struct Defect {
    pub kind: &'static str,
    pub detail: String,
}

/// One step of the escalation path.
pub struct Step {
    pub party: &'static str,
    pub contact: String,
    pub within: &'static str,
    /// When the contact can be reached, when not the party's own hours.
    pub hours: Option<&'static str>,
}

impl Step {
    fn new(party: &'static str, contact: &str, within: &'static str) -> Step {
        Step {
            party,
            contact: contact.to_owned(),
            within,
            hours: None,
        }
    }
}

pub struct Client<'a> {
    pub name: String,
    pub display: String,
    pub legal_name: String,
    pub setting: Setting,
    pub components: Vec<Component>,
    pub vendors: Vec<Vendor>,
    pub data_classes: &'static [&'static str],
    /// Bit mask over [`CAPABILITIES`].
    pub capabilities: u32,
    pub round_the_clock: bool,
    pub capacity: u32,
    /// (soc, infrastructure)
    pub maturity: (u8, u8),
    pub rows: Vec<Row<'a>>,
    pub exceptions: Vec<Exception>,
    pub review: Review,
    pub escalation: Vec<Step>,
    pub decision_authority: Option<&'static str>,
    pub kpis: bool,
    pub defects: Vec<Defect>,
}

pub fn capability(name: &str) -> usize {
    CAPABILITIES
        .iter()
        .position(|c| *c == name)
        .expect("a known capability")
}

fn mask(names: &[&str]) -> u32 {
    names.iter().fold(0, |m, n| m | 1 << capability(n))
}

pub fn has(mask: u32, capability: usize) -> bool {
    mask & (1 << capability) != 0
}

/// Hybrid, SaaS-only or on-premises, drawn with weights.
fn draw_setting(rng: &mut Rng) -> Setting {
    match rng.below(100) {
        0..=44 => Setting::Hybrid,
        45..=74 => Setting::Saas,
        _ => Setting::OnPrem,
    }
}

/// The client's base capabilities and, each at 30%, the extra ones.
fn draw_capabilities(rng: &mut Rng) -> u32 {
    let mut capabilities = mask(&CLIENT_BASE);
    for extra in CLIENT_EXTRA {
        if rng.percent(30) {
            capabilities |= mask(&[extra]);
        }
    }
    capabilities
}

impl<'a> Client<'a> {
    pub fn build(catalogs: &'a Catalogs, rng: &mut Rng, name: &str, as_of: Day) -> Client<'a> {
        let mut client = Client::profile(rng, name, as_of);
        client.primary_rows(catalogs, rng);
        client.vendor_rows(catalogs, rng);
        client.vendor_components();
        for (i, row) in client.rows.iter_mut().enumerate() {
            row.id = format!("R-{:03}", i + 1);
        }
        let client_hours: u32 = client.rows.iter().map(|r| r.effort.1).sum();
        client.capacity = (client_hours * rng.range(110, 160) / 100).div_ceil(10) * 10;
        if rng.percent(20) {
            client.plant(rng, as_of);
        }
        client
    }

    /// A client without rows: its setting, environment, capabilities, people,
    /// exceptions, review and escalation.
    fn profile(rng: &mut Rng, name: &str, as_of: Day) -> Client<'a> {
        let setting = draw_setting(rng);
        let (components, vendors) = environment(rng, setting, as_of);
        let capabilities = draw_capabilities(rng);
        let display: Vec<String> = name.split('-').map(title_case).collect();
        let person = format!("{} {}", rng.pick(&GIVEN_NAMES), rng.pick(&FAMILY_NAMES));
        let role = rng.pick(&CLIENT_ROLES);
        let mut client = Client {
            name: name.to_owned(),
            legal_name: format!("{} {}", display.join(" "), rng.pick(&LEGAL_FORMS)),
            display: display.join(" "),
            setting,
            components,
            vendors,
            data_classes: match setting {
                Setting::Hybrid => &["cui", "pii"],
                Setting::Saas => &["pii"],
                Setting::OnPrem => &["cui"],
            },
            capabilities,
            round_the_clock: rng.percent(10),
            capacity: 0,
            maturity: (
                [1, 1, 1, 2, 2, 2, 2, 2, 3, 3][rng.below(10)],
                [1, 2, 2, 2, 2, 3, 3, 3, 3, 3][rng.below(10)],
            ),
            rows: Vec::new(),
            exceptions: exceptions(rng, setting, &format!("{person}, {role}"), as_of),
            review: review(rng, &person, as_of),
            escalation: vec![Step::new("mssp", "SOC shift lead", "15m")],
            decision_authority: Some("client"),
            kpis: rng.percent(40),
            defects: Vec::new(),
        };
        if rng.percent(50) {
            let manager = "Meridian incident manager".to_owned();
            client.escalation.push(Step::new("mssp", &manager, "30m"));
        }
        client.escalation.push(Step {
            hours: Some("24x7"),
            ..Step::new("client", &format!("{role} on call"), "1h")
        });
        client
    }

    fn excepted(&self, framework: &str, control: &str) -> bool {
        self.exceptions
            .iter()
            .any(|e| e.framework == framework && e.control == control)
    }

    /// The owner of a control: one that can perform it, drawn with weights.
    fn owner(&self, framework: &str, control: &Control, rng: &mut Rng) -> &'static str {
        let needs = control.capabilities.iter().fold(0, |m, &c| m | 1 << c);
        let maturity = match control.soc {
            true => self.maturity.0,
            false => self.maturity.1,
        };
        let client_ok = needs & self.capabilities != 0
            && (!control.round_the_clock || self.round_the_clock)
            && maturity >= control.min_maturity;
        let approval = ACCESS_APPROVAL.contains(&control.id.as_str())
            && matches!(framework, "iso27001-2022" | "cmmc-2.0");
        let mssp_ok = needs & mask(&PROVIDER_CAPABILITIES) != 0 && !approval;
        let retained = needs & mask(&RETAINED) != 0;
        let roll = rng.below(100);
        match (client_ok, mssp_ok) {
            (true, _) if approval => ["client", "shared"][usize::from(roll >= 60)],
            (true, true) if retained => match roll {
                0..=74 => "client",
                75..=89 => "shared",
                _ => "mssp",
            },
            (true, false) if retained || roll < 85 => "client",
            (true, true) => match roll {
                0..=44 => "mssp",
                45..=69 => "shared",
                _ => "client",
            },
            (false, true) if roll < 75 => "mssp",
            _ => "shared",
        }
    }

    fn owner_mask(&self, owner: &str) -> u32 {
        match owner {
            "mssp" => mask(&PROVIDER_CAPABILITIES),
            "client" => self.capabilities,
            _ => mask(&PROVIDER_CAPABILITIES) | self.capabilities,
        }
    }

    /// Rows of one to three controls of a family with the same owner, in catalog order.
    fn primary_rows(&mut self, catalogs: &'a Catalogs, rng: &mut Rng) {
        let mut reviews: [Vec<&'a Control>; 2] = [Vec::new(), Vec::new()];
        for (f, framework) in catalogs.frameworks.iter().enumerate() {
            let mut target = 0;
            for control in &framework.controls {
                if self.excepted(framework.id, &control.id) {
                    continue;
                }
                if INDEPENDENT.contains(&control.id.as_str()) {
                    reviews[f].push(control);
                    continue;
                }
                let owner = self.owner(framework.id, control, rng);
                let have = self.owner_mask(owner);
                let capability = *control
                    .capabilities
                    .iter()
                    .find(|&&c| has(have, c))
                    .expect("the owner can perform the control");
                if let Some(row) = self.rows.last_mut().filter(|r| {
                    r.owner == owner && r.family == control.family && r.controls[f].len() < target
                }) {
                    row.controls[f].push(control);
                    if !row.capabilities.contains(&capability) {
                        row.capabilities.push(capability);
                    }
                    continue;
                }
                target = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3][rng.below(10)];
                let mut controls = [Vec::new(), Vec::new()];
                controls[f].push(control);
                self.rows.push(Row {
                    id: String::new(),
                    title: String::new(),
                    controls,
                    owner: owner.to_owned(),
                    raci: Vec::new(),
                    duties: None,
                    capabilities: vec![capability],
                    effort: (0, 0),
                    sla: None,
                    evidence: Vec::new(),
                    vendor: false,
                    components: Vec::new(),
                    family: &control.family,
                });
            }
        }
        for row in &mut self.rows {
            finish(row, rng);
        }
        if reviews.iter().any(|r| !r.is_empty()) {
            self.mature_enough_for(reviews.iter().flatten());
            self.rows.push(independent_review(reviews));
        }
    }

    /// The client owns the independent reviews: it must be as mature as they
    /// need (a clean client has no `owner-maturity-too-low`).
    fn mature_enough_for<'c>(&mut self, controls: impl Iterator<Item = &'c &'a Control>)
    where
        'a: 'c,
    {
        for control in controls {
            let lens = match control.soc {
                true => &mut self.maturity.0,
                false => &mut self.maturity.1,
            };
            *lens = (*lens).max(control.min_maturity);
        }
    }

    /// Each vendor row applies to the components its vendor runs, not to
    /// on-prem sites.
    fn vendor_components(&mut self) {
        for row in self.rows.iter_mut().filter(|r| r.vendor) {
            let vendor = row.owner.trim_start_matches("vendor:");
            row.components = self
                .components
                .iter()
                .filter(|c| c.vendor == Some(vendor))
                .map(|c| c.id.clone())
                .collect();
        }
    }

    /// For each cloud vendor, rows owned by it for the layers it runs.
    fn vendor_rows(&mut self, catalogs: &'a Catalogs, rng: &mut Rng) {
        let mut rows = Vec::new();
        for vendor in &self.vendors {
            // (framework, position in its catalog, control) of one layer.
            let of_layer = |layer: u8| -> Vec<(usize, usize, &'a Control)> {
                let mut found = Vec::new();
                for (f, framework) in catalogs.frameworks.iter().enumerate() {
                    for (p, control) in framework.controls.iter().enumerate() {
                        if control.layer == layer && !self.excepted(framework.id, &control.id) {
                            found.push((f, p, control));
                        }
                    }
                }
                found
            };
            let owner = format!("vendor:{}", vendor.id);
            let evidence = match vendor.attestations[0].0 {
                "soc2-type2" => format!("{} SOC 2 Type II report", vendor.name),
                "iso27001" => format!("{} ISO/IEC 27001 certificate", vendor.name),
                _ => format!("{} FedRAMP authorisation", vendor.name),
            };
            if vendor.layers & PHYSICAL != 0 {
                let mut chosen: Vec<_> = of_layer(PHYSICAL)
                    .into_iter()
                    .filter(|_| rng.percent(60))
                    .collect();
                if chosen.is_empty() {
                    chosen.extend(of_layer(PHYSICAL).into_iter().take(1));
                }
                let title = format!("Physical security of the {} data centres", vendor.name);
                rows.push(vendor_row(title, &owner, &evidence, chosen));
            }
            let mut chosen = Vec::new();
            let mut layers = Vec::new();
            for (layer, word) in [
                (NETWORK, "network"),
                (HOST, "hosting"),
                (APPLICATION, "service development"),
            ] {
                if vendor.layers & layer == 0 {
                    continue;
                }
                let mut candidates = of_layer(layer);
                for _ in 0..rng.range(1, 3) {
                    if !candidates.is_empty() {
                        chosen.push(candidates.remove(rng.below(candidates.len())));
                    }
                }
                layers.push(word);
            }
            if !chosen.is_empty() {
                chosen.sort_by_key(|&(f, p, _)| (f, p));
                let title = format!(
                    "{} platform operations, inherited ({})",
                    vendor.name,
                    layers.join(", ")
                );
                rows.push(vendor_row(title, &owner, &evidence, chosen));
            }
        }
        self.rows.extend(rows);
    }
}

/// Title, RACI, duties, effort, SLA and evidence of a row whose controls and owner are set.
fn finish(row: &mut Row, rng: &mut Rng) {
    let titles: Vec<&str> = row
        .controls
        .iter()
        .flatten()
        .map(|c| c.title.as_str())
        .collect();
    row.title = titles.join("; ");
    let work = WORK[row.capabilities[0]];
    let retained = row
        .capabilities
        .iter()
        .any(|&c| RETAINED.contains(&CAPABILITIES[c]))
        || row
            .controls
            .iter()
            .flatten()
            .any(|c| ACCESS_APPROVAL.contains(&c.id.as_str()));
    let n = row.controls.iter().flatten().count() as u32;
    let pair = |a: &str, ra: &'static str, b: &str, rb: &'static str| {
        vec![(a.to_owned(), ra), (b.to_owned(), rb)]
    };
    match row.owner.as_str() {
        "client" => {
            row.raci = match rng.below(3) {
                0 => vec![("client".to_owned(), "RA")],
                1 => pair("client", "RA", "mssp", "C"),
                _ => pair("client", "RA", "mssp", "I"),
            };
            row.effort = (0, rng.range(1, 2) + n);
        }
        "mssp" => {
            row.raci = match rng.below(3) {
                0 => pair("mssp", "RA", "client", "I"),
                1 => pair("mssp", "RA", "client", "C"),
                _ => pair("mssp", "R", "client", "A"),
            };
            row.effort = (rng.range(1, 3) + 2 * n, 0);
            row.sla = Some((work.2, work.3));
        }
        _ => {
            row.raci = match retained || rng.percent(70) {
                true => pair("mssp", "R", "client", "RA"),
                false => pair("mssp", "RA", "client", "R"),
            };
            row.duties = Some((work.0, work.1));
            row.effort = (rng.range(1, 2) + n, rng.range(1, 3));
            row.sla = Some((work.2, work.3));
        }
    }
    row.evidence = row
        .capabilities
        .iter()
        .map(|&c| WORK[c].4.to_owned())
        .collect();
}

fn vendor_row<'a>(
    title: String,
    owner: &str,
    evidence: &str,
    controls: Vec<(usize, usize, &'a Control)>,
) -> Row<'a> {
    let mut row = Row {
        id: String::new(),
        title,
        controls: [Vec::new(), Vec::new()],
        owner: owner.to_owned(),
        raci: vec![(owner.to_owned(), "R"), ("client".to_owned(), "A")],
        duties: None,
        capabilities: Vec::new(),
        effort: (0, 1),
        sla: None,
        evidence: vec![evidence.to_owned()],
        vendor: true,
        components: Vec::new(),
        family: "",
    };
    for (f, _, control) in controls {
        row.controls[f].push(control);
        let capability = control
            .capabilities
            .iter()
            .copied()
            .find(|&c| !RETAINED.contains(&CAPABILITIES[c]));
        if let Some(c) = capability.filter(|c| !row.capabilities.contains(c)) {
            row.capabilities.push(c);
        }
    }
    row
}

/// The row of the independent reviews: the client accountable, the auditor
/// responsible.
fn independent_review(controls: [Vec<&Control>; 2]) -> Row<'_> {
    Row {
        id: String::new(),
        title: "Independent review of information security".to_owned(),
        controls,
        owner: "client".to_owned(),
        raci: vec![("client".to_owned(), "RA"), (AUDITOR.to_owned(), "R")],
        duties: None,
        capabilities: vec![capability("audit-assurance")],
        effort: (0, 2),
        sla: None,
        evidence: vec!["Independent ISMS review report".to_owned()],
        vendor: false,
        components: Vec::new(),
        family: "",
    }
}
