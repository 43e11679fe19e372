//! Reading the sheets of an `.xlsx` workbook (calamine), refusing what is not
//! one before any cell is looked at.

use std::io::Cursor;

use calamine::{DataRef, Dimensions, Reader, Xlsx};

use super::error::ImportError;
use super::table::{column_name, Origin, Sheet, Value, MAX_ROWS};

/// An open workbook.
pub struct Workbook {
    file: String,
    book: Xlsx<Cursor<Vec<u8>>>,
}

impl Workbook {
    /// Opens the workbook in `bytes`, read from `file`.
    pub fn open(file: &str, bytes: Vec<u8>) -> Result<Self, ImportError> {
        let refuse = |message: &str, hint: &str| ImportError::NotASpreadsheet {
            file: file.to_owned(),
            message: message.to_owned(),
            hint: hint.to_owned(),
        };
        if bytes.starts_with(b"%PDF") {
            return Err(refuse(
                "the file is a PDF document, not an .xlsx workbook",
                "export the matrix from its spreadsheet application as .xlsx or .csv",
            ));
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(refuse(
                "the file is a password-protected (encrypted) workbook, or an Excel 97-2003 .xls file",
                "save it as .xlsx without a password to open (File > Info > Protect Workbook)",
            ));
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(refuse(
                "the file is not an .xlsx workbook (not a zip archive)",
                "give an .xlsx workbook or a .csv file",
            ));
        }
        let book = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
            refuse(
                &format!("the workbook cannot be read: {e}"),
                "open it in its spreadsheet application and save it again as .xlsx",
            )
        })?;
        Ok(Workbook {
            file: file.to_owned(),
            book,
        })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// The sheet called `name`, with at most [`MAX_ROWS`] rows, refused when a
    /// merged region covers its header row (`header`, 0-based).
    pub fn sheet(&mut self, name: &str, header: usize) -> Result<Sheet, ImportError> {
        let origin = Origin::Workbook {
            file: self.file.clone(),
            sheet: name.to_owned(),
        };
        let broken = |e: calamine::XlsxError| ImportError::NotASpreadsheet {
            file: format!("{}, sheet {name}", self.file),
            message: format!("the sheet cannot be read: {e}"),
            hint: "open it in its spreadsheet application and save it again as .xlsx".to_owned(),
        };
        let merged = self.book.merge_cells_by_sheet_name(name).map_err(broken)?;
        if let Some(region) = merged.iter().find(|r| covers_row(r, header)) {
            return Err(merged_header(&origin, region));
        }
        let mut reader = self.book.worksheet_cells_reader(name).map_err(broken)?;
        let too_large = |rows: usize| ImportError::TooLarge {
            file: format!("{}, sheet {name}", self.file),
            message: format!("the sheet has {rows} rows or more, over the limit of {MAX_ROWS}"),
        };
        if reader.dimensions().end.0 as usize >= MAX_ROWS {
            return Err(too_large(reader.dimensions().end.0 as usize + 1));
        }
        let mut rows: Vec<Vec<Value>> = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(broken)? {
            let (row, column) = cell.get_position();
            let (row, column) = (row as usize, column as usize);
            if row >= MAX_ROWS {
                return Err(too_large(row + 1));
            }
            let value = value(cell.get_value());
            if value == Value::Empty {
                continue;
            }
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            if rows[row].len() <= column {
                rows[row].resize(column + 1, Value::Empty);
            }
            rows[row][column] = value;
        }
        Ok(Sheet { origin, rows })
    }
}

fn covers_row(region: &Dimensions, row: usize) -> bool {
    let (start, end) = (region.start.0 as usize, region.end.0 as usize);
    start <= row && row <= end && region.start.1 != region.end.1
}

fn merged_header(origin: &Origin, region: &Dimensions) -> ImportError {
    let sheet = Sheet {
        origin: origin.clone(),
        rows: Vec::new(),
    };
    let (start, end) = (region.start, region.end);
    ImportError::cell(
        sheet.at(start.0 as usize, start.1 as usize),
        format!(
            "merged header cells {}{}:{}{}: each column needs a header of its own",
            column_name(start.1 as usize),
            start.0 + 1,
            column_name(end.1 as usize),
            end.0 + 1
        ),
        Some("unmerge the header cells and give every column its own header".to_owned()),
    )
}

fn value(data: &DataRef<'_>) -> Value {
    match data {
        DataRef::Empty => Value::Empty,
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => Value::Date(serial_date(d.as_f64())),
        DataRef::DateTimeIso(s) => Value::Date(s.chars().take(10).collect()),
        DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

/// The errors a formula gives, as Excel writes them: a cached formula result
/// may hold one as text.
const FORMULA_ERRORS: [&str; 8] = [
    "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!",
];

fn text(s: &str) -> Value {
    match FORMULA_ERRORS.contains(&s.trim()) {
        true => Value::Error(s.trim().to_owned()),
        false => Value::Text(s.to_owned()),
    }
}

/// The `YYYY-MM-DD` of an Excel serial date (days since 1899-12-30).
fn serial_date(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let days = serial.floor() as i64;
    epoch
        .checked_add_signed(chrono::Duration::days(days))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| serial.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn serial_dates() {
        assert_eq!(super::serial_date(45658.0), "2025-01-01");
        assert_eq!(super::serial_date(46036.0), "2026-01-14");
        assert_eq!(super::serial_date(1.5), "1899-12-31");
    }
}
