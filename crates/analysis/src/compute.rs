//! Computing the catalogue's indicators for every unit and the department with polars.
//!
//! A unit's figures cover its own records and those of all its bodies: a membership frame
//! (ancestor, unit) is joined to each source and grouped by (ancestor, year), so the
//! department's counts are sums of its bodies' and its rates and shares are recomputed from
//! those sums, never averaged. Each value keeps its numerator and denominator, which the
//! change tests and headquarters' merges use.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use esep_ingest::{Dataset, Period};
use polars::prelude::*;

use crate::catalogue::{Catalogue, ChangeTest, Direction, Formula, Indicator};
use crate::model::{
    Assessment, Figure, FundingRow, MeasureRow, Meeting, Paragraph, ProgrammeRow, Question, Reason, Report,
    UnitReport,
};
use crate::settings::{RateBasis, Settings, appeal_deadline};
use crate::stats;

type Key = (String, i32);

/// One computed value with the parts it was computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Value {
    pub value: f64,
    pub num: Option<f64>,
    pub den: Option<f64>,
    pub n: Option<f64>,
    pub n_eff: Option<f64>,
    pub ci: Option<(f64, f64)>,
}

impl Value {
    fn count(v: f64) -> Self {
        Self { value: v, num: Some(v), ..Self::default() }
    }

    fn ratio(num: f64, den: f64, scale: f64) -> Result<Self, Reason> {
        if den == 0.0 {
            return Err(Reason::ZeroDenominator);
        }
        Ok(Self { value: scale * num / den, num: Some(num), den: Some(den), ..Self::default() })
    }
}

/// An indicator's value for (unit, year), or why there is none.
type Evaluator<'a> = Box<dyn Fn(&str, i32) -> Result<Value, Reason> + 'a>;

/// The membership frame, unit codes in input order, and each unit's parent.
struct Tree {
    members: DataFrame,
    codes: Vec<String>,
    parent_of: HashMap<String, Option<String>>,
}

/// Sums per (ancestor, year) of one or more columns, read out of a grouped frame.
struct Sums(HashMap<Key, Vec<Option<f64>>>);

impl Sums {
    fn get(&self, unit: &str, year: i32, k: usize) -> Option<f64> {
        self.0.get(&(unit.to_string(), year)).and_then(|v| v[k])
    }
}

fn collect_sums(df: DataFrame, names: &[&str]) -> PolarsResult<Sums> {
    let anc = df.column("ancestor")?.str()?.clone();
    let year = df.column("year")?.cast(&DataType::Int32)?;
    let year = year.i32()?;
    let cols: Vec<Column> = names
        .iter()
        .map(|n| df.column(n).and_then(|c| c.cast(&DataType::Float64)))
        .collect::<PolarsResult<_>>()?;
    let mut out = HashMap::new();
    for i in 0..df.height() {
        let (Some(a), Some(y)) = (anc.get(i), year.get(i)) else { continue };
        let values = cols.iter().map(|c| c.f64().ok().and_then(|ca| ca.get(i))).collect();
        out.insert((a.to_string(), y), values);
    }
    Ok(Sums(out))
}

/// (ancestor, unit) for every unit and each of its bodies, itself included.
fn membership(units: &DataFrame) -> PolarsResult<Tree> {
    let codes: Vec<String> =
        units.column("code")?.str()?.iter().map(|c| c.unwrap_or_default().to_string()).collect();
    let parents: Vec<Option<String>> =
        units.column("parent")?.str()?.iter().map(|p| p.map(str::to_string)).collect();
    let parent_of: HashMap<String, Option<String>> =
        codes.iter().cloned().zip(parents.iter().cloned()).collect();
    let (mut anc, mut unit) = (Vec::new(), Vec::new());
    for code in &codes {
        let mut current = Some(code.clone());
        let mut guard = 0;
        while let Some(c) = current {
            anc.push(c.clone());
            unit.push(code.clone());
            current = parent_of.get(&c).cloned().flatten();
            guard += 1;
            if guard > codes.len() {
                break; // cycles are rejected by validation; never loop
            }
        }
    }
    let members = DataFrame::new(
        anc.len(),
        vec![Column::new("ancestor".into(), anc), Column::new("unit".into(), unit)],
    )?;
    Ok(Tree { members, codes, parent_of })
}

