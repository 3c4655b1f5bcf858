//! Finding the sources in an input folder and reading their sheets into typed tables.

use sha2::Digest as _;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use calamine::{Data, Range, Reader};

use crate::cell::{Value, convert};
use crate::contract::{SOURCES, Source, SourceId, normalise};
use crate::diag::{Arg, Diagnostic, Msg, Severity, a1};
use crate::error::WorkbookError;
use crate::workbook;

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
    pub fn diag(&self, severity: Severity, column: &str, i: usize, message: Msg) -> Diagnostic {
        Diagnostic::new(severity, &self.file, Some(self.sheet.clone()), Some(self.cell(column, i)), message)
    }

    /// The header of column `id` of this table's source, for a message.
    pub fn column_named(&self, id: &str) -> Arg {
        self.source.column_named(id)
    }

    /// A problem with the sheet as a whole.
    pub fn sheet_diag(&self, severity: Severity, message: Msg) -> Diagnostic {
        Diagnostic::in_sheet(severity, &self.file, &self.sheet, message)
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
                .push(Diagnostic::file_error(shown_dir, Msg::new("E-FOLDER").arg("reason", err.to_string())));
            return out;
        }
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    // 1-М returns named by the manifest are imported, not read as sources.
    let imported: Vec<std::path::PathBuf> = crate::form1m::read_manifest(&dir.join(crate::form1m::MANIFEST))
        .map(|listed| listed.into_iter().filter_map(|f| f.path.ok()).collect())
        .unwrap_or_default();
    paths.retain(|p| !imported.contains(p));
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    // Refused files say so where they come; the workbooks are read side by side.
    let mut steps: Vec<Result<(std::path::PathBuf, String), Diagnostic>> = Vec::new();
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
        // Nothing outside the input folder is read, not even through a link.
        if !path.canonicalize().is_ok_and(|p| p.starts_with(&root)) {
            steps.push(Err(Diagnostic::file_error(name, Msg::new("E-LINK-OUTSIDE"))
                .with_hint(Msg::new("hint-copy-into-folder"))));
            continue;
        }
        if let Some(p) = crate::text::text_problem(&name, crate::text::limits("file")) {
            steps.push(Err(Diagnostic::file_error(name, Msg::new("E-FILE-NAME").arg("problem", p))
                .with_hint(Msg::new("hint-rename-file"))));
            continue;
        }
        steps.push(Ok((path, name)));
    }
    let workbooks: Vec<(&Path, &str)> =
        steps.iter().filter_map(|s| s.as_ref().ok()).map(|(p, n)| (p.as_path(), n.as_str())).collect();
    let mut read = read_workbooks(&workbooks).into_iter();
    let mut found: BTreeMap<SourceId, (String, String)> = BTreeMap::new();
    for step in steps {
        match step {
            Err(diagnostic) => out.diagnostics.push(diagnostic),
            Ok(_) => {
                if let Some(workbook) = read.next() {
                    workbook.join(&mut found, &mut out);
                }
            }
        }
    }
    for source in SOURCES {
        if !found.contains_key(&source.id) {
            out.diagnostics.push(
                Diagnostic::file_error(
                    shown_dir.clone(),
                    Msg::new("E-MISSING-SOURCE")
                        .arg("source", source.named())
                        .arg("id", source.name)
                        .arg("labels", format!("{} / {}", source.kk, source.ru)),
                )
                .with_hint(Msg::new("hint-template").arg("id", source.name)),
            );
        }
    }
    out
}

