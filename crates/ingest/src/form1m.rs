//! The official statistical return form No. 1-М, read as the Committee on Legal Statistics
//! exports it, into rows of the `statistics` source.
//!
//! Positions differ between exports, so nothing is located by cell address: the header row is
//! the row of column numbers (`А`, `Б`, `1`, `2`, …), the line-code column is the one titled
//! «Шифр строки» (or numbered `Б`), and lines and columns are then looked up by the form's own
//! line codes and column numbers (`templates/form-1m.toml`). Numbers may be stored as text,
//! with spaces or non-breaking spaces between thousands. The form's identities are checked and
//! each mismatch is reported as a warning with sheet and cell.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use calamine::{Data, Range, Reader};
use serde::Deserialize;

use crate::cell::{number, shown};
use crate::contract::{REGISTERED_ONLY, SOLVED_CATEGORIES};
use crate::diag::{Diagnostic, Msg, Severity, a1};
use crate::error::PathError;
use crate::period::Period;

/// The mapping shipped with esep.
pub const MAPPING_TOML: &str = include_str!("../../../templates/form-1m.toml");

/// Column numbers of the form that esep reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// Registered in the period.
    pub registered: u32,
    /// Ended (sent to court + terminated on non-rehabilitating grounds).
    pub ended: u32,
    /// Sent to court.
    pub sent_to_court: u32,
    /// Terminated on non-rehabilitating grounds.
    pub terminated_nonrehabilitating: u32,
    /// Interrupted because the person was not identified.
    pub interrupted_unidentified: u32,
    /// Committed in public places.
    pub public_places: u32,
    /// Committed on streets, squares, parks.
    pub streets: u32,
    /// Family and domestic sphere.
    pub domestic: u32,
}

/// One line of the form mapped to an esep category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// The form's line code.
    pub line: u32,
    /// esep category: `registered_<category>`, `solved_<category>`.
    pub category: String,
    /// Text the line's title must hold.
    pub article: String,
}

/// The whole mapping.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Version of the mapping.
    pub version: u32,
    /// Sheet of section 1.
    pub sheet: String,
    /// Text the form's title holds.
    pub title: String,
    /// Columns read.
    pub columns: Columns,
    /// Lines read.
    #[serde(rename = "line")]
    pub lines: Vec<Line>,
}

impl Mapping {
    /// The mapping shipped with esep.
    pub fn builtin() -> Self {
        // Parsed in a test, so this cannot fail in a released binary.
        toml::from_str(MAPPING_TOML).unwrap_or_else(|e| panic!("form-1m.toml: {e}"))
    }
}

/// One imported value: statistics code, value, and the cell it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Statistics code of the contract.
    pub code: String,
    /// The value.
    pub value: f64,
    /// Sheet cell, A1.
    pub cell: String,
}

/// What reading one 1-М file gave.
#[derive(Debug, Default)]
pub struct Import {
    /// The values, in mapping order.
    pub values: Vec<Value>,
    /// Errors (not a 1-М return, a line missing) and warnings (identities, titles).
    pub diagnostics: Vec<Diagnostic>,
}

fn normal(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The form's structure found in a sheet.
struct Layout {
    /// Column number of the form → sheet column (0-based, absolute).
    columns: BTreeMap<u32, u32>,
    /// Line code → (sheet row, title).
    lines: BTreeMap<u32, (u32, String)>,
}

/// Finds the row of column numbers and the line-code column.
fn layout(range: &Range<Data>) -> Result<Layout, Msg> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    // The header row: the most cells reading 1, 2, 3, … left to right.
    let mut best: Option<(usize, BTreeMap<u32, u32>)> = None;
    for (i, row) in rows.iter().enumerate().take(60) {
        let mut map = BTreeMap::new();
        let mut expect = 1u32;
        for (j, cell) in row.iter().enumerate() {
            if number(cell).is_some_and(|v| v == f64::from(expect)) && !matches!(cell, Data::Empty) {
                map.insert(expect, c0 + j as u32);
                expect += 1;
            }
        }
        if map.len() >= 5 && best.as_ref().is_none_or(|(_, b)| map.len() > b.len()) {
            best = Some((i, map));
        }
    }
    let Some((header, columns)) = best else {
        return Err(Msg::new("f1m-no-numbers"));
    };
    // The line-code column: titled «Шифр строки» above the numbers, or numbered `Б`.
    let titled = rows
        .iter()
        .take(header)
        .find_map(|row| row.iter().position(|c| normal(&shown(c)).contains("шифр строки")));
    let lettered = rows[header].iter().position(|c| matches!(shown(c).trim(), "Б" | "B"));
    let Some(code_col) = titled.or(lettered) else {
        return Err(Msg::new("f1m-no-code-column"));
    };
    let mut lines = BTreeMap::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        let Some(code) = row.get(code_col).and_then(number).filter(|v| v.fract() == 0.0 && *v > 0.0) else {
            continue;
        };
        let title =
            row[..code_col].iter().map(shown).filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" ");
        lines.entry(code as u32).or_insert((r0 + i as u32, title));
    }
    if lines.is_empty() {
        return Err(Msg::new("f1m-no-codes"));
    }
    Ok(Layout { columns, lines })
}

