//! Reads back the protocol workbook the secretary filled in (`protocol.xlsx`, see
//! [`crate::contract::PROTOCOL_SOURCES`]): every problem at once, at its sheet and cell, as for
//! the input folder; the protocol only when there is no error.
//!
//! Beside the types of the cells: one `protocol` row; the unit one of the pack's (when the pack
//! is known); drawn up on the day of the meeting (rule 14); no more participants than the hall
//! holds (rule 9, a warning); an item not answered in full names the applicant and a contact, so
//! that the answer can reach them (rule 16); an item outside police competence names the
//! competent body (rule 17).

use std::path::Path;

use chrono::NaiveDate;

use calamine::Reader;

use crate::cell::Value;
use crate::contract::{PROTOCOL_SOURCES, normalise};
use crate::diag::{Diagnostic, Msg, Severity};
use crate::read::Table;
use crate::workbook;

/// The meeting as held and recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Protocol {
    /// Unit code.
    pub unit: String,
    /// The body's name, Kazakh and Russian.
    pub unit_kk: String,
    /// Russian name.
    pub unit_ru: String,
    /// Its chief, rank and name, Kazakh.
    pub chief_kk: String,
    /// Russian.
    pub chief_ru: String,
    /// The day of the meeting.
    pub date: NaiveDate,
    /// Where, Kazakh.
    pub place_kk: String,
    /// Where, Russian.
    pub place_ru: String,
    /// The hall's seats, when given.
    pub capacity: Option<i64>,
    /// Started and ended, `HH:MM`.
    pub start: String,
    /// Ended.
    pub end: String,
    /// The day the protocol was drawn up.
    pub drawn_up: NaiveDate,
    /// Participants.
    pub participants: i64,
    /// The secretary: name, post and rank.
    pub secretary_name: String,
    /// Post.
    pub secretary_post: String,
    /// Rank (may be empty).
    pub secretary_rank: String,
    /// Decisions, by number.
    pub decisions: Vec<Decision>,
    /// Complaints, proposals, remarks and questions, by number.
    pub items: Vec<Item>,
}

/// One decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Its number.
    pub number: i64,
    /// As written.
    pub text: String,
    /// The language it is written in: `kk`, `ru` or `other`.
    pub language: String,
}

/// One complaint, proposal, remark or question.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its number in the protocol (rule 18 registers it under this number).
    pub number: i64,
    /// The registration number of a question sent ahead, or empty.
    pub registration: String,
    /// Who brought it.
    pub applicant_name: String,
    /// How to reach them.
    pub contact: String,
    /// Applicant type id, or empty.
    pub applicant: String,
    /// `complaint`, `proposal`, `remark` or `question`.
    pub kind: String,
    /// As said.
    pub text: String,
    /// The language it is written in: `kk`, `ru` or `other`.
    pub language: String,
    /// Answered in full at the meeting.
    pub answered: bool,
    /// The answer given.
    pub answer: String,
    /// Within police competence.
    pub competence: bool,
    /// The competent body, when not.
    pub competent_body: String,
    /// The officer responsible.
    pub responsible: String,
}

/// What reading a protocol workbook gave.
#[derive(Debug)]
pub struct ProtocolOutcome {
    /// The protocol, present only when no diagnostic is an error.
    pub protocol: Option<Protocol>,
    /// Errors and warnings, sorted by file, sheet and cell.
    pub diagnostics: Vec<Diagnostic>,
}

fn text(t: &Table, column: &str, i: usize) -> String {
    t.text(column, i).unwrap_or_default().to_string()
}

fn flag(t: &Table, column: &str, i: usize) -> Option<bool> {
    match t.get(column, i) {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    }
}

/// Reads and checks the protocol workbook at `path`; `units` are the pack's unit codes, when
/// known.
pub fn load_protocol(path: &Path, units: Option<&[String]>) -> ProtocolOutcome {
    let (name, tables, mut diagnostics) = read_book(path, PROTOCOL_SOURCES, "what-protocol");
    let protocol = match tables.as_slice() {
        [Some(p), Some(d), Some(i)] => check(p, d, i, units, &name, &mut diagnostics),
        _ => None,
    };
    crate::sort(&mut diagnostics);
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    ProtocolOutcome { protocol: protocol.filter(|_| clean), diagnostics }
}

