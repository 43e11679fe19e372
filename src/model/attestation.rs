//! Attestations: third-party evidence of a vendor's or the MSSP's controls,
//! what they cover and the duties they leave to their users (CUECs).

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};

use super::date::Date;
use crate::suggest::did_you_mean_hint;

/// The kinds of attestation srmcheck knows, with what each is. The rules
/// judge by them: CUI in a vendor's cloud needs `fedramp-moderate` or better,
/// PHI handled by a vendor or the MSSP needs a `baa`.
pub const ATTESTATION_KINDS: &[(&str, &str)] = &[
    (
        "soc1-type2",
        "SOC 1 Type II report (controls over financial reporting)",
    ),
    (
        "soc2-type1",
        "SOC 2 Type I report (design of controls at a point in time)",
    ),
    (
        "soc2-type2",
        "SOC 2 Type II report (operating effectiveness over a period)",
    ),
    ("iso27001", "ISO/IEC 27001 certificate"),
    (
        "iso27017",
        "ISO/IEC 27017 certificate (cloud security controls)",
    ),
    (
        "iso27018",
        "ISO/IEC 27018 certificate (PII in public clouds)",
    ),
    (
        "iso27701",
        "ISO/IEC 27701 certificate (privacy information management)",
    ),
    ("fedramp-low", "FedRAMP Low authorisation"),
    ("fedramp-moderate", "FedRAMP Moderate authorisation"),
    ("fedramp-high", "FedRAMP High authorisation"),
    (
        "dod-il2",
        "DoD Cloud Computing SRG Impact Level 2 authorisation",
    ),
    (
        "dod-il4",
        "DoD Cloud Computing SRG Impact Level 4 authorisation",
    ),
    (
        "dod-il5",
        "DoD Cloud Computing SRG Impact Level 5 authorisation",
    ),
    (
        "dod-il6",
        "DoD Cloud Computing SRG Impact Level 6 authorisation",
    ),
    ("cmmc-l1", "CMMC Level 1 self-assessment"),
    (
        "cmmc-l2",
        "CMMC Level 2 certification (a C3PAO's; an external service provider's too)",
    ),
    ("cmmc-l3", "CMMC Level 3 certification (DIBCAC)"),
    ("pci-dss", "PCI DSS attestation of compliance"),
    ("hitrust-r2", "HITRUST r2 certification"),
    (
        "csa-star-2",
        "CSA STAR Level 2 certification or attestation",
    ),
    ("baa", "HIPAA business associate agreement"),
];

/// Third-party evidence of a vendor's or the MSSP's controls, read from
/// its written fields: a `validUntil` is required but for a `baa`, and a
/// `period` ends after it starts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", try_from = "AttestationFields")]
pub struct Attestation {
    #[serde(rename = "type")]
    pub kind: AttestationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<AttestationScope>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cuecs: Vec<Cuec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// The fields of an [`Attestation`] as written, before the checks that
/// need several of them (and its schema).
#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "Attestation")]
struct AttestationFields {
    /// What it is: `soc2-type2`, `iso27001`, `fedramp-moderate`, `baa`, ...
    #[serde(rename = "type")]
    kind: AttestationKind,
    /// The last day it can be relied on (a report's bridge-letter date, a
    /// certificate's expiry). Required for every kind but `baa`: an
    /// agreement lasts as long as the contract unless a date is given.
    #[serde(default)]
    valid_until: Option<Date>,
    /// The period a report covers (SOC 2 Type II).
    #[serde(default)]
    period: Option<Period>,
    /// What the attestation covers.
    #[serde(default)]
    scope: Option<AttestationScope>,
    /// The complementary user entity controls the report lists: duties it
    /// leaves to its users, each of which a row of the SRM must own.
    #[serde(default)]
    cuecs: Vec<Cuec>,
    /// Where the report or certificate is kept.
    #[serde(default)]
    evidence: Option<String>,
}

impl TryFrom<AttestationFields> for Attestation {
    type Error = String;

    fn try_from(a: AttestationFields) -> Result<Self, Self::Error> {
        if a.valid_until.is_none() && a.kind.as_str() != "baa" {
            return Err(format!(
                "the `{}` attestation needs `validUntil`, the last day it can be relied on \
                 (only a `baa` may leave it out)",
                a.kind.as_str()
            ));
        }
        if let Some(period) = &a.period {
            if period.to < period.from {
                return Err(format!(
                    "the period of the `{}` attestation ends ({}) before it starts ({})",
                    a.kind.as_str(),
                    period.to,
                    period.from
                ));
            }
        }
        Ok(Attestation {
            kind: a.kind,
            valid_until: a.valid_until,
            period: a.period,
            scope: a.scope,
            cuecs: a.cuecs,
            evidence: a.evidence,
        })
    }
}

/// A kind of attestation: one of [`ATTESTATION_KINDS`], or a `TODO`
/// placeholder still to decide (which the `placeholder-value` rule reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AttestationKind(pub String);

impl AttestationKind {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for AttestationKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        let known = ATTESTATION_KINDS.iter().any(|(kind, _)| *kind == text);
        if known || text.trim_start().starts_with("TODO") {
            return Ok(AttestationKind(text.into_owned()));
        }
        let kinds = ATTESTATION_KINDS.iter().map(|(kind, _)| *kind);
        let hint = did_you_mean_hint(&text, kinds).unwrap_or_else(|| {
            let all: Vec<&str> = ATTESTATION_KINDS.iter().map(|(kind, _)| *kind).collect();
            format!("the kinds are: {}", all.join(", "))
        });
        Err(serde::de::Error::custom(format!(
            "unknown attestation type `{text}`; {hint}"
        )))
    }
}

impl JsonSchema for AttestationKind {
    fn schema_name() -> Cow<'static, str> {
        "AttestationKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let kinds: Vec<&str> = ATTESTATION_KINDS.iter().map(|(kind, _)| *kind).collect();
        json_schema!({"anyOf": [
            {"type": "string", "enum": kinds},
            {"type": "string", "pattern": "^\\s*TODO"}
        ]})
    }
}

/// The first and last day a report covers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

/// The services and regions an attestation covers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AttestationScope {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

/// A complementary user entity control: a duty a report leaves to its users.
/// A row owns it by naming it (`cuecs: [vendor:aws/CUEC-3]`, `mssp/CUEC-1`
/// for one of the MSSP's own reports) or by covering one of its `controls`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cuec {
    /// The id the report gives it (`CUEC-3`).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Controls whose rows own it, per framework id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub controls: BTreeMap<String, Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::ATTESTATION_KINDS;

    #[test]
    fn the_readme_documents_every_attestation_kind() {
        let readme = include_str!("../../README.md");
        for (kind, what) in ATTESTATION_KINDS {
            assert!(
                readme.contains(&format!("| `{kind}` | {what} |")),
                "README lacks the attestation type {kind}"
            );
        }
    }
}