/// Keeps rows whose date column falls in the period or its АППГ and adds their `year`.
fn in_periods(lf: LazyFrame, date: &str, period: Period) -> LazyFrame {
    let y = col(date).dt().year();
    lf.filter(
        y.clone()
            .is_in(lit(Series::new("".into(), [period.year, period.year - 1])).implode(false), false)
            .and(col(date).dt().month().cast(DataType::Int32).lt_eq(lit(period.months as i32))),
    )
    .with_column(y.cast(DataType::Int32).alias("year"))
}

fn grouped(lf: LazyFrame, members: &DataFrame, aggs: Vec<Expr>) -> LazyFrame {
    lf.join(members.clone().lazy(), [col("unit")], [col("unit")], JoinArgs::new(JoinType::Inner))
        .group_by([col("ancestor"), col("year")])
        .agg(aggs)
}

fn day(epoch_days: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(epoch_days.into()))
}

/// The appeals frame with `on_time` (empty while the term runs past the period's end) and
/// `days` (working days from receipt to answer) added.
fn appeals_with_terms(appeals: &DataFrame, period: Period, settings: &Settings) -> PolarsResult<DataFrame> {
    let cal = settings.calendar(period.year - 1..=period.year);
    let received = appeals.column("received")?.cast(&DataType::Int32)?;
    let answered = appeals.column("answered")?.cast(&DataType::Int32)?;
    let extended = appeals.column("extended")?.bool()?.clone();
    let outcome = appeals.column("outcome")?.str()?.clone();
    let (received, answered) = (received.i32()?, answered.i32()?);
    let mut on_time = Vec::with_capacity(appeals.height());
    let mut days = Vec::with_capacity(appeals.height());
    for i in 0..appeals.height() {
        let Some(r) = received.get(i).and_then(day) else {
            on_time.push(None);
            days.push(None);
            continue;
        };
        let a = answered.get(i).and_then(day);
        let deadline = appeal_deadline(
            &settings.appeals,
            &cal,
            r,
            extended.get(i).unwrap_or(false),
            outcome.get(i) == Some("forwarded"),
        );
        let end = Period { year: r.year(), ..period }.end();
        on_time.push(match a {
            Some(a) => Some(a <= deadline),
            None if deadline < end => Some(false),
            None => None, // still within its term at the end of the period
        });
        days.push(a.map(|a| f64::from(cal.working_days_between(r, a))));
    }
    let mut out = appeals.clone();
    out.with_column(Column::new("on_time".into(), on_time))?;
    out.with_column(Column::new("days".into(), days))?;
    Ok(out)
}