/// Reads one 1-М export. `file` is the name used in messages.
pub fn read(path: &Path, file: &str, mapping: &Mapping) -> Import {
    let mut out = Import::default();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            out.diagnostics
                .push(Diagnostic::file_error(file, Msg::new("E-F1M-READ").arg("reason", e.to_string())));
            return out;
        }
    };
    let mut wb = match crate::workbook::open(&bytes) {
        Ok(wb) => wb,
        Err(e) => {
            out.diagnostics
                .push(Diagnostic::file_error(file, Msg::new("E-F1M-READ").arg("reason", e.message())));
            return out;
        }
    };
    let sheet = mapping.sheet.as_str();
    let Ok(range) = wb.worksheet_range(sheet) else {
        out.diagnostics.push(
            Diagnostic::file_error(file, Msg::new("E-F1M-NO-SHEET").arg("sheet", sheet))
                .with_hint(Msg::new("hint-f1m-export")),
        );
        return out;
    };
    let title = range.rows().take(10).flat_map(|r| r.iter().map(shown)).find(|s| s.contains(&mapping.title));
    if title.is_none() {
        out.diagnostics.push(Diagnostic::file_error(
            file,
            Msg::new("E-F1M-NO-TITLE").arg("sheet", sheet).arg("title", mapping.title.as_str()),
        ));
        return out;
    }
    let layout = match layout(&range) {
        Ok(l) => l,
        Err(e) => {
            out.diagnostics.push(Diagnostic::file_error(
                file,
                Msg::new("E-F1M-LAYOUT").arg("sheet", sheet).arg("problem", e),
            ));
            return out;
        }
    };
    let diag = |severity: Severity, row: u32, col: u32, message: Msg| {
        Diagnostic::at(severity, file, sheet, row, col, message)
    };
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let at = |row: u32, col: u32| -> f64 {
        range.get(((row - r0) as usize, (col - c0) as usize)).and_then(number).unwrap_or(0.0)
    };
    let col = |n: u32| layout.columns.get(&n).copied();
    let c = &mapping.columns;
    for needed in
        [c.registered, c.ended, c.sent_to_court, c.terminated_nonrehabilitating, c.interrupted_unidentified]
    {
        if col(needed).is_none() {
            out.diagnostics
                .push(Diagnostic::file_error(file, Msg::new("E-F1M-NO-COLUMN").arg("column", needed)));
        }
    }
    if !out.diagnostics.is_empty() {
        return out;
    }
    let solved: Vec<&str> = SOLVED_CATEGORIES.iter().map(|c| c.0).collect();
    let known: Vec<&str> = solved.iter().copied().chain(REGISTERED_ONLY.iter().map(|c| c.0)).collect();
    let mut push = |code: String, row: u32, column: u32| {
        out.values.push(Value { code, value: at(row, column), cell: a1(row, column) });
    };
    let mut diagnostics = Vec::new();
    for line in &mapping.lines {
        let Some((row, title)) = layout.lines.get(&line.line) else {
            diagnostics.push(Diagnostic::file_error(
                file,
                Msg::new("E-F1M-NO-LINE").arg("line", line.line).arg("article", line.article.as_str()),
            ));
            continue;
        };
        if !normal(title).contains(&normal(&line.article)) {
            diagnostics.push(diag(
                Severity::Warning,
                *row,
                c0,
                Msg::new("W-F1M-LINE-TITLE")
                    .arg("line", line.line)
                    .arg("title", title.trim())
                    .arg("article", line.article.as_str()),
            ));
        }
        if !known.contains(&line.category.as_str()) {
            diagnostics.push(Diagnostic::file_error(
                file,
                Msg::new("E-F1M-CATEGORY").arg("category", line.category.as_str()),
            ));
            continue;
        }
        let (registered, ended) = (col(c.registered).unwrap_or(0), col(c.ended).unwrap_or(0));
        push(format!("registered_{}", line.category), *row, registered);
        if solved.contains(&line.category.as_str()) {
            push(format!("solved_{}", line.category), *row, ended);
        }
        if line.line == 1 {
            for (code, n) in [
                ("sent_to_court", c.sent_to_court),
                ("interrupted_unidentified", c.interrupted_unidentified),
                ("registered_public_places", c.public_places),
                ("registered_streets", c.streets),
                ("registered_domestic", c.domestic),
            ] {
                if let Some(column) = col(n) {
                    push(code.to_string(), *row, column);
                }
            }
        }
    }
    // The form's own identities, on every numbered column.
    let line_row = |l: u32| layout.lines.get(&l).map(|(r, _)| *r);
    if let (Some(all), Some(misd), Some(crimes)) = (line_row(1), line_row(2), line_row(3)) {
        for (&n, &column) in &layout.columns {
            let (a, m, cr) = (at(all, column), at(misd, column), at(crimes, column));
            if (a - m - cr).abs() > 1e-9 {
                diagnostics.push(diag(
                    Severity::Warning,
                    all,
                    column,
                    Msg::new("W-F1M-ALL")
                        .arg("column", n)
                        .arg("all", a.to_string())
                        .arg("misdemeanours", m.to_string())
                        .arg("crimes", cr.to_string()),
                ));
            }
            let parts: Option<Vec<f64>> = (4..=7).map(|l| line_row(l).map(|r| at(r, column))).collect();
            if let Some(parts) = parts {
                let sum: f64 = parts.iter().sum();
                if (cr - sum).abs() > 1e-9 {
                    diagnostics.push(diag(
                        Severity::Warning,
                        crimes,
                        column,
                        Msg::new("W-F1M-GRAVITY")
                            .arg("column", n)
                            .arg("crimes", cr.to_string())
                            .arg("sum", sum.to_string()),
                    ));
                }
            }
        }
    }
    if let (Some(e), Some(s), Some(t)) =
        (col(c.ended), col(c.sent_to_court), col(c.terminated_nonrehabilitating))
    {
        for (line, (row, _)) in &layout.lines {
            let (ended, sent, term) = (at(*row, e), at(*row, s), at(*row, t));
            if (ended - sent - term).abs() > 1e-9 {
                diagnostics.push(diag(
                    Severity::Warning,
                    *row,
                    e,
                    Msg::new("W-F1M-ENDED")
                        .arg("line", *line)
                        .arg("ended", ended.to_string())
                        .arg("sent", sent.to_string())
                        .arg("terminated", term.to_string()),
                ));
            }
        }
    }
    out.diagnostics.extend(diagnostics);
    out
}

