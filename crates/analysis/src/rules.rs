//! The rules of the order that the inputs are checked against beside the input contract:
//! each reported at the cell the analyst edits, as warnings that do not stop the build.
//!
//! Rule 4: the annual report (a 12-month period) is held in the first quarter of the next
//! year, an error otherwise; shorter periods make interim reports, held when the body decides.
//! Every body of the department reports, so each has its meeting row (a warning names the
//! missing ones at their `units` row).
//!
//! Rule 8.2: the meeting is announced in the media at least `meeting.announce_days` (10)
//! days before it, and says how to send questions ahead: not through an emergency line
//! (`meeting.emergency_numbers`), which must stay free for emergencies.
//!
//! Rules 4 and 11: the local executive body and every group of rule 11 are invited; a warning
//! names each group left out, at the `invited` cell.
//!
//! Rule 9: the hall holds the participants expected, when the meeting row gives them.

use chrono::NaiveDate;
use esep_ingest::{Dataset, Diagnostic, Msg, Severity, SourceId};
use polars::prelude::*;

use crate::settings::Settings;

/// The last day the meeting of `date` may be announced (rule 8.2).
pub fn announcement_deadline(date: NaiveDate, settings: &Settings) -> NaiveDate {
    date - chrono::Duration::days(i64::from(settings.meeting.announce_days))
}

/// The months of the year after the reporting year in which rule 4 holds the annual report:
/// its first quarter.
pub const ANNUAL_MEETING_MONTHS: std::ops::RangeInclusive<u32> = 1..=3;

/// The first and last day rule 4 allows for the meeting on `period`, or `None` for an interim
/// period, whose meeting the body schedules.
pub fn annual_window(period: esep_ingest::Period) -> Option<(NaiveDate, NaiveDate)> {
    if period.months != 12 {
        return None;
    }
    let year = period.year + 1;
    let first = NaiveDate::from_ymd_opt(year, *ANNUAL_MEETING_MONTHS.start(), 1)?;
    let after = NaiveDate::from_ymd_opt(year, ANNUAL_MEETING_MONTHS.end() + 1, 1)?;
    Some((first, after.pred_opt()?))
}

