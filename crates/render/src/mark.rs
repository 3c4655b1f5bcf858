//! Marked copies of the analyst's own workbooks (`esep validate DIR --mark OUT`): every cell
//! with a problem filled (errors red, warnings amber) and carrying a comment with the message,
//! and a first sheet listing every problem with a link to its cell. The workbook is edited, not
//! rewritten: its formatting, formulas, hidden and other sheets stay. `.xls`, `.xlsb` and `.ods`
//! workbooks are copied into `.xlsx` first, values only, and the list sheet says so. The input
//! files are only read.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use esep_ingest::{Diagnostic, Lang, Msg, Severity};
use umya_spreadsheet::{Comment, Spreadsheet, Worksheet};

/// Fill of a cell with an error: Excel's light red.
pub const ERROR_FILL: &str = "FFFFC7CE";
/// Fill of a cell with a warning: Excel's light amber.
pub const WARNING_FILL: &str = "FFFFEB9C";

/// One marked copy.
#[derive(Debug)]
pub struct Marked {
    /// The input workbook's name in its folder.
    pub source: String,
    /// The copy's name: the same for an `.xlsx`, `NAME.xlsx` for another format.
    pub name: String,
    /// The copy.
    pub bytes: Vec<u8>,
    /// Problems marked at their cells.
    pub cells: usize,
    /// Problems listed on the first sheet only (a whole sheet or file).
    pub listed: usize,
    /// What of the original could not be kept, if anything.
    pub lost: Option<Msg>,
}

/// Marked copies of every workbook of `dir` that a diagnostic names, in file-name order.
/// Problems of a file that is not a workbook inside `dir` (a missing source, the folder) are
/// not marked anywhere: the terminal lists them.
pub fn mark(dir: &Path, diagnostics: &[Diagnostic], lang: Lang) -> Vec<Marked> {
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        by_file.entry(d.file.as_str()).or_default().push(d);
    }
    let mut out = Vec::new();
    for (file, found) in by_file {
        let path = dir.join(file);
        // Only a file of the input folder itself: a diagnostic's name never leads elsewhere.
        let inside = path.canonicalize().is_ok_and(|p| p.parent() == Some(root.as_path()) && p.is_file());
        let ext = Path::new(file).extension().and_then(|e| e.to_str()).map(str::to_lowercase);
        let Some(ext) = ext.filter(|e| esep_ingest::read::WORKBOOK_EXTENSIONS.contains(&e.as_str())) else {
            continue;
        };
        let Some(bytes) = inside.then(|| std::fs::read(&path).ok()).flatten() else { continue };
        let (book, name, lost) = match open(&bytes, &ext) {
            Some(book) => (book, file.to_string(), None),
            None => match values_copy(&bytes) {
                Some(book) => {
                    let lost = Msg::new(if matches!(ext.as_str(), "xlsx" | "xlsm") {
                        "mark-lost-unreadable"
                    } else {
                        "mark-lost-format"
                    })
                    .arg("format", format!(".{ext}"));
                    (book, format!("{file}.xlsx"), Some(lost))
                }
                None => continue,
            },
        };
        if let Some(marked) = marked(book, file, name, &found, lost, lang) {
            out.push(marked);
        }
    }
    out
}

/// The workbook as umya reads it, for an `.xlsx`; `None` for other formats or when it cannot be
/// read. umya panics on some constructs it does not know: such a workbook is copied instead.
fn open(bytes: &[u8], ext: &str) -> Option<Spreadsheet> {
    if !matches!(ext, "xlsx" | "xlsm") {
        return None;
    }
    quietly(|| umya_spreadsheet::reader::xlsx::read_reader(Cursor::new(bytes), true).ok())
}

/// Runs `f`, turning a panic into `None` without printing it.
fn quietly<T>(f: impl FnOnce() -> Option<T>) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    got.ok().flatten()
}

