//! Workbooks of figures for analysts and headquarters (rust_xlsxwriter):
//!
//! * [`indicators_workbook`]: one unit — a sheet of every indicator, one sheet per rule-6 item,
//!   `catalogue` and `about` (unit, period, inputs with SHA-256, version);
//! * [`department_workbook`]: every unit as a row and every indicator as columns, per rule-6
//!   item, with ranks, the department's value and the bodies' mean, conditional formatting,
//!   native charts and a long `data` sheet that reproduces `indicators.csv`.
//!
//! Sheet names, headers and words are in the workbook's language ([`Words`]: Kazakh, Russian,
//! or English machine ids); the last sheet, `codes`, records the machine id behind each of
//! them. Cells hold values, never formulas, so a viewer that does not recalculate shows the
//! numbers; text from the inputs is always written as a string. Document dates are the period's
//! end, so the same inputs give identical bytes. Restricted indicators are kept here, and marked.

use std::path::Path;

use chrono::Datelike;
use esep_analysis::national::National;
use esep_analysis::open_data;
use esep_analysis::{Catalogue, ChangeTest, Direction, Figure, Indicator, Measure, Report, UnitReport};
use esep_ingest::InputFile;
use rust_xlsxwriter::utility::{column_number_to_name, row_col_to_cell};
use rust_xlsxwriter::{
    Chart, ChartType, Color, ConditionalFormatFormula, CustomSerializeField, DocProperties, ExcelDateTime,
    Format, FormatBorder, SerializeFieldOptions, Workbook, Worksheet, XlsxError,
};

use crate::format;
use crate::words::{Codes, Words};

/// Ids of the sheets of the rule-6 items (their names come from `workbook.toml`).
pub const ITEM_SHEETS: [&str; 7] =
    ["1 crime", "2 programmes", "3 results", "4 order and roads", "5 corruption", "6 appeals", "7 opinion"];

/// Number format per unit of measure.
fn num_format(measure: Measure) -> &'static str {
    match format::decimals(measure) {
        0 => "#,##0",
        _ => "#,##0.0",
    }
}

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
}

fn restricted_format() -> Format {
    header_format().set_background_color(Color::RGB(0xF2DCDB))
}

fn new_workbook(report: &Report, title: String) -> Result<Workbook, XlsxError> {
    let end = report.period.end();
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_title(title).set_author("esep").set_creation_datetime(
        &ExcelDateTime::from_ymd(end.year() as u16, end.month() as u8, end.day() as u8)?,
    ));
    Ok(wb)
}

fn change_test(t: ChangeTest) -> &'static str {
    match t {
        ChangeTest::Counts => "poisson_counts",
        ChangeTest::Proportions => "two_proportions",
        ChangeTest::Weighted => "weighted_proportions",
        ChangeTest::None => "",
    }
}

const FIGURE_HEADS: [&str; 19] = [
    "item",
    "code",
    "indicator_kk",
    "indicator_ru",
    "measure",
    "previous",
    "current",
    "change",
    "change_pct",
    "restricted",
    "missing",
    "significant",
    "p_value",
    "rank",
    "rank_of",
    "assessment",
    "ci_low",
    "ci_high",
    "n",
];

