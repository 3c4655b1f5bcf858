//! The rules of the order that the inputs are checked against beside the input contract:
//! each reported at the cell the analyst edits, as warnings that do not stop the build.
//!
//! Rule 8.2: the meeting is announced in the media at least `meeting.announce_days` (10)
//! days before it, and says how to send questions ahead: not through an emergency line
//! (`meeting.emergency_numbers`), which must stay free for emergencies.

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
    for column in ["questions_kk", "questions_ru"] {
        let text = m.column(column)?.str()?.clone();
        for i in 0..m.height() {
            let found = text.get(i).map(|t| emergency_numbers(t, settings)).unwrap_or_default();
            if found.is_empty() {
                continue;
            }
            let (found, line) = if found.len() == 1 {
                (found[0].to_string(), "an emergency line")
            } else {
                (found.join(", "), "emergency lines")
            };
            out.push(data.diagnostic(
                SourceId::Meeting,
                column,
                row.get(i).unwrap_or(0),
                Severity::Warning,
                format!(
                    "questions are to be sent to {found}, {line}: name a helpline, a portal or an office"
                ),
            ));
        }
    }
    Ok(out)
}

/// Every emergency number that stands as a number of its own in `text` (`102`, not `1025`),
/// in the order the text names them.
fn emergency_numbers<'t>(text: &'t str, settings: &Settings) -> Vec<&'t str> {
    let mut found: Vec<&str> = Vec::new();
    for t in text.split(|c: char| !c.is_ascii_digit()) {
        if settings.meeting.emergency_numbers.iter().any(|n| n == t) && !found.contains(&t) {
            found.push(t);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_emergency_number_is_named_once() {
        let settings = Settings::builtin();
        assert_eq!(emergency_numbers("звоните 102 или 112, а также 102", &settings), ["102", "112"]);
        assert_eq!(emergency_numbers("8 (7172) 71-02-00, 1025", &settings), Vec::<&str>::new());
        assert_eq!(emergency_numbers("eotinish.kz", &settings), Vec::<&str>::new());
    }
}
