//! JSON Schema of each document kind, generated from the model types, in
//! draft 7 (what yaml-language-server and most editors read), with the
//! vocabularies the types leave as plain strings: owners, RACI letters,
//! framework ids and capabilities (see [`vocabulary`]).

mod vocabulary;

use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::json;

use crate::load::API_VERSION;
use crate::model::{
    EnvironmentSpec, FrameworkSpec, Kind, Manifest, MappingSpec, MatrixSpec, PartyProfile,
    ResponsibilitiesSpec,
};

/// The JSON Schema (draft 7) of one kind, pretty-printed.
pub fn schema(kind: Kind) -> String {
    let mut schema = match kind {
        Kind::Framework => of::<FrameworkSpec>(),
        Kind::Mapping => of::<MappingSpec>(),
        Kind::Provider => of::<PartyProfile>(),
        Kind::Environment => of::<EnvironmentSpec>(),
        Kind::ResponsibilityMatrix => of::<MatrixSpec>(),
        Kind::VendorResponsibilities => of::<ResponsibilitiesSpec>(),
    };
    schema.insert("title".into(), json!(format!("srmcheck {kind}")));
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert("apiVersion".into(), json!({"const": API_VERSION}));
        properties.insert("kind".into(), json!({"const": kind.as_str()}));
    }
    if let Some(definitions) = schema
        .get_mut("definitions")
        .and_then(|d| d.as_object_mut())
    {
        definitions.remove("ApiVersion");
        definitions.remove("Kind");
        vocabulary::apply(definitions);
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The file name of a kind's schema under `schemas/`.
pub fn file_name(kind: Kind) -> String {
    format!("{kind}.schema.json")
}

/// Writes the schema of every kind into `dir` (created if needed); returns
/// the files written.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let path = dir.join(file_name(kind));
            std::fs::write(&path, schema(kind))?;
            Ok(path)
        })
        .collect()
}

fn of<S: JsonSchema>() -> Schema {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Manifest<S>>()
}
