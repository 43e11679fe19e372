//! Integration tests: the real `srmcheck` executable, driven by a builder harness.

mod bad_input;
mod catalogs;
mod config;
mod exit_codes;
mod formats;
mod frameworks;
mod harness;
mod oscal;
mod policies;
mod policy_tests;
mod rules;
mod scale;
mod schema;
