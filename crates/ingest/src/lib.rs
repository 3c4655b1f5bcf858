//! Input of esep: a folder of workbooks read with calamine, validated against the contract,
//! and returned as typed polars frames.
//!
//! # Steps
//! 1. [`read::read_folder`] finds each source's sheet and types every cell ([`cell`]).
//! 2. [`validate::check`] runs the checks across records and sources.
//! 3. [`frame::to_frame`] turns each table into a polars `DataFrame`.
//!
//! [`load`] does all three and collects every problem at once.
//!
//! ```no_run
//! let outcome = esep_ingest::load(std::path::Path::new("fixtures/demo"));
//! for d in &outcome.diagnostics {
//!     eprintln!("{d}");
//! }
//! let dataset = outcome.dataset.expect("valid input");
//! println!("{} units", dataset.units.height());
//! ```
#![deny(missing_docs)]

pub mod cell;
pub mod code;
pub mod contract;
pub mod diag;
pub mod doc;
pub mod error;
pub mod followup;
pub mod form1m;
pub mod frame;
pub mod period;
pub mod protocol;
pub mod read;
pub mod text;
pub mod validate;
pub mod workbook;

use std::collections::BTreeMap;
use std::path::Path;

use polars::prelude::DataFrame;

pub use code::UnitCode;
pub use error::{PathError, WorkbookError};

pub use contract::{SOURCES, Source, SourceId};
pub use diag::{Arg, Diagnostic, Lang, Msg, Severity};
pub use period::Period;
pub use read::InputFile;

/// A validated input folder: one frame per source and the reporting period.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Reporting period, from the statistical returns.
    pub period: Period,
    /// `units`: the department and its bodies.
    pub units: DataFrame,
    /// `statistics`: long format (unit, year, months, indicator, value).
    pub statistics: DataFrame,
    /// `programmes`: programme measures.
    pub programmes: DataFrame,
    /// `survey`: one row per respondent.
    pub survey: DataFrame,
    /// `funding`: local executive body's funds.
    pub funding: DataFrame,
    /// `appeals`: the appeals register.
    pub appeals: DataFrame,
    /// `media`: publications and responses.
    pub media: DataFrame,
    /// `narrative`: text paragraphs per unit and section.
    pub narrative: DataFrame,
    /// `meeting`: the meeting of each unit.
    pub meeting: DataFrame,
    /// The workbooks read.
    pub files: Vec<InputFile>,
    /// The protocols of meetings held, as their secretaries filled them in (`protocols/*.xlsx`
    /// of the input folder), each read back with its checks: evidence of rules 12–15 and 18.
    pub protocols: Vec<ReadProtocol>,
    /// The follow-up registers of earlier meetings (`followup/*.xlsx` of the input folder), read
    /// back without error: the report's section on what became of their items (rules 16, 17, 19).
    pub registers: Vec<followup::Register>,
    /// Where each source was read: file, sheet and the sheet column of each contract column.
    pub provenance: BTreeMap<SourceId, Provenance>,
}

/// A protocol workbook of the input folder's `protocols/`, read back.
#[derive(Debug, Clone)]
pub struct ReadProtocol {
    /// Its path inside the input folder, `protocols/SRK-01.xlsx`.
    pub file: String,
    /// The protocol, when it has no error.
    pub protocol: Option<protocol::Protocol>,
    /// Its first error, when it has one.
    pub error: Option<String>,
}

/// The `.xlsx` files directly in `dir`, in name order; none when it is missing. A link is not
/// followed: nothing is read from outside the folder.
pub fn workbooks_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Reads every workbook of `dir/protocols/`, in name order.
fn read_protocols(dir: &Path, units: &[String]) -> Vec<ReadProtocol> {
    workbooks_in(&dir.join("protocols"))
        .into_iter()
        .map(|path| {
            let outcome = protocol::load_protocol(&path, Some(units));
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            ReadProtocol {
                file: format!("protocols/{name}"),
                error: outcome.diagnostics.iter().find(|d| d.is_error()).map(ToString::to_string),
                protocol: outcome.protocol,
            }
        })
        .collect()
}

