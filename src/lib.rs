//! srmcheck: policy-as-code checks for MSSP Shared Responsibility Models.
//!
//! The library is the command line's: its modules are private to the crate,
//! and this facade is what the binary, the benchmarks and the examples use.
//! [`check`] loads SRM documents, resolves them against framework catalogs
//! and evaluates the Rego policy pack; [`run`] is the whole command line.
#![warn(clippy::too_many_lines)]

mod atomic;
mod cache;
mod catalog;
mod check;
mod cli;
mod config;
mod diff;
mod discover;
mod embedded;
mod export;
mod finding;
mod import;
mod init;
mod load;
mod located;
mod model;
mod oscal;
mod output;
mod policy;
mod problem;
mod report;
mod resolve;
mod rule;
mod schema;
mod severity;
mod sheet;
mod source;
mod suggest;
mod yaml;

pub use catalog::CAPABILITIES;
pub use check::{run as check, CheckOptions};
pub use cli::{run, Cli};
pub use discover::{discover, Patterns};
pub use load::{LoadedFile, Loader};
pub use output::print_error;
pub use yaml::Limits;
