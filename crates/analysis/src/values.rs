//! Each indicator's value for every unit and both years, computed over the sums frame
//! ([`crate::sums::wide`]) in one pass: per indicator a frame of `unit`, `year`, `value`,
//! `num`, `den`, `n`, `n_eff`, `ci_low`, `ci_high` and `missing` (the [`Reason`] id when there
//! is no value). Rates and shares are recomputed from summed counts, never averaged.

use esep_ingest::{Dataset, Period};
use polars::prelude::*;

use crate::catalogue::{Catalogue, Formula};
use crate::model::Reason;
use crate::settings::{RateBasis, Settings};
use crate::stats;
use crate::sums::{self, name};
use crate::tree::Tree;

/// The parts of a survey share, after `unit` and `year`.
const PARTS: [&str; 7] = ["value", "num", "den", "n", "n_eff", "ci_low", "ci_high"];

/// One indicator's value in one row, or why there is none.
type Row = Result<Parts, Reason>;

/// The parts of a value: value, numerator, denominator, observations.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    value: f64,
    num: Option<f64>,
    den: Option<f64>,
    n: Option<f64>,
}

impl Parts {
    fn count(v: f64) -> Self {
        Self { value: v, num: Some(v), ..Self::default() }
    }

    fn ratio(num: f64, den: f64, scale: f64) -> Row {
        if den == 0.0 {
            return Err(Reason::ZeroDenominator);
        }
        Ok(Self { value: scale * num / den, num: Some(num), den: Some(den), n: None })
    }
}

/// Named columns of the sums frame, read as numbers; an absent column reads as empty.
struct Sums<'a> {
    wide: &'a DataFrame,
}

impl Sums<'_> {
    fn get(&self, name: &str) -> PolarsResult<Float64Chunked> {
        match self.wide.column(name) {
            Ok(c) => Ok(c.cast(&DataType::Float64)?.f64()?.clone()),
            Err(_) => Ok(Float64Chunked::full_null(name.into(), self.wide.height())),
        }
    }
}

/// Every indicator's values, one frame each, in catalogue order.
pub(crate) fn values(
    data: &Dataset,
    tree: &Tree,
    catalogue: &Catalogue,
    settings: &Settings,
) -> PolarsResult<Vec<DataFrame>> {
    let period = data.period;
    let grid = grid(&tree.units, period)?;
    let wide = sums::wide(data, tree, catalogue, settings, &grid)?;
    let rate_factor = match settings.rates.basis {
        RateBasis::Period => 1.0,
        RateBasis::Annual => 12.0 / f64::from(period.months.max(1)),
    };
    let sums = Sums { wide: &wide };
    let years = wide.column("year")?.i32()?.clone();
    let z = settings.z();
    let mut out = Vec::with_capacity(catalogue.indicators.len());
    for (k, ind) in catalogue.indicators.iter().enumerate() {
        out.push(match &ind.formula {
            Formula::SurveyTop { .. } | Formula::SurveyYes { .. } => survey(&wide, k, z)?,
            formula => {
                let rows = evaluate(k, formula, &sums, rate_factor)?;
                let this_year = |i: usize| years.get(i) == Some(period.year);
                let rows: Vec<Row> =
                    rows.into_iter()
                        .enumerate()
                        .map(|(i, r)| {
                            if compared_yearly(formula) || this_year(i) {
                                r
                            } else {
                                Err(Reason::NotCompared)
                            }
                        })
                        .collect();
                frame(&wide, &rows)?
            }
        });
    }
    Ok(out)
}

/// Programmes and the survey's sample size are not compared with the previous year; every
/// other figure is.
fn compared_yearly(formula: &Formula) -> bool {
    formula.has_previous()
}

/// The values frame of rows computed in the grid's order.
fn frame(wide: &DataFrame, rows: &[Row]) -> PolarsResult<DataFrame> {
    let part = |f: fn(&Parts) -> Option<f64>| -> Vec<Option<f64>> {
        rows.iter().map(|r| r.as_ref().ok().and_then(f)).collect()
    };
    let missing: Vec<Option<&str>> = rows.iter().map(|r| r.as_ref().err().map(|why| why.id())).collect();
    let height = rows.len();
    DataFrame::new(
        height,
        vec![
            wide.column("unit")?.clone(),
            wide.column("year")?.clone(),
            Column::new("value".into(), part(|p| Some(p.value))),
            Column::new("num".into(), part(|p| p.num)),
            Column::new("den".into(), part(|p| p.den)),
            Column::new("n".into(), part(|p| p.n)),
            Column::full_null("n_eff".into(), height, &DataType::Float64),
            Column::full_null("ci_low".into(), height, &DataType::Float64),
            Column::full_null("ci_high".into(), height, &DataType::Float64),
            Column::new("missing".into(), missing),
        ],
    )
}

/// Every unit for both years, with that year's `population`: the rows of every values frame.
fn grid(units: &DataFrame, period: Period) -> PolarsResult<DataFrame> {
    let n = units.height();
    let years: Vec<i32> = (0..2 * n).map(|i| if i < n { period.year } else { period.year - 1 }).collect();
    let unit = units.column("unit")?.str()?;
    let (population, previous) =
        (units.column("population")?.f64()?, units.column("population_previous")?.f64()?);
    DataFrame::new(
        2 * n,
        vec![
            Column::new("unit".into(), unit.iter().chain(unit.iter()).collect::<Vec<_>>()),
            Column::new("year".into(), years),
            Column::new("population".into(), population.iter().chain(previous.iter()).collect::<Vec<_>>()),
        ],
    )
}

