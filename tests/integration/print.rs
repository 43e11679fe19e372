//! The HTML report as a browser prints it: headless Chromium renders the
//! example portfolio's pages to PDF, and the PDF's text (`pdftotext`, page
//! sizes from `pdfinfo`) shows the running header and the page number on
//! every page, the matrix on landscape pages, and nothing interactive.
//!
//! Needs `chromium` and poppler-utils on the PATH (Debian: `apt-get install
//! chromium poppler-utils`); skipped without them unless
//! `SRMCHECK_REQUIRE_CHROMIUM` is set, as CI sets it.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::harness::{Run, AS_OF};

/// The browser, and whether poppler's tools are there too; none (with a
/// note on standard error) when the test cannot run here.
fn browser() -> Option<&'static str> {
    let runs = |program: &str, arg: &str| {
        Command::new(program)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|name| runs(name, "--version"));
    let poppler = runs("pdftotext", "-v") && runs("pdfinfo", "-v");
    match (chromium, poppler) {
        (Some(name), true) => Some(name),
        _ if std::env::var_os("SRMCHECK_REQUIRE_CHROMIUM").is_some() => {
            panic!("chromium and poppler-utils are needed: apt-get install chromium poppler-utils")
        }
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED the print test: chromium or poppler-utils is not installed \
                 (apt-get install chromium poppler-utils); CI requires them with \
                 SRMCHECK_REQUIRE_CHROMIUM=1"
            );
            None
        }
    }
}

/// `page` printed to `pdf` by headless Chromium, without the browser's own
/// header and footer: what the page's CSS prints, alone.
fn print_to_pdf(chromium: &str, page: &Path, pdf: &Path) {
    let profile = TempDir::new().expect("a profile folder");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().expect("chromium waited for") {
            assert!(status.success(), "chromium failed on {}", page.display());
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not print {} within 120 s", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(pdf.is_file(), "no PDF of {}", page.display());
}

/// The text of each page of `pdf`, laid out as printed.
fn pages_text(pdf: &Path) -> Vec<String> {
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Whether each page of `pdf` is landscape (wider than high).
fn landscape(pdf: &Path, count: usize) -> Vec<bool> {
    let output = Command::new("pdfinfo")
        .args(["-f", "1", "-l", &count.to_string()])
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size: "))
        .map(|line| {
            let size = line.split(" size: ").nth(1).expect("a size");
            let numbers: Vec<f64> = size
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .take(2)
                .collect();
            numbers[0] > numbers[1]
        })
        .collect()
}

/// Every page starts with the running header and ends with its number.
fn headed_and_numbered(pages: &[String], header: &str) {
    let total = pages.len();
    assert!(total > 1, "one page only");
    for (i, page) in pages.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            first.contains(header) && first.contains(&format!("As of {AS_OF}")),
            "page {} starts with {first:?}",
            i + 1
        );
        let number = format!("Page {} of {total}", i + 1);
        let last = page.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(last.contains(&number), "page {} ends with {last:?}", i + 1);
    }
}

#[test]
fn printed_pages_have_a_running_header_page_numbers_and_nothing_interactive() {
    let Some(chromium) = browser() else {
        return;
    };
    let out = TempDir::new().expect("a report folder");
    Run::new(["report", "--as-of", AS_OF, "fixtures/portfolio", "--out"])
        .args([out.path()])
        .in_root()
        .run()
        .code(0);

    let client_pdf = out.path().join("client.pdf");
    print_to_pdf(
        chromium,
        &out.path().join("clients/brightdesk.html"),
        &client_pdf,
    );
    let client = pages_text(&client_pdf);
    headed_and_numbered(
        &client,
        "Brightdesk Ltd · shared responsibility evidence report",
    );
    let wide = landscape(&client_pdf, client.len());
    assert_eq!(wide.len(), client.len());
    assert!(!wide[0], "the first page is portrait");
    let matrix = client
        .iter()
        .position(|p| p.lines().any(|l| l.trim() == "Responsibility matrix"))
        .expect("a page with the matrix");
    assert!(wide[matrix], "the matrix is on a landscape page");
    let all = client.concat();
    assert!(
        !all.contains("Portfolio: index"),
        "a link to the index is printed"
    );

    let index_pdf = out.path().join("index.pdf");
    print_to_pdf(chromium, &out.path().join("index.html"), &index_pdf);
    let index = pages_text(&index_pdf);
    let all = index.concat();
    assert!(all.contains("Most gaps first."), "{all}");
    assert!(
        !all.to_lowercase().contains("click"),
        "interactive text printed:\n{all}"
    );
    let total = index.len();
    for (i, page) in index.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            first.contains("Shared responsibility portfolio · 3 clients"),
            "{first:?}"
        );
        assert!(page.contains(&format!("Page {} of {total}", i + 1)));
    }
}
