//! The environment components a row applies to (`components: [id, ...]`):
//! each must be a component of the SRM's environment.

use super::problems::Problems;
use crate::model::{EnvironmentSpec, MatrixSpec};
use crate::problem::Code;
use crate::suggest::did_you_mean;

/// Records every id in a row's `components` that names no component of the
/// environment, with the closest id as a hint.
pub fn check(problems: &mut Problems, spec: &MatrixSpec, environment: &EnvironmentSpec) {
    let ids: Vec<&str> = environment
        .components
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for (r, row) in spec.responsibilities.iter().enumerate() {
        for (k, id) in row.components.iter().enumerate() {
            if ids.contains(&id.as_str()) {
                continue;
            }
            let hint = match did_you_mean(id, ids.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the environment's components are: {}", ids.join(", ")),
            };
            problems
                .at(
                    &format!("/responsibilities/{r}/components/{k}"),
                    Code::DanglingReference,
                    format!("`{id}` is not a component of the environment"),
                )
                .set_hint(hint);
        }
    }
}
