//! Finding the sources in an input folder and reading their sheets into typed tables.

use sha2::Digest as _;
use std::collections::BTreeMap;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};

use crate::cell::{Value, convert, is_blank};
use crate::contract::{SOURCES, Source, SourceId, normalise};
use crate::diag::{Diagnostic, Severity, a1};

/// Extensions read as workbooks; other files in the folder are ignored.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// One source read from its sheet: typed values per contract column, with cell positions.
#[derive(Debug, Clone)]
pub struct Table {
    /// The source's contract.
    pub source: &'static Source,
    /// File name inside the input folder.
    pub file: String,
    /// Sheet name as written in the workbook.
    pub sheet: String,
    /// 0-based absolute sheet row of each record.
    pub rows: Vec<u32>,
    /// 0-based absolute sheet column of each contract column, if present.
    pub positions: Vec<Option<u32>>,
    /// `values[column][record]`, `None` for blank or invalid cells.
    pub values: Vec<Vec<Option<Value>>>,
}

impl Table {
    fn index(&self, column: &str) -> usize {
        // Column ids are compile-time constants of the contract.
        self.source
            .columns
            .iter()
            .position(|c| c.id == column)
            .unwrap_or_else(|| panic!("column `{column}` is not in source `{}`", self.source.name))
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the sheet holds no records.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The typed value of a column in record `i`.
    pub fn get(&self, column: &str, i: usize) -> Option<&Value> {
        self.values[self.index(column)][i].as_ref()
    }

    /// Text (or choice id) of a column in record `i`.
    pub fn text(&self, column: &str, i: usize) -> Option<&str> {
        match self.get(column, i) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// Whole number of a column in record `i`.
    pub fn int(&self, column: &str, i: usize) -> Option<i64> {
        match self.get(column, i) {
            Some(Value::Int(v)) => Some(*v),
            _ => None,
        }
    }

    /// Decimal number of a column in record `i`.
    pub fn float(&self, column: &str, i: usize) -> Option<f64> {
        match self.get(column, i) {
            Some(Value::Float(v)) => Some(*v),
            Some(Value::Int(v)) => Some(*v as f64),
            _ => None,
        }
    }

    /// Date of a column in record `i`.
    pub fn date(&self, column: &str, i: usize) -> Option<chrono::NaiveDate> {
        match self.get(column, i) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// A1 reference of a column in record `i` (the row's first cell if the column is absent).
    pub fn cell(&self, column: &str, i: usize) -> String {
        let col = self.positions[self.index(column)].unwrap_or(0);
        a1(self.rows[i], col)
    }

    /// A diagnostic about a column in record `i`.
    pub fn diag(&self, severity: Severity, column: &str, i: usize, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            file: self.file.clone(),
            sheet: Some(self.sheet.clone()),
            cell: Some(self.cell(column, i)),
            message,
            hint: None,
        }
    }
}

/// A workbook found in the input folder.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFile {
    /// File name inside the folder.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
}

/// What reading a folder gave: the tables found, the files read, and every problem.
#[derive(Debug, Default)]
pub struct Read {
    /// Tables by source.
    pub tables: BTreeMap<SourceId, Table>,
    /// Workbooks read.
    pub files: Vec<InputFile>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Which source a sheet (or, failing that, a file stem) names.
pub fn source_named(name: &str) -> Option<&'static Source> {
    let n = normalise(name);
    SOURCES.iter().find(|s| [s.name, s.kk, s.ru].iter().any(|a| normalise(a) == n))
}

/// Reads every workbook of `dir`, finds each source's sheet and types its cells.
pub fn read_folder(dir: &Path) -> Read {
    let mut out = Read::default();
    let shown_dir = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            out.diagnostics
                .push(Diagnostic::file_error(shown_dir, format!("cannot read the input folder: {err}")));
            return out;
        }
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    // 1-М returns named by the manifest are imported, not read as sources.
    let imported: Vec<std::path::PathBuf> = std::fs::read_to_string(dir.join(crate::form1m::MANIFEST))
        .ok()
        .and_then(|t| toml::from_str::<crate::form1m::Manifest>(&t).ok())
        .map(|m| m.files.iter().map(|f| dir.join(&f.path)).collect())
        .unwrap_or_default();
    paths.retain(|p| !imported.contains(p));
    let mut found: BTreeMap<SourceId, (String, String)> = BTreeMap::new();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
            continue;
        };
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
        let is_workbook = ext.as_deref().is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e));
        // `~$x.xlsx` are Excel's lock files; dot files are hidden.
        if !path.is_file() || !is_workbook || name.starts_with("~$") || name.starts_with('.') {
            continue;
        }
        read_workbook(&path, &name, &mut found, &mut out);
    }
    for source in SOURCES {
        if !found.contains_key(&source.id) {
            out.diagnostics.push(
                Diagnostic::file_error(
                    shown_dir.clone(),
                    format!(
                        "missing source `{}` ({} / {}): expected a sheet of that name in a workbook of the folder",
                        source.name, source.kk, source.ru
                    ),
                )
                .with_hint(format!("`esep template --out DIR` writes a blank `{}.xlsx`", source.name)),
            );
        }
    }
    out
}

