//! The indicator catalogue (`templates/catalogue.toml`): every published figure, declared once.

use serde::{Deserialize, Serialize};

/// The catalogue shipped with esep.
pub const CATALOGUE_TOML: &str = include_str!("../../../templates/catalogue.toml");

/// Unit of measure of an indicator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A count of cases, people or items.
    #[default]
    Count,
    /// A percentage.
    Percent,
    /// Per 10 000 people.
    Per10k,
    /// Per 100 000 people.
    Per100k,
    /// Per 100 cases of the denominator (deaths per 100 accidents).
    Per100,
    /// Tenge.
    Tenge,
    /// Days.
    Days,
}

impl Measure {
    /// Kazakh unit label.
    pub fn kk(self) -> &'static str {
        match self {
            Self::Count => "саны",
            Self::Percent => "%",
            Self::Per10k => "10 мың тұрғынға",
            Self::Per100k => "100 мың тұрғынға",
            Self::Per100 => "100 оқиғаға",
            Self::Tenge => "теңге",
            Self::Days => "күн",
        }
    }

    /// Russian unit label.
    pub fn ru(self) -> &'static str {
        match self {
            Self::Count => "кол-во",
            Self::Percent => "%",
            Self::Per10k => "на 10 тыс.",
            Self::Per100k => "на 100 тыс.",
            Self::Per100 => "на 100 случаев",
            Self::Tenge => "тенге",
            Self::Days => "дней",
        }
    }
}

impl Measure {
    /// Whether this is a share (of 100): its change is stated in percentage points, never as a
    /// relative %.
    pub fn is_share(self) -> bool {
        matches!(self, Self::Percent | Self::Per100)
    }

    /// Whether units are ranked on this measure: rates, shares and days, not sizes.
    pub fn comparable(self) -> bool {
        matches!(self, Self::Percent | Self::Per10k | Self::Per100k | Self::Per100 | Self::Days)
    }

    /// Stable id, as in the catalogue file.
    pub fn id(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Percent => "percent",
            Self::Per10k => "per10k",
            Self::Per100k => "per100k",
            Self::Per100 => "per100",
            Self::Tenge => "tenge",
            Self::Days => "days",
        }
    }
}

/// Which way is good.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// A rise is an improvement.
    Higher,
    /// A fall is an improvement.
    Lower,
    /// Neither.
    #[default]
    Neutral,
}

impl Direction {
    /// Competition rank of `value` among `values` (1 = best; ties share the lowest rank, so
    /// 1, 1, 3); values within 1e-9 count as equal.
    pub fn rank(self, value: f64, values: impl IntoIterator<Item = f64>) -> u32 {
        let better = values
            .into_iter()
            .filter(|w| match self {
                Self::Higher => *w > value + 1e-9,
                _ => *w < value - 1e-9,
            })
            .count();
        better as u32 + 1
    }

    /// Stable id, as in the catalogue file.
    pub fn id(self) -> &'static str {
        match self {
            Self::Higher => "higher",
            Self::Lower => "lower",
            Self::Neutral => "neutral",
        }
    }
}

/// How an indicator is computed from the inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Formula {
    /// Sum of a statistics code over the unit and its bodies.
    Stat {
        /// Statistics code.
        code: String,
    },
    /// Statistics code per `per` people of the unit's population.
    Rate {
        /// Statistics code.
        code: String,
        /// Population base (10 000, 100 000).
        per: f64,
    },
    /// `scale` × Σ`num` / Σ`den`, from summed counts (never averaged percentages).
    Share {
        /// Numerator codes.
        num: Vec<String>,
        /// Denominator codes.
        den: Vec<String>,
        /// 100 for a percentage (the default), or another base such as deaths per 100 accidents.
        #[serde(default = "hundred")]
        scale: f64,
    },
    /// Appeals received in the period, optionally of one kind, applicant type or outcome.
    Appeals {
        /// Only this kind (complaint, proposal, request).
        #[serde(default)]
        kind_of: Option<String>,
        /// Only this applicant type.
        #[serde(default)]
        applicant: Option<String>,
        /// Only this outcome.
        #[serde(default)]
        outcome: Option<String>,
    },
    /// % of appeals due by the end of the period that were answered within their term.
    AppealsOnTime,
    /// Median working days from receipt to answer of the answered appeals.
    AppealsMedianDays,
    /// Media publications on shortcomings in the period.
    Media,
    /// % of the period's media publications with a response recorded.
    MediaResponded,
    /// Respondents surveyed in the period.
    SurveyN,
    /// Weighted % of valid Likert answers to `question` at `min` or above.
    SurveyTop {
        /// Survey column.
        question: String,
        /// Lowest answer counted.
        min: i64,
    },
    /// Weighted % of yes among the yes / no answers to `question`.
    SurveyYes {
        /// Survey column.
        question: String,
    },
    /// Programme measures, optionally of one status and programme level.
    Measures {
        /// Only this status.
        #[serde(default)]
        status: Option<String>,
        /// Only this level (republican, regional).
        #[serde(default)]
        level: Option<String>,
    },
    /// Mean execution of programme measures: 100 × actual / target per measure, capped at 100.
    ProgrammeExecution {
        /// Only this level (republican, regional).
        #[serde(default)]
        level: Option<String>,
    },
    /// Local funding in the period's year.
    Funding {
        /// `allocated` or `spent`.
        measure: String,
        /// Only this purpose.
        #[serde(default)]
        purpose: Option<String>,
    },
    /// 100 × spent / allocated of local funding.
    FundingExecution,
}

