//! The Matrix table as CSV, after `# key: value` lines holding the Document
//! table, so that `import` reads the whole SRM back.

use super::tables::Table;

/// The CSV of `matrix`, with `document`'s rows as its leading comment lines.
pub fn csv(matrix: &Table, document: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    for (i, row) in document.rows.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|c| c.text()).collect();
        let line = match i {
            0 => format!("# {}\n", cells.join(" ")),
            _ => format!(
                "# {}: {}\n",
                cells[0],
                cells.get(1).cloned().unwrap_or_default()
            ),
        };
        out.extend_from_slice(line.as_bytes());
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&matrix.header)?;
    for row in &matrix.rows {
        writer.write_record(row.iter().map(|c| c.text()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
