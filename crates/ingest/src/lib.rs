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
pub mod contract;
pub mod diag;
pub mod doc;
pub mod frame;
pub mod period;
pub mod read;
pub mod validate;

use std::path::Path;

use polars::prelude::DataFrame;

pub use contract::{SOURCES, Source, SourceId};
pub use diag::{Diagnostic, Severity};
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
}

impl Dataset {
    /// The frame of a source.
    pub fn frame(&self, id: SourceId) -> &DataFrame {
        match id {
            SourceId::Units => &self.units,
            SourceId::Statistics => &self.statistics,
            SourceId::Programmes => &self.programmes,
            SourceId::Survey => &self.survey,
            SourceId::Funding => &self.funding,
            SourceId::Appeals => &self.appeals,
            SourceId::Media => &self.media,
            SourceId::Narrative => &self.narrative,
            SourceId::Meeting => &self.meeting,
        }
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
}

/// Splits `B12` into (row 12, column 2) for sorting.
fn cell_order(cell: &Option<String>) -> (u32, u32) {
    let Some(cell) = cell else { return (0, 0) };
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let col = letters.bytes().fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1));
    let row = cell[letters.len()..].parse().unwrap_or(0);
    (row, col)
}

/// Reads, validates and converts an input folder, collecting every problem.
pub fn load(dir: &Path) -> Outcome {
    let read = read::read_folder(dir);
    let mut diagnostics = read.diagnostics;
    let period = validate::check(&read.tables, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (&a.file, &a.sheet, cell_order(&a.cell), a.severity, &a.message).cmp(&(
            &b.file,
            &b.sheet,
            cell_order(&b.cell),
            b.severity,
            &b.message,
        ))
    });
    diagnostics.dedup();
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    let dataset = match (clean, period) {
        (true, Some(period)) => build(&read.tables, period, read.files, &mut diagnostics),
        _ => None,
    };
    Outcome { dataset, diagnostics }
}

fn build(
    tables: &std::collections::BTreeMap<SourceId, read::Table>,
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
                    format!("cannot build the frame of `{}`: {err}", table.source.name),
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
    })
}
