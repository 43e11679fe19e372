//! Writing files atomically (report pages, exports, imported and scaffolded
//! SRMs): a crash leaves the old file or the new one, never half of one; and
//! removing the temporaries a killed run left behind.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// A temporary whose writer cannot be told alive (no `/proc`) is stale once
/// it is this old: no report takes that long to write one page.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// flushed to disk and renamed over `path`.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    // The rename itself is durable once the folder is synced; not every
    // platform lets a folder be opened for that.
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// The process id in the name of a temporary of [`write`]'s naming
/// (`.{name}.{pid}-{n}.tmp`), if `name` is one.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, counter) = rest.rsplit_once('-')?;
    let (file, pid) = rest.rsplit_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (!file.is_empty() && digits(counter) && digits(pid))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether the temporary at `path`, written by process `pid`, was left by a
/// run that ended (killed mid-write): its process is gone, or, where that
/// cannot be told, it is old.
fn is_stale(path: &Path, pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return !proc.join(pid.to_string()).exists();
    }
    fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age > STALE_AFTER)
}

/// Removes from `dir` the temporaries of [`write`]'s naming that a run
/// killed mid-write left behind; a live run's are kept. Returns how many were
/// removed. A folder that cannot be listed has none to remove.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        let path = entry.path();
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && is_stale(&path, pid) && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::{remove_stale, temporary_pid, write};

    #[test]
    fn temporaries_are_told_by_their_name() {
        assert_eq!(temporary_pid(".index.html.4242-0.tmp"), Some(4242));
        assert_eq!(temporary_pid(".a.b.md.7-12.tmp"), Some(7));
        assert_eq!(temporary_pid("index.html.4242-0.tmp"), None);
        assert_eq!(temporary_pid(".index.html.x-0.tmp"), None);
        assert_eq!(temporary_pid("..1-0.tmp"), None);
        assert_eq!(temporary_pid(".notes.tmp"), None);
    }

    #[test]
    fn stale_temporaries_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().expect("a scratch folder");
        // No process has an id this high (Linux caps them at 2^22).
        let stale = dir.path().join(".index.html.4294967295-0.tmp");
        let own = dir
            .path()
            .join(format!(".index.html.{}-9.tmp", std::process::id()));
        let other = dir.path().join(".notes.tmp");
        for path in [&stale, &own, &other] {
            std::fs::write(path, "half").expect("written");
        }
        if std::path::Path::new("/proc").is_dir() {
            assert_eq!(remove_stale(dir.path()), 1);
            assert!(!stale.exists());
        }
        assert!(own.exists() && other.exists());
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let path = dir.path().join("index.html");
        std::fs::write(&path, "old").expect("written");
        write(&path, b"new").expect("replaced");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("listed")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["index.html"]);
    }
}