/// A new workbook with the values of every sheet of `bytes` (any format calamine reads), the
/// hidden ones hidden.
fn values_copy(bytes: &[u8]) -> Option<Spreadsheet> {
    use calamine::{Data, Reader, SheetVisible};
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).ok()?;
    let sheets = wb.sheets_metadata().to_vec();
    let mut book = umya_spreadsheet::new_file_empty_worksheet();
    for meta in sheets {
        let range = wb.worksheet_range(&meta.name).ok()?;
        let ws = book.new_sheet(meta.name.clone()).ok()?;
        if meta.visible != SheetVisible::Visible {
            ws.set_sheet_state("hidden".into());
        }
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let at = (c0 + c as u32 + 1, r0 + r as u32 + 1);
                match cell {
                    Data::Empty => {}
                    Data::Float(f) => {
                        ws.get_cell_mut(at).set_value_number(*f);
                    }
                    Data::Int(i) => {
                        ws.get_cell_mut(at).set_value_number(*i as f64);
                    }
                    Data::Bool(b) => {
                        ws.get_cell_mut(at).set_value_bool(*b);
                    }
                    other => {
                        ws.get_cell_mut(at).set_value_string(esep_ingest::cell::shown(other));
                    }
                }
            }
        }
    }
    Some(book)
}

fn marked(
    mut book: Spreadsheet,
    source: &str,
    name: String,
    found: &[&Diagnostic],
    lost: Option<Msg>,
    lang: Lang,
) -> Option<Marked> {
    // All problems of one cell share its fill and one comment; an error outweighs a warning.
    let mut at_cells: BTreeMap<(String, String), Vec<&Diagnostic>> = BTreeMap::new();
    let mut listed = 0;
    for d in found {
        match (&d.sheet, &d.cell) {
            (Some(sheet), Some(cell)) if book.get_sheet_by_name(sheet).is_some() => {
                at_cells.entry((sheet.clone(), cell.clone())).or_default().push(d);
            }
            _ => listed += 1,
        }
    }
    for ((sheet, cell), ds) in &at_cells {
        let Some(ws) = book.get_sheet_by_name_mut(sheet) else { continue };
        let error = ds.iter().any(|d| d.severity == Severity::Error);
        ws.get_style_mut(cell.as_str()).set_background_color(if error { ERROR_FILL } else { WARNING_FILL });
        let text: Vec<String> = ds.iter().map(|d| line(d, lang)).collect();
        comment(ws, cell, &text.join("\n"));
    }
    let title = esep_messages::text(lang, "mark-sheet");
    let title = unique_name(&book, &title);
    list_sheet(&mut book, &title, found, lost.as_ref(), lang)?;
    let mut bytes = Vec::new();
    quietly(|| umya_spreadsheet::writer::xlsx::write_writer(&book, &mut bytes).ok())?;
    Some(Marked { source: source.to_string(), name, bytes, cells: at_cells.len(), listed, lost })
}

/// `[E-DATE] column «Дата»: …` and the hint on the next line.
fn line(d: &Diagnostic, lang: Lang) -> String {
    let mut s = format!("[{}] {}", d.code(), d.message(lang));
    if let Some(h) = d.hint(lang) {
        s.push_str(&format!("\n{}: {h}", esep_messages::text(lang, "level-hint")));
    }
    s
}

/// Adds `text` as the cell's comment, after the analyst's own comment if it has one.
fn comment(ws: &mut Worksheet, cell: &str, text: &str) {
    let (col, row) = coordinate(cell);
    for c in ws.get_comments_mut().iter_mut() {
        let at = c.get_coordinate();
        if *at.get_col_num() == col && *at.get_row_num() == row {
            // The analyst's words stay; ours follow them (Excel writes comments as rich text).
            if let Some(rich) = c.get_text_mut().get_rich_text_mut() {
                let mut ours = umya_spreadsheet::TextElement::default();
                ours.set_text(format!("\n\nesep: {text}"));
                rich.add_rich_text_elements(ours);
            }
            return;
        }
    }
    let mut c = Comment::default();
    c.new_comment(cell);
    c.set_author("esep");
    c.set_text_string(text);
    ws.add_comments(c);
}

/// (column, row), 1-based, of `B12`.
fn coordinate(cell: &str) -> (u32, u32) {
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let col = u32::from(rust_xlsxwriter::utility::column_name_to_number(&letters)) + 1;
    let row = cell[letters.len()..].parse().unwrap_or(1);
    (col, row)
}

