//! Every formula on a small hand-built department, against hand-computed values.
//!
//! Department D (population 120 000) has four districts: A (60 000), B (40 000), C (0, to test
//! division by zero) and E (20 000). The period is 12 months of 2025, the АППГ 12 months of 2024.

use chrono::NaiveDate;
use esep_analysis::{Assessment, Catalogue, Figure, Reason, Report, Settings, compute};
use esep_ingest::{Dataset, Period, SOURCES, SourceId, frame};
use polars::prelude::*;

/// A frame of a source: the given columns (cast to the contract's types), nulls elsewhere.
fn fill(id: SourceId, given: Vec<Column>) -> DataFrame {
    let source = SOURCES.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("{id:?}"));
    let empty = frame::empty(source).unwrap_or_else(|e| panic!("{e}"));
    let height = given.first().map_or(0, Column::len);
    let columns: Vec<Column> = empty
        .columns()
        .iter()
        .map(|c| match given.iter().find(|g| g.name() == c.name()) {
            Some(g) if c.dtype() == &DataType::Date => {
                g.cast(&DataType::Int32).and_then(|g| g.cast(&DataType::Date))
            }
            Some(g) => g.cast(c.dtype()),
            None if c.name() == "row" => {
                Ok(Column::new("row".into(), (1..=height as u32).collect::<Vec<_>>()))
            }
            None => Ok(Column::full_null(c.name().clone(), height, c.dtype())),
        })
        .collect::<PolarsResult<_>>()
        .unwrap_or_else(|e| panic!("{e}"));
    DataFrame::new(height, columns).unwrap_or_else(|e| panic!("{e}"))
}

fn days(iso: &[Option<&str>]) -> Vec<Option<i32>> {
    iso.iter()
        .map(|d| d.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_default().to_epoch_days()))
        .collect()
}

fn c<T, P: ?Sized>(name: &str, v: T) -> Column
where
    Series: NamedFrom<T, P>,
{
    Series::new(name.into(), v).into()
}

