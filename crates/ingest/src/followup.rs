//! Reads back a follow-up register (`followup.xlsx`, see [`crate::contract::REGISTER_SOURCES`]):
//! every problem at once, at its sheet and cell; the register only when there is no error.
//!
//! Checked here, beside the types of the cells: one `meeting` row; the unit one of the pack's
//! (when known); every row an item of the protocol not answered in full; no date before the
//! meeting; a forwarding names the body it went to; an outcome has its date and a date its
//! outcome; an extension has its reason. The terms themselves (an extension decided within the
//! 15 working days) need the calendar of the settings and are checked by the analysis.

use std::path::Path;

use chrono::NaiveDate;

use crate::contract::REGISTER_SOURCES;
use crate::diag::{Arg, Diagnostic, Msg, Severity};
use crate::read::Table;

/// One unit's register: the meeting and the items it follows.
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    /// File name the register was read from.
    pub file: String,
    /// Unit code.
    pub unit: String,
    /// The body's name, Kazakh.
    pub unit_kk: String,
    /// Russian.
    pub unit_ru: String,
    /// Its chief, Kazakh.
    pub chief_kk: String,
    /// Russian.
    pub chief_ru: String,
    /// The day of the meeting: every term counts from it.
    pub meeting: NaiveDate,
    /// Items the protocol recorded (answered in full or not).
    pub recorded: i64,
    /// Numbers of the protocol's items not answered in full.
    pub followed: Vec<i64>,
    /// The items, by number.
    pub items: Vec<Entry>,
    /// The `register` sheet's name and, per contract column, its sheet column (for diagnostics).
    pub sheet: String,
    /// 0-based sheet column of each contract column of `register`, by id.
    pub columns: Vec<(&'static str, Option<u32>)>,
}

/// One item followed up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// 0-based sheet row.
    pub row: u32,
    /// Its number in the protocol.
    pub number: i64,
    /// Registration number, or empty.
    pub registration: String,
    /// Who brought it (never printed in a public document).
    pub applicant_name: String,
    /// How to reach them (never printed in a public document).
    pub contact: String,
    /// `complaint`, `proposal`, `remark` or `question`.
    pub kind: String,
    /// As said.
    pub text: String,
    /// The language it is written in: `kk`, `ru` or `other`.
    pub language: String,
    /// Within police competence (rule 17 when not).
    pub competence: bool,
    /// The officer responsible.
    pub responsible: String,
    /// Forwarded to the competent body on.
    pub forwarded_on: Option<NaiveDate>,
    /// The body it went to.
    pub forwarded_to: String,
    /// Applicant told of the forwarding on.
    pub notified_on: Option<NaiveDate>,
    /// Term extended on.
    pub extended_on: Option<NaiveDate>,
    /// Why.
    pub extension_reason: String,
    /// Applicant told of the extension on.
    pub extension_notified_on: Option<NaiveDate>,
    /// Answered on.
    pub answered_on: Option<NaiveDate>,
    /// The answer in brief.
    pub answer: String,
    /// `satisfied`, `explained`, `rejected`, `forwarded`, or empty.
    pub outcome: String,
}

impl Register {
    /// A diagnostic at `column` of item `i` of the `register` sheet.
    pub fn diag(&self, severity: Severity, column: &str, i: usize, message: Msg) -> Diagnostic {
        let col = self.columns.iter().find(|(id, _)| *id == column).and_then(|(_, c)| *c).unwrap_or(0);
        let row = self.items.get(i).map_or(0, |e| e.row);
        Diagnostic::new(
            severity,
            &self.file,
            Some(self.sheet.clone()),
            Some(crate::diag::a1(row, col)),
            message,
        )
    }
}

/// What reading a register gave.
#[derive(Debug)]
pub struct RegisterOutcome {
    /// The register, present only when no diagnostic is an error.
    pub register: Option<Register>,
    /// Errors and warnings, sorted by file, sheet and cell.
    pub diagnostics: Vec<Diagnostic>,
}

/// The dates a row may carry, with what they record in English words (for messages; Kazakh
/// and Russian ones name the column's header).
pub const DATES: &[(&str, &str)] = &[
    ("forwarded_on", "forwarded"),
    ("notified_on", "applicant told of the forwarding"),
    ("extended_on", "term extended"),
    ("extension_notified_on", "applicant told of the extension"),
    ("answered_on", "answered"),
];

