//! Tables as an .xlsx workbook (rust_xlsxwriter): bold frozen headers with
//! filters, widths and wrapping that print, landscape, one page wide.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::tables::{Cell, Table};
use crate::model::Date;

/// The workbook of `tables`, dated `as_of` (the same inputs give the same bytes).
pub fn workbook(tables: &[Table], as_of: Date) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::parse_from_str(&format!("{as_of}T00:00:00Z"))?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&table.name)?;
        write_table(sheet, table, &header, &wrap)?;
    }
    book.save_to_buffer()
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    header: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    for (column, width) in table.widths.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    let first = match table.header.is_empty() {
        true => 0,
        false => {
            for (column, name) in table.header.iter().enumerate() {
                sheet.write_string_with_format(0, column as u16, name, header)?;
            }
            1
        }
    };
    for (i, row) in table.rows.iter().enumerate() {
        let r = (i + first) as u32;
        for (column, cell) in row.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) => {
                    sheet.write_string_with_format(r, column, text, wrap)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, column, *n, wrap)?;
                }
            }
        }
    }
    if !table.header.is_empty() {
        sheet.set_freeze_panes(1, 0)?;
        let last = table.header.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, table.rows.len() as u32, last)?;
        sheet.set_repeat_rows(0, 0)?;
    }
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}