fn dataset() -> Dataset {
    let units = fill(
        SourceId::Units,
        vec![
            c("code", ["D", "A", "B", "C", "E"]),
            c("parent", [None, Some("D"), Some("D"), Some("D"), Some("D")]),
            c("level", ["region", "district", "district", "district", "district"]),
            c("name_kk", ["Д", "А", "Б", "В", "Е"]),
            c("name_ru", ["Д", "А", "Б", "В", "Е"]),
            c("population", [120_000i64, 60_000, 40_000, 0, 20_000]),
        ],
    );
    // (unit, year, indicator, value)
    let stats: &[(&str, i64, &str, f64)] = &[
        ("A", 2025, "registered_total", 120.0),
        ("A", 2024, "registered_total", 100.0),
        ("A", 2025, "solved_total", 90.0),
        ("A", 2024, "solved_total", 60.0),
        ("A", 2025, "registered_theft", 6.0),
        ("A", 2024, "registered_theft", 3.0),
        ("B", 2025, "registered_total", 80.0),
        ("B", 2024, "registered_total", 100.0),
        ("B", 2025, "solved_total", 40.0),
        ("C", 2025, "registered_total", 10.0),
        ("E", 2025, "registered_total", 90.0),
        ("E", 2025, "solved_total", 45.0),
    ];
    let statistics = fill(
        SourceId::Statistics,
        vec![
            c("unit", stats.iter().map(|s| s.0).collect::<Vec<_>>()),
            c("year", stats.iter().map(|s| s.1).collect::<Vec<_>>()),
            c("months", vec![12i64; stats.len()]),
            c("indicator", stats.iter().map(|s| s.2).collect::<Vec<_>>()),
            c("value", stats.iter().map(|s| s.3).collect::<Vec<_>>()),
        ],
    );
    // Weights 1, 1, 2, 2 answer trust 5, 2, 4, 4; a fifth respondent (weight 3) skipped it.
    let survey = fill(
        SourceId::Survey,
        vec![
            c("respondent", ["r1", "r2", "r3", "r4", "r5"]),
            c("unit", ["A"; 5]),
            c("date", days(&[Some("2025-05-10"); 5])),
            c("weight", [1.0, 1.0, 2.0, 2.0, 3.0]),
            c("trust", [Some(5i64), Some(2), Some(4), Some(4), None]),
        ],
    );
    // 2025 appeals of A, on the calendar of the built-in settings:
    // 1. received Mon 21.04, answered 15.05: the 15th working day (1, 7 and 9 May are holidays);
    // 2. the same, answered 16.05: late; 3. received 03.11, unanswered, term ended 24.11: overdue;
    // 4. received 25.12, unanswered, term runs into 2026: left out;
    // 5. forwarded, received Mon 02.06, answered Fri 06.06 (Kurban Ait): 3 working days ended 05.06;
    // 6. extended, received 03.03, answered 30.04: within two months.
    let appeals = fill(
        SourceId::Appeals,
        vec![
            c("id", ["1", "2", "3", "4", "5", "6"]),
            c("unit", ["A"; 6]),
            c(
                "received",
                days(&[
                    Some("2025-04-21"),
                    Some("2025-04-21"),
                    Some("2025-11-03"),
                    Some("2025-12-25"),
                    Some("2025-06-02"),
                    Some("2025-03-03"),
                ]),
            ),
            c(
                "answered",
                days(&[
                    Some("2025-05-15"),
                    Some("2025-05-16"),
                    None,
                    None,
                    Some("2025-06-06"),
                    Some("2025-04-30"),
                ]),
            ),
            c(
                "applicant",
                ["individual", "individual", "legal_entity", "individual", "state_body", "individual"],
            ),
            c("kind", ["complaint", "request", "complaint", "proposal", "request", "complaint"]),
            c(
                "outcome",
                [Some("satisfied"), Some("explained"), None, None, Some("forwarded"), Some("rejected")],
            ),
            c("extended", [None, None, None, None, None, Some(true)]),
        ],
    );
    let programmes = fill(
        SourceId::Programmes,
        vec![
            c("unit", ["A", "A", "A"]),
            c("level", ["republican", "republican", "regional"]),
            c("programme_kk", ["Р", "Р", "Ө"]),
            c("programme_ru", ["Р", "Р", "Р2"]),
            c("measure_kk", ["1", "2", "3"]),
            c("measure_ru", ["1", "2", "3"]),
            c("measure_unit", ["шт", "шт", "шт"]),
            c("target", [10.0, 4.0, 0.0]),
            c("actual", [5.0, 6.0, 1.0]),
            c("deadline", days(&[Some("2025-12-31"); 3])),
            c("status", ["overdue", "done", "done"]),
        ],
    );
    let funding = fill(
        SourceId::Funding,
        vec![
            c("unit", ["A", "B"]),
            c("year", [2025i64, 2025]),
            c("purpose", ["video_surveillance", "vehicles"]),
            c("allocated", [1000.0, 0.0]),
            c("spent", [800.0, 0.0]),
        ],
    );
    let media = fill(
        SourceId::Media,
        vec![
            c("id", ["m1", "m2"]),
            c("unit", ["A", "A"]),
            c("date", days(&[Some("2025-02-01"), Some("2025-03-01")])),
            c("response_ru", [Some("меры"), None]),
        ],
    );
    Dataset {
        period: Period { year: 2025, months: 12 },
        units,
        statistics,
        programmes,
        survey,
        funding,
        appeals,
        media,
        narrative: fill(SourceId::Narrative, vec![]),
        meeting: fill(SourceId::Meeting, vec![]),
        files: Vec::new(),
        protocols: Vec::new(),
        registers: Vec::new(),
        provenance: Default::default(),
    }
}

