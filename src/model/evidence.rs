//! Evidence of a row: a reference in words, or an entry with the date it was
//! produced and where it is kept.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::date::Date;

/// One piece of evidence: `Quarterly access review` or
/// `{name: Quarterly access review, date: 2026-09-30, location: https://...}`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Evidence {
    /// What the evidence is and where the auditor finds it, in words.
    Text(String),
    Entry(EvidenceEntry),
}

/// Evidence with the date it was produced (the review rule judges its age by
/// it) and where it is kept.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceEntry {
    pub name: String,
    /// The day the evidence was produced (a report's date, a test's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it is kept: a path, a URL, a ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// One line: the name, then `[date: YYYY-MM-DD, location: ...]` for what an
/// entry adds (the spreadsheet form, read back by `sheet::parse_evidence`).
impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entry = match self {
            Evidence::Text(text) => return f.write_str(text),
            Evidence::Entry(entry) => entry,
        };
        f.write_str(&entry.name)?;
        let mut parts = Vec::new();
        if let Some(date) = entry.date {
            parts.push(format!("date: {date}"));
        }
        if let Some(location) = &entry.location {
            parts.push(format!("location: {location}"));
        }
        match parts.is_empty() {
            true => f.write_str(" []"),
            false => write!(f, " [{}]", parts.join(", ")),
        }
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EvidenceVisitor;

        impl<'de> Visitor<'de> for EvidenceVisitor {
            type Value = Evidence;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("evidence in words or an entry {name, date, location}")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Evidence::Text(text.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                EvidenceEntry::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Evidence::Entry)
            }
        }

        deserializer.deserialize_any(EvidenceVisitor)
    }
}
