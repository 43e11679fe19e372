//! Integration tests: the real `srmcheck` executable, driven by a builder harness.
#![warn(clippy::too_many_lines)]

mod bad_input;
mod catalogs;
mod config;
mod discover;
mod engines;
mod exit_codes;
mod formats;
mod formats_junit;
mod formats_sarif;
mod frameworks;
mod generated;
mod harness;
mod hostile;
mod inheritance;
mod input;
mod maturity;
mod modules;
mod onboard;
mod opa;
mod oscal;
mod outputs;
mod policies;
mod policy_tests;
mod pre_commit;
mod report;
mod rules;
mod scale;
mod schema;
mod shard;
mod sprs;
mod terminal;
mod xsd;