fn report() -> Report {
    compute(&dataset(), &Catalogue::builtin(), &Settings::builtin()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn bodies_are_ranked_with_their_own_level_group_of_three_or_more() {
    // E becomes a city body: it is alone among city bodies, and of the rural districts only A
    // and B have a rate (C has no population), so no group reaches three and nobody is ranked.
    let mut data = dataset();
    let levels = Series::new("level".into(), ["region", "district", "district", "district", "city"]);
    data.units.with_column(levels.into_column()).unwrap_or_else(|e| panic!("{e}"));
    let r = compute(&data, &Catalogue::builtin(), &Settings::builtin()).unwrap_or_else(|e| panic!("{e}"));
    for u in ["A", "B", "C", "E"] {
        assert_eq!(
            (fig(&r, u, "crime_rate").rank, fig(&r, u, "crime_rate").sibling_mean),
            (None, None),
            "{u}"
        );
    }
}

fn fig<'a>(r: &'a Report, unit: &str, code: &str) -> &'a Figure {
    let u = r.units.iter().find(|u| u.code == unit).unwrap_or_else(|| panic!("unit {unit}"));
    let k = r.catalogue.indicators.iter().position(|i| i.code == code).unwrap_or_else(|| panic!("{code}"));
    &u.figures[k]
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("no value, expected {b}"));
    assert!((a - b).abs() < 1e-6, "{a} is not {b}");
}

#[test]
fn department_sums_counts_and_recomputes_rates() {
    let r = report();
    assert_eq!(r.units.iter().map(|u| u.code.as_str()).collect::<Vec<_>>(), ["D", "A", "B", "C", "E"]);
    close(fig(&r, "D", "crime_registered").current, 300.0);
    // 300 × 10 000 / 120 000, not the mean of the districts' rates (28.33).
    close(fig(&r, "D", "crime_rate").current, 25.0);
    close(fig(&r, "A", "crime_rate").current, 20.0);
    close(fig(&r, "E", "crime_rate").current, 45.0);
    // Clearance of D: (90 + 40 + 45) / 300.
    close(fig(&r, "D", "clearance").current, 175.0 / 3.0);
}

#[test]
fn clearance_change_and_its_test() {
    let r = report();
    let f = fig(&r, "A", "clearance");
    close(f.current, 75.0);
    close(f.previous, 60.0);
    close(f.change, 15.0);
    // A share changes in percentage points only: no relative % (it would read "+25 %").
    assert_eq!(f.change_pct, None);
    assert_eq!(f.assessment, Some(Assessment::Better));
    // Pooled two-proportion test of 90/120 against 60/100: p = 0.017384.
    assert!((f.p_value.unwrap_or(1.0) - 0.017_384_42).abs() < 1e-6);
    assert_eq!(f.significant, Some(true));
    assert_eq!(
        (f.num, f.den, f.previous_num, f.previous_den),
        (Some(90.0), Some(120.0), Some(60.0), Some(100.0))
    );
}

#[test]
fn doubling_of_a_small_count_is_noise() {
    let r = report();
    let f = fig(&r, "A", "theft_registered");
    // 3 → 6: under the base of 20 the change is stated as +3, never as +100 %.
    close(f.change, 3.0);
    assert_eq!(f.change_pct, None);
    assert_eq!(f.assessment, Some(Assessment::Worse));
    close(f.p_value, 0.507_812_5);
    assert_eq!(f.significant, Some(false));
    // From a base of 100 offences the count and its rate keep their %: 100 → 120 is +20 %.
    close(fig(&r, "A", "crime_registered").change_pct, 20.0);
    close(fig(&r, "A", "crime_rate").change_pct, 20.0);
}

