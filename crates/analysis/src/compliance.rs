//! Compliance with the order, per unit and rule: met, not met, not yet due or not applicable,
//! each with the evidence it rests on (the value, and the file, sheet and cell it comes from).
//!
//! Assessed from the inputs alone: rule 4 (the meeting held, in the first quarter after a
//! 12-month period), 8.2 (announced in time; the evidence names the media, `outlets`), 11 (the
//! groups invited), 12–15 (the protocol) and 18 (its items registered) — not yet due until a
//! protocol is read back. With the computed report, also rule 6.1–6.10: each chapter of the
//! report has its content. Rules 16, 17 and 19 (the follow-up of the previous meeting's items)
//! from its register in the input folder's `followup/`.

use chrono::NaiveDate;
use esep_ingest::{Dataset, Msg, SourceId};
use polars::prelude::*;
use serde::Serialize;

use crate::model::UnitReport;
use crate::settings::Settings;

/// Where evidence sits: the source, column and sheet row of a cell.
type At<'a> = Option<(SourceId, &'a str, u32)>;

/// Makes one check of the unit being assessed.
type MakeCheck<'f> = dyn Fn(&str, Status, Msg, At<'_>) -> Check + 'f;

/// Where a rule stands for a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The inputs show the rule kept.
    Met,
    /// The inputs show it broken, or hold nothing that keeps it.
    NotMet,
    /// Its time has not come (the protocol before the meeting).
    NotYetDue,
    /// It does not apply (rule 4's quarter to an interim period).
    NotApplicable,
}

impl Status {
    /// Stable id, as in `compliance.json`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::NotMet => "not_met",
            Self::NotYetDue => "not_yet_due",
            Self::NotApplicable => "not_applicable",
        }
    }
}

/// One rule for one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Unit code.
    pub unit: String,
    /// The rule of the order: `4`, `6.1` … `6.10`, `8.2`, `11`, `12-15`, `18`.
    pub rule: String,
    /// Where it stands.
    pub status: Status,
    /// What it rests on, in words of any language (`compliance.json` holds the English).
    #[serde(serialize_with = "english")]
    pub evidence: Msg,
    /// The input file of the evidence, where there is one.
    pub file: Option<String>,
    /// Its sheet.
    pub sheet: Option<String>,
    /// Its cell, `A1`.
    pub cell: Option<String>,
}

/// Every check of every unit, in unit order (the units' input order), then rule order. `units`
/// (the computed report's) adds rule 6's chapters.
pub fn assess(data: &Dataset, settings: &Settings, units: Option<&[UnitReport]>) -> PolarsResult<Vec<Check>> {
    let m = &data.meeting;
    let meeting_unit = m.column("unit")?.str()?.clone();
    let date = m.column("date")?.cast(&DataType::Int32)?.i32()?.clone();
    let announced = m.column("announced")?.cast(&DataType::Int32)?.i32()?.clone();
    let outlets = m.column("outlets")?.str()?.clone();
    let invited = m.column("invited")?.str()?.clone();
    let rows = m.column(esep_ingest::frame::ROW)?.u32()?.clone();
    let codes = data.units.column("code")?.str()?.clone();
    let window = crate::rules::annual_window(data.period);
    let mut out = Vec::new();
    for code in codes.iter().flatten() {
        let check = |rule: &str, status: Status, evidence: Msg, at: At<'_>| {
            let place = at.map(|(source, column, row)| data.place(source, column, row));
            Check {
                unit: code.to_string(),
                rule: rule.to_string(),
                status,
                evidence,
                file: place.as_ref().map(|p| p.0.clone()),
                sheet: place.as_ref().and_then(|p| p.1.clone()),
                cell: place.and_then(|p| p.2),
            }
        };
        let i = (0..m.height()).find(|&i| meeting_unit.get(i) == Some(code));
        let Some(i) = i else {
            let none = Msg::new("ev-no-meeting-row");
            out.push(check("4", Status::NotMet, none.clone(), None));
            chapters(&mut out, code, units, &check);
            out.push(check("8.2", Status::NotMet, none.clone(), None));
            out.push(check("11", Status::NotMet, none, None));
            out.extend(protocol(data, code, &check));
            out.extend(follow_up(data, settings, code, None, units, &check));
            continue;
        };
        let row = rows.get(i).unwrap_or(0);
        let held = date.get(i).and_then(NaiveDate::from_epoch_days);
        let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
        out.push(match (held, window) {
            (Some(h), Some((first, last))) if (first..=last).contains(&h) => check(
                "4",
                Status::Met,
                Msg::new("ev-meeting-within")
                    .arg("date", day(h))
                    .arg("first", day(first))
                    .arg("last", day(last)),
                Some((SourceId::Meeting, "date", row)),
            ),
            (Some(h), Some((first, last))) => check(
                "4",
                Status::NotMet,
                Msg::new("ev-meeting-outside")
                    .arg("date", day(h))
                    .arg("first", day(first))
                    .arg("last", day(last)),
                Some((SourceId::Meeting, "date", row)),
            ),
            (Some(h), None) => check(
                "4",
                Status::NotApplicable,
                Msg::new("ev-interim").arg("months", data.period.months).arg("date", day(h)),
                Some((SourceId::Meeting, "date", row)),
            ),
            (None, _) => {
                check("4", Status::NotMet, Msg::new("ev-no-date"), Some((SourceId::Meeting, "date", row)))
            }
        });
        chapters(&mut out, code, units, &check);
        let said = announced.get(i).and_then(NaiveDate::from_epoch_days);
        out.push(match (held, said) {
            (Some(h), Some(a)) => {
                let days = (h - a).num_days();
                let status = if days >= i64::from(settings.meeting.announce_days) {
                    Status::Met
                } else {
                    Status::NotMet
                };
                check(
                    "8.2",
                    status,
                    Msg::new("ev-announced")
                        .arg("date", day(a))
                        .arg("outlets", outlets.get(i).unwrap_or_default())
                        .arg("days", days)
                        .arg("required", settings.meeting.announce_days),
                    Some((SourceId::Meeting, "announced", row)),
                )
            }
            _ => check(
                "8.2",
                Status::NotMet,
                Msg::new("ev-no-announcement"),
                Some((SourceId::Meeting, "announced", row)),
            ),
        });
        let asked: Vec<&str> = invited.get(i).unwrap_or_default().split(';').collect();
        let missing: Vec<&esep_ingest::contract::Choice> = esep_ingest::contract::INVITEES
            .iter()
            .filter(|g| g.id != "local_executive" && !asked.contains(&g.id))
            .collect();
        out.push(if missing.is_empty() {
            check("11", Status::Met, Msg::new("ev-all-invited"), Some((SourceId::Meeting, "invited", row)))
        } else {
            check(
                "11",
                Status::NotMet,
                {
                    let list = |pick: fn(&esep_ingest::contract::Choice) -> &'static str| {
                        missing.iter().map(|g| pick(g)).collect::<Vec<_>>().join(", ")
                    };
                    Msg::new("ev-not-invited").name(
                        "groups",
                        &list(|g| g.kk),
                        &list(|g| g.ru),
                        &list(|g| g.id),
                    )
                },
                Some((SourceId::Meeting, "invited", row)),
            )
        });
        out.extend(protocol(data, code, &check));
        out.extend(follow_up(data, settings, code, held, units, &check));
    }
    Ok(out)
}