/// Reads the sheets of `sources` from the workbook esep wrote at `path` (`what` it is: the id
/// of its name, for the message when a sheet is missing): the file's name, a table per source (`None` when its sheet
/// is missing or unreadable; an empty list when the file is), and every problem found.
pub(crate) fn read_book(
    path: &Path,
    sources: &'static [crate::Source],
    what: &'static str,
) -> (String, Vec<Option<Table>>, Vec<Diagnostic>) {
    let name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut diagnostics = Vec::new();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::file_error(&name, Msg::new("E-READ-FILE").arg("reason", e.to_string()));
            return (name, Vec::new(), vec![d]);
        }
    };
    let mut wb = match workbook::open(&bytes) {
        Ok(wb) => wb,
        Err(reason) => {
            let d =
                Diagnostic::file_error(&name, Msg::new("E-BOOK-UNREADABLE").arg("reason", reason.message()));
            return (name, Vec::new(), vec![d]);
        }
    };
    let sheets: Vec<String> = wb.sheet_names();
    let mut tables: Vec<Option<Table>> = Vec::new();
    for source in sources {
        let sheet: Option<&String> = sheets.iter().find(|s| {
            let n = normalise(s);
            [source.name, source.kk, source.ru].iter().any(|a| normalise(a) == n)
        });
        let Some(sheet) = sheet.cloned() else {
            diagnostics.push(Diagnostic::file_error(
                &name,
                Msg::new("E-NO-SHEET")
                    .arg("id", source.name)
                    .arg("source", source.named())
                    .arg("what", Msg::new(what)),
            ));
            tables.push(None);
            continue;
        };
        let table =
            crate::read::read_sheet_with(source, &name, &sheet, &mut diagnostics, |head, keep, row| {
                workbook::read_rows(&mut wb, &sheet, head, keep, row)
            });
        if let Some(t) = &table {
            crate::validate::check_keys(t, &mut diagnostics);
        }
        tables.push(table);
    }
    (name, tables, diagnostics)
}

fn check(
    p: &Table,
    d: &Table,
    items: &Table,
    units: Option<&[String]>,
    file: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Protocol> {
    if p.len() != 1 {
        out.push(Diagnostic::in_sheet(
            Severity::Error,
            file,
            &p.sheet,
            Msg::new("E-PROTOCOL-ROWS").arg("count", p.len()),
        ));
        return None;
    }
    let unit = text(p, "unit", 0);
    if let Some(units) = units
        && !units.contains(&unit)
    {
        out.push(p.diag(
            Severity::Error,
            "unit",
            0,
            Msg::new("E-PROTOCOL-UNIT").arg("unit", crate::text::visible(&unit)),
        ));
    }
    let (date, drawn_up) = (p.date("date", 0), p.date("drawn_up", 0));
    if let (Some(date), Some(drawn)) = (date, drawn_up)
        && date != drawn
    {
        out.push(
            p.diag(
                Severity::Error,
                "drawn_up",
                0,
                Msg::new("E-DRAWN-UP")
                    .arg("drawn", drawn.format("%d.%m.%Y").to_string())
                    .arg("date", date.format("%d.%m.%Y").to_string()),
            ),
        );
    }
    let (capacity, participants) = (p.int("capacity", 0), p.int("participants", 0));
    if let (Some(seats), Some(people)) = (capacity, participants)
        && people > seats
    {
        out.push(p.diag(
            Severity::Warning,
            "participants",
            0,
            Msg::new("W-HALL-OVERFULL").arg("people", people).arg("seats", seats),
        ));
    }
    let mut list = Vec::new();
    for i in 0..items.len() {
        let answered = flag(items, "answered", i);
        if answered.is_none() {
            out.push(items.diag(Severity::Error, "answered", i, Msg::new("E-ANSWERED-FLAG")));
        }
        if answered == Some(false) {
            for column in ["applicant_name", "contact"] {
                if items.text(column, i).is_none() {
                    out.push(items.diag(
                        Severity::Error,
                        column,
                        i,
                        Msg::new(if column == "contact" {
                            "E-CONTACT-MISSING"
                        } else {
                            "E-APPLICANT-MISSING"
                        }),
                    ));
                }
            }
        }
        let competence = flag(items, "competence", i);
        if competence == Some(false) && items.text("competent_body", i).is_none() {
            out.push(items.diag(Severity::Error, "competent_body", i, Msg::new("E-COMPETENT-BODY")));
        }
        let said = text(items, "text", i);
        list.push(Item {
            number: items.int("number", i).unwrap_or(0),
            registration: text(items, "registration", i),
            applicant_name: text(items, "applicant_name", i),
            contact: text(items, "contact", i),
            applicant: text(items, "applicant", i),
            kind: text(items, "kind", i),
            language: items.text("language", i).unwrap_or_else(|| crate::text::written_in(&said)).to_string(),
            text: said,
            answered: answered.unwrap_or(false),
            answer: text(items, "answer", i),
            competence: competence.unwrap_or(true),
            competent_body: text(items, "competent_body", i),
            responsible: text(items, "responsible", i),
        });
    }
    list.sort_by_key(|it| it.number);
    let mut decisions: Vec<Decision> = (0..d.len())
        .map(|i| {
            let said = text(d, "text", i);
            Decision {
                number: d.int("number", i).unwrap_or(0),
                language: d.text("language", i).unwrap_or_else(|| crate::text::written_in(&said)).to_string(),
                text: said,
            }
        })
        .collect();
    decisions.sort_by_key(|x| x.number);
    Some(Protocol {
        unit,
        unit_kk: text(p, "unit_kk", 0),
        unit_ru: text(p, "unit_ru", 0),
        chief_kk: text(p, "chief_kk", 0),
        chief_ru: text(p, "chief_ru", 0),
        date: date?,
        place_kk: text(p, "place_kk", 0),
        place_ru: text(p, "place_ru", 0),
        capacity,
        start: text(p, "start", 0),
        end: text(p, "end", 0),
        drawn_up: drawn_up?,
        participants: participants?,
        secretary_name: text(p, "secretary_name", 0),
        secretary_post: text(p, "secretary_post", 0),
        secretary_rank: text(p, "secretary_rank", 0),
        decisions,
        items: list,
    })
}
