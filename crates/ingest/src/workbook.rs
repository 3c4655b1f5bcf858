//! Opening a workbook safely and reading its sheets sparsely.
//!
//! A workbook is a zip archive (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) or an OLE file (`.xls`).
//! Before anything is decompressed, the archive's directory is checked: no entry may expand
//! beyond what a real workbook of the contract needs, or by more than a zip bomb's ratio (the
//! zip reader stops every entry at its declared size, so the declared sizes bound the work).
//! An `.ods` sheet is expanded by its repeat attributes, so its dense size is estimated from
//! `content.xml` before it is read.
//!
//! Sheets of `.xlsx` and `.xlsb` are streamed cell by cell; only non-blank cells are kept, row
//! by row, so a value in column XFD or a header running to XFD costs one cell, not a row of
//! 16 384. `.xls` and `.ods` sheets come as calamine's dense ranges, bounded by the checks.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};

use crate::error::WorkbookError;

/// Largest expansion of one archive entry: a sheet of Excel's 1 048 576 rows of the
/// contract's columns is about 400 MB of XML.
pub const MAX_ENTRY_BYTES: u64 = 1 << 30;
/// Largest expansion of the whole archive.
pub const MAX_TOTAL_BYTES: u64 = 3 << 29;
/// Largest expansion of an entry read whole into memory (shared strings, styles, the
/// workbook): sheets are streamed, these are not.
pub const MAX_HELD_BYTES: u64 = 256 << 20;
/// Entries expanding by more than this ratio (and past [`RATIO_FLOOR`]) are zip bombs; XML
/// written by spreadsheet programs compresses by 5 to 30 times.
pub const MAX_RATIO: u64 = 200;
/// Entries smaller than this expanded size are not judged by their ratio.
pub const RATIO_FLOOR: u64 = 16 << 20;
/// Largest dense sheet of an `.xls` or `.ods` file, in cells (calamine keeps every cell of
/// the used area, 32 bytes each: 256 MiB).
pub const MAX_DENSE_CELLS: u64 = 8 << 20;
/// Excel's row limit: a sheet with more records is refused.
pub const MAX_ROWS: usize = 1_048_576;

/// A workbook opened from bytes held by the caller.
pub type Workbook<'a> = Sheets<Cursor<&'a [u8]>>;

/// One row's non-blank cells: its 0-based row and (column, value) in column order.
pub type Row = (u32, Vec<(u32, Data)>);

/// Checks an archive's entries before anything is decompressed; `Ok` for a file that is not
/// a zip archive (`.xls`), which holds nothing compressed.
pub fn check_container(bytes: &[u8]) -> Result<(), WorkbookError> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not readable as an archive: calamine says why
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else { continue };
        let (name, size, packed) =
            (entry.name().map(|n| n.to_string()).unwrap_or_default(), entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        let streamed = name.contains("worksheets/") || name == "content.xml";
        let limit = if streamed { MAX_ENTRY_BYTES } else { MAX_HELD_BYTES };
        if size > limit {
            return Err(WorkbookError::PartTooLarge { part: name, size, limit });
        }
        if size > RATIO_FLOOR && size / packed.max(1) > MAX_RATIO {
            return Err(WorkbookError::ZipBomb { part: name, size, packed });
        }
    }
    if total > MAX_TOTAL_BYTES {
        return Err(WorkbookError::TooLarge { total, limit: MAX_TOTAL_BYTES });
    }
    if let Ok(content) = zip.by_name("content.xml") {
        let cells = ods_dense_cells(std::io::BufReader::new(content));
        if cells > MAX_DENSE_CELLS {
            return Err(WorkbookError::Repeats { cells, limit: MAX_DENSE_CELLS });
        }
    }
    Ok(())
}

