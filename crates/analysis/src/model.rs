//! The report model handed to the renderers: plain data, serialisable to JSON.

use std::sync::Arc;

use esep_ingest::{Period, UnitCode};
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Direction, IndicatorCode, Measure};
use crate::settings::Settings;

/// Everything the documents and workbooks of one input folder show.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Reporting period.
    pub period: Period,
    /// The catalogue the figures follow.
    pub catalogue: Catalogue,
    /// The settings the figures were computed with.
    pub settings: Settings,
    /// The department first, then every body after its parent.
    pub units: Vec<UnitReport>,
    /// Each unit's compliance with the order, rule by rule ([`crate::compliance`]).
    pub compliance: Vec<crate::compliance::Check>,
}

/// One unit's figures and texts.
#[derive(Debug, Clone, Serialize)]
pub struct UnitReport {
    /// Unit code.
    pub code: UnitCode,
    /// Parent code; `None` for the department.
    pub parent: Option<UnitCode>,
    /// 0 for the department, 1 for its bodies, 2 for districts in a city.
    pub depth: u32,
    /// Level id (`region`, `district`, …).
    pub level: String,
    /// Kazakh name.
    pub name_kk: String,
    /// Russian name.
    pub name_ru: String,
    /// Population served.
    pub population: i64,
    /// Population of the previous year, when the units give it (its rates use it).
    pub population_previous: Option<i64>,
    /// The date the population is given for, `YYYY-MM-DD`, when the units give it.
    pub population_date: Option<String>,
    /// Chief's name.
    pub chief_name: String,
    /// Chief's rank, Kazakh.
    pub chief_rank_kk: String,
    /// Chief's rank, Russian.
    pub chief_rank_ru: String,
    /// One figure per catalogue indicator, in catalogue order.
    pub figures: Vec<Figure>,
    /// Programme measures of the unit and its bodies.
    pub measures: Vec<MeasureRow>,
    /// Programmes summed over those measures.
    pub programmes: Vec<ProgrammeRow>,
    /// Local funding of the period's year by purpose.
    pub funding: Vec<FundingRow>,
    /// Questions sent ahead of the meeting (appeals marked `for_meeting`), for the protocol.
    pub questions: Vec<Question>,
    /// Text paragraphs (rule 6 items 8–10, awards).
    pub narrative: Vec<Paragraph>,
    /// The meeting, if planned.
    pub meeting: Option<Meeting>,
    /// Media publications of the period on the unit and its bodies, by date.
    pub media: Vec<Publication>,
    /// The main points of the report and the overall assessment ([`crate::summary`]).
    pub main: crate::summary::MainPoints,
    /// What became of the previous meeting's items, when the input folder keeps its register.
    pub followup: Option<crate::followup::Previous>,
}