/// Computes the report: every catalogue indicator for every unit, current and АППГ, with
/// change tests and ranks among siblings.
pub fn compute(data: &Dataset, catalogue: &Catalogue, settings: &Settings) -> PolarsResult<Report> {
    let period = data.period;
    let Tree { members, codes, parent_of } = membership(&data.units)?;

    // Statistics: (ancestor, year, indicator) → sum.
    let stat = data
        .statistics
        .clone()
        .lazy()
        .join(members.clone().lazy(), [col("unit")], [col("unit")], JoinArgs::new(JoinType::Inner))
        .group_by([col("ancestor"), col("year"), col("indicator")])
        .agg([col("value").sum()])
        .collect()?;
    let mut stats: HashMap<(String, i32, String), f64> = HashMap::new();
    {
        let anc = stat.column("ancestor")?.str()?;
        let year = stat.column("year")?.cast(&DataType::Int32)?;
        let ind = stat.column("indicator")?.str()?;
        let val = stat.column("value")?.cast(&DataType::Float64)?;
        for i in 0..stat.height() {
            if let (Some(a), Some(y), Some(c), Some(v)) =
                (anc.get(i), year.i32()?.get(i), ind.get(i), val.f64()?.get(i))
            {
                stats.insert((a.to_string(), y, c.to_string()), v);
            }
        }
    }

    let appeals_base =
        in_periods(appeals_with_terms(&data.appeals, period, settings)?.lazy(), "received", period);
    let appeals = |filters: &[(&str, &Option<String>)]| -> PolarsResult<Sums> {
        let mut lf = appeals_base.clone();
        for (column, value) in filters {
            if let Some(v) = value {
                lf = lf.filter(col(*column).eq(lit(v.as_str())));
            }
        }
        collect_sums(grouped(lf, &members, vec![len().alias("n")]).collect()?, &["n"])
    };
    let appeal_terms = collect_sums(
        grouped(
            appeals_base.clone(),
            &members,
            vec![
                col("on_time").cast(DataType::Float64).sum().alias("on_time"),
                col("on_time").count().alias("due"),
                col("days").median().alias("median"),
                col("days").count().alias("answered"),
            ],
        )
        .collect()?,
        &["on_time", "due", "median", "answered"],
    )?;
    let media = collect_sums(
        grouped(
            in_periods(data.media.clone().lazy(), "date", period),
            &members,
            vec![len().alias("n"), col("response").count().alias("responded")],
        )
        .collect()?,
        &["n", "responded"],
    )?;
    let survey_base = in_periods(data.survey.clone().lazy(), "date", period);
    let survey_share = |q: &str, positive: Expr| -> PolarsResult<Sums> {
        let answered = col(q).is_not_null();
        let aggs = vec![
            col("weight").filter(answered.clone()).sum().alias("valid"),
            col("weight").filter(positive).sum().alias("top"),
            (col("weight") * col("weight")).filter(answered).sum().alias("w2"),
            col(q).count().alias("n"),
        ];
        collect_sums(grouped(survey_base.clone(), &members, aggs).collect()?, &["valid", "top", "w2", "n"])
    };
    let survey_n =
        collect_sums(grouped(survey_base.clone(), &members, vec![len().alias("n")]).collect()?, &["n"])?;
    let funding_sums = |purpose: &Option<String>| -> PolarsResult<Sums> {
        let mut lf = data.funding.clone().lazy().with_column(col("year").cast(DataType::Int32));
        if let Some(p) = purpose {
            lf = lf.filter(col("purpose").eq(lit(p.as_str())));
        }
        collect_sums(
            grouped(lf, &members, vec![col("allocated").sum(), col("spent").sum()]).collect()?,
            &["allocated", "spent"],
        )
    };
    let programme_base = data
        .programmes
        .clone()
        .lazy()
        .with_column(lit(period.year).alias("year"))
        .with_column(execution_expr().alias("execution"));
    let measures = |status: &Option<String>, level: &Option<String>| -> PolarsResult<Sums> {
        let mut lf = programme_base.clone();
        if let Some(s) = status {
            lf = lf.filter(col("status").eq(lit(s.as_str())));
        }
        if let Some(l) = level {
            lf = lf.filter(col("level").eq(lit(l.as_str())));
        }
        collect_sums(
            grouped(
                lf,
                &members,
                vec![
                    len().alias("n"),
                    col("execution").mean(),
                    col("execution").count().alias("with_target"),
                ],
            )
            .collect()?,
            &["n", "execution", "with_target"],
        )
    };

    let population: HashMap<String, f64> = {
        let pop = data.units.column("population")?.cast(&DataType::Float64)?;
        codes.iter().cloned().zip(pop.f64()?.iter().map(|p| p.unwrap_or(0.0))).collect()
    };
    let rate_factor = match settings.rates.basis {
        RateBasis::Period => 1.0,
        RateBasis::Annual => 12.0 / f64::from(period.months.max(1)),
    };
    let z = settings.z();

    // Formula results per indicator: (unit, year) → value or reason.
    let stat_sum = |unit: &str, year: i32, codes: &[String]| -> Option<f64> {
        let found: Vec<f64> =
            codes.iter().filter_map(|c| stats.get(&(unit.to_string(), year, c.clone())).copied()).collect();
        (!found.is_empty()).then(|| found.iter().sum())
    };
    let mut evaluators: Vec<Evaluator<'_>> = Vec::new();
    for ind in &catalogue.indicators {
        let f: Evaluator<'_> = match &ind.formula {
            Formula::Stat { code } => {
                let code = vec![code.clone()];
                Box::new(move |u, y| stat_sum(u, y, &code).map(Value::count).ok_or(Reason::NoData))
            }
            Formula::Rate { code, per } => {
                let (code, per) = (vec![code.clone()], *per);
                let population = &population;
                Box::new(move |u, y| {
                    let v = stat_sum(u, y, &code).ok_or(Reason::NoData)?;
                    let p = population.get(u).copied().filter(|p| *p > 0.0).ok_or(Reason::NoPopulation)?;
                    Value::ratio(v, p, per * rate_factor)
                })
            }
            Formula::Share { num, den, scale } => {
                let (num, den, scale) = (num.clone(), den.clone(), *scale);
                Box::new(move |u, y| {
                    let n = stat_sum(u, y, &num).ok_or(Reason::NoData)?;
                    let d = stat_sum(u, y, &den).ok_or(Reason::NoData)?;
                    Value::ratio(n, d, scale)
                })
            }
            Formula::Appeals { kind_of, applicant, outcome } => {
                let sums = appeals(&[("kind", kind_of), ("applicant", applicant), ("outcome", outcome)])?;
                Box::new(move |u, y| Ok(Value::count(sums.get(u, y, 0).unwrap_or(0.0))))
            }
            Formula::AppealsOnTime => {
                let sums = &appeal_terms;
                Box::new(move |u, y| {
                    let due = sums.get(u, y, 1).filter(|d| *d > 0.0).ok_or(Reason::NoAppeals)?;
                    let v = Value::ratio(sums.get(u, y, 0).unwrap_or(0.0), due, 100.0)?;
                    Ok(Value { n: Some(due), ..v })
                })
            }
            Formula::AppealsMedianDays => {
                let sums = &appeal_terms;
                Box::new(move |u, y| {
                    let median = sums.get(u, y, 2).ok_or(Reason::NoAppeals)?;
                    Ok(Value { value: median, n: sums.get(u, y, 3), ..Value::default() })
                })
            }
            Formula::Media => {
                let sums = &media;
                Box::new(move |u, y| Ok(Value::count(sums.get(u, y, 0).unwrap_or(0.0))))
            }
            Formula::MediaResponded => {
                let sums = &media;
                Box::new(move |u, y| {
                    let n = sums.get(u, y, 0).filter(|n| *n > 0.0).ok_or(Reason::NoData)?;
                    Value::ratio(sums.get(u, y, 1).unwrap_or(0.0), n, 100.0)
                })
            }
            Formula::SurveyN => {
                let sums = &survey_n;
                Box::new(move |u, y| sums.get(u, y, 0).map(Value::count).ok_or(Reason::NoRespondents))
            }
            Formula::SurveyTop { question, min } => {
                let sums = survey_share(question, col(question.as_str()).gt_eq(lit(*min)))?;
                Box::new(move |u, y| weighted_share(&sums, u, y, z))
            }
            Formula::SurveyYes { question } => {
                let sums = survey_share(question, col(question.as_str()).eq(lit(true)))?;
                Box::new(move |u, y| weighted_share(&sums, u, y, z))
            }
            Formula::Measures { status, level } => {
                let sums = measures(status, level)?;
                let year = period.year;
                Box::new(move |u, y| {
                    if y != year {
                        return Err(Reason::NotCompared);
                    }
                    Ok(Value::count(sums.get(u, y, 0).unwrap_or(0.0)))
                })
            }
            Formula::ProgrammeExecution { level } => {
                let sums = measures(&None, level)?;
                let year = period.year;
                Box::new(move |u, y| {
                    if y != year {
                        return Err(Reason::NotCompared);
                    }
                    let e = sums.get(u, y, 1).ok_or(Reason::NoData)?;
                    Ok(Value { value: e, n: sums.get(u, y, 2), ..Value::default() })
                })
            }
            Formula::Funding { measure, purpose } => {
                let k = usize::from(measure == "spent");
                let sums = funding_sums(purpose)?;
                Box::new(move |u, y| sums.get(u, y, k).map(Value::count).ok_or(Reason::NoData))
            }
            Formula::FundingExecution => {
                let sums = funding_sums(&None)?;
                Box::new(move |u, y| {
                    let a = sums.get(u, y, 0).ok_or(Reason::NoData)?;
                    Value::ratio(sums.get(u, y, 1).unwrap_or(0.0), a, 100.0)
                })
            }
        };
        evaluators.push(f);
    }

    let programme_rows = programme_rows(&data.programmes, &members)?;
    let funding_rows = funding_rows(&data.funding, &members, period.year)?;

    let units = &data.units;
    let text = |name: &str, i: usize| -> PolarsResult<String> {
        Ok(units.column(name)?.str()?.get(i).unwrap_or_default().to_string())
    };
    let mut reports = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let figures = catalogue
            .indicators
            .iter()
            .zip(&evaluators)
            .map(|(ind, f)| figure(ind, settings, f(code, period.year), f(code, period.year - 1)))
            .collect();
        let mut depth: u32 = 0;
        let mut p = parent_of.get(code).cloned().flatten();
        while let Some(c) = p {
            depth += 1;
            p = parent_of.get(&c).cloned().flatten();
            if depth as usize > codes.len() {
                break;
            }
        }
        let measures = programme_rows.get(code).cloned().unwrap_or_default();
        reports.push(UnitReport {
            code: code.clone(),
            parent: parent_of.get(code).cloned().flatten(),
            depth,
            level: text("level", i)?,
            name_kk: text("name_kk", i)?,
            name_ru: text("name_ru", i)?,
            population: population.get(code).copied().unwrap_or(0.0) as i64,
            chief_name: text("chief_name", i)?,
            chief_rank_kk: text("chief_rank_kk", i)?,
            chief_rank_ru: text("chief_rank_ru", i)?,
            figures,
            programmes: summarise_programmes(&measures),
            measures,
            funding: funding_rows.get(code).cloned().unwrap_or_default(),
            questions: questions(&data.appeals, code)?,
            narrative: narrative(&data.narrative, code)?,
            meeting: meeting(&data.meeting, code)?,
        });
    }
    rank_siblings(&mut reports, catalogue);
    // Department first, then each body after its parent, keeping input order among siblings.
    let order = tree_order(&reports);
    let reports = order.into_iter().map(|k| reports[k].clone()).collect();
    Ok(Report { period, catalogue: catalogue.clone(), settings: settings.clone(), units: reports })
}