/// Rules 16 (items within competence answered within the APPC terms), 17 (items outside it
/// forwarded in time, the applicant told) and 19 (the execution controlled: no item left past
/// its term), from the register of the unit's previous meeting in `followup/`, as of this
/// period's meeting; not yet due without one.
fn follow_up(
    data: &Dataset,
    settings: &Settings,
    code: &str,
    held: Option<NaiveDate>,
    units: Option<&[UnitReport]>,
    check: &MakeCheck<'_>,
) -> [Check; 3] {
    use crate::followup::{ItemControl, State};
    // The computed report already holds it; the inputs alone (validate) compute it here.
    let prev = match units.and_then(|us| us.iter().find(|u| u.code.as_str() == code)) {
        Some(unit) => unit.followup.clone(),
        None => crate::followup::previous(&data.registers, settings, code, held, data.period.end()),
    };
    let Some(prev) = prev else {
        let none = Msg::new("ev-no-register");
        return [
            check("16", Status::NotYetDue, none.clone(), None),
            check("17", Status::NotYetDue, none.clone(), None),
            check("19", Status::NotYetDue, none, None),
        ];
    };
    let numbers = |items: &[&ItemControl]| {
        let list = items.iter().map(|it| it.number.to_string()).collect::<Vec<_>>().join(", ");
        Msg::new("ev-items").arg("count", items.len()).arg("list", list)
    };
    let as_of = prev.as_of.format("%d.%m.%Y").to_string();
    let assess = |rule: &str, items: Vec<&ItemControl>, what: &'static str| {
        let late: Vec<&ItemControl> = items
            .iter()
            .copied()
            .filter(|it| it.overdue || it.on_time == Some(false) || it.not_notified)
            .collect();
        let open: Vec<&ItemControl> = items.iter().copied().filter(|it| it.state == State::Open).collect();
        let (status, evidence) = if items.is_empty() {
            (
                Status::NotApplicable,
                Msg::new(what).arg("meeting", prev.meeting.format("%d.%m.%Y").to_string()),
            )
        } else if !late.is_empty() {
            (
                Status::NotMet,
                Msg::new("ev-past-term").arg("items", numbers(&late)).arg("date", as_of.as_str()),
            )
        } else if !open.is_empty() {
            (
                Status::NotYetDue,
                Msg::new("ev-within-term").arg("items", numbers(&open)).arg("date", as_of.as_str()),
            )
        } else {
            (Status::Met, Msg::new("ev-done").arg("items", numbers(&items)))
        };
        let mut c = check(rule, status, evidence, None);
        c.file = Some(prev.file.clone());
        c
    };
    let within: Vec<&ItemControl> =
        prev.items.iter().filter(|it| it.state != State::Forwarded && it.competence).collect();
    let outside: Vec<&ItemControl> =
        prev.items.iter().filter(|it| it.state == State::Forwarded || !it.competence).collect();
    let rule19 = {
        let overdue: Vec<&ItemControl> = prev.items.iter().filter(|it| it.overdue).collect();
        let (status, evidence) = if overdue.is_empty() {
            (
                Status::Met,
                Msg::new("ev-none-overdue").arg("count", prev.items.len()).arg("date", as_of.as_str()),
            )
        } else {
            (
                Status::NotMet,
                Msg::new("ev-open-past-term").arg("items", numbers(&overdue)).arg("date", as_of.as_str()),
            )
        };
        let mut c = check("19", status, evidence, None);
        c.file = Some(prev.file.clone());
        c
    };
    [assess("16", within, "ev-no-item-within"), assess("17", outside, "ev-no-item-outside"), rule19]
}

