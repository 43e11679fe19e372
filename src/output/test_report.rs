//! A fixed, hand-made check report the format renderers are tested on: two
//! SRMs and a provider, findings of every severity, two excepted ones, a
//! portfolio finding and a problem. Adding a rule or a fixture changes none
//! of the renderers' tests.

use std::sync::Arc;

use crate::check::{CheckReport, SrmReport};
use crate::finding::Finding;
use crate::located::Located;
use crate::model::Date;
use crate::output::{Format, RenderOptions};
use crate::policy::Place;
use crate::problem::Code;
use crate::rule::{Rule, RuleScope};
use crate::severity::Severity;
use crate::source::{SourceFile, Span};

const ALPHA: &str = "apiVersion: srmcheck/v1\nkind: ResponsibilityMatrix\nmetadata:\n  name: alpha\nspec:\n  frameworks:\n    - id: iso27001-2022\n  review:\n    last: 2025-01-01\n";
const BETA: &str = "apiVersion: srmcheck/v1\nkind: ResponsibilityMatrix\nmetadata:\n  name: beta\nspec:\n  frameworks:\n    - id: iso27001-2022\n  responsibilities:\n    - id: R-01\n      owner: msp\n";
const PROVIDER: &str = "apiVersion: srmcheck/v1\nkind: Provider\nmetadata:\n  name: acme-mssp\nspec:\n  capacity: 10\n";
const BROKEN: &str = "apiVersion: srmcheck/v1\nkind: ResponsibilityMatrix\nmetadata:\n  name: broken\nspec:\n  clientt: x\n";

fn rule(id: &str, severity: Severity, scope: RuleScope) -> Arc<Rule> {
    Arc::new(Rule {
        id: id.to_owned(),
        title: format!("The {id} rule"),
        description: format!("What {id} checks.\n"),
        severity,
        remediation: format!("Fix what {id} found."),
        frameworks: vec!["iso27001-2022".to_owned()],
        package: format!("srmcheck.rules.{}", id.replace('-', "_")),
        file: Arc::new(SourceFile::embedded("policies/rule.rego", "package x\n")),
        scope,
        category: None,
    })
}

/// The span of the first `needle` after `after` in the file.
fn at(file: &SourceFile, after: &str, needle: &str) -> Span {
    let from = file.text().find(after).expect("in the text");
    let start = from + file.text()[from..].find(needle).expect("in the text");
    Span::new(start, start + needle.len())
}

/// One finding: its rule, file, where (the first `needle` after `after`),
/// SRM, pointer, control and whether it is excepted.
type Row = (
    usize,
    usize,
    (&'static str, &'static str),
    &'static str,
    &'static str,
    Option<&'static str>,
    bool,
);

/// Rules: 0 uncovered-duty, 1 unknown-party, 2 review-late,
/// 3 raci-one-accountable, 4 portfolio-overload. Files: 0 alpha, 1 beta,
/// 2 the provider.
const SRM_FINDINGS: [Row; 6] = [
    (
        0,
        0,
        ("frameworks", "id: iso27001-2022"),
        "alpha",
        SELECTION,
        Some("A.5.7"),
        false,
    ),
    (
        0,
        0,
        ("frameworks", "id: iso27001-2022"),
        "alpha",
        SELECTION,
        Some("A.5.8"),
        true,
    ),
    (
        2,
        0,
        ("review", "last: 2025-01-01"),
        "alpha",
        "/srm/review/last",
        None,
        false,
    ),
    (
        0,
        1,
        ("frameworks", "id: iso27001-2022"),
        "beta",
        SELECTION,
        Some("A.5.7"),
        false,
    ),
    (
        1,
        1,
        ("owner", "msp"),
        "beta",
        "/srm/responsibilities/0/owner",
        None,
        false,
    ),
    (
        3,
        1,
        ("responsibilities", "id: R-01"),
        "beta",
        "/srm/responsibilities/0",
        Some("A.5.1"),
        true,
    ),
];
const PORTFOLIO_FINDING: Row = (
    4,
    2,
    ("capacity", "10"),
    "acme-mssp",
    "/provider/capacity",
    None,
    false,
);
const SELECTION: &str = "/frameworks/iso27001-2022";