fn hundred() -> f64 {
    100.0
}

/// How a change against the previous year is tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeTest {
    /// Exact test of two Poisson counts (the numerators).
    Counts,
    /// Two-proportion z-test of numerator / denominator.
    Proportions,
    /// z-test of weighted proportions on effective sample sizes.
    Weighted,
    /// Not tested.
    None,
}

impl Formula {
    /// How a change of this figure is tested.
    pub fn change_test(&self) -> ChangeTest {
        match self {
            Self::Stat { .. } | Self::Rate { .. } | Self::Appeals { .. } | Self::Media => ChangeTest::Counts,
            Self::Share { scale, .. } if *scale == 100.0 => ChangeTest::Proportions,
            Self::AppealsOnTime | Self::MediaResponded => ChangeTest::Proportions,
            Self::SurveyTop { .. } | Self::SurveyYes { .. } => ChangeTest::Weighted,
            _ => ChangeTest::None,
        }
    }

    /// Checks that the indicator's unit of measure is the one the formula computes: a rate per
    /// 10 000 is `per10k`, a share of 100 a `percent` (or `per100` cases), counts are counts.
    pub fn check_measure(&self, unit: Measure) -> Result<(), String> {
        use Measure::*;
        let allowed: &[Measure] = match self {
            Self::Stat { .. }
            | Self::Appeals { .. }
            | Self::Media
            | Self::SurveyN
            | Self::Measures { .. } => &[Count],
            Self::Rate { per, .. } if *per == 10_000.0 => &[Per10k],
            Self::Rate { per, .. } if *per == 100_000.0 => &[Per100k],
            Self::Rate { per, .. } => {
                return Err(format!("a rate per {per}: expected per 10 000 or per 100 000"));
            }
            Self::Share { scale, .. } if *scale == 100.0 => &[Percent, Per100],
            Self::Share { scale, .. } => return Err(format!("a share scaled by {scale}: expected 100")),
            Self::AppealsOnTime
            | Self::MediaResponded
            | Self::SurveyTop { .. }
            | Self::SurveyYes { .. }
            | Self::ProgrammeExecution { .. }
            | Self::FundingExecution => &[Percent],
            Self::AppealsMedianDays => &[Days],
            Self::Funding { .. } => &[Tenge],
        };
        if allowed.contains(&unit) {
            Ok(())
        } else {
            let ids: Vec<&str> = allowed.iter().map(|m| m.id()).collect();
            Err(format!("unit `{}` does not fit its formula: expected {}", unit.id(), ids.join(" or ")))
        }
    }

