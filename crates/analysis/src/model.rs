//! The report model handed to the renderers: plain data, serialisable to JSON.

use esep_ingest::Period;
use serde::Serialize;

use crate::catalogue::Catalogue;

/// Everything the documents and workbooks of one input folder show.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Reporting period.
    pub period: Period,
    /// The catalogue the figures follow.
    pub catalogue: Catalogue,
    /// The department first, then every body after its parent.
    pub units: Vec<UnitReport>,
}

/// One unit's figures and texts.
#[derive(Debug, Clone, Serialize)]
pub struct UnitReport {
    /// Unit code.
    pub code: String,
    /// Parent code; `None` for the department.
    pub parent: Option<String>,
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
    /// Chief's name.
    pub chief_name: String,
    /// Chief's rank, Kazakh.
    pub chief_rank_kk: String,
    /// Chief's rank, Russian.
    pub chief_rank_ru: String,
    /// One figure per catalogue indicator, in catalogue order.
    pub figures: Vec<Figure>,
    /// Text paragraphs (rule 6 items 8–10, awards).
    pub narrative: Vec<Paragraph>,
    /// The meeting, if planned.
    pub meeting: Option<Meeting>,
}

/// One indicator of one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Indicator code.
    pub code: String,
    /// Value for the period; `None` with a `note` when it cannot be computed.
    pub current: Option<f64>,
    /// Value for the same period of the previous year (АППГ).
    pub previous: Option<f64>,
    /// current − previous.
    pub change: Option<f64>,
    /// 100 × (current − previous) / previous; `None` when previous is 0.
    pub change_pct: Option<f64>,
    /// Why a value is empty.
    pub note: Option<String>,
}

/// One paragraph of text.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// Section id: `legislation`, `local_problems`, `other`, `awards`.
    pub section: String,
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
    /// Media carrying the announcement.
    pub outlets: String,
    /// How to send questions, Kazakh.
    pub questions_kk: String,
    /// How to send questions, Russian.
    pub questions_ru: String,
    /// Invited groups (rule 11), Kazakh.
    pub invited_kk: String,
    /// Invited groups (rule 11), Russian.
    pub invited_ru: String,
    /// Secretary keeping the protocol.
    pub secretary: String,
}
