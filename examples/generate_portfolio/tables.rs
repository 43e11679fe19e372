//! Word lists and the wording of duties, SLAs and evidence per capability.

use std::collections::HashSet;

use super::Rng;

/// Every capability of srmcheck's knowledge, in a fixed order: a set of them is a bit mask.
pub use srmcheck::CAPABILITIES;

/// What the MSSP does, what the client does, the SLA metric and target, and the
/// evidence, for a row needing each capability (same order as [`CAPABILITIES`]).
#[rustfmt::skip]
pub const WORK: [(&str, &str, &str, &str, &str); CAPABILITIES.len()] = [
    ("Draft policy updates and track them to approval.", "Own and approve the security policies and roles.", "policy-review-support", "annual", "Policy set with approval record"),
    ("Feed monitoring findings into the risk assessment.", "Run the risk assessment and decide on treatment.", "risk-input", "quarterly", "Risk register"),
    ("Deliver sector threat briefings and turn indicators into detections.", "Act on the briefings in business decisions.", "threat-briefing", "monthly", "Monthly threat briefing"),
    ("Run discovery scans and reconcile them with the inventory.", "Own the asset inventory and its owners.", "inventory-reconciliation", "weekly", "CMDB export"),
    ("Operate the data loss prevention tooling.", "Classify data and decide on retention and disposal.", "dlp-report", "monthly", "Data classification standard"),
    ("Provision and deprovision accounts once approved.", "Approve every grant and removal of access.", "deprovision-after-approval", "4h", "Access review tickets"),
    ("Run phishing simulations and report click rates.", "Train and screen staff.", "phishing-simulation", "quarterly", "Training completion records"),
    ("Monitor badge system alerts forwarded to the SOC.", "Secure the sites, rooms and equipment.", "alarm-escalation", "30m", "Badge access logs"),
    ("Manage endpoint protection and device compliance.", "Approve device policies and exceptions.", "signature-update", "24h", "EDR coverage report"),
    ("Scan for vulnerabilities and track them to closure.", "Accept or schedule remediation of findings.", "scan-frequency", "weekly", "Vulnerability report"),
    ("Deploy patches within the agreed windows.", "Approve maintenance windows.", "critical-patch", "14d", "Patch compliance report"),
    ("Maintain hardened baselines and report drift.", "Approve changes through the change board.", "baseline-drift-report", "monthly", "CIS benchmark report"),
    ("Monitor logs around the clock and triage alerts.", "Tell the SOC about planned changes and events.", "time-to-detect", "15m", "SIEM source coverage report"),
    ("Triage, contain and investigate incidents; escalate within the SLA.", "Decide on business-impacting containment and notifications.", "time-to-respond", "1h", "Incident playbook"),
    ("Run and monitor backups; test restores.", "Own the continuity plan and recovery objectives.", "restore-test", "quarterly", "Restore test report"),
    ("Operate firewalls and segmentation; review rules.", "Approve changes to network boundaries.", "firewall-rule-review", "quarterly", "Firewall rule review"),
    ("Operate encryption and rotate keys.", "Own the cryptography policy and key custodians.", "key-rotation", "annual", "Key inventory"),
    ("Collect vendor attestations and flag lapses.", "Select suppliers and manage their contracts.", "attestation-tracking", "quarterly", "Supplier register"),
    ("Review code and run security tests in the pipeline.", "Own the secure development standard.", "security-test-coverage", "per-release", "Secure SDLC standard"),
    ("Write, tune and test detection rules for the client's systems.", "Tell the SOC which systems and behaviours matter most.", "detection-review", "monthly", "Detection rule catalogue"),
    ("Remove access on the leaver notices the client sends.", "Screen, onboard and offboard staff; keep access agreements.", "leaver-access-removal", "24h", "Screening and leaver records"),
    ("Provide evidence of the monitored controls to the auditors.", "Commission independent reviews and act on their findings.", "evidence-delivery", "annual", "Independent review report"),
    ("Restore systems to the recovery objectives in an exercise.", "Own and exercise the continuity plan.", "continuity-exercise", "annual", "Continuity exercise report"),
    ("Collect and preserve evidence of incidents.", "Decide on legal hold and disclosure.", "evidence-preservation", "4h", "Chain-of-custody records"),
    ("Review designs against the security architecture.", "Own the security architecture and its exceptions.", "design-review", "per-change", "Architecture review record"),
    ("Administer the cloud tenancy's guardrails and native security services.", "Approve tenancy policies and exceptions.", "guardrail-drift-report", "weekly", "Cloud posture report"),
    ("Monitor and protect the operational technology network.", "Own the plant's control systems and their changes.", "ot-alert-escalation", "30m", "OT asset and zone register"),
    ("Support data subject requests with log and system searches.", "Run the privacy programme: notices, consent and requests.", "dsr-support", "30d", "Record of processing activities"),
    ("Test defences as an attacker would and report the findings.", "Scope the tests and act on the findings.", "pentest", "annual", "Penetration test report"),
];

