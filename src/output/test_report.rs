//! A fixed, hand-made check report the format renderers are tested on: two
//! SRMs and a provider, findings of every severity, two excepted ones, a
//! portfolio finding and a problem. Adding a rule or a fixture changes none
//! of the renderers' tests.

use std::sync::Arc;

use crate::check::{CheckReport, SrmReport};
use crate::error::Error;
use crate::finding::Finding;
use crate::load::LoadError;
use crate::located::Located;
use crate::model::Date;
use crate::output::{Format, RenderOptions};
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
    })
}

/// The span of the first `needle` after `after` in the file.
fn at(file: &SourceFile, after: &str, needle: &str) -> Span {
    let from = file.text().find(after).expect("in the text");
    let start = from + file.text()[from..].find(needle).expect("in the text");
    Span::new(start, start + needle.len())
}

struct About<'a> {
    srm: &'a str,
    pointer: &'a str,
    control: Option<&'a str>,
    excepted: bool,
}

fn finding(rule: &Arc<Rule>, file: &Arc<SourceFile>, span: Span, about: About) -> Finding {
    let message = match about.control {
        Some(control) => format!("control {control} is not covered"),
        None => format!("{} is wrong at {}", rule.id, about.pointer),
    };
    Finding {
        rule: Arc::clone(rule),
        severity: rule.severity,
        message,
        pointer: about.pointer.to_owned(),
        srm: about.srm.to_owned(),
        file: Arc::clone(file),
        span,
        excepted: about.excepted,
        control: about
            .control
            .map(|c| ("iso27001-2022".to_owned(), c.to_owned())),
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
    let (alpha, beta) = (
        file("clients/alpha/srm.yaml", ALPHA),
        file("clients/beta/srm.yaml", BETA),
    );
    let provider = file("provider.yaml", PROVIDER);
    let uncovered = rule("uncovered-control", Severity::Error, RuleScope::Srm);
    let owner = rule("unknown-owner", Severity::Error, RuleScope::Srm);
    let review = rule("review-overdue", Severity::Warning, RuleScope::Srm);
    let raci = rule("raci-accountable", Severity::Info, RuleScope::Srm);
    let capacity = rule(
        "portfolio-over-capacity",
        Severity::Warning,
        RuleScope::Portfolio,
    );
    let about = |srm, pointer, control, excepted| About {
        srm,
        pointer,
        control,
        excepted,
    };
    let selection = "/frameworks/iso27001-2022";
    let alpha_findings = vec![
        finding(
            &uncovered,
            &alpha,
            at(&alpha, "frameworks", "id: iso27001-2022"),
            about("alpha", selection, Some("A.5.7"), false),
        ),
        finding(
            &uncovered,
            &alpha,
            at(&alpha, "frameworks", "id: iso27001-2022"),
            about("alpha", selection, Some("A.5.8"), true),
        ),
        finding(
            &review,
            &alpha,
            at(&alpha, "review", "last: 2025-01-01"),
            about("alpha", "/srm/review/last", None, false),
        ),
    ];
    let beta_findings = vec![
        finding(
            &uncovered,
            &beta,
            at(&beta, "frameworks", "id: iso27001-2022"),
            about("beta", selection, Some("A.5.7"), false),
        ),
        finding(
            &owner,
            &beta,
            at(&beta, "owner", "msp"),
            about("beta", "/srm/responsibilities/0/owner", None, false),
        ),
        finding(
            &raci,
            &beta,
            at(&beta, "responsibilities", "id: R-01"),
            about("beta", "/srm/responsibilities/0", Some("A.5.1"), true),
        ),
    ];
    let portfolio = vec![finding(
        &capacity,
        &provider,
        at(&provider, "capacity", "10"),
        about("acme-mssp", "/provider/capacity", None, false),
    )];
    let broken = Arc::new(SourceFile::new("clients/broken.yaml", BROKEN.to_owned()));
    let located = Located::new(
        &broken,
        at(&broken, "spec", "clientt"),
        "unknown key `clientt`",
    )
    .with_hint("did you mean `client`?");
    let srm = |name: &str, file: &Arc<SourceFile>, findings| SrmReport {
        name: name.to_owned(),
        file: file.name().to_owned(),
        findings,
        assessments: Default::default(),
    };
    CheckReport {
        as_of: Some("2026-11-22".parse::<Date>().expect("a date")),
        rules: vec![uncovered, owner, review, raci, capacity],
        files: 4,
        srms: vec![
            srm("alpha", &alpha, alpha_findings),
            srm("beta", &beta, beta_findings),
        ],
        portfolio,
        errors: vec![Error::Load(LoadError::Invalid(Box::new(located)))],
        shard: None,
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
