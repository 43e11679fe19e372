//! `report`: the example portfolio in every format against reviewed
//! snapshots, byte-identical reruns, escaping of input values, and bad
//! templates that stop the run before anything is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;
use tempfile::TempDir;

use crate::harness::{root, sha256, valid_srm_text, Output, Run, AS_OF};

const FORMATS: [&str; 3] = ["html", "md", "json"];

/// Every file below `dir`, by path relative to it (`/`-separated).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder listed") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("below the folder");
                let name = relative.to_string_lossy().replace('\\', "/");
                found.insert(name, std::fs::read(&path).expect("file read"));
            }
        }
    }
    found
}

/// `report fixtures/portfolio --as-of 2026-11-22 --format F` into a folder
/// of its own, run in a copy of the fixtures outside git (so that the
/// review section's changes since the signed version do not follow the
/// repository's history).
fn portfolio(format: &str) -> (TempDir, Output) {
    let out = TempDir::new().expect("a scratch folder");
    let work = TempDir::new().expect("a scratch folder");
    copy(
        &root().join("fixtures/portfolio"),
        &work.path().join("fixtures/portfolio"),
    );
    let output = Run::new([
        "report",
        "--as-of",
        AS_OF,
        "fixtures/portfolio",
        "--format",
        format,
    ])
    .args([std::ffi::OsStr::new("--out"), out.path().as_os_str()])
    .in_dir(work.path())
    .run()
    .code(0);
    (out, output)
}

/// `from`'s files copied below `to`.
fn copy(from: &Path, to: &Path) {
    for (name, bytes) in files(from) {
        let target = to.join(name);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("folders");
        std::fs::write(target, bytes).expect("copied");
    }
}

/// One run per format, kept for every test that reads it.
fn rendered(format: &str) -> &'static BTreeMap<String, Vec<u8>> {
    static RUNS: OnceLock<BTreeMap<&'static str, BTreeMap<String, Vec<u8>>>> = OnceLock::new();
    let runs = RUNS.get_or_init(|| {
        FORMATS
            .iter()
            .map(|&format| {
                let (out, output) = portfolio(format);
                assert!(output.stderr.is_empty(), "{}", output.stderr);
                assert!(
                    output
                        .stdout
                        .starts_with("Wrote the report of 3 clients to "),
                    "{}",
                    output.stdout
                );
                (format, files(out.path()))
            })
            .collect()
    });
    &runs[format]
}

/// The policy pack's hashes and the tool version, which change with every
/// policy edit and release, replaced by placeholders; the input files'
/// hashes stay (they change with the fixtures, as the report does).
fn redacted(text: &str) -> String {
    let index: Value =
        serde_json::from_slice(&rendered("json")["index.json"]).expect("index.json is JSON");
    let pack = &index["policyPack"];
    let mut text = text.replace(
        pack["sha256"].as_str().expect("pack hash"),
        "[policy-pack-sha256]",
    );
    for file in pack["files"].as_array().expect("policy files") {
        text = text.replace(file["sha256"].as_str().expect("hash"), "[sha256]");
    }
    let version = env!("CARGO_PKG_VERSION");
    text.replace(&format!("srmcheck {version}"), "srmcheck [version]")
        .replace(
            &format!("\"version\": \"{version}\""),
            "\"version\": \"[version]\"",
        )
}

#[test]
fn the_portfolio_writes_an_index_and_a_page_per_client() {
    for format in FORMATS {
        let names: Vec<&str> = rendered(format).keys().map(String::as_str).collect();
        let expected: Vec<String> = [
            "clients/acme-manufacturing",
            "clients/brightdesk",
            "clients/keel-precision",
            "index",
        ]
        .iter()
        .map(|stem| format!("{stem}.{format}"))
        .collect();
        assert_eq!(names, expected, "{format}");
    }
}

#[test]
fn portfolio_snapshots() {
    for format in FORMATS {
        for (name, bytes) in rendered(format) {
            let text = String::from_utf8(bytes.clone()).expect("UTF-8");
            let snapshot = format!("portfolio_{}", name.replace(['/', '.'], "_"));
            insta::assert_snapshot!(snapshot, redacted(&text));
        }
    }
}

#[test]
fn the_same_inputs_and_date_give_byte_identical_reports() {
    for format in FORMATS {
        let (again, _) = portfolio(format);
        let again = files(again.path());
        for (name, bytes) in rendered(format) {
            assert!(again[name] == *bytes, "{name} differs between two runs");
        }
        assert_eq!(again.len(), rendered(format).len());
    }
}

