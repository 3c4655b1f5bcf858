//! The machine-readable twin of a pack's numbers: `indicators.csv` and `indicators.json`, one
//! row per (unit, indicator), usable as open data and by tests.
//!
//! Empty values are empty CSV fields and JSON nulls, with the reason in `missing`; numbers are
//! written in their shortest exact form (`99.87`, `7931`).

use serde::{Deserialize, Serialize};

use crate::model::{Report, UnitReport};

/// One figure of one unit, flat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Unit code.
    pub unit: String,
    /// Unit name, Kazakh.
    pub unit_kk: String,
    /// Unit name, Russian.
    pub unit_ru: String,
    /// Parent unit code.
    pub parent: Option<String>,
    /// Reporting year.
    pub year: i32,
    /// Months since 1 January.
    pub months: u32,
    /// Indicator code.
    pub code: String,
    /// Rule-6 item.
    pub item: u8,
    /// Label, Kazakh.
    pub label_kk: String,
    /// Label, Russian.
    pub label_ru: String,
    /// Unit of measure id.
    pub measure: String,
    /// `higher`, `lower` or `neutral`.
    pub direction: String,
    /// Kept out of public documents.
    pub restricted: bool,
    /// Value for the period.
    #[serde(serialize_with = "whole")]
    pub current: Option<f64>,
    /// Value for the same period of the previous year.
    #[serde(serialize_with = "whole")]
    pub previous: Option<f64>,
    /// current − previous.
    #[serde(serialize_with = "whole")]
    pub change: Option<f64>,
    /// % change.
    #[serde(serialize_with = "whole")]
    pub change_pct: Option<f64>,
    /// `better`, `worse`, `same`, `neutral`.
    pub assessment: Option<String>,
    /// Whether the change is significant.
    pub significant: Option<bool>,
    /// p-value of the change.
    #[serde(serialize_with = "whole")]
    pub p_value: Option<f64>,
    /// Numerator of the current value.
    #[serde(serialize_with = "whole")]
    pub num: Option<f64>,
    /// Denominator of the current value.
    #[serde(serialize_with = "whole")]
    pub den: Option<f64>,
    /// Numerator of the previous value.
    #[serde(serialize_with = "whole")]
    pub previous_num: Option<f64>,
    /// Denominator of the previous value.
    #[serde(serialize_with = "whole")]
    pub previous_den: Option<f64>,
    /// Observations.
    #[serde(serialize_with = "whole")]
    pub n: Option<f64>,
    /// Effective sample size.
    #[serde(serialize_with = "whole")]
    pub n_eff: Option<f64>,
    /// Lower confidence bound.
    #[serde(serialize_with = "whole")]
    pub ci_low: Option<f64>,
    /// Upper confidence bound.
    #[serde(serialize_with = "whole")]
    pub ci_high: Option<f64>,
    /// Too few respondents.
    pub low_n: bool,
    /// Rank among siblings, 1 = best.
    pub rank: Option<u32>,
    /// Siblings ranked.
    pub rank_of: Option<u32>,
    /// Mean of the siblings' values.
    #[serde(serialize_with = "whole")]
    pub sibling_mean: Option<f64>,
    /// The parent unit's value.
    #[serde(serialize_with = "whole")]
    pub parent_value: Option<f64>,
    /// `better`, `worse`, `same`, `neutral` against the parent.
    pub position: Option<String>,
    /// Why `current` is empty.
    pub missing: Option<String>,
    /// Why `previous` is empty.
    pub previous_missing: Option<String>,
}

/// Whole numbers as integers (`7931`, not `7931.0`), in JSON as in CSV.
fn whole<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_some(&(*v as i64)),
        Some(v) => s.serialize_some(v),
        None => s.serialize_none(),
    }
}

/// The rows of some units that may be published: restricted indicators (rule 3, and every
/// figure that would reveal one) are left out, values, numerators and denominators alike.
pub fn public_rows<'a>(report: &Report, units: impl IntoIterator<Item = &'a UnitReport>) -> Vec<Row> {
    rows(report, units).into_iter().filter(|r| !r.restricted).collect()
}

/// The rows of some units, in report and catalogue order, restricted ones included: for
/// headquarters' workbooks only.
pub fn rows<'a>(report: &Report, units: impl IntoIterator<Item = &'a UnitReport>) -> Vec<Row> {
    let mut out = Vec::new();
    for u in units {
        for (ind, f) in report.catalogue.indicators.iter().zip(&u.figures) {
            out.push(Row {
                unit: u.code.clone(),
                unit_kk: u.name_kk.clone(),
                unit_ru: u.name_ru.clone(),
                parent: u.parent.clone(),
                year: report.period.year,
                months: report.period.months,
                code: ind.code.clone(),
                item: ind.item,
                label_kk: ind.kk.clone(),
                label_ru: ind.ru.clone(),
                measure: ind.unit.id().into(),
                direction: ind.direction.id().into(),
                restricted: ind.restricted,
                current: f.current,
                previous: f.previous,
                change: f.change,
                change_pct: f.change_pct,
                assessment: f.assessment.map(|a| a.id().into()),
                significant: f.significant,
                p_value: f.p_value,
                num: f.num,
                den: f.den,
                previous_num: f.previous_num,
                previous_den: f.previous_den,
                n: f.n,
                n_eff: f.n_eff,
                ci_low: f.ci_low,
                ci_high: f.ci_high,
                low_n: f.low_n,
                rank: f.rank,
                rank_of: f.rank_of,
                sibling_mean: f.sibling_mean,
                parent_value: f.parent_value,
                position: f.position.map(|a| a.id().into()),
                missing: f.missing.map(|r| r.id().into()),
                previous_missing: f.previous_missing.map(|r| r.id().into()),
            });
        }
    }
    out
}

