//! Workbooks in the input contract: blank templates for analysts, and filled ones (demo data).
//!
//! Each workbook holds the source's sheet (header, frozen, with drop-downs and number / date
//! checks), a `lists` sheet feeding the drop-downs, and an `about` sheet explaining every
//! column in Kazakh and Russian.

use chrono::{Datelike, NaiveDate};
use esep_ingest::contract::{Choice, ColumnType, Source, YES_NO, stat_codes};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use crate::lang::Lang;

/// A value to write into a data cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, always written as a string (never as a formula).
    Text(String),
    /// A number.
    Number(f64),
    /// A date, written with the `DD.MM.YYYY` format.
    Date(NaiveDate),
}

/// What to put in a contract workbook.
#[derive(Debug, Clone)]
pub struct ContractOptions<'a> {
    /// Language of headers and drop-down labels.
    pub lang: Lang,
    /// Unit codes for the unit drop-downs (empty: no list, any text).
    pub unit_codes: &'a [String],
    /// Document creation date, fixed so the same inputs give identical bytes.
    pub created: NaiveDate,
}

/// Last row that drop-downs and checks cover (0-based).
const LAST_ROW: u32 = 20_000;

/// Name of the sheet that feeds drop-downs.
pub const LISTS_SHEET: &str = "lists";
/// Name of the sheet that explains the columns.
pub const ABOUT_SHEET: &str = "about";

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn label(lang: Lang, c: &Choice) -> &'static str {
    match lang {
        Lang::Kk => c.kk,
        Lang::Ru => c.ru,
    }
}

/// A text cell; empty text leaves the cell empty.
pub(crate) fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() { Cell::Empty } else { Cell::Text(s) }
}

/// A pre-filled choice: the label of `id` in `list`, in the drop-down's language (`id` itself
/// if the list lacks it; nothing if it is empty).
pub(crate) fn choice_cell(list: &[Choice], id: &str, lang: Lang) -> Cell {
    text(crate::documents::choice_label(list, id, lang))
}

/// One list on the `lists` sheet: header and values, and the column it sits in.
struct List {
    id: String,
    values: Vec<String>,
}

fn list_for(ty: ColumnType, opts: &ContractOptions<'_>) -> Option<List> {
    let values: Vec<String> = match ty {
        ColumnType::Choice(choices) => choices.iter().map(|c| label(opts.lang, c).to_string()).collect(),
        ColumnType::YesNo => YES_NO.iter().map(|c| label(opts.lang, c).to_string()).collect(),
        ColumnType::StatCode => stat_codes().into_iter().map(|c| c.code).collect(),
        ColumnType::UnitCode if !opts.unit_codes.is_empty() => opts.unit_codes.to_vec(),
        ColumnType::Months => ["3", "6", "9", "12"].map(String::from).to_vec(),
        _ => return None,
    };
    Some(List { id: String::new(), values })
}

/// Writes a contract workbook for `source` with `rows` of data (none for a blank template).
/// Each row has one cell per contract column, in contract order.
pub fn contract_workbook(
    source: &Source,
    rows: &[Vec<Cell>],
    opts: &ContractOptions<'_>,
) -> Result<Vec<u8>, XlsxError> {
    let title = (format!("esep: {}", source.name), format!("{} / {}", source.kk, source.ru));
    contract_book(&[(source, rows)], opts, title)
}

/// Writes one workbook of several sources, a sheet each, with their rows: the shared `lists`
/// sheet feeds every drop-down and the `about` sheet explains every column.
pub fn contract_book(
    parts: &[(&Source, &[Vec<Cell>])],
    opts: &ContractOptions<'_>,
    (title, subject): (String, String),
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_subject(subject)
            .set_creation_datetime(&excel_date(opts.created)?),
    );
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    let date_fmt = Format::new().set_num_format("dd.mm.yyyy");
    let time_fmt = Format::new().set_num_format("hh:mm");
    let text_fmt = Format::new().set_num_format("@");

    let mut lists: Vec<List> = Vec::new();
    for (source, rows) in parts {
        let mut list_col: Vec<Option<u16>> = Vec::new();
        for column in source.columns {
            match list_for(column.ty, opts) {
                Some(mut list) => {
                    // One source names its lists by column; several, by sheet and column.
                    list.id = if parts.len() == 1 {
                        column.id.to_string()
                    } else {
                        format!("{}.{}", source.name, column.id)
                    };
                    list_col.push(Some(lists.len() as u16));
                    lists.push(list);
                }
                None => list_col.push(None),
            }
        }

        let ws = wb.add_worksheet();
        ws.set_name(source.name)?;
        for (k, column) in source.columns.iter().enumerate() {
            let c = k as u16;
            let title = opts.lang.pick(column.kk, column.ru);
            ws.write_string_with_format(0, c, title, &header)?;
            let widest = title.chars().count();
            ws.set_column_width(c, (widest.clamp(10, 40) as f64) + 2.0)?;
            match column.ty {
                ColumnType::Date => {
                    ws.set_column_format(c, &date_fmt)?;
                }
                ColumnType::Time => {
                    ws.set_column_format(c, &time_fmt)?;
                }
                ColumnType::Text | ColumnType::Code | ColumnType::UnitCode | ColumnType::StatCode => {
                    // Keeps codes like 001 and dates-looking text as typed.
                    ws.set_column_format(c, &text_fmt)?;
                }
                _ => {}
            }
            let list = list_col[k].and_then(|i| lists.get(i as usize));
            if let Some(dv) = validation(column.ty, list_col[k], list, column, opts)? {
                ws.add_data_validation(1, c, LAST_ROW, c, &dv)?;
            }
        }
        ws.set_row_height(0, 36)?;
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (k, cell) in row.iter().enumerate() {
                let c = k as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, c, *n)?;
                    }
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(r, c, excel_date(*d)?, &date_fmt)?;
                    }
                }
            }
        }
    }

    let ls = wb.add_worksheet();
    ls.set_name(LISTS_SHEET)?;
    for (k, list) in lists.iter().enumerate() {
        let c = k as u16;
        ls.write_string_with_format(0, c, &list.id, &header)?;
        for (r, v) in list.values.iter().enumerate() {
            ls.write_string(r as u32 + 1, c, v)?;
        }
        ls.set_column_width(c, 28)?;
    }

    let sources: Vec<&Source> = parts.iter().map(|(s, _)| *s).collect();
    about_sheet(wb.add_worksheet(), &sources, &header)?;
    wb.save_to_buffer()
}

