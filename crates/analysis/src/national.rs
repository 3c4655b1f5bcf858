//! Headquarters' comparison of departments (`esep compare`): each department's figures as its
//! pack recorded them, ranks across departments, and national totals recomputed from the
//! departments' numerators and denominators — never averaged percentages.

use calamine::{RangeDeserializerBuilder, Reader};
use esep_ingest::{Msg, UnitCode};
use serde::Serialize;

use crate::catalogue::{Catalogue, Direction, Formula};
use crate::error::Error;
use crate::model::Figure;

/// One department of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Department {
    /// Department code.
    pub code: UnitCode,
    /// Name, Kazakh.
    pub name_kk: String,
    /// Name, Russian.
    pub name_ru: String,
    /// Its figures, one per catalogue indicator (the department's row of its pack).
    pub figures: Vec<Option<Figure>>,
    /// Rank across departments per indicator, 1 = best.
    pub ranks: Vec<Option<u32>>,
}

/// National totals of one indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Total {
    /// Value for the period.
    pub current: Option<f64>,
    /// Value for the same period of the previous year.
    pub previous: Option<f64>,
    /// Σ numerators of the period.
    pub num: Option<f64>,
    /// Σ denominators of the period.
    pub den: Option<f64>,
    /// Why there is no total (`not_additive`: medians and means of measures).
    pub missing: Option<String>,
}

/// The comparison of several departments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct National {
    /// Reporting year.
    pub year: i32,
    /// Months since 1 January.
    pub months: u32,
    /// Departments in the order given.
    pub departments: Vec<Department>,
    /// National totals, one per catalogue indicator.
    pub totals: Vec<Total>,
}

/// What a pack's department workbook holds for a comparison.
#[derive(Debug, Clone)]
pub struct Pack {
    /// `YYYY-MM` of its period.
    pub period: String,
    /// The catalogue version it was built with.
    pub catalogue_version: String,
    /// Its `data` sheet: every unit's figures, restricted ones included.
    pub rows: Vec<Figure>,
}

/// What a workbook's `codes` sheet says: per sheet id, its written name and, per header's
/// machine code, the cell (row, column) it is written in.
#[derive(Debug, Default)]
struct Codes {
    sheets: Vec<(String, String)>,
    heads: Vec<(String, String, (u32, u32))>,
}

impl Codes {
    /// Reads the `codes` sheet; a workbook without one (packs written before the workbooks
    /// spoke Kazakh and Russian) names its sheets and headers by their ids.
    fn read(wb: &mut esep_ingest::workbook::Workbook<'_>) -> Result<Option<Self>, Error> {
        if !wb.sheet_names().iter().any(|n| n == "codes") {
            return Ok(None);
        }
        let range = wb.worksheet_range("codes").map_err(|e| {
            Error::Pack(Msg::new("pack-cell").arg("place", "codes").arg("reason", e.to_string()))
        })?;
        let mut codes = Codes::default();
        for (k, row) in range.rows().enumerate().skip(1) {
            let text = |c: usize| row.get(c).map(|d| d.to_string()).unwrap_or_default();
            let (sheet, name, cell, code) = (text(0), text(1), text(2), text(3));
            let pos = esep_ingest::diag::from_a1(&cell).ok_or_else(|| {
                Error::Pack(
                    Msg::new("pack-cell")
                        .arg("place", format!("codes!C{}", k + 1))
                        .arg("reason", format!("`{cell}`")),
                )
            })?;
            if !codes.sheets.iter().any(|(id, _)| *id == sheet) {
                codes.sheets.push((sheet.clone(), name));
            }
            codes.heads.push((sheet, code, pos));
        }
        Ok(Some(codes))
    }

    fn sheet(&self, id: &str) -> Option<&str> {
        self.sheets.iter().find(|(s, _)| s == id).map(|(_, n)| n.as_str())
    }

    fn heads<'a>(&'a self, sheet: &'a str) -> impl Iterator<Item = (&'a str, (u32, u32))> + 'a {
        self.heads.iter().filter(move |(s, _, _)| s == sheet).map(|(_, c, p)| (c.as_str(), *p))
    }
}

