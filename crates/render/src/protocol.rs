//! The protocol workbook of a unit (`protocol.xlsx`), for the secretary to fill in at the
//! meeting (rules 12–18): the `protocol` sheet pre-filled with what the pack knows (the body,
//! its chief, date, place, hall, secretary), `decisions` blank, and `items` pre-filled with the
//! questions sent ahead, their registration numbers kept. Headers, drop-downs and pre-filled
//! choices in one language, the secretary's (either language is read back).

use chrono::NaiveDate;
use esep_analysis::UnitReport;
use esep_ingest::contract::{self, SourceId};
use rust_xlsxwriter::XlsxError;

use crate::contract_xlsx::{Cell, ContractOptions, choice_cell, contract_book, text};
use crate::lang::Lang;

/// The kind of a question sent ahead as the protocol names it: a request is a question.
fn item_kind(appeal_kind: &str) -> &str {
    match appeal_kind {
        "complaint" | "proposal" => appeal_kind,
        _ => "question",
    }
}

/// The rows of the protocol workbook's three sheets, one cell per contract column.
#[derive(Debug, Clone)]
pub struct ProtocolRows {
    /// `protocol`: one row.
    pub protocol: Vec<Vec<Cell>>,
    /// `decisions`.
    pub decisions: Vec<Vec<Cell>>,
    /// `items`.
    pub items: Vec<Vec<Cell>>,
}

/// `protocol.xlsx` of `unit` in `lang`, dated `created` (the pack's fixed date, for identical
/// bytes).
pub fn protocol_workbook(unit: &UnitReport, created: NaiveDate, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    protocol_book(unit, &protocol_rows(unit, lang), created, lang)
}

/// The pre-filled rows of `unit`'s protocol workbook, choices in `lang`.
pub fn protocol_rows(unit: &UnitReport, lang: Lang) -> ProtocolRows {
    let date = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_or(Cell::Empty, Cell::Date);
    let m = unit.meeting.as_ref();
    let protocol = vec![vec![
        text(unit.code.as_str()),
        text(&unit.name_kk),
        text(&unit.name_ru),
        text(format!("{} {}", unit.chief_rank_kk, unit.chief_name)),
        text(format!("{} {}", unit.chief_rank_ru, unit.chief_name)),
        m.map_or(Cell::Empty, |m| date(&m.date)),
        text(m.map_or("", |m| m.place_kk.as_str())),
        text(m.map_or("", |m| m.place_ru.as_str())),
        m.map_or(Cell::Empty, |m| Cell::Number(m.capacity as f64)),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        text(m.map_or("", |m| m.secretary.as_str())),
        Cell::Empty,
        Cell::Empty,
    ]];
    let items: Vec<Vec<Cell>> = unit
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            vec![
                Cell::Number((i + 1) as f64),
                text(&q.id),
                Cell::Empty,
                Cell::Empty,
                choice_cell(contract::APPLICANTS, &q.applicant, lang),
                choice_cell(contract::ITEM_KINDS, item_kind(&q.kind), lang),
                text(&q.topic),
                choice_cell(contract::LANGUAGES, &q.topic_language, lang),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]
        })
        .collect();
    ProtocolRows { protocol, decisions: Vec::new(), items }
}

/// The protocol workbook of `unit` with `rows`, in `lang`.
pub fn protocol_book(
    unit: &UnitReport,
    rows: &ProtocolRows,
    created: NaiveDate,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let source = contract::source;
    let parts: [(&contract::Source, &[Vec<Cell>]); 3] = [
        (source(SourceId::Protocol), &rows.protocol),
        (source(SourceId::Decisions), &rows.decisions),
        (source(SourceId::Items), &rows.items),
    ];
    let opts = ContractOptions { lang, unit_codes: &[], created };
    contract_book(
        &parts,
        &opts,
        (format!("esep: protocol {}", unit.code), lang.pick(&unit.name_kk, &unit.name_ru).to_string()),
    )
}

/// Everything `protocol-final.typ` shows, in one language.
#[derive(Debug, serde::Serialize)]
pub struct FinalData {
    lang: &'static str,
    labels: &'static std::collections::BTreeMap<String, String>,
    unit: String,
    chief: String,
    date: String,
    place: String,
    time: String,
    drawn_up: String,
    participants: String,
    capacity: String,
    secretary: String,
    decisions: Vec<String>,
    items: Vec<FinalItem>,
}

#[derive(Debug, serde::Serialize)]
struct FinalItem {
    number: String,
    registration: String,
    who: String,
    contact: String,
    kind: String,
    text: String,
    answered: String,
    answer: String,
    forwarded: String,
    responsible: String,
}

/// The final protocol's data in `lang`: the meeting as recorded, decisions and items quoted as
/// written (their language named where it is not the document's), numbered for registration.
pub fn final_data(p: &esep_ingest::protocol::Protocol, lang: Lang) -> FinalData {
    let quoted = |text: &str, written: &str| crate::documents::quoted(text, written, lang);
    let yes_no =
        |b: bool| crate::documents::choice_label(contract::YES_NO, if b { "yes" } else { "no" }, lang);
    FinalData {
        lang: lang.code(),
        labels: lang.labels(),
        unit: lang.pick(&p.unit_kk, &p.unit_ru).to_string(),
        chief: lang.pick(&p.chief_kk, &p.chief_ru).to_string(),
        date: p.date.format("%d.%m.%Y").to_string(),
        place: lang.pick(&p.place_kk, &p.place_ru).to_string(),
        time: format!("{}–{}", p.start, p.end),
        drawn_up: p.drawn_up.format("%d.%m.%Y").to_string(),
        participants: p.participants.to_string(),
        capacity: p.capacity.map(|c| c.to_string()).unwrap_or_default(),
        secretary: [p.secretary_post.as_str(), p.secretary_rank.as_str(), p.secretary_name.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        decisions: p.decisions.iter().map(|d| quoted(&d.text, &d.language)).collect(),
        items: p
            .items
            .iter()
            .map(|it| FinalItem {
                number: it.number.to_string(),
                registration: it.registration.clone(),
                who: [
                    it.applicant_name.clone(),
                    crate::documents::choice_label(contract::APPLICANTS, &it.applicant, lang),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
                contact: it.contact.clone(),
                kind: crate::documents::choice_label(contract::ITEM_KINDS, &it.kind, lang),
                text: quoted(&it.text, &it.language),
                answered: yes_no(it.answered),
                // The answer and the competent body as written: quoted, with their language
                // named, in the other language's protocol.
                answer: crate::documents::as_written(&it.answer, lang),
                forwarded: if it.competence {
                    String::new()
                } else {
                    crate::documents::as_written(&it.competent_body, lang)
                },
                responsible: it.responsible.clone(),
            })
            .collect(),
    }
}