/// The largest used area, in cells, of the sheets of an OpenDocument `content.xml`: rows and
/// columns repeated by `number-rows-repeated` and `number-columns-repeated`, counted up to
/// the last cell that holds a value (trailing empty rows and cells cost nothing).
pub fn ods_dense_cells(xml: impl std::io::BufRead) -> u64 {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let repeat = |e: &quick_xml::events::BytesStart<'_>, attr: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == attr)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let (mut rows, mut used_rows, mut width, mut used_width, mut row_repeat) = (0u64, 0u64, 0u64, 0u64, 1u64);
    let mut row_has_value = false;
    let mut largest = 0u64;
    loop {
        let event = reader.read_event_into(&mut buf);
        match event {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "table" => (rows, used_rows, used_width) = (0, 0, 0),
                "table-row" => {
                    row_repeat = repeat(&e, "table:number-rows-repeated");
                    (width, row_has_value) = (0, false);
                }
                "table-cell" | "covered-table-cell" => {
                    let n = repeat(&e, "table:number-columns-repeated");
                    let valued = e.attributes().flatten().any(|a| a.key.as_ref() == "office:value-type");
                    width = width.saturating_add(n);
                    if valued {
                        used_width = used_width.max(width);
                        row_has_value = true;
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "table-row" => {
                    rows = rows.saturating_add(row_repeat);
                    if row_has_value {
                        used_rows = rows;
                    }
                }
                "table" => largest = largest.max(used_rows.saturating_mul(used_width)),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    largest.max(used_rows.saturating_mul(used_width))
}

/// Opens a workbook from its bytes after [`check_container`]. A reader that panics on a
/// damaged file gives an error, not a crash.
pub fn open(bytes: &[u8]) -> Result<Workbook<'_>, WorkbookError> {
    check_container(bytes)?;
    std::panic::catch_unwind(|| open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable))
        .unwrap_or(Err(WorkbookError::Damaged))
}

fn unreadable(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(e.to_string())
}

/// Streams the cells of an `.xlsx` or `.xlsb` sheet (two reader types, one loop).
macro_rules! stream_cells {
    ($book:expr, $sheet:expr, $head:expr, $keep:expr, $row:expr) => {{
        let mut cells = $book.worksheet_cells_reader($sheet).map_err(unreadable)?;
        let mut grouper = Grouper::new($head, $keep, $row);
        while let Some(cell) = cells.next_cell().map_err(unreadable)? {
            let (r, c) = cell.get_position();
            grouper.push(r, c, || Data::from(cell.get_value().clone()))?;
        }
        grouper.finish();
        Ok(())
    }};
}

/// Reads the non-blank cells of a sheet row by row, calling `row` for each; `keep(column)`
/// says which columns of a row after the first `head` non-empty rows are worth keeping (the
/// first rows are kept whole: they hold the header). Stops at [`MAX_ROWS`] rows with values.
pub fn read_rows(
    wb: &mut Workbook<'_>,
    sheet: &str,
    head: usize,
    keep: &mut dyn FnMut(u32) -> bool,
    row: &mut dyn FnMut(Row),
) -> Result<(), WorkbookError> {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<(), WorkbookError> {
        match wb {
            Sheets::Xlsx(x) => stream_cells!(x, sheet, head, keep, row),
            Sheets::Xlsb(x) => stream_cells!(x, sheet, head, keep, row),
            other => {
                let range = other.worksheet_range(sheet).map_err(unreadable)?;
                range_rows(&range, head, keep, row)
            }
        }
    }));
    read.unwrap_or(Err(WorkbookError::Damaged))
}

/// [`read_rows`] over a range already in memory.
pub fn range_rows(
    range: &Range<Data>,
    head: usize,
    keep: &mut dyn FnMut(u32) -> bool,
    row: &mut dyn FnMut(Row),
) -> Result<(), WorkbookError> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut grouper = Grouper::new(head, keep, row);
    for (ri, cells) in range.rows().enumerate() {
        for (ci, cell) in cells.iter().enumerate() {
            grouper.push(r0 + ri as u32, c0 + ci as u32, || cell.clone())?;
        }
    }
    grouper.finish();
    Ok(())
}

