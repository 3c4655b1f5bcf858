//! The machine-readable twin of a pack's numbers: `indicators.csv` and `indicators.json`, one
//! [`Figure`] row per (unit, indicator), written and read with serde.
//!
//! Empty values are empty CSV fields and JSON nulls, with the reason in `missing`; whole
//! numbers are written without a decimal point (`7931`), others in their shortest exact form
//! in decimals from 0.00001 (`99.87`, `0.0000192`), in exponent form below (`1.5e-70`). Text a spreadsheet would run as a formula is neutralised in the CSV.

use crate::model::{Figure, Report, UnitReport};

/// The rows of some units that may be published: restricted indicators (rule 3, and every
/// figure that would reveal one) are left out, values, numerators and denominators alike.
/// Borrowed: the rows of a department of 500 bodies are some 45 000.
pub fn public_rows<'a>(units: impl IntoIterator<Item = &'a UnitReport>) -> Vec<&'a Figure> {
    units.into_iter().flat_map(|u| &u.figures).filter(|r| !r.restricted).collect()
}

/// The rows of some units, in report and catalogue order, restricted ones included: for
/// headquarters' workbooks only.
pub fn rows<'a>(units: impl IntoIterator<Item = &'a UnitReport>) -> Vec<&'a Figure> {
    units.into_iter().flat_map(|u| &u.figures).collect()
}

/// The field names of a row, in order: the header of the CSV and of the `data` sheet.
pub fn header() -> Vec<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.serialize(Figure::default());
    let bytes = w.into_inner().unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    text.lines().next().unwrap_or_default().split(',').map(str::to_string).collect()
}

/// What makes a spreadsheet read a text cell as a formula (OWASP, CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text field a spreadsheet will not run: one that would begin a formula, after any
/// single quotes, gets one more quote in front. Numbers are never text fields here.
pub fn neutralise(s: &str) -> String {
    if s.trim_start_matches('\'').starts_with(FORMULA_START) { format!("'{s}") } else { s.to_string() }
}

/// The text [`neutralise`] was given back.
pub fn restore(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// The row with `f` applied to its free-text fields (names, labels, codes).
fn map_text(row: &Figure, f: fn(&str) -> String) -> Figure {
    Figure {
        unit: f(&row.unit).into(),
        unit_kk: f(&row.unit_kk).into(),
        unit_ru: f(&row.unit_ru).into(),
        parent: row.parent.as_deref().map(|p| f(p).into()),
        code: f(&row.code).into(),
        label_kk: f(&row.label_kk).into(),
        label_ru: f(&row.label_ru).into(),
        ..row.clone()
    }
}

/// `indicators.csv`: UTF-8, comma-separated, a header row, RFC 4180 quoting.
pub fn write_csv(out: impl std::io::Write, rows: &[&Figure]) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(map_text(r, neutralise))?;
    }
    if rows.is_empty() {
        w.write_record(header())?;
    }
    w.flush().map_err(Into::into)
}

/// Reads `indicators.csv` back.
pub fn from_csv(bytes: &[u8]) -> Result<Vec<Figure>, csv::Error> {
    csv::Reader::from_reader(bytes)
        .deserialize::<Figure>()
        .map(|r| r.map(|r| map_text(&r, restore)))
        .collect()
}

/// `indicators.json`: the period, the catalogue version, the settings and the rows, every
/// object's keys in alphabetical order. Written row by row: a tree of the whole file took some
/// 300 MB for a department of 500 bodies.
pub fn write_json(mut out: impl std::io::Write, report: &Report, rows: &[&Figure]) -> serde_json::Result<()> {
    let doc = Document {
        catalogue_version: report.catalogue.version,
        figures: Rows(rows),
        period: Sorted(&report.period),
        settings: Sorted(&report.settings),
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The top of `indicators.json`, its fields in alphabetical order.
#[derive(serde::Serialize)]
struct Document<'a> {
    catalogue_version: u32,
    figures: Rows<'a>,
    period: Sorted<'a, esep_ingest::Period>,
    settings: Sorted<'a, crate::Settings>,
}

/// Rows as a JSON array, each row's keys sorted.
struct Rows<'a>(&'a [&'a Figure]);

impl serde::Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|r| Sorted(*r)))
    }
}

/// A value written as a JSON tree writes it: objects with their keys sorted (a struct's fields
/// would come in declaration order). One row's tree at a time.
struct Sorted<'a, T>(&'a T);

impl<T: serde::Serialize> serde::Serialize for Sorted<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::to_value(self.0).map_err(serde::ser::Error::custom)?.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Direction, Measure};

    #[test]
    fn formula_starts_are_neutralised_and_restored() {
        for (raw, written) in [
            ("=1+1", "'=1+1"),
            ("+7 701", "'+7 701"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''", "''"),
            ("O'Brien", "O'Brien"),
            ("Ақжар", "Ақжар"),
            ("", ""),
        ] {
            assert_eq!(neutralise(raw), written, "{raw:?}");
            assert_eq!(restore(written), raw, "{raw:?}");
        }
    }

    #[test]
    fn rows_round_trip_through_the_csv() {
        let row = Figure {
            unit: "U".into(),
            unit_kk: "Ә".into(),
            unit_ru: "Р".into(),
            year: 2025,
            months: 12,
            code: "c".into(),
            item: 1,
            label_kk: "a, \"b\"".into(),
            label_ru: "=HYPERLINK(\"x\")".into(),
            measure: Measure::Count,
            direction: Direction::Lower,
            current: Some(7931.0),
            significant: Some(true),
            p_value: Some(1.5e-70),
            num: Some(0.1),
            rank: Some(2),
            rank_of: Some(3),
            previous_missing: Some(crate::model::Reason::NoData),
            ..Figure::default()
        };
        let mut ours = Vec::new();
        write_csv(&mut ours, &[&row]).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(ours.clone()).unwrap_or_default();
        assert_eq!(text.lines().next().map(|h| h.split(',').count()), Some(36));
        assert!(text.starts_with("unit,unit_kk,unit_ru,parent,year,months,code,item,"), "{text}");
        assert!(text.contains(",7931,,"), "{text}");
        assert!(text.contains(",1.5e-70,0.1,"), "{text}");
        assert!(text.contains("\"a, \"\"b\"\"\""), "{text}");
        // A label that would run as a formula in a spreadsheet is written as text.
        assert!(text.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{text}");
        assert!(text.trim_end().ends_with(",no_data"), "{text}");
        assert_eq!(from_csv(&ours).unwrap_or_else(|e| panic!("{e}")), vec![row]);
        assert_eq!(header().len(), 36);
    }
}