/// A manifest entry: which unit and period a 1-М file covers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// Path relative to the manifest's folder.
    pub path: String,
    /// Unit code.
    pub unit: String,
    /// Period, `YYYY-MM` (months since 1 January: 03, 06, 09 or 12).
    pub period: String,
}

/// `form-1m.toml` of an input folder: the 1-М files that replace statistics.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The files.
    #[serde(rename = "file")]
    pub files: Vec<ManifestFile>,
}

/// Name of the manifest in an input folder.
pub const MANIFEST: &str = "form-1m.toml";

/// One file a manifest lists, its path and period checked.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The path as the manifest gives it, for messages.
    pub name: String,
    /// The file inside the manifest's folder, or why it cannot be read.
    pub path: Result<PathBuf, PathError>,
    /// The unit code it reports on.
    pub unit: String,
    /// Its period, or the text that is not one.
    pub period: Result<Period, String>,
}

impl Listed {
    /// The entry to import, or what is wrong with it as a message.
    pub fn entry(&self) -> Result<Entry, Msg> {
        let path = self.path.clone().map_err(|e| e.message())?;
        let period = self.period.clone().map_err(|p| not_a_period(&p))?;
        Ok((path, self.name.clone(), self.unit.clone(), period))
    }
}

/// What is wrong with the period `p` of a manifest entry.
pub fn not_a_period(p: &str) -> Msg {
    Msg::new("f1m-period").arg("period", p)
}