#[test]
fn missing_previous_year_and_division_by_zero_have_reasons() {
    let r = report();
    // B has no solved offences for 2024: no АППГ, no change.
    let f = fig(&r, "B", "clearance");
    close(f.current, 50.0);
    assert_eq!(
        (f.previous, f.previous_missing, f.change, f.significant),
        (None, Some(Reason::NoData), None, None)
    );
    // C has no population.
    let f = fig(&r, "C", "crime_rate");
    assert_eq!((f.current, f.missing), (None, Some(Reason::NoPopulation)));
    // B was allocated nothing.
    let f = fig(&r, "B", "funding_execution");
    assert_eq!((f.current, f.missing), (None, Some(Reason::ZeroDenominator)));
    // B has no respondents.
    let f = fig(&r, "B", "trust");
    assert_eq!((f.current, f.missing), (None, Some(Reason::NoRespondents)));
    // E has no 2024 figures: no АППГ, so no change either.
    let f = fig(&r, "E", "crime_registered");
    assert_eq!((f.previous, f.change_pct), (None, None));
}

#[test]
fn weighted_survey_share_with_wilson_on_effective_size() {
    let r = report();
    let f = fig(&r, "A", "trust");
    // Σw[trust ≥ 4] = 1 + 2 + 2 = 5 of Σw = 6 answering; n_eff = 36 / 10.
    close(f.current, 500.0 / 6.0);
    close(f.n_eff, 3.6);
    close(f.n, 4.0);
    close(f.ci_low, 34.297_040_500_575);
    close(f.ci_high, 97.954_700_157_128);
    assert!(f.low_n, "4 respondents are under the minimum of 50");
    assert_eq!(f.rank, None);
    close(fig(&r, "A", "survey_respondents").current, 5.0);
    close(fig(&r, "D", "trust").current, 500.0 / 6.0);
}

#[test]
fn appeals_on_time_with_weekend_and_holidays_in_the_term() {
    let r = report();
    let f = fig(&r, "A", "appeals_on_time");
    // On time: 1 and 6; late: 2, 3 and 5; appeal 4 is still within its term.
    close(f.current, 40.0);
    close(f.n, 5.0);
    assert_eq!(f.previous_missing, Some(Reason::NoAppeals));
    // Working days to answer: 15, 16, 3 and 38 (3 March to 30 April, with 10, 21, 24 and 25
    // March off): the median is 15.5.
    close(fig(&r, "A", "appeals_median_days").current, 15.5);
    close(fig(&r, "A", "appeals").current, 6.0);
    close(fig(&r, "A", "appeals_complaints").current, 3.0);
    close(fig(&r, "A", "appeals_individual").current, 4.0);
    close(fig(&r, "A", "appeals_forwarded").current, 1.0);
    // No appeals in 2024: a count of 0, not an empty value.
    close(fig(&r, "A", "appeals").previous, 0.0);
}

#[test]
fn programme_execution_caps_and_skips_zero_targets() {
    let r = report();
    // Measures: 5 of 10 (50 %), 6 of 4 (capped at 100 %), target 0 (left out): mean 75 %.
    close(fig(&r, "A", "programme_execution").current, 75.0);
    close(fig(&r, "A", "programme_execution_republican").current, 75.0);
    assert_eq!(fig(&r, "A", "programme_execution_regional").missing, Some(Reason::NoData));
    close(fig(&r, "A", "programme_measures_done").current, 2.0);
    close(fig(&r, "D", "programme_measures_overdue").current, 1.0);
    assert_eq!(fig(&r, "A", "programme_measures").previous_missing, Some(Reason::NotCompared));
    let a = r.units.iter().find(|u| u.code == "A").unwrap_or_else(|| panic!("A"));
    assert_eq!(a.programmes.len(), 2);
    assert_eq!((a.programmes[0].measures, a.programmes[0].done, a.programmes[0].overdue), (2, 1, 1));
    close(a.programmes[0].execution, 75.0);
    assert_eq!(a.programmes[1].execution, None);
}

