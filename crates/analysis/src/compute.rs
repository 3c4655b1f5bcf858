//! Computing the report: every catalogue indicator for every unit and the department.
//!
//! # Steps
//! 1. [`crate::tree`]: which bodies each unit covers, and the report's order of units.
//! 2. [`crate::sums`]: each source summed per unit (over its bodies) and year.
//! 3. [`crate::values`]: each formula over those sums, one frame per indicator.
//! 4. [`crate::change`]: the period against the same period of the previous year, tested.
//! 5. [`crate::ranks`]: units among their siblings.
//!
//! The result is one figures frame (unit × indicator, named columns); each unit's
//! [`Figure`] rows are read from it, and documents, workbooks and open data read those rows.

use std::collections::HashMap;
use std::sync::Arc;

use esep_ingest::{Dataset, Period, UnitCode};
use polars::prelude::*;

use crate::catalogue::{Catalogue, Indicator};
use crate::change;
use crate::error::Error;
use crate::model::{Assessment, Figure, Reason, Report, UnitReport};
use crate::ranks;
use crate::settings::Settings;
use crate::tables;
use crate::tree::{self, Tree};
use crate::values;

/// Computes the report: every catalogue indicator for every unit, current and АППГ, with
/// change tests and ranks among siblings.
pub fn compute(data: &Dataset, catalogue: &Catalogue, settings: &Settings) -> Result<Report, Error> {
    let tree = tree::tree(&data.units)?;
    let values = values::values(data, &tree, catalogue, settings)?;
    let mut figures: Option<DataFrame> = None;
    for (k, (ind, values)) in catalogue.indicators.iter().zip(&values).enumerate() {
        let compared = change::compare(k as u32, ind, values, data.period.year, settings)?;
        match figures.as_mut() {
            Some(all) => {
                all.vstack_mut(&compared)?;
            }
            None => figures = Some(compared),
        }
    }
    let mut figures = figures.unwrap_or_default();
    figures.rechunk_mut();
    let figures = ranks::rank(figures, &tree.units, catalogue)?;
    let units = unit_reports(data, &tree, catalogue, &figures, settings)?;
    let compliance = crate::compliance::assess(data, settings, Some(&units))?;
    Ok(Report {
        period: data.period,
        catalogue: catalogue.clone(),
        settings: settings.clone(),
        units,
        compliance,
    })
}

/// Each unit's texts and tables, and its figures read from the frame, in report order.
fn unit_reports(
    data: &Dataset,
    tree: &Tree,
    catalogue: &Catalogue,
    figures: &DataFrame,
    settings: &Settings,
) -> PolarsResult<Vec<UnitReport>> {
    let programmes = tables::programme_rows(&data.programmes, &tree.members)?;
    let funding = tables::funding_rows(&data.funding, &tree.members, data.period.year)?;
    let mut media = tables::media(&data.media, &tree.members, data.period)?;
    let units = &data.units;
    let text = |name: &str, i: usize| -> PolarsResult<String> {
        Ok(units.column(name)?.str()?.get(i).unwrap_or_default().to_string())
    };
    let codes = units.column("code")?.str()?.clone();
    let index: HashMap<&str, usize> = codes.iter().enumerate().filter_map(|(i, c)| Some((c?, i))).collect();
    let depth = tree.units.column("depth")?.u32()?.clone();
    let mut rows = figure_rows(figures, catalogue, data)?;
    let mut out = Vec::with_capacity(tree.order.len());
    for code in &tree.order {
        let Some(&i) = index.get(code.as_str()) else { continue };
        let measures = programmes.get(code).cloned().unwrap_or_default();
        let meeting = tables::meeting(&data.meeting, code)?;
        let held = meeting.as_ref().and_then(|m| chrono::NaiveDate::parse_from_str(&m.date, "%Y-%m-%d").ok());
        out.push(UnitReport {
            code: code.as_str().into(),
            parent: units.column("parent")?.str()?.get(i).map(UnitCode::from),
            depth: depth.get(i).unwrap_or(0),
            level: text("level", i)?,
            name_kk: text("name_kk", i)?,
            name_ru: text("name_ru", i)?,
            population: units.column("population")?.cast(&DataType::Int64)?.i64()?.get(i).unwrap_or(0),
            population_previous: units.column("population_previous")?.cast(&DataType::Int64)?.i64()?.get(i),
            population_date: units
                .column("population_date")?
                .cast(&DataType::String)?
                .str()?
                .get(i)
                .map(str::to_string),
            chief_name: text("chief_name", i)?,
            chief_rank_kk: text("chief_rank_kk", i)?,
            chief_rank_ru: text("chief_rank_ru", i)?,
            main: crate::summary::main_points(rows.get(code).map_or(&[][..], Vec::as_slice), catalogue),
            figures: rows.remove(code).unwrap_or_default(),
            programmes: tables::summarise_programmes(&measures),
            measures,
            funding: funding.get(code).cloned().unwrap_or_default(),
            questions: tables::questions(&data.appeals, code)?,
            media: media.remove(code).unwrap_or_default(),
            narrative: tables::narrative(&data.narrative, code)?,
            followup: crate::followup::previous(
                &data.registers,
                settings,
                code.as_str(),
                held,
                data.period.end(),
            ),
            meeting,
        });
    }
    Ok(out)
}

/// The columns of the figures frame, read by name.
struct Columns {
    unit: StringChunked,
    k: UInt32Chunked,
    numbers: HashMap<&'static str, Float64Chunked>,
    texts: HashMap<&'static str, StringChunked>,
    significant: BooleanChunked,
    low_n: BooleanChunked,
    rank: UInt32Chunked,
    rank_of: UInt32Chunked,
}

