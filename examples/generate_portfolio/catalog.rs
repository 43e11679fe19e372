//! The two catalogs the generated SRMs select, read from `frameworks/` with a
//! line reader: the catalog files for ids, titles and families, the knowledge
//! files for what each control needs of its owner.

use std::collections::HashMap;
use std::path::Path;

use super::tables::CAPABILITIES;

/// Layers as bits, for what a cloud vendor runs.
pub const PHYSICAL: u8 = 1;
pub const NETWORK: u8 = 2;
pub const HOST: u8 = 4;
pub const APPLICATION: u8 = 8;

#[derive(Clone)]
pub struct Control {
    pub id: String,
    pub title: String,
    pub family: String,
    /// One of the layer bits, 0 for layers no vendor runs.
    pub layer: u8,
    /// Indices into [`CAPABILITIES`], in the knowledge's order (any one qualifies).
    pub capabilities: Vec<usize>,
    pub round_the_clock: bool,
    pub min_maturity: u8,
    /// Needs SOC maturity (detection, response, threat intelligence) rather than infrastructure.
    pub soc: bool,
}

pub struct Framework {
    pub id: &'static str,
    pub controls: Vec<Control>,
}

/// ISO/IEC 27001:2022 (clauses 4-10 and Annex A) and the CMMC 2.0 Level 2 practices.
pub struct Catalogs {
    pub frameworks: [Framework; 2],
}

impl Catalogs {
    pub fn read(dir: &Path) -> Result<Catalogs, String> {
        let iso = read(dir, "iso27001-2022", None)?;
        let cmmc = read(dir, "cmmc-2.0", Some("2"))?;
        for (framework, expected) in [(&iso, 123), (&cmmc, 110)] {
            if framework.controls.len() != expected {
                return Err(format!(
                    "{}: {} controls in scope, expected {expected}",
                    framework.id,
                    framework.controls.len()
                ));
            }
        }
        Ok(Catalogs {
            frameworks: [iso, cmmc],
        })
    }
}

fn read(dir: &Path, id: &'static str, level: Option<&str>) -> Result<Framework, String> {
    let level = level.map(str::to_owned);
    let catalog = text(&dir.join(format!("{id}.yaml")))?;
    let knowledge_path = dir.join("knowledge").join(format!("{id}.yaml"));
    let knowledge = knowledge(&text(&knowledge_path)?, &knowledge_path)?;
    // (id, title, family, level) per control, in catalog order.
    let mut entries: Vec<[String; 4]> = Vec::new();
    for line in catalog.lines() {
        let line = line.trim();
        if let Some(value) = line.strip_prefix("- id: ") {
            entries.push([unquote(value), String::new(), String::new(), String::new()]);
        } else if let Some(entry) = entries.last_mut() {
            for (slot, key) in [(1, "title: "), (2, "family: "), (3, "level: ")] {
                if let Some(value) = line.strip_prefix(key) {
                    entry[slot] = unquote(value);
                }
            }
        }
    }
    let mut controls = Vec::new();
    for [control, title, family, control_level] in entries {
        if level.as_ref().is_some_and(|l| *l != control_level) {
            continue;
        }
        let Some(known) = knowledge.get(&control) else {
            return Err(format!(
                "{}: no entry for {control}",
                knowledge_path.display()
            ));
        };
        controls.push(Control {
            id: control,
            title,
            family,
            ..known.clone()
        });
    }
    Ok(Framework { id, controls })
}

fn text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn unquote(value: &str) -> String {
    value.trim().trim_matches('"').to_owned()
}

/// `"A.5.1": {layer: governance, capabilities: [policy-governance], roundTheClock: false, minMaturity: 1}`
fn knowledge(text: &str, path: &Path) -> Result<HashMap<String, Control>, String> {
    let mut controls = HashMap::new();
    for line in text.lines().map(str::trim).filter(|l| l.starts_with('"')) {
        let bad = || format!("{}: cannot read `{line}`", path.display());
        let (id, rest) = line[1..].split_once('"').ok_or_else(bad)?;
        let field = |key: &str, end: char| {
            let start = rest.find(&format!("{key}: ")).ok_or_else(bad)? + key.len() + 2;
            let len = rest[start..].find(end).ok_or_else(bad)?;
            Ok::<_, String>(rest[start..start + len].trim())
        };
        let capabilities = field("capabilities", ']')?
            .trim_start_matches('[')
            .split(',')
            .map(|c| {
                CAPABILITIES
                    .iter()
                    .position(|known| *known == c.trim())
                    .ok_or_else(bad)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let soc = capabilities.iter().any(|&c| {
            matches!(
                CAPABILITIES[c],
                "security-monitoring" | "incident-response" | "threat-intelligence"
            )
        });
        let layer = match field("layer", ',')? {
            "physical" => PHYSICAL,
            "network" => NETWORK,
            "host" => HOST,
            "application" => APPLICATION,
            _ => 0,
        };
        let control = Control {
            id: id.to_owned(),
            title: String::new(),
            family: String::new(),
            layer,
            capabilities,
            round_the_clock: field("roundTheClock", ',')? == "true",
            min_maturity: field("minMaturity", '}')?.parse().map_err(|_| bad())?,
            soc,
        };
        controls.insert(id.to_owned(), control);
    }
    Ok(controls)
}