fn read_workbook(path: &Path, name: &str, found: &mut BTreeMap<SourceId, (String, String)>, out: &mut Read) {
    // A broken `units.xlsx` is one problem, not also a missing `units` source.
    let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if let Some(source) = source_named(stem) {
        found.entry(source.id).or_insert_with(|| (name.to_string(), String::new()));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(err) => {
            out.diagnostics.push(Diagnostic::file_error(name, format!("cannot read the file: {err}")));
            return;
        }
    };
    if bytes.is_empty() {
        out.diagnostics.push(Diagnostic::file_error(name, "the file is empty: expected a workbook"));
        return;
    }
    let digest = sha2::Sha256::digest(&bytes);
    let sha256 = digest.iter().fold(String::with_capacity(64), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    });
    out.files.push(InputFile { name: name.to_string(), bytes: bytes.len() as u64, sha256 });
    // A damaged file must give a message, not a crash, even if the reader panics on it.
    let opened = catch_unwind(AssertUnwindSafe(|| -> Result<Vec<(String, Range<Data>)>, String> {
        let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let mut sheets = Vec::new();
        for sheet in wb.sheet_names() {
            let range = wb.worksheet_range(&sheet).map_err(|e| format!("sheet `{sheet}`: {e}"))?;
            sheets.push((sheet, range));
        }
        Ok(sheets)
    }));
    let sheets = match opened {
        Ok(Ok(sheets)) => sheets,
        Ok(Err(reason)) => {
            out.diagnostics.push(
                Diagnostic::file_error(
                    name,
                    "cannot read the workbook: expected an .xlsx, .xls or .ods file",
                )
                .with_hint(format!("the reader said: {reason}")),
            );
            return;
        }
        Err(_) => {
            out.diagnostics
                .push(Diagnostic::file_error(name, "cannot read the workbook: the file is damaged"));
            return;
        }
    };
    if let Some(source) = source_named(stem)
        && found.get(&source.id).is_some_and(|(f, sheet)| f == name && sheet.is_empty())
    {
        found.remove(&source.id);
    }
    let mut matched: Vec<(&'static Source, &str, &Range<Data>)> = sheets
        .iter()
        .filter_map(|(sheet, range)| source_named(sheet).map(|s| (s, sheet.as_str(), range)))
        .collect();
    // A workbook kept under its source's name with a default sheet name (`Лист1`).
    if matched.is_empty()
        && let (Some(source), Some((sheet, range))) = (source_named(stem), sheets.first())
    {
        matched.push((source, sheet.as_str(), range));
    }
    for (source, sheet, range) in matched {
        if let Some((file, first)) = found.get(&source.id) {
            out.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                file: name.to_string(),
                sheet: Some(sheet.to_string()),
                cell: None,
                message: format!(
                    "source `{}` appears twice: it was already read from {file}, sheet `{first}`",
                    source.name
                ),
                hint: Some("keep one sheet per source".into()),
            });
            continue;
        }
        found.insert(source.id, (name.to_string(), sheet.to_string()));
        if let Some(table) = read_sheet(source, name, sheet, range, &mut out.diagnostics) {
            out.tables.insert(source.id, table);
        }
    }
}

/// How many cells of a row name a column of the source.
fn recognised(source: &Source, row: &[Data]) -> usize {
    row.iter()
        .filter(|cell| {
            let n = normalise(&crate::cell::shown(cell));
            !n.is_empty()
                && source.columns.iter().any(|c| [c.id, c.kk, c.ru].iter().any(|a| normalise(a) == n))
        })
        .count()
}

/// The header: among the first non-empty rows, the one naming most columns (a title row
/// above the header is common); the first non-empty row if none names any.
fn header_row<'r>(source: &Source, range: &'r Range<Data>) -> Option<(usize, &'r [Data])> {
    let candidates: Vec<(usize, &[Data])> =
        range.rows().enumerate().filter(|(_, row)| row.iter().any(|c| !is_blank(c))).take(10).collect();
    let best = candidates.iter().map(|(_, row)| recognised(source, row)).max().unwrap_or(0);
    if best == 0 {
        return candidates.first().copied();
    }
    candidates.into_iter().find(|(_, row)| recognised(source, row) == best)
}