/// Reads every workbook of `dir/followup/`, in name order: the registers, and every problem
/// of each at its sheet and cell (file named `followup/NAME.xlsx`).
fn read_registers(dir: &Path, units: &[String]) -> (Vec<followup::Register>, Vec<Diagnostic>) {
    let mut registers: Vec<followup::Register> = Vec::new();
    let mut diagnostics = Vec::new();
    for path in workbooks_in(&dir.join("followup")) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let file = format!("followup/{name}");
        let outcome = followup::load_register(&path, Some(&file), Some(units));
        diagnostics.extend(outcome.diagnostics);
        if let Some(r) = outcome.register {
            diagnostics.extend(followup::second_register(&registers, &r));
            registers.push(r);
        }
    }
    (registers, diagnostics)
}

/// Where a source's records are in the input workbooks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// File name inside the input folder.
    pub file: String,
    /// Sheet name.
    pub sheet: String,
    /// 0-based sheet column of each contract column, by column id.
    pub columns: Vec<(&'static str, Option<u32>)>,
}

impl Dataset {
    /// A diagnostic at a record's cell: `row` is the record's 1-based sheet row (the frames'
    /// `row` column), `column` a contract column id. Later checks (the rules of the order in
    /// analysis) report at the cell the analyst edits.
    pub fn diagnostic(
        &self,
        source: SourceId,
        column: &str,
        row: u32,
        severity: Severity,
        message: Msg,
    ) -> Diagnostic {
        let (file, sheet, cell) = self.place(source, column, row);
        Diagnostic::new(severity, file, sheet, cell, message)
    }

    /// Where a record's cell is: file, sheet and cell, as far as known (see [`Self::diagnostic`]).
    pub fn place(
        &self,
        source: SourceId,
        column: &str,
        row: u32,
    ) -> (String, Option<String>, Option<String>) {
        let Some(p) = self.provenance.get(&source) else {
            return (contract::source(source).name.to_string(), None, None);
        };
        let col = p.columns.iter().find(|(id, _)| *id == column).and_then(|(_, c)| *c);
        let cell = match (row, col) {
            (1.., Some(c)) => Some(diag::a1(row - 1, c)),
            _ => None,
        };
        (p.file.clone(), Some(p.sheet.clone()), cell)
    }

    /// The unit codes, in input order.
    pub fn unit_codes(&self) -> Vec<String> {
        self.units
            .column("code")
            .ok()
            .and_then(|c| c.str().ok().map(|s| s.iter().flatten().map(str::to_string).collect()))
            .unwrap_or_default()
    }

    /// The frame of an input source; `None` for the protocol workbook's sheets.
    pub fn frame(&self, id: SourceId) -> Option<&DataFrame> {
        Some(match id {
            SourceId::Units => &self.units,
            SourceId::Statistics => &self.statistics,
            SourceId::Programmes => &self.programmes,
            SourceId::Survey => &self.survey,
            SourceId::Funding => &self.funding,
            SourceId::Appeals => &self.appeals,
            SourceId::Media => &self.media,
            SourceId::Narrative => &self.narrative,
            SourceId::Meeting => &self.meeting,
            SourceId::Protocol
            | SourceId::Decisions
            | SourceId::Items
            | SourceId::RegisterMeeting
            | SourceId::Register => return None,
        })
    }
}

/// What loading a folder gave: the dataset when there are no errors, and every diagnostic.
#[derive(Debug)]
pub struct Outcome {
    /// The validated data, present only when no diagnostic is an error.
    pub dataset: Option<Dataset>,
    /// Errors and warnings, sorted by file, sheet and cell.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Adds the findings of later checks (the rules of the order in analysis) in cell order; an
    /// error among them withdraws the dataset.
    pub fn add(&mut self, found: Vec<Diagnostic>) {
        if found.iter().any(Diagnostic::is_error) {
            self.dataset = None;
        }
        self.diagnostics.extend(found);
        sort(&mut self.diagnostics);
    }
}

