//! The department's schedule of meetings (rule 8.1–8.2): the data of `schedule.kk.pdf` and
//! `schedule.ru.pdf`, to approve and publish, and `schedule.ics`, one calendar event per
//! meeting (RFC 5545).
//!
//! The calendar is written here rather than by a calendar crate: those stamp each event with
//! the clock and a random UID, and a pack must be byte-identical for the same inputs. Each
//! event's UID is the period and the unit code; its DTSTAMP the day of the announcement.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use esep_analysis::{Report, Settings, UnitReport};
use serde::Serialize;

use crate::lang::Lang;

/// Everything `schedule.typ` shows, in one language.
#[derive(Debug, Serialize)]
pub struct ScheduleData {
    lang: &'static str,
    labels: &'static std::collections::BTreeMap<String, String>,
    title: String,
    department: String,
    period: String,
    /// The department's chief, who approves the schedule: rank and name.
    approver: String,
    rows: Vec<ScheduleRow>,
}

#[derive(Debug, Serialize)]
struct ScheduleRow {
    body: String,
    chief: String,
    date: String,
    time: String,
    place: String,
    questions: String,
}

/// The units that have a meeting, by date and time, then in report order.
fn scheduled(report: &Report) -> Vec<&UnitReport> {
    let mut units: Vec<&UnitReport> = report.units.iter().filter(|u| u.meeting.is_some()).collect();
    // A stable sort: units meeting at the same time stay in report order.
    units.sort_by_key(|u| u.meeting.as_ref().map(|m| (m.date.clone(), m.time.clone())));
    units
}

/// The schedule's data in `lang`.
pub fn schedule_data(report: &Report, lang: Lang) -> ScheduleData {
    let department = report.units.first();
    let name = |u: &UnitReport| lang.pick(&u.name_kk, &u.name_ru).to_string();
    let chief =
        |u: &UnitReport| format!("{} {}", lang.pick(&u.chief_rank_kk, &u.chief_rank_ru), u.chief_name);
    ScheduleData {
        lang: lang.code(),
        labels: lang.labels(),
        title: lang.label("schedule_title"),
        department: department.map(name).unwrap_or_default(),
        period: lang.pick(&report.period.label_kk(), &report.period.label_ru()).to_string(),
        approver: department.map(chief).unwrap_or_default(),
        rows: scheduled(report)
            .into_iter()
            .filter_map(|u| {
                let m = u.meeting.as_ref()?;
                Some(ScheduleRow {
                    body: name(u),
                    chief: chief(u),
                    date: crate::documents::date_dmy(&m.date),
                    time: m.time.clone(),
                    place: lang.pick(&m.place_kk, &m.place_ru).to_string(),
                    questions: lang.pick(&m.questions_kk, &m.questions_ru).to_string(),
                })
            })
            .collect(),
    }
}

/// A text value of RFC 5545 (3.3.11): backslash, semicolon, comma and line breaks escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character (RFC 5545 3.1), with
/// CRLF endings.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// `schedule.ics`: one event per meeting, its start in UTC (the local time less
/// `meeting.utc_offset_hours`), lasting `meeting.duration_minutes`, with the body's name, the
/// place and the chief in Kazakh and Russian.
pub fn ics(report: &Report, settings: &Settings) -> String {
    let utc = |date: &str, time: &str| -> Option<NaiveDateTime> {
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        let at = NaiveTime::parse_from_str(time, "%H:%M").ok()?;
        Some(day.and_time(at) - Duration::hours(i64::from(settings.meeting.utc_offset_hours)))
    };
    let stamp = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%SZ").to_string();
    let offset = settings.meeting.utc_offset_hours;
    let zone = format!("UTC{}{}", if offset < 0 { '−' } else { '+' }, offset.abs());
    let mut out = String::new();
    let department = report.units.first();
    for l in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:-//esep//esep {}//KK", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        // The times are in UTC; the meetings' own zone, for calendars that show it.
        format!("X-WR-TIMEZONE:{}", settings.meeting.time_zone),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!(
                "{} — {}",
                department.map_or("", |u| u.name_kk.as_str()),
                Lang::Kk.label("schedule_title")
            ))
        ),
    ] {
        line(&mut out, &l);
    }
    for u in scheduled(report) {
        let Some(m) = &u.meeting else { continue };
        let Some(start) = utc(&m.date, &m.time) else { continue };
        let announced =
            NaiveDate::parse_from_str(&m.announced, "%Y-%m-%d").map_or(start, |d| d.and_time(NaiveTime::MIN));
        let end = start + Duration::minutes(i64::from(settings.meeting.duration_minutes));
        let title =
            |lang: Lang| format!("{} — {}", lang.label("report_title"), lang.pick(&u.name_kk, &u.name_ru));
        let about = |lang: Lang| {
            format!(
                "{}: {} {}\n{}: {}, {} ({zone})\n{}: {}",
                lang.label("chief"),
                lang.pick(&u.chief_rank_kk, &u.chief_rank_ru),
                u.chief_name,
                lang.label("meeting_at"),
                crate::documents::date_dmy(&m.date),
                m.time,
                lang.label("send_questions"),
                lang.pick(&m.questions_kk, &m.questions_ru),
            )
        };
        for l in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{:02}-{}@esep", report.period.year, report.period.months, u.code),
            format!("DTSTAMP:{}", stamp(announced)),
            format!("DTSTART:{}", stamp(start)),
            format!("DTEND:{}", stamp(end)),
            format!("SUMMARY;LANGUAGE=kk:{}", escape(&title(Lang::Kk))),
            format!("LOCATION;LANGUAGE=kk:{}", escape(&format!("{} / {}", m.place_kk, m.place_ru))),
            format!(
                "DESCRIPTION:{}",
                escape(&format!("{}\n\n{}\n{}", about(Lang::Kk), title(Lang::Ru), about(Lang::Ru)))
            ),
            "STATUS:CONFIRMED".into(),
            "TRANSP:OPAQUE".into(),
            "END:VEVENT".into(),
        ] {
            line(&mut out, &l);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_fold_at_75_octets_between_characters() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "қ".repeat(60)));
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        // Unfolded, the line is whole again.
        assert_eq!(out.replace("\r\n ", "").trim_end(), format!("SUMMARY:{}", "қ".repeat(60)));
    }
}
