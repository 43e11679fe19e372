//! Caps that keep hostile or accidental input from exhausting the machine.

/// Limits applied while reading one file.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of lists and mappings.
    pub max_depth: usize,
    /// Most values in one file, counting every copy an alias makes.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 16 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 1_000_000,
        }
    }
}
