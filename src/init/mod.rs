//! `srmcheck init`: a first SRM for a new client. One row per layer and
//! suggested owner with every in-scope control of the frameworks placed,
//! RACI, and `TODO` placeholders where only the parties can decide (duties,
//! SLA targets, evidence, contacts, sign-offs): the `placeholder-value` rule
//! finds each.

mod assessment;
mod error;
mod owners;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

pub use error::InitError;

use crate::catalog::{unknown_in, Catalog};
use crate::import::{emit_yaml, At, Draft, DraftRow};
use crate::load::{LoadError, Loader};
use crate::model::{
    Control, Date, Environment, EnvironmentSpec, FrameworkSelection, Kind, Layer, Provider,
    ServiceModel, SpecificationStatus,
};
use crate::source::display_name;

/// What the first SRM is for.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// `ID`, `ID:LEVEL`, `ID:BASELINE` or `ID:PART`.
    pub frameworks: Vec<String>,
    pub provider: PathBuf,
    pub environment: Option<PathBuf>,
    pub client: Option<String>,
    /// The file the SRM is written to: references are relative to its folder.
    pub output: PathBuf,
    /// The date of the review block.
    pub today: Date,
}

/// The YAML of the first SRM.
pub fn init(
    options: &InitOptions,
    catalog: &Catalog,
    loader: &Loader,
) -> Result<String, InitError> {
    let selections = options
        .frameworks
        .iter()
        .map(|f| selection(f))
        .collect::<Result<Vec<_>, _>>()?;
    let provider: Provider = load_kind(loader, &options.provider, Kind::Provider)?;
    let environment = match &options.environment {
        Some(path) => load_kind::<Environment>(loader, path, Kind::Environment)?.spec,
        None => EnvironmentSpec {
            model: ServiceModel::OnPrem,
            components: Vec::new(),
            data_classes: Vec::new(),
        },
    };
    let (assessed, placed) = assessment::set_apart(in_scope(&selections, catalog)?);
    let independent = !assessed.is_empty();
    let mut rows = rows(&placed, &provider, &environment);
    if let Some(row) = assessment::row(&format!("R-{:02}", rows.len() + 1), &assessed) {
        rows.push(Planned {
            owner: "client".into(),
            controls: assessed.into_iter().map(|(_, c)| c).collect(),
            row,
        });
    }
    let mut draft = document(options, &selections, &environment);
    draft.spec.insert(
        "parties".into(),
        parties(&rows, &environment, options.today, independent),
    );
    draft.rows = rows.into_iter().map(|r| r.row).collect();
    let header = vec![format!(
        "A first SRM made by `srmcheck init` on {}: replace every TODO, then `srmcheck check`.",
        options.today
    )];
    Ok(emit_yaml(&draft, &header))
}

/// Every in-scope control of the selections, with its framework id.
fn in_scope(
    selections: &[FrameworkSelection],
    catalog: &Catalog,
) -> Result<Vec<(String, Control)>, InitError> {
    let mut placed = Vec::new();
    for selection in selections {
        let index = match catalog.get(&selection.id) {
            Some(index) => index?,
            None => return Err(unknown_framework(&selection.id, catalog)),
        };
        let positions = index
            .select(selection)
            .map_err(|message| InitError::Framework {
                message: format!("{}: {message}", selection.id),
                hint: format!(
                    "`srmcheck frameworks show {}` lists its controls",
                    selection.id
                ),
            })?;
        placed.extend(
            positions
                .into_iter()
                .map(|p| (selection.id.clone(), index.controls()[p].clone())),
        );
    }
    Ok(placed)
}

/// The document around the rows: names, references, review and escalation.
fn document(
    options: &InitOptions,
    selections: &[FrameworkSelection],
    environment: &EnvironmentSpec,
) -> Draft {
    let base = match options.output.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut draft = Draft::default();
    let name = options
        .client
        .clone()
        .unwrap_or_else(|| "new-client".to_owned());
    draft
        .metadata
        .insert("name".into(), Value::from(slug(&name)));
    let client = options
        .client
        .clone()
        .unwrap_or_else(|| "TODO: the client's name".into());
    let environment = match &options.environment {
        Some(path) => Value::from(relative(&base, path)),
        None => serde_json::to_value(environment).unwrap_or_default(),
    };
    let spec = &mut draft.spec;
    spec.insert("client".into(), Value::from(client));
    spec.insert(
        "provider".into(),
        Value::from(relative(&base, &options.provider)),
    );
    spec.insert("environment".into(), environment);
    spec.insert(
        "frameworks".into(),
        serde_json::to_value(selections).unwrap_or_default(),
    );
    spec.insert("review".into(), review(options.today));
    spec.insert("incidentResponse".into(), json!({
        "escalation": [
            {"party": "mssp", "contact": "TODO: the SOC's on-call contact", "within": "15m"},
            {"party": "client", "contact": "TODO: the client's out-of-hours incident contact", "within": "1h", "hours": "24x7"},
        ],
        "decisionAuthority": "client",
    }));
    if options.environment.is_none() {
        draft.notes.push(("environment".into(), "TODO: where the client runs (an Environment file, or this inline spec): service model, components and their vendors.".into()));
    }
    draft.notes.push(("responsibilities".into(), "Owners are suggestions from srmcheck's knowledge of each control and the service model: review each row.".into()));
    draft
}

