//! The catalogue as a Markdown page (`docs/indicators.md`), generated from the catalogue and
//! the settings so that it cannot drift from what esep computes.

use std::fmt::Write;

use crate::catalogue::{Catalogue, ChangeTest};
use crate::settings::Settings;

const ITEMS: [&str; 7] = [
    "Criminogenic situation",
    "Republican and regional programmes",
    "Main results of police work",
    "Public order and road safety",
    "Anti-corruption",
    "Appeals and media publications",
    "Public-opinion monitoring",
];

/// The page listing every indicator: code, labels, unit, direction, formula and change test.
pub fn indicators_markdown(catalogue: &Catalogue, settings: &Settings) -> String {
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Indicators\n\n\
         <!-- Generated from templates/catalogue.toml and templates/settings.toml; \
         `ESEP_BLESS=1 cargo test` rewrites it. -->\n\n\
         Catalogue version {}: {} indicators of rule 6, items 1–7, of Order No. 608. Every figure of \
         every unit covers the unit and all its bodies; counts are summed, and rates and shares are \
         recomputed from the summed numerators and denominators, never averaged.\n\n\
         **Comparison.** Each figure is compared with the same period of the previous year (АППГ): \
         change and whether it is better or worse given the direction. A share's change is in \
         percentage points only; counts and rates also get a % change, but only from a base (the \
         previous count, or a rate's previous count) of at least {} (`changes.min_base`): below it \
         the difference alone is stated (4 against 1 is +3, not +300 %). The survey's sample size \
         describes the data and is not compared. Changes are tested at α = {}: counts and rates by the exact conditional test of \
         two Poisson counts (the current count is Binomial(n, ½) given the sum n), shares by the \
         pooled two-proportion z-test, survey shares by a z-test on Kish effective sample sizes. \
         Only significant changes are called rises or falls.\n\n\
         **Survey.** Weighted shares p = Σw·y / Σw over valid answers; 95 % Wilson interval on \
         n_eff = (Σw)² / Σw²; fewer than {} respondents: flagged and not ranked.\n\n\
         **Appeals.** A term of {} working days from receipt ({} months when extended, {} working \
         days to forward), on a calendar of weekends, the holidays of `templates/settings.toml` and \
         their transfers off weekends; appeals still within their term at the period's end are left \
         out of the on-time share.\n\n\
         **Ranks.** Units are ranked among the units of the same parent and the same level group \
         (cities, the capital and districts in a city apart from rural districts), in groups of at \
         least three (1 = best, ties share the lowest rank) on rates, shares and days that have a direction; counts are not ranked.\n\n\
         **Empty values** carry a reason (`no_data`, `no_population`, `zero_denominator`, \
         `no_respondents`, `no_appeals`, `not_compared`); no output holds NaN or infinity.\n",
        catalogue.version,
        catalogue.indicators.len(),
        settings.changes.min_base,
        settings.changes.alpha,
        settings.survey.min_respondents,
        settings.appeals.term_working_days,
        settings.appeals.extended_term_months,
        settings.appeals.forwarded_term_working_days,
    );
    for (k, title) in ITEMS.iter().enumerate() {
        let item = k as u8 + 1;
        let _ = writeln!(md, "## Item {item}. {title}\n");
        let _ = writeln!(md, "| code | kk | ru | unit | better | formula | change test |");
        let _ = writeln!(md, "|---|---|---|---|---|---|---|");
        for ind in catalogue.indicators.iter().filter(|i| i.item == item) {
            let test = match ind.formula.change_test() {
                ChangeTest::Counts => "Poisson counts",
                ChangeTest::Proportions => "two proportions",
                ChangeTest::Weighted => "weighted, n_eff",
                ChangeTest::None => "—",
            };
            let restricted = match (&ind.restricted_by, ind.restricted) {
                (Some(code), _) => format!(" (restricted: reveals `{code}`)"),
                (None, true) => " (restricted)".to_string(),
                (None, false) => String::new(),
            };
            let _ = writeln!(
                md,
                "| `{}`{restricted} | {} | {} | {} | {} | {} | {test} |",
                ind.code,
                ind.kk,
                ind.ru,
                ind.unit.id(),
                ind.direction.id(),
                ind.formula.describe().replace('|', "\\|"),
            );
        }
        md.push('\n');
    }
    md
}