/// Orders diagnostics by file, sheet and cell, and drops repeats.
pub(crate) fn sort(diagnostics: &mut Vec<Diagnostic>) {
    // The English words order messages at one cell the same way in every language.
    diagnostics.sort_by_cached_key(|d| {
        (d.file.clone(), d.sheet.clone(), cell_order(&d.cell), d.severity, d.message.text(Lang::En))
    });
    diagnostics.dedup();
}

/// Splits `B12` into (row 12, column 2) for sorting.
fn cell_order(cell: &Option<String>) -> (u32, u32) {
    let Some(cell) = cell else { return (0, 0) };
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let col = u32::from(rust_xlsxwriter::utility::column_name_to_number(&letters));
    let row = cell[letters.len()..].parse().unwrap_or(0);
    (row, col)
}

/// Reads, validates and converts an input folder, collecting every problem.
pub fn load(dir: &Path) -> Outcome {
    let read = read::read_folder(dir);
    let mut diagnostics = read.diagnostics;
    let period = validate::check(&read.tables, &mut diagnostics);
    sort(&mut diagnostics);
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    let mut dataset = match (clean, period) {
        (true, Some(period)) => build(&read.tables, period, read.files, &mut diagnostics),
        _ => None,
    };
    if let Some(data) = dataset.as_mut() {
        data.protocols = read_protocols(dir, &data.unit_codes());
        let (registers, found) = read_registers(dir, &data.unit_codes());
        data.registers = registers;
        diagnostics.extend(found);
        sort(&mut diagnostics);
        apply_form1m(dir, data, &mut diagnostics);
        if diagnostics.iter().any(Diagnostic::is_error) {
            dataset = None;
        }
    }
    Outcome { dataset, diagnostics }
}

/// Replaces statistics with the 1-М returns that the folder's `form-1m.toml` names: each
/// imported (unit, year, code) replaces the sheet's value, other codes stay.
fn apply_form1m(dir: &Path, data: &mut Dataset, diagnostics: &mut Vec<Diagnostic>) {
    let path = dir.join(form1m::MANIFEST);
    if !path.is_file() {
        return;
    }
    let listed = match form1m::read_manifest(&path) {
        Ok(listed) => listed,
        Err(e) => {
            diagnostics
                .push(Diagnostic::file_error(form1m::MANIFEST, Msg::new("E-MANIFEST").arg("reason", e)));
            return;
        }
    };
    let units = data.unit_codes();
    let mut entries = Vec::new();
    for f in &listed {
        let problem = |m: Msg| {
            Diagnostic::file_error(
                form1m::MANIFEST,
                Msg::new("E-MANIFEST-FILE").arg("file", crate::text::visible(&f.name)).arg("problem", m),
            )
        };
        let period = match &f.period {
            Ok(period) => *period,
            Err(p) => {
                diagnostics.push(problem(form1m::not_a_period(p)));
                continue;
            }
        };
        if period.months != data.period.months
            || !(period.year == data.period.year || period.year == data.period.year - 1)
        {
            diagnostics.push(problem(
                Msg::new("f1m-other-period")
                    .arg("period", format!("{}-{:02}", period.year, period.months))
                    .arg("current", data.period.named())
                    .arg("previous", data.period.year - 1),
            ));
            continue;
        }
        if !units.contains(&f.unit) {
            diagnostics.push(problem(Msg::new("f1m-unit").arg("unit", crate::text::visible(&f.unit))));
            continue;
        }
        match f.entry() {
            Ok(entry) => entries.push(entry),
            Err(e) => diagnostics.push(problem(e)),
        }
    }
    let (rows, found) = form1m::import(&entries, &form1m::Mapping::builtin());
    diagnostics.extend(found);
    if rows.is_empty() || diagnostics.iter().any(Diagnostic::is_error) {
        return;
    }
    if let Err(e) = replace_statistics(data, &rows) {
        diagnostics.push(Diagnostic::file_error(
            form1m::MANIFEST,
            Msg::new("E-F1M-MERGE").arg("reason", e.to_string()),
        ));
    }
}

