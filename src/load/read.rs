//! Reading one file from disk, or standard input, under the size limit, as
//! UTF-8 text.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::LoadError;
use crate::source::{display_name, SourceFile};

/// Reads a file, refusing what is too large, binary or not UTF-8.
pub fn read_source(path: &Path, max_bytes: u64) -> Result<SourceFile, LoadError> {
    let name = display_name(path);
    let io = |e: std::io::Error| LoadError::Io {
        path: name.clone(),
        reason: e.to_string(),
    };
    // Only regular files are opened: opening a named pipe waits for a
    // writer, and a device such as /dev/zero never ends.
    let regular = |metadata: std::fs::Metadata| match metadata.is_file() {
        true => Ok(metadata),
        false => Err(LoadError::Io {
            path: name.clone(),
            reason: format!("not a regular file ({})", file_kind(&metadata)),
        }),
    };
    regular(std::fs::metadata(path).map_err(io)?)?;
    let file = File::open(path).map_err(io)?;
    let size = regular(file.metadata().map_err(io)?)?.len();
    if size > max_bytes {
        return Err(LoadError::TooLarge {
            path: name,
            size,
            limit: max_bytes,
        });
    }
    read_text(file, size, path, max_bytes)
}

/// What a path that is not a regular file is, in words.
#[cfg(unix)]
fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    match () {
        _ if kind.is_dir() => "a folder",
        _ if kind.is_fifo() => "a named pipe",
        _ if kind.is_char_device() || kind.is_block_device() => "a device",
        _ if kind.is_socket() => "a socket",
        _ => "not a file",
    }
}

#[cfg(not(unix))]
fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    match metadata.is_dir() {
        true => "a folder",
        false => "not a file",
    }
}

/// Reads standard input as the file at `path` (the name it is shown by and
/// the folder its relative references are resolved from), with the checks
/// of [`read_source`].
pub fn read_stdin(path: &Path, max_bytes: u64) -> Result<SourceFile, LoadError> {
    read_text(std::io::stdin().lock(), 0, path, max_bytes)
}

fn read_text(
    reader: impl Read,
    size: u64,
    path: &Path,
    max_bytes: u64,
) -> Result<SourceFile, LoadError> {
    let name = display_name(path);
    let mut bytes = Vec::with_capacity(size.min(max_bytes) as usize);
    reader
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io {
            path: name.clone(),
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            path: name,
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary { path: name });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        LoadError::NotUtf8 {
            path: name.clone(),
            line,
            column,
        }
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(SourceFile::new(path, text))
}
