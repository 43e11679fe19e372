//! The shipped catalogs match the official sources (`frameworks/sources/summary`):
//! the same ids, and the same first and last id in every family.

use std::collections::{BTreeMap, BTreeSet};

use crate::harness::{root, Run};

/// `(id, family)` rows of a summary CSV, in file order.
fn summary(file: &str) -> Vec<(String, String)> {
    let path = root().join("frameworks/sources/summary").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let fields = csv_fields(line);
            (
                fields[0].clone(),
                fields.last().cloned().unwrap_or_default(),
            )
        })
        .collect()
}

/// Splits one CSV line, honouring double quotes.
fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match (c, quoted) {
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// `(id, family)` of every control of a shipped catalog, in catalog order;
/// implementation specifications, controls beside their standard, are
/// checked apart (`catalog::tests_specifications`).
fn shipped(id: &str) -> Vec<(String, String)> {
    let output = Run::new(["frameworks", "show", id, "--format", "json"])
        .run()
        .code(0);
    let framework: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    framework["controls"]
        .as_array()
        .expect("controls")
        .iter()
        .filter(|c| c.get("standard").is_none())
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default().to_owned(),
                c["family"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// First and last id of each family, families keyed by their first id.
fn family_bounds(rows: &[(String, String)]) -> BTreeSet<(String, String)> {
    let mut families: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut order = Vec::new();
    for (id, family) in rows {
        if !families.contains_key(family.as_str()) {
            order.push(family.as_str());
        }
        families.entry(family).or_default().push(id);
    }
    order
        .iter()
        .map(|f| {
            let ids = &families[f];
            (ids[0].to_owned(), ids[ids.len() - 1].to_owned())
        })
        .collect()
}

fn assert_matches(framework: &str, summary_file: &str, keep: impl Fn(&str) -> bool, count: usize) {
    let expected: Vec<(String, String)> = summary(summary_file)
        .into_iter()
        .filter(|(id, _)| keep(id))
        .collect();
    let actual: Vec<(String, String)> = shipped(framework)
        .into_iter()
        .filter(|(id, _)| keep(id))
        .collect();
    assert_eq!(actual.len(), count, "{framework}: control count");
    let ids = |rows: &[(String, String)]| {
        rows.iter()
            .map(|(id, _)| id.clone())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(ids(&actual), ids(&expected), "{framework}: ids");
    assert_eq!(
        family_bounds(&actual),
        family_bounds(&expected),
        "{framework}: first and last id of each family"
    );
}

#[test]
fn iso27001_2022_annex_a() {
    assert_matches(
        "iso27001-2022",
        "iso27001-2022-annexA_ids-titles.csv",
        |id| id.starts_with("A."),
        93,
    );
}

#[test]
fn iso27001_2022_clauses_4_to_10_come_first_with_their_ids_and_headings() {
    let path = root().join("frameworks/sources/catalogs/iso27001-2022/clauses-ids-headings.csv");
    let text = std::fs::read_to_string(&path).expect("the clause list");
    let expected: Vec<String> = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| csv_fields(l)[0].clone())
        .collect();
    assert_eq!(expected.len(), 30);
    let shipped = shipped("iso27001-2022");
    let clauses: Vec<String> = shipped[..30].iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(clauses, expected);
    assert_eq!(shipped.len(), 123);
    assert!(shipped[30..].iter().all(|(id, _)| id.starts_with("A.")));
    assert_eq!(shipped[19], ("8.1".to_owned(), "8 Operation".to_owned()));
}

#[test]
fn cmmc_2_levels_1_and_2() {
    assert_matches(
        "cmmc-2.0",
        "cmmc-2.0-v2.13_acep-uaf.csv",
        |id| !id.contains(".L3-"),
        125,
    );
}

#[test]
fn sp_800_171_revisions_2_and_3() {
    assert_matches("nist-800-171r2", "nist-800-171-rev2.csv", |_| true, 110);
    assert_matches("nist-800-171r3", "nist-800-171-rev3.csv", |_| true, 97);
}

#[test]
fn sp_800_53r5_without_withdrawn_controls() {
    assert_matches("nist-800-53r5", "nist-800-53-rev5.0.1.csv", |_| true, 1007);
    Run::new([
        "frameworks",
        "show",
        "nist-800-53r5",
        "--control",
        "AC-2(10)",
    ])
    .run()
    .code(2)
    .contains("unknown control `AC-2(10)`");
}

#[test]
fn csf_2_subcategories() {
    assert_matches("nist-csf-2.0", "nist-csf-2.0.csv", |_| true, 106);
}

#[test]
fn hipaa_security_rule_standards() {
    assert_matches(
        "hipaa-security",
        "hipaa-security-rule-standards.csv",
        |_| true,
        22,
    );
}

#[test]
fn cmmc_level_1_december_2021_aliases() {
    let aliases: Vec<(String, String)> = summary("cmmc-2.0-dec2021-naming.csv")
        .into_iter()
        .filter(|(id, _)| id.contains(".L1-"))
        .collect();
    assert_eq!(aliases.len(), 17);
    let output = Run::new(["frameworks", "show", "cmmc-2.0", "--format", "json"])
        .run()
        .code(0);
    let framework: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    let mut table = BTreeMap::new();
    for control in framework["controls"].as_array().expect("controls") {
        for alias in control["aliases"].as_array().into_iter().flatten() {
            table.insert(
                alias.as_str().unwrap_or_default().to_owned(),
                control["id"].as_str().unwrap_or_default().to_owned(),
            );
        }
    }
    assert_eq!(table.len(), 17, "{table:?}");
    for (alias, _) in &aliases {
        assert!(table.contains_key(alias), "{alias} is not an alias");
    }
    assert_eq!(table["AC.L1-3.1.1"], "AC.L1-b.1.i");
    assert_eq!(table["PE.L1-3.10.3"], "PE.L1-b.1.ix");
    assert_eq!(table["PE.L1-3.10.5"], "PE.L1-b.1.ix");
    assert_eq!(table["SI.L1-3.14.5"], "SI.L1-b.1.xv");
}
