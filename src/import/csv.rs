//! Reading a CSV file as one sheet, with the line and column of every field.

use super::error::ImportError;
use super::table::{Origin, Sheet, Value, MAX_ROWS};
use crate::source::{Position, SourceFile};

/// A CSV file: the `#` lines before its table (only in srmcheck's own export,
/// whose first line is the marker) and the table.
pub struct CsvFile {
    /// `(line, text after "# ")` of each leading comment line.
    pub preamble: Vec<(usize, String)>,
    pub sheet: Sheet,
}

/// Parses `source`; `marker` starts the first line of a file with a preamble.
pub fn read(source: &SourceFile, marker: &str) -> Result<CsvFile, ImportError> {
    let text = source.text();
    let mut preamble = Vec::new();
    let mut body = 0;
    if text.starts_with(&format!("# {marker}")) {
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let Some(rest) = line.strip_prefix('#') else {
                break;
            };
            preamble.push((i + 1, rest.trim().to_owned()));
            body += line.len();
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[body..]);
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(broken(source, &e, body)),
        }
        if rows.len() >= MAX_ROWS {
            return Err(ImportError::TooLarge {
                file: source.name().to_owned(),
                message: format!("the file has more than {MAX_ROWS} records"),
            });
        }
        fields.push(field_starts(source, body + start, record.len()));
        rows.push(record.iter().map(cell).collect());
    }
    let origin = Origin::Csv {
        file: source.name().to_owned(),
        fields,
    };
    Ok(CsvFile {
        preamble,
        sheet: Sheet { origin, rows },
    })
}

fn cell(field: &str) -> Value {
    match field.trim() {
        "" => Value::Empty,
        _ => Value::Text(field.to_owned()),
    }
}

/// The positions where each of the `count` fields of the record at byte
/// `start` begin: after each delimiter outside quotes.
fn field_starts(source: &SourceFile, start: usize, count: usize) -> Vec<Position> {
    let text = &source.text()[start.min(source.text().len())..];
    let mut starts = vec![source.position(start)];
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        if starts.len() >= count {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(source.position(start + i + 1)),
            '\n' if !quoted => break,
            _ => {}
        }
    }
    starts
}

fn broken(source: &SourceFile, error: &csv::Error, body: usize) -> ImportError {
    let line = source.position(body).line;
    let at = match error.position() {
        Some(p) => format!(":{}", line + p.line() as usize - 1),
        None => String::new(),
    };
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8 text".to_owned(),
        _ => format!("the file is not CSV: {error}"),
    };
    ImportError::NotASpreadsheet {
        file: format!("{}{at}", source.name()),
        message,
        hint: "save the matrix as CSV (comma-separated, UTF-8)".to_owned(),
    }
}
