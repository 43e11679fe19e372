//! `srmcheck diff OLD NEW`: what changed between two versions of an SRM,
//! each a file or `REV:path` in git: rows added, removed or changed, controls
//! that changed owner or lost coverage, exceptions added, removed or expired,
//! and the parties' profiles. What both parties read before they sign off.

mod compare;
mod error;
mod render;
mod side;
mod signed;

pub use compare::Changes;
pub use error::DiffError;
pub use render::{render, sections, DiffFormat};
pub use signed::{since_signed, SinceSigned};

use crate::model::Date;
use crate::yaml::Limits;

/// The changes from the SRM of `old` to the SRM of `new`.
pub fn diff(old: &str, new: &str, as_of: Date) -> Result<Changes, Vec<DiffError>> {
    let limits = Limits::default();
    let before = side::load(old, &limits);
    let after = side::load(new, &limits);
    match (before, after) {
        (Ok(before), Ok(after)) => Ok(compare::compare(&before, &after, as_of)),
        (before, after) => Err(before
            .err()
            .into_iter()
            .chain(after.err())
            .flatten()
            .collect()),
    }
}