/// Types one sheet: finds the header row, maps headers to columns, converts every cell.
pub fn read_sheet(
    source: &'static Source,
    file: &str,
    sheet: &str,
    range: &Range<Data>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Table> {
    let at = |row: u32, col: u32, severity: Severity, message: String| {
        Diagnostic::at(severity, file, sheet, row, col, message)
    };
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let Some((rel, header)) = header_row(source, range) else {
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            cell: Some("A1".into()),
            message: format!(
                "the sheet is empty: expected a header row with the columns of `{}`",
                source.name
            ),
            hint: None,
        });
        return None;
    };
    let header_row = r0 + rel as u32;
    let mut positions: Vec<Option<u32>> = vec![None; source.columns.len()];
    for (ci, cell) in header.iter().enumerate() {
        if is_blank(cell) {
            continue;
        }
        let abs_col = c0 + ci as u32;
        let label = crate::cell::shown(cell);
        let n = normalise(&label);
        let hit = source.columns.iter().position(|c| [c.id, c.kk, c.ru].iter().any(|a| normalise(a) == n));
        match hit {
            Some(k) if positions[k].is_some() => diagnostics.push(at(
                header_row,
                abs_col,
                Severity::Error,
                format!("column `{}` appears twice in the header", source.columns[k].id),
            )),
            Some(k) => positions[k] = Some(abs_col),
            None => diagnostics.push(at(
                header_row,
                abs_col,
                Severity::Warning,
                format!("column `{label}` is not in the contract of `{}` and is ignored", source.name),
            )),
        }
    }
    let mut missing_required = false;
    for (k, column) in source.columns.iter().enumerate() {
        if positions[k].is_none() && column.required {
            missing_required = true;
            diagnostics.push(
                at(
                    header_row,
                    c0,
                    Severity::Error,
                    format!(
                        "missing column `{}` ({} / {}): expected it in the header row",
                        column.id, column.kk, column.ru
                    ),
                )
                .with_hint(format!("{}: {}", column.ty.name(), column.about_ru)),
            );
        }
    }
    if missing_required {
        return None;
    }
    let mut table = Table {
        source,
        file: file.to_string(),
        sheet: sheet.to_string(),
        rows: Vec::new(),
        positions: positions.clone(),
        values: vec![Vec::new(); source.columns.len()],
    };
    let height = range.height() as u32;
    for rel_row in (rel as u32 + 1)..height {
        let abs_row = r0 + rel_row;
        let cells: Vec<Option<&Data>> =
            positions.iter().map(|p| p.and_then(|c| range.get_value((abs_row, c)))).collect();
        if cells.iter().all(|c| c.is_none_or(is_blank)) {
            continue;
        }
        table.rows.push(abs_row);
        for (k, column) in source.columns.iter().enumerate() {
            let value = match cells[k] {
                Some(cell) if !is_blank(cell) => match convert(cell, column.ty) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        let col = positions[k].unwrap_or(c0);
                        diagnostics.push(at(
                            abs_row,
                            col,
                            Severity::Error,
                            format!("column `{}`: expected {}, found `{}`", column.id, e.expected, e.found),
                        ));
                        None
                    }
                },
                _ => {
                    if column.required {
                        let col = positions[k].unwrap_or(c0);
                        diagnostics.push(at(
                            abs_row,
                            col,
                            Severity::Error,
                            format!(
                                "column `{}`: empty required cell, expected {}",
                                column.id,
                                column.ty.expected()
                            ),
                        ));
                    }
                    None
                }
            };
            table.values[k].push(value);
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::source;

    fn range(rows: &[&[&str]], start: (u32, u32)) -> Range<Data> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let end = (start.0 + rows.len() as u32 - 1, start.1 + width - 1);
        let mut range = Range::new(start, end);
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let cell = if v.is_empty() { Data::Empty } else { Data::String((*v).to_string()) };
                range.set_value((start.0 + r as u32, start.1 + c as u32), cell);
            }
        }
        range
    }

    #[test]
    fn title_row_above_header_and_offset_start() {
        // A title in B2, the header in row 4 starting at column B, data in row 5.
        let r = range(
            &[
                &["Статистика, 12 месяцев 2025 года", "", "", "", ""],
                &["", "", "", "", ""],
                &["Код подразделения", "Год", "Количество месяцев", "Код показателя", "Значение"],
                &["D-1", "2025", "12", "registered_total", "1 204"],
            ],
            (1, 1),
        );
        let mut diags = Vec::new();
        let table = read_sheet(source(SourceId::Statistics), "s.xlsx", "Лист1", &r, &mut diags);
        assert!(diags.is_empty(), "{diags:#?}");
        let table = table.unwrap_or_else(|| panic!("no table"));
        assert_eq!(table.rows, [4]);
        assert_eq!(table.int("value", 0), Some(1204));
        assert_eq!(table.cell("value", 0), "F5");
    }

    #[test]
    fn unknown_header_is_a_warning_and_blank_rows_are_skipped() {
        let r = range(
            &[
                &[
                    "code",
                    "parent",
                    "level",
                    "name_kk",
                    "name_ru",
                    "population",
                    "chief_name",
                    "chief_rank_kk",
                    "chief_rank_ru",
                    "телефон",
                ],
                &["", "", "", "", "", "", "", "", "", ""],
                &["D", "", "облыс", "А", "Б", "10", "В", "Г", "Д", "102"],
            ],
            (0, 0),
        );
        let mut diags = Vec::new();
        let table = read_sheet(source(SourceId::Units), "u.xlsx", "units", &r, &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Severity::Warning);
        assert_eq!(diags[0].cell.as_deref(), Some("J1"));
        assert_eq!(table.map(|t| t.rows), Some(vec![2]));
    }
}
