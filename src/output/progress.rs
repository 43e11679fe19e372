//! The progress bar of long runs: SRMs checked and findings so far, on a
//! terminal's standard error only, and only once a run has taken a second.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::check::{Observer, SrmReport};
use crate::resolve::Resolved;

/// How long a run goes before the bar shows.
const DELAY: Duration = Duration::from_secs(1);

/// Counts SRMs and findings as they are checked; draws nothing unless
/// standard error is a terminal, `CI` is unset and the run is not quiet.
pub struct Progress {
    bar: ProgressBar,
    enabled: bool,
    shown: AtomicBool,
    started: Instant,
    srms: AtomicUsize,
    findings: AtomicUsize,
}

impl Progress {
    pub fn new(quiet: bool) -> Self {
        let enabled = !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}, {per_sec}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Progress {
            bar,
            enabled,
            shown: AtomicBool::new(false),
            started: Instant::now(),
            srms: AtomicUsize::new(0),
            findings: AtomicUsize::new(0),
        }
    }

    /// Clears the bar before the report is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Observer for Progress {
    type Output = ();

    fn observe_cached(&self, report: &SrmReport) -> Option<()> {
        self.count(report);
        Some(())
    }

    fn observe(&self, _: &Resolved, report: &SrmReport) {
        self.count(report);
    }
}

impl Progress {
    fn count(&self, report: &SrmReport) {
        let srms = self.srms.fetch_add(1, Ordering::Relaxed) + 1;
        let found = report.findings.iter().filter(|f| !f.excepted).count();
        let findings = self.findings.fetch_add(found, Ordering::Relaxed) + found;
        if !self.enabled {
            return;
        }
        if !self.shown.load(Ordering::Relaxed) && self.started.elapsed() >= DELAY {
            self.shown.store(true, Ordering::Relaxed);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
        self.bar
            .set_message(format!("{srms} SRMs checked, {findings} findings"));
    }
}