/// Gathers a stream of cells into rows of non-blank cells.
struct Grouper<'f> {
    head: usize,
    keep: &'f mut dyn FnMut(u32) -> bool,
    emit: &'f mut dyn FnMut(Row),
    current: Option<Row>,
    rows: usize,
}

impl<'f> Grouper<'f> {
    fn new(head: usize, keep: &'f mut dyn FnMut(u32) -> bool, emit: &'f mut dyn FnMut(Row)) -> Self {
        Self { head, keep, emit, current: None, rows: 0 }
    }

    fn push(&mut self, r: u32, c: u32, value: impl FnOnce() -> Data) -> Result<(), WorkbookError> {
        if self.current.as_ref().is_some_and(|(cr, _)| *cr != r) {
            self.flush();
        }
        if self.rows >= MAX_ROWS {
            return Err(WorkbookError::Rows(MAX_ROWS));
        }
        if self.rows >= self.head && !(self.keep)(c) {
            return Ok(());
        }
        let value = value();
        if crate::cell::is_blank(&value) {
            return Ok(());
        }
        self.current.get_or_insert_with(|| (r, Vec::new())).1.push((c, value));
        Ok(())
    }

    fn flush(&mut self) {
        if let Some(mut row) = self.current.take()
            && !row.1.is_empty()
        {
            if !row.1.is_sorted_by_key(|(c, _)| *c) {
                row.1.sort_by_key(|(c, _)| *c);
            }
            self.rows += 1;
            (self.emit)(row);
        }
    }

    fn finish(mut self) {
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_with(name: &str, bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(9))
            .large_file(bytes.len() as u64 >= u32::MAX as u64);
        w.start_file(name, opts).unwrap_or_else(|e| panic!("{e}"));
        w.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
        w.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
    }

    #[test]
    fn shared_strings_that_explode_are_refused_before_reading() {
        // 300 MB of spaces pack into about 300 KB.
        let bomb = zip_with("xl/sharedStrings.xml", &vec![b' '; 300 << 20]);
        assert!(bomb.len() < 1 << 20, "{}", bomb.len());
        let err = check_container(&bomb).unwrap_err().to_string();
        assert_eq!(
            err,
            "the part `xl/sharedStrings.xml` expands to 300 MB, more than the 256 MB a workbook may hold"
        );
        let bomb = zip_with("xl/worksheets/sheet1.xml", &vec![b' '; 100 << 20]);
        let err = check_container(&bomb).unwrap_err().to_string();
        assert!(err.contains("a zip bomb, not a workbook"), "{err}");
    }

    #[test]
    fn ods_repeats_are_counted_up_to_the_last_value() {
        let xml = br#"<office:document-content><office:body><office:spreadsheet><table:table table:name="s">
            <table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>
              <table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="1"/>
              <table:table-cell table:number-columns-repeated="1020"/></table:table-row>
            <table:table-row table:number-rows-repeated="9"><table:table-cell office:value-type="float" office:value="2"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
          </table:table></office:spreadsheet></office:body></office:document-content>"#;
        assert_eq!(ods_dense_cells(&xml[..]), 10 * 4);
        let bomb = br#"<table:table><table:table-row table:number-rows-repeated="1000000">
            <table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>
            </table:table-row></table:table>"#;
        assert_eq!(ods_dense_cells(&bomb[..]), 16_384_000_000);
    }

    #[test]
    fn cells_far_away_cost_one_cell_each() {
        let mut range = Range::new((0, 0), (2, 16_383));
        range.set_value((0, 0), Data::String("code".into()));
        range.set_value((1, 0), Data::String("A".into()));
        range.set_value((1, 16_383), Data::Float(1.0));
        range.set_value((2, 5), Data::String("  ".into()));
        let mut rows = Vec::new();
        range_rows(&range, 1, &mut |c| c < 10, &mut |r| rows.push(r)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            rows,
            vec![(0, vec![(0, Data::String("code".into()))]), (1, vec![(0, Data::String("A".into()))])]
        );
    }
}
