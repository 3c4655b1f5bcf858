//! Each unit among the units of the same parent, as frame operations: competition ranks
//! (ties share the lowest rank: 1, 1, 3), the siblings' mean, the parent's value and the
//! unit's position against it.
//!
//! Ranked are rates, shares and days of indicators with a good direction, never low-n survey
//! estimates, and only like with like: among siblings of the same level group (city bodies and
//! districts in a city apart from rural districts, [`level_group`]), and only in a group of at
//! least [`MIN_GROUP`] (a rank among two says little; among one, nothing).

use polars::prelude::*;

use crate::catalogue::{Catalogue, Direction};
use crate::change::tidy;
use crate::model::Assessment;

/// The smallest group of siblings that is ranked.
pub const MIN_GROUP: u32 = 3;

/// The group a body is ranked in, by its level: `urban` (cities, the capital, districts in a
/// city) or `rural` (districts); the department's own level is its own group.
pub fn level_group(level: &str) -> &'static str {
    match level {
        "district" => "rural",
        "city" | "city_republican" | "capital" | "district_in_city" => "urban",
        _ => "region",
    }
}

/// +1 where lower is better, −1 where higher is, 0 for neutral indicators.
fn sign(direction: Direction) -> i32 {
    match direction {
        Direction::Lower => 1,
        Direction::Higher => -1,
        Direction::Neutral => 0,
    }
}

fn left(on: &[&str]) -> (Vec<Expr>, JoinArgs) {
    let mut args = JoinArgs::new(JoinType::Left);
    args.maintain_order = MaintainOrderJoin::Left;
    (on.iter().map(|c| col(*c)).collect(), args)
}

/// Adds `rank`, `rank_of`, `sibling_mean`, `parent_value` and `position` to the figures frame
/// (`unit`, `k`, `current`, `low_n`, …); `units` gives each unit's `parent`.
pub(crate) fn rank(figures: DataFrame, units: &DataFrame, catalogue: &Catalogue) -> PolarsResult<DataFrame> {
    let inds = &catalogue.indicators;
    let kinds = DataFrame::new(
        inds.len(),
        vec![
            Column::new("k".into(), (0..inds.len() as u32).collect::<Vec<_>>()),
            Column::new("sign".into(), inds.iter().map(|i| sign(i.direction)).collect::<Vec<_>>()),
            Column::new(
                "rankable".into(),
                inds.iter()
                    .map(|i| i.direction != Direction::Neutral && i.unit.comparable())
                    .collect::<Vec<_>>(),
            ),
        ],
    )?;
    let parents = units.select(["unit", "parent", "group"])?;
    let parent_values = figures.clone().lazy().select([
        col("unit").alias("parent"),
        col("k"),
        col("current").alias("parent_value"),
    ]);
    let (on_unit, args) = left(&["unit"]);
    let (on_k, _) = left(&["k"]);
    let (on_parent_k, _) = left(&["parent", "k"]);
    let eligible = col("parent")
        .is_not_null()
        .and(col("rankable"))
        .and(col("low_n").not())
        .and(col("current").is_not_null());
    let family = [col("parent"), col("group"), col("k")];
    let ranked = col("score").count().over(family.clone())?;
    let null = || lit(NULL);
    let shown = |e: Expr| {
        when(col("score").is_not_null().and(col("ranked").gt_eq(lit(MIN_GROUP)))).then(e).otherwise(null())
    };
    let delta = col("current") - col("parent_value");
    let same = delta.clone().lt(lit(1e-9)).and(delta.clone().gt(lit(-1e-9)));
    let id = |a: Assessment| lit(a.id());
    let out = figures
        .lazy()
        .join(parents.lazy(), on_unit.clone(), on_unit, args.clone())
        .join(kinds.lazy(), on_k.clone(), on_k, args.clone())
        .join(parent_values, on_parent_k.clone(), on_parent_k, args)
        .with_column(
            when(eligible.clone())
                .then(col("current") * col("sign").cast(DataType::Float64))
                .otherwise(null())
                .alias("score"),
        )
        .with_column(ranked.alias("ranked"))
        .with_columns([
            shown(
                col("score")
                    .rank(RankOptions { method: RankMethod::Min, descending: false }, None)
                    .over(family.clone())?,
            )
            .alias("rank"),
            shown(col("ranked").cast(DataType::UInt32)).alias("rank_of"),
            shown(when(eligible).then(col("current")).otherwise(null()).mean().over(family)?)
                .alias("sibling_mean"),
            when(delta.clone().is_null())
                .then(lit(NULL).cast(DataType::String))
                .when(same)
                .then(id(Assessment::Same))
                .when(col("sign").eq(lit(0)))
                .then(id(Assessment::Neutral))
                .when((delta.clone() * col("sign").cast(DataType::Float64)).lt(lit(0.0)))
                .then(id(Assessment::Better))
                .otherwise(id(Assessment::Worse))
                .alias("position"),
        ])
        .drop(cols(["score", "ranked", "sign", "rankable", "group"]))
        .collect()?;
    // The mean of figures rounded to 12 digits is rounded again, as every figure is.
    let mean: Float64Chunked = out.column("sibling_mean")?.f64()?.iter().map(|v| v.and_then(tidy)).collect();
    let mut out = out;
    out.with_column(mean.into_series().with_name("sibling_mean".into()).into_column())?;
    Ok(out)
}
