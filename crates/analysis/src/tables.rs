//! The tables and texts of each unit beside its figures: programme measures and their
//! programmes, funding by purpose, questions sent ahead of the meeting, narrative, meeting.

use std::collections::HashMap;

use polars::prelude::*;

use crate::change::tidy;
use crate::model::{FundingRow, MeasureRow, Meeting, Paragraph, ProgrammeRow, Publication, Question};
use crate::sums::execution_expr;

/// Programme measures of each unit and its bodies, in input order.
pub(crate) fn programme_rows(
    df: &DataFrame,
    members: &DataFrame,
) -> PolarsResult<HashMap<String, Vec<MeasureRow>>> {
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
            unit: txt(&unit, i).into(),
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
pub(crate) fn summarise_programmes(rows: &[MeasureRow]) -> Vec<ProgrammeRow> {
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
pub(crate) fn funding_rows(
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

/// The language text `i` of `texts` is written in: as declared in `declared`, else as its
/// letters say ([`esep_ingest::text::written_in`]).
fn language_of(texts: &StringChunked, declared: &StringChunked, i: usize) -> String {
    declared
        .get(i)
        .unwrap_or_else(|| esep_ingest::text::written_in(texts.get(i).unwrap_or_default()))
        .to_string()
}

/// The unit's own appeals marked for the meeting, in order of receipt.
pub(crate) fn questions(df: &DataFrame, code: &str) -> PolarsResult<Vec<Question>> {
    let mine = df
        .clone()
        .lazy()
        .filter(col("unit").eq(lit(code)).and(col("for_meeting").eq(lit(true))))
        .sort(["received", "row"], SortMultipleOptions::default().with_maintain_order(true))
        .collect()?;
    let s = |name: &str| -> PolarsResult<StringChunked> {
        Ok(mine.column(name)?.cast(&DataType::String)?.str()?.clone())
    };
    let (id, received, applicant, kind, topic, language) =
        (s("id")?, s("received")?, s("applicant")?, s("kind")?, s("topic")?, s("topic_language")?);
    let t = |c: &StringChunked, i: usize| c.get(i).unwrap_or_default().to_string();
    Ok((0..mine.height())
        .map(|i| Question {
            id: t(&id, i),
            received: t(&received, i),
            applicant: t(&applicant, i),
            kind: t(&kind, i),
            topic: t(&topic, i),
            topic_language: language_of(&topic, &language, i),
        })
        .collect())
}

/// The period's media publications on each unit and its bodies, by date (rule 6.6).
pub(crate) fn media(
    df: &DataFrame,
    members: &DataFrame,
    period: esep_ingest::Period,
) -> PolarsResult<HashMap<String, Vec<Publication>>> {
    let start = chrono::NaiveDate::from_ymd_opt(period.year, 1, 1).unwrap_or_default().to_epoch_days();
    let end = period.end().to_epoch_days();
    let joined = df
        .clone()
        .lazy()
        .filter(
            col("date")
                .cast(DataType::Int32)
                .gt_eq(lit(start))
                .and(col("date").cast(DataType::Int32).lt_eq(lit(end))),
        )
        .join(members.clone().lazy(), [col("unit")], [col("unit")], JoinArgs::new(JoinType::Inner))
        .sort(["ancestor", "date", "row"], SortMultipleOptions::default().with_maintain_order(true))
        .collect()?;
    let s = |name: &str| -> PolarsResult<StringChunked> {
        Ok(joined.column(name)?.cast(&DataType::String)?.str()?.clone())
    };
    let (anc, unit, date, title, language, response_date) =
        (s("ancestor")?, s("unit")?, s("date")?, s("title")?, s("title_language")?, s("response_date")?);
    let (outlet_kk, outlet_ru, response_kk, response_ru) =
        (s("outlet_kk")?, s("outlet_ru")?, s("response_kk")?, s("response_ru")?);
    let txt = |c: &StringChunked, i: usize| c.get(i).unwrap_or_default().to_string();
    let mut out: HashMap<String, Vec<Publication>> = HashMap::new();
    for i in 0..joined.height() {
        out.entry(txt(&anc, i)).or_default().push(Publication {
            unit: txt(&unit, i).into(),
            date: txt(&date, i),
            outlet_kk: txt(&outlet_kk, i),
            outlet_ru: txt(&outlet_ru, i),
            title: txt(&title, i),
            title_language: language_of(&title, &language, i),
            response_kk: txt(&response_kk, i),
            response_ru: txt(&response_ru, i),
            response_date: txt(&response_date, i),
        });
    }
    Ok(out)
}

pub(crate) fn narrative(df: &DataFrame, code: &str) -> PolarsResult<Vec<Paragraph>> {
    let mine =
        df.clone().lazy().filter(col("unit").eq(lit(code))).sort(["row"], Default::default()).collect()?;
    let (s, kk, ru) =
        (mine.column("section")?.str()?, mine.column("text_kk")?.str()?, mine.column("text_ru")?.str()?);
    let item = mine.column("item")?.cast(&DataType::Int64)?;
    let item = item.i64()?;
    Ok((0..mine.height())
        .map(|i| Paragraph {
            section: s.get(i).unwrap_or_default().into(),
            item: item.get(i).and_then(|v| u8::try_from(v).ok()),
            kk: kk.get(i).unwrap_or_default().into(),
            ru: ru.get(i).unwrap_or_default().into(),
        })
        .collect())
}

pub(crate) fn meeting(df: &DataFrame, code: &str) -> PolarsResult<Option<Meeting>> {
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
        questions_kk: t("questions_kk")?,
        questions_ru: t("questions_ru")?,
        invited: t("invited")?.split(';').filter(|s| !s.is_empty()).map(str::to_string).collect(),
        invited_other_kk: t("invited_other_kk")?,
        invited_other_ru: t("invited_other_ru")?,
        secretary: t("secretary")?,
    }))
}
