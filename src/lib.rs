//! srmcheck: policy-as-code checks for MSSP Shared Responsibility Models.
//!
//! [`check::run`] loads SRM documents, resolves them against framework
//! catalogs and evaluates the Rego policy pack; [`output`] renders the result.
#![warn(clippy::too_many_lines)]

pub mod catalog;
pub mod check;
pub mod cli;
pub mod config;
pub mod discover;
pub mod embedded;
pub mod finding;
pub mod load;
pub mod located;
pub mod model;
pub mod oscal;
pub mod output;
pub mod policy;
pub mod problem;
pub mod report;
pub mod resolve;
pub mod rule;
pub mod schema;
pub mod severity;
pub mod source;
pub mod suggest;
pub mod yaml;
