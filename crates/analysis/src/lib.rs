//! Indicators of rule 6 of Order No. 608, computed with polars from a validated dataset.
//!
//! The [`catalogue`] declares each indicator once; [`compute()`] evaluates it for every unit and
//! the department, for the period and the same period of the previous year (АППГ), tests each
//! change ([`stats`]) and ranks units among their siblings. [`settings`] holds the appeal terms,
//! the working-day calendar and the thresholds; [`open_data`] writes the figures as CSV and JSON.
#![deny(missing_docs)]

pub mod catalogue;
mod change;
pub mod compliance;
mod compute;
pub mod doc;
pub mod error;
pub mod followup;
pub mod model;
pub mod national;
pub mod open_data;
pub mod ranks;
pub mod rules;
pub mod settings;
pub mod stats;
pub mod summary;
mod sums;
mod tables;
mod terms;
mod tree;
mod values;

pub use catalogue::{Catalogue, ChangeTest, Direction, Formula, Indicator, IndicatorCode, Measure};
pub use compute::compute;
pub use error::Error;
pub use esep_ingest::UnitCode;
pub use model::{
    Assessment, Figure, FundingRow, MeasureRow, Meeting, Paragraph, ProgrammeRow, Question, Reason, Report,
    UnitReport,
};
pub use settings::Settings;