    /// The statistics codes the formula reads.
    pub fn stat_codes(&self) -> Vec<&str> {
        match self {
            Self::Stat { code } | Self::Rate { code, .. } => vec![code.as_str()],
            Self::Share { num, den, .. } => num.iter().chain(den).map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the figure is compared with the same period of the previous year.
    pub fn has_previous(&self) -> bool {
        // The survey's sample size describes the data: it is not a result with a change.
        !matches!(self, Self::Measures { .. } | Self::ProgrammeExecution { .. } | Self::SurveyN)
    }

    /// Checks that every code, question and choice the formula names exists in the contract.
    pub fn check(&self) -> Result<(), String> {
        use esep_ingest::contract::{self as c, Choice};
        let stat_codes: Vec<String> = c::stat_codes().into_iter().map(|s| s.code).collect();
        let stat = |code: &String| {
            if stat_codes.contains(code) { Ok(()) } else { Err(format!("unknown statistics code `{code}`")) }
        };
        let choice = |what: &str, v: &Option<String>, list: &[Choice]| match v {
            Some(v) if !list.iter().any(|c| c.id == v) => Err(format!("unknown {what} `{v}`")),
            _ => Ok(()),
        };
        let question = |q: &str, likert: bool| {
            let ok = if likert {
                ["trust", "safe_day", "safe_night", "satisfaction"].contains(&q)
            } else {
                ["extortion", "knows_inspector"].contains(&q)
            };
            if ok {
                Ok(())
            } else {
                Err(format!("`{q}` is not a {} survey question", if likert { "Likert" } else { "yes / no" }))
            }
        };
        match self {
            Self::Stat { code } | Self::Rate { code, .. } => stat(code),
            Self::Share { num, den, .. } => num.iter().chain(den).try_for_each(stat),
            Self::Appeals { kind_of, applicant, outcome } => {
                choice("appeal kind", kind_of, c::APPEAL_KINDS)?;
                choice("applicant type", applicant, c::APPLICANTS)?;
                choice("outcome", outcome, c::OUTCOMES)
            }
            Self::SurveyTop { question: q, min } => {
                question(q, true)?;
                if (1..=5).contains(min) {
                    Ok(())
                } else {
                    Err(format!("min {min} is not a Likert answer 1–5"))
                }
            }
            Self::SurveyYes { question: q } => question(q, false),
            Self::Measures { status, level } => {
                choice("status", status, c::PROGRAMME_STATUS)?;
                choice("programme level", level, c::PROGRAMME_LEVELS)
            }
            Self::ProgrammeExecution { level } => choice("programme level", level, c::PROGRAMME_LEVELS),
            Self::Funding { measure, purpose } => {
                if !["allocated", "spent"].contains(&measure.as_str()) {
                    return Err(format!("funding measure `{measure}` is not allocated or spent"));
                }
                choice("funding purpose", purpose, c::FUNDING_PURPOSES)
            }
            _ => Ok(()),
        }
    }

    /// The formula in words, for the report's annex and the workbook.
    pub fn describe(&self) -> String {
        let only = |what: &str, v: &Option<String>| {
            v.as_ref().map(|v| format!(", {what} = {v}")).unwrap_or_default()
        };
        match self {
            Self::Stat { code } => format!("Σ {code}"),
            Self::Rate { code, per } => format!("Σ {code} × {per} / population"),
            Self::Share { num, den, scale } => {
                format!("{scale} × Σ({}) / Σ({})", num.join(" + "), den.join(" + "))
            }
            Self::Appeals { kind_of, applicant, outcome } => format!(
                "count of appeals received{}{}{}",
                only("kind", kind_of),
                only("applicant", applicant),
                only("outcome", outcome)
            ),
            Self::AppealsOnTime => "100 × appeals answered within the term / appeals answered or overdue \
                 (term: working days of settings.appeals; extended and forwarded terms apply)"
                .into(),
            Self::AppealsMedianDays => "median working days from receipt to answer".into(),
            Self::Media => "count of media publications".into(),
            Self::MediaResponded => "100 × publications with a response / publications".into(),
            Self::SurveyN => "count of respondents".into(),
            Self::SurveyTop { question, min } => {
                format!(
                    "100 × Σ weight[{question} ≥ {min}] / Σ weight[{question} answered]; Wilson 95 % on Kish n_eff"
                )
            }
            Self::SurveyYes { question } => {
                format!(
                    "100 × Σ weight[{question} = yes] / Σ weight[{question} answered]; Wilson 95 % on Kish n_eff"
                )
            }
            Self::Measures { status, level } => {
                format!("count of programme measures{}{}", only("status", status), only("level", level))
            }
            Self::ProgrammeExecution { level } => {
                format!("mean over measures of min(100, 100 × actual / target){}", only("level", level))
            }
            Self::Funding { measure, purpose } => format!("Σ {measure}, tenge{}", only("purpose", purpose)),
            Self::FundingExecution => "100 × Σ spent / Σ allocated".into(),
        }
    }
}

esep_ingest::code_type!(
    /// An indicator's stable code from the catalogue (`crime_rate`).
    IndicatorCode
);

/// Why a catalogue was refused.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// Not TOML of the catalogue's shape.
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// Two indicators share a code.
    #[error("indicator `{0}` is declared twice")]
    Duplicate(IndicatorCode),
    /// The rule-6 item is not 1–7.
    #[error("indicator `{code}`: item {item} is not a rule-6 item 1–7")]
    Item {
        /// The indicator.
        code: IndicatorCode,
        /// Its item.
        item: u8,
    },
    /// The formula names something the contract lacks, or does not fit the unit of measure.
    #[error("indicator `{code}`: {problem}")]
    Formula {
        /// The indicator.
        code: IndicatorCode,
        /// What is wrong.
        problem: String,
    },
    /// `key`, `compared` or a chart names a code that is not an indicator.
    #[error("{what} names `{code}`, which is not an indicator")]
    Unknown {
        /// Where the code was named.
        what: String,
        /// The code.
        code: IndicatorCode,
    },
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable code.
    pub code: IndicatorCode,
    /// Rule-6 item, 1–7.
    pub item: u8,
    /// Kazakh label.
    pub kk: String,
    /// Russian label.
    pub ru: String,
    /// Unit of measure.
    pub unit: Measure,
    /// Which way is good.
    pub direction: Direction,
    /// Kept out of public documents and open data (rule 3): declared so, or computed from a
    /// statistics code that a declared restricted indicator reads (see `restricted_by`).
    #[serde(default)]
    pub restricted: bool,
    /// The restricted statistics code this indicator's value would reveal, when it is not
    /// restricted itself but computed from one (set by [`Catalogue::parse`]).
    #[serde(default, skip_deserializing)]
    pub restricted_by: Option<String>,
    /// Opens its chapter's generated summary and the slides.
    #[serde(default)]
    pub headline: bool,
    /// What a count counts, in Kazakh (nouns stay singular after numerals).
    #[serde(default)]
    pub noun_kk: Option<String>,
    /// What a count counts, in Russian: the forms for 1, 2–4 and 5 (кража, кражи, краж).
    #[serde(default)]
    pub noun_ru: Option<[String; 3]>,
    /// How it is computed.
    pub formula: Formula,
}

/// A chart of current against АППГ for some indicators of one rule-6 item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Id; the title is the label `chart_<id>`.
    pub id: String,
    /// Rule-6 item whose chapter shows it.
    pub item: u8,
    /// Indicator codes, in the chart's order.
    pub indicators: Vec<IndicatorCode>,
}

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Version, compared when packs are merged.
    pub version: u32,
    /// Key figures of the report's summary and the title slide, in order.
    pub key: Vec<IndicatorCode>,
    /// The indicator on which each unit is shown among its siblings.
    pub compared: IndicatorCode,
    /// Indicators charted per body in headquarters' workbook.
    pub headquarters_charts: Vec<IndicatorCode>,
    /// Charts of current against АППГ, per rule-6 item.
    #[serde(rename = "chart")]
    pub charts: Vec<Chart>,
    /// Indicators in report order.
    #[serde(rename = "indicator")]
    pub indicators: Vec<Indicator>,
}

