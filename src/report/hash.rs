//! SHA-256 of the policy pack and of the input files, for the audit appendix.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use super::model::{FileHash, PolicyPackHash};
use crate::policy::PolicyPack;
use crate::source::SourceFile;

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The pack's hash: SHA-256 over its Rego sources, concatenated in load order
/// (built-in files by path, then each `--policy` folder's by path; test files
/// are not part of a pack), and each file's own.
pub fn policy_pack(pack: &PolicyPack) -> PolicyPackHash {
    let mut whole = Sha256::new();
    let files = pack
        .files
        .iter()
        .filter(|f| !f.is_test)
        .map(|f| {
            let text = f.source.text().as_bytes();
            whole.update(text);
            FileHash {
                role: "policy".to_owned(),
                path: f.source.name().to_owned(),
                sha256: sha256_hex(text),
            }
        })
        .collect();
    PolicyPackHash {
        sha256: hex(&whole.finalize()),
        files,
    }
}

/// Hashes input files as they are on disk, each file once however many SRMs
/// share it (a provider file behind a thousand clients).
#[derive(Default)]
pub struct FileHasher {
    known: Mutex<HashMap<PathBuf, String>>,
}

impl FileHasher {
    /// The hash of `source`'s file on disk, or of the text that was checked
    /// when the file can no longer be read.
    pub fn file(&self, role: &str, source: &Arc<SourceFile>) -> FileHash {
        let path = source.path().to_path_buf();
        let cached = self.lock().get(&path).cloned();
        let sha256 = cached.unwrap_or_else(|| {
            let sha256 = match std::fs::read(&path) {
                Ok(bytes) => sha256_hex(&bytes),
                Err(_) => sha256_hex(source.text().as_bytes()),
            };
            self.lock().insert(path, sha256.clone());
            sha256
        });
        FileHash {
            role: role.to_owned(),
            path: super::paths::normal(source.name()),
            sha256,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, String>> {
        self.known.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::sha256_hex;

    #[test]
    fn known_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