fn replace_statistics(
    data: &mut Dataset,
    rows: &[(String, Period, String, f64)],
) -> polars::prelude::PolarsResult<()> {
    use polars::prelude::*;
    let keys: std::collections::HashSet<(String, i64, String)> =
        rows.iter().map(|(u, p, c, _)| (u.clone(), i64::from(p.year), c.clone())).collect();
    let s = &data.statistics;
    let (unit, year, code) =
        (s.column("unit")?.str()?, s.column("year")?.i64()?, s.column("indicator")?.str()?);
    let keep: BooleanChunked = (0..s.height())
        .map(|i| {
            let key = (
                unit.get(i).unwrap_or_default().to_string(),
                year.get(i).unwrap_or(0),
                code.get(i).unwrap_or_default().to_string(),
            );
            Some(!keys.contains(&key))
        })
        .collect();
    let kept = s.filter(&keep)?;
    let added = DataFrame::new(
        rows.len(),
        vec![
            Column::new("unit".into(), rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>()),
            Column::new("year".into(), rows.iter().map(|r| i64::from(r.1.year)).collect::<Vec<_>>()),
            Column::new("months".into(), rows.iter().map(|r| i64::from(r.1.months)).collect::<Vec<_>>()),
            Column::new("indicator".into(), rows.iter().map(|r| r.2.clone()).collect::<Vec<_>>()),
            Column::new("value".into(), rows.iter().map(|r| r.3).collect::<Vec<_>>()),
            Column::new(frame::ROW.into(), vec![0u32; rows.len()]),
        ],
    )?;
    // Same columns, same order and types as the sheet's frame (`value` holds whole numbers).
    let columns: Vec<Column> = kept
        .columns()
        .iter()
        .map(|c| added.column(c.name()).and_then(|a| a.cast(c.dtype())))
        .collect::<PolarsResult<_>>()?;
    let added = DataFrame::new(rows.len(), columns)?;
    data.statistics = kept.vstack(&added)?;
    Ok(())
}

fn build(
    tables: &BTreeMap<SourceId, read::Table>,
    period: Period,
    files: Vec<InputFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Dataset> {
    let mut frame = |id: SourceId| -> Option<DataFrame> {
        let table = tables.get(&id)?;
        match frame::to_frame(table) {
            Ok(df) => Some(df),
            Err(err) => {
                diagnostics.push(Diagnostic::file_error(
                    table.file.clone(),
                    Msg::new("E-FRAME").arg("source", table.source.named()).arg("reason", err.to_string()),
                ));
                None
            }
        }
    };
    Some(Dataset {
        period,
        units: frame(SourceId::Units)?,
        statistics: frame(SourceId::Statistics)?,
        programmes: frame(SourceId::Programmes)?,
        survey: frame(SourceId::Survey)?,
        funding: frame(SourceId::Funding)?,
        appeals: frame(SourceId::Appeals)?,
        media: frame(SourceId::Media)?,
        narrative: frame(SourceId::Narrative)?,
        meeting: frame(SourceId::Meeting)?,
        files,
        protocols: Vec::new(),
        registers: Vec::new(),
        provenance: tables
            .iter()
            .map(|(id, t)| {
                let columns =
                    t.source.columns.iter().map(|c| c.id).zip(t.positions.iter().copied()).collect();
                (*id, Provenance { file: t.file.clone(), sheet: t.sheet.clone(), columns })
            })
            .collect(),
    })
}
