//! The report's appendix: it records every setting that changes a verdict,
//! and its reproduce command, run as written, makes the same pages byte for
//! byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::harness::{root, sha256, Run, AS_OF};

const POLICY: &str = r#"# METADATA
# title: Every row has evidence
# description: Auditors ask for evidence of every duty.
# custom:
#   id: evidence-missing
#   severity: warning
#   remediation: List evidence for the row.
package srmcheck.rules.evidence

import rego.v1

deny contains {"msg": sprintf("row %s lists no evidence", [row.id]), "pointer": sprintf("/srm/responsibilities/%d", [i])} if {
	some i, row in input.srm.responsibilities
	count(object.get(row, "evidence", [])) == 0
}
"#;

/// A project with an SRM that leaves a control uncovered, its provider, an
/// own policy folder `org` and a configuration file that turns a rule off.
fn project() -> TempDir {
    let dir = TempDir::new().expect("a scratch folder");
    let srm =
        std::fs::read_to_string(root().join("fixtures/rules/uncovered-control/fire/srm.yaml"))
            .expect("fixture readable")
            .replace("../../provider.yaml", "provider.yaml");
    let provider = std::fs::read_to_string(root().join("fixtures/rules/provider.yaml"))
        .expect("fixture readable");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(path, text).expect("written");
    };
    write("clients/srm.yaml", &srm);
    write("clients/provider.yaml", &provider);
    write("org/evidence.rego", POLICY);
    write("srmcheck.yaml", "severity:\n  review-overdue: off\n");
    dir
}

/// `report` in `dir` with `more` arguments into `out`.
fn report(dir: &Path, out: &str, more: &[&str]) {
    Run::new(["report", "--as-of", AS_OF, "clients", "--out", out])
        .args(more)
        .in_dir(dir)
        .run()
        .code(0);
}

/// Every file below `dir`, by path relative to it.
fn pages(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder listed") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("below").to_path_buf();
                found.insert(relative, std::fs::read(&path).expect("read"));
            }
        }
    }
    found
}

fn page(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("page written")
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).expect("start marker") + start.len();
    let to = text[from..].find(end).expect("end marker") + from;
    &text[from..to]
}

