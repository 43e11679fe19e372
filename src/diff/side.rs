//! One side of a diff: a file, or `REV:path` read through `git show`.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use super::error::DiffError;
use crate::load::{read_source, LoadError, LoadedFile};
use crate::model::{Kind, ResponsibilityMatrix};
use crate::source::SourceFile;
use crate::yaml::Limits;

/// The SRM of `side`.
pub fn load(side: &str, limits: &Limits) -> Result<ResponsibilityMatrix, Vec<DiffError>> {
    let source = match Path::new(side).exists() {
        true => read_source(Path::new(side), limits.max_file_bytes).map_err(|e| vec![e.into()])?,
        false => match side.split_once(':') {
            Some((rev, path)) if !rev.is_empty() => git_show(side, rev, path)?,
            _ => {
                return Err(vec![DiffError::Git {
                    side: side.to_owned(),
                    message: "no such file".to_owned(),
                }])
            }
        },
    };
    parse(source, side, limits)
}

/// The one SRM of `source`, the text of `side`.
pub fn parse(
    source: SourceFile,
    side: &str,
    limits: &Limits,
) -> Result<ResponsibilityMatrix, Vec<DiffError>> {
    let file = LoadedFile::parse(Arc::new(source), limits).map_err(|e| vec![e.into()])?;
    let mut srms = file.of_kind(Kind::ResponsibilityMatrix);
    let (Some(document), None) = (srms.next(), srms.next()) else {
        return Err(vec![DiffError::NotOneSrm {
            side: side.to_owned(),
            message: "the file does not hold exactly one ResponsibilityMatrix".to_owned(),
        }]);
    };
    file.typed_all(document)
        .map_err(|errors: Vec<LoadError>| errors.into_iter().map(DiffError::from).collect())
}

fn git_show(side: &str, rev: &str, path: &str) -> Result<SourceFile, Vec<DiffError>> {
    let failed = |message: String| {
        vec![DiffError::Git {
            side: side.to_owned(),
            message,
        }]
    };
    let spec = match path.starts_with('/') || path.starts_with("./") || path.starts_with("../") {
        true => format!("{rev}:{path}"),
        false => format!("{rev}:./{path}"),
    };
    let out = Command::new("git")
        .args(["show", "--no-textconv", &spec])
        .output()
        .map_err(|e| failed(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        let reason = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        return Err(failed(format!("git cannot show it: {reason}")));
    }
    let text = String::from_utf8(out.stdout)
        .map_err(|_| failed("the file is not UTF-8 text".to_owned()))?;
    Ok(SourceFile::new(side, text))
}
