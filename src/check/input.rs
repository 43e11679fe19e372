//! `srmcheck input`: the policy `input` of each SRM of one file, exactly as
//! the engine evaluates it.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::load::Loader;
use crate::model::{Date, Kind};
use crate::policy::input_json;
use crate::problem::{Code, Problem};
use crate::resolve::{Resolver, Roots};
use crate::source::display_name;
use crate::yaml::Limits;

/// The input of every SRM of `path`, in document order, or every problem
/// that keeps one of them from being evaluated.
pub fn policy_inputs(
    path: &Path,
    framework_dirs: &[PathBuf],
    as_of: Date,
    roots: &Roots,
) -> Result<Vec<serde_json::Value>, Vec<Problem>> {
    let loader = Loader::new(Limits::default());
    let catalog = Catalog::with_user_dirs(Limits::default(), framework_dirs, &loader)
        .map_err(|e| vec![e.problem()])?;
    let resolver = Resolver {
        loader: &loader,
        catalog: &catalog,
        roots,
    };
    let file = loader.load(path).map_err(|e| vec![e.problem()])?;
    let mut inputs = Vec::new();
    let mut errors: Vec<Problem> = Vec::new();
    for (index, document) in file.documents.iter().enumerate() {
        if document.kind != Kind::ResponsibilityMatrix {
            continue;
        }
        match resolver.resolve(&file, index) {
            Ok(resolved) => match input_json(&resolved, as_of) {
                Ok(input) => inputs.push(input),
                Err(error) => errors.push(error.problem()),
            },
            Err(problems) => errors.extend(problems.iter().map(|p| p.problem())),
        }
    }
    if inputs.is_empty() && errors.is_empty() {
        errors.push(Problem::in_file(
            Code::NothingToCheck,
            &display_name(path),
            None,
            "no ResponsibilityMatrix document in the file",
            Some("give a file that holds an SRM (`kind: ResponsibilityMatrix`)"),
        ));
    }
    match errors.is_empty() {
        true => Ok(inputs),
        false => Err(errors),
    }
}