/// Writes the SRM, whole or not at all.
pub fn write(path: &Path, text: &str) -> Result<(), InitError> {
    crate::atomic::write(path, text.as_bytes()).map_err(|e| InitError::Write {
        path: display_name(path),
        reason: e.to_string(),
    })
}

struct Planned {
    owner: String,
    controls: Vec<Control>,
    row: DraftRow,
}

/// One row per layer and owner, in layer order.
fn rows(
    placed: &[(String, Control)],
    provider: &Provider,
    environment: &EnvironmentSpec,
) -> Vec<Planned> {
    const LAYERS: [Layer; 8] = [
        Layer::Governance,
        Layer::People,
        Layer::Identity,
        Layer::Data,
        Layer::Application,
        Layer::Host,
        Layer::Network,
        Layer::Physical,
    ];
    let mut planned: Vec<Planned> = Vec::new();
    let through = placed_through_specifications(placed);
    for layer in LAYERS {
        let vendors = owners::vendors_of(environment, layer);
        let mut groups: Vec<Group> = Vec::new();
        let in_layer = placed
            .iter()
            .filter(|(_, c)| c.layer.unwrap_or(Layer::Governance) == layer)
            .filter(|(framework, c)| !through.contains(&(framework.as_str(), c.id.as_str())));
        // A layer no vendor runs somewhere (an on-prem site) needs a party
        // row beside the vendors' rows, which apply to their own components.
        let party_too = vendors.is_empty() || owners::party_runs(environment, layer);
        for (k, (framework, control)) in in_layer.enumerate() {
            let mut owners_of = Vec::new();
            if let Some(vendor) = vendors.get(k % vendors.len().max(1)) {
                owners_of.push(format!("vendor:{vendor}"));
            }
            if party_too {
                owners_of.push(owners::party_for(&provider.spec, control).to_owned());
            }
            for owner in owners_of {
                place(&mut groups, owner, framework, control);
            }
        }
        for (owner, controls, list) in groups {
            let id = format!("R-{:02}", planned.len() + 1);
            let mut draft = row(&id, layer, &owner, controls);
            draft.set("addressable", addressable(&list));
            if let Some(vendor) = owner.strip_prefix("vendor:") {
                let components = owners::components_of(environment, vendor, layer);
                draft.set("components", json!(components));
            }
            planned.push(Planned {
                row: draft,
                owner,
                controls: list,
            });
        }
    }
    planned
}

/// `(framework, standard)` of each standard whose implementation
/// specifications are placed, each in the row of its own layer, so that the
/// standard itself is not: a row citing the standard would cover them all, and
/// be judged for every one (the governance owner of 164.308(a)(1) for the
/// activity review's monitoring).
fn placed_through_specifications(placed: &[(String, Control)]) -> BTreeSet<(&str, &str)> {
    placed
        .iter()
        .filter_map(|(framework, c)| Some((framework.as_str(), c.standard.as_deref()?)))
        .collect()
}

/// A decision to confirm for each addressable implementation specification
/// the row covers: `implemented`, with a `TODO` reason the parties replace
/// (or drop once it is implemented as written), or change to `alternative` /
/// `not-reasonable` with their reason.
fn addressable(controls: &[Control]) -> Value {
    let decisions: Map<String, Value> = controls
        .iter()
        .filter(|c| c.status == Some(SpecificationStatus::Addressable))
        .map(|c| {
            let decision = json!({"decision": "implemented", "reason": "TODO: confirm it is implemented as written (then drop this reason), or decide alternative / not-reasonable and say why"});
            (c.id.clone(), decision)
        })
        .collect();
    Value::Object(decisions)
}

/// Adds `control` to the group of `owner`, made when it is the first.
fn place(groups: &mut Vec<Group>, owner: String, framework: &str, control: &Control) {
    let at = match groups.iter().position(|(o, _, _)| *o == owner) {
        Some(at) => at,
        None => {
            groups.push((owner, Map::new(), Vec::new()));
            groups.len() - 1
        }
    };
    let ids = groups[at]
        .1
        .entry(framework.to_owned())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(ids) = ids {
        ids.push(Value::from(control.id.clone()));
    }
    groups[at].2.push(control.clone());
}