/// min(100, 100 × actual / target), empty when the target is not positive.
fn execution_expr() -> Expr {
    when(col("target").gt(lit(0.0)))
        .then((lit(100.0) * col("actual") / col("target")).clip(lit(0.0), lit(100.0)))
        .otherwise(lit(NULL).cast(DataType::Float64))
}

fn weighted_share(sums: &Sums, u: &str, y: i32, z: f64) -> Result<Value, Reason> {
    let valid = sums.get(u, y, 0).filter(|v| *v > 0.0).ok_or(Reason::NoRespondents)?;
    let top = sums.get(u, y, 1).unwrap_or(0.0);
    let n_eff = sums.get(u, y, 2).and_then(|w2| stats::kish_n_eff(valid, w2));
    let p = top / valid;
    let ci = n_eff.and_then(|n| stats::wilson(p, n, z)).map(|(lo, hi)| (100.0 * lo, 100.0 * hi));
    Ok(Value { value: 100.0 * p, num: Some(top), den: Some(valid), n: sums.get(u, y, 3), n_eff, ci })
}

/// Rounds away the last bits of floating-point sums, whose order may vary between runs.
fn tidy(x: f64) -> Option<f64> {
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

fn assess(direction: Direction, delta: f64) -> Assessment {
    if delta.abs() < 1e-9 {
        return Assessment::Same;
    }
    match (direction, delta > 0.0) {
        (Direction::Neutral, _) => Assessment::Neutral,
        (Direction::Higher, true) | (Direction::Lower, false) => Assessment::Better,
        _ => Assessment::Worse,
    }
}

/// One figure from the current and previous values: change, its assessment and its test.
pub(crate) fn figure(
    ind: &Indicator,
    settings: &Settings,
    current: Result<Value, Reason>,
    previous: Result<Value, Reason>,
) -> Figure {
    let cur = current.as_ref().ok();
    let prev = previous.as_ref().ok();
    let (c, p) = (cur.and_then(|v| tidy(v.value)), prev.and_then(|v| tidy(v.value)));
    let change = c.zip(p).and_then(|(c, p)| tidy(c - p));
    let change_pct = c.zip(p).and_then(|(c, p)| if p == 0.0 { None } else { tidy(100.0 * (c - p) / p) });
    let p_value = match (cur, prev) {
        (Some(a), Some(b)) => change_p(ind.formula.change_test(), a, b),
        _ => None,
    };
    let low_n = matches!(ind.formula, Formula::SurveyTop { .. } | Formula::SurveyYes { .. })
        && cur.and_then(|v| v.n).is_some_and(|n| n < f64::from(settings.survey.min_respondents));
    Figure {
        code: ind.code.clone(),
        current: c,
        previous: p,
        missing: current.as_ref().err().copied(),
        previous_missing: previous.as_ref().err().copied(),
        change,
        change_pct,
        assessment: change.map(|d| assess(ind.direction, d)),
        p_value: p_value.and_then(tidy),
        significant: p_value.map(|p| p < settings.changes.alpha),
        num: cur.and_then(|v| v.num).and_then(tidy),
        den: cur.and_then(|v| v.den).and_then(tidy),
        previous_num: prev.and_then(|v| v.num).and_then(tidy),
        previous_den: prev.and_then(|v| v.den).and_then(tidy),
        n: cur.and_then(|v| v.n).and_then(tidy),
        n_eff: cur.and_then(|v| v.n_eff).and_then(tidy),
        ci_low: cur.and_then(|v| v.ci).and_then(|ci| tidy(ci.0)),
        ci_high: cur.and_then(|v| v.ci).and_then(|ci| tidy(ci.1)),
        low_n,
        ..Figure::default()
    }
}

/// The p-value of the change from `b` (previous) to `a` (current).
fn change_p(test: ChangeTest, a: &Value, b: &Value) -> Option<f64> {
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
            stats::weighted_proportions_p(a.value / 100.0, a.n_eff?, b.value / 100.0, b.n_eff?)
        }
        ChangeTest::None => None,
    }
}