#[test]
fn funding_and_media() {
    let r = report();
    close(fig(&r, "D", "funding_execution").current, 80.0);
    close(fig(&r, "D", "funding_video_allocated").current, 1000.0);
    let d = r.units.iter().find(|u| u.code == "D").unwrap_or_else(|| panic!("D"));
    assert_eq!(
        d.funding.iter().map(|f| f.purpose.as_str()).collect::<Vec<_>>(),
        ["video_surveillance", "vehicles"]
    );
    close(fig(&r, "A", "media_publications").current, 2.0);
    close(fig(&r, "A", "media_responded").current, 50.0);
}

#[test]
fn ranks_among_siblings_share_ties() {
    let r = report();
    // Crime rates: A 20, B 20, E 45 (lower is better); C has none and is not ranked.
    let ranks: Vec<_> = ["A", "B", "C", "E"].iter().map(|u| fig(&r, u, "crime_rate").rank).collect();
    assert_eq!(ranks, [Some(1), Some(1), None, Some(3)]);
    assert_eq!(fig(&r, "A", "crime_rate").rank_of, Some(3));
    close(fig(&r, "A", "crime_rate").sibling_mean, 85.0 / 3.0);
    close(fig(&r, "A", "crime_rate").parent_value, 25.0);
    assert_eq!(fig(&r, "A", "crime_rate").position, Some(Assessment::Better));
    assert_eq!(fig(&r, "E", "crime_rate").position, Some(Assessment::Worse));
    // Counts are not ranked (districts differ in size), nor is the department.
    assert_eq!(fig(&r, "A", "crime_registered").rank, None);
    assert_eq!(fig(&r, "D", "crime_rate").rank, None);
}

#[test]
fn no_value_is_nan_or_infinite() {
    let r = report();
    let json = serde_json::to_string(&r).unwrap_or_else(|e| panic!("{e}"));
    assert!(!json.contains("NaN") && !json.contains("inf"));
    for u in &r.units {
        for f in &u.figures {
            for v in [f.current, f.previous, f.change, f.change_pct, f.p_value, f.ci_low, f.ci_high]
                .into_iter()
                .flatten()
            {
                assert!(v.is_finite(), "{} {}: {v}", u.code, f.code);
            }
        }
    }
}

#[test]
fn annual_rate_basis_scales_part_years() {
    let mut data = dataset();
    data.period = Period { year: 2025, months: 6 };
    let mut settings = Settings::builtin();
    settings.rates.basis = esep_analysis::settings::RateBasis::Annual;
    let r = compute(&data, &Catalogue::builtin(), &settings).unwrap_or_else(|e| panic!("{e}"));
    // The statistics are dated by their year only, so 6 months read the same counts: 20 × 12 / 6.
    close(fig(&r, "A", "crime_rate").current, 40.0);
}

#[test]
fn figures_share_their_units_and_labels_and_read_the_same() {
    let r = report();
    let a = r.units.iter().find(|u| u.code == "A").unwrap_or_else(|| panic!("unit A"));
    let (first, last) = (&a.figures[0], &a.figures[a.figures.len() - 1]);
    // One copy of a unit's names and codes for all its figures, one of a label for all units.
    assert!(std::ptr::eq(first.unit_kk.as_ptr(), last.unit_kk.as_ptr()));
    assert!(std::ptr::eq(first.unit_ru.as_ptr(), last.unit_ru.as_ptr()));
    assert!(std::ptr::eq(first.unit.as_ptr(), last.unit.as_ptr()));
    let b = r.units.iter().find(|u| u.code == "B").unwrap_or_else(|| panic!("unit B"));
    assert!(std::ptr::eq(a.figures[3].label_ru.as_ptr(), b.figures[3].label_ru.as_ptr()));
    assert_eq!(a.figures.capacity(), a.figures.len());
    // Shared or not, they are written as text.
    let json = serde_json::to_value(first).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["unit"], "A");
    assert_eq!(json["unit_ru"], a.name_ru.as_str());
    assert_eq!(json["label_ru"], r.catalogue.indicators[0].ru.as_str());
    let back: Figure = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, first);
}
