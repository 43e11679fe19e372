//! JSON Schema of each document kind, generated from the model types.

use schemars::{schema_for, JsonSchema, Schema};
use serde_json::json;

use crate::load::API_VERSION;
use crate::model::{
    EnvironmentSpec, FrameworkSpec, Kind, Manifest, MappingSpec, MatrixSpec, PartyProfile,
};

/// The JSON Schema (draft 2020-12) of one kind, pretty-printed.
pub fn schema(kind: Kind) -> String {
    let mut schema = match kind {
        Kind::Framework => of::<FrameworkSpec>(),
        Kind::Mapping => of::<MappingSpec>(),
        Kind::Provider => of::<PartyProfile>(),
        Kind::Environment => of::<EnvironmentSpec>(),
        Kind::ResponsibilityMatrix => of::<MatrixSpec>(),
    };
    schema.insert("title".into(), json!(format!("srmcheck {kind}")));
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert("apiVersion".into(), json!({"const": API_VERSION}));
        properties.insert("kind".into(), json!({"const": kind.as_str()}));
    }
    if let Some(defs) = schema.get_mut("$defs").and_then(|d| d.as_object_mut()) {
        defs.remove("ApiVersion");
        defs.remove("Kind");
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

fn of<S: JsonSchema>() -> Schema {
    schema_for!(Manifest<S>)
}
