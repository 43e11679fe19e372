//! The capability vocabulary: what a control can need and a party can bring,
//! each with what a party needs to have and the controls that typically need
//! it. This table is the one place the vocabulary is kept: the knowledge
//! files, SRM rows, client parties and Provider profiles are checked against
//! it, `srmcheck capabilities` prints it, the schemas offer it, and a test
//! keeps the table of `frameworks/knowledge/README.md` equal to it.

use std::sync::Arc;

use crate::located::Located;
use crate::problem::Code;
use crate::source::SourceFile;
use crate::suggest::did_you_mean;
use crate::yaml::{Node, NodeKind};

/// One capability of the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capability {
    /// The name rows, parties and knowledge entries use: `security-monitoring`.
    pub name: &'static str,
    /// What a party needs to have to claim it.
    pub description: &'static str,
    /// Controls that typically need it (Markdown, as the README shows them).
    pub typical: &'static str,
}

/// The vocabulary, in the order the README documents it.
pub const VOCABULARY: [Capability; 29] = [
    Capability {
        name: "policy-governance",
        description: "owns and maintains security policy, roles and compliance",
        typical: "A.5.1, every SP 800-53 `-1`, PL-2, PT-1",
    },
    Capability {
        name: "risk-management",
        description: "runs risk assessment and treatment",
        typical: "RA-3, PM-9, GV.RM, 3.11.1",
    },
    Capability {
        name: "threat-intelligence",
        description: "sources, analyses and applies threat intelligence; hunts threats",
        typical: "A.5.7, PM-16, RA-10, ID.RA-02",
    },
    Capability {
        name: "asset-management",
        description: "keeps the inventory of hardware, software, information and services",
        typical: "A.5.9, CM-8, ID.AM-01",
    },
    Capability {
        name: "data-governance",
        description: "classifies, labels, retains and disposes of data and media",
        typical: "A.5.12, MP-6, SI-12",
    },
    Capability {
        name: "identity-administration",
        description: "administers identities, accounts, authentication and access",
        typical: "A.5.18, AC-2, IA-5",
    },
    Capability {
        name: "security-awareness-training",
        description: "trains people in security awareness and their roles",
        typical: "A.6.3, AT-2, 3.2.1",
    },
    Capability {
        name: "physical-security",
        description: "secures sites, rooms and equipment",
        typical: "A.7.2, PE-3, PE-13",
    },
    Capability {
        name: "endpoint-management",
        description: "manages and protects end-user and server endpoints and mobile devices, including anti-malware",
        typical: "A.8.1, AC-19, SI-3",
    },
    Capability {
        name: "vulnerability-management",
        description: "scans for and tracks vulnerabilities to their remediation",
        typical: "A.8.8, RA-5, 3.11.2",
    },
    Capability {
        name: "patch-management",
        description: "patches systems within agreed times",
        typical: "SI-2, 3.14.1",
    },
    Capability {
        name: "configuration-management",
        description: "keeps baselines, changes, maintenance and capacity under control",
        typical: "A.8.9, CM-2, MA-2",
    },
    Capability {
        name: "security-monitoring",
        description: "collects logs, reviews them and watches for attacks",
        typical: "A.8.16, AU-6, SI-4",
    },
    Capability {
        name: "incident-response",
        description: "triages, contains and recovers from incidents",
        typical: "A.5.26, IR-4, RS.MI-01",
    },
    Capability {
        name: "backup-recovery",
        description: "backs up and restores systems and data",
        typical: "A.8.13, CP-9, CP-10",
    },
    Capability {
        name: "network-security",
        description: "secures networks, boundaries and communications",
        typical: "A.8.20, SC-7, AC-17",
    },
    Capability {
        name: "key-management",
        description: "runs cryptography and keys",
        typical: "A.8.24, SC-12, SC-13",
    },
    Capability {
        name: "vendor-management",
        description: "manages suppliers, cloud services and the supply chain",
        typical: "A.5.19, SA-9, SR-6",
    },
    Capability {
        name: "secure-development",
        description: "builds and tests software securely",
        typical: "A.8.25, SA-11, SI-10",
    },
    Capability {
        name: "detection-engineering",
        description: "writes, tunes and tests detection rules and use cases for the monitoring it feeds",
        typical: "SI-4(2), SI-4(24), DE.AE-02",
    },
    Capability {
        name: "personnel-security",
        description: "screens, onboards and offboards people; sanctions and access agreements",
        typical: "A.6.1, PS-3, 3.9.1",
    },
    Capability {
        name: "audit-assurance",
        description: "assesses and audits controls independently of those who operate them",
        typical: "A.5.35, CA-2, 9.2.1",
    },
    Capability {
        name: "business-continuity",
        description: "plans, exercises and runs continuity and disaster recovery",
        typical: "A.5.30, CP-2, 164.308(a)(7)(i)",
    },
    Capability {
        name: "forensics",
        description: "collects and preserves evidence and analyses compromised systems",
        typical: "A.5.28, IR-4(12), AU-9",
    },
    Capability {
        name: "security-architecture",
        description: "designs systems and networks to security engineering principles",
        typical: "3.13.2, SA-8, A.8.27",
    },
    Capability {
        name: "cloud-administration",
        description: "administers a cloud tenancy: accounts, policies, guardrails and native security services",
        typical: "AC-2(1) in a cloud tenancy, CM-6 of cloud services",
    },
    Capability {
        name: "ot-security",
        description: "secures operational technology and industrial control systems",
        typical: "SC-7 in an OT network, SI-4 of ICS",
    },
    Capability {
        name: "privacy",
        description: "runs a privacy programme: notices, consent, data subject requests, PII processing",
        typical: "PT-2, PT-4, A.5.34",
    },
    Capability {
        name: "penetration-testing",
        description: "tests defences the way an attacker would",
        typical: "CA-8, A.8.8 testing, 3.12.1 testing",
    },
];