/// Columns added to the comparison's numbers by the ranks.
const RANKED: [&str; 2] = ["sibling_mean", "parent_value"];

impl Columns {
    fn new(df: &DataFrame) -> PolarsResult<Self> {
        let s = |name: &str| -> PolarsResult<StringChunked> { Ok(df.column(name)?.str()?.clone()) };
        let u = |name: &str| -> PolarsResult<UInt32Chunked> {
            Ok(df.column(name)?.cast(&DataType::UInt32)?.u32()?.clone())
        };
        let mut numbers = HashMap::new();
        for name in change::NUMBERS.into_iter().chain(RANKED) {
            numbers.insert(name, df.column(name)?.f64()?.clone());
        }
        let mut texts = HashMap::new();
        for name in ["assessment", "position", "missing", "previous_missing"] {
            texts.insert(name, s(name)?);
        }
        Ok(Self {
            unit: s("unit")?,
            k: u("k")?,
            numbers,
            texts,
            significant: df.column("significant")?.bool()?.clone(),
            low_n: df.column("low_n")?.bool()?.clone(),
            rank: u("rank")?,
            rank_of: u("rank_of")?,
        })
    }

    fn f(&self, name: &str, i: usize) -> Option<f64> {
        self.numbers.get(name).and_then(|c| c.get(i))
    }

    fn t(&self, name: &str, i: usize) -> Option<&str> {
        self.texts.get(name).and_then(|c| c.get(i))
    }

    /// Row `i` as a figure of `ind` (labelled `label`), of the unit `unit` (its code, parent
    /// and names).
    fn figure(&self, i: usize, ind: &Indicator, label: &Names, unit: &Unit, period: Period) -> Figure {
        Figure {
            unit: unit.code.clone(),
            unit_kk: unit.names.kk.clone(),
            unit_ru: unit.names.ru.clone(),
            parent: unit.parent.clone(),
            year: period.year,
            months: period.months,
            code: ind.code.clone(),
            item: ind.item,
            label_kk: label.kk.clone(),
            label_ru: label.ru.clone(),
            measure: ind.unit,
            direction: ind.direction,
            restricted: ind.restricted,
            current: self.f("current", i),
            previous: self.f("previous", i),
            change: self.f("change", i),
            change_pct: self.f("change_pct", i),
            assessment: self.t("assessment", i).and_then(Assessment::from_id),
            significant: self.significant.get(i),
            p_value: self.f("p_value", i),
            num: self.f("num", i),
            den: self.f("den", i),
            previous_num: self.f("previous_num", i),
            previous_den: self.f("previous_den", i),
            n: self.f("n", i),
            n_eff: self.f("n_eff", i),
            ci_low: self.f("ci_low", i),
            ci_high: self.f("ci_high", i),
            low_n: self.low_n.get(i).unwrap_or(false),
            rank: self.rank.get(i),
            rank_of: self.rank_of.get(i),
            sibling_mean: self.f("sibling_mean", i),
            parent_value: self.f("parent_value", i),
            position: self.t("position", i).and_then(Assessment::from_id),
            missing: self.t("missing", i).and_then(Reason::from_id),
            previous_missing: self.t("previous_missing", i).and_then(Reason::from_id),
        }
    }
}

/// Names in Kazakh and Russian, shared by every figure that shows them.
#[derive(Debug)]
struct Names {
    kk: Arc<str>,
    ru: Arc<str>,
}

/// What every figure of one unit repeats: its code, its parent's and its names.
#[derive(Debug)]
struct Unit {
    code: UnitCode,
    parent: Option<UnitCode>,
    names: Names,
}

/// The figures frame as each unit's rows in catalogue order, with the unit's and the
/// indicator's names.
fn figure_rows(
    df: &DataFrame,
    catalogue: &Catalogue,
    data: &Dataset,
) -> PolarsResult<HashMap<String, Vec<Figure>>> {
    let columns = Columns::new(df)?;
    let units = &data.units;
    let (code, parent) = (units.column("code")?.str()?, units.column("parent")?.str()?);
    let (kk, ru) = (units.column("name_kk")?.str()?, units.column("name_ru")?.str()?);
    // A unit's code, parent and names, made once for all its figures.
    let made: HashMap<&str, Unit> = (0..units.height())
        .filter_map(|i| {
            let code = code.get(i)?;
            let names =
                Names { kk: kk.get(i).unwrap_or_default().into(), ru: ru.get(i).unwrap_or_default().into() };
            Some((code, Unit { code: code.into(), parent: parent.get(i).map(UnitCode::from), names }))
        })
        .collect();
    let labels: Vec<Names> = catalogue
        .indicators
        .iter()
        .map(|ind| Names { kk: ind.kk.as_str().into(), ru: ind.ru.as_str().into() })
        .collect();
    let mut out: HashMap<String, Vec<Figure>> = HashMap::new();
    for i in 0..df.height() {
        let (Some(code), Some(k)) = (columns.unit.get(i), columns.k.get(i)) else { continue };
        let (Some(unit), Some(ind), Some(label)) =
            (made.get(code), catalogue.indicators.get(k as usize), labels.get(k as usize))
        else {
            continue;
        };
        let figure = columns.figure(i, ind, label, unit, data.period);
        out.entry(code.to_string()).or_insert_with(|| Vec::with_capacity(labels.len())).push(figure);
    }
    Ok(out)
}