/// The CSV header: the field names of [`Row`], in order.
pub const HEADER: [&str; 36] = [
    "unit",
    "unit_kk",
    "unit_ru",
    "parent",
    "year",
    "months",
    "code",
    "item",
    "label_kk",
    "label_ru",
    "measure",
    "direction",
    "restricted",
    "current",
    "previous",
    "change",
    "change_pct",
    "assessment",
    "significant",
    "p_value",
    "num",
    "den",
    "previous_num",
    "previous_den",
    "n",
    "n_eff",
    "ci_low",
    "ci_high",
    "low_n",
    "rank",
    "rank_of",
    "sibling_mean",
    "parent_value",
    "position",
    "missing",
    "previous_missing",
];

/// Shortest exact form: decimals from 0.00001 (`7931`, `99.87`, `0.0000192`), exponent form
/// below (`1.5e-70`); empty for none.
fn num(v: f64) -> String {
    if v != 0.0 && v.abs() < 1e-5 { format!("{v:e}") } else { format!("{v}") }
}

/// One typed field of a [`Row`], as a workbook stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A flag.
    Bool(bool),
    /// Nothing.
    Empty,
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn opt_text(s: &Option<String>) -> Cell {
    s.as_deref().map_or(Cell::Empty, text)
}

fn number(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Number)
}

impl Row {
    /// The fields in [`HEADER`] order, typed.
    pub fn cells(&self) -> [Cell; 36] {
        [
            text(&self.unit),
            text(&self.unit_kk),
            text(&self.unit_ru),
            opt_text(&self.parent),
            Cell::Number(f64::from(self.year)),
            Cell::Number(f64::from(self.months)),
            text(&self.code),
            Cell::Number(f64::from(self.item)),
            text(&self.label_kk),
            text(&self.label_ru),
            text(&self.measure),
            text(&self.direction),
            Cell::Bool(self.restricted),
            number(self.current),
            number(self.previous),
            number(self.change),
            number(self.change_pct),
            opt_text(&self.assessment),
            self.significant.map_or(Cell::Empty, Cell::Bool),
            number(self.p_value),
            number(self.num),
            number(self.den),
            number(self.previous_num),
            number(self.previous_den),
            number(self.n),
            number(self.n_eff),
            number(self.ci_low),
            number(self.ci_high),
            Cell::Bool(self.low_n),
            number(self.rank.map(f64::from)),
            number(self.rank_of.map(f64::from)),
            number(self.sibling_mean),
            number(self.parent_value),
            opt_text(&self.position),
            opt_text(&self.missing),
            opt_text(&self.previous_missing),
        ]
    }

    fn fields(&self) -> Vec<String> {
        self.cells()
            .into_iter()
            .map(|c| match c {
                Cell::Text(s) => neutralise(&s),
                Cell::Number(v) => num(v),
                Cell::Bool(b) => b.to_string(),
                Cell::Empty => String::new(),
            })
            .collect()
    }

