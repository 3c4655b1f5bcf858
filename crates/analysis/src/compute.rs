//! Computing the catalogue's indicators for every unit and the department with polars.
//!
//! A unit's figures cover its own records and those of all its bodies: a membership frame
//! (ancestor, unit) is joined to each source and grouped by ancestor, so the department's
//! counts are sums of its bodies' and its rates and shares are recomputed from those sums.

use std::collections::HashMap;

use esep_ingest::{Dataset, Period};
use polars::prelude::*;

use crate::catalogue::{Catalogue, Formula, Indicator};
use crate::model::{Figure, Meeting, Paragraph, Report, UnitReport};

type Key = (String, i32);

/// An indicator's value for (unit, year), or why there is none.
type Evaluator<'a> = Box<dyn Fn(&str, i32) -> Result<f64, String> + 'a>;

/// The membership frame, unit codes in input order, and each unit's parent.
struct Tree {
    members: DataFrame,
    codes: Vec<String>,
    parent_of: HashMap<String, Option<String>>,
}

/// Sums per (ancestor, year) of one or more columns, read out of a grouped frame.
struct Sums(HashMap<Key, Vec<f64>>);

impl Sums {
    fn get(&self, unit: &str, year: i32, k: usize) -> Option<f64> {
        self.0.get(&(unit.to_string(), year)).map(|v| v[k])
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
        let values = cols.iter().map(|c| c.f64().ok().and_then(|ca| ca.get(i)).unwrap_or(0.0)).collect();
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

/// Computes the report: every catalogue indicator for every unit, current and АППГ.
pub fn compute(data: &Dataset, catalogue: &Catalogue) -> PolarsResult<Report> {
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

    let appeals = |kind: &Option<String>| -> PolarsResult<Sums> {
        let mut lf = in_periods(data.appeals.clone().lazy(), "received", period);
        if let Some(k) = kind {
            lf = lf.filter(col("kind").eq(lit(k.as_str())));
        }
        collect_sums(grouped(lf, &members, vec![len().alias("n")]).collect()?, &["n"])
    };
    let survey_base = in_periods(data.survey.clone().lazy(), "date", period);
    let survey_top = |q: &str, min: i64| -> PolarsResult<Sums> {
        let answered = col(q).is_not_null();
        let aggs = vec![
            col("weight").filter(answered).sum().alias("valid"),
            col("weight").filter(col(q).gt_eq(lit(min))).sum().alias("top"),
            col(q).count().alias("n"),
        ];
        collect_sums(grouped(survey_base.clone(), &members, aggs).collect()?, &["valid", "top", "n"])
    };
    let survey_n =
        collect_sums(grouped(survey_base.clone(), &members, vec![len().alias("n")]).collect()?, &["n"])?;
    let funding = collect_sums(
        grouped(
            data.funding.clone().lazy().with_column(col("year").cast(DataType::Int32)),
            &members,
            vec![col("allocated").sum(), col("spent").sum()],
        )
        .collect()?,
        &["allocated", "spent"],
    )?;
    let measures = |status: &Option<String>| -> PolarsResult<Sums> {
        let mut lf = data.programmes.clone().lazy().with_column(lit(period.year).alias("year"));
        if let Some(s) = status {
            lf = lf.filter(col("status").eq(lit(s.as_str())));
        }
        collect_sums(grouped(lf, &members, vec![len().alias("n")]).collect()?, &["n"])
    };

    let population: HashMap<String, f64> = {
        let pop = data.units.column("population")?.cast(&DataType::Float64)?;
        codes.iter().cloned().zip(pop.f64()?.iter().map(|p| p.unwrap_or(0.0))).collect()
    };

    // Formula results per indicator: (unit, year) → Ok(value) or Err(reason).
    let mut values: Vec<Evaluator<'_>> = Vec::new();
    let stat_sum = |unit: &str, year: i32, codes: &[String]| -> Option<f64> {
        let found: Vec<f64> =
            codes.iter().filter_map(|c| stats.get(&(unit.to_string(), year, c.clone())).copied()).collect();
        (!found.is_empty()).then(|| found.iter().sum())
    };
    for ind in &catalogue.indicators {
        let f: Evaluator<'_> = match &ind.formula {
            Formula::Stat { code } => {
                let code = vec![code.clone()];
                Box::new(move |u, y| stat_sum(u, y, &code).ok_or_else(|| "no data".to_string()))
            }
            Formula::Rate { code, per } => {
                let (code, per) = (vec![code.clone()], *per);
                let population = &population;
                Box::new(move |u, y| {
                    let v = stat_sum(u, y, &code).ok_or("no data")?;
                    let p = population.get(u).copied().filter(|p| *p > 0.0).ok_or("population is 0")?;
                    Ok(v * per / p)
                })
            }
            Formula::Share { num, den } => {
                let (num, den) = (num.clone(), den.clone());
                Box::new(move |u, y| {
                    let n = stat_sum(u, y, &num).ok_or("no data")?;
                    let d = stat_sum(u, y, &den).ok_or("no data")?;
                    if d == 0.0 { Err("denominator is 0".into()) } else { Ok(100.0 * n / d) }
                })
            }
            Formula::Appeals { kind_of } => {
                let sums = appeals(kind_of)?;
                Box::new(move |u, y| Ok(sums.get(u, y, 0).unwrap_or(0.0)))
            }
            Formula::SurveyN => {
                let sums = &survey_n;
                Box::new(move |u, y| sums.get(u, y, 0).ok_or_else(|| "no respondents".to_string()))
            }
            Formula::SurveyTop { question, min } => {
                let sums = survey_top(question, *min)?;
                Box::new(move |u, y| {
                    let valid = sums.get(u, y, 0).filter(|v| *v > 0.0).ok_or("no respondents")?;
                    Ok(100.0 * sums.get(u, y, 1).unwrap_or(0.0) / valid)
                })
            }
            Formula::Measures { status } => {
                let sums = measures(status)?;
                let year = period.year;
                Box::new(move |u, y| {
                    if y == year {
                        Ok(sums.get(u, y, 0).unwrap_or(0.0))
                    } else {
                        Err("not compared with the previous year".into())
                    }
                })
            }
            Formula::Funding { measure } => {
                let k = usize::from(measure == "spent");
                let sums = &funding;
                Box::new(move |u, y| sums.get(u, y, k).ok_or_else(|| "no data".to_string()))
            }
        };
        values.push(f);
    }

    let units = &data.units;
    let text = |name: &str, i: usize| -> PolarsResult<String> {
        Ok(units.column(name)?.str()?.get(i).unwrap_or_default().to_string())
    };
    let mut reports = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let mut figures = Vec::new();
        for (ind, f) in catalogue.indicators.iter().zip(&values) {
            figures.push(figure(ind, f(code, period.year), f(code, period.year - 1)));
        }
        let mut depth: u32 = 0;
        let mut p = parent_of.get(code).cloned().flatten();
        while let Some(c) = p {
            depth += 1;
            p = parent_of.get(&c).cloned().flatten();
            if depth as usize > codes.len() {
                break;
            }
        }
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
            narrative: narrative(&data.narrative, code)?,
            meeting: meeting(&data.meeting, code)?,
        });
    }
    // Department first, then each body after its parent, keeping input order among siblings.
    let order = tree_order(&reports);
    let reports = order.into_iter().map(|k| reports[k].clone()).collect();
    Ok(Report { period, catalogue: catalogue.clone(), units: reports })
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

fn figure(ind: &Indicator, current: Result<f64, String>, previous: Result<f64, String>) -> Figure {
    let (cur, prev) = (current.as_ref().ok().copied(), previous.as_ref().ok().copied());
    let change = cur.zip(prev).map(|(c, p)| c - p);
    let change_pct = cur.zip(prev).and_then(|(c, p)| (p != 0.0).then(|| 100.0 * (c - p) / p));
    let note = match (&current, &previous) {
        (Err(e), _) => Some(e.clone()),
        (_, Err(e)) => Some(format!("АППГ: {e}")),
        _ if change_pct.is_none() => Some("АППГ is 0: no % change".into()),
        _ => None,
    };
    Figure { code: ind.code.clone(), current: cur, previous: prev, change, change_pct, note }
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