/// Writes the figure rows of `indicators` (all, or one item's) with the layout of
/// [`FIGURE_HEADS`]: the columns of `indicators` stay where earlier packs had them.
fn figure_sheet(
    ws: &mut Worksheet,
    codes: &mut Codes,
    report: &Report,
    unit: &UnitReport,
    item: Option<u8>,
) -> Result<(), XlsxError> {
    let words = codes.words();
    codes.columns(ws, 0, &FIGURE_HEADS, &header_format())?;
    let mut r = 0u32;
    // The unit's workbook is published beside its open data: no restricted figure (rule 3).
    for (ind, fig) in report.catalogue.indicators.iter().zip(&unit.figures) {
        if item.is_some_and(|i| i != ind.item) || ind.restricted {
            continue;
        }
        r += 1;
        let fmt = Format::new().set_num_format(num_format(ind.unit));
        ws.write_number(r, 0, f64::from(ind.item))?;
        ws.write_string(r, 1, ind.code.as_str())?;
        ws.write_string(r, 2, &ind.kk)?;
        ws.write_string(r, 3, &ind.ru)?;
        ws.write_string(r, 4, words.cell(&format!("measure_{}", ind.unit.id())))?;
        for (c, v) in [(5, fig.previous), (6, fig.current), (7, fig.change)] {
            if let Some(v) = v {
                ws.write_number_with_format(r, c, v, &fmt)?;
            }
        }
        if let Some(p) = fig.change_pct {
            ws.write_number_with_format(r, 8, p / 100.0, &Format::new().set_num_format("+0.0%;-0.0%;0.0%"))?;
        }
        if ind.restricted {
            ws.write_string_with_format(
                r,
                9,
                words.cell("restricted"),
                &Format::new().set_font_color(Color::RGB(0x9C0006)),
            )?;
        }
        if let Some(m) = fig.missing {
            ws.write_string(r, 10, words.cell(&format!("missing_{}", m.id())))?;
        }
        if let Some(sig) = fig.significant {
            ws.write_string(r, 11, words.cell(if sig { "yes" } else { "no" }))?;
        }
        if let Some(p) = fig.p_value {
            ws.write_number_with_format(r, 12, p, &Format::new().set_num_format("0.0000"))?;
        }
        if let (Some(rank), Some(of)) = (fig.rank, fig.rank_of) {
            ws.write_number(r, 13, f64::from(rank))?;
            ws.write_number(r, 14, f64::from(of))?;
        }
        if let Some(a) = fig.assessment {
            ws.write_string(r, 15, words.cell(&format!("assessment_{}", a.id())))?;
        }
        for (c, v) in [(16, fig.ci_low), (17, fig.ci_high)] {
            if let Some(v) = v {
                ws.write_number_with_format(r, c, v, &fmt)?;
            }
        }
        if let Some(n) = fig.n {
            ws.write_number(r, 18, n)?;
        }
    }
    for (c, w) in [5, 26, 44, 44, 9, 14, 14, 12, 10, 10, 16, 10, 9, 6, 5, 11, 9, 9, 8].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, r.max(1), (FIGURE_HEADS.len() - 1) as u16)?;
    Ok(())
}

fn catalogue_sheet(wb: &mut Workbook, codes: &mut Codes, report: &Report) -> Result<(), XlsxError> {
    let words = codes.words();
    let ws = codes.sheet(wb, "catalogue")?;
    let heads = [
        "code",
        "item",
        "indicator_kk",
        "indicator_ru",
        "measure",
        "direction",
        "restricted",
        "formula",
        "change_test",
    ];
    codes.columns(ws, 0, &heads, &header_format())?;
    for (r, ind) in report.catalogue.indicators.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, ind.code.as_str())?;
        ws.write_number(r, 1, f64::from(ind.item))?;
        ws.write_string(r, 2, &ind.kk)?;
        ws.write_string(r, 3, &ind.ru)?;
        ws.write_string(r, 4, words.cell(&format!("measure_{}", ind.unit.id())))?;
        ws.write_string(r, 5, words.cell(&format!("direction_{}", ind.direction.id())))?;
        ws.write_boolean(r, 6, ind.restricted)?;
        ws.write_string(r, 7, ind.formula.describe())?;
        let test = change_test(ind.formula.change_test());
        if !test.is_empty() {
            ws.write_string(r, 8, words.cell(&format!("test_{test}")))?;
        }
    }
    for (c, w) in [26, 5, 44, 44, 9, 9, 10, 70, 20].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, report.catalogue.indicators.len() as u32, (heads.len() - 1) as u16)?;
    Ok(())
}