/// Reads and checks the register at `path`; `units` are the pack's unit codes, when known.
/// `file` names it in diagnostics (its path inside the input folder, or as given).
pub fn load_register(path: &Path, file: Option<&str>, units: Option<&[String]>) -> RegisterOutcome {
    let (name, tables, mut diagnostics) = crate::protocol::read_book(path, REGISTER_SOURCES, "what-register");
    let name = file.map_or(name, str::to_string);
    for d in &mut diagnostics {
        d.file.clone_from(&name);
    }
    let register = match tables.as_slice() {
        [Some(m), Some(r)] => {
            let (mut m, mut r) = (m.clone(), r.clone());
            m.file.clone_from(&name);
            r.file.clone_from(&name);
            check(&m, &r, units, &name, &mut diagnostics)
        }
        _ => None,
    };
    crate::sort(&mut diagnostics);
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    RegisterOutcome { register: register.filter(|_| clean), diagnostics }
}

/// An error when `registers` already hold one of `r`'s unit and meeting: each meeting is
/// followed in one register.
pub fn second_register(registers: &[Register], r: &Register) -> Option<Diagnostic> {
    let first = registers.iter().find(|o| o.unit == r.unit && o.meeting == r.meeting)?;
    Some(Diagnostic::file_error(
        &r.file,
        Msg::new("E-SECOND-REGISTER")
            .arg("unit", r.unit.as_str())
            .arg("meeting", r.meeting.format("%d.%m.%Y").to_string())
            .arg("first", first.file.as_str()),
    ))
}

fn text(t: &Table, column: &str, i: usize) -> String {
    t.text(column, i).unwrap_or_default().to_string()
}

/// The item numbers of the `followed` cell: `2; 5; 7` (any of `;`, `,` or spaces between).
fn numbers(cell: &str) -> Option<Vec<i64>> {
    cell.split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<i64>().ok().filter(|n| *n > 0))
        .collect()
}

