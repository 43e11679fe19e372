//! Integration tests: the real `srmcheck` executable, driven by a builder harness.

mod bad_input;
mod catalogs;
mod config;
mod engines;
mod exit_codes;
mod formats;
mod frameworks;
mod harness;
mod input;
mod oscal;
mod policies;
mod policy_tests;
mod pre_commit;
mod report;
mod rules;
mod scale;
mod schema;
mod shard;
mod terminal;