/// What one workbook gave, before it joins the folder's other files ([`Workbook::join`]).
struct Workbook {
    name: String,
    /// The source the file's name says, if any.
    named: Option<&'static Source>,
    /// The file, once its bytes were read.
    file: Option<InputFile>,
    /// Why it could not be read or opened.
    refused: Option<Diagnostic>,
    /// Each sheet named after a source: what reading it found and its table. A source
    /// already found in an earlier file is not read ([`Workbook::join`] says so).
    sheets: Vec<(&'static Source, String, Vec<Diagnostic>, Option<Table>)>,
}

/// Reads the workbooks on up to as many threads as there are cores: each is opened and its
/// sources' sheets read on one of them, and the results come back in the order given.
fn read_workbooks(workbooks: &[(&Path, &str)]) -> Vec<Workbook> {
    let threads =
        std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4).min(workbooks.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let claims = Claims::default();
    let mut done: Vec<(usize, Workbook)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((path, name)) = workbooks.get(i) else { break };
                        mine.push((i, read_workbook(path, name, i, &claims)));
                    }
                    mine
                })
            })
            .collect();
        // A panic here is a bug of esep's (the readers' own are caught): it goes on as it would
        // have on one thread, rather than leaving the file out as if it were not there.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, w)| w).collect()
}

/// Which file (by its place in the folder's order) holds each source as far as the workbooks
/// read so far tell: a sheet whose source an earlier file holds is not read, only refused when
/// the files join. A folder of many copies of one workbook reads the sheet of the first alone
/// (and of those being read beside it), as one read file after file.
#[derive(Default)]
struct Claims(std::sync::Mutex<BTreeMap<SourceId, usize>>);

impl Claims {
    /// Whether file `at` holds `source`, as no earlier file does.
    fn claim(&self, source: SourceId, at: usize) -> bool {
        let mut claims = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let held = claims.entry(source).or_insert(at);
        if *held < at {
            return false;
        }
        *held = at;
        true
    }
}

fn read_workbook(path: &Path, name: &str, at: usize, claims: &Claims) -> Workbook {
    let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let named = source_named(stem);
    let mut out = Workbook { name: name.to_string(), named, file: None, refused: None, sheets: Vec::new() };
    // A file that cannot be read stands for the source its name says (see `Workbook::join`).
    let refuse = |out: &mut Workbook, d: Diagnostic| {
        if let Some(source) = named {
            claims.claim(source.id, at);
        }
        out.refused = Some(d);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) if b.is_empty() => {
            refuse(&mut out, Diagnostic::file_error(name, Msg::new("E-EMPTY-FILE")));
            return out;
        }
        Ok(b) => b,
        Err(err) => {
            let d = Diagnostic::file_error(name, Msg::new("E-READ-FILE").arg("reason", err.to_string()));
            refuse(&mut out, d);
            return out;
        }
    };
    let digest = sha2::Sha256::digest(&bytes);
    let sha256 = digest.iter().fold(String::with_capacity(64), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    });
    out.file = Some(InputFile { name: name.to_string(), bytes: bytes.len() as u64, sha256 });
    if let Err(reason) = workbook::check_container(&bytes) {
        let d = Diagnostic::file_error(name, Msg::new("E-WORKBOOK-REFUSED").arg("reason", reason.message()))
            .with_hint(Msg::new("hint-save-again"));
        refuse(&mut out, d);
        return out;
    }
    let mut wb = match workbook::open(&bytes) {
        Ok(wb) => wb,
        Err(reason) => {
            let d = Diagnostic::file_error(name, Msg::new("E-NOT-A-WORKBOOK"))
                .with_hint(Msg::new("hint-reader-said").arg("reason", reason.message()));
            refuse(&mut out, d);
            return out;
        }
    };
    let sheets = wb.sheet_names();
    let mut matched: Vec<(&'static Source, String)> =
        sheets.iter().filter_map(|sheet| source_named(sheet).map(|s| (s, sheet.clone()))).collect();
    // A workbook kept under its source's name with a default sheet name (`Лист1`).
    if matched.is_empty()
        && let (Some(source), Some(sheet)) = (named, sheets.first())
    {
        matched.push((source, sheet.clone()));
    }
    // A source named twice in one workbook is read once; the second is refused at joining.
    let mut seen: Vec<SourceId> = Vec::new();
    for (source, sheet) in matched {
        if seen.contains(&source.id) || !claims.claim(source.id, at) {
            out.sheets.push((source, sheet, Vec::new(), None));
            continue;
        }
        seen.push(source.id);
        let mut diagnostics = Vec::new();
        let table = read_sheet_with(source, name, &sheet, &mut diagnostics, |head, keep, row| {
            workbook::read_rows(&mut wb, &sheet, head, keep, row)
        });
        out.sheets.push((source, sheet, diagnostics, table));
    }
    out
}