fn about_sheet(
    wb: &mut Workbook,
    codes: &mut Codes,
    report: &Report,
    unit: Option<&UnitReport>,
    files: &[InputFile],
) -> Result<(), XlsxError> {
    let ws = codes.sheet(wb, "about")?;
    let bold = Format::new().set_bold();
    let mut rows = Vec::new();
    if let Some(u) = unit {
        rows.extend([
            ("unit", u.code.to_string()),
            ("name_kk", u.name_kk.clone()),
            ("name_ru", u.name_ru.clone()),
        ]);
    } else if let Some(d) = report.units.first() {
        rows.extend([
            ("department", d.code.to_string()),
            ("name_kk", d.name_kk.clone()),
            ("name_ru", d.name_ru.clone()),
        ]);
    }
    rows.extend([
        ("period", format!("{}-{:02}", report.period.year, report.period.months)),
        ("period_kk", report.period.label_kk()),
        ("period_ru", report.period.label_ru()),
        ("catalogue_version", report.catalogue.version.to_string()),
        ("esep_version", env!("CARGO_PKG_VERSION").to_string()),
    ]);
    for (r, (k, v)) in rows.iter().enumerate() {
        codes.column(ws, r as u32, 0, k, &bold)?;
        ws.write_string(r as u32, 1, v)?;
    }
    let start = rows.len() as u32 + 1;
    codes.columns(ws, start, &["input_file", "bytes", "sha256"], &header_format())?;
    for (k, f) in files.iter().enumerate() {
        let r = start + 1 + k as u32;
        ws.write_string(r, 0, &f.name)?;
        ws.write_number(r, 1, f.bytes as f64)?;
        ws.write_string(r, 2, &f.sha256)?;
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_width(2, 68)?;
    Ok(())
}

/// The first sheet of headquarters' workbooks, which keep restricted figures (rule 3).
fn official_use_sheet(wb: &mut Workbook, codes: &mut Codes, catalogue: &Catalogue) -> Result<(), XlsxError> {
    let words = codes.words();
    let ws = codes.sheet(wb, "official use")?;
    let title = Format::new().set_bold().set_font_size(14).set_font_color(Color::RGB(0x9C0006));
    let restricted: Vec<&Indicator> = catalogue.indicators.iter().filter(|i| i.restricted).collect();
    ws.write_string_with_format(0, 0, words.cell("official_title"), &title)?;
    ws.write_string(1, 0, words.cell("official_why"))?;
    ws.write_string(2, 0, words.cell("official_publish"))?;
    codes.columns(ws, 4, &["code", "indicator", "reveals"], &header_format())?;
    for (r, ind) in restricted.iter().enumerate() {
        let r = r as u32 + 5;
        ws.write_string(r, 0, ind.code.as_str())?;
        ws.write_string(r, 1, words.name(&ind.kk, &ind.ru))?;
        ws.write_string(r, 2, ind.restricted_by.as_deref().unwrap_or(""))?;
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_width(2, 26)?;
    ws.set_tab_color(Color::RGB(0xC00000));
    Ok(())
}

/// The title of a unit's or department's workbook, in its language.
fn title(words: Words, report: &Report, unit: &UnitReport) -> String {
    let (kk, ru) = (report.period.label_kk(), report.period.label_ru());
    format!("esep: {} — {}", words.name(&unit.name_kk, &unit.name_ru), words.name(&kk, &ru))
}

/// The unit's workbook: every indicator, one sheet per rule-6 item, the catalogue and `about`.
pub fn indicators_workbook(
    report: &Report,
    unit: &UnitReport,
    files: &[InputFile],
    words: Words,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = new_workbook(report, title(words, report, unit))?;
    let mut codes = Codes::new(words);
    let ws = codes.sheet(&mut wb, "indicators")?;
    figure_sheet(ws, &mut codes, report, unit, None)?;
    for (k, id) in ITEM_SHEETS.iter().enumerate() {
        let ws = codes.sheet(&mut wb, id)?;
        figure_sheet(ws, &mut codes, report, unit, Some(k as u8 + 1))?;
    }
    catalogue_sheet(&mut wb, &mut codes, report)?;
    about_sheet(&mut wb, &mut codes, report, Some(unit), files)?;
    codes.write(&mut wb, &header_format())?;
    wb.save_to_buffer()
}

/// Indicators of one item, in catalogue order, with their catalogue index.
fn item_indicators(report: &Report, item: u8) -> Vec<(usize, &Indicator)> {
    report.catalogue.indicators.iter().enumerate().filter(|(_, i)| i.item == item).collect()
}

thread_local! {
    /// Set while this thread writes a workbook whose panics are caught (see [`contained`]).
    static CONTAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic on this thread is one [`department_workbook`] catches and returns as an
/// error: a panic hook stays silent for it.
pub fn contained() -> bool {
    CONTAINING.with(std::cell::Cell::get)
}

/// The department's workbook: units × indicators per rule-6 item, charts and the `data` sheet.
/// The `data` sheet's rows wait in a temporary file in `tempdir` (90 rows per unit: a department
/// of 500 bodies has 45 000) until the workbook is put together.
///
/// rust_xlsxwriter panics when it cannot write that file (a full disk); the panic is caught and
/// returned as the I/O error it reports.
pub fn department_workbook(
    report: &Report,
    files: &[InputFile],
    words: Words,
    tempdir: &Path,
) -> Result<Vec<u8>, XlsxError> {
    contain(|| department_sheets(report, files, words, tempdir))
}

/// `write`, with a panic caught and returned as an I/O error of the words it says.
fn contain(write: impl FnOnce() -> Result<Vec<u8>, XlsxError>) -> Result<Vec<u8>, XlsxError> {
    CONTAINING.with(|c| c.set(true));
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(write));
    CONTAINING.with(|c| c.set(false));
    made.unwrap_or_else(|payload| {
        let said = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("the workbook's temporary file could not be written");
        // «Couldn't write to xml file: Os { code: 28, kind: StorageFull, message: "No space
        // left on device" }»: the system's own words, when they are there.
        let reason =
            said.split_once("message: \"").and_then(|(_, m)| m.split_once('"')).map_or(said, |(m, _)| m);
        Err(XlsxError::IoError(std::io::Error::other(reason.to_string())))
    })
}

fn department_sheets(
    report: &Report,
    files: &[InputFile],
    words: Words,
    tempdir: &Path,
) -> Result<Vec<u8>, XlsxError> {
    let Some(dept) = report.units.first() else {
        return Workbook::new().save_to_buffer();
    };
    let mut wb = new_workbook(report, title(words, report, dept))?;
    wb.set_tempdir(tempdir)?;
    let mut codes = Codes::new(words);
    official_use_sheet(&mut wb, &mut codes, &report.catalogue)?;
    let header = header_format();
    let better =
        Format::new().set_font_color(Color::RGB(0x006100)).set_background_color(Color::RGB(0xC6EFCE));
    let worse = Format::new().set_font_color(Color::RGB(0x9C0006)).set_background_color(Color::RGB(0xFFC7CE));
    // Bodies directly under the department: their mean is the "average" row.
    let bodies: Vec<&UnitReport> =
        report.units.iter().filter(|u| u.parent.as_ref() == Some(&dept.code)).collect();

    for (k, id) in ITEM_SHEETS.iter().enumerate() {
        let item = k as u8 + 1;
        let inds = item_indicators(report, item);
        let ws = codes.sheet(&mut wb, id)?;
        codes.columns(ws, 0, &["unit", "parent", "name_kk", "name_ru"], &header)?;
        // Two columns per indicator: its value, and its rank among siblings where ranked.
        let mut col: u16 = 4;
        let mut value_cols = Vec::new();
        for (_, ind) in &inds {
            indicator_heads(ws, &mut codes, col, ind)?;
            ws.set_column_width(col, 16)?;
            ws.set_column_width(col + 1, 6)?;
            value_cols.push(col);
            col += 2;
        }
        let significant_note = Format::new().set_bold().set_italic();
        for (r, u) in report.units.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string(r, 0, &u.code)?;
            ws.write_string(r, 1, u.parent.as_deref().unwrap_or(""))?;
            let indent = "  ".repeat(u.depth as usize);
            ws.write_string(r, 2, format!("{indent}{}", u.name_kk))?;
            ws.write_string(r, 3, format!("{indent}{}", u.name_ru))?;
            for ((fi, ind), &c) in inds.iter().zip(&value_cols) {
                let f = &u.figures[*fi];
                let mut fmt = Format::new().set_num_format(num_format(ind.unit));
                if f.significant == Some(true) {
                    fmt = significant_note.clone().set_num_format(num_format(ind.unit));
                }
                if let Some(v) = f.current {
                    ws.write_number_with_format(r, c, v, &fmt)?;
                }
                if let Some(rank) = f.rank {
                    ws.write_number(r, c + 1, f64::from(rank))?;
                }
            }
        }
        // The mean of each level group's ranked bodies, as analysis computed it for their ranks.
        let first_mean_row = report.units.len() as u32 + 1;
        let groups = [("urban", words.cell("mean_urban")), ("rural", words.cell("mean_rural"))];
        for (g, (_, label)) in groups.iter().enumerate() {
            ws.write_string_with_format(first_mean_row + g as u32, 3, label, &Format::new().set_italic())?;
        }
        let mean_row = first_mean_row + groups.len() as u32 - 1;
        for ((fi, ind), &c) in inds.iter().zip(&value_cols) {
            for (g, (group, _)) in groups.iter().enumerate() {
                let mean = bodies
                    .iter()
                    .filter(|b| esep_analysis::ranks::level_group(&b.level) == *group)
                    .find_map(|b| b.figures[*fi].sibling_mean);
                if let Some(mean) = mean {
                    ws.write_number_with_format(
                        first_mean_row + g as u32,
                        c,
                        mean,
                        &Format::new().set_italic().set_num_format("#,##0.0"),
                    )?;
                }
            }
            // Better / worse than the department (row 2), given the direction.
            let (lt, gt) = match ind.direction {
                Direction::Lower => (&better, &worse),
                Direction::Higher => (&worse, &better),
                Direction::Neutral => continue,
            };
            if !ind.unit.comparable() {
                continue;
            }
            let cell = row_col_to_cell(2, c);
            let dept_cell = format!("{}${}", column_number_to_name(c), 2);
            for (op, format) in [("<", lt), (">", gt)] {
                let rule = format!("=AND(ISNUMBER({cell}),ISNUMBER({dept_cell}),{cell}{op}{dept_cell})");
                ws.add_conditional_format(
                    2,
                    c,
                    report.units.len() as u32,
                    c,
                    &ConditionalFormatFormula::new().set_rule(rule.as_str()).set_format(format.clone()),
                )?;
            }
        }
        ws.write_string(mean_row + 2, 2, words.cell("legend"))?;
        ws.set_column_width(0, 12)?;
        ws.set_column_width(1, 9)?;
        ws.set_column_width(2, 40)?;
        ws.set_column_width(3, 40)?;
        ws.set_row_height(0, 60)?;
        ws.set_freeze_panes(1, 4)?;
        ws.autofilter(0, 0, report.units.len() as u32, col.saturating_sub(1))?;
    }

    let blocks: Vec<(&Indicator, Vec<ChartRow>)> = report
        .catalogue
        .headquarters_charts
        .iter()
        .filter_map(|code| report.catalogue.indicators.iter().position(|i| &i.code == code))
        .map(|k| {
            let rows = bodies
                .iter()
                .filter(|b| b.figures[k].current.is_some())
                .map(|b| {
                    (
                        words.name(&b.name_kk, &b.name_ru).to_string(),
                        b.figures[k].current,
                        b.figures[k].previous,
                    )
                })
                .collect();
            (&report.catalogue.indicators[k], rows)
        })
        .collect();
    charts_sheet(&mut wb, &mut codes, &blocks)?;

    // Long format, one row per (unit, indicator): the same rows as the root `indicators.csv`.
    let rows = open_data::rows(&report.units);
    write_data_sheet(&mut wb, &mut codes, &rows)?;
    compliance_sheet(&mut wb, &mut codes, report)?;
    followup_sheet(&mut wb, &mut codes, report)?;
    catalogue_sheet(&mut wb, &mut codes, report)?;
    about_sheet(&mut wb, &mut codes, report, None, files)?;
    codes.write(&mut wb, &header)?;
    wb.save_to_buffer()
}

/// The two headers of an indicator's columns on an item sheet: its value (named in the
/// workbook's language, marked when restricted) and its rank (`CODE.rank`).
fn indicator_heads(
    ws: &mut Worksheet,
    codes: &mut Codes,
    col: u16,
    ind: &Indicator,
) -> Result<(), XlsxError> {
    let words = codes.words();
    let header = header_format();
    let fmt = if ind.restricted { restricted_format() } else { header.clone() };
    let mark = if ind.restricted { words.cell("restricted_mark") } else { String::new() };
    let name = words.name(&ind.kk, &ind.ru);
    // English workbooks keep the code under the name, as their readers look columns up by it.
    let (value, rank) = match words.lang() {
        esep_ingest::Lang::En => (format!("{name}{mark}\n{}", ind.code), format!("rank\n{}", ind.code)),
        _ => (format!("{name}{mark}"), words.column("rank")),
    };
    codes.head(ws, 0, col, ind.code.as_str(), &value, &fmt)?;
    codes.head(ws, 0, col + 1, &format!("{}.rank", ind.code), &rank, &header)?;
    ws.set_column_width(col, 16)?;
    ws.set_column_width(col + 1, 6)?;
    Ok(())
}

/// `compliance`: one row per unit and rule of the order, its status coloured, with the evidence
/// and the input cell it rests on; filterable, so headquarters sees every "not met" at once.
fn compliance_sheet(wb: &mut Workbook, codes: &mut Codes, report: &Report) -> Result<(), XlsxError> {
    use esep_analysis::compliance::Status;
    let words = codes.words();
    let ws = codes.sheet(wb, "compliance")?;
    let heads = ["unit", "rule", "status", "evidence", "file", "sheet", "cell"];
    codes.columns(ws, 0, &heads, &header_format())?;
    let met = Format::new().set_font_color(Color::RGB(0x006100)).set_background_color(Color::RGB(0xC6EFCE));
    let not_met =
        Format::new().set_font_color(Color::RGB(0x9C0006)).set_background_color(Color::RGB(0xFFC7CE));
    let plain = Format::new();
    for (r, c) in report.compliance.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, &c.unit)?;
        ws.write_string(r, 1, &c.rule)?;
        let fmt = match c.status {
            Status::Met => &met,
            Status::NotMet => &not_met,
            _ => &plain,
        };
        ws.write_string_with_format(r, 2, words.cell(&format!("status_{}", c.status.id())), fmt)?;
        ws.write_string(r, 3, c.evidence.text(words.lang()))?;
        for (k, v) in [&c.file, &c.sheet, &c.cell].iter().enumerate() {
            if let Some(v) = v {
                ws.write_string(r, 4 + k as u16, v)?;
            }
        }
    }
    for (c, w) in [12.0, 7.0, 13.0, 60.0, 18.0, 12.0, 7.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, report.compliance.len() as u32, heads.len() as u16 - 1)?;
    Ok(())
}

