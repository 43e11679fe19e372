//! The page models: what each report page shows, owned and serialisable.
//!
//! They are the templates' variables and, as they are, the JSON format
//! (`"version": 1`). Fields may be added within a version; removing or
//! changing one raises it.

mod appendix;
mod assessment;
mod client;
mod coverage;
mod exception;
mod findings;
mod index;
mod matrix;
mod parties;
mod review;
mod summary;

pub use appendix::{Appendix, FileHash, PolicyPackHash, Provenance, SeverityOverride, Tool};
pub use assessment::{MaturityLensView, MaturityLevelView, MaturityView, SprsCost, SprsView};
pub use client::{ClientLinks, ClientPage};
pub use coverage::{ControlCoverage, ControlStatus, FrameworkCoverage, Verdict, ViaRows};
pub use exception::{ExceptionItem, ExceptionStatus};
pub use findings::{FindingItem, RuleFindings};
pub use index::{ChainClient, ClientRow, IndexPage, ProviderClient, ProviderLoad, VendorChain};
pub use matrix::{MatrixRow, Pair, SlaItem};
pub use parties::{
    AttestationView, ComponentView, EnvironmentView, EscalationView, IncidentView, KpiView,
    PartiesView, PartyView, VendorView,
};
pub use review::{ChangeSection, ReviewView, SignOffItem, SinceSignedView};
pub use summary::{Counts, FrameworkSummary, Segment, Summary};

/// The version of the page models (and of the JSON format).
pub const VERSION: u32 = 1;

/// Hours as a whole number when they are one (`40`, not `40.0`), so that
/// templates and JSON show them as written.
pub fn hours<S: serde::Serializer>(hours: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if hours.fract() == 0.0 && hours.abs() < 9e15 {
        serializer.serialize_i64(*hours as i64)
    } else {
        serializer.serialize_f64(*hours)
    }
}