impl Workbook {
    /// Adds what this workbook found to the folder's, in the folder's order: a source that an
    /// earlier file (or sheet) holds is refused here, and a file that could not be opened
    /// stands for the source its name says, so that it is one problem, not also a missing source.
    fn join(self, found: &mut BTreeMap<SourceId, (String, String)>, out: &mut Read) {
        let name = self.name;
        out.files.extend(self.file);
        if let Some(refused) = self.refused {
            if let Some(source) = self.named {
                found.entry(source.id).or_insert_with(|| (name.clone(), String::new()));
            }
            out.diagnostics.push(refused);
            return;
        }
        for (source, sheet, diagnostics, table) in self.sheets {
            if let Some((file, first)) = found.get(&source.id) {
                out.diagnostics.push(
                    Diagnostic::in_sheet(
                        Severity::Error,
                        &name,
                        &sheet,
                        Msg::new("E-SOURCE-TWICE")
                            .arg("source", source.named())
                            .arg("file", file)
                            .arg("sheet", first),
                    )
                    .with_hint(Msg::new("hint-one-sheet")),
                );
                continue;
            }
            found.insert(source.id, (name.clone(), sheet));
            out.diagnostics.extend(diagnostics);
            if let Some(table) = table {
                out.tables.insert(source.id, table);
            }
        }
    }
}

/// The normalised id, Kazakh and Russian header of each column of a source, computed once per
/// sheet: header search compares every cell of the first rows against all of them.
type Aliases = Vec<[String; 3]>;

fn aliases(source: &Source) -> Aliases {
    source.columns.iter().map(|c| [normalise(c.id), normalise(c.kk), normalise(c.ru)]).collect()
}

/// How many cells of a row name a column of the source.
fn recognised(aliases: &Aliases, row: &[(u32, Data)]) -> usize {
    row.iter().filter(|(_, cell)| column_named(aliases, cell).is_some()).count()
}

/// The contract column a header cell names.
fn column_named(aliases: &Aliases, cell: &Data) -> Option<usize> {
    let shown = crate::cell::shown(cell);
    let named = |n: &str| aliases.iter().position(|a| a.iter().any(|a| a == n));
    let n = normalise(&shown);
    if n.is_empty() {
        return None;
    }
    // A header may give both languages on two lines of one cell («мазмұны↵содержание»).
    named(&n).or_else(|| shown.lines().map(normalise).find_map(|line| named(&line)))
}

/// Rows searched for the header (a title above it is common).
const HEADER_ROWS: usize = 10;
/// Cell errors reported one by one per column; the rest are counted in one more message.
const ERRORS_PER_COLUMN: usize = 50;
/// Unknown header cells reported one by one.
const UNKNOWN_SHOWN: usize = 5;

