//! An SRM resolved against its provider, environment and frameworks.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::node_ref::NodeRef;
use crate::catalog::FrameworkIndex;
use crate::model::{EnvironmentSpec, FrameworkSelection, Provider, ResponsibilityMatrix};

/// Everything the policies see about one SRM, with the way back to the source.
#[derive(Debug)]
pub struct Resolved {
    /// The SRM document.
    pub srm: NodeRef,
    pub matrix: ResponsibilityMatrix,
    /// The `spec` of the MSSP's `Provider` document.
    pub provider: NodeRef,
    /// That document, read.
    pub provider_document: Arc<Provider>,
    /// The environment spec: in its own file or inline in the SRM.
    pub environment: NodeRef,
    /// That spec, read.
    pub environment_spec: EnvironmentSpec,
    /// Selected frameworks, in the SRM's order.
    pub scopes: Vec<Scope>,
    /// The responsibilities each vendor publishes, by vendor id.
    pub vendor_responsibilities: Vec<(String, super::Published)>,
    /// The MSSP's own published responsibilities (the Provider's `responsibilities`).
    pub provider_responsibilities: Option<super::Published>,
}

/// One selected framework and its in-scope controls.
#[derive(Debug)]
pub struct Scope {
    pub framework: Arc<FrameworkIndex>,
    pub selection: FrameworkSelection,
    /// Where the SRM selects the framework (`/spec/frameworks/<i>`).
    pub selected_at: NodeRef,
    pub controls: Vec<ScopedControl>,
}

/// An in-scope control with the rows and exceptions that name it.
#[derive(Debug, Clone)]
pub struct ScopedControl {
    /// Position in the framework's catalog.
    pub index: usize,
    /// Positions of the responsibilities covering it.
    pub rows: Vec<usize>,
    /// Positions of the exceptions naming it.
    pub exceptions: Vec<usize>,
    /// Its counterparts in the other selected frameworks, by crosswalk:
    /// the frameworks a gap here touches.
    pub related: BTreeMap<String, Vec<String>>,
    /// Coverage through a crosswalk the SRM opted into (`via`): rows covering
    /// a counterpart in another selected framework.
    pub via: Vec<ViaCover>,
}

/// Rows covering a control through another control: a counterpart in
/// another framework, the standard of an implementation specification, or
/// the specifications of a standard.
#[derive(Debug, Clone)]
pub struct ViaCover {
    pub framework: String,
    pub control: String,
    pub rows: Vec<usize>,
    pub through: Through,
}

/// What a [`ViaCover`] goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Through {
    /// A crosswalk pair the SRM opted into with `via`.
    Crosswalk,
    /// The standard of this implementation specification: a row citing a
    /// standard covers each of its specifications.
    Standard,
    /// One of this standard's specifications: no row cites the standard, and
    /// every one of its in-scope specifications is covered.
    Specifications,
}

impl Through {
    /// Its name in the policy input (`via[].through`); `None` for a crosswalk.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Through::Crosswalk => None,
            Through::Standard => Some("standard"),
            Through::Specifications => Some("specifications"),
        }
    }
}

impl ScopedControl {
    pub fn new(index: usize) -> Self {
        ScopedControl {
            index,
            rows: Vec::new(),
            exceptions: Vec::new(),
            related: BTreeMap::new(),
            via: Vec::new(),
        }
    }
}

impl Resolved {
    /// The SRM's name (`metadata.name`).
    pub fn name(&self) -> &str {
        &self.matrix.metadata.name
    }

    pub fn srm_spec(&self) -> NodeRef {
        NodeRef::new(&self.srm.file, self.srm.document, "/spec")
    }
}
