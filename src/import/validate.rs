//! What every import checks before writing: the rows' controls are in the
//! frameworks the SRM selects and in their catalogs (with the closest id as a
//! hint), and the YAML written loads with srmcheck's own loader.

use std::path::Path;
use std::sync::Arc;

use super::draft::Draft;
use super::error::ImportError;
use crate::catalog::Catalog;
use crate::load::LoadedFile;
use crate::model::{Kind, ResponsibilityMatrix};
use crate::problem::Code;
use crate::source::SourceFile;
use crate::suggest::did_you_mean_hint;
use crate::yaml::Limits;

/// Every control of every row that is not in its framework, at its cell.
pub fn controls(draft: &Draft, catalog: &Catalog) -> Vec<ImportError> {
    let selected: Vec<String> = draft
        .spec
        .get("frameworks")
        .and_then(|f| f.as_array())
        .into_iter()
        .flatten()
        .filter_map(|f| f.get("id").and_then(|id| id.as_str()).map(str::to_owned))
        .collect();
    let mut errors = Vec::new();
    for row in &draft.rows {
        for (framework, ids) in row.controls() {
            if !selected.contains(&framework) {
                let hint = did_you_mean_hint(&framework, selected.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("the SRM selects: {}", selected.join(", ")));
                errors.push(unknown(
                    row,
                    Code::UnknownFramework,
                    format!("framework `{framework}` is not selected by the SRM"),
                    hint,
                ));
                continue;
            }
            let Some(Ok(index)) = catalog.get(&framework) else {
                let hint = did_you_mean_hint(&framework, catalog.ids())
                    .unwrap_or_else(|| "`srmcheck frameworks list` lists the catalogs".to_owned());
                errors.push(unknown(
                    row,
                    Code::UnknownFramework,
                    format!("unknown framework `{framework}`"),
                    hint,
                ));
                continue;
            };
            for id in ids.iter().filter(|id| index.position(id).is_none()) {
                let hint = match index.suggest(id) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("`srmcheck frameworks show {framework}` lists its controls"),
                };
                errors.push(unknown(
                    row,
                    Code::UnknownControl,
                    format!("control `{id}` is not in {framework}"),
                    hint,
                ));
            }
        }
    }
    errors
}

fn unknown(row: &super::draft::DraftRow, code: Code, message: String, hint: String) -> ImportError {
    ImportError::Cell {
        at: row.controls_at.clone(),
        code,
        message,
        hint: Some(hint),
    }
}

/// Loads `text` as the file `output` would be, as `check` would read it.
pub fn loads(output: &Path, text: &str) -> Result<(), Vec<ImportError>> {
    let source = Arc::new(SourceFile::new(output, text.to_owned()));
    let file = LoadedFile::parse(source, &Limits::default()).map_err(|e| vec![e.into()])?;
    let Some(document) = file.of_kind(Kind::ResponsibilityMatrix).next() else {
        return Err(vec![ImportError::usage(
            "the SRM written holds no ResponsibilityMatrix",
            "report this as a bug of srmcheck import",
        )]);
    };
    file.typed_all::<ResponsibilityMatrix>(document)
        .map(|_| ())
        .map_err(|errors| errors.into_iter().map(ImportError::from).collect())
}