/// Reads a manifest; its paths are relative to its own folder and may not leave it.
pub fn read_manifest(file: &Path) -> Result<Vec<Listed>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| e.to_string())?;
    let base = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok(manifest
        .files
        .into_iter()
        .map(|f| Listed {
            path: resolve(base, &f.path),
            period: parse_period(&f.period).ok_or(f.period),
            name: f.path,
            unit: f.unit,
        })
        .collect())
}

/// Parses `YYYY-MM` into a period of 3, 6, 9 or 12 months.
pub fn parse_period(s: &str) -> Option<Period> {
    let (y, m) = s.trim().split_once('-')?;
    let (year, months) = (y.parse().ok()?, m.parse().ok()?);
    [3, 6, 9, 12].contains(&months).then_some(Period { year, months })
}

/// The file a manifest entry names, inside `dir`, or why it cannot be read: a manifest only
/// names files of its own folder (or below it), never an absolute path, `..` or a link that
/// leads out of the folder.
pub fn resolve(dir: &Path, relative: &str) -> Result<PathBuf, PathError> {
    let rel = Path::new(relative);
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if relative.trim().is_empty() || !plain {
        return Err(PathError::Outside(crate::text::visible(relative)));
    }
    let joined: PathBuf = rel.components().fold(dir.to_path_buf(), |p, c| match c {
        Component::Normal(n) => p.join(n),
        _ => p,
    });
    let (Ok(root), Ok(file)) = (dir.canonicalize(), joined.canonicalize()) else {
        return Err(PathError::Missing);
    };
    if !file.starts_with(&root) {
        return Err(PathError::Leaves(crate::text::visible(relative)));
    }
    if !file.is_file() {
        return Err(PathError::NotAFile);
    }
    Ok(joined)
}

/// A file to import: path, name for messages, unit code, period.
pub type Entry = (std::path::PathBuf, String, String, Period);

/// An imported statistics row: unit, period, code, value.
pub type StatRow = (String, Period, String, f64);

/// Statistics rows of several files, and every problem.
pub fn import(entries: &[Entry], mapping: &Mapping) -> (Vec<StatRow>, Vec<Diagnostic>) {
    let mut rows = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, file, unit, period) in entries {
        let got = read(path, file, mapping);
        diagnostics.extend(got.diagnostics);
        rows.extend(got.values.into_iter().map(|v| (unit.clone(), *period, v.code, v.value)));
    }
    (rows, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_parses_and_names_known_categories() {
        let m: Mapping = toml::from_str(MAPPING_TOML).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.sheet, "R1");
        let known: Vec<&str> = SOLVED_CATEGORIES.iter().chain(REGISTERED_ONLY).map(|c| c.0).collect();
        for l in &m.lines {
            assert!(known.contains(&l.category.as_str()), "{}", l.category);
        }
    }

    #[test]
    fn manifest_paths_stay_in_the_input_folder() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("kst.xlsx"), b"x").unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir(dir.path().join("sub")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("sub/a.xlsx"), b"x").unwrap_or_else(|e| panic!("{e}"));
        assert!(resolve(dir.path(), "kst.xlsx").is_ok());
        assert!(resolve(dir.path(), "./sub/a.xlsx").is_ok());
        for bad in ["/etc/passwd", "../kst.xlsx", "sub/../../x", ""] {
            let err = resolve(dir.path(), bad).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("outside the input folder"), "{bad}: {err}");
        }
        assert_eq!(resolve(dir.path(), "missing.xlsx"), Err(PathError::Missing));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/passwd", dir.path().join("link.xlsx"))
                .unwrap_or_else(|e| panic!("{e}"));
            let err = resolve(dir.path(), "link.xlsx").err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("leads outside the input folder"), "{err}");
        }
    }

    #[test]
    fn periods() {
        assert_eq!(parse_period("2022-12"), Some(Period { year: 2022, months: 12 }));
        assert_eq!(parse_period("2022-05"), None);
        assert_eq!(parse_period("2022"), None);
    }
}