fn validation(
    ty: ColumnType,
    list_index: Option<u16>,
    list: Option<&List>,
    column: &esep_ingest::contract::Column,
    opts: &ContractOptions<'_>,
) -> Result<Option<DataValidation>, XlsxError> {
    let dv = DataValidation::new();
    let dv = match (ty, list_index, list) {
        (_, Some(k), Some(list)) => {
            let col = esep_ingest::diag::column_letters(u32::from(k));
            let last = list.values.len() + 1;
            dv.allow_list_formula(Formula::new(format!("={LISTS_SHEET}!${col}$2:${col}${last}")))
        }
        (ColumnType::Integer { min }, ..) => dv.allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(
            min.clamp(0, i64::from(i32::MAX)) as i32,
        )),
        (ColumnType::Year, ..) => dv.allow_whole_number(DataValidationRule::Between(2000, 2100)),
        (ColumnType::Likert, ..) => dv.allow_whole_number(DataValidationRule::Between(1, 5)),
        (ColumnType::Number, ..) => dv.allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
        (ColumnType::Positive, ..) => dv.allow_decimal_number(DataValidationRule::GreaterThan(0.0)),
        (ColumnType::Date, ..) => dv.allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
            ExcelDateTime::from_ymd(2100, 12, 31)?,
        )),
        _ => return Ok(None),
    };
    let about = match opts.lang {
        Lang::Kk => column.about_kk,
        Lang::Ru => column.about_ru,
    };
    // Excel limits: input title 32 characters, message 255.
    let title: String = column.id.chars().take(32).collect();
    let message: String = about.chars().take(250).collect();
    Ok(Some(
        dv.set_input_title(title)?
            .set_input_message(message)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_message(ty.expected().chars().take(250).collect::<String>())?,
    ))
}

fn about_sheet(ws: &mut Worksheet, sources: &[&Source], header: &Format) -> Result<(), XlsxError> {
    ws.set_name(ABOUT_SHEET)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = Format::new().set_bold();
    // One block per source: its name and purpose, then a row per column (the first block's
    // columns start on row 6, where tools that fill templates look for them).
    let mut top = 0u32;
    for source in sources {
        let name = if sources.len() == 1 {
            format!("{} / {}", source.kk, source.ru)
        } else {
            format!("{} / {} ({})", source.kk, source.ru, source.name)
        };
        ws.write_string_with_format(top, 0, name, &bold)?;
        ws.write_string(top + 1, 0, source.about_kk)?;
        ws.write_string(top + 2, 0, source.about_ru)?;
        let heads = [
            "id",
            "тақырып (kk)",
            "заголовок (ru)",
            "түрі / тип",
            "міндетті / обязательно",
            "мәндер / значения",
            "түсініктеме",
            "пояснение",
        ];
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(top + 4, c as u16, *h, header)?;
        }
        for (r, column) in source.columns.iter().enumerate() {
            let r = top + r as u32 + 5;
            let allowed = match column.ty {
                ColumnType::Choice(choices) => choices
                    .iter()
                    .map(|c| format!("{} / {} / {}", c.id, c.kk, c.ru))
                    .collect::<Vec<_>>()
                    .join("\n"),
                // Several at once: a drop-down holds one value, so the list is written out.
                ColumnType::ChoiceSet(choices) => std::iter::once(
                    "«;» арқылы бір немесе бірнеше / одно или несколько через «;»:".to_string(),
                )
                .chain(choices.iter().map(|c| format!("{} / {} / {}", c.id, c.kk, c.ru)))
                .collect::<Vec<_>>()
                .join("\n"),
                ColumnType::YesNo => "иә / жоқ; да / нет".into(),
                other => other.expected(),
            };
            let required = if column.required { "иә / да" } else { "жоқ / нет" };
            let cells = [column.id, column.kk, column.ru, column.ty.name(), required];
            for (c, v) in cells.iter().enumerate() {
                ws.write_string_with_format(r, c as u16, *v, &wrap)?;
            }
            ws.write_string_with_format(r, 5, &allowed, &wrap)?;
            ws.write_string_with_format(r, 6, column.about_kk, &wrap)?;
            ws.write_string_with_format(r, 7, column.about_ru, &wrap)?;
        }
        top += source.columns.len() as u32 + 7;
    }
    for (c, w) in [18, 24, 24, 14, 12, 40, 45, 45].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    if sources.len() == 1 {
        ws.set_freeze_panes(5, 1)?;
    }
    Ok(())
}
