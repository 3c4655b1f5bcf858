//! The report's main points (page 2 and slide 2), chosen by a rule rather than by hand:
//!
//! 1. the catalogue's `key` figures that have a current value, in the catalogue's order;
//! 2. then the largest significant changes among the other public figures — smallest p-value
//!    first, counts of the survey's sample and programme counts left out — up to
//!    [`MAX_POINTS`] in all, at most [`MAX_EXTRA`] of them.
//!
//! The overall assessment counts the significant improvements and deteriorations among the
//! points and the headline figures: more improvements is `improved`, more deteriorations
//! `worsened`, otherwise `stable` (changes within random variation count for neither).

use serde::Serialize;

use crate::catalogue::{Catalogue, Formula};
use crate::model::{Assessment, Figure};

/// At most this many points.
pub const MAX_POINTS: usize = 7;
/// At most this many points beyond the key figures.
pub const MAX_EXTRA: usize = 2;

/// The situation in one word, from the significant changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Overall {
    /// More significant improvements than deteriorations.
    Improved,
    /// More significant deteriorations than improvements.
    Worsened,
    /// As many, or none.
    Stable,
}

/// The main points of a unit and its overall assessment, with the counts behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MainPoints {
    /// Catalogue indices of the figures to state, in order.
    pub points: Vec<usize>,
    /// The assessment.
    pub overall: Overall,
    /// Significant improvements counted.
    pub better: usize,
    /// Significant deteriorations counted.
    pub worse: usize,
}

/// Chooses the points among a unit's figures (one per catalogue indicator, in its order).
pub fn main_points(figures: &[Figure], catalogue: &Catalogue) -> MainPoints {
    let public = |k: usize| figures.get(k).is_some_and(|f| !f.restricted && f.current.is_some());
    let mut points: Vec<usize> = catalogue
        .key
        .iter()
        .filter_map(|code| catalogue.indicators.iter().position(|i| &i.code == code))
        .filter(|&k| public(k))
        .collect();
    let mut extra: Vec<(usize, f64)> = catalogue
        .indicators
        .iter()
        .enumerate()
        .filter(|(k, i)| {
            public(*k)
                && !points.contains(k)
                && !matches!(i.formula, Formula::SurveyN | Formula::Measures { .. })
                && figures[*k].significant == Some(true)
        })
        .filter_map(|(k, _)| Some((k, figures[k].p_value?)))
        .collect();
    extra.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let room = MAX_POINTS.saturating_sub(points.len()).min(MAX_EXTRA);
    points.extend(extra.into_iter().take(room).map(|(k, _)| k));
    let counted = |k: usize| points.contains(&k) || catalogue.indicators[k].headline;
    let significant = |a: Assessment| {
        (0..figures.len().min(catalogue.indicators.len()))
            .filter(|&k| public(k) && counted(k))
            .filter(|&k| figures[k].significant == Some(true) && figures[k].assessment == Some(a))
            .count()
    };
    let (better, worse) = (significant(Assessment::Better), significant(Assessment::Worse));
    let overall = match better.cmp(&worse) {
        std::cmp::Ordering::Greater => Overall::Improved,
        std::cmp::Ordering::Less => Overall::Worsened,
        std::cmp::Ordering::Equal => Overall::Stable,
    };
    MainPoints { points, overall, better, worse }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_figures_then_the_most_significant_changes() {
        let catalogue = Catalogue::builtin();
        let n = catalogue.indicators.len();
        let mut figures = vec![Figure { current: Some(10.0), ..Figure::default() }; n];
        let at = |code: &str| catalogue.indicators.iter().position(|i| i.code == code).unwrap_or(usize::MAX);
        // Three significant changes outside the key figures: the two smallest p-values win.
        for (code, p, a) in [
            ("theft_registered", 0.01, Assessment::Better),
            ("fraud_registered", 0.001, Assessment::Worse),
            ("robbery_registered", 0.02, Assessment::Worse),
        ] {
            let f = &mut figures[at(code)];
            (f.significant, f.p_value, f.assessment) = (Some(true), Some(p), Some(a));
        }
        // A key figure without a value is left out; a significant key improvement counts.
        figures[at("road_deaths")].current = None;
        let trust = &mut figures[at("trust")];
        (trust.significant, trust.p_value, trust.assessment) =
            (Some(true), Some(0.3), Some(Assessment::Better));
        let main = main_points(&figures, &catalogue);
        let expected: Vec<usize> = [
            "crime_registered",
            "crime_rate",
            "clearance",
            "appeals_on_time",
            "trust",
            "fraud_registered",
            "theft_registered",
        ]
        .iter()
        .map(|c| at(c))
        .collect();
        assert_eq!(main.points, expected);
        // Better: trust and theft; worse: fraud. Robbery is neither a point nor a headline.
        assert!(!catalogue.indicators[at("robbery_registered")].headline);
        assert_eq!((main.better, main.worse, main.overall), (2, 1, Overall::Improved));
    }
}
