//! The policy pack and its evaluation. This module is the only one that uses regorus.

mod analysis;
mod controls;
mod engine;
mod error;
mod failure;
mod input;
mod input_chain;
mod lexer;
mod limits;
mod metadata;
mod pack;
mod place;
mod tests;
mod worker;

pub use engine::{Evaluation, PolicyEngine, RuleOutcome, Violation};
pub use error::PolicyError;
pub use input::{input_json, PortfolioClient};
pub use pack::{PolicyFile, PolicyPack};
pub use place::{locate, Place};
pub use tests::{run_tests, TestReport, TestResult};