/// Ranks each unit among the units of the same parent, for indicators that compare across
/// units of different size (rates, shares, days) and have a good direction. Low-n survey
/// estimates are not ranked. Ties share the lowest rank (1, 2, 2, 4).
fn rank_siblings(units: &mut [UnitReport], catalogue: &Catalogue) {
    let index: HashMap<String, usize> = units.iter().enumerate().map(|(i, u)| (u.code.clone(), i)).collect();
    let mut families: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let parent = u.parent.as_ref().and_then(|p| index.get(p).copied());
        match families.iter_mut().find(|(p, _)| *p == parent) {
            Some((_, kids)) => kids.push(i),
            None => families.push((parent, vec![i])),
        }
    }
    for (k, ind) in catalogue.indicators.iter().enumerate() {
        for (parent, kids) in &families {
            let Some(parent) = *parent else { continue }; // the department has no siblings
            let parent_value = units[parent].figures[k].current;
            let mut ranked: Vec<(usize, f64)> =
                if ind.direction != Direction::Neutral && ind.unit.comparable() {
                    kids.iter()
                        .filter(|&&i| !units[i].figures[k].low_n)
                        .filter_map(|&i| units[i].figures[k].current.map(|v| (i, v)))
                        .collect()
                } else {
                    Vec::new()
                };
            if ranked.len() < 2 {
                ranked.clear(); // a rank of 1 among 1 says nothing
            }
            let mean = (!ranked.is_empty())
                .then(|| ranked.iter().map(|(_, v)| v).sum::<f64>() / ranked.len() as f64)
                .and_then(tidy);
            for &i in kids {
                let f = &mut units[i].figures[k];
                f.parent_value = parent_value;
                f.position = f.current.zip(parent_value).map(|(c, p)| assess(ind.direction, c - p));
                if let Some(&(_, v)) = ranked.iter().find(|(j, _)| *j == i) {
                    f.rank = Some(ind.direction.rank(v, ranked.iter().map(|(_, w)| *w)));
                    f.rank_of = Some(ranked.len() as u32);
                    f.sibling_mean = mean;
                }
            }
        }
    }
}

