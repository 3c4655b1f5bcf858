//! Sums per unit and year: each source's records joined to the tree, so a unit's sums cover
//! its bodies, and grouped by (`unit`, `year`) once per source, with one named column per
//! sum a formula of the catalogue reads (`k12_s`: the sum `s` of indicator 12).

use esep_ingest::{Dataset, Period};
use polars::prelude::*;

use crate::catalogue::{Catalogue, Formula};
use crate::settings::Settings;
use crate::terms;
use crate::tree::Tree;

/// The name of the sum `part` of indicator `k`.
pub(crate) fn name(k: usize, part: &str) -> String {
    format!("k{k}_{part}")
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

/// min(100, 100 × actual / target), empty when the target is not positive.
pub(crate) fn execution_expr() -> Expr {
    when(col("target").gt(lit(0.0)))
        .then((lit(100.0) * col("actual") / col("target")).clip(lit(0.0), lit(100.0)))
        .otherwise(lit(NULL).cast(DataType::Float64))
}

/// `column = value` for each filter that is given; `None` when none is (every row).
fn matching(filters: &[(&str, &Option<String>)]) -> Option<Expr> {
    filters
        .iter()
        .filter_map(|(column, value)| value.as_ref().map(|v| col(*column).eq(lit(v.as_str()))))
        .reduce(Expr::and)
}

/// Σ of `value` over the rows where `rows` holds; empty when no row does (no data), not 0.
fn sum_where(value: Expr, rows: Option<Expr>) -> Expr {
    match rows {
        Some(rows) => when(rows.clone().any(true))
            .then(value.filter(rows).sum())
            .otherwise(lit(NULL).cast(DataType::Float64)),
        None => value.sum(),
    }
}

/// The rows where `rows` holds, counted.
fn count_where(rows: Option<Expr>) -> Expr {
    f64s(rows.map_or_else(len, |r| r.sum()))
}

/// `value` of the rows where `rows` holds.
fn only(value: Expr, rows: &Option<Expr>) -> Expr {
    match rows {
        Some(r) => value.filter(r.clone()),
        None => value,
    }
}

fn f64s(e: Expr) -> Expr {
    e.cast(DataType::Float64)
}

/// The sums each source gives, as aggregations of its records.
#[derive(Default)]
struct Aggregations {
    statistics: Vec<Expr>,
    appeals: Vec<Expr>,
    media: Vec<Expr>,
    survey: Vec<Expr>,
    funding: Vec<Expr>,
    measures: Vec<Expr>,
}

/// The sums the catalogue's formulas read, named after their indicator where they are its own.
fn aggregations(catalogue: &Catalogue) -> Aggregations {
    let mut a = Aggregations::default();
    let value = || f64s(col("value"));
    let codes =
        |c: &[String]| Some(col("indicator").is_in(lit(Series::new("".into(), c)).implode(false), false));
    for (k, ind) in catalogue.indicators.iter().enumerate() {
        match &ind.formula {
            Formula::Stat { code } | Formula::Rate { code, .. } => {
                a.statistics.push(sum_where(value(), codes(std::slice::from_ref(code))).alias(name(k, "s")));
            }
            Formula::Share { num, den, .. } => {
                a.statistics.push(sum_where(value(), codes(num)).alias(name(k, "s")));
                a.statistics.push(sum_where(value(), codes(den)).alias(name(k, "d")));
            }
            Formula::Appeals { kind_of, applicant, outcome } => {
                let rows = matching(&[("kind", kind_of), ("applicant", applicant), ("outcome", outcome)]);
                a.appeals.push(count_where(rows).alias(name(k, "n")));
            }
            Formula::SurveyTop { question, min } => {
                a.survey.extend(survey_sums(k, question, col(question.as_str()).gt_eq(lit(*min))));
            }
            Formula::SurveyYes { question } => {
                a.survey.extend(survey_sums(k, question, col(question.as_str()).eq(lit(true))));
            }
            Formula::Funding { measure, purpose } => {
                let rows = matching(&[("purpose", purpose)]);
                a.funding.push(sum_where(f64s(col(measure.as_str())), rows).alias(name(k, "s")));
            }
            Formula::Measures { status, level } => {
                let rows = matching(&[("status", status), ("level", level)]);
                a.measures.push(count_where(rows).alias(name(k, "n")));
            }
            Formula::ProgrammeExecution { level } => {
                let rows = matching(&[("level", level)]);
                a.measures.push(only(col("execution"), &rows).mean().alias(name(k, "execution")));
                a.measures.push(f64s(only(col("execution"), &rows).count()).alias(name(k, "with_target")));
            }
            _ => {}
        }
    }
    a.appeals.extend([
        f64s(col("on_time")).sum().alias("appeals_on_time"),
        f64s(col("on_time").count()).alias("appeals_due"),
        col("days").median().alias("appeals_median"),
        f64s(col("days").count()).alias("appeals_answered"),
    ]);
    a.media.extend([f64s(len()).alias("media_n"), f64s(col("response_ru").count()).alias("media_responded")]);
    a.survey.push(f64s(len()).alias("respondents"));
    a.funding.extend([
        sum_where(f64s(col("allocated")), None).alias("funding_allocated"),
        sum_where(f64s(col("spent")), None).alias("funding_spent"),
    ]);
    a
}

/// The sources' sums for every unit and both years: one frame, one row per (`unit`, `year`)
/// of `grid`, with its columns and one column per sum of the catalogue.
pub(crate) fn wide(
    data: &Dataset,
    tree: &Tree,
    catalogue: &Catalogue,
    settings: &Settings,
    grid: &DataFrame,
) -> PolarsResult<DataFrame> {
    let period = data.period;
    let a = aggregations(catalogue);
    let year = || col("year").cast(DataType::Int32);
    let programmes = data
        .programmes
        .clone()
        .lazy()
        .with_columns([lit(period.year).alias("year"), execution_expr().alias("execution")]);
    let sources: [(LazyFrame, Vec<Expr>); 6] = [
        (data.statistics.clone().lazy().with_column(year()), a.statistics),
        (
            in_periods(terms::with_terms(&data.appeals, period, settings)?.lazy(), "received", period),
            a.appeals,
        ),
        (in_periods(data.media.clone().lazy(), "date", period), a.media),
        (in_periods(data.survey.clone().lazy(), "date", period), a.survey),
        (data.funding.clone().lazy().with_column(year()), a.funding),
        (programmes, a.measures),
    ];
    let mut args = JoinArgs::new(JoinType::Left);
    args.maintain_order = MaintainOrderJoin::Left;
    let on = [col("unit"), col("year")];
    let mut out = grid.clone().lazy();
    for (lf, aggs) in sources.into_iter().filter(|(_, aggs)| !aggs.is_empty()) {
        let grouped = lf
            .join(tree.members.clone().lazy(), [col("unit")], [col("unit")], JoinArgs::new(JoinType::Inner))
            .group_by([col("ancestor"), col("year")])
            .agg(aggs)
            .rename(["ancestor"], ["unit"], true);
        out = out.join(grouped, on.clone(), on.clone(), args.clone());
    }
    out.collect()
}

/// `valid` Σ weight of answers, `top` Σ weight of `positive` ones, `w2` Σ weight², `n` answers.
fn survey_sums(k: usize, question: &str, positive: Expr) -> [Expr; 4] {
    let answered = col(question).is_not_null();
    [
        col("weight").filter(answered.clone()).sum().alias(name(k, "valid")),
        col("weight").filter(positive).sum().alias(name(k, "top")),
        (col("weight") * col("weight")).filter(answered).sum().alias(name(k, "w2")),
        f64s(col(question).count()).alias(name(k, "n")),
    ]
}
