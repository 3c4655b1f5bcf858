//! The rules of the order that the inputs are checked against beside the input contract:
//! each reported at the cell the analyst edits, as warnings that do not stop the build.
//!
//! Rule 8.2: the meeting is announced in the media at least `meeting.announce_days` (10)
//! days before it.

use chrono::NaiveDate;
use esep_ingest::{Dataset, Diagnostic, Severity, SourceId};
use polars::prelude::*;

use crate::settings::Settings;

/// The last day the meeting of `date` may be announced (rule 8.2).
pub fn announcement_deadline(date: NaiveDate, settings: &Settings) -> NaiveDate {
    date - chrono::Duration::days(i64::from(settings.meeting.announce_days))
}

/// Every rule of the order the dataset breaks, as diagnostics at their cells.
pub fn check(data: &Dataset, settings: &Settings) -> PolarsResult<Vec<Diagnostic>> {
    let mut out = Vec::new();
    let m = &data.meeting;
    let date = m.column("date")?.cast(&DataType::Int32)?;
    let announced = m.column("announced")?.cast(&DataType::Int32)?;
    let row = m.column(esep_ingest::frame::ROW)?.u32()?.clone();
    for i in 0..m.height() {
        let (Some(date), Some(announced)) = (
            date.i32()?.get(i).and_then(NaiveDate::from_epoch_days),
            announced.i32()?.get(i).and_then(NaiveDate::from_epoch_days),
        ) else {
            continue;
        };
        if announced > announcement_deadline(date, settings) {
            out.push(data.diagnostic(
                SourceId::Meeting,
                "announced",
                row.get(i).unwrap_or(0),
                Severity::Warning,
                format!(
                    "announced {} days before the meeting of {}: rule 8.2 asks for at least {}",
                    (date - announced).num_days(),
                    date.format("%d.%m.%Y"),
                    settings.meeting.announce_days
                ),
            ));
        }
    }
    Ok(out)
}