/// Programme measures of each unit and its bodies, in input order.
fn programme_rows(df: &DataFrame, members: &DataFrame) -> PolarsResult<HashMap<String, Vec<MeasureRow>>> {
    let joined = df
        .clone()
        .lazy()
        .join(members.clone().lazy(), [col("unit")], [col("unit")], JoinArgs::new(JoinType::Inner))
        .with_column(execution_expr().alias("execution"))
        .sort(["ancestor", "row"], SortMultipleOptions::default().with_maintain_order(true))
        .collect()?;
    let s = |name: &str| -> PolarsResult<StringChunked> {
        Ok(joined.column(name)?.cast(&DataType::String)?.str()?.clone())
    };
    let f = |name: &str| -> PolarsResult<Float64Chunked> {
        Ok(joined.column(name)?.cast(&DataType::Float64)?.f64()?.clone())
    };
    let (anc, unit, level, pkk, pru) =
        (s("ancestor")?, s("unit")?, s("level")?, s("programme_kk")?, s("programme_ru")?);
    let (mkk, mru, mu, deadline, status) =
        (s("measure_kk")?, s("measure_ru")?, s("measure_unit")?, s("deadline")?, s("status")?);
    let (target, actual, execution) = (f("target")?, f("actual")?, f("execution")?);
    let mut out: HashMap<String, Vec<MeasureRow>> = HashMap::new();
    let txt = |c: &StringChunked, i: usize| c.get(i).unwrap_or_default().to_string();
    for i in 0..joined.height() {
        out.entry(txt(&anc, i)).or_default().push(MeasureRow {
            unit: txt(&unit, i),
            level: txt(&level, i),
            programme_kk: txt(&pkk, i),
            programme_ru: txt(&pru, i),
            measure_kk: txt(&mkk, i),
            measure_ru: txt(&mru, i),
            measure_unit: txt(&mu, i),
            target: target.get(i).unwrap_or(0.0),
            actual: actual.get(i).unwrap_or(0.0),
            execution: execution.get(i).and_then(tidy),
            deadline: txt(&deadline, i),
            status: txt(&status, i),
        });
    }
    Ok(out)
}