/// HTML text with the entities Tera writes decoded.
fn unescaped(html: &str) -> String {
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#x27;", "'"),
        ("&#x2F;", "/"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(html.to_owned(), |text, (entity, c)| text.replace(entity, c))
}

/// Runs `command` as a shell would split it, in `dir`.
fn run_command(dir: &Path, command: &str) {
    let words = shlex::split(command.trim()).expect("a shell command");
    assert_eq!(&words[..2], ["srmcheck", "report"], "{command}");
    Run::new(&words[1..]).in_dir(dir).run().code(0);
}

/// Renders the project in `format`, runs the command its client page's
/// appendix gives, and compares every page.
fn reproduces(format: &str, command_of: fn(&str) -> String) {
    let dir = project();
    let more = [
        "--format",
        format,
        "--policy",
        "org",
        "--severity",
        "uncovered-control=info",
        "--severity",
        "evidence-missing=error",
    ];
    report(dir.path(), "first", &more);
    let client = page(
        &dir.path().join("first"),
        &format!("clients/uncovered-control-fire.{format}"),
    );
    let command = command_of(&client);
    assert!(
        command.contains("--severity uncovered-control=info"),
        "{command}"
    );
    assert!(command.contains("--policy org"), "{command}");
    assert!(command.contains("--config srmcheck.yaml"), "{command}");
    run_command(dir.path(), &command);
    let first = pages(&dir.path().join("first"));
    let again = pages(&dir.path().join("reproduced"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        again.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &first {
        assert!(bytes == &again[name], "{} differs", name.display());
    }
}

#[test]
fn the_html_appendix_command_reproduces_the_report_byte_for_byte() {
    reproduces("html", |page| {
        unescaped(between(
            page,
            "<pre class=\"command\"><code>",
            "</code></pre>",
        ))
    });
}

#[test]
fn the_markdown_appendix_command_reproduces_the_report_byte_for_byte() {
    reproduces("md", |page| between(page, "~~~sh\n", "\n~~~").to_owned());
}

#[test]
fn the_appendix_records_settings_and_own_files_with_their_hashes() {
    let dir = project();
    report(
        dir.path(),
        "out",
        &[
            "--format",
            "json",
            "--policy",
            "org",
            "--severity",
            "uncovered-control=info",
        ],
    );
    let client: serde_json::Value = serde_json::from_str(&page(
        &dir.path().join("out"),
        "clients/uncovered-control-fire.json",
    ))
    .expect("JSON");
    let appendix = &client["appendix"];
    assert_eq!(
        appendix["severities"],
        serde_json::json!([
            {"rule": "review-overdue", "level": "off", "from": "configuration"},
            {"rule": "uncovered-control", "level": "info", "from": "command line"},
        ])
    );
    assert_eq!(appendix["configuration"]["path"], "srmcheck.yaml");
    let config = std::fs::read(dir.path().join("srmcheck.yaml")).expect("config");
    assert_eq!(appendix["configuration"]["sha256"], sha256(&config));
    assert_eq!(appendix["policies"][0]["path"], "org/evidence.rego");
    assert_eq!(appendix["policies"][0]["sha256"], sha256(POLICY.as_bytes()));
    assert_eq!(appendix["folder"], ".");
    let index: serde_json::Value =
        serde_json::from_str(&page(&dir.path().join("out"), "index.json")).expect("JSON");
    assert_eq!(index["appendix"]["reproduce"], appendix["reproduce"]);
}

#[test]
fn a_severity_override_changes_the_appendix() {
    let dir = project();
    report(dir.path(), "plain", &[]);
    report(
        dir.path(),
        "info",
        &["--severity", "uncovered-control=info"],
    );
    let appendix = |out: &str| {
        let text = page(&dir.path().join(out), "clients/uncovered-control-fire.html");
        between(&text, "<section id=\"appendix\">", "</section>").to_owned()
    };
    let (plain, info) = (appendix("plain"), appendix("info"));
    assert!(!plain.contains("uncovered-control"), "{plain}");
    assert!(info.contains("--severity uncovered-control=info"), "{info}");
    assert!(
        info.contains("Severity of <span class=\"mono\">uncovered-control</span></th><td>info</td><td>command line</td>"),
        "{info}"
    );
}

#[test]
fn own_catalogs_and_templates_are_hashed() {
    let dir = project();
    let catalog = "apiVersion: srmcheck/v1\nkind: Framework\nmetadata: {name: acme-controls}\nspec:\n  title: Acme internal controls\n  version: \"2026\"\n  source: {name: Acme GRC team, licence: Internal}\n  controls:\n    - {id: ACME-1, title: Quarterly phishing drill, family: People}\n";
    std::fs::create_dir_all(dir.path().join("catalogs")).expect("folder");
    std::fs::write(dir.path().join("catalogs/mine.yaml"), catalog).expect("written");
    std::fs::create_dir_all(dir.path().join("looks")).expect("folder");
    std::fs::write(
        dir.path().join("looks/style.css"),
        "body { color: black; }\n",
    )
    .expect("written");
    let out = dir.path().join("out");
    Run::new([
        "report",
        "--as-of",
        AS_OF,
        "clients",
        "--out",
        "out",
        "--frameworks",
        "catalogs",
        "--templates",
        "looks",
    ])
    .in_dir(dir.path())
    .run()
    .code(0);
    let text = unescaped(&page(&out, "clients/uncovered-control-fire.html"));
    assert!(
        text.contains("own catalog</td><td class=\"mono\">catalogs/mine.yaml"),
        "{text}"
    );
    assert!(text.contains(&sha256(catalog.as_bytes())));
    assert!(
        text.contains("own template</td><td class=\"mono\">looks/style.css"),
        "{text}"
    );
    let command = between(&text, "<pre class=\"command\"><code>", "</code></pre>");
    assert!(
        command.contains("--frameworks catalogs --templates looks"),
        "{command}"
    );
}
