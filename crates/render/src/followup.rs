//! The follow-up of a meeting (rules 16, 17, 19): the register `esep protocol` writes beside the
//! protocol (`followup.xlsx`), and the control report `esep followup` makes of registers —
//! `control.kk.pdf`, `control.ru.pdf` and `control.xlsx`. Every date shown comes with the term
//! it keeps and the norm that sets it (the article of the Administrative Procedural Code and the
//! rule of the order), from analysis; nothing is computed here.

use chrono::{Datelike, NaiveDate};
use esep_analysis::Settings;
use esep_analysis::followup::{Basis, Control, ItemControl, State, Term, Terms, UnitControl};
use esep_ingest::contract::{self, SourceId};
use esep_ingest::protocol::Protocol;
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatFormula, DocProperties,
    ExcelDateTime, Format, FormatAlign, Workbook, XlsxError,
};
use serde::Serialize;

use crate::contract_xlsx::{Cell, ContractOptions, choice_cell, contract_book, text};
use crate::documents::as_written;
use crate::lang::Lang;
use crate::narrative::ru_form;

fn day(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn label(lang: Lang, key: &str) -> String {
    lang.label(key)
}

/// A term in words with its norm: «15 жұмыс күні (ӘРПК 76-бабы, 16-тармақ)», «3 рабочих дня
/// (ст. 65 АППК, пункт 17)», «2 месяца (продлённый срок, ст. 76 АППК)».
pub fn term_words(term: &Term, lang: Lang) -> String {
    let n = term.length;
    let (article, rule) = (term.basis.article(), term.basis.rule());
    match (lang, term.basis) {
        (Lang::Kk, Basis::Extended) => format!("{n} ай (ұзартылған мерзім, ӘРПК {article}-бабы)"),
        (Lang::Kk, _) => format!("{n} жұмыс күні (ӘРПК {article}-бабы, {rule}-тармақ)"),
        (Lang::Ru, Basis::Extended) => {
            let noun = ["месяц", "месяца", "месяцев"][ru_form(u64::from(n))];
            format!("{n} {noun} (продлённый срок, ст. {article} АППК)")
        }
        (Lang::Ru, _) => {
            let noun = ["рабочий день", "рабочих дня", "рабочих дней"][ru_form(u64::from(n))];
            format!("{n} {noun} (ст. {article} АППК, пункт {rule})")
        }
    }
}

/// The register's `term` cell: the date, then the term and its norm in the register's language.
fn term_cell(term: &Term, lang: Lang) -> String {
    format!("{} — {}", day(term.due), term_words(term, lang))
}

/// `followup.xlsx` of the protocol `p` in `lang`: a row for each item not answered in full,
/// pre-filled from the protocol with its first term; its creation date is the meeting's.
pub fn register_workbook(p: &Protocol, settings: &Settings, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let terms = Terms::new(settings, p.date, p.date);
    let followed: Vec<&esep_ingest::protocol::Item> = p.items.iter().filter(|it| !it.answered).collect();
    let numbers: Vec<String> = followed.iter().map(|it| it.number.to_string()).collect();
    let meeting = vec![vec![
        text(&p.unit),
        text(&p.unit_kk),
        text(&p.unit_ru),
        text(&p.chief_kk),
        text(&p.chief_ru),
        Cell::Date(p.date),
        Cell::Number(p.items.len() as f64),
        text(numbers.join("; ")),
    ]];
    let width = contract::source(SourceId::Register).columns.len();
    let rows: Vec<Vec<Cell>> = followed
        .iter()
        .map(|it| {
            let mut row = vec![
                Cell::Number(it.number as f64),
                text(&it.registration),
                text(&it.applicant_name),
                text(&it.contact),
                choice_cell(contract::ITEM_KINDS, &it.kind, lang),
                text(&it.text),
                choice_cell(contract::LANGUAGES, &it.language, lang),
                choice_cell(contract::YES_NO, if it.competence { "yes" } else { "no" }, lang),
                text(&it.responsible),
                Cell::Text(term_cell(&terms.first_term(p.date, it.competence), lang)),
            ];
            // Outside competence, the body the protocol names is where it goes.
            row.resize(width, Cell::Empty);
            if !it.competence {
                row[11] = text(&it.competent_body);
            }
            row
        })
        .collect();
    let parts: [(&contract::Source, &[Vec<Cell>]); 2] = [
        (contract::source(SourceId::RegisterMeeting), &meeting),
        (contract::source(SourceId::Register), &rows),
    ];
    let opts = ContractOptions { lang, unit_codes: &[], created: p.date };
    contract_book(
        &parts,
        &opts,
        (format!("esep: follow-up {}", p.unit), lang.pick(&p.unit_kk, &p.unit_ru).to_string()),
    )
}

/// Counts in the order of the control report's columns, with their labels.
const COUNTS: &[&str] = &[
    "c_items",
    "c_open",
    "c_due_soon",
    "c_overdue",
    "c_answered_on_time",
    "c_answered_late",
    "c_forwarded_on_time",
    "c_forwarded_late",
    "c_not_notified",
];

/// Counts that call for the chief's attention when not zero (red in the documents).
const ALERTS: &[&str] = &["c_overdue", "c_answered_late", "c_forwarded_late", "c_not_notified"];

fn count_values(c: &esep_analysis::followup::Counts) -> [usize; 9] {
    [
        c.items,
        c.open,
        c.due_soon,
        c.overdue,
        c.answered_on_time,
        c.answered_late,
        c.forwarded_on_time,
        c.forwarded_late,
        c.not_notified,
    ]
}

/// Where an item stands, in words of `lang`, for the staff: «мерзімі 15.04.2026 өтті».
pub fn state_words(it: &ItemControl, lang: Lang) -> String {
    let outcome = crate::documents::choice_label(contract::FOLLOWUP_OUTCOMES, &it.outcome, lang);
    let due = day(it.term.due);
    let mut s = match (it.state, lang) {
        (State::Open, Lang::Kk) if it.overdue => format!("орындалмады, мерзімі {due} өтті"),
        (State::Open, Lang::Ru) if it.overdue => format!("не исполнено, срок истёк {due}"),
        (State::Open, Lang::Kk) => format!("орындалуда, мерзімі {due}"),
        (State::Open, Lang::Ru) => format!("на исполнении, срок {due}"),
        (State::Answered, Lang::Kk) => {
            format!("{} жауап берілді ({})", day(it.done_on.unwrap_or(it.term.due)), outcome.to_lowercase())
        }
        (State::Answered, Lang::Ru) => {
            format!("ответ дан {} ({})", day(it.done_on.unwrap_or(it.term.due)), outcome.to_lowercase())
        }
        (State::Forwarded, Lang::Kk) => {
            format!(
                "{} жіберілді: {}",
                day(it.done_on.unwrap_or(it.term.due)),
                as_written(&it.forwarded_to, lang)
            )
        }
        (State::Forwarded, Lang::Ru) => {
            format!(
                "направлено {}: {}",
                day(it.done_on.unwrap_or(it.term.due)),
                as_written(&it.forwarded_to, lang)
            )
        }
    };
    if it.on_time == Some(false) {
        s.push_str(lang.pick(", мерзімі бұзылды", ", с нарушением срока"));
    }
    if it.not_notified {
        s.push_str(lang.pick("; өтініш берушіге уақытында хабарланбады", "; заявитель не уведомлён в срок"));
    }
    s
}

/// What became of an item, in plain words for the public report: «ответ дан 12.02.2026:
/// разъяснено», «направлено по компетенции 04.02.2026: акимат города», «рассматривается, срок
/// истёк 23.02.2026». No applicant's name or contact.
pub fn public_outcome(it: &ItemControl, lang: Lang) -> String {
    let outcome =
        crate::documents::choice_label(contract::FOLLOWUP_OUTCOMES, &it.outcome, lang).to_lowercase();
    let done = day(it.done_on.unwrap_or(it.term.due));
    let due = day(it.term.due);
    let late = it.on_time == Some(false);
    match (it.state, lang) {
        (State::Answered, Lang::Kk) => {
            format!("{done} жауап берілді: {outcome}{}", if late { " (мерзімі бұзылып)" } else { "" })
        }
        (State::Answered, Lang::Ru) => {
            format!("ответ дан {done}: {outcome}{}", if late { " (с нарушением срока)" } else { "" })
        }
        (State::Forwarded, Lang::Kk) => format!(
            "{done} құзыреті бойынша жіберілді: {}{}",
            as_written(&it.forwarded_to, lang),
            if late { " (мерзімі бұзылып)" } else { "" }
        ),
        (State::Forwarded, Lang::Ru) => format!(
            "направлено по компетенции {done}: {}{}",
            as_written(&it.forwarded_to, lang),
            if late { " (с нарушением срока)" } else { "" }
        ),
        (State::Open, Lang::Kk) if it.overdue => format!("қаралуда; мерзімі {due} өтті"),
        (State::Open, Lang::Ru) if it.overdue => format!("рассматривается; срок истёк {due}"),
        (State::Open, Lang::Kk) => format!("қаралуда, мерзімі — {due}"),
        (State::Open, Lang::Ru) => format!("рассматривается, срок — {due}"),
    }
}

/// Everything `control.typ` shows, in one language.
#[derive(Debug, Serialize)]
pub struct ControlData {
    lang: &'static str,
    labels: &'static std::collections::BTreeMap<String, String>,
    as_of: String,
    terms_note: String,
    heads: Vec<String>,
    /// Which count columns are alerts.
    alerts: Vec<bool>,
    units: Vec<ControlRow>,
    total: ControlRow,
    attention: Vec<AttentionRow>,
    /// The items needing attention beyond those listed, in words, or empty.
    more: String,
}

#[derive(Debug, Serialize)]
struct ControlRow {
    name: String,
    meeting: String,
    counts: Vec<String>,
}

#[derive(Debug, Serialize)]
struct AttentionRow {
    unit: String,
    number: String,
    what: String,
    responsible: String,
    term: String,
    state: String,
    late: bool,
}

/// The terms, as the control report states them.
fn terms_note(c: &Control, lang: Lang) -> String {
    let t = |basis, length| term_words(&Term { due: c.as_of, basis, length }, lang);
    let (a, e, f) = (
        t(Basis::Answer, c.term_working_days),
        t(Basis::Extended, c.extended_term_months),
        t(Basis::Forward, c.forwarded_term_working_days),
    );
    match lang {
        Lang::Kk => format!(
            "Мерзімдер кездесу күнінен бастап жұмыс күндерімен есептеледі (демалыс пен мереке күндері, \
             олардың ауыстырылуы ескеріледі). Полиция құзыретіндегі өтінішке жауап — {a}; ұзартылса — \
             кездесуден бастап {e}, ұзарту туралы шешім 15 жұмыс күні ішінде, өтініш берушіге {f_days} \
             жұмыс күні ішінде хабарланады. Құзыретке жатпайтын өтініш құзыретті органға жіберіледі — {f}, \
             өтініш берушіге бір мезгілде хабарланады.",
            f_days = c.forwarded_term_working_days
        ),
        Lang::Ru => format!(
            "Сроки исчисляются в рабочих днях со дня встречи (с учётом выходных и праздничных дней и их \
             переноса). Ответ на обращение в компетенции полиции — {a}; при продлении — {e} со дня \
             встречи, решение о продлении принимается в пределах 15 рабочих дней, заявитель уведомляется в \
             течение {f_days} рабочих дней. Обращение вне компетенции направляется в компетентный орган — \
             {f}, с одновременным уведомлением заявителя.",
            f_days = c.forwarded_term_working_days
        ),
    }
}

fn unit_name(u: &UnitControl, lang: Lang) -> String {
    let name = lang.pick(&u.name_kk, &u.name_ru);
    if name.is_empty() { u.unit.clone() } else { name.to_string() }
}

/// The control report's data in `lang`.
pub fn control_data(c: &Control, lang: Lang) -> ControlData {
    let counts = |v: [usize; 9]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    let names: std::collections::BTreeMap<&str, String> =
        c.units.iter().map(|u| (u.unit.as_str(), unit_name(u, lang))).collect();
    ControlData {
        lang: lang.code(),
        labels: lang.labels(),
        as_of: label(lang, "as_of").replace("{date}", &day(c.as_of)),
        terms_note: terms_note(c, lang),
        heads: COUNTS.iter().map(|k| label(lang, k)).collect(),
        alerts: COUNTS.iter().map(|k| ALERTS.contains(k)).collect(),
        units: c
            .units
            .iter()
            .map(|u| ControlRow {
                name: unit_name(u, lang),
                meeting: day(u.meeting),
                counts: counts(count_values(&u.counts)),
            })
            .collect(),
        total: ControlRow {
            name: label(lang, "control_total"),
            meeting: String::new(),
            counts: counts(count_values(&c.total)),
        },
        more: {
            let more = c.attention().len().saturating_sub(c.listed_max as usize);
            match (more, lang) {
                (0, _) => String::new(),
                (n, Lang::Kk) => format!(
                    "Тағы {} өтініш — control.xlsx кестесінде (items парағы).",
                    crate::format::number(n as f64, 0)
                ),
                (n, Lang::Ru) => format!(
                    "Ещё {} {} — в control.xlsx (лист items).",
                    crate::format::number(n as f64, 0),
                    ["обращение", "обращения", "обращений"][ru_form(n as u64)]
                ),
            }
        },
        attention: c
            .attention()
            .into_iter()
            .take(c.listed_max as usize)
            .map(|it| AttentionRow {
                unit: names.get(it.unit.as_str()).cloned().unwrap_or_else(|| it.unit.clone()),
                number: if it.registration.is_empty() {
                    it.number.to_string()
                } else {
                    format!("{} ({})", it.number, it.registration)
                },
                what: format!(
                    "{}: {}",
                    crate::documents::choice_label(contract::ITEM_KINDS, &it.kind, lang),
                    crate::documents::quoted(&it.text, &it.language, lang)
                ),
                responsible: it.responsible.clone(),
                term: format!("{} — {}", day(it.term.due), term_words(&it.term, lang)),
                state: state_words(it, lang),
                late: it.overdue || it.on_time == Some(false) || it.not_notified,
            })
            .collect(),
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// `control.xlsx` in `lang`: `units` (counts per unit and the department's total) and `items`
/// (every item with its term, norm and state); headers with the stable ids in a second row;
/// late counts and items red, items due soon amber (conditional formatting).
pub fn control_workbook(c: &Control, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let word = |key: &str| label(lang, key);
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("esep: control {}", day(c.as_of)))
            .set_creation_datetime(&excel_date(c.as_of)?),
    );
    let head =
        crate::xlsx::header_format().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter);
    let ids = Format::new().set_font_color(Color::RGB(0x808080)).set_font_size(8);
    let date_fmt = Format::new().set_num_format("dd.mm.yyyy");
    let bold = Format::new().set_bold();
    let red = Format::new().set_background_color(Color::RGB(0xF8D7DA)).set_font_color(Color::RGB(0x9C0006));
    let amber = Format::new().set_background_color(Color::RGB(0xFFF3CD)).set_font_color(Color::RGB(0x7A5B00));

    let ws = wb.add_worksheet();
    ws.set_name("units")?;
    let mut columns: Vec<(String, String)> = vec![
        (word("control_unit_code"), "unit".into()),
        (word("col_unit"), "name".into()),
        (word("control_meeting"), "meeting".into()),
    ];
    columns.extend(COUNTS.iter().map(|k| (word(k), k.trim_start_matches("c_").to_string())));
    for (k, (title, id)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, k as u16, title, &head)?;
        ws.write_string_with_format(1, k as u16, id, &ids)?;
        ws.set_column_width(k as u16, if k == 1 { 40 } else { 16 })?;
    }
    ws.set_row_height(0, 48)?;
    ws.set_freeze_panes(2, 2)?;
    let mut r = 2u32;
    for u in &c.units {
        ws.write_string(r, 0, &u.unit)?;
        ws.write_string(r, 1, lang.pick(&u.name_kk, &u.name_ru))?;
        ws.write_datetime_with_format(r, 2, excel_date(u.meeting)?, &date_fmt)?;
        for (k, v) in count_values(&u.counts).iter().enumerate() {
            ws.write_number(r, 3 + k as u16, *v as f64)?;
        }
        r += 1;
    }
    ws.write_string_with_format(r, 1, word("control_total"), &bold)?;
    for (k, v) in count_values(&c.total).iter().enumerate() {
        ws.write_number_with_format(r, 3 + k as u16, *v as f64, &bold)?;
    }
    for (k, key) in COUNTS.iter().enumerate() {
        let col = 3 + k as u16;
        let format = if ALERTS.contains(key) {
            red.clone()
        } else if *key == "c_due_soon" {
            amber.clone()
        } else {
            continue;
        };
        ws.add_conditional_format(
            2,
            col,
            r,
            col,
            &ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::GreaterThan(0))
                .set_format(format),
        )?;
    }

    let ws = wb.add_worksheet();
    ws.set_name("items")?;
    let heads = [
        ("control_unit_code", "unit"),
        ("col_no", "number"),
        ("control_registration", "registration"),
        ("control_kind", "kind"),
        ("col_what", "text"),
        ("col_responsible", "responsible"),
        ("control_due", "due"),
        ("control_basis", "basis"),
        ("control_state", "state"),
        ("control_done_on", "done_on"),
        ("control_on_time", "on_time"),
        ("control_notice_due", "notice_due"),
        ("control_notified_on", "notified_on"),
        ("control_late", "late"),
        ("control_outcome", "outcome"),
        ("forwarded_to", "forwarded_to"),
    ];
    for (k, (key, id)) in heads.iter().enumerate() {
        ws.write_string_with_format(0, k as u16, word(key), &head)?;
        ws.write_string_with_format(1, k as u16, *id, &ids)?;
        ws.set_column_width(
            k as u16,
            match *id {
                "text" => 50,
                "basis" => 34,
                _ => 14,
            },
        )?;
    }
    ws.set_row_height(0, 36)?;
    ws.set_freeze_panes(2, 2)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut r = 2u32;
    let choice = |list: &[contract::Choice], id: &str| crate::documents::choice_label(list, id, lang);
    let yes_no = |b: bool| choice(contract::YES_NO, if b { "yes" } else { "no" });
    // The words the conditional formats look for.
    let (late_word, soon_word) = (yes_no(true), word("c_due_soon"));
    for it in c.units.iter().flat_map(|u| &u.items) {
        ws.write_string(r, 0, &it.unit)?;
        ws.write_number(r, 1, it.number as f64)?;
        ws.write_string(r, 2, &it.registration)?;
        ws.write_string(r, 3, choice(contract::ITEM_KINDS, &it.kind))?;
        ws.write_string_with_format(r, 4, &it.text, &wrap)?;
        ws.write_string(r, 5, &it.responsible)?;
        ws.write_datetime_with_format(r, 6, excel_date(it.term.due)?, &date_fmt)?;
        ws.write_string_with_format(r, 7, term_words(&it.term, lang), &wrap)?;
        let state = match it.state {
            State::Open if it.overdue => word("c_overdue"),
            State::Open if it.due_soon => soon_word.clone(),
            State::Open => word("c_open"),
            State::Answered => word("control_answered"),
            State::Forwarded => word("forwarded_to"),
        };
        ws.write_string(r, 8, state)?;
        if let Some(d) = it.done_on {
            ws.write_datetime_with_format(r, 9, excel_date(d)?, &date_fmt)?;
        }
        if let Some(t) = it.on_time {
            ws.write_string(r, 10, yes_no(t))?;
        }
        if let Some(d) = it.notice_due {
            ws.write_datetime_with_format(r, 11, excel_date(d)?, &date_fmt)?;
        }
        if let Some(d) = it.notified_on {
            ws.write_datetime_with_format(r, 12, excel_date(d)?, &date_fmt)?;
        }
        let late = it.overdue || it.on_time == Some(false) || it.not_notified;
        ws.write_string(r, 13, yes_no(late))?;
        ws.write_string(r, 14, choice(contract::FOLLOWUP_OUTCOMES, &it.outcome))?;
        ws.write_string(r, 15, &it.forwarded_to)?;
        r += 1;
    }
    if r > 2 {
        let last = heads.len() as u16 - 1;
        ws.add_conditional_format(
            2,
            0,
            r - 1,
            last,
            &ConditionalFormatFormula::new()
                .set_rule(format!("=$N3=\"{late_word}\"").as_str())
                .set_format(red),
        )?;
        ws.add_conditional_format(
            2,
            0,
            r - 1,
            last,
            &ConditionalFormatFormula::new()
                .set_rule(format!("=$I3=\"{soon_word}\"").as_str())
                .set_format(amber),
        )?;
        ws.autofilter(1, 0, r - 1, last)?;
    }
    wb.save_to_buffer()
}