/// A sheet name the workbook does not use yet: `title`, else `title 2`, `title 3`, ….
fn unique_name(book: &Spreadsheet, title: &str) -> String {
    let taken =
        |n: &str| book.get_sheet_collection_no_check().iter().any(|s| s.get_name().eq_ignore_ascii_case(n));
    (1..)
        .map(|k| if k == 1 { title.to_string() } else { format!("{title} {k}") })
        .find(|n| !taken(n))
        .unwrap_or_default()
}

/// The first sheet: a row per problem — level, code, place (a link to the cell), message, hint
/// — and, first, what of the original could not be kept.
fn list_sheet(
    book: &mut Spreadsheet,
    title: &str,
    found: &[&Diagnostic],
    lost: Option<&Msg>,
    lang: Lang,
) -> Option<()> {
    let sheet_exists: Vec<String> =
        book.get_sheet_collection_no_check().iter().map(|s| s.get_name().to_string()).collect();
    let ws = book.new_sheet(title.to_string()).ok()?;
    let mut row = 1u32;
    if let Some(lost) = lost {
        ws.get_cell_mut((1, row)).set_value_string(lost.text(lang));
        ws.get_style_mut((1, row)).get_font_mut().set_bold(true);
        row += 2;
    }
    let heads = ["mark-level", "mark-code", "mark-place", "mark-message", "mark-hint"];
    for (k, id) in heads.iter().enumerate() {
        let at = (k as u32 + 1, row);
        ws.get_cell_mut(at).set_value_string(esep_messages::text(lang, id));
        ws.get_style_mut(at).get_font_mut().set_bold(true);
    }
    for d in found {
        row += 1;
        let level = esep_messages::text(
            lang,
            if d.severity == Severity::Error { "level-error" } else { "level-warning" },
        );
        ws.get_cell_mut((1, row)).set_value_string(level);
        ws.get_style_mut((1, row)).set_background_color(if d.severity == Severity::Error {
            ERROR_FILL
        } else {
            WARNING_FILL
        });
        ws.get_cell_mut((2, row)).set_value_string(d.code());
        let place = match (&d.sheet, &d.cell) {
            (Some(s), Some(c)) => format!("{s}!{c}"),
            (Some(s), None) => s.clone(),
            _ => String::new(),
        };
        ws.get_cell_mut((3, row)).set_value_string(place);
        if let Some(sheet) = d.sheet.as_ref().filter(|s| sheet_exists.contains(s)) {
            let target = format!("{}!{}", quote(sheet), d.cell.as_deref().unwrap_or("A1"));
            ws.get_cell_mut((3, row)).get_hyperlink_mut().set_url(target).set_location(true);
            ws.get_style_mut((3, row))
                .get_font_mut()
                .set_underline("single")
                .get_color_mut()
                .set_argb("FF0563C1");
        }
        ws.get_cell_mut((4, row)).set_value_string(d.message(lang));
        ws.get_cell_mut((5, row)).set_value_string(d.hint(lang).unwrap_or_default());
    }
    for (col, width) in [("A", 14.0), ("B", 26.0), ("C", 16.0), ("D", 90.0), ("E", 60.0)] {
        ws.get_column_dimension_mut(col).set_width(width);
    }
    // The list opens first: moved to the front and made the active sheet, the only one selected
    // (two selected tabs would group the sheets, and an edit would go to both).
    let sheets = book.get_sheet_collection_mut();
    let list = sheets.pop()?;
    sheets.insert(0, list);
    for (k, sheet) in sheets.iter_mut().enumerate() {
        let views = sheet.get_sheet_views_mut().get_sheet_view_list_mut();
        if views.is_empty() && k == 0 {
            views.push(umya_spreadsheet::SheetView::default());
        }
        for view in views.iter_mut() {
            view.set_tab_selected(k == 0);
        }
    }
    book.set_active_sheet(0);
    Some(())
}

/// A sheet name as a formula reference: `'my sheet'`, always quoted.
fn quote(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}
