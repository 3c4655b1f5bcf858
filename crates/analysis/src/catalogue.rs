//! The indicator catalogue (`templates/catalogue.toml`): every published figure, declared once.

use serde::{Deserialize, Serialize};

/// The catalogue shipped with esep.
pub const CATALOGUE_TOML: &str = include_str!("../../../templates/catalogue.toml");

/// Unit of measure of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A count of cases, people or items.
    Count,
    /// A percentage.
    Percent,
    /// Per 10 000 people.
    Per10k,
    /// Per 100 000 people.
    Per100k,
    /// Tenge.
    Tenge,
}

impl Measure {
    /// Kazakh unit label.
    pub fn kk(self) -> &'static str {
        match self {
            Self::Count => "саны",
            Self::Percent => "%",
            Self::Per10k => "10 мың тұрғынға",
            Self::Per100k => "100 мың тұрғынға",
            Self::Tenge => "теңге",
        }
    }

    /// Russian unit label.
    pub fn ru(self) -> &'static str {
        match self {
            Self::Count => "кол-во",
            Self::Percent => "%",
            Self::Per10k => "на 10 тыс.",
            Self::Per100k => "на 100 тыс.",
            Self::Tenge => "тенге",
        }
    }
}

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// A rise is an improvement.
    Higher,
    /// A fall is an improvement.
    Lower,
    /// Neither.
    Neutral,
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
    /// Statistics code per `per` people.
    Rate {
        /// Statistics code.
        code: String,
        /// Population base (10 000, 100 000).
        per: f64,
    },
    /// 100 × Σ`num` / Σ`den`, from summed counts (never averaged percentages).
    Share {
        /// Numerator codes.
        num: Vec<String>,
        /// Denominator codes.
        den: Vec<String>,
    },
    /// Appeals received in the period.
    Appeals {
        /// Only this kind (complaint, proposal, request).
        #[serde(default)]
        kind_of: Option<String>,
    },
    /// Respondents surveyed in the period.
    SurveyN,
    /// Weighted % of valid answers at `min` or above.
    SurveyTop {
        /// Survey column.
        question: String,
        /// Lowest answer counted.
        min: i64,
    },
    /// Programme measures.
    Measures {
        /// Only this status.
        #[serde(default)]
        status: Option<String>,
    },
    /// Local funding in the period's year.
    Funding {
        /// `allocated` or `spent`.
        measure: String,
    },
}

impl Formula {
    /// The formula in words, for the report's annex and the workbook.
    pub fn describe(&self) -> String {
        match self {
            Self::Stat { code } => format!("Σ {code}"),
            Self::Rate { code, per } => format!("Σ {code} × {per} / population"),
            Self::Share { num, den } => format!("100 × Σ({}) / Σ({})", num.join(" + "), den.join(" + ")),
            Self::Appeals { kind_of: None } => "count of appeals received".into(),
            Self::Appeals { kind_of: Some(k) } => format!("count of appeals received, kind = {k}"),
            Self::SurveyN => "count of respondents".into(),
            Self::SurveyTop { question, min } => {
                format!("100 × Σ weight[{question} ≥ {min}] / Σ weight[{question} answered]")
            }
            Self::Measures { status: None } => "count of programme measures".into(),
            Self::Measures { status: Some(s) } => format!("count of programme measures, status = {s}"),
            Self::Funding { measure } => format!("Σ {measure}, tenge"),
        }
    }
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable code.
    pub code: String,
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
    /// Kept out of public documents (rule 3).
    #[serde(default)]
    pub restricted: bool,
    /// How it is computed.
    pub formula: Formula,
}

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Version, compared when packs are merged.
    pub version: u32,
    /// Indicators in report order.
    #[serde(rename = "indicator")]
    pub indicators: Vec<Indicator>,
}

impl Catalogue {
    /// Parses a catalogue and checks codes are unique and items are 1–7.
    pub fn parse(text: &str) -> Result<Self, String> {
        let cat: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::HashSet::new();
        for ind in &cat.indicators {
            if !seen.insert(&ind.code) {
                return Err(format!("indicator `{}` is declared twice", ind.code));
            }
            if !(1..=7).contains(&ind.item) {
                return Err(format!("indicator `{}`: item {} is not a rule-6 item 1–7", ind.code, ind.item));
            }
        }
        Ok(cat)
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
        let err = Catalogue::parse(&format!("version = 1\n{one}{one}")).unwrap_err();
        assert_eq!(err, "indicator `a` is declared twice");
    }
}