fn check(
    m: &Table,
    r: &Table,
    units: Option<&[String]>,
    file: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Register> {
    if m.len() != 1 {
        out.push(Diagnostic::in_sheet(
            Severity::Error,
            file,
            &m.sheet,
            Msg::new("E-MEETING-ROWS").arg("count", m.len()),
        ));
        return None;
    }
    let unit = text(m, "unit", 0);
    if let Some(units) = units
        && !units.contains(&unit)
    {
        out.push(m.diag(
            Severity::Error,
            "unit",
            0,
            Msg::new("E-REGISTER-UNIT").arg("unit", crate::text::visible(&unit)),
        ));
    }
    let followed = match numbers(m.text("followed", 0).unwrap_or_default()) {
        Some(list) => list,
        None => {
            out.push(
                m.diag(
                    Severity::Error,
                    "followed",
                    0,
                    Msg::new("E-FOLLOWED")
                        .arg("found", crate::text::visible(m.text("followed", 0).unwrap_or_default())),
                ),
            );
            Vec::new()
        }
    };
    let meeting = m.date("date", 0);
    let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let mut items = Vec::new();
    for i in 0..r.len() {
        let number = r.int("number", i).unwrap_or(0);
        if number > 0 && !followed.contains(&number) {
            out.push(
                r.diag(
                    Severity::Error,
                    "number",
                    i,
                    Msg::new("E-ITEM-NOT-FOLLOWED").arg("item", number).arg("count", followed.len()).arg(
                        "items",
                        followed.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                    ),
                ),
            );
        }
        if let Some(held) = meeting {
            for (column, what) in DATES {
                if let Some(d) = r.date(column, i)
                    && d < held
                {
                    out.push(
                        r.diag(
                            Severity::Error,
                            column,
                            i,
                            Msg::new("E-BEFORE-MEETING")
                                .arg("column", {
                                    let header = r.source.column(column);
                                    let (kk, ru) = header.map_or((*column, *column), |c| (c.kk, c.ru));
                                    Arg::Name(Box::new([kk.to_string(), ru.to_string(), what.to_string()]))
                                })
                                .arg("date", day(d))
                                .arg("meeting", day(held)),
                        ),
                    );
                }
            }
        }
        let (forwarded_on, forwarded_to) = (r.date("forwarded_on", i), r.text("forwarded_to", i));
        let outcome = text(r, "outcome", i);
        // The body alone is where it is to go (pre-filled from the protocol): still open.
        match (forwarded_on, forwarded_to) {
            (Some(d), None) => out.push(r.diag(
                Severity::Error,
                "forwarded_to",
                i,
                Msg::new("E-FORWARDED-TO").arg("date", day(d)),
            )),
            (None, None) if outcome == "forwarded" => {
                out.push(r.diag(Severity::Error, "forwarded_on", i, Msg::new("E-FORWARDED-ON")))
            }
            _ => {}
        }
        if forwarded_on.is_none() && r.date("notified_on", i).is_some() {
            out.push(r.diag(Severity::Error, "notified_on", i, Msg::new("E-NOTIFIED-NOT-FORWARDED")));
        }
        let answered_on = r.date("answered_on", i);
        match (answered_on, outcome.as_str()) {
            (None, "satisfied" | "explained" | "rejected") => out.push(r.diag(
                Severity::Error,
                "answered_on",
                i,
                Msg::new("E-ANSWERED-ON").arg("outcome", outcome.as_str()),
            )),
            (Some(d), "") => out.push(r.diag(
                Severity::Error,
                "outcome",
                i,
                Msg::new("E-REGISTER-OUTCOME").arg("date", day(d)),
            )),
            _ => {}
        }
        let extended_on = r.date("extended_on", i);
        if let Some(d) = extended_on
            && r.text("extension_reason", i).is_none()
        {
            out.push(r.diag(
                Severity::Error,
                "extension_reason",
                i,
                Msg::new("E-EXTENSION-REASON").arg("date", day(d)),
            ));
        }
        if extended_on.is_none() && r.date("extension_notified_on", i).is_some() {
            out.push(r.diag(
                Severity::Error,
                "extension_notified_on",
                i,
                Msg::new("E-NOTIFIED-NOT-EXTENDED"),
            ));
        }
        let said = text(r, "text", i);
        items.push(Entry {
            row: r.rows[i],
            number,
            registration: text(r, "registration", i),
            applicant_name: text(r, "applicant_name", i),
            contact: text(r, "contact", i),
            kind: text(r, "kind", i),
            language: r.text("language", i).unwrap_or_else(|| crate::text::written_in(&said)).to_string(),
            text: said,
            competence: !matches!(r.get("competence", i), Some(crate::cell::Value::Bool(false))),
            responsible: text(r, "responsible", i),
            forwarded_on,
            forwarded_to: text(r, "forwarded_to", i),
            notified_on: r.date("notified_on", i),
            extended_on,
            extension_reason: text(r, "extension_reason", i),
            extension_notified_on: r.date("extension_notified_on", i),
            answered_on,
            answer: text(r, "answer", i),
            outcome,
        });
    }
    for n in &followed {
        if !items.iter().any(|e| e.number == *n) {
            out.push(m.diag(
                Severity::Error,
                "followed",
                0,
                Msg::new("E-ITEM-NOT-IN-REGISTER").arg("item", *n),
            ));
        }
    }
    items.sort_by_key(|e| e.number);
    let columns = r.source.columns.iter().zip(&r.positions).map(|(c, p)| (c.id, *p)).collect();
    Some(Register {
        file: file.to_string(),
        unit,
        unit_kk: text(m, "unit_kk", 0),
        unit_ru: text(m, "unit_ru", 0),
        chief_kk: text(m, "chief_kk", 0),
        chief_ru: text(m, "chief_ru", 0),
        meeting: meeting?,
        recorded: m.int("recorded", 0).unwrap_or(0),
        followed,
        items,
        sheet: r.sheet.clone(),
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers_of_the_followed_cell() {
        assert_eq!(numbers("2; 5;7"), Some(vec![2, 5, 7]));
        assert_eq!(numbers("3, 4 9"), Some(vec![3, 4, 9]));
        assert_eq!(numbers(""), Some(vec![]));
        assert_eq!(numbers("2; x"), None);
        assert_eq!(numbers("0"), None);
    }
}