#[test]
fn the_json_pages_are_versioned_and_link_to_each_other() {
    let pages = rendered("json");
    let index: Value = serde_json::from_slice(&pages["index.json"]).expect("JSON");
    assert_eq!(index["version"], 1);
    assert_eq!(index["asOf"], AS_OF);
    for client in index["clients"].as_array().expect("clients") {
        let link = client["link"].as_str().expect("link");
        let page: Value = serde_json::from_slice(&pages[link]).expect("client JSON");
        assert_eq!(page["version"], 1);
        assert_eq!(page["links"]["index"], "../index.json");
        assert_eq!(page["name"], client["name"]);
    }
    // Most gaps first: brightdesk has the portfolio's one gap.
    assert_eq!(index["clients"][0]["name"], "brightdesk");
    assert_eq!(index["clients"][0]["counts"]["gaps"], 1);
}

#[test]
fn the_gap_and_the_excepted_controls_have_their_status() {
    let pages = rendered("json");
    let page: Value =
        serde_json::from_slice(&pages["clients/brightdesk.json"]).expect("client JSON");
    let controls = page["coverage"][0]["controls"]
        .as_array()
        .expect("controls");
    let status = |id: &str| {
        let control = controls.iter().find(|c| c["id"] == id).expect("in scope");
        (control["status"].clone(), control["verdict"].clone())
    };
    assert_eq!(status("A.5.7"), ("gap".into(), "no-owner".into()));
    assert_eq!(status("A.8.30"), ("excepted".into(), "no-owner".into()));
    assert_eq!(status("A.5.1"), ("covered".into(), "capable".into()));
    let appendix = &page["appendix"];
    let roles: Vec<&str> = appendix["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|i| i["role"].as_str().expect("role"))
        .collect();
    assert_eq!(
        roles,
        ["srm", "provider"],
        "brightdesk's environment is inline"
    );
    let srm = std::fs::read(root().join("fixtures/portfolio/clients/brightdesk/srm.yaml"))
        .expect("fixture");
    let expected = sha256(&srm);
    assert_eq!(appendix["inputs"][0]["sha256"], expected.as_str());
}

/// A folder of inputs and outputs that outlives the run (the harness's own
/// scratch folder goes with it), named by absolute paths.
struct Scratch {
    dir: TempDir,
}

impl Scratch {
    /// An SRM (`srm.yaml`, the harness's valid one unless given) and its provider.
    fn new(srm: Option<String>) -> Self {
        let scratch = Scratch {
            dir: TempDir::new().expect("a scratch folder"),
        };
        let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
            .expect("fixture readable");
        scratch
            .file("srm.yaml", &srm.unwrap_or_else(valid_srm_text))
            .file("provider.yaml", &provider)
    }

    fn file(self, name: &str, text: &str) -> Self {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(path, text).expect("written");
        self
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `report --as-of 2026-11-22 <srm.yaml> --out <out>` and `more`
    /// arguments; the folder after `--templates` is in the scratch folder.
    fn report(&self, out: &str, more: &[&str]) -> Output {
        let mut run = Run::new(["report", "--as-of", AS_OF]).args([
            self.path("srm.yaml"),
            PathBuf::from("--out"),
            self.path(out),
        ]);
        let mut previous = "";
        for &arg in more {
            run = run.args([match previous {
                "--templates" => self.path(arg),
                _ => PathBuf::from(arg),
            }]);
            previous = arg;
        }
        run.run()
    }

    /// Output with the scratch folder's path replaced by `[scratch]`.
    fn shown(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "[scratch]")
    }
}

/// A scratch SRM whose client name and a row's title hold markup.
fn hostile() -> Scratch {
    let srm = valid_srm_text()
        .replace(
            "client: Fixture Clinic",
            "client: \"<script>alert('client')</script> | Clinic\"",
        )
        .replace(
            "title: Security management, risk analysis and policies",
            "title: \"<img src=x onerror=alert(1)> *risk* | policies\"",
        );
    Scratch::new(Some(srm))
}

#[test]
fn input_values_are_escaped_in_html() {
    let scratch = hostile();
    scratch.report("out", &[]).code(0);
    let pages = files(&scratch.path("out"));
    let client =
        String::from_utf8(pages["clients/unknown-owner-pass.html"].clone()).expect("UTF-8");
    assert!(
        client.contains("&lt;script&gt;alert(&#39;client&#39;)&lt;/script&gt; | Clinic"),
        "{client}"
    );
    assert!(client.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!client.contains("<script>alert"), "raw markup from input");
    assert!(!client.contains("<img src=x"), "raw markup from input");
    let index = String::from_utf8(pages["index.html"].clone()).expect("UTF-8");
    assert!(!index.contains("<script>alert"));
}

#[test]
fn input_values_are_escaped_in_markdown() {
    let scratch = hostile();
    scratch.report("out", &["--format", "md"]).code(0);
    let client =
        std::fs::read_to_string(scratch.path("out/clients/unknown-owner-pass.md")).expect("page");
    assert!(
        client.contains("| Client | &lt;script&gt;alert('client')&lt;/script&gt; \\| Clinic |"),
        "{client}"
    );
    assert!(client.contains("&lt;img src=x onerror=alert(1)&gt; \\*risk\\* \\| policies"));
    assert!(!client.contains("<script>"));
}

/// A run with `templates/<name>` holding `text`, over an `out` folder that
/// already holds last quarter's report.
fn with_template(name: &str, text: &str) -> (Scratch, Output) {
    let scratch = Scratch::new(None)
        .file(&format!("templates/{name}"), text)
        .file("out/index.html", "last quarter's report");
    let output = scratch.report("out", &["--templates", "templates"]);
    (scratch, output)
}

/// The report folder still holds the previous report and nothing else.
fn untouched(scratch: &Scratch) {
    let left = files(&scratch.path("out"));
    let names: Vec<&str> = left.keys().map(String::as_str).collect();
    assert_eq!(names, ["index.html"]);
    assert_eq!(left["index.html"], b"last quarter's report");
}

#[test]
fn a_template_syntax_error_names_file_and_line_and_writes_nothing() {
    let (scratch, output) = with_template(
        "client.html",
        "<h1>{{ title }}</h1>\n<p>{% if summary %}\n{{ summary.totals.controls }\n",
    );
    let output = output.code(2).contains("templates/client.html:3:28");
    insta::assert_snapshot!(scratch.shown(&output.stderr));
    untouched(&scratch);
}

#[test]
fn an_unknown_variable_names_file_and_line_and_writes_nothing() {
    let (scratch, output) = with_template(
        "client.html",
        "<h1>{{ title }}</h1>\n<p>{{ summary.totals.nope }}</p>\n",
    );
    let output = output.code(2).contains("templates/client.html:2:22");
    insta::assert_snapshot!(scratch.shown(&output.stderr));
    untouched(&scratch);
}

#[test]
fn an_unknown_variable_in_an_included_template_names_that_template() {
    let (scratch, output) = with_template("style.css", "body { color: {{ ink }}; }\n");
    output
        .code(2)
        .contains("templates/style.css:1:18")
        .contains("Variable `ink` is not defined");
    untouched(&scratch);
}

#[test]
fn an_unknown_include_names_file_and_line() {
    let (scratch, output) = with_template("index.html", "\n{% include \"header.html\" %}\n");
    output
        .code(2)
        .contains("templates/index.html:2:12")
        .contains("Unknown template `header.html`");
    untouched(&scratch);
}

#[test]
fn a_custom_template_replaces_the_built_in_one() {
    let (scratch, output) = with_template(
        "index.html",
        "<ul>{% for c in clients %}<li>{{ c.title }}: {{ c.counts.gaps }} gaps</li>{% endfor %}</ul>\n",
    );
    output.code(0);
    let index = std::fs::read_to_string(scratch.path("out/index.html")).expect("written");
    assert_eq!(index, "<ul><li>Fixture Clinic: 0 gaps</li></ul>\n");
    assert!(scratch
        .path("out/clients/unknown-owner-pass.html")
        .is_file());
}

#[test]
fn the_report_never_overwrites_its_templates() {
    let scratch = Scratch::new(None).file("templates/index.html", "{{ asOf }}\n");
    scratch
        .report("templates", &["--templates", "templates"])
        .code(2)
        .contains("is an input of the report; it is not overwritten");
    let left = files(&scratch.path("templates"));
    assert_eq!(left.len(), 1);
    assert_eq!(left["index.html"], b"{{ asOf }}\n");
}

#[test]
fn an_input_that_cannot_be_checked_is_listed_and_exits_2() {
    let scratch =
        Scratch::new(None).file("more/broken.yaml", "apiVersion: srmcheck/v1\nkind: Nope\n");
    let output = Run::new(["report", "--as-of", AS_OF, "--format", "json", "--out"])
        .args([
            scratch.path("out"),
            scratch.path("srm.yaml"),
            scratch.path("more"),
        ])
        .run();
    output
        .code(2)
        .contains("unknown kind `Nope`")
        .contains("1 input could not be checked and is left out");
    let index: Value =
        serde_json::from_slice(&std::fs::read(scratch.path("out/index.json")).expect("written"))
            .expect("JSON");
    assert_eq!(index["clients"].as_array().expect("clients").len(), 1);
    let problem = &index["problems"][0];
    assert_eq!(problem["message"], "unknown kind `Nope`");
    assert_eq!(problem["code"], "invalid-document");
    let file = problem["file"].as_str().expect("a file");
    assert!(file.ends_with("broken.yaml"), "{file}");
    assert_eq!(
        (&problem["line"], &problem["column"]),
        (&2.into(), &7.into())
    );
}

#[test]
fn findings_that_name_a_control_set_its_status_and_verdict() {
    let out = TempDir::new().expect("a scratch folder");
    Run::new(["report", "--as-of", AS_OF, "--format", "json"])
        .args([
            "fixtures/rules/conflicting-owners/fire",
            "fixtures/rules/owner-maturity-too-low/fire",
        ])
        .args([std::ffi::OsStr::new("--out"), out.path().as_os_str()])
        .in_root()
        .run()
        .code(0);
    let pages = files(out.path());
    let control = |page: &str, id: &str| -> Value {
        let page: Value = serde_json::from_slice(&pages[page]).expect("client JSON");
        let controls = page["coverage"][0]["controls"]
            .as_array()
            .expect("controls");
        controls
            .iter()
            .find(|c| c["id"] == id)
            .expect("in scope")
            .clone()
    };
    let conflicting = control("clients/conflicting-owners-fire.json", "164.312(b)");
    assert_eq!(conflicting["status"], "not-capable");
    assert_eq!(conflicting["verdict"], "not-capable");
    assert_eq!(
        conflicting["rules"],
        serde_json::json!(["owner-lacks-capability", "conflicting-owners"])
    );
    assert_eq!(conflicting["rows"], serde_json::json!(["R-02", "R-03"]));
    let immature = control("clients/owner-maturity-too-low-fire.json", "164.308(a)(6)");
    assert_eq!(immature["status"], "not-capable");
    assert_eq!(immature["statusLabel"], "owner lacks capability");
    let page: Value =
        serde_json::from_slice(&pages["clients/conflicting-owners-fire.json"]).expect("JSON");
    let row = page["matrix"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "R-02")
        .expect("row R-02");
    assert_eq!(
        row["findings"], 1,
        "the capability finding points into R-02 (164.312(b) needs no round-the-clock coverage)"
    );
    assert_eq!(page["summary"]["totals"]["notCapable"], 1);
}

#[test]
fn a_template_writing_a_gigabyte_is_stopped_at_the_size_cap() {
    // 4 KiB a turn: the cap is reached in 16,384 turns, well within the budget.
    let text = format!(
        "<p>\n{{% for a in range(end=100000) %}}{{% for b in range(end=100000) %}}{}{{% endfor %}}{{% endfor %}}\n",
        "x".repeat(4096)
    );
    let (scratch, output) = with_template("client.html", &text);
    output
        .code(2)
        .contains("templates/client.html")
        .contains("the page is over 64 MiB");
    untouched(&scratch);
}

#[test]
fn a_template_looping_for_ever_is_stopped_at_the_time_budget() {
    let started = std::time::Instant::now();
    let (scratch, output) = with_template(
        "client.html",
        "{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}\n",
    );
    output
        .code(2)
        .contains("templates/client.html")
        .contains("took longer than 5 s");
    untouched(&scratch);
    // The budget is 5 s; generous for a loaded machine.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn temporaries_a_killed_report_left_are_removed_by_the_next() {
    // No process has these ids (Linux caps them at 2^22); this one is alive.
    let live = format!("out/.index.html.{}-0.tmp", std::process::id());
    let scratch = Scratch::new(None)
        .file("out/.index.html.4294967295-0.tmp", "half a page")
        .file(
            "out/clients/.unknown-owner-pass.html.4294967294-3.tmp",
            "half",
        )
        .file(&live, "being written");
    scratch.report("out", &[]).code(0);
    let left = files(&scratch.path("out"));
    let temporaries: Vec<&str> = left
        .keys()
        .map(String::as_str)
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert_eq!(temporaries, [live.trim_start_matches("out/")]);
}

#[test]
fn a_row_split_with_a_vendor_shows_its_parties_as_the_owner() {
    let out = tempfile::TempDir::new().unwrap();
    Run::new(["report", "--as-of", AS_OF, "--format", "md"])
        .args(["fixtures/rules/shared-row-duties/pass"])
        .args([std::ffi::OsStr::new("--out"), out.path().as_os_str()])
        .in_root()
        .run()
        .code(0);
    let pages = files(out.path());
    let client = pages
        .iter()
        .filter(|(name, _)| name.ends_with(".md"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .find(|p| p.contains("Device and media controls, split with the offsite media vendor"))
        .expect("the client page");
    assert!(
        client.contains("| shared between client and vendor:ironvault |"),
        "{client}"
    );
}