#[rustfmt::skip]
pub const FIRST_WORDS: [&str; 64] = [
    "acme", "alder", "amber", "apex", "arbor", "aspen", "atlas", "aurora", "beacon", "birch",
    "bright", "cascade", "cedar", "cobalt", "compass", "copper", "crescent", "crest", "delta",
    "ember", "evergreen", "falcon", "fir", "forge", "granite", "harbor", "hawthorn", "helix",
    "horizon", "iron", "juniper", "keel", "keystone", "lantern", "linden", "maple", "mesa",
    "north", "oak", "onyx", "orchid", "pine", "pioneer", "prairie", "quarry", "raven",
    "redwood", "ridge", "river", "sable", "sage", "sierra", "silver", "slate", "spruce",
    "summit", "tidal", "timber", "vantage", "willow", "zenith", "lumen", "osprey", "thistle",
];

#[rustfmt::skip]
pub const SECOND_WORDS: [&str; 48] = [
    "manufacturing", "precision", "logistics", "dental", "clinic", "analytics", "aerospace",
    "machining", "foundry", "robotics", "engineering", "textiles", "pharma", "biotech", "foods",
    "freight", "marine", "energy", "solar", "utilities", "insurance", "credit-union", "law",
    "accounting", "consulting", "architects", "media", "retail", "hospitality", "schools",
    "housing", "labs", "optics", "electronics", "semiconductors", "composites", "plastics",
    "tooling", "castings", "defense-systems", "avionics", "shipyard", "telecom", "software",
    "data", "health", "payroll", "realty",
];

#[rustfmt::skip]
pub const CITIES: [&str; 40] = [
    "austin", "boise", "boston", "charlotte", "dayton", "denver", "detroit", "el-paso",
    "fresno", "hartford", "houston", "huntsville", "omaha", "orlando", "phoenix", "pittsburgh",
    "portland", "raleigh", "reno", "richmond", "sacramento", "salem", "san-diego", "seattle",
    "spokane", "tampa", "tucson", "tulsa", "wichita", "york", "akron", "albany", "billings",
    "chandler", "durham", "eugene", "fargo", "lansing", "madison", "norfolk",
];

pub const LEGAL_FORMS: [&str; 5] = ["Inc.", "LLC", "Ltd", "Corp.", "Co."];

#[rustfmt::skip]
pub const GIVEN_NAMES: [&str; 24] = [
    "Priya", "Marcus", "Lena", "Sam", "Dana", "Tomas", "Aisha", "Kenji", "Maria", "Olu",
    "Grace", "Ivan", "Noor", "Ethan", "Sofia", "Rahul", "Chloe", "Diego", "Hana", "Felix",
    "Amara", "Jonas", "Mei", "Lucas",
];