/// A sheet read so far: the rows that may hold the header, then the table.
struct Reading<'d> {
    source: &'static Source,
    file: String,
    sheet: String,
    head: Vec<workbook::Row>,
    table: Option<Table>,
    /// Set when the header lacks a required column: the rest of the sheet is skipped.
    failed: bool,
    errors: Vec<usize>,
    more_errors: Vec<(usize, u32, u32)>,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Reading<'_> {
    fn at(&self, row: u32, col: u32, severity: Severity, message: Msg) -> Diagnostic {
        Diagnostic::at(severity, &self.file, &self.sheet, row, col, message)
    }

    /// Picks the header among the rows read so far and types the rows after it.
    fn settle(&mut self) {
        if self.table.is_some() || self.failed {
            return;
        }
        let head = std::mem::take(&mut self.head);
        let aliases = aliases(self.source);
        let counts: Vec<usize> = head.iter().map(|(_, row)| recognised(&aliases, row)).collect();
        let best = counts.iter().copied().max().unwrap_or(0);
        let Some(k) = counts.iter().position(|n| best == 0 || *n == best) else {
            self.failed = true;
            let d =
                self.at(0, 0, Severity::Error, Msg::new("E-EMPTY-SHEET").arg("source", self.source.named()));
            self.diagnostics.push(d);
            return;
        };
        let (header_row, header) = &head[k];
        let header_row = *header_row;
        let first_col = header.first().map_or(0, |(c, _)| *c);
        let source = self.source;
        let mut positions: Vec<Option<u32>> = vec![None; source.columns.len()];
        let mut unknown: Vec<(u32, String)> = Vec::new();
        for (col, cell) in header {
            match column_named(&aliases, cell) {
                Some(k) if positions[k].is_some() => {
                    let d = self.at(
                        header_row,
                        *col,
                        Severity::Error,
                        Msg::new("E-COLUMN-TWICE").arg("column", source.columns[k].named()),
                    );
                    self.diagnostics.push(d);
                }
                Some(k) => positions[k] = Some(*col),
                None => unknown.push((*col, crate::cell::shown(cell))),
            }
        }
        for (col, label) in unknown.iter().take(UNKNOWN_SHOWN) {
            let d = self.at(
                header_row,
                *col,
                Severity::Warning,
                Msg::new("W-UNKNOWN-COLUMN")
                    .arg("label", crate::text::visible(label))
                    .arg("source", source.named()),
            );
            self.diagnostics.push(d);
        }
        if unknown.len() > UNKNOWN_SHOWN {
            let (last, _) = unknown[unknown.len() - 1];
            let d = self.at(
                header_row,
                unknown[UNKNOWN_SHOWN].0,
                Severity::Warning,
                Msg::new("W-UNKNOWN-COLUMNS")
                    .arg("count", unknown.len() - UNKNOWN_SHOWN)
                    .arg("last", a1(header_row, last))
                    .arg("source", source.named()),
            );
            self.diagnostics.push(d);
        }
        for (k, column) in source.columns.iter().enumerate() {
            if positions[k].is_none() && column.required {
                self.failed = true;
                let d = self
                    .at(
                        header_row,
                        first_col,
                        Severity::Error,
                        Msg::new("E-MISSING-COLUMN")
                            .arg("column", column.named())
                            .arg("id", column.id)
                            .arg("labels", format!("{} / {}", column.kk, column.ru)),
                    )
                    .with_hint(Msg::new("hint-column").arg("expected", column.ty.expected_msg()).name(
                        "about",
                        column.about_kk,
                        column.about_ru,
                        column.about_ru,
                    ));
                self.diagnostics.push(d);
            }
        }
        if self.failed {
            return;
        }
        self.table = Some(Table {
            source,
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            rows: Vec::new(),
            positions,
            values: vec![Vec::new(); source.columns.len()],
        });
        for row in head.into_iter().skip(k + 1) {
            self.record(row);
        }
    }

    fn push(&mut self, row: workbook::Row) {
        if self.failed {
            return;
        }
        if self.table.is_none() {
            self.head.push(row);
            if self.head.len() == HEADER_ROWS {
                self.settle();
            }
            return;
        }
        self.record(row);
    }

    /// Types one record's cells.
    fn record(&mut self, (abs_row, cells): workbook::Row) {
        let Some(table) = self.table.as_mut() else { return };
        let source = table.source;
        let found: Vec<Option<&Data>> = table
            .positions
            .iter()
            .map(|p| p.and_then(|c| cells.iter().find(|(cc, _)| *cc == c).map(|(_, d)| d)))
            .collect();
        if found.iter().all(Option::is_none) {
            return;
        }
        table.rows.push(abs_row);
        let first_col = table.positions.iter().flatten().min().copied().unwrap_or(0);
        let mut problems = Vec::new();
        for (k, column) in source.columns.iter().enumerate() {
            let col = table.positions[k].unwrap_or(first_col);
            let value = match found[k] {
                Some(cell) => match convert(cell, column.ty, column.id) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        problems.push((k, col, e.message(column.named())));
                        None
                    }
                },
                None => {
                    if column.required {
                        problems.push((
                            k,
                            col,
                            Msg::new("E-REQUIRED")
                                .arg("column", column.named())
                                .arg("expected", column.ty.expected_msg()),
                        ));
                    }
                    None
                }
            };
            table.values[k].push(value);
        }
        for (k, col, message) in problems {
            if self.errors.len() < source.columns.len() {
                self.errors.resize(source.columns.len(), 0);
            }
            self.errors[k] += 1;
            if self.errors[k] <= ERRORS_PER_COLUMN {
                let d = self.at(abs_row, col, Severity::Error, message);
                self.diagnostics.push(d);
            } else {
                match self.more_errors.iter_mut().find(|(kk, ..)| *kk == k) {
                    Some(m) => m.2 = abs_row,
                    None => self.more_errors.push((k, abs_row, abs_row)),
                }
            }
        }
    }

    fn finish(mut self, read: Result<(), WorkbookError>) -> Option<Table> {
        self.settle();
        for (k, first, last) in std::mem::take(&mut self.more_errors) {
            let Some(table) = &self.table else { break };
            let column = &table.source.columns[k];
            let col = table.positions[k].unwrap_or(0);
            let d = self.at(
                first,
                col,
                Severity::Error,
                Msg::new("E-MORE-CELLS")
                    .arg("column", column.named())
                    .arg("count", self.errors[k] - ERRORS_PER_COLUMN)
                    .arg("first", first + 1)
                    .arg("last", last + 1),
            );
            self.diagnostics.push(d);
        }
        if let Err(reason) = read {
            let message = Msg::new("E-READ-SHEET").arg("reason", reason.message());
            self.diagnostics.push(Diagnostic::in_sheet(Severity::Error, &self.file, &self.sheet, message));
            return None;
        }
        if self.failed { None } else { self.table }
    }
}