/// Rule 6.1–6.10 for one unit: a chapter of figures (items 1–7) has a public figure with a
/// value; a chapter of text (items 8–10) has a paragraph.
fn chapters(out: &mut Vec<Check>, code: &str, units: Option<&[UnitReport]>, check: &MakeCheck<'_>) {
    let Some(unit) = units.and_then(|us| us.iter().find(|u| u.code.as_str() == code)) else { return };
    for item in 1..=10u8 {
        let rule = format!("6.{item}");
        let (n, what) = match item {
            1..=7 => (
                unit.figures
                    .iter()
                    .filter(|f| f.item == item && !f.restricted && f.current.is_some())
                    .count(),
                "ev-figures",
            ),
            _ => {
                let section = ["legislation", "local_problems", "other"][usize::from(item - 8)];
                (unit.narrative.iter().filter(|p| p.section == section).count(), "ev-paragraphs")
            }
        };
        let status = if n > 0 { Status::Met } else { Status::NotMet };
        out.push(check(&rule, status, Msg::new(what).arg("count", n), None));
    }
}

/// Rules 12–15 (the protocol, drawn up the day of the meeting with its fields, to be signed by
/// the secretary and the chief) and 18 (its items numbered for registration), from the unit's
/// protocol in the input folder's `protocols/`; not yet due without one.
fn protocol(data: &Dataset, code: &str, check: &MakeCheck<'_>) -> [Check; 2] {
    let read = data.protocols.iter().find(|p| {
        p.protocol
            .as_ref()
            .map_or_else(|| p.file.trim_end_matches(".xlsx").ends_with(code), |x| x.unit == code)
    });
    let with_file = |mut c: Check, file: &str| {
        c.file = Some(file.to_string());
        c
    };
    match read {
        None => [
            check("12-15", Status::NotYetDue, Msg::new("ev-no-protocol"), None),
            check("18", Status::NotYetDue, Msg::new("ev-no-protocol"), None),
        ],
        Some(r) => match &r.protocol {
            None => {
                let why = r.error.clone().unwrap_or_default();
                [
                    with_file(
                        check(
                            "12-15",
                            Status::NotMet,
                            Msg::new("ev-protocol-unreadable-why").arg("reason", why),
                            None,
                        ),
                        &r.file,
                    ),
                    with_file(check("18", Status::NotMet, Msg::new("ev-protocol-unreadable"), None), &r.file),
                ]
            }
            Some(p) => [
                with_file(
                    check(
                        "12-15",
                        Status::Met,
                        Msg::new("ev-protocol")
                            .arg("date", p.drawn_up.format("%d.%m.%Y").to_string())
                            .arg("start", p.start.as_str())
                            .arg("end", p.end.as_str())
                            .arg("participants", p.participants)
                            .arg("secretary", p.secretary_name.as_str()),
                        None,
                    ),
                    &r.file,
                ),
                with_file(
                    check("18", Status::Met, Msg::new("ev-numbered").arg("count", p.items.len()), None),
                    &r.file,
                ),
            ],
        },
    }
}

/// One line per unit with a rule not met: `SRK-KTL: not met — rule 8.2 (announced …); rule 11 (…)`.
pub fn summary(checks: &[Check]) -> Vec<Msg> {
    let mut units: Vec<&str> = Vec::new();
    for c in checks {
        if !units.contains(&c.unit.as_str()) {
            units.push(&c.unit);
        }
    }
    units
        .into_iter()
        .filter_map(|unit| {
            let failed: Vec<Msg> = checks
                .iter()
                .filter(|c| c.unit == unit && c.status == Status::NotMet)
                .map(|c| {
                    Msg::new("rule-evidence").arg("rule", c.rule.as_str()).arg("evidence", c.evidence.clone())
                })
                .collect();
            (!failed.is_empty()).then(|| {
                Msg::new("not-met").arg("unit", unit).arg(
                    "rules",
                    esep_ingest::Arg::List(failed.into_iter().map(esep_ingest::Arg::from).collect()),
                )
            })
        })
        .collect()
}

/// Serialises words as their English text.
fn english<S: serde::Serializer>(m: &Msg, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.text(esep_ingest::Lang::En))
}