/// One indicator of one unit: a row of the figures frame, and of the open data
/// (`indicators.csv`, `indicators.json`) and headquarters' `data` sheet, field for field.
///
/// Empty values carry a [`Reason`]; no field is ever NaN or infinite.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Unit code.
    pub unit: UnitCode,
    // The names and labels are shared by every figure of a unit or an indicator, held once: at
    // 1 000 bodies the copies were a third of the figures' memory.
    /// Unit name, Kazakh.
    #[serde(with = "esep_ingest::code::shared")]
    pub unit_kk: Arc<str>,
    /// Unit name, Russian.
    #[serde(with = "esep_ingest::code::shared")]
    pub unit_ru: Arc<str>,
    /// Parent unit code; `None` for the department.
    pub parent: Option<UnitCode>,
    /// Reporting year.
    pub year: i32,
    /// Months since 1 January.
    pub months: u32,
    /// Indicator code.
    pub code: IndicatorCode,
    /// Rule-6 item.
    pub item: u8,
    /// Label, Kazakh.
    #[serde(with = "esep_ingest::code::shared")]
    pub label_kk: Arc<str>,
    /// Label, Russian.
    #[serde(with = "esep_ingest::code::shared")]
    pub label_ru: Arc<str>,
    /// Unit of measure.
    pub measure: Measure,
    /// Which way is good.
    pub direction: Direction,
    /// Kept out of public outputs (rule 3).
    pub restricted: bool,
    /// Value for the period.
    #[serde(serialize_with = "whole")]
    pub current: Option<f64>,
    /// Value for the same period of the previous year (АППГ).
    #[serde(serialize_with = "whole")]
    pub previous: Option<f64>,
    /// current − previous.
    #[serde(serialize_with = "whole")]
    pub change: Option<f64>,
    /// 100 × (current − previous) / previous; empty when previous is 0.
    #[serde(serialize_with = "whole")]
    pub change_pct: Option<f64>,
    /// Whether the change is an improvement given the indicator's direction.
    pub assessment: Option<Assessment>,
    /// Whether the change is significant at the settings' level; empty when not tested.
    pub significant: Option<bool>,
    /// p-value of the test of the change (see [`crate::ChangeTest`]).
    #[serde(serialize_with = "whole")]
    pub p_value: Option<f64>,
    /// Numerator of the current value (the count, for counts).
    #[serde(serialize_with = "whole")]
    pub num: Option<f64>,
    /// Denominator of the current value (population, base count, Σ weight).
    #[serde(serialize_with = "whole")]
    pub den: Option<f64>,
    /// Numerator of the previous value.
    #[serde(serialize_with = "whole")]
    pub previous_num: Option<f64>,
    /// Denominator of the previous value.
    #[serde(serialize_with = "whole")]
    pub previous_den: Option<f64>,
    /// Observations behind the current value (respondents, appeals).
    #[serde(serialize_with = "whole")]
    pub n: Option<f64>,
    /// Kish effective sample size of the current survey estimate.
    #[serde(serialize_with = "whole")]
    pub n_eff: Option<f64>,
    /// Lower bound of the confidence interval of the current value.
    #[serde(serialize_with = "whole")]
    pub ci_low: Option<f64>,
    /// Upper bound of the confidence interval of the current value.
    #[serde(serialize_with = "whole")]
    pub ci_high: Option<f64>,
    /// Fewer respondents than the settings' minimum: shown, flagged, not ranked.
    pub low_n: bool,
    /// Rank among the units of the same parent, 1 = best; ties share the lowest rank.
    pub rank: Option<u32>,
    /// Number of units ranked.
    pub rank_of: Option<u32>,
    /// Mean of the ranked siblings' values.
    #[serde(serialize_with = "whole")]
    pub sibling_mean: Option<f64>,
    /// The parent unit's value (the department's, for a district).
    #[serde(serialize_with = "whole")]
    pub parent_value: Option<f64>,
    /// The unit against its parent, given the direction.
    pub position: Option<Assessment>,
    /// Why `current` is empty.
    pub missing: Option<Reason>,
    /// Why `previous` is empty.
    pub previous_missing: Option<Reason>,
}

/// Whole numbers as integers (`7931`, not `7931.0`), in JSON as in CSV.
fn whole<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_some(&(*v as i64)),
        Some(v) => s.serialize_some(v),
        None => s.serialize_none(),
    }
}

/// Why a value is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The inputs hold no records for it.
    NoData,
    /// The unit's population is 0.
    NoPopulation,
    /// The denominator is 0.
    ZeroDenominator,
    /// No respondents answered the question.
    NoRespondents,
    /// No appeal was answered or due.
    NoAppeals,
    /// Programmes are not compared with the previous year.
    NotCompared,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 6] = [
        Self::NoData,
        Self::NoPopulation,
        Self::ZeroDenominator,
        Self::NoRespondents,
        Self::NoAppeals,
        Self::NotCompared,
    ];

    /// The reason with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Stable id, as serialised.
    pub fn id(self) -> &'static str {
        match self {
            Self::NoData => "no_data",
            Self::NoPopulation => "no_population",
            Self::ZeroDenominator => "zero_denominator",
            Self::NoRespondents => "no_respondents",
            Self::NoAppeals => "no_appeals",
            Self::NotCompared => "not_compared",
        }
    }
}

/// A value judged against another, given the indicator's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    /// An improvement.
    Better,
    /// A deterioration.
    Worse,
    /// Equal.
    Same,
    /// Different, but the indicator has no good direction.
    Neutral,
}

impl Assessment {
    /// The assessment with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        [Self::Better, Self::Worse, Self::Same, Self::Neutral].into_iter().find(|a| a.id() == id)
    }

    /// Stable id, as serialised.
    pub fn id(self) -> &'static str {
        match self {
            Self::Better => "better",
            Self::Worse => "worse",
            Self::Same => "same",
            Self::Neutral => "neutral",
        }
    }
}