impl Catalogue {
    /// Parses a catalogue and checks codes are unique and items are 1–7.
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        let cat: Self = toml::from_str(text)?;
        let mut seen = std::collections::HashSet::new();
        for ind in &cat.indicators {
            let formula = |problem: String| CatalogueError::Formula { code: ind.code.clone(), problem };
            if !seen.insert(&ind.code) {
                return Err(CatalogueError::Duplicate(ind.code.clone()));
            }
            if !(1..=7).contains(&ind.item) {
                return Err(CatalogueError::Item { code: ind.code.clone(), item: ind.item });
            }
            ind.formula.check().map_err(formula)?;
            ind.formula.check_measure(ind.unit).map_err(formula)?;
        }
        let known = |code: &IndicatorCode, what: &str| {
            if cat.indicators.iter().any(|i| &i.code == code) {
                Ok(())
            } else {
                Err(CatalogueError::Unknown { what: what.to_string(), code: code.clone() })
            }
        };
        for code in &cat.key {
            known(code, "key")?;
        }
        known(&cat.compared, "compared")?;
        for code in &cat.headquarters_charts {
            known(code, "headquarters_charts")?;
        }
        for chart in &cat.charts {
            for code in &chart.indicators {
                known(code, &format!("chart `{}`", chart.id))?;
            }
        }
        let mut cat = cat;
        cat.restrict_derived();
        Ok(cat)
    }

    /// Rule 3 reaches every figure that reveals a restricted one: an indicator computed from a
    /// statistics code that a restricted indicator reads is restricted too. A share such as
    /// ended / (ended + interrupted) would otherwise give the restricted count back from its
    /// value and the public count of ended cases.
    fn restrict_derived(&mut self) {
        let secret: Vec<String> = self
            .indicators
            .iter()
            .filter(|i| i.restricted)
            .flat_map(|i| i.formula.stat_codes().into_iter().map(str::to_string))
            .collect();
        for ind in self.indicators.iter_mut().filter(|i| !i.restricted) {
            if let Some(code) = ind.formula.stat_codes().into_iter().find(|c| secret.iter().any(|s| s == c)) {
                ind.restricted = true;
                ind.restricted_by = Some(code.to_string());
            }
        }
    }

    /// The catalogue shipped with esep.
    pub fn builtin() -> Self {
        // Parsed in a test, so this cannot fail in a released binary.
        Self::parse(CATALOGUE_TOML).unwrap_or_else(|e| panic!("built-in catalogue: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_covers_items_1_to_7() {
        let cat = Catalogue::parse(CATALOGUE_TOML).unwrap_or_else(|e| panic!("{e}"));
        for item in 1..=7 {
            assert!(cat.indicators.iter().any(|i| i.item == item), "item {item}");
        }
    }

    #[test]
    fn figures_that_reveal_a_restricted_one_are_restricted() {
        let cat = Catalogue::builtin();
        let get = |code: &str| cat.indicators.iter().find(|i| i.code == code).cloned();
        let ended = get("clearance_ended").unwrap_or_else(|| panic!("clearance_ended"));
        assert!(ended.restricted);
        assert_eq!(ended.restricted_by.as_deref(), Some("interrupted_unidentified"));
        let own = get("interrupted_unidentified").unwrap_or_else(|| panic!("interrupted_unidentified"));
        assert!(own.restricted && own.restricted_by.is_none());
        // Every code a declared restricted indicator reads is read by restricted indicators only.
        let secret: Vec<&str> = cat
            .indicators
            .iter()
            .filter(|i| i.restricted && i.restricted_by.is_none())
            .flat_map(|i| i.formula.stat_codes())
            .collect();
        for ind in cat.indicators.iter().filter(|i| !i.restricted) {
            for code in ind.formula.stat_codes() {
                assert!(!secret.contains(&code), "`{}` reads `{code}`", ind.code);
            }
        }
        assert!(!get("clearance").is_some_and(|i| i.restricted));
    }

    #[test]
    fn units_of_measure_fit_their_formulas() {
        let bad = CATALOGUE_TOML.replacen("unit = \"per10k\"", "unit = \"per100k\"", 1);
        let err = Catalogue::parse(&bad).unwrap_err().to_string();
        assert_eq!(err, "indicator `crime_rate`: unit `per100k` does not fit its formula: expected per10k");
        let bad = CATALOGUE_TOML.replacen("per = 10000", "per = 1000", 1);
        assert!(
            Catalogue::parse(&bad)
                .unwrap_err()
                .to_string()
                .contains("a rate per 1000: expected per 10 000 or per 100 000")
        );
        let bad = CATALOGUE_TOML.replacen("compared = \"crime_rate\"", "compared = \"crime_rat\"", 1);
        assert_eq!(
            Catalogue::parse(&bad).unwrap_err().to_string(),
            "compared names `crime_rat`, which is not an indicator"
        );
    }

    #[test]
    fn duplicate_code_rejected() {
        let one = r#"[[indicator]]
code = "a"
item = 1
kk = "a"
ru = "a"
unit = "count"
direction = "lower"
formula = { kind = "stat", code = "registered_total" }
"#;
        let head = "version = 1\nkey = []\ncompared = \"a\"\nheadquarters_charts = []\nchart = []\n";
        let err = Catalogue::parse(&format!("{head}{one}{one}")).unwrap_err().to_string();
        assert_eq!(err, "indicator `a` is declared twice");
    }

    #[test]
    fn unknown_references_are_named() {
        let bad = CATALOGUE_TOML.replacen("code = \"registered_total\"", "code = \"registered_totl\"", 1);
        assert_eq!(
            Catalogue::parse(&bad).unwrap_err().to_string(),
            "indicator `crime_registered`: unknown statistics code `registered_totl`"
        );
        let bad = CATALOGUE_TOML.replacen("applicant = \"individual\"", "applicant = \"person\"", 1);
        assert_eq!(
            Catalogue::parse(&bad).unwrap_err().to_string(),
            "indicator `appeals_individual`: unknown applicant type `person`"
        );
    }
}
