//! The unit's workbook of figures (`indicators.xlsx`), for analysts and headquarters.

use chrono::Datelike;
use esep_analysis::{Report, UnitReport};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::format;

/// Number format per unit of measure.
fn num_format(measure: esep_analysis::Measure) -> &'static str {
    match format::decimals(measure) {
        0 => "#,##0",
        _ => "#,##0.0",
    }
}

/// Writes the unit's indicators (restricted ones included and marked) as a workbook.
pub fn indicators_workbook(report: &Report, unit: &UnitReport) -> Result<Vec<u8>, XlsxError> {
    let end = report.period.end();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("esep: {} — {}", unit.name_ru, report.period.label_ru()))
            .set_creation_datetime(&ExcelDateTime::from_ymd(
                end.year() as u16,
                end.month() as u8,
                end.day() as u8,
            )?),
    );
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    let ws = wb.add_worksheet();
    ws.set_name("indicators")?;
    let heads = [
        "item",
        "code",
        "көрсеткіш",
        "показатель",
        "unit",
        "previous (АППГ)",
        "current",
        "change",
        "change %",
        "restricted",
        "missing",
        "significant",
        "p-value",
        "rank",
        "of",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
    }
    for (r, (ind, fig)) in report.catalogue.indicators.iter().zip(&unit.figures).enumerate() {
        let r = r as u32 + 1;
        let fmt = Format::new().set_num_format(num_format(ind.unit));
        ws.write_number(r, 0, f64::from(ind.item))?;
        ws.write_string(r, 1, &ind.code)?;
        ws.write_string(r, 2, &ind.kk)?;
        ws.write_string(r, 3, &ind.ru)?;
        ws.write_string(r, 4, ind.unit.id())?;
        for (c, v) in [(5, fig.previous), (6, fig.current), (7, fig.change)] {
            if let Some(v) = v {
                ws.write_number_with_format(r, c, v, &fmt)?;
            }
        }
        if let Some(p) = fig.change_pct {
            ws.write_number_with_format(r, 8, p / 100.0, &Format::new().set_num_format("+0.0%;-0.0%;0.0%"))?;
        }
        ws.write_string(r, 9, if ind.restricted { "restricted" } else { "" })?;
        ws.write_string(r, 10, fig.missing.map_or("", |m| m.id()))?;
        if let Some(sig) = fig.significant {
            ws.write_string(r, 11, if sig { "yes" } else { "no" })?;
        }
        if let Some(p) = fig.p_value {
            ws.write_number_with_format(r, 12, p, &Format::new().set_num_format("0.0000"))?;
        }
        if let (Some(rank), Some(of)) = (fig.rank, fig.rank_of) {
            ws.write_number(r, 13, f64::from(rank))?;
            ws.write_number(r, 14, f64::from(of))?;
        }
    }
    for (c, w) in [6, 26, 44, 44, 9, 14, 14, 12, 10, 10, 16, 10, 9, 6, 5].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 2)?;
    let last = report.catalogue.indicators.len() as u32;
    ws.autofilter(0, 0, last, (heads.len() - 1) as u16)?;

    let about = wb.add_worksheet();
    about.set_name("about")?;
    let rows = [
        ("unit", unit.code.clone()),
        ("name_kk", unit.name_kk.clone()),
        ("name_ru", unit.name_ru.clone()),
        ("period", format!("{}-{:02}", report.period.year, report.period.months)),
        ("period_kk", report.period.label_kk()),
        ("period_ru", report.period.label_ru()),
        ("catalogue_version", report.catalogue.version.to_string()),
        ("esep_version", env!("CARGO_PKG_VERSION").to_string()),
    ];
    for (r, (k, v)) in rows.iter().enumerate() {
        about.write_string_with_format(r as u32, 0, *k, &Format::new().set_bold())?;
        about.write_string(r as u32, 1, v)?;
    }
    about.set_column_width(0, 20)?;
    about.set_column_width(1, 60)?;
    wb.save_to_buffer()
}
