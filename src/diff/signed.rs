//! The version of an SRM its current sign-offs were given on, found in git,
//! and what changed since.
//!
//! The signed version is the commit that recorded the sign-offs the SRM has
//! now: walking the file's history back from `HEAD`, the oldest commit of
//! the first unbroken run whose SRM has the same `review.signOff` (each
//! party, who and when) as the file on disk. Sign-offs not committed yet, a
//! file git does not track, or no git: no signed version.

use std::path::Path;
use std::process::Command;

use super::compare::{compare, Changes};
use super::side::{load, parse};
use crate::model::{Date, ResponsibilityMatrix};
use crate::source::SourceFile;
use crate::yaml::Limits;

/// How far back the history of one file is read.
const MAX_COMMITS: usize = 200;

/// The signed version of an SRM and the changes from it to the file on disk.
#[derive(Debug, Clone)]
pub struct SinceSigned {
    /// The commit's abbreviated hash.
    pub commit: String,
    /// The commit's date (committer date, YYYY-MM-DD).
    pub date: String,
    pub changes: Changes,
}

/// The changes to the SRM of `file` since the version its current sign-offs
/// were given on; none when that version is not in git (or the file does
/// not hold exactly one SRM).
pub fn since_signed(file: &Path, as_of: Date) -> Option<SinceSigned> {
    let current = &load(&file.to_string_lossy(), &Limits::default()).ok()?;
    let folder = file
        .parent()
        .filter(|f| !f.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file.file_name()?.to_string_lossy().into_owned();
    let log = git(
        folder,
        &[
            "log",
            &format!("-n{MAX_COMMITS}"),
            "--format=%h %cs",
            "--",
            &name,
        ],
    )?;
    let signed = |srm: &ResponsibilityMatrix| {
        let offs = |m: &ResponsibilityMatrix| {
            serde_json::to_value(m.spec.review.as_ref().map(|r| &r.sign_off)).ok()
        };
        offs(srm) == offs(current)
    };
    let mut found: Option<(String, String, ResponsibilityMatrix)> = None;
    for line in log.lines() {
        let (commit, date) = line.split_once(' ')?;
        let Some(srm) = at(folder, commit, &name).filter(|srm| signed(srm)) else {
            break;
        };
        found = Some((commit.to_owned(), date.to_owned(), srm));
    }
    let (commit, date, srm) = found?;
    Some(SinceSigned {
        commit,
        date,
        changes: compare(&srm, current, as_of),
    })
}

/// The SRM of `name` at `commit`, when it parses.
fn at(folder: &Path, commit: &str, name: &str) -> Option<ResponsibilityMatrix> {
    let text = git(
        folder,
        &["show", "--no-textconv", &format!("{commit}:./{name}")],
    )?;
    let source = SourceFile::new(format!("{commit}:{name}"), text);
    parse(source, name, &Limits::default()).ok()
}

/// What `git ARGS` run in `folder` prints, when it succeeds.
fn git(folder: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .ok()?;
    match out.status.success() {
        true => String::from_utf8(out.stdout).ok(),
        false => None,
    }
}
