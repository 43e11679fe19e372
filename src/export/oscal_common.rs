//! What the OSCAL exports share: name-based UUIDs, control ids as OSCAL
//! tokens, the metadata (parties, RACI roles) and srmcheck's props.

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::model::{Date, ImplementationStatus, ResponsibilityMatrix};
use crate::report::model::ClientPage;

/// The OSCAL version the exports conform to.
pub(crate) const OSCAL_VERSION: &str = "1.1.2";
/// The namespace of srmcheck's own props.
pub(crate) const NS: &str = "urn:srmcheck:oscal";
/// FedRAMP's namespace (control origination).
pub(crate) const FEDRAMP_NS: &str = "https://fedramp.gov/ns/oscal";
/// The RACI letters and the roles they become.
pub(crate) const RACI_ROLES: [(char, &str, &str); 4] = [
    ('R', "responsible", "Responsible"),
    ('A', "accountable", "Accountable"),
    ('C', "consulted", "Consulted"),
    ('I', "informed", "Informed"),
];

/// UUIDs of one document: v5, from a seed and the subject's path, so that
/// the same subject keeps its UUID across exports and the document's own
/// UUID changes with its content.
pub(crate) struct Uuids {
    namespace: Uuid,
    scope: String,
}

impl Uuids {
    /// UUIDs of subjects of `scope` (the SRM's or provider's name and the model).
    pub(crate) fn new(scope: &str) -> Self {
        Uuids {
            namespace: Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:srmcheck:oscal"),
            scope: scope.to_owned(),
        }
    }

    /// The UUID of a subject, named by its path in the document.
    pub(crate) fn of(&self, subject: &str) -> String {
        let name = format!("{}/{subject}", self.scope);
        Uuid::new_v5(&self.namespace, name.as_bytes()).to_string()
    }

    /// The document's own UUID: from the content it is made from.
    pub(crate) fn document(&self, content: &Value) -> String {
        let digest = Sha256::digest(content.to_string().as_bytes());
        Uuid::new_v5(&self.namespace, &digest).to_string()
    }
}

pub(crate) use crate::oscal::control_token;

/// A date as the OSCAL timestamp of its start, in UTC.
pub(crate) fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// A prop of srmcheck's namespace.
pub(crate) fn prop(name: &str, value: &str) -> Value {
    json!({"name": name, "ns": NS, "value": value})
}

/// The parties of an SRM as `(key, name)`: `mssp`, `client`, then `vendor:<id>`.
pub(crate) fn parties(srm: &ResponsibilityMatrix, page: &ClientPage) -> Vec<(String, String)> {
    let mut parties = vec![
        ("mssp".to_owned(), page.parties.mssp.name.clone()),
        ("client".to_owned(), srm.spec.client.clone()),
    ];
    parties.extend(
        srm.spec
            .parties
            .vendors
            .iter()
            .map(|v| (format!("vendor:{}", v.id), v.name.clone())),
    );
    parties
}

/// The RACI roles as `(id, title)`.
pub(crate) fn raci_roles() -> Vec<(&'static str, &'static str)> {
    RACI_ROLES
        .iter()
        .map(|(_, id, title)| (*id, *title))
        .collect()
}

/// The metadata of a document: title, dates, roles, the parties.
pub(crate) fn metadata(
    uuids: &Uuids,
    title: &str,
    as_of: Date,
    roles: &[(&str, &str)],
    parties: &[(String, String)],
) -> Value {
    let roles: Vec<Value> = roles
        .iter()
        .map(|(id, title)| json!({"id": id, "title": title}))
        .collect();
    let parties: Vec<Value> = parties
        .iter()
        .map(|(key, name)| {
            json!({
                "uuid": uuids.of(&format!("party/{key}")),
                "type": "organization",
                "name": name,
                "short-name": key,
            })
        })
        .collect();
    json!({
        "title": title,
        "last-modified": timestamp(as_of),
        "version": as_of.to_string(),
        "oscal-version": OSCAL_VERSION,
        "roles": roles,
        "parties": parties,
    })
}

/// A row's RACI as responsible roles: one per letter given, naming its parties.
pub(crate) fn responsible_roles(
    uuids: &Uuids,
    raci: &std::collections::BTreeMap<String, String>,
) -> Vec<Value> {
    RACI_ROLES
        .iter()
        .filter_map(|(letter, role, _)| {
            let parties: Vec<String> = raci
                .iter()
                .filter(|(_, letters)| letters.to_uppercase().contains(*letter))
                .map(|(party, _)| uuids.of(&format!("party/{party}")))
                .collect();
            (!parties.is_empty()).then(|| json!({"role-id": role, "party-uuids": parties}))
        })
        .collect()
}

/// An implementation status as OSCAL's `implementation-status`.
pub(crate) fn status(status: Option<ImplementationStatus>) -> Value {
    let state = match status.unwrap_or(ImplementationStatus::Implemented) {
        ImplementationStatus::Implemented => "implemented",
        ImplementationStatus::Partial => "partial",
        ImplementationStatus::Planned => "planned",
        ImplementationStatus::Alternative => "alternative",
        ImplementationStatus::NotApplicable => "not-applicable",
    };
    json!({ "state": state })
}

/// A JSON object from pairs, leaving out empty arrays and nulls (OSCAL
/// arrays hold at least one item).
pub(crate) fn object(pairs: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    for (key, value) in pairs {
        let empty = value.is_null() || value.as_array().is_some_and(Vec::is_empty);
        if !empty {
            map.insert(key.to_owned(), value);
        }
    }
    Value::Object(map)
}

/// The document as pretty JSON with a final newline.
pub(crate) fn bytes(document: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(document).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_5_and_stable() {
        let a = Uuids::new("acme/ssp").of("party/mssp");
        assert_eq!(a, Uuids::new("acme/ssp").of("party/mssp"));
        assert_ne!(a, Uuids::new("acme/ssp").of("party/client"));
        assert_eq!(a.as_bytes()[14], b'5');
    }
}