/// Every rule of the order the dataset breaks, as diagnostics at their cells.
pub fn check(data: &Dataset, settings: &Settings) -> PolarsResult<Vec<Diagnostic>> {
    let mut out = Vec::new();
    let m = &data.meeting;
    let date = m.column("date")?.cast(&DataType::Int32)?;
    let announced = m.column("announced")?.cast(&DataType::Int32)?;
    let row = m.column(esep_ingest::frame::ROW)?.u32()?.clone();
    out.extend(missing_meetings(data)?);
    let window = annual_window(data.period);
    let (capacity, expected) = (m.column("capacity")?.i64()?, m.column("expected")?.cast(&DataType::Int64)?);
    let invited = m.column("invited")?.str()?.clone();
    for i in 0..m.height() {
        let at = row.get(i).unwrap_or(0);
        let asked: Vec<&str> = invited.get(i).unwrap_or_default().split(';').collect();
        for group in esep_ingest::contract::INVITEES.iter().filter(|g| !asked.contains(&g.id)) {
            let rule = if group.id == "local_executive" { 4 } else { 11 };
            out.push(
                data.diagnostic(
                    SourceId::Meeting,
                    "invited",
                    at,
                    Severity::Warning,
                    Msg::new("W-INVITEES")
                        .name("group", group.kk, group.ru, &format!("{} / {}", group.kk, group.ru))
                        .arg("rule", rule),
                ),
            );
        }
        if let (Some(held), Some((first, last))) =
            (date.i32()?.get(i).and_then(NaiveDate::from_epoch_days), window)
            && !(first..=last).contains(&held)
        {
            out.push(
                data.diagnostic(
                    SourceId::Meeting,
                    "date",
                    at,
                    Severity::Error,
                    Msg::new("E-ANNUAL-MEETING-DATE")
                        .arg("date", held.format("%d.%m.%Y").to_string())
                        .arg("year", data.period.year)
                        .arg("next", data.period.year + 1)
                        .arg("first", first.format("%d.%m.%Y").to_string())
                        .arg("last", last.format("%d.%m.%Y").to_string()),
                ),
            );
        }
        if let (Some(seats), Some(people)) = (capacity.get(i), expected.i64()?.get(i))
            && seats < people
        {
            out.push(data.diagnostic(
                SourceId::Meeting,
                "capacity",
                at,
                Severity::Warning,
                Msg::new("W-HALL-SMALL").arg("seats", seats).arg("people", people),
            ));
        }
    }
    for i in 0..m.height() {
        let (Some(date), Some(announced)) = (
            date.i32()?.get(i).and_then(NaiveDate::from_epoch_days),
            announced.i32()?.get(i).and_then(NaiveDate::from_epoch_days),
        ) else {
            continue;
        };
        if announced > announcement_deadline(date, settings) {
            out.push(
                data.diagnostic(
                    SourceId::Meeting,
                    "announced",
                    row.get(i).unwrap_or(0),
                    Severity::Warning,
                    Msg::new("W-LATE-ANNOUNCEMENT")
                        .arg("days", (date - announced).num_days())
                        .arg("date", date.format("%d.%m.%Y").to_string())
                        .arg("required", settings.meeting.announce_days),
                ),
            );
        }
    }
    // The follow-up registers of earlier meetings: terms only the calendar shows, and a register
    // that is not of an earlier meeting (the report states the previous meeting's follow-up).
    let unit = m.column("unit")?.str()?.clone();
    for r in &data.registers {
        out.extend(crate::followup::check(r, settings));
        let current = (0..m.height())
            .find(|&i| unit.get(i) == Some(r.unit.as_str()))
            .and_then(|i| date.i32().ok()?.get(i).and_then(NaiveDate::from_epoch_days));
        if let Some(current) = current
            && r.meeting >= current
        {
            out.push(esep_ingest::Diagnostic::file_warning(
                r.file.clone(),
                Msg::new("W-REGISTER-NOT-EARLIER")
                    .arg("unit", r.unit.as_str())
                    .arg("meeting", r.meeting.format("%d.%m.%Y").to_string())
                    .arg("current", current.format("%d.%m.%Y").to_string()),
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
            out.push(data.diagnostic(
                SourceId::Meeting,
                column,
                row.get(i).unwrap_or(0),
                Severity::Warning,
                Msg::new("W-EMERGENCY-LINE").arg("numbers", found.join(", ")).arg("count", found.len()),
            ));
        }
    }
    Ok(out)
}

/// A warning at the `units` row of every unit without a meeting row.
fn missing_meetings(data: &Dataset) -> PolarsResult<Vec<Diagnostic>> {
    let held: std::collections::HashSet<&str> =
        data.meeting.column("unit")?.str()?.iter().flatten().collect();
    let units = &data.units;
    let (codes, rows) = (units.column("code")?.str()?, units.column(esep_ingest::frame::ROW)?.u32()?);
    Ok((0..units.height())
        .filter_map(|i| {
            let code = codes.get(i)?;
            (!held.contains(code)).then(|| {
                data.diagnostic(
                    SourceId::Units,
                    "code",
                    rows.get(i).unwrap_or(0),
                    Severity::Warning,
                    Msg::new("W-NO-MEETING").arg("code", code),
                )
            })
        })
        .collect())
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
    fn the_annual_report_is_held_in_the_first_quarter() {
        let window = annual_window(esep_ingest::Period { year: 2025, months: 12 });
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        assert_eq!(window, Some((day(1, 1), day(3, 31))));
        assert_eq!(annual_window(esep_ingest::Period { year: 2025, months: 9 }), None);
    }

    #[test]
    fn every_emergency_number_is_named_once() {
        let settings = Settings::builtin();
        assert_eq!(emergency_numbers("звоните 102 или 112, а также 102", &settings), ["102", "112"]);
        assert_eq!(emergency_numbers("8 (7172) 71-02-00, 1025", &settings), Vec::<&str>::new());
        assert_eq!(emergency_numbers("eotinish.kz", &settings), Vec::<&str>::new());
    }
}