/// Programmes in order of first appearance, republican before regional.
fn summarise_programmes(rows: &[MeasureRow]) -> Vec<ProgrammeRow> {
    let mut out: Vec<(ProgrammeRow, f64, u32)> = Vec::new();
    for r in rows {
        let k = match out.iter().position(|(p, ..)| p.level == r.level && p.programme_ru == r.programme_ru) {
            Some(k) => k,
            None => {
                out.push((
                    ProgrammeRow {
                        level: r.level.clone(),
                        programme_kk: r.programme_kk.clone(),
                        programme_ru: r.programme_ru.clone(),
                        measures: 0,
                        done: 0,
                        in_progress: 0,
                        overdue: 0,
                        execution: None,
                    },
                    0.0,
                    0,
                ));
                out.len() - 1
            }
        };
        let (p, sum, with_target) = &mut out[k];
        p.measures += 1;
        match r.status.as_str() {
            "done" => p.done += 1,
            "in_progress" => p.in_progress += 1,
            _ => p.overdue += 1,
        }
        if let Some(e) = r.execution {
            *sum += e;
            *with_target += 1;
        }
    }
    out.sort_by_key(|(p, ..)| p.level != "republican");
    out.into_iter()
        .map(|(mut p, sum, n)| {
            p.execution = (n > 0).then(|| sum / f64::from(n)).and_then(tidy);
            p
        })
        .collect()
}

/// Funding of the period's year by purpose, for each unit and its bodies.
fn funding_rows(
    df: &DataFrame,
    members: &DataFrame,
    year: i32,
) -> PolarsResult<HashMap<String, Vec<FundingRow>>> {
    let grouped = df
        .clone()
        .lazy()
        .filter(col("year").cast(DataType::Int32).eq(lit(year)))
        .join(members.clone().lazy(), [col("unit")], [col("unit")], JoinArgs::new(JoinType::Inner))
        .group_by([col("ancestor"), col("purpose")])
        .agg([col("allocated").sum(), col("spent").sum()])
        .sort(["ancestor", "purpose"], SortMultipleOptions::default())
        .collect()?;
    let anc = grouped.column("ancestor")?.str()?.clone();
    let purpose = grouped.column("purpose")?.str()?.clone();
    let allocated = grouped.column("allocated")?.cast(&DataType::Float64)?;
    let spent = grouped.column("spent")?.cast(&DataType::Float64)?;
    let (allocated, spent) = (allocated.f64()?, spent.f64()?);
    let mut out: HashMap<String, Vec<FundingRow>> = HashMap::new();
    for i in 0..grouped.height() {
        let (a, s) = (allocated.get(i).unwrap_or(0.0), spent.get(i).unwrap_or(0.0));
        out.entry(anc.get(i).unwrap_or_default().to_string()).or_default().push(FundingRow {
            purpose: purpose.get(i).unwrap_or_default().to_string(),
            allocated: tidy(a).unwrap_or(0.0),
            spent: tidy(s).unwrap_or(0.0),
            execution: (a > 0.0).then(|| 100.0 * s / a).and_then(tidy),
        });
    }
    // Keep the contract's order of purposes rather than alphabetical order.
    let rank = |p: &str| esep_ingest::contract::FUNDING_PURPOSES.iter().position(|c| c.id == p);
    for rows in out.values_mut() {
        rows.sort_by_key(|r| rank(&r.purpose));
    }
    Ok(out)
}

