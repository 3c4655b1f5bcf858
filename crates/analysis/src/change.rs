//! Each value against the same period of the previous year: the change, its assessment given
//! the indicator's direction, and its test ([`stats`]), as the columns of the figures frame.

use polars::prelude::*;

use crate::catalogue::{ChangeTest, Direction, Formula, Indicator};
use crate::model::{Assessment, Reason};
use crate::settings::Settings;
use crate::stats;

/// One year's value of one unit, read from the values frame.
#[derive(Debug, Clone, Copy, Default)]
struct Side {
    value: Option<f64>,
    num: Option<f64>,
    den: Option<f64>,
    n: Option<f64>,
    n_eff: Option<f64>,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    missing: Option<Reason>,
}

/// Rounds away the last bits of floating-point sums, whose order may vary between runs.
pub(crate) fn tidy(x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(0.0);
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    let scale = 10f64.powi(digits.clamp(-300, 300));
    let r = (x * scale).round() / scale;
    r.is_finite().then_some(r)
}

/// A difference judged by the direction: better, worse, the same, or neutral.
pub(crate) fn assess(direction: Direction, delta: f64) -> Assessment {
    if delta.abs() < 1e-9 {
        return Assessment::Same;
    }
    match (direction, delta > 0.0) {
        (Direction::Neutral, _) => Assessment::Neutral,
        (Direction::Higher, true) | (Direction::Lower, false) => Assessment::Better,
        _ => Assessment::Worse,
    }
}

/// The p-value of the change from `b` (previous) to `a` (current).
fn change_p(test: ChangeTest, a: &Side, b: &Side) -> Option<f64> {
    match test {
        ChangeTest::Counts => {
            let (x, y) = (a.num?, b.num?);
            let whole = |v: f64| v >= 0.0 && v.fract() == 0.0;
            (whole(x) && whole(y)).then(|| stats::poisson_counts_p(x as u64, y as u64))
        }
        ChangeTest::Proportions => {
            let (x1, n1, x2, n2) = (a.num?, a.den?, b.num?, b.den?);
            (x1 <= n1 && x2 <= n2).then(|| stats::two_proportions_p(x1, n1, x2, n2)).flatten()
        }
        ChangeTest::Weighted => {
            stats::weighted_proportions_p(a.value? / 100.0, a.n_eff?, b.value? / 100.0, b.n_eff?)
        }
        ChangeTest::None => None,
    }
}

/// The rows of one year of a values frame, in unit order.
fn sides(values: &DataFrame, year: i32) -> PolarsResult<(Vec<String>, Vec<Side>)> {
    let mask = values.column("year")?.i32()?.equal(year);
    let df = values.filter(&mask)?;
    let f = |name: &str| -> PolarsResult<Float64Chunked> { Ok(df.column(name)?.f64()?.clone()) };
    let (value, num, den, n) = (f("value")?, f("num")?, f("den")?, f("n")?);
    let (n_eff, ci_low, ci_high) = (f("n_eff")?, f("ci_low")?, f("ci_high")?);
    let missing = df.column("missing")?.str()?.clone();
    let units = df.column("unit")?.str()?.iter().map(|u| u.unwrap_or_default().to_string()).collect();
    let rows = (0..df.height())
        .map(|i| Side {
            value: value.get(i),
            num: num.get(i),
            den: den.get(i),
            n: n.get(i),
            n_eff: n_eff.get(i),
            ci_low: ci_low.get(i),
            ci_high: ci_high.get(i),
            missing: missing.get(i).and_then(Reason::from_id),
        })
        .collect();
    Ok((units, rows))
}

/// Column names of the comparison, after `unit` and `k` (the indicator's catalogue index).
pub(crate) const NUMBERS: [&str; 13] = [
    "current",
    "previous",
    "change",
    "change_pct",
    "p_value",
    "num",
    "den",
    "previous_num",
    "previous_den",
    "n",
    "n_eff",
    "ci_low",
    "ci_high",
];

/// The relative change in % of a count or a rate: never of a share, whose change is stated in
/// percentage points (`change`), and never from a base (the previous count, or a rate's
/// previous numerator) under `changes.min_base`, where 1 → 4 would read "+300 %".
fn relative(
    ind: &Indicator,
    c: Option<f64>,
    p: Option<f64>,
    previous_num: Option<f64>,
    settings: &Settings,
) -> Option<f64> {
    let (c, p) = (c?, p?);
    if ind.unit.is_share() || p == 0.0 {
        return None;
    }
    let base = match ind.formula {
        Formula::Rate { .. } => previous_num?,
        _ => p,
    };
    if base < settings.changes.min_base {
        return None;
    }
    tidy(100.0 * (c - p) / p)
}

/// The comparison of indicator `k` for every unit: the figures frame's columns but ranks.
pub(crate) fn compare(
    k: u32,
    ind: &Indicator,
    values: &DataFrame,
    year: i32,
    settings: &Settings,
) -> PolarsResult<DataFrame> {
    let (units, current) = sides(values, year)?;
    let (_, previous) = sides(values, year - 1)?;
    let height = units.len();
    let mut numbers: [Vec<Option<f64>>; 13] = std::array::from_fn(|_| Vec::with_capacity(height));
    let mut missing: [Vec<Option<&str>>; 2] = std::array::from_fn(|_| Vec::with_capacity(height));
    let (mut assessment, mut significant, mut low_n) = (Vec::new(), Vec::new(), Vec::new());
    let survey = matches!(ind.formula, Formula::SurveyTop { .. } | Formula::SurveyYes { .. });
    for (cur, prev) in current.iter().zip(&previous) {
        let (c, p) = (cur.value.and_then(tidy), prev.value.and_then(tidy));
        let change = c.zip(p).and_then(|(c, p)| tidy(c - p));
        let change_pct = relative(ind, c, p, prev.num, settings);
        let p_value = match (cur.value, prev.value) {
            (Some(_), Some(_)) => change_p(ind.formula.change_test(), cur, prev),
            _ => None,
        };
        let row = [
            c,
            p,
            change,
            change_pct,
            p_value.and_then(tidy),
            cur.num.and_then(tidy),
            cur.den.and_then(tidy),
            prev.num.and_then(tidy),
            prev.den.and_then(tidy),
            cur.n.and_then(tidy),
            cur.n_eff.and_then(tidy),
            cur.ci_low.and_then(tidy),
            cur.ci_high.and_then(tidy),
        ];
        numbers.iter_mut().zip(row).for_each(|(col, v)| col.push(v));
        missing[0].push(cur.missing.map(Reason::id));
        missing[1].push(prev.missing.map(Reason::id));
        assessment.push(change.map(|d| assess(ind.direction, d).id()));
        significant.push(p_value.map(|p| p < settings.changes.alpha));
        low_n.push(
            survey
                && cur.value.is_some()
                && cur.n.is_some_and(|n| n < f64::from(settings.survey.min_respondents)),
        );
    }
    let mut columns = vec![Column::new("unit".into(), units), Column::new("k".into(), vec![k; height])];
    for (name, values) in NUMBERS.iter().zip(numbers) {
        columns.push(Column::new((*name).into(), values));
    }
    columns.push(Column::new("assessment".into(), assessment));
    columns.push(Column::new("significant".into(), significant));
    columns.push(Column::new("low_n".into(), low_n));
    columns.push(Column::new("missing".into(), missing[0].clone()));
    columns.push(Column::new("previous_missing".into(), missing[1].clone()));
    DataFrame::new(height, columns)
}
