//! The report's main points (page 2 and slide 2), chosen by a rule rather than by hand:
//!
//! 1. the catalogue's `key` figures that have a current value, in the catalogue's order;
//! 2. then the largest significant changes among the other public figures — smallest p-value
//!    first, counts of the survey's sample and programme counts left out — up to
//!    [`MAX_POINTS`] in all, at most [`MAX_EXTRA`] of them.
//!
//! Each chapter's lead paragraph states the figures [`chapter_lead`] chooses.
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

/// At most this many changes of each kind (better, worse, other) in a chapter's lead.
pub const MAX_LEAD: usize = 2;

/// The figures a chapter's lead paragraph states, by catalogue index.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lead {
    /// The chapter's first headline figure with a current value: the paragraph opens with it.
    pub opener: Option<usize>,
    /// Significant improvements among the chapter's other figures, smallest p-value first.
    pub better: Vec<usize>,
    /// Significant deteriorations, likewise.
    pub worse: Vec<usize>,
    /// Significant changes of figures that are neither better nor worse when they grow.
    pub other: Vec<usize>,
    /// Whether the chapter has at least three compared figures and none of them but the
    /// opener changed significantly: the lead says the rest held steady.
    pub steady: bool,
}

/// Chooses what the lead paragraph of rule-6 item `item` states:
///
/// 1. it opens with the item's first headline figure (catalogue order) that has a current
///    value — programme counts aside, which item 2 states by status;
/// 2. then up to [`MAX_LEAD`] significant improvements, deteriorations and other changes
///    among the item's other figures, smallest p-value first; sub-rows (labels in lower case:
///    «в том числе…», «от физических лиц») and the survey's sample size are not stated;
/// 3. with none, and at least three compared figures, it says the rest held steady.
pub fn chapter_lead(item: u8, figures: &[Figure], catalogue: &Catalogue) -> Lead {
    let mine: Vec<usize> = (0..figures.len().min(catalogue.indicators.len()))
        .filter(|&k| {
            let (ind, fig) = (&catalogue.indicators[k], &figures[k]);
            ind.item == item && !fig.restricted && fig.current.is_some()
        })
        .collect();
    let opener = mine.iter().copied().find(|&k| {
        let ind = &catalogue.indicators[k];
        ind.headline && !matches!(ind.formula, Formula::Measures { .. })
    });
    let stated = |k: usize| {
        let ind = &catalogue.indicators[k];
        Some(k) != opener
            && !matches!(ind.formula, Formula::SurveyN | Formula::Measures { .. })
            && ind.ru.chars().next().is_some_and(char::is_uppercase)
    };
    let mut changed: Vec<(usize, f64)> = mine
        .iter()
        .copied()
        .filter(|&k| stated(k) && figures[k].significant == Some(true))
        .filter_map(|k| Some((k, figures[k].p_value?)))
        .collect();
    changed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let of = |wanted: &dyn Fn(Option<Assessment>) -> bool| -> Vec<usize> {
        changed
            .iter()
            .filter(|(k, _)| wanted(figures[*k].assessment))
            .map(|(k, _)| *k)
            .take(MAX_LEAD)
            .collect()
    };
    let better = of(&|a| a == Some(Assessment::Better));
    let worse = of(&|a| a == Some(Assessment::Worse));
    let other = of(&|a| !matches!(a, Some(Assessment::Better | Assessment::Worse)));
    let compared = mine.iter().filter(|&&k| figures[k].significant.is_some()).count();
    let steady = changed.is_empty() && compared >= 3;
    Lead { opener, better, worse, other, steady }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_opens_with_the_headline_and_states_the_significant_changes() {
        let catalogue = Catalogue::builtin();
        let n = catalogue.indicators.len();
        let mut figures =
            vec![Figure { current: Some(10.0), significant: Some(false), ..Figure::default() }; n];
        let at = |code: &str| catalogue.indicators.iter().position(|i| i.code == code).unwrap_or(usize::MAX);
        for (code, p, a) in [
            ("theft_registered", 0.01, Assessment::Better),
            ("hooliganism_registered", 0.001, Assessment::Better),
            ("robbery_registered", 0.002, Assessment::Better),
            ("medium_registered", 0.02, Assessment::Worse),
            // A sub-row is not stated, however significant.
            ("internet_fraud_registered", 0.0001, Assessment::Worse),
            // Item 3: not in item 1's lead.
            ("clearance", 0.0001, Assessment::Worse),
        ] {
            let f = &mut figures[at(code)];
            (f.significant, f.p_value, f.assessment) = (Some(true), Some(p), Some(a));
        }
        let lead = chapter_lead(1, &figures, &catalogue);
        assert_eq!(lead.opener, Some(at("crime_registered")));
        assert_eq!(lead.better, [at("hooliganism_registered"), at("robbery_registered")]);
        assert_eq!(lead.worse, [at("medium_registered")]);
        assert!(lead.other.is_empty() && !lead.steady);
        // Item 5: nothing significant among three compared figures or more: steady.
        let lead = chapter_lead(5, &figures, &catalogue);
        assert_eq!(lead.opener, Some(at("corruption_registered")));
        assert!(lead.steady, "{lead:?}");
    }

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