/// The capability names of [`VOCABULARY`], in its order.
pub const CAPABILITIES: [&str; VOCABULARY.len()] = {
    let mut names = [""; VOCABULARY.len()];
    let mut i = 0;
    while i < VOCABULARY.len() {
        names[i] = VOCABULARY[i].name;
        i += 1;
    }
    names
};

/// Whether `name` is a capability of the vocabulary.
pub fn is_capability(name: &str) -> bool {
    CAPABILITIES.contains(&name)
}

/// The message and hint of a problem naming `name`, which is not a capability.
pub fn unknown_capability(name: &str) -> (String, String) {
    let hint = match did_you_mean(name, CAPABILITIES) {
        Some(best) => {
            format!("did you mean `{best}`? `srmcheck capabilities` lists the vocabulary")
        }
        None => "use a capability of the vocabulary: `srmcheck capabilities` lists them".to_owned(),
    };
    (format!("`{name}` is not a capability"), hint)
}

/// The problem of each item of the sequence `capabilities` (a YAML node of
/// `source`) that is not a capability, at the item.
pub fn unknown_in(source: &Arc<SourceFile>, capabilities: Option<&Node>) -> Vec<Located> {
    let Some(NodeKind::Seq(items)) = capabilities.map(|n| &n.kind) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let name = item.as_str()?;
            if is_capability(name) {
                return None;
            }
            let (message, hint) = unknown_capability(name);
            let located = Located::new(source, item.span, message)
                .with_code(Code::UnknownCapability)
                .with_hint(hint);
            Some(located)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = include_str!("../../frameworks/knowledge/README.md");

    /// The rows of the README's capability table, as (name, description, typical).
    fn readme_rows() -> Vec<(String, String, String)> {
        let section = README
            .split("\n## Capabilities\n")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("the README has a Capabilities section");
        section
            .lines()
            .filter(|line| line.starts_with("| `"))
            .map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
                assert_eq!(cells.len(), 3, "three cells: {line}");
                (
                    cells[0].trim_matches('`').to_owned(),
                    cells[1].to_owned(),
                    cells[2].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn the_readme_table_is_the_vocabulary() {
        let table: Vec<(String, String, String)> = VOCABULARY
            .iter()
            .map(|c| {
                (
                    c.name.to_owned(),
                    c.description.to_owned(),
                    c.typical.to_owned(),
                )
            })
            .collect();
        assert_eq!(readme_rows(), table);
    }

    #[test]
    fn names_are_unique_kebab_case_and_described() {
        let mut seen = std::collections::HashSet::new();
        for capability in VOCABULARY {
            assert!(seen.insert(capability.name), "{} twice", capability.name);
            assert!(
                capability
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                capability.name
            );
            assert!(!capability.description.is_empty(), "{}", capability.name);
        }
        assert!(is_capability("forensics"));
        let (message, hint) = unknown_capability("forensic");
        assert_eq!(message, "`forensic` is not a capability");
        assert!(hint.starts_with("did you mean `forensics`?"), "{hint}");
        assert!(!is_capability("log-management"));
    }
}