/// An owner's row in the making: its controls per framework, and the controls.
type Group = (String, Map<String, Value>, Vec<Control>);

fn row(id: &str, layer: Layer, owner: &str, controls: Map<String, Value>) -> DraftRow {
    let layer_name = serde_json::to_value(layer)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut row = DraftRow::new(At {
        file: String::new(),
        position: None,
    });
    row.set("id", Value::from(id));
    row.set(
        "title",
        Value::from(format!("{} controls ({owner})", capitalised(&layer_name))),
    );
    row.set("controls", Value::Object(controls));
    row.set("owner", Value::from(owner));
    let raci = match owner {
        "client" => json!({"client": "RA"}),
        other => json!({other: "R", "client": "A"}),
    };
    row.set("raci", raci);
    row.set("duties", json!({owner: format!("TODO: what {owner} does for the {layer_name} controls of this row")}));
    if owner == "mssp" {
        row.set(
            "sla",
            json!([{"metric": "time-to-respond", "target": "TODO"}]),
        );
    }
    row.set(
        "evidence",
        json!(["TODO: where the auditor finds the evidence"]),
    );
    row.comments
        .push(format!("Suggested owner: {owner} ({layer_name} layer)."));
    row
}

/// The client's profile (what its rows need, to confirm) and the vendors of the environment.
fn parties(
    rows: &[Planned],
    environment: &EnvironmentSpec,
    today: Date,
    independent: bool,
) -> Value {
    let client: Vec<&Control> = rows
        .iter()
        .filter(|r| r.owner == "client")
        .flat_map(|r| &r.controls)
        .collect();
    let capabilities: BTreeSet<&String> = client.iter().flat_map(|c| &c.capabilities).collect();
    let maturity = client
        .iter()
        .filter_map(|c| c.min_maturity)
        .max()
        .map(u8::from)
        .unwrap_or(1);
    let mut vendors: Vec<Value> = Vec::new();
    for vendor in environment
        .components
        .iter()
        .filter_map(|c| c.vendor.as_ref())
    {
        if !vendors.iter().any(|v| v["id"] == *vendor) {
            let until = today
                .0
                .checked_add_months(chrono::Months::new(12))
                .unwrap_or(today.0);
            vendors.push(json!({"id": vendor, "name": vendor,
                "attestations": [{"type": "TODO: soc2-type2, iso27001, ...", "validUntil": until.format("%Y-%m-%d").to_string()}]}));
        }
    }
    if independent {
        vendors.push(assessment::vendor());
    }
    json!({
        "client": {"capabilities": capabilities, "coverage": "business-hours", "capacityHours": 40,
                   "maturity": {"soc": maturity, "infrastructure": maturity}},
        "vendors": vendors,
    })
}

fn review(today: Date) -> Value {
    let date = today.to_string();
    json!({"cadence": "quarterly", "lastReviewed": date, "lastChanged": date,
           "signOff": {"mssp": {"by": "TODO: who signs for the MSSP", "date": date},
                       "client": {"by": "TODO: who signs for the client", "date": date}}})
}

/// `ID`, `ID:LEVEL`, `ID:BASELINE` or `ID:PART`.
fn selection(text: &str) -> Result<FrameworkSelection, InitError> {
    crate::import::parse_selection(text).map_err(|e| {
        let problem = e.problem();
        InitError::Framework {
            message: problem.message,
            hint: problem.hint.unwrap_or_default(),
        }
    })
}

fn unknown_framework(id: &str, catalog: &Catalog) -> InitError {
    InitError::Framework {
        message: format!("unknown framework `{id}`"),
        hint: crate::suggest::did_you_mean_hint(id, catalog.ids())
            .unwrap_or_else(|| "`srmcheck frameworks list` lists them".into()),
    }
}

fn load_kind<T: for<'a> serde::Deserialize<'a>>(
    loader: &Loader,
    path: &Path,
    kind: Kind,
) -> Result<T, InitError> {
    let file = loader.load(path)?;
    let Some(document) = file.of_kind(kind).next() else {
        return Err(InitError::Document {
            path: display_name(path),
            message: format!("the file holds no {kind} document"),
        });
    };
    let capabilities = document
        .node
        .get("spec")
        .and_then(|s| s.get("capabilities"));
    if let Some(unknown) = unknown_in(&file.source, capabilities).into_iter().next() {
        return Err(LoadError::from(unknown).into());
    }
    Ok(file.typed(document)?)
}

/// `path` relative to the folder `base` (both made absolute first).
fn relative(base: &Path, path: &Path) -> String {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (base, path) = (absolute(base), absolute(path));
    let common = base
        .components()
        .zip(path.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in base.components().skip(common) {
        out.push("..");
    }
    for part in path.components().skip(common) {
        out.push(part);
    }
    out.to_string_lossy().replace('\\', "/")
}

fn slug(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    slug.split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
