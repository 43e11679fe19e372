//! The document model: one type per document kind, as read from YAML.
//!
//! Every kind is a [`Manifest`]: `apiVersion: srmcheck/v1`, `kind`, `metadata`, `spec`.

mod attestation;
mod date;
mod environment;
mod evidence;
mod exception;
mod exercise;
mod framework;
mod hours;
mod incident;
mod kind;
mod kpi;
mod manifest;
mod mapping;
mod matrix;
mod party;
mod responsibility;
mod review;
mod vendor_responsibilities;

pub use attestation::Attestation;
pub use date::Date;
pub use environment::{Component, EnvironmentRef, EnvironmentSpec, ServiceModel};
pub use evidence::Evidence;
pub use framework::{Control, FrameworkSpec, Knowledge, Layer, SourceInfo, SpecificationStatus};
pub use kind::Kind;
pub use manifest::{ApiVersion, Manifest, Metadata};
pub use mapping::{MappingSpec, Relationship};
pub use matrix::{FrameworkSelection, MatrixSpec};
pub use party::PartyProfile;
pub use responsibility::{
    AddressableDecision, Decision, ImplementationStatus, Responsibility, Sla,
};
pub use vendor_responsibilities::{ControlResponsibility, Inheritance, ResponsibilitiesSpec};

/// A `Framework` document: a control catalog.
pub type Framework = Manifest<FrameworkSpec>;
/// A `Mapping` document: a crosswalk between two frameworks.
pub type Mapping = Manifest<MappingSpec>;
/// A `Provider` document: the MSSP's profile, shared by all its clients.
pub type Provider = Manifest<PartyProfile>;
/// An `Environment` document: where a client runs.
pub type Environment = Manifest<EnvironmentSpec>;
/// A `ResponsibilityMatrix` document: one client's SRM.
pub type ResponsibilityMatrix = Manifest<MatrixSpec>;
/// A `VendorResponsibilities` document: what a vendor provides and leaves to its customers.
pub type VendorResponsibilities = Manifest<ResponsibilitiesSpec>;
