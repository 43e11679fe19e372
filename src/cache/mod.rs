//! The result cache: what checking an unchanged SRM file gave last time, so
//! that a rerun skips parsing, resolving and evaluating it (as ruff caches
//! lint results).
//!
//! # What an entry holds
//!
//! One entry per SRM file checked without a problem: for each of its SRM
//! documents, in document order, everything the rest of the run needs of it
//! once it is checked —
//!
//! - its name and file as shown, its findings (rule id, severity, message,
//!   JSON pointer, SRM name, excepted, control, span) each with the
//!   *excerpt* of the file it points into (path, shown name, the lines, the
//!   byte offset and line count before them: the lines a finding shows), so
//!   that positions and source lines come back byte for byte;
//! - its assessments and the packs' `facts`, as JSON (numbers read back to
//!   the last bit: serde_json's `float_roundtrip`);
//! - what the portfolio rules take of it: its provider's file and document
//!   and the MSSP hours it takes.
//!
//! A file with a problem (it does not load, a reference dangles, an
//! evaluation fails) is never stored: it is checked again on every run, and
//! its problems are reported as the check finds them. Nor is standard input.
//!
//! # Its key
//!
//! Entries live in a bucket, `v<FORMAT>-<global key>`, the global key being a
//! BLAKE3 hash of everything besides the SRM's own files that decides its
//! results: the tool's version and the cache format; the built-in pack,
//! catalogs and knowledge (the files the binary embeds, hashed, so that a
//! rebuilt binary of the same version does not reuse results); the policy
//! pack of the run (its own `--policy` files too); the files of own catalogs
//! (`--frameworks`); the severity overrides and rules turned off (from the
//! configuration and the command line); `--as-of`; and the working
//! directory (file names are shown relative to it). Flags that only change
//! how results are printed (`--format`, `--fail-on`, `--quiet`) or which
//! files are checked (`include`, `exclude`, `--shard`) are not in it.
//!
//! In a bucket, an entry is named by the hash of the SRM file's path, and
//! holds the BLAKE3 hash of the file's text: it is used only while that
//! matches what is on disk.
//!
//! # Its dependencies
//!
//! An SRM names its provider, environment and vendor responsibility files,
//! known only once it is parsed. The loader records every file loaded while
//! a file is checked ([`crate::load::recording`]); the entry lists each with
//! the hash of its text, and is valid only while every one matches its file
//! on disk and is still inside the folders references may reach (a
//! compiler's depfile). A provider shared by a thousand clients is read and
//! hashed once per run.
//!
//! # On disk
//!
//! `.srmcheck_cache/` in the project root (the configuration file's folder,
//! else the working directory), or `--cache-dir`; `--no-cache` (or `cache:
//! false` in the configuration) neither reads nor writes it. It holds a
//! `CACHEDIR.TAG` and a `.gitignore` of `*`. Entries are JSON (a 1,000-client
//! run's entries read in a few milliseconds; the SRM's YAML is the costly
//! part to parse, not this), written atomically ([`crate::atomic::write`]):
//! two runs at once each write whole entries, and the last one wins. An
//! entry that does not parse, is of another format, tool version or key, or
//! does not match the files is a miss: the file is checked and the entry
//! written again. Only the few most recently written buckets are kept.

mod entry;
mod store;

pub use entry::{CachedFile, CachedFinding, CachedSrm, Dependency};
pub use store::{Cache, CacheStats};

/// The version of the entries' layout: a change to it starts a new bucket.
pub const FORMAT: u32 = 1;

/// Builds a key from labelled parts, each length-prefixed so that no two
/// lists of parts hash alike.
pub struct KeyBuilder(blake3::Hasher);

impl Default for KeyBuilder {
    fn default() -> Self {
        let mut builder = KeyBuilder(blake3::Hasher::new());
        builder.part("format", FORMAT.to_string().as_bytes());
        builder.part("tool", env!("CARGO_PKG_VERSION").as_bytes());
        builder
    }
}

impl KeyBuilder {
    /// Adds one labelled part.
    pub fn part(&mut self, label: &str, bytes: &[u8]) -> &mut Self {
        for piece in [label.as_bytes(), bytes] {
            self.0.update(&(piece.len() as u64).to_le_bytes());
            self.0.update(piece);
        }
        self
    }

    pub fn finish(&self) -> blake3::Hash {
        self.0.finalize()
    }
}

/// The hash of a file's text, the byte order mark left out as the loader
/// leaves it out: the same for the text loaded and the bytes on disk.
pub fn content_hash(bytes: &[u8]) -> blake3::Hash {
    blake3::hash(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
}
