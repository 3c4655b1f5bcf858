//! Indicators of rule 6 of Order No. 608, computed with polars from a validated dataset.
//!
//! The [`catalogue`] declares each indicator once; [`compute`] evaluates it for every unit and
//! the department, for the period and the same period of the previous year (АППГ).
#![deny(missing_docs)]

pub mod catalogue;
mod compute;
pub mod model;

pub use catalogue::{Catalogue, Direction, Formula, Indicator, Measure};
pub use compute::compute;
pub use model::{Figure, Meeting, Paragraph, Report, UnitReport};
