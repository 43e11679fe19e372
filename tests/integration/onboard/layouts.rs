//! Importing the layouts MSSPs keep their matrices in: a generic matrix with
//! a column mapping, the FedRAMP CIS/CRM worksheets, CAIQ v4's SSRM columns.
//! Each workbook is built here with rust_xlsxwriter.

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::harness::{root, Run, AS_OF};

/// A workbook with one sheet of `rows` (the first row at row `first`).
fn workbook(sheet: &str, first: u32, rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let worksheet = book.add_worksheet();
    worksheet.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            worksheet
                .write_string(first + r as u32, c as u16, *text)
                .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// Imports `file` with `args` next to a provider and an environment, then
/// returns the policy input of the SRM written.
fn import(file: (&str, Vec<u8>), args: &[&str], extra: &[(&str, &str)]) -> Value {
    let provider =
        std::fs::read_to_string(root().join("fixtures/portfolio/provider.yaml")).unwrap();
    let environment = std::fs::read_to_string(
        root().join("fixtures/portfolio/clients/acme-manufacturing/environment.yaml"),
    )
    .unwrap();
    let scratch = tempfile::TempDir::new().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join(file.0), file.1).unwrap();
    std::fs::write(dir.join("provider.yaml"), provider).unwrap();
    std::fs::write(dir.join("environment.yaml"), environment).unwrap();
    for (name, text) in extra {
        std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
    Run::new([
        "import",
        file.0,
        "-o",
        "srm.yaml",
        "--provider",
        "provider.yaml",
        "--environment",
        "environment.yaml",
        "--client",
        "Acme",
    ])
    .args(args)
    .in_dir(dir)
    .run()
    .code(0);
    let frameworks: Vec<&str> = args
        .windows(2)
        .filter(|w| w[0] == "--frameworks")
        .map(|w| w[1])
        .collect();
    let mut input = Run::new(["input", "--as-of", AS_OF, "srm.yaml"]);
    for dir in frameworks {
        input = input.args(["--frameworks", dir]);
    }
    let out = input.in_dir(dir).run().code(0);
    serde_json::from_str(&out.stdout).unwrap()
}

fn owners(input: &Value) -> Vec<(String, String)> {
    input["srm"]["responsibilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["title"].as_str().unwrap().to_owned(),
                row["owner"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_generic_matrix_is_read_through_a_mapping_file() {
    let book = workbook(
        "Controls",
        0,
        &[
            &[
                "Ref",
                "Duty",
                "Controls",
                "Responsible",
                "MSSP does",
                "Client does",
                "Evidence",
            ],
            &[
                "G-1",
                "Policies",
                "A.5.1, A.5.2",
                "Customer",
                "",
                "Write and approve the policies",
                "Policy register",
            ],
            &[
                "G-2",
                "Monitoring",
                "A.8.16",
                "MSP",
                "Watch the SIEM around the clock",
                "",
                "SOC runbook",
            ],
        ],
    );
    let mapping = "sheet: Controls\nframework: iso27001-2022\ncolumns: {row: Ref, title: Duty, control: C, owner: Responsible, \"duty:mssp\": MSSP does, \"duty:client\": F, evidence: G}\nowners: {Customer: client, MSP: mssp}\n";
    let input = import(
        ("matrix.xlsx", book),
        &["--mapping", "map.yaml", "--framework", "iso27001-2022"],
        &[("map.yaml", mapping)],
    );
    assert_eq!(
        owners(&input),
        [
            ("Policies".into(), "client".into()),
            ("Monitoring".into(), "mssp".into())
        ]
    );
    let rows = &input["srm"]["responsibilities"];
    assert_eq!(rows[0]["id"], "G-1");
    assert_eq!(
        rows[0]["controls"]["iso27001-2022"],
        serde_json::json!(["A.5.1", "A.5.2"])
    );
    assert_eq!(rows[1]["duties"]["mssp"], "Watch the SIEM around the clock");
    assert_eq!(rows[1]["evidence"], serde_json::json!(["SOC runbook"]));
}

#[test]
fn a_generic_csv_is_read_through_command_line_mappings() {
    let csv = "Control,Owner,RACI\nA.5.1,client,client: RA\nA.8.16,mssp,mssp: R; client: A\n";
    let args = [
        "--map",
        "control=A",
        "--map",
        "owner=Owner",
        "--map",
        "raci=C",
        "--framework",
        "iso27001-2022",
    ];
    let input = import(("matrix.csv", csv.as_bytes().to_vec()), &args, &[]);
    let rows = &input["srm"]["responsibilities"];
    assert_eq!(
        rows[1]["raci"],
        serde_json::json!({"mssp": "R", "client": "A"})
    );
    assert_eq!(rows[1]["title"], "A.8.16");
}

#[test]
fn an_unmapped_owner_is_refused_at_its_cell() {
    let book = workbook(
        "Controls",
        0,
        &[
            &["Control", "Owner"],
            &["A.5.1", "Client"],
            &["A.5.2", "Somebody"],
        ],
    );
    Run::new([
        "import",
        "matrix.xlsx",
        "-o",
        "srm.yaml",
        "--map",
        "control=A",
        "--map",
        "owner=B",
        "--framework",
        "iso27001-2022",
    ])
    .file("matrix.xlsx", book)
    .run()
    .code(2)
    .contains("matrix.xlsx, sheet Controls, B3")
    .contains("owner `Somebody` is not mssp, client, shared or vendor:<id>");
}

#[test]
fn the_fedramp_cis_worksheet_gives_owners_from_the_origination_checkboxes() {
    let header: &[&str] = &[
        "Control ID",
        "Implemented",
        "Partially Implemented",
        "Planned",
        "Alternative Implementation",
        "Not Applicable",
        "Service Provider Corporate",
        "Service Provider System Specific",
        "Service Provider Hybrid (Corporate and System Specific)",
        "Configured by Customer (Customer System Specific)",
        "Provided by Customer (Customer System Specific)",
        "Shared (Service Provider and Customer Responsibility)",
        "Inherited from pre-existing FedRAMP Authorization",
    ];
    let book = workbook(
        "CIS",
        0,
        &[
            &["Control Implementation Summary (CIS) Worksheet"],
            header,
            &["AC-01", "X", "", "", "", "", "X", "", "", "", "", "", ""],
            &[
                "AC-02 (01)",
                "",
                "",
                "X",
                "",
                "",
                "",
                "",
                "",
                "X",
                "",
                "",
                "",
            ],
            &["AC-3", "X", "", "", "", "", "", "X", "", "X", "", "", ""],
        ],
    );
    let input = import(("cis.xlsx", book), &[], &[]);
    assert_eq!(
        owners(&input),
        [
            ("AC-1".into(), "mssp".into()),
            ("AC-2(1)".into(), "client".into()),
            ("AC-3".into(), "shared".into())
        ]
    );
    assert_eq!(
        input["srm"]["frameworks"],
        serde_json::json!([{"id": "nist-800-53r5"}])
    );
}

#[test]
fn the_fedramp_crm_worksheet_reads_inheritance_and_the_customer_responsibility() {
    let book = workbook(
        "CRM",
        0,
        &[
            &[
                "Control ID",
                "Can Be Inherited from CSP",
                "Specific Inheritance and Customer Agency/CSP Responsibilities",
            ],
            &["SC-7", "Yes", ""],
            &["AC-2", "Partial", "The agency approves every account."],
            &["AT-2", "No", "The agency trains its users."],
        ],
    );
    let input = import(
        ("crm.xlsx", book),
        &["--framework", "nist-800-53r5:moderate"],
        &[],
    );
    assert_eq!(
        owners(&input),
        [
            ("SC-7".into(), "mssp".into()),
            ("AC-2".into(), "shared".into()),
            ("AT-2".into(), "client".into())
        ]
    );
    assert_eq!(
        input["srm"]["responsibilities"][1]["duties"]["client"],
        "The agency approves every account."
    );
}

const CCM: &str = "apiVersion: srmcheck/v1
kind: Framework
metadata: {name: ccm-4}
spec:
  title: Cloud Controls Matrix
  version: \"4.0\"
  source: {name: test catalog, licence: Internal}
  controls:
    - {id: A&A-01, title: Audit policy, family: Audit and Assurance}
    - {id: A&A-02, title: Independent assessments, family: Audit and Assurance}
    - {id: IAM-01, title: Identity policy, family: Identity}
    - {id: LOG-01, title: Logging policy, family: Logging}
";

/// A CAIQ v4 sheet: two questions of one control, each ownership once.
fn caiq_workbook() -> Vec<u8> {
    workbook(
        "CAIQv4.0.3",
        0,
        &[
            &[
                "Question ID",
                "Question",
                "CSP CAIQ Answer",
                "SSRM Control Ownership",
                "CSP Implementation Description (Optional/Recommended)",
                "CSC Responsibilities (Optional/Recommended)",
            ],
            &[
                "A&A-01.1",
                "Are audit policies established?",
                "Yes",
                "CSP-owned",
                "The SOC keeps the audit policy.",
                "",
            ],
            &["A&A-01.2", "Are they reviewed?", "Yes", "CSP-owned", "", ""],
            &[
                "A&A-02.1",
                "Are assessments independent?",
                "Yes",
                "Shared CSP and CSC",
                "We run them.",
                "The client commissions them.",
            ],
            &[
                "IAM-01.1",
                "Is there an identity policy?",
                "Yes",
                "CSC-owned",
                "",
                "The client owns identities.",
            ],
            &[
                "LOG-01.1",
                "Is logging outsourced?",
                "Yes",
                "Third-party outsourced",
                "",
                "",
            ],
        ],
    )
}

#[test]
fn caiq_ssrm_columns_give_one_row_per_ccm_control() {
    let book = caiq_workbook();
    let args = ["--frameworks", "catalogs", "--framework", "ccm-4"];
    let input = import(("caiq.xlsx", book), &args, &[("catalogs/ccm.yaml", CCM)]);
    assert_eq!(
        owners(&input),
        [
            ("A&A-01".into(), "mssp".into()),
            ("A&A-02".into(), "shared".into()),
            ("IAM-01".into(), "client".into()),
            ("LOG-01".into(), "mssp".into())
        ]
    );
    let rows = &input["srm"]["responsibilities"];
    assert_eq!(
        rows[1]["duties"],
        serde_json::json!({"mssp": "We run them.", "client": "The client commissions them."})
    );
}

#[test]
fn an_ambiguous_source_is_commented_in_the_yaml_written() {
    let book = workbook(
        "CAIQ",
        0,
        &[
            &["Question ID", "SSRM Control Ownership"],
            &["LOG-01.1", "Third-party outsourced"],
        ],
    );
    let out = Run::new([
        "--frameworks",
        "catalogs",
        "import",
        "caiq.xlsx",
        "--framework",
        "ccm-4",
    ])
    .file("caiq.xlsx", book)
    .file("catalogs/ccm.yaml", CCM)
    .run()
    .code(0);
    assert!(
        out.stdout
            .contains("    # Third-party outsourced in the CAIQ: name the vendor"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  # TODO: the path of the MSSP's Provider document"),
        "{}",
        out.stdout
    );
}