#[rustfmt::skip]
pub const FAMILY_NAMES: [&str; 24] = [
    "Natarajan", "Lee", "Fischer", "Okafor", "Reyes", "Novak", "Rahman", "Sato", "Garcia",
    "Adeyemi", "Kim", "Petrov", "Haddad", "Walsh", "Rossi", "Mehta", "Dubois", "Alvarez",
    "Tanaka", "Becker", "Mensah", "Berg", "Chen", "Silva",
];

#[rustfmt::skip]
pub const CLIENT_ROLES: [&str; 5] = [
    "CISO", "IT Director", "Managing Director", "CFO", "Head of IT",
];

/// Cloud vendors an IaaS or PaaS component can run on: id and name.
pub const CLOUD_VENDORS: [(&str, &str); 3] = [
    ("aws", "Amazon Web Services"),
    ("azure", "Microsoft Azure"),
    ("gcp", "Google Cloud"),
];

/// SaaS products: vendor id, vendor name, product name, component id.
#[rustfmt::skip]
pub const SAAS_VENDORS: [(&str, &str, &str, &str); 8] = [
    ("microsoft", "Microsoft", "Microsoft 365", "m365"),
    ("google", "Google", "Google Workspace", "workspace"),
    ("zendesk", "Zendesk", "Zendesk helpdesk", "helpdesk"),
    ("salesforce", "Salesforce", "Salesforce CRM", "crm"),
    ("atlassian", "Atlassian", "Jira and Confluence Cloud", "jira"),
    ("workday", "Workday", "Workday HR", "hr"),
    ("dropbox", "Dropbox", "Dropbox Business", "files"),
    ("hubspot", "HubSpot", "HubSpot marketing", "marketing"),
];

pub const ON_PREM_SITES: [(&str, &str); 6] = [
    ("hq-dc", "Headquarters server room"),
    ("plant-ot", "Plant OT network"),
    ("shop-floor", "Shop floor network"),
    ("branch-office", "Branch office network"),
    ("lab-net", "Laboratory network"),
    ("warehouse", "Warehouse network"),
];

pub const ATTESTATIONS: [&str; 3] = ["soc2-type2", "iso27001", "fedramp-moderate"];

pub const MSSP_SIGNATORIES: [&str; 4] = ["Dana Reyes", "Tomas Novak", "Aisha Rahman", "Kenji Sato"];

/// Exceptions a client may record: framework, control, kind, reason, and for which
/// environments (`*` any, `saas` SaaS-only).
#[rustfmt::skip]
pub const EXCEPTIONS: [(&str, &str, &str, &str, &str); 6] = [
    ("iso27001-2022", "A.8.30", "not-applicable", "No software development is outsourced.", "*"),
    ("iso27001-2022", "A.8.28", "not-applicable", "No software is developed in-house.", "saas"),
    ("iso27001-2022", "A.8.31", "not-applicable", "SaaS only; there are no development or test environments.", "saas"),
    ("iso27001-2022", "A.8.4", "not-applicable", "No source code is written or held.", "saas"),
    ("iso27001-2022", "A.7.9", "risk-accepted", "Off-premises equipment is limited to managed laptops; the residual risk is accepted.", "*"),
    ("cmmc-2.0", "SC.L2-3.13.14", "not-applicable", "No Voice over IP is used in the CUI enclave.", "*"),
];

/// `count` unique client names: `<word>-<trade>`, then `-<city>`, then a number.
pub fn names(seed: u64, count: usize) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0x6E61_6D65_7300);
    let mut seen = HashSet::new();
    let mut names = Vec::with_capacity(count);
    while names.len() < count {
        let mut name = format!("{}-{}", rng.pick(&FIRST_WORDS), rng.pick(&SECOND_WORDS));
        if seen.contains(&name) {
            name = format!("{name}-{}", rng.pick(&CITIES));
        }
        if seen.contains(&name) {
            name = (2..)
                .map(|k| format!("{name}-{k}"))
                .find(|n| !seen.contains(n))
                .expect("a free number");
        }
        seen.insert(name.clone());
        names.push(name);
    }
    names
}
