//! A spreadsheet that is not one, or not a matrix: a clear error naming the
//! file and cell, exit 2, and nothing written.

use rust_xlsxwriter::{Format, Formula, Workbook};

use crate::harness::{root, Run};

/// Imports `name` (written with `bytes`) to `out.yaml`; exit 2 and no `out.yaml`.
fn refused(name: &str, bytes: Vec<u8>, expected: &[&str]) {
    let scratch = tempfile::TempDir::new().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join(name), bytes).unwrap();
    let mut out = Run::new(["import", name, "-o", "out.yaml"])
        .in_dir(dir)
        .run()
        .code(2);
    for needle in expected {
        out = out.contains(needle);
    }
    assert!(!dir.join("out.yaml").exists(), "nothing is written");
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "no temporary is left: {left:?}");
}

/// A workbook in the layout of srmcheck's export: the Document marker and a Matrix sheet.
fn own_workbook(matrix: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Matrix").unwrap();
    matrix(sheet);
    let document = book.add_worksheet();
    document.set_name("Document").unwrap();
    document.write_string(0, 0, "srmcheck export").unwrap();
    document.write_string(0, 1, "1").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_renamed_pdf_is_refused() {
    refused(
        "matrix.xlsx",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec(),
        &["matrix.xlsx", "is a PDF document"],
    );
}

#[test]
fn a_password_protected_workbook_is_refused() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    refused(
        "matrix.xlsx",
        bytes,
        &["matrix.xlsx", "password-protected", "without a password"],
    );
}

#[test]
fn an_empty_sheet_is_refused() {
    refused(
        "matrix.xlsx",
        own_workbook(|_| {}),
        &["matrix.xlsx, sheet Matrix", "the sheet is empty"],
    );
    refused(
        "matrix.csv",
        Vec::new(),
        &["matrix.csv", "the sheet is empty"],
    );
}

#[test]
fn merged_header_cells_are_refused_at_their_cell() {
    let book = own_workbook(|sheet| {
        sheet
            .merge_range(0, 0, 0, 2, "row and title", &Format::new())
            .unwrap();
        sheet.write_string(1, 0, "R-01").unwrap();
    });
    refused(
        "matrix.xlsx",
        book,
        &["matrix.xlsx, sheet Matrix, A1", "merged header cells A1:C1"],
    );
}

#[test]
fn a_formula_error_is_refused_at_its_cell() {
    let book = own_workbook(|sheet| {
        for (column, name) in ["row", "title", "owner", "effort: mssp"].iter().enumerate() {
            sheet.write_string(0, column as u16, *name).unwrap();
        }
        sheet.write_string(1, 0, "R-01").unwrap();
        sheet.write_string(1, 1, "Monitoring").unwrap();
        sheet.write_string(1, 2, "mssp").unwrap();
        sheet
            .write_formula(1, 3, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
    });
    refused(
        "matrix.xlsx",
        book,
        &["matrix.xlsx, sheet Matrix, D2", "the formula gives #DIV/0!"],
    );
}

#[test]
fn a_sheet_of_a_million_rows_is_refused() {
    let book = own_workbook(|sheet| {
        sheet.write_string(0, 0, "row").unwrap();
        sheet.write_string(999_999, 0, "R-999999").unwrap();
    });
    refused(
        "matrix.xlsx",
        book,
        &[
            "matrix.xlsx, sheet Matrix",
            "1000000 rows",
            "over the limit",
        ],
    );
}

#[test]
fn a_csv_that_is_not_a_matrix_is_refused() {
    refused(
        "matrix.csv",
        b"a,b\n1,2\n".to_vec(),
        &["matrix.csv", "not recognised", "--map"],
    );
}

#[test]
fn an_unknown_control_gets_a_did_you_mean_at_its_line_and_column() {
    let srm = root().join("fixtures/portfolio/clients/brightdesk/srm.yaml");
    let scratch = tempfile::TempDir::new().unwrap();
    let dir = scratch.path().to_path_buf();
    Run::new([
        "export",
        "--as-of",
        "2026-11-22",
        "--format",
        "csv",
        "-o",
        "m.csv",
    ])
    .args([&srm])
    .in_dir(&dir)
    .run()
    .code(0);
    let csv = std::fs::read_to_string(dir.join("m.csv")).unwrap();
    let (line, text) = csv
        .lines()
        .enumerate()
        .find(|(_, l)| !l.starts_with('#') && l.contains("A.8.16"))
        .expect("a row covers A.8.16");
    let column = text
        .find("\"iso27001-2022")
        .expect("a quoted controls cell")
        + 1;
    let edited: Vec<String> = csv
        .lines()
        .enumerate()
        .map(|(i, l)| match i == line {
            true => l.replacen("A.8.16", "A.8.166", 1),
            false => l.to_owned(),
        })
        .collect();
    std::fs::write(dir.join("m.csv"), edited.join("\n") + "\n").unwrap();
    Run::new(["import", "m.csv", "-o", "out.yaml"])
        .in_dir(&dir)
        .run()
        .code(2)
        .contains(&format!("m.csv:{}:{column}", line + 1))
        .contains("control `A.8.166` is not in iso27001-2022")
        .contains("did you mean `A.8.16`?");
    assert!(!dir.join("out.yaml").exists());
}
