//! The bounds of rendering one page: a time budget and a size cap, so that
//! a template that loops for ever or writes gigabytes ends the report with a
//! located error rather than a hang or a full disk.

use std::io::Write;
use std::time::{Duration, Instant};

/// Longest one page may take to render.
pub const RENDER_BUDGET: Duration = Duration::from_secs(5);
/// Largest page rendered, in bytes.
pub const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

/// Which bound a rendering went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    Time,
    Size,
}

impl Overrun {
    /// What the template did, for the error message.
    pub fn message(self) -> String {
        match self {
            Overrun::Time => format!(
                "rendering the page took longer than {} s (a loop or a component calling itself too often?)",
                RENDER_BUDGET.as_secs()
            ),
            Overrun::Size => format!(
                "the page is over {} MiB (a loop writing too much?)",
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// The bytes of a page being rendered, refusing to grow past the size cap
/// or to be written to once the time budget is spent.
pub struct Capped {
    pub bytes: Vec<u8>,
    deadline: Instant,
    pub overrun: Option<Overrun>,
}

impl Capped {
    pub fn new(deadline: Instant) -> Self {
        Capped {
            bytes: Vec::new(),
            deadline,
            overrun: None,
        }
    }
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_PAGE_BYTES {
            self.overrun = Some(Overrun::Size);
        } else if Instant::now() > self.deadline {
            self.overrun = Some(Overrun::Time);
        }
        if let Some(overrun) = self.overrun {
            return Err(std::io::Error::other(overrun.message()));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::time::{Duration, Instant};

    use super::{Capped, Overrun, MAX_PAGE_BYTES};

    #[test]
    fn a_page_past_the_cap_is_refused() {
        let mut page = Capped::new(Instant::now() + Duration::from_secs(60));
        page.write_all(&vec![b'x'; MAX_PAGE_BYTES])
            .expect("at the cap");
        assert!(page.write_all(b"y").is_err());
        assert_eq!(page.overrun, Some(Overrun::Size));
        assert_eq!(page.bytes.len(), MAX_PAGE_BYTES);
    }

    #[test]
    fn a_write_after_the_deadline_is_refused() {
        let mut page = Capped::new(Instant::now());
        std::thread::sleep(Duration::from_millis(2));
        assert!(page.write_all(b"late").is_err());
        assert_eq!(page.overrun, Some(Overrun::Time));
    }
}