/// One programme measure (rule 6.2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureRow {
    /// Unit carrying out the measure.
    pub unit: UnitCode,
    /// `republican` or `regional`.
    pub level: String,
    /// Programme, Kazakh.
    pub programme_kk: String,
    /// Programme, Russian.
    pub programme_ru: String,
    /// Measure, Kazakh.
    pub measure_kk: String,
    /// Measure, Russian.
    pub measure_ru: String,
    /// Unit of the target.
    pub measure_unit: String,
    /// Target.
    pub target: f64,
    /// Actual.
    pub actual: f64,
    /// 100 × actual / target; empty when the target is 0.
    pub execution: Option<f64>,
    /// Deadline, `YYYY-MM-DD`.
    pub deadline: String,
    /// Status id.
    pub status: String,
}

/// One programme summed over its measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeRow {
    /// `republican` or `regional`.
    pub level: String,
    /// Programme, Kazakh.
    pub programme_kk: String,
    /// Programme, Russian.
    pub programme_ru: String,
    /// Measures.
    pub measures: u32,
    /// Measures done.
    pub done: u32,
    /// Measures in progress.
    pub in_progress: u32,
    /// Measures overdue or not done.
    pub overdue: u32,
    /// Mean of min(100, execution) over measures with a target.
    pub execution: Option<f64>,
}

/// Local funding of one purpose (rule 10.6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingRow {
    /// Purpose id.
    pub purpose: String,
    /// Allocated, tenge.
    pub allocated: f64,
    /// Spent, tenge.
    pub spent: f64,
    /// 100 × spent / allocated; empty when nothing was allocated.
    pub execution: Option<f64>,
}

/// A question sent ahead of the meeting (rule 8.2), pre-listed in the protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Appeal id.
    pub id: String,
    /// Received, `YYYY-MM-DD`.
    pub received: String,
    /// Applicant type id.
    pub applicant: String,
    /// Kind id (complaint, proposal, request).
    pub kind: String,
    /// Topic as written in the register.
    pub topic: String,
    /// The language the topic is written in: `kk`, `ru` or `other` (declared, else detected).
    pub topic_language: String,
}

/// A media publication on the police and the response to it (rule 6.6), as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publication {
    /// The unit the publication is about.
    pub unit: UnitCode,
    /// Published, `YYYY-MM-DD`.
    pub date: String,
    /// The outlet, Kazakh.
    pub outlet_kk: String,
    /// The outlet, Russian.
    pub outlet_ru: String,
    /// The title, as published.
    pub title: String,
    /// The language of the title: `kk`, `ru` or `other` (declared, else detected).
    pub title_language: String,
    /// The response taken, Kazakh; empty while there is none.
    pub response_kk: String,
    /// The response taken, Russian; empty while there is none.
    pub response_ru: String,
    /// When it was taken, `YYYY-MM-DD`, or empty.
    pub response_date: String,
}

impl Publication {
    /// Whether a response was taken (in either language).
    pub fn answered(&self) -> bool {
        !self.response_kk.is_empty() || !self.response_ru.is_empty()
    }
}

/// One paragraph of text.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// Section id: `measures`, `legislation`, `local_problems`, `other`, `awards`.
    pub section: String,
    /// The item of rule 6 (1–7) whose lead paragraph the text joins, if any.
    pub item: Option<u8>,
    /// Kazakh text.
    pub kk: String,
    /// Russian text.
    pub ru: String,
}

/// The public meeting of rule 8.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Start time, `HH:MM`.
    pub time: String,
    /// Place, Kazakh.
    pub place_kk: String,
    /// Place, Russian.
    pub place_ru: String,
    /// Seats.
    pub capacity: i64,
    /// Announcement date, `YYYY-MM-DD`.
    pub announced: String,
    /// How to send questions, Kazakh.
    pub questions_kk: String,
    /// How to send questions, Russian.
    pub questions_ru: String,
    /// Ids of the invited groups (contract `INVITEES`), in the list's order.
    pub invited: Vec<String>,
    /// Others invited, Kazakh (may be empty).
    pub invited_other_kk: String,
    /// Others invited, Russian (may be empty).
    pub invited_other_ru: String,
    /// Secretary keeping the protocol.
    pub secretary: String,
}