/// The control as JSON for other systems: the ids of analysis, dates ISO.
pub fn control_json(c: &Control) -> Result<Vec<u8>, serde_json::Error> {
    let mut v = serde_json::to_vec_pretty(c)?;
    v.push(b'\n');
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use esep_ingest::followup::{Entry, Register};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_printed_list_stops_at_the_settings_limit_and_says_how_many_more() {
        let mut settings = Settings::builtin();
        settings.control.listed_max = 2;
        let entry = |number| Entry {
            number,
            kind: "complaint".into(),
            text: "Жарық жоқ".into(),
            language: "kk".into(),
            competence: true,
            ..Entry::default()
        };
        let register = Register {
            file: "f.xlsx".into(),
            unit: "U".into(),
            unit_kk: "Бөлім".into(),
            unit_ru: "Отдел".into(),
            chief_kk: String::new(),
            chief_ru: String::new(),
            meeting: d(2026, 3, 20),
            recorded: 5,
            followed: vec![1, 2, 3, 4, 5],
            items: (1..=5).map(entry).collect(),
            sheet: "register".into(),
            columns: Vec::new(),
        };
        let control = esep_analysis::followup::control(&[register], &settings, d(2026, 5, 4));
        let ru = control_data(&control, Lang::Ru);
        assert_eq!(ru.attention.len(), 2);
        assert_eq!(ru.more, "Ещё 3 обращения — в control.xlsx (лист items).");
        // Overdue since 15 April (15 working days from Friday 20 March, Nauryz in between).
        assert_eq!(ru.attention[0].state, "не исполнено, срок истёк 15.04.2026");
        let kk = control_data(&control, Lang::Kk);
        assert_eq!(kk.more, "Тағы 3 өтініш — control.xlsx кестесінде (items парағы).");
        assert_eq!(kk.attention[0].term, "15.04.2026 — 15 жұмыс күні (ӘРПК 76-бабы, 16-тармақ)");
    }
}
