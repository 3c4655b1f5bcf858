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
    pub current: Option<f64>,
    /// Value for the same period of the previous year.
    pub previous: Option<f64>,
    /// current − previous.
    pub change: Option<f64>,
    /// % change.
    pub change_pct: Option<f64>,
    /// `better`, `worse`, `same`, `neutral`.
    pub assessment: Option<String>,
    /// Whether the change is significant.
    pub significant: Option<bool>,
    /// p-value of the change.
    pub p_value: Option<f64>,
    /// Numerator of the current value.
    pub num: Option<f64>,
    /// Denominator of the current value.
    pub den: Option<f64>,
    /// Numerator of the previous value.
    pub previous_num: Option<f64>,
    /// Denominator of the previous value.
    pub previous_den: Option<f64>,
    /// Observations.
    pub n: Option<f64>,
    /// Effective sample size.
    pub n_eff: Option<f64>,
    /// Lower confidence bound.
    pub ci_low: Option<f64>,
    /// Upper confidence bound.
    pub ci_high: Option<f64>,
    /// Too few respondents.
    pub low_n: bool,
    /// Rank among siblings, 1 = best.
    pub rank: Option<u32>,
    /// Siblings ranked.
    pub rank_of: Option<u32>,
    /// Mean of the siblings' values.
    pub sibling_mean: Option<f64>,
    /// The parent unit's value.
    pub parent_value: Option<f64>,
    /// `better`, `worse`, `same`, `neutral` against the parent.
    pub position: Option<String>,
    /// Why `current` is empty.
    pub missing: Option<String>,
    /// Why `previous` is empty.
    pub previous_missing: Option<String>,
}

/// The rows of some units, in report and catalogue order.
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

/// Shortest exact form: `7931`, `99.87`, `1.2e-70`; empty for none.
fn num(v: Option<f64>) -> String {
    v.map(|v| if v != 0.0 && v.abs() < 1e-4 { format!("{v:e}") } else { format!("{v}") }).unwrap_or_default()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl Row {
    fn fields(&self) -> [String; 36] {
        [
            self.unit.clone(),
            self.unit_kk.clone(),
            self.unit_ru.clone(),
            opt(&self.parent),
            self.year.to_string(),
            self.months.to_string(),
            self.code.clone(),
            self.item.to_string(),
            self.label_kk.clone(),
            self.label_ru.clone(),
            self.measure.clone(),
            self.direction.clone(),
            self.restricted.to_string(),
            num(self.current),
            num(self.previous),
            num(self.change),
            num(self.change_pct),
            opt(&self.assessment),
            opt(&self.significant),
            num(self.p_value),
            num(self.num),
            num(self.den),
            num(self.previous_num),
            num(self.previous_den),
            num(self.n),
            num(self.n_eff),
            num(self.ci_low),
            num(self.ci_high),
            self.low_n.to_string(),
            opt(&self.rank),
            opt(&self.rank_of),
            num(self.sibling_mean),
            num(self.parent_value),
            opt(&self.position),
            opt(&self.missing),
            opt(&self.previous_missing),
        ]
    }
}

/// `indicators.csv`: UTF-8, comma-separated, a header row, RFC 4180 quoting; numbers in their
/// shortest exact form, empty fields for empty values.
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
    csv::Reader::from_reader(bytes).deserialize().collect()
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
        assert_eq!(from_csv(&ours).unwrap_or_else(|e| panic!("{e}")), vec![row]);
    }
}