    /// A row from typed fields in [`HEADER`] order (a `data` sheet read back), or what is wrong.
    pub fn from_cells(cells: &[Cell]) -> Result<Self, String> {
        if cells.len() != HEADER.len() {
            return Err(format!("expected {} columns, found {}", HEADER.len(), cells.len()));
        }
        let field = |k: usize| &cells[k];
        let s = |k: usize| -> Result<String, String> {
            match field(k) {
                Cell::Text(t) => Ok(t.clone()),
                Cell::Empty => Ok(String::new()),
                Cell::Number(v) => Ok(num(*v)),
                Cell::Bool(b) => Ok(b.to_string()),
            }
        };
        let os = |k: usize| -> Result<Option<String>, String> { s(k).map(|t| (!t.is_empty()).then_some(t)) };
        let n = |k: usize| -> Result<Option<f64>, String> {
            match field(k) {
                Cell::Number(v) => Ok(Some(*v)),
                Cell::Empty => Ok(None),
                Cell::Text(t) if t.is_empty() => Ok(None),
                Cell::Text(t) => {
                    t.parse().map(Some).map_err(|_| format!("{}: `{t}` is not a number", HEADER[k]))
                }
                Cell::Bool(_) => Err(format!("{}: expected a number", HEADER[k])),
            }
        };
        let req =
            |k: usize| -> Result<f64, String> { n(k)?.ok_or_else(|| format!("{} is empty", HEADER[k])) };
        let b = |k: usize| -> Result<Option<bool>, String> {
            match field(k) {
                Cell::Bool(v) => Ok(Some(*v)),
                Cell::Empty => Ok(None),
                Cell::Text(t) if t == "true" => Ok(Some(true)),
                Cell::Text(t) if t == "false" => Ok(Some(false)),
                Cell::Text(t) if t.is_empty() => Ok(None),
                _ => Err(format!("{}: expected true or false", HEADER[k])),
            }
        };
        let whole = |v: Option<f64>| v.map(|v| v as u32);
        Ok(Self {
            unit: s(0)?,
            unit_kk: s(1)?,
            unit_ru: s(2)?,
            parent: os(3)?,
            year: req(4)? as i32,
            months: req(5)? as u32,
            code: s(6)?,
            item: req(7)? as u8,
            label_kk: s(8)?,
            label_ru: s(9)?,
            measure: s(10)?,
            direction: s(11)?,
            restricted: b(12)?.unwrap_or(false),
            current: n(13)?,
            previous: n(14)?,
            change: n(15)?,
            change_pct: n(16)?,
            assessment: os(17)?,
            significant: b(18)?,
            p_value: n(19)?,
            num: n(20)?,
            den: n(21)?,
            previous_num: n(22)?,
            previous_den: n(23)?,
            n: n(24)?,
            n_eff: n(25)?,
            ci_low: n(26)?,
            ci_high: n(27)?,
            low_n: b(28)?.unwrap_or(false),
            rank: whole(n(29)?),
            rank_of: whole(n(30)?),
            sibling_mean: n(31)?,
            parent_value: n(32)?,
            position: os(33)?,
            missing: os(34)?,
            previous_missing: os(35)?,
        })
    }
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

/// `indicators.csv`: UTF-8, comma-separated, a header row, RFC 4180 quoting; numbers in their
/// shortest exact form, empty fields for empty values, text that would start a formula
/// neutralised with a leading `'`.
pub fn to_csv(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    for r in rows {
        w.write_record(r.fields())?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Reads `indicators.csv` back.
pub fn from_csv(bytes: &[u8]) -> Result<Vec<Row>, csv::Error> {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers()?.clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record: csv::StringRecord = record?.iter().map(restore).collect();
        out.push(record.deserialize(Some(&headers))?);
    }
    Ok(out)
}

/// `indicators.json`: the period, the catalogue version, the settings and the rows.
pub fn to_json(report: &Report, rows: &[Row]) -> serde_json::Result<Vec<u8>> {
    let doc = serde_json::json!({
        "period": report.period,
        "catalogue_version": report.catalogue.version,
        "settings": report.settings,
        "figures": rows,
    });
    let mut out = serde_json::to_vec_pretty(&doc)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn header_names_the_fields_in_order() {
        // Serialising a row with serde gives the field names; the hand-written header must match.
        let mut w = csv::Writer::from_writer(Vec::new());
        let row = Row {
            unit: "U".into(),
            unit_kk: "Ә".into(),
            unit_ru: "Р".into(),
            parent: None,
            year: 2025,
            months: 12,
            code: "c".into(),
            item: 1,
            label_kk: "a, \"b\"".into(),
            label_ru: "=HYPERLINK(\"x\")".into(),
            measure: "count".into(),
            direction: "lower".into(),
            restricted: false,
            current: Some(7931.0),
            previous: None,
            change: None,
            change_pct: None,
            assessment: None,
            significant: Some(true),
            p_value: Some(1.5e-70),
            num: Some(0.1),
            den: None,
            previous_num: None,
            previous_den: None,
            n: None,
            n_eff: None,
            ci_low: None,
            ci_high: None,
            low_n: false,
            rank: Some(2),
            rank_of: Some(3),
            sibling_mean: None,
            parent_value: None,
            position: None,
            missing: None,
            previous_missing: Some("no_data".into()),
        };
        w.serialize(&row).unwrap_or_else(|e| panic!("{e}"));
        let serde = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        assert_eq!(serde.lines().next(), Some(HEADER.join(",").as_str()));

        let ours = to_csv(std::slice::from_ref(&row)).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(ours.clone()).unwrap_or_default();
        assert!(text.contains(",7931,,"), "{text}");
        assert!(text.contains(",1.5e-70,0.1,"), "{text}");
        assert!(text.contains("\"a, \"\"b\"\"\""), "{text}");
        assert_eq!(from_csv(&ours).unwrap_or_else(|e| panic!("{e}")), vec![row.clone()]);
        // A label that would run as a formula in a spreadsheet is written as text.
        assert!(text.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{text}");
        assert_eq!(Row::from_cells(&row.cells()), Ok(row));
    }
}
