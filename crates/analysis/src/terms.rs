//! Appeal terms (Administrative Procedural Code): for each appeal, whether it was answered
//! within its term and how many working days it took, on the settings' working-day calendar.

use chrono::{Datelike, NaiveDate};
use esep_ingest::Period;
use polars::prelude::*;

use crate::settings::{Settings, appeal_deadline};

/// The appeals frame with `on_time` (empty while the term runs past the period's end) and
/// `days` (working days from receipt to answer) added.
pub(crate) fn with_terms(
    appeals: &DataFrame,
    period: Period,
    settings: &Settings,
) -> PolarsResult<DataFrame> {
    let cal = settings.calendar(period.year - 1..=period.year);
    let received = appeals.column("received")?.cast(&DataType::Int32)?;
    let answered = appeals.column("answered")?.cast(&DataType::Int32)?;
    let extended = appeals.column("extended")?.bool()?.clone();
    let outcome = appeals.column("outcome")?.str()?.clone();
    let (received, answered) = (received.i32()?, answered.i32()?);
    let mut on_time = Vec::with_capacity(appeals.height());
    let mut days = Vec::with_capacity(appeals.height());
    for i in 0..appeals.height() {
        let Some(r) = received.get(i).and_then(NaiveDate::from_epoch_days) else {
            on_time.push(None);
            days.push(None);
            continue;
        };
        let a = answered.get(i).and_then(NaiveDate::from_epoch_days);
        let deadline = appeal_deadline(
            &settings.appeals,
            &cal,
            r,
            extended.get(i).unwrap_or(false),
            outcome.get(i) == Some("forwarded"),
        );
        let end = Period { year: r.year(), ..period }.end();
        on_time.push(match a {
            Some(a) => Some(a <= deadline),
            None if deadline < end => Some(false),
            None => None, // still within its term at the end of the period
        });
        days.push(a.map(|a| f64::from(cal.working_days_between(r, a))));
    }
    let mut out = appeals.clone();
    out.with_column(Column::new("on_time".into(), on_time))?;
    out.with_column(Column::new("days".into(), days))?;
    Ok(out)
}