fn finding(rules: &[Arc<Rule>], files: &[Arc<SourceFile>], row: &Row) -> Finding {
    let &(rule, file, (after, needle), srm, pointer, control, excepted) = row;
    let (rule, file) = (&rules[rule], &files[file]);
    let message = match control {
        Some(control) => format!("control {control} is not covered"),
        None => format!("{} is wrong at {pointer}", rule.id),
    };
    Finding {
        rule: Arc::clone(rule),
        severity: rule.severity,
        message,
        pointer: pointer.to_owned(),
        place: Place::parse(pointer),
        srm: srm.to_owned(),
        file: Arc::clone(file),
        span: at(file, after, needle),
        excepted,
        control: control.map(|c| ("iso27001-2022".to_owned(), c.to_owned())),
    }
}

/// The report.
pub fn report() -> CheckReport {
    report_with(|text| text.to_owned())
}

/// The report, with every file's text changed by `edit` before it is placed
/// (a line inserted above the findings, say).
pub fn report_with(edit: impl Fn(&str) -> String) -> CheckReport {
    let file = |name: &str, text: &str| Arc::new(SourceFile::new(name, edit(text)));
    let files = [
        file("clients/alpha/srm.yaml", ALPHA),
        file("clients/beta/srm.yaml", BETA),
        file("provider.yaml", PROVIDER),
    ];
    let rules = [
        rule("uncovered-duty", Severity::Error, RuleScope::Srm),
        rule("unknown-party", Severity::Error, RuleScope::Srm),
        rule("review-late", Severity::Warning, RuleScope::Srm),
        rule("raci-one-accountable", Severity::Info, RuleScope::Srm),
        rule(
            "portfolio-overload",
            Severity::Warning,
            RuleScope::Portfolio,
        ),
    ];
    let srm = |index: usize, name: &str| SrmReport {
        name: name.to_owned(),
        file: files[index].name().to_owned(),
        findings: SRM_FINDINGS
            .iter()
            .filter(|row| row.1 == index)
            .map(|row| finding(&rules, &files, row))
            .collect(),
        assessments: Default::default(),
        facts: Default::default(),
    };
    let broken = Arc::new(SourceFile::new("clients/broken.yaml", BROKEN.to_owned()));
    let span = at(&broken, "spec", "clientt");
    let located =
        Located::new(&broken, span, "unknown key `clientt`").with_hint("did you mean `client`?");
    CheckReport {
        as_of: Some("2026-11-22".parse::<Date>().expect("a date")),
        srms: vec![srm(0, "alpha"), srm(1, "beta")],
        portfolio: vec![finding(&rules, &files, &PORTFOLIO_FINDING)],
        rules: rules.to_vec(),
        files: 4,
        errors: vec![located.with_code(Code::UnknownKey).problem()],
        shard: None,
        providers: Vec::new(),
        cache: None,
    }
}

/// What `format` prints of `report`.
pub fn render(format: Format, report: &CheckReport, options: &RenderOptions) -> String {
    let mut out = termcolor::Buffer::no_color();
    format.renderer()(report, options, &mut out).expect("rendered");
    String::from_utf8(out.into_inner()).expect("UTF-8")
}

/// The report as `format` prints it as JSON, with the default options.
pub fn json(format: Format, report: &CheckReport) -> serde_json::Value {
    serde_json::from_str(&render(format, report, &RenderOptions::default())).expect("JSON")
}

/// The report with a comment line above every line of every file.
pub fn moved() -> CheckReport {
    report_with(|text| format!("# moved down a line\n{text}"))
}

/// Every format's output of the report, as reviewed.
#[test]
fn every_format_renders_the_report() {
    let report = report();
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Gitlab,
    ] {
        let name = format!("{format:?}").to_lowercase();
        let text = render(format, &report, &RenderOptions::default());
        insta::assert_snapshot!(name, text);
    }
}