/// `followup`: per unit whose input folder keeps the register of its previous meeting, what
/// became of that meeting's items as of this period's meeting (rules 16, 17, 19).
fn followup_sheet(wb: &mut Workbook, codes: &mut Codes, report: &Report) -> Result<(), XlsxError> {
    let ws = codes.sheet(wb, "followup")?;
    let header = header_format();
    let heads = [
        "unit",
        "meeting",
        "as_of",
        "recorded",
        "items",
        "open",
        "due_soon",
        "overdue",
        "answered",
        "answered_on_time",
        "answered_late",
        "forwarded",
        "forwarded_on_time",
        "forwarded_late",
        "not_notified",
        "file",
    ];
    codes.columns(ws, 0, &heads, &header)?;
    for c in 0..heads.len() {
        ws.set_column_width(c as u16, if c == 15 { 24.0 } else { 11.0 })?;
    }
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let mut r = 1u32;
    for u in &report.units {
        let Some(p) = &u.followup else { continue };
        let c = &p.counts;
        ws.write_string(r, 0, u.code.as_str())?;
        for (k, d) in [p.meeting, p.as_of].iter().enumerate() {
            let d = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(r, 1 + k as u16, d, &date)?;
        }
        let counts = [
            p.recorded as f64,
            c.items as f64,
            c.open as f64,
            c.due_soon as f64,
            c.overdue as f64,
            c.answered as f64,
            c.answered_on_time as f64,
            c.answered_late as f64,
            c.forwarded as f64,
            c.forwarded_on_time as f64,
            c.forwarded_late as f64,
            c.not_notified as f64,
        ];
        for (k, v) in counts.iter().enumerate() {
            ws.write_number(r, 3 + k as u16, *v)?;
        }
        ws.write_string(r, 15, &p.file)?;
        r += 1;
    }
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

/// One series of a `charts` sheet: a name and its current and previous values.
type ChartRow = (String, Option<f64>, Option<f64>);

/// A `charts` sheet: per indicator, a table of current against АППГ and a native bar chart
/// beside it. Indicators without rows are left out.
fn charts_sheet(
    wb: &mut Workbook,
    codes: &mut Codes,
    blocks: &[(&Indicator, Vec<ChartRow>)],
) -> Result<(), XlsxError> {
    let words = codes.words();
    let ws = codes.sheet(wb, "charts")?;
    let sheet = ws.name();
    let header = header_format();
    let (current, previous) = (words.cell("chart_current"), words.cell("chart_previous"));
    let mut row: u32 = 0;
    let mut charts = Vec::new();
    for (ind, rows) in blocks.iter().filter(|(_, rows)| !rows.is_empty()) {
        let name = words.name(&ind.kk, &ind.ru);
        codes.head(ws, row, 0, ind.code.as_str(), name, &header)?;
        ws.write_string_with_format(row, 1, &current, &header)?;
        ws.write_string_with_format(row, 2, &previous, &header)?;
        let fmt = Format::new().set_num_format(num_format(ind.unit));
        for (i, (name, current, previous)) in rows.iter().enumerate() {
            let r = row + 1 + i as u32;
            ws.write_string(r, 0, name)?;
            for (c, v) in [(1, current), (2, previous)] {
                if let Some(v) = v {
                    ws.write_number_with_format(r, c, *v, &fmt)?;
                }
            }
        }
        let (first, last) = (row + 1, row + rows.len() as u32);
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name(name);
        for (col, series) in [(1u16, &current), (2u16, &previous)] {
            chart
                .add_series()
                .set_name(series.as_str())
                .set_categories((sheet.as_str(), first, 0, last, 0))
                .set_values((sheet.as_str(), first, col, last, col));
        }
        chart.set_width(620).set_height(60 + 28 * rows.len() as u32);
        charts.push((row, chart));
        row = last + 3;
    }
    for (r, chart) in &charts {
        ws.insert_chart(*r, 4, chart)?;
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 14)?;
    Ok(())
}

/// The `data` sheet: the open data's header and one row per (unit, indicator); numbers as numbers, flags as
/// booleans, text as strings.
fn write_data_sheet(wb: &mut Workbook, codes: &mut Codes, rows: &[&Figure]) -> Result<(), XlsxError> {
    let ws = codes.long_sheet(wb, "data")?;
    // The serialised fields are the open data's ids; their headers are written in the
    // workbook's language, before any row (a row left behind cannot be written again).
    let words = codes.words();
    let ids = open_data::header();
    let mut headers = Vec::with_capacity(ids.len());
    for (c, id) in ids.iter().enumerate() {
        let text = words.column(id);
        codes.record(0, c as u16, id, &text);
        headers.push(CustomSerializeField::new(id).rename(text));
    }
    let options =
        SerializeFieldOptions::new().set_header_format(header_format()).set_custom_headers(&headers);
    ws.serialize_headers_with_options(0, 0, &Figure::default(), &options)?;
    for row in rows {
        ws.serialize(row)?;
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, rows.len().max(1) as u32, (ids.len() - 1) as u16)?;
    Ok(())
}

/// Headquarters' national workbook: departments as rows and indicators as columns per rule-6
/// item, ranks, national totals recomputed from numerators and denominators, charts, and a
/// long `data` sheet.
pub fn national_workbook(
    national: &National,
    catalogue: &Catalogue,
    words: Words,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let mut codes = Codes::new(words);
    let end = esep_ingest::Period { year: national.year, months: national.months }.end();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}, {}-{:02}", words.cell("national_title"), national.year, national.months))
            .set_author("esep")
            .set_creation_datetime(&ExcelDateTime::from_ymd(
                end.year() as u16,
                end.month() as u8,
                end.day() as u8,
            )?),
    );
    official_use_sheet(&mut wb, &mut codes, catalogue)?;
    let header = header_format();
    let total_format = Format::new().set_bold().set_border_top(FormatBorder::Thin);
    let n = national.departments.len() as u32;
    for (k, id) in ITEM_SHEETS.iter().enumerate() {
        let item = k as u8 + 1;
        let ws = codes.sheet(&mut wb, id)?;
        codes.columns(ws, 0, &["department", "department_kk", "department_ru"], &header)?;
        let mut col: u16 = 3;
        for (i, ind) in catalogue.indicators.iter().enumerate().filter(|(_, i)| i.item == item) {
            indicator_heads(ws, &mut codes, col, ind)?;
            let fmt = Format::new().set_num_format(num_format(ind.unit));
            for (r, d) in national.departments.iter().enumerate() {
                let r = r as u32 + 1;
                if let Some(v) = d.figures[i].as_ref().and_then(|f| f.current) {
                    ws.write_number_with_format(r, col, v, &fmt)?;
                }
                if let Some(rank) = d.ranks[i] {
                    ws.write_number(r, col + 1, f64::from(rank))?;
                }
            }
            let t = &national.totals[i];
            match t.current {
                Some(v) => ws.write_number_with_format(
                    n + 1,
                    col,
                    v,
                    &total_format.clone().set_num_format(num_format(ind.unit)),
                )?,
                None => ws.write_string_with_format(
                    n + 1,
                    col,
                    t.missing.as_deref().map(|m| words.cell(&format!("missing_{m}"))).unwrap_or_default(),
                    &total_format,
                )?,
            };
            col += 2;
        }
        for (r, d) in national.departments.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string(r, 0, &d.code)?;
            ws.write_string(r, 1, &d.name_kk)?;
            ws.write_string(r, 2, &d.name_ru)?;
        }
        ws.write_string_with_format(n + 1, 2, words.cell("total"), &total_format)?;
        ws.set_column_width(0, 12)?;
        ws.set_column_width(1, 40)?;
        ws.set_column_width(2, 40)?;
        ws.set_row_height(0, 60)?;
        ws.set_freeze_panes(1, 3)?;
        ws.autofilter(0, 0, n, col.saturating_sub(1))?;
    }

    // Charts: per department, current against АППГ.
    let blocks: Vec<(&Indicator, Vec<ChartRow>)> = catalogue
        .headquarters_charts
        .iter()
        .filter_map(|code| catalogue.indicators.iter().position(|i| &i.code == code))
        .map(|i| {
            let rows = national
                .departments
                .iter()
                .map(|d| {
                    let f = d.figures[i].as_ref();
                    let name = words.name(&d.name_kk, &d.name_ru).to_string();
                    (name, f.and_then(|f| f.current), f.and_then(|f| f.previous))
                })
                .collect();
            (&catalogue.indicators[i], rows)
        })
        .collect();
    charts_sheet(&mut wb, &mut codes, &blocks)?;

    // Long format: department, code, values and the parts totals are made of.
    let ws = codes.sheet(&mut wb, "data")?;
    let heads = [
        "department",
        "code",
        "item",
        "year",
        "months",
        "current",
        "previous",
        "num",
        "den",
        "previous_num",
        "previous_den",
        "rank",
    ];
    codes.columns(ws, 0, &heads, &header)?;
    let mut r = 0u32;
    let put = |ws: &mut Worksheet, r: u32, c: u16, v: Option<f64>| -> Result<(), XlsxError> {
        if let Some(v) = v {
            ws.write_number(r, c, v)?;
        }
        Ok(())
    };
    for (i, ind) in catalogue.indicators.iter().enumerate() {
        for d in &national.departments {
            r += 1;
            ws.write_string(r, 0, &d.code)?;
            ws.write_string(r, 1, ind.code.as_str())?;
            ws.write_number(r, 2, f64::from(ind.item))?;
            ws.write_number(r, 3, f64::from(national.year))?;
            ws.write_number(r, 4, f64::from(national.months))?;
            let f = d.figures[i].as_ref();
            put(ws, r, 5, f.and_then(|f| f.current))?;
            put(ws, r, 6, f.and_then(|f| f.previous))?;
            put(ws, r, 7, f.and_then(|f| f.num))?;
            put(ws, r, 8, f.and_then(|f| f.den))?;
            put(ws, r, 9, f.and_then(|f| f.previous_num))?;
            put(ws, r, 10, f.and_then(|f| f.previous_den))?;
            put(ws, r, 11, d.ranks[i].map(f64::from))?;
        }
        r += 1;
        let t = &national.totals[i];
        ws.write_string(r, 0, "TOTAL")?;
        ws.write_string(r, 1, ind.code.as_str())?;
        ws.write_number(r, 2, f64::from(ind.item))?;
        ws.write_number(r, 3, f64::from(national.year))?;
        ws.write_number(r, 4, f64::from(national.months))?;
        put(ws, r, 5, t.current)?;
        put(ws, r, 6, t.previous)?;
        put(ws, r, 7, t.num)?;
        put(ws, r, 8, t.den)?;
    }
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, r.max(1), (heads.len() - 1) as u16)?;
    codes.write(&mut wb, &header)?;
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_writing_is_returned_as_the_error_it_reports() {
        // rust_xlsxwriter's words when a long sheet's temporary file meets a full disk.
        let full = contain(|| {
            assert!(contained());
            panic!(
                "Couldn't write to xml file: Os {{ code: 28, kind: StorageFull, message: \"No space left on device\" }}"
            )
        });
        assert!(!contained());
        match full {
            Err(XlsxError::IoError(e)) => assert_eq!(e.to_string(), "No space left on device"),
            other => panic!("{other:?}"),
        }
        let other = contain(|| panic!("{}", "something else"));
        assert!(matches!(other, Err(XlsxError::IoError(e)) if e.to_string() == "something else"));
        assert_eq!(contain(|| Ok(vec![1, 2])).ok(), Some(vec![1, 2]));
        assert!(!contained());
    }
}