fn tree_order(units: &[UnitReport]) -> Vec<usize> {
    fn visit(units: &[UnitReport], parent: Option<&str>, out: &mut Vec<usize>) {
        for (k, u) in units.iter().enumerate() {
            if u.parent.as_deref() == parent && !out.contains(&k) {
                out.push(k);
                visit(units, Some(&u.code), out);
            }
        }
    }
    let mut out = Vec::new();
    visit(units, None, &mut out);
    out
}

/// The unit's own appeals marked for the meeting, in order of receipt.
fn questions(df: &DataFrame, code: &str) -> PolarsResult<Vec<Question>> {
    let mine = df
        .clone()
        .lazy()
        .filter(col("unit").eq(lit(code)).and(col("for_meeting").eq(lit(true))))
        .sort(["received", "row"], SortMultipleOptions::default().with_maintain_order(true))
        .collect()?;
    let s = |name: &str| -> PolarsResult<StringChunked> {
        Ok(mine.column(name)?.cast(&DataType::String)?.str()?.clone())
    };
    let (id, received, applicant, kind, topic) =
        (s("id")?, s("received")?, s("applicant")?, s("kind")?, s("topic")?);
    let t = |c: &StringChunked, i: usize| c.get(i).unwrap_or_default().to_string();
    Ok((0..mine.height())
        .map(|i| Question {
            id: t(&id, i),
            received: t(&received, i),
            applicant: t(&applicant, i),
            kind: t(&kind, i),
            topic: t(&topic, i),
        })
        .collect())
}

fn narrative(df: &DataFrame, code: &str) -> PolarsResult<Vec<Paragraph>> {
    let mine =
        df.clone().lazy().filter(col("unit").eq(lit(code))).sort(["row"], Default::default()).collect()?;
    let (s, kk, ru) =
        (mine.column("section")?.str()?, mine.column("text_kk")?.str()?, mine.column("text_ru")?.str()?);
    Ok((0..mine.height())
        .map(|i| Paragraph {
            section: s.get(i).unwrap_or_default().into(),
            kk: kk.get(i).unwrap_or_default().into(),
            ru: ru.get(i).unwrap_or_default().into(),
        })
        .collect())
}

fn meeting(df: &DataFrame, code: &str) -> PolarsResult<Option<Meeting>> {
    let mine = df.clone().lazy().filter(col("unit").eq(lit(code))).collect()?;
    if mine.height() == 0 {
        return Ok(None);
    }
    let t = |name: &str| -> PolarsResult<String> {
        Ok(mine.column(name)?.str()?.get(0).unwrap_or_default().to_string())
    };
    let d = |name: &str| -> PolarsResult<String> {
        let s = mine.column(name)?.cast(&DataType::String)?;
        Ok(s.str()?.get(0).unwrap_or_default().to_string())
    };
    Ok(Some(Meeting {
        date: d("date")?,
        time: t("time")?,
        place_kk: t("place_kk")?,
        place_ru: t("place_ru")?,
        capacity: mine.column("capacity")?.i64()?.get(0).unwrap_or(0),
        announced: d("announced")?,
        outlets: t("outlets")?,
        questions_kk: t("questions_kk")?,
        questions_ru: t("questions_ru")?,
        invited_kk: t("invited_kk")?,
        invited_ru: t("invited_ru")?,
        secretary: t("secretary")?,
    }))
}
