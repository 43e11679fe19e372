//! Keeps each client's page as its SRM is checked.

use super::build::client_page;
use super::hash::FileHasher;
use super::model::{ClientPage, Provenance};
use crate::check::{Observer, SrmReport};
use crate::model::{Date, ResponsibilityMatrix};
use crate::resolve::Resolved;

/// Builds a client's page on the thread that checked its SRM, so that only
/// the page, not the resolved SRM, outlives the check.
pub struct PageObserver {
    pub as_of: Date,
    /// The policy pack's SHA-256, for each page's appendix.
    pub policy_pack: String,
    pub hasher: FileHasher,
    /// The run's settings, for each page's appendix.
    pub run: Provenance,
}

impl Observer for PageObserver {
    type Output = ClientPage;

    fn observe(&self, resolved: &Resolved, report: &SrmReport) -> Self::Output {
        client_page(
            resolved,
            report,
            self.as_of,
            &self.policy_pack,
            &self.hasher,
            &self.run,
        )
    }
}

/// A client's page with the document it was made from (for `srmcheck export`,
/// which writes both).
pub struct SourcedPageObserver(pub PageObserver);

impl Observer for SourcedPageObserver {
    type Output = (ClientPage, ResponsibilityMatrix);

    fn observe(&self, resolved: &Resolved, report: &SrmReport) -> Self::Output {
        (self.0.observe(resolved, report), resolved.matrix.clone())
    }
}