/// Indicator `k` over the rows of the sums frame (survey shares aside, see [`survey`]).
fn evaluate(k: usize, formula: &Formula, sums: &Sums<'_>, rate_factor: f64) -> PolarsResult<Vec<Row>> {
    let own = |part: &str| sums.get(&name(k, part));
    let n = sums.wide.height();
    let rows = |f: &dyn Fn(usize) -> Row| (0..n).map(f).collect::<Vec<Row>>();
    let has = |c: &Float64Chunked, i: usize, why: Reason| c.get(i).ok_or(why);
    Ok(match formula {
        Formula::Stat { .. } | Formula::Funding { .. } => {
            let s = own("s")?;
            rows(&|i| has(&s, i, Reason::NoData).map(Parts::count))
        }
        Formula::Rate { per, .. } => {
            let (s, population) = (own("s")?, sums.get("population")?);
            rows(&|i| {
                let v = has(&s, i, Reason::NoData)?;
                let p = population.get(i).filter(|p| *p > 0.0).ok_or(Reason::NoPopulation)?;
                Parts::ratio(v, p, per * rate_factor)
            })
        }
        Formula::Share { scale, .. } => {
            let (s, d) = (own("s")?, own("d")?);
            rows(&|i| Parts::ratio(has(&s, i, Reason::NoData)?, has(&d, i, Reason::NoData)?, *scale))
        }
        Formula::Appeals { .. } | Formula::Measures { .. } => {
            let c = own("n")?;
            rows(&|i| Ok(Parts::count(c.get(i).unwrap_or(0.0))))
        }
        Formula::Media => {
            let c = sums.get("media_n")?;
            rows(&|i| Ok(Parts::count(c.get(i).unwrap_or(0.0))))
        }
        Formula::AppealsOnTime => {
            let (on_time, due) = (sums.get("appeals_on_time")?, sums.get("appeals_due")?);
            rows(&|i| {
                let due = due.get(i).filter(|d| *d > 0.0).ok_or(Reason::NoAppeals)?;
                Ok(Parts { n: Some(due), ..Parts::ratio(on_time.get(i).unwrap_or(0.0), due, 100.0)? })
            })
        }
        Formula::AppealsMedianDays => {
            let (median, answered) = (sums.get("appeals_median")?, sums.get("appeals_answered")?);
            rows(&|i| {
                Ok(Parts {
                    value: has(&median, i, Reason::NoAppeals)?,
                    n: answered.get(i),
                    ..Parts::default()
                })
            })
        }
        Formula::MediaResponded => {
            let (n, responded) = (sums.get("media_n")?, sums.get("media_responded")?);
            rows(&|i| {
                let n = n.get(i).filter(|n| *n > 0.0).ok_or(Reason::NoData)?;
                Parts::ratio(responded.get(i).unwrap_or(0.0), n, 100.0)
            })
        }
        Formula::SurveyN => {
            let r = sums.get("respondents")?;
            rows(&|i| has(&r, i, Reason::NoRespondents).map(Parts::count))
        }
        Formula::ProgrammeExecution { .. } => {
            let (e, with_target) = (own("execution")?, own("with_target")?);
            rows(&|i| {
                Ok(Parts { value: has(&e, i, Reason::NoData)?, n: with_target.get(i), ..Parts::default() })
            })
        }
        Formula::FundingExecution => {
            let (a, s) = (sums.get("funding_allocated")?, sums.get("funding_spent")?);
            rows(&|i| Parts::ratio(s.get(i).unwrap_or(0.0), has(&a, i, Reason::NoData)?, 100.0))
        }
        Formula::SurveyTop { .. } | Formula::SurveyYes { .. } => rows(&|_| Err(Reason::NoRespondents)),
    })
}

/// A weighted share of survey answers with its Wilson interval on Kish's effective sample
/// size, from the sums `valid`, `top`, `w2` and `n` of indicator `k`.
fn survey(wide: &DataFrame, k: usize, z: f64) -> PolarsResult<DataFrame> {
    let f = |part: &str| -> PolarsResult<Float64Chunked> {
        Ok(wide.column(&name(k, part))?.cast(&DataType::Float64)?.f64()?.clone())
    };
    let (valid, top, w2, n) = (f("valid")?, f("top")?, f("w2")?, f("n")?);
    let height = wide.height();
    let mut out: [Vec<Option<f64>>; 7] = std::array::from_fn(|_| Vec::with_capacity(height));
    let mut missing = Vec::with_capacity(height);
    for i in 0..height {
        let Some(valid) = valid.get(i).filter(|v| *v > 0.0) else {
            out.iter_mut().for_each(|c| c.push(None));
            missing.push(Some(Reason::NoRespondents.id()));
            continue;
        };
        let top = top.get(i).unwrap_or(0.0);
        let n_eff = w2.get(i).and_then(|w2| stats::kish_n_eff(valid, w2));
        let p = top / valid;
        let ci = n_eff.and_then(|n| stats::wilson(p, n, z)).map(|(lo, hi)| (100.0 * lo, 100.0 * hi));
        let row =
            [Some(100.0 * p), Some(top), Some(valid), n.get(i), n_eff, ci.map(|c| c.0), ci.map(|c| c.1)];
        out.iter_mut().zip(row).for_each(|(c, v)| c.push(v));
        missing.push(None);
    }
    let mut columns = vec![wide.column("unit")?.clone(), wide.column("year")?.clone()];
    for (part, values) in PARTS.iter().zip(out) {
        columns.push(Column::new((*part).into(), values));
    }
    columns.push(Column::new("missing".into(), missing));
    DataFrame::new(height, columns)
}
