//! The vocabularies the model types keep as plain strings, added to the
//! generated schemas so that an editor completes and checks them:
//!
//! - an owner is `mssp`, `client`, `shared` or `vendor:<id>` (a pattern);
//! - RACI letters are some of `R`, `A`, `C`, `I`, per party (`mssp`, `client`,
//!   `vendor:<id>`);
//! - a framework id is one of the built-in catalogs' ids (offered as an enum)
//!   or an organisation's own catalog id (any id of letters, digits, `.`, `_`
//!   and `-`): the schema cannot know a `--frameworks` folder, so it accepts
//!   any well-formed id and srmcheck itself reports an unknown one;
//! - a capability is one of the documented vocabulary ([`CAPABILITIES`]).

use serde_json::{json, Map, Value};

use crate::catalog::{Catalog, CAPABILITIES};
use crate::yaml::Limits;

/// A party of a row: the MSSP, the client or a vendor.
const PARTY: &str = r"^(mssp|client|vendor:\S+)$";
/// An owner: a party, or both MSSP and client.
const OWNER: &str = r"^(mssp|client|shared|vendor:\S+)$";
/// RACI letters.
const RACI: &str = r"^[RACI]{1,4}$";
/// A framework id of an organisation's own catalog.
const FRAMEWORK_ID: &str = r"^[A-Za-z0-9][A-Za-z0-9._-]*$";

/// Adds the vocabularies to the definitions of one schema.
pub fn apply(definitions: &mut Map<String, Value>) {
    let framework = framework_id();
    let capability = json!({"type": "string", "enum": CAPABILITIES});
    let capabilities = json!({"type": "array", "items": capability});
    set(
        definitions,
        "Responsibility",
        "owner",
        json!({"type": ["string", "null"], "pattern": OWNER}),
    );
    set(
        definitions,
        "Responsibility",
        "raci",
        json!({
            "type": "object",
            "propertyNames": {"pattern": PARTY},
            "additionalProperties": {"type": "string", "pattern": RACI},
        }),
    );
    set(
        definitions,
        "Responsibility",
        "controls",
        json!({
            "type": "object",
            "propertyNames": framework.clone(),
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }),
    );
    set(
        definitions,
        "Responsibility",
        "capabilities",
        capabilities.clone(),
    );
    set(definitions, "PartyProfile", "capabilities", capabilities);
    set(definitions, "FrameworkSelection", "id", framework.clone());
    set(
        definitions,
        "FrameworkSelection",
        "via",
        json!({"type": "array", "items": framework}),
    );
    set(definitions, "Exception", "framework", framework.clone());
    set(definitions, "MappingSpec", "from", framework.clone());
    set(definitions, "MappingSpec", "to", framework);
}

/// A built-in framework id, or one of an organisation's own.
fn framework_id() -> Value {
    let builtin: Vec<String> = Catalog::builtin(Limits::default())
        .ids()
        .map(str::to_owned)
        .collect();
    json!({
        "type": "string",
        "anyOf": [
            {"enum": builtin, "description": "a built-in catalog"},
            {"pattern": FRAMEWORK_ID, "description": "an organisation's own catalog (--frameworks)"},
        ],
    })
}

/// Replaces the schema of `property` of definition `definition`, keeping its
/// description; a definition or property the schema lacks is left alone.
fn set(definitions: &mut Map<String, Value>, definition: &str, property: &str, schema: Value) {
    let Some(slot) = definitions
        .get_mut(definition)
        .and_then(|d| d.get_mut("properties"))
        .and_then(|p| p.get_mut(property))
    else {
        return;
    };
    let description = slot.get("description").cloned();
    let default = slot.get("default").cloned();
    *slot = schema;
    if let Some(object) = slot.as_object_mut() {
        for (key, value) in [("description", description), ("default", default)] {
            if let Some(value) = value {
                object.insert(key.to_owned(), value);
            }
        }
    }
}