/// Types one sheet: finds the header row, maps headers to columns, converts every cell.
pub fn read_sheet(
    source: &'static Source,
    file: &str,
    sheet: &str,
    range: &Range<Data>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Table> {
    read_sheet_with(source, file, sheet, diagnostics, |head, keep, row| {
        workbook::range_rows(range, head, keep, row)
    })
}

/// Rows handed from the reading thread to the typing thread at a time.
const BATCH: usize = 4096;

/// [`read_sheet`] over rows that `read` streams: (rows kept whole for the header, which
/// columns to keep after them, what to do with each row). The sheet is parsed on one thread
/// and typed on this one, so a large sheet keeps both cores busy.
pub(crate) fn read_sheet_with(
    source: &'static Source,
    file: &str,
    sheet: &str,
    diagnostics: &mut Vec<Diagnostic>,
    read: impl FnOnce(
        usize,
        &mut dyn FnMut(u32) -> bool,
        &mut dyn FnMut(workbook::Row),
    ) -> Result<(), WorkbookError>
    + Send,
) -> Option<Table> {
    let mut state = Reading {
        source,
        file: file.to_string(),
        sheet: sheet.to_string(),
        head: Vec::new(),
        table: None,
        failed: false,
        errors: Vec::new(),
        more_errors: Vec::new(),
        diagnostics,
    };
    // Which sheet columns hold contract columns, once the header is known.
    let kept: OnceLock<Vec<bool>> = OnceLock::new();
    let stop = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<workbook::Row>>(4);
    let result = std::thread::scope(|scope| {
        let (kept, stop) = (&kept, &stop);
        let producer = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut keep = |col: u32| match kept.get() {
                _ if stop.load(Ordering::Relaxed) => false,
                Some(k) => k.get(col as usize).copied().unwrap_or(false),
                None => true,
            };
            let result = read(HEADER_ROWS, &mut keep, &mut |row| {
                batch.push(row);
                if batch.len() == BATCH {
                    let _ = tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                }
            });
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            result
        });
        for batch in rx {
            for row in batch {
                state.push(row);
            }
            if let (Some(table), None) = (&state.table, kept.get()) {
                let width = table.positions.iter().flatten().max().map_or(0, |c| *c as usize + 1);
                let mut mask = vec![false; width];
                for c in table.positions.iter().flatten() {
                    mask[*c as usize] = true;
                }
                let _ = kept.set(mask);
            }
            if state.failed {
                stop.store(true, Ordering::Relaxed);
            }
        }
        producer.join().unwrap_or(Err(WorkbookError::Damaged))
    });
    state.finish(result)
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