/// Reads the `data` and `about` sheets of a department workbook written by `esep build`, in
/// whatever language it was written: the `codes` sheet names them and their headers.
pub fn read_pack(bytes: &[u8]) -> Result<Pack, Error> {
    let pack = Error::Pack;
    let mut wb = esep_ingest::workbook::open(bytes)
        .map_err(|e| pack(Msg::new("pack-unreadable").arg("reason", e.message())))?;
    let codes = Codes::read(&mut wb)?;
    let name = |id: &'static str| codes.as_ref().and_then(|c| c.sheet(id)).unwrap_or(id).to_string();
    let (data_name, about_name) = (name("data"), name("about"));
    let mut data = wb
        .worksheet_range(&data_name)
        .map_err(|_| pack(Msg::new("pack-no-sheet").arg("sheet", data_name.clone())))?;
    // The header row back to the open data's ids, whatever language it is written in.
    if let Some(codes) = &codes {
        for (code, (row, col)) in codes.heads("data") {
            if row == 0 {
                data.set_value((row, col), calamine::Data::String(code.to_string()));
            }
        }
    }
    let head: Vec<String> =
        data.rows().next().map(|r| r.iter().map(|d| d.to_string()).collect()).unwrap_or_default();
    let expected = crate::open_data::header();
    if head != expected {
        return Err(pack(
            Msg::new("pack-header").arg("sheet", data_name.clone()).arg("header", expected.join(", ")),
        ));
    }
    let rows = RangeDeserializerBuilder::with_deserialize_headers::<Figure>()
        .from_range::<_, Figure>(&data)
        .map_err(|e| {
            pack(Msg::new("pack-cell").arg("place", data_name.clone()).arg("reason", e.to_string()))
        })?
        .enumerate()
        .map(|(k, r)| {
            r.map_err(|e| {
                let place = format!("{data_name}!A{}", k + 2);
                pack(Msg::new("pack-cell").arg("place", place).arg("reason", e.to_string()))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let about = wb
        .worksheet_range(&about_name)
        .map_err(|_| pack(Msg::new("pack-no-sheet").arg("sheet", about_name.clone())))?;
    let value = |key: &str| {
        let at = match &codes {
            // The value stands right of its header's cell.
            Some(codes) => codes.heads("about").find(|(c, _)| *c == key).map(|(_, (r, c))| (r, c + 1)),
            None => about
                .rows()
                .position(|r| r.first().map(|d| d.to_string()).as_deref() == Some(key))
                .map(|r| (r as u32, 1)),
        };
        at.and_then(|p| about.get_value(p)).map(|d| d.to_string()).filter(|v| !v.is_empty()).ok_or_else(
            || pack(Msg::new("pack-no-key").arg("sheet", about_name.clone()).arg("key", key.to_string())),
        )
    };
    Ok(Pack { period: value("period")?, catalogue_version: value("catalogue_version")?, rows })
}

/// Σ of `part` over the rows, if every row has it.
fn sum(rows: &[&Figure], part: impl Fn(&Figure) -> Option<f64>) -> Option<f64> {
    rows.iter().map(|r| part(r)).sum::<Option<f64>>()
}

/// The factor that turns num / den into the value (100 for shares, 10 000 for rates, …), read
/// from the first row that allows it, so the settings a pack was built with are kept.
fn scale(
    rows: &[&Figure],
    value: impl Fn(&Figure) -> Option<f64>,
    num: impl Fn(&Figure) -> Option<f64>,
    den: impl Fn(&Figure) -> Option<f64>,
) -> Option<f64> {
    rows.iter().find_map(|r| {
        let (v, n, d) = (value(r)?, num(r)?, den(r)?);
        (n != 0.0 && d != 0.0).then(|| v / (n / d))
    })
}

fn total(formula: &Formula, rows: &[&Figure]) -> Total {
    if rows.is_empty() {
        return Total { missing: Some("no_data".into()), ..Total::default() };
    }
    if matches!(formula, Formula::AppealsMedianDays | Formula::ProgrammeExecution { .. }) {
        return Total { missing: Some("not_additive".into()), ..Total::default() };
    }
    let ratio = matches!(
        formula,
        Formula::Rate { .. }
            | Formula::Share { .. }
            | Formula::AppealsOnTime
            | Formula::MediaResponded
            | Formula::SurveyTop { .. }
            | Formula::SurveyYes { .. }
            | Formula::FundingExecution
    );
    let (num, den) = (sum(rows, |r| r.num), sum(rows, |r| r.den));
    let (pnum, pden) = (sum(rows, |r| r.previous_num), sum(rows, |r| r.previous_den));
    if !ratio {
        return Total {
            current: num,
            previous: pnum,
            num,
            den: None,
            missing: num.is_none().then(|| "no_data".into()),
        };
    }
    let k = scale(rows, |r| r.current, |r| r.num, |r| r.den)
        .or_else(|| scale(rows, |r| r.previous, |r| r.previous_num, |r| r.previous_den));
    let value = |n: Option<f64>, d: Option<f64>| match (n, d, k) {
        (Some(n), Some(d), Some(k)) if d != 0.0 => Some(k * n / d),
        _ => None,
    };
    let current = value(num, den);
    Total {
        current,
        previous: value(pnum, pden),
        num,
        den,
        missing: current.is_none().then(|| "no_data".into()),
    }
}

/// Competition ranks (1, 2, 2, 4) of values given the direction.
fn ranks(values: &[Option<f64>], direction: Direction) -> Vec<Option<u32>> {
    values
        .iter()
        .map(|v| {
            let v = (*v)?;
            Some(direction.rank(v, values.iter().flatten().copied()))
        })
        .collect()
}

/// Compares departments: `packs` holds each pack's rows (every unit); the department is the
/// unit without a parent. The caller has checked that periods and catalogue versions agree.
pub fn compare(catalogue: &Catalogue, packs: &[Vec<Figure>]) -> National {
    let mut departments = Vec::new();
    let (mut year, mut months) = (0, 0);
    for rows in packs {
        let top: Vec<&Figure> = rows.iter().filter(|r| r.parent.is_none()).collect();
        let Some(first) = top.first() else { continue };
        (year, months) = (first.year, first.months);
        let figures = catalogue
            .indicators
            .iter()
            .map(|ind| top.iter().find(|r| r.code == ind.code).map(|r| (*r).clone()))
            .collect();
        departments.push(Department {
            code: first.unit.clone(),
            name_kk: first.unit_kk.to_string(),
            name_ru: first.unit_ru.to_string(),
            figures,
            ranks: Vec::new(),
        });
    }
    let mut totals = Vec::new();
    for (k, ind) in catalogue.indicators.iter().enumerate() {
        let rows: Vec<&Figure> = departments.iter().filter_map(|d| d.figures[k].as_ref()).collect();
        totals.push(total(&ind.formula, &rows));
        let values: Vec<Option<f64>> =
            departments.iter().map(|d| d.figures[k].as_ref().and_then(|r| r.current)).collect();
        let ranked = if ind.direction != Direction::Neutral && ind.unit.comparable() && values.len() > 1 {
            ranks(&values, ind.direction)
        } else {
            vec![None; values.len()]
        };
        for (d, r) in departments.iter_mut().zip(ranked) {
            d.ranks.push(r);
        }
    }
    National { year, months, departments, totals }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit: &str, code: &str, current: f64, num: Option<f64>, den: Option<f64>) -> Figure {
        Figure {
            unit: unit.into(),
            year: 2025,
            months: 12,
            code: code.into(),
            item: 1,
            current: Some(current),
            num,
            den,
            ..Figure::default()
        }
    }

    #[test]
    fn totals_come_from_numerators_and_denominators() {
        let cat = Catalogue::builtin();
        let a = vec![
            row("A", "crime_registered", 300.0, Some(300.0), None),
            row("A", "crime_rate", 30.0, Some(300.0), Some(100_000.0)),
            row("A", "clearance", 50.0, Some(150.0), Some(300.0)),
        ];
        let b = vec![
            row("B", "crime_registered", 100.0, Some(100.0), None),
            row("B", "crime_rate", 100.0, Some(100.0), Some(10_000.0)),
            row("B", "clearance", 90.0, Some(90.0), Some(100.0)),
        ];
        let n = compare(&cat, &[a, b]);
        let at = |code: &str| cat.indicators.iter().position(|i| i.code == code).unwrap_or(0);
        assert_eq!(n.totals[at("crime_registered")].current, Some(400.0));
        // 400 × 10 000 / 110 000 = 36.36, not the mean of 30 and 100.
        let rate = n.totals[at("crime_rate")].current.unwrap_or(0.0);
        assert!((rate - 400.0 * 10_000.0 / 110_000.0).abs() < 1e-9, "{rate}");
        // (150 + 90) / (300 + 100) = 60 %, not the mean of 50 % and 90 %.
        let clearance = n.totals[at("clearance")].current.unwrap_or(0.0);
        assert!((clearance - 60.0).abs() < 1e-9, "{clearance}");
        // Lower crime rate ranks first; higher clearance ranks first; counts are not ranked.
        assert_eq!(
            (n.departments[0].ranks[at("crime_rate")], n.departments[1].ranks[at("crime_rate")]),
            (Some(1), Some(2))
        );
        assert_eq!(
            (n.departments[0].ranks[at("clearance")], n.departments[1].ranks[at("clearance")]),
            (Some(2), Some(1))
        );
        assert_eq!(n.departments[0].ranks[at("crime_registered")], None);
        assert_eq!(n.totals[at("appeals_median_days")].missing.as_deref(), Some("no_data"));
    }
}
