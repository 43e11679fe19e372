//! The document around the rows of a spreadsheet that holds only rows (a
//! generic matrix, FedRAMP, CAIQ): from the command line, with `TODO` and a
//! comment where nothing says it.

use serde_json::{json, Value};

use super::draft::{Draft, DraftRow};
use super::error::ImportError;
use crate::model::FrameworkSelection;

/// What the command line says of the SRM.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub name: Option<String>,
    pub client: Option<String>,
    pub provider: Option<String>,
    pub environment: Option<String>,
    pub frameworks: Vec<FrameworkSelection>,
}

/// The SP 800-53 baselines a selector may name; any other word is a part.
const BASELINES: [&str; 4] = ["low", "moderate", "high", "privacy"];

/// `ID`, `ID:LEVEL`, `ID:BASELINE` or `ID:PART`.
pub fn parse_selection(text: &str) -> Result<FrameworkSelection, ImportError> {
    let (id, selector) = match text.split_once(':') {
        Some((id, selector)) => (id, Some(selector)),
        None => (text, None),
    };
    let mut value = json!({"id": id});
    match selector {
        Some(level) if level.parse::<u8>().is_ok() => {
            value["level"] = json!(level.parse::<u8>().unwrap_or(0))
        }
        Some(baseline) if BASELINES.contains(&baseline) => value["baseline"] = json!(baseline),
        Some(part) => value["part"] = json!(part),
        None => {}
    }
    serde_json::from_value(value).map_err(|e| {
        ImportError::usage(
            format!("`{text}` is not a framework selection: {e}"),
            "write ID, ID:LEVEL (cmmc-2.0:2), ID:BASELINE (nist-800-53r5:moderate) or ID:PART (iso27001-2022:annex-a)",
        )
    })
}

impl Context {
    pub fn first_framework(&self) -> Option<String> {
        self.frameworks.first().map(|f| f.id.clone())
    }

    /// The draft of `rows` (with `framework` selected when no `--framework` is given).
    pub fn draft(&self, rows: Vec<DraftRow>, framework: Option<&str>) -> Draft {
        let mut draft = Draft::default();
        let name = self.name.clone().unwrap_or_else(|| "imported".to_owned());
        draft.metadata.insert("name".into(), Value::from(name));
        let todo = |what: &str| Value::from(format!("TODO: {what}"));
        let spec = &mut draft.spec;
        spec.insert(
            "client".into(),
            self.client
                .clone()
                .map_or_else(|| todo("the client's name"), Value::from),
        );
        spec.insert(
            "provider".into(),
            Value::from(
                self.provider
                    .clone()
                    .unwrap_or_else(|| "provider.yaml".into()),
            ),
        );
        spec.insert(
            "environment".into(),
            Value::from(
                self.environment
                    .clone()
                    .unwrap_or_else(|| "environment.yaml".into()),
            ),
        );
        let mut frameworks = serde_json::to_value(&self.frameworks).unwrap_or_default();
        if let (Some(id), true) = (framework, self.frameworks.is_empty()) {
            frameworks = json!([{"id": id}]);
        }
        spec.insert("frameworks".into(), frameworks);
        spec.insert("parties".into(), json!({"client": {"capabilities": [], "coverage": "business-hours", "capacityHours": 0, "maturity": {"soc": 1, "infrastructure": 1}}}));
        if self.provider.is_none() {
            draft.notes.push((
                "provider".into(),
                "TODO: the path of the MSSP's Provider document (--provider).".into(),
            ));
        }
        if self.environment.is_none() {
            draft.notes.push((
                "environment".into(),
                "TODO: the path of the client's Environment document (--environment).".into(),
            ));
        }
        draft.notes.push(("parties".into(), "TODO: the client's capabilities, coverage, capacity and maturity: the spreadsheet does not say them.".into()));
        draft.rows = rows;
        draft
    }
}
