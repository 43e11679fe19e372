//! A sheet read from a workbook or a CSV file: its cells, and the way to name
//! each one in a message (`matrix.xlsx, sheet Controls, C12`, or
//! `matrix.csv:12:7`).

use crate::source::Position;

/// The most rows a sheet may have: an SRM has hundreds, and a sheet of a
/// million rows is a mistake (a whole column formatted), not a matrix.
pub const MAX_ROWS: usize = 100_000;

/// A cell's value, as the spreadsheet gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or date-time, as `YYYY-MM-DD`.
    Date(String),
    /// A formula that gives an error (`#DIV/0!`).
    Error(String),
}

impl Value {
    /// The cell as text: numbers as people write them (`40`, `2.5`).
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(text) | Value::Date(text) | Value::Error(text) => text.trim().to_owned(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// Where a sheet came from, to name its cells.
#[derive(Debug, Clone)]
pub enum Origin {
    Workbook {
        file: String,
        sheet: String,
    },
    /// The start of every field of every record (1-based line and column).
    Csv {
        file: String,
        fields: Vec<Vec<Position>>,
    },
}

/// A cell's place, as messages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// The file, with the sheet and cell for a workbook.
    pub file: String,
    /// Line and column, for CSV.
    pub position: Option<Position>,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some(p) => write!(f, "{}:{}:{}", self.file, p.line, p.column),
            None => f.write_str(&self.file),
        }
    }
}

/// One sheet: rows of cells, the first row at index 0.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub origin: Origin,
    pub rows: Vec<Vec<Value>>,
}

impl Sheet {
    /// The cell at `row`, `column` (0-based), empty past the end.
    pub fn cell(&self, row: usize, column: usize) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }

    /// The name of the cell at `row`, `column` (0-based).
    pub fn at(&self, row: usize, column: usize) -> At {
        match &self.origin {
            Origin::Workbook { file, sheet } => At {
                file: format!("{file}, sheet {sheet}, {}{}", column_name(column), row + 1),
                position: None,
            },
            Origin::Csv { file, fields } => {
                let record = fields.get(row);
                let position = record
                    .and_then(|r| r.get(column).or(r.last()))
                    .copied()
                    .unwrap_or(Position {
                        line: row + 1,
                        column: 1,
                    });
                At {
                    file: file.clone(),
                    position: Some(position),
                }
            }
        }
    }

    /// The file (and sheet) as a whole.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::Workbook { file, sheet } => format!("{file}, sheet {sheet}"),
            Origin::Csv { file, .. } => file.clone(),
        }
    }
}

/// `A`, `B`, ..., `Z`, `AA`: a column's letters.
pub fn column_name(column: usize) -> String {
    let mut n = column + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The column of letters `A`..`XFD`, 0-based.
pub fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let n = letters.bytes().fold(0usize, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_both_ways() {
        for (i, name) in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")] {
            assert_eq!(column_name(i), name);
            assert_eq!(column_index(name), Some(i));
        }
        assert_eq!(column_index("a"), Some(0));
        assert_eq!(column_index("A1"), None);
    }
}
