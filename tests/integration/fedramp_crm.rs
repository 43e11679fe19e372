//! A FedRAMP CRM worksheet end to end: the committed workbook
//! (`fixtures/chain/fedramp/aws-crm.xlsx`, in the FedRAMP CIS/CRM layout: title
//! rows, then "Control ID", "Can Be Inherited from CSP" Yes/Partial/No and the
//! customer responsibility text) is what [`workbook`] writes, byte for byte;
//! `srmcheck import --vendor` turns it into the `VendorResponsibilities`
//! document the chain fixtures reference (`fixtures/chain/cmmc/aws-crm.yaml`);
//! bad worksheets are exit 2 at their cell.
//!
//! Regenerate both after changing [`CRM`]:
//! `SRMCHECK_BLESS=1 cargo test --test integration fedramp_crm`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::harness::{root, Run};

const WORKBOOK: &str = "fixtures/chain/fedramp/aws-crm.xlsx";
const IMPORTED: &str = "fixtures/chain/cmmc/aws-crm.yaml";

/// The IaaS vendor's customer responsibilities: control, can it be
/// inherited, what the customer must do.
const CRM: [(&str, &str, &str); 6] = [
    (
        "AC-02",
        "Partial",
        "Manage the accounts of the customer's users and roles in its cloud account.",
    ),
    (
        "AC-02 (01)",
        "No",
        "Automate the management of the customer's own accounts.",
    ),
    ("PE-02", "Yes", ""),
    ("PE-03", "Yes", ""),
    (
        "SC-07",
        "Partial",
        "Configure security groups and network ACLs around the customer's workloads.",
    ),
    (
        "SI-03",
        "No",
        "Run malicious code protection on the customer's instances.",
    ),
];

const HEADERS: [&str; 3] = [
    "Control ID",
    "Can Be Inherited from CSP",
    "Specific Inheritance and Customer Agency/CSP Responsibilities",
];

/// The worksheet as FedRAMP lays it out, with a fixed creation date so that
/// the bytes do not change from one run to the next.
fn workbook(headers: &[&str], rows: &[(&str, &str, &str)]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::parse_from_str("2026-01-01T00:00:00Z")?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let instructions = book.add_worksheet().set_name("Instructions")?;
    instructions.write_string(0, 0, "Customer Responsibility Matrix (CRM) instructions")?;
    instructions.write_string(
        1,
        0,
        "For each control, say whether the customer can inherit it from the CSP and what the customer must do.",
    )?;
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("CRM Worksheet")?;
    sheet.write_string_with_format(
        0,
        0,
        "Example IaaS Cloud: FedRAMP Moderate CRM Worksheet",
        &bold,
    )?;
    sheet.write_string(1, 0, "CSP: Amazon Web Services (fixture)")?;
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, *header, &bold)?;
        sheet.set_column_width(c as u16, [14, 26, 80][c.min(2)])?;
    }
    for (r, (control, inherited, customer)) in rows.iter().enumerate() {
        let r = 4 + r as u32;
        sheet.write_string(r, 0, *control)?;
        sheet.write_string(r, 1, *inherited)?;
        if !customer.is_empty() {
            sheet.write_string(r, 2, *customer)?;
        }
    }
    book.save_to_buffer()
}

fn bless() -> bool {
    std::env::var_os("SRMCHECK_BLESS").is_some()
}

#[test]
fn the_committed_crm_worksheet_is_what_its_generator_writes() {
    let bytes = workbook(&HEADERS, &CRM).unwrap();
    assert_eq!(bytes, workbook(&HEADERS, &CRM).unwrap(), "deterministic");
    let path = root().join(WORKBOOK);
    if bless() {
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "{WORKBOOK} is stale: SRMCHECK_BLESS=1 cargo test --test integration fedramp_crm"
    );
}

fn import(file: &str) -> Run {
    Run::new([
        "import",
        file,
        "--vendor",
        "Amazon Web Services",
        "--name",
        "aws-fedramp-crm",
    ])
}

#[test]
fn the_crm_worksheet_imports_as_the_chain_fixtures_vendor_responsibilities() {
    let out = import(WORKBOOK).in_root().run().code(0);
    let path = root().join(IMPORTED);
    if bless() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, out.stdout,
        "{IMPORTED} is stale: SRMCHECK_BLESS=1"
    );
    for expected in [
        "framework: nist-800-53r5",
        "- control: AC-2\n    inheritance: partial\n    customer: Manage the accounts",
        "- control: AC-2(1)\n    inheritance: none",
        "- control: PE-2\n    inheritance: full\n",
    ] {
        assert!(out.stdout.contains(expected), "{expected}\n{}", out.stdout);
    }
}

fn bad(headers: &[&str], rows: &[(&str, &str, &str)]) -> Run {
    import("crm.xlsx").file("crm.xlsx", workbook(headers, rows).unwrap())
}

#[test]
fn bad_crm_worksheets_are_exit_2_at_their_cell() {
    let mut headers = HEADERS.to_vec();
    headers.push("Reviewer initials");
    bad(&headers, &CRM)
        .run()
        .code(2)
        .contains("crm.xlsx, sheet CRM Worksheet, D4")
        .contains("`Reviewer initials`");
    let mut rows = CRM.to_vec();
    rows[2] = ("PE-99", "Yes", "");
    bad(&HEADERS, &rows)
        .run()
        .code(2)
        .contains("crm.xlsx, sheet CRM Worksheet, A7")
        .contains("control `PE-99` is not in nist-800-53r5");
    rows[2] = ("PE-02", "Mostly", "");
    bad(&HEADERS, &rows)
        .run()
        .code(2)
        .contains("crm.xlsx, sheet CRM Worksheet, B7")
        .contains("expected Yes, Partial or No, found `mostly`");
    import("crm.xlsx")
        .args(["--sheet", "Instructions"])
        .file("crm.xlsx", workbook(&HEADERS, &CRM).unwrap())
        .run()
        .code(2)
        .contains("Instructions");
    import("crm.xlsx")
        .args(["--sheet", "CIS Worksheet"])
        .file("crm.xlsx", workbook(&HEADERS, &CRM).unwrap())
        .run()
        .code(2)
        .contains("has no sheet `CIS Worksheet`");
}
