//! `srmcheck import`, `export`, `init` and `diff`.

mod bad_input;
mod diff;
mod init;
mod layouts;
mod readme;
mod roundtrip;
