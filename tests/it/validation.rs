//! Each validation rule against its folder in `fixtures/invalid/`: the message names the file,
//! the sheet and the cell, and says what was expected.

use esep_ingest::{Diagnostic, Lang, Severity, load};

use crate::fixtures::fixtures_dir;

/// The input contract's checks, then the rules of the order, as `validate` runs them.
fn diagnostics(case: &str) -> (Vec<Diagnostic>, bool) {
    let mut outcome = load(&fixtures_dir().join("invalid").join(case));
    if let Some(data) = &outcome.dataset {
        let settings = esep_analysis::Settings::builtin();
        outcome.add(esep_analysis::rules::check(data, &settings).unwrap_or_else(|e| panic!("{e}")));
    }
    (outcome.diagnostics, outcome.dataset.is_some())
}

/// Asserts exactly one diagnostic of `severity`, at `file` / `sheet` / `cell`, containing `text`.
#[track_caller]
fn expect_one(
    case: &str,
    severity: Severity,
    file: &str,
    sheet: Option<&str>,
    cell: Option<&str>,
    text: &str,
) {
    let (diags, has_data) = diagnostics(case);
    let relevant: Vec<_> = diags.iter().filter(|d| d.severity == severity).collect();
    assert_eq!(relevant.len(), 1, "{case}: expected one {severity:?}, got {diags:#?}");
    let d = relevant[0];
    assert_eq!(d.file, file, "{case}: {d}");
    assert_eq!(d.sheet.as_deref(), sheet, "{case}: {d}");
    assert_eq!(d.cell.as_deref(), cell, "{case}: {d}");
    let message = d.message(Lang::En);
    assert!(message.contains(text), "{case}: `{message}` lacks `{text}`");
    // Warnings alone never block the build; any error does.
    let errors = diags.iter().filter(|d| d.is_error()).count();
    assert_eq!(has_data, errors == 0, "{case}: dataset present with {errors} errors");
}

const ERR: Severity = Severity::Error;
const WARN: Severity = Severity::Warning;
const F: &str = "input.xlsx";

#[test]
fn valid_small_has_no_problem() {
    let outcome = load(&fixtures_dir().join("valid-small"));
    assert!(outcome.diagnostics.is_empty(), "{:#?}", outcome.diagnostics);
    let data = outcome.dataset.unwrap_or_else(|| panic!("no dataset"));
    assert_eq!(data.period, esep_ingest::Period { year: 2025, months: 12 });
    assert_eq!(data.units.height(), 3);
    assert_eq!(data.statistics.height(), 24);
    assert_eq!(data.survey.height(), 4);
}

#[test]
fn wrong_type() {
    expect_one(
        "wrong-type",
        ERR,
        F,
        Some("statistics"),
        Some("E2"),
        "column `value`: expected a whole number ≥ 0, found `много`",
    );
}

#[test]
fn empty_required_cell() {
    expect_one("empty-required", ERR, F, Some("units"), Some("E3"), "column `name_ru`: empty required cell");
}

#[test]
fn unknown_unit_code() {
    expect_one("unknown-unit", ERR, F, Some("statistics"), Some("A4"), "unknown unit code `DEP-99`");
}

#[test]
fn unknown_parent() {
    expect_one("unknown-parent", ERR, F, Some("units"), Some("B4"), "unknown unit code `NOPE`");
}

#[test]
fn unknown_indicator_code() {
    expect_one(
        "unknown-indicator",
        ERR,
        F,
        Some("statistics"),
        Some("D5"),
        "unknown indicator code `registered_aliens`",
    );
}

#[test]
fn duplicate_key() {
    expect_one(
        "duplicate-key",
        ERR,
        F,
        Some("statistics"),
        Some("D26"),
        "duplicate key (unit, year, months, indicator) = (DEP-01, 2025, 12, registered_total): first given in row 2",
    );
}

#[test]
fn value_out_of_range() {
    expect_one(
        "out-of-range",
        ERR,
        F,
        Some("units"),
        Some("F4"),
        "column `population`: expected a whole number ≥ 1, found `0`",
    );
}

#[test]
fn solved_more_than_registered() {
    expect_one(
        "solved-gt-registered",
        ERR,
        F,
        Some("statistics"),
        Some("E6"),
        "solved > registered: `solved_theft` = 121 exceeds `registered_theft` = 120 (row 5)",
    );
}

#[test]
fn spent_more_than_allocated_is_a_warning() {
    expect_one("spent-gt-allocated", WARN, F, Some("funding"), Some("E2"), "spent > allocated");
}

#[test]
fn answered_before_received() {
    expect_one(
        "answered-before-received",
        ERR,
        F,
        Some("appeals"),
        Some("D2"),
        "answered before received: answered 01.03.2025 but received 03.03.2025",
    );
}

#[test]
fn likert_outside_1_to_5() {
    expect_one(
        "likert-out-of-range",
        ERR,
        F,
        Some("survey"),
        Some("G3"),
        "column `trust`: expected a whole number from 1 to 5, found `7`",
    );
}

#[test]
fn missing_source() {
    let dir = fixtures_dir().join("invalid").join("missing-source").display().to_string();
    expect_one("missing-source", ERR, &dir, None, None, "missing source `media` (бақ / сми)");
}

#[test]
fn missing_column() {
    expect_one("missing-column", ERR, F, Some("appeals"), Some("A1"), "missing column `kind` (түрі / вид)");
}

#[test]
fn unknown_choice() {
    expect_one(
        "bad-choice",
        ERR,
        F,
        Some("appeals"),
        Some("E3"),
        "column `applicant`: expected one of `individual`, `legal_entity`, `maslikhat_deputy`, `state_body`, found `сосед`",
    );
}

#[test]
fn year_outside_period() {
    expect_one(
        "wrong-year",
        ERR,
        F,
        Some("statistics"),
        Some("B8"),
        "expected 2025 (reporting year) or 2024 (АППГ), found `2022`",
    );
}

#[test]
fn mixed_months() {
    expect_one(
        "mixed-months",
        ERR,
        F,
        Some("statistics"),
        Some("C9"),
        "column `months`: expected 12 like row 2",
    );
}

#[test]
fn two_departments() {
    expect_one("two-departments", ERR, F, Some("units"), Some("B4"), "second unit without a parent");
}

#[test]
fn impossible_date() {
    expect_one(
        "bad-date",
        ERR,
        F,
        Some("media"),
        Some("C2"),
        "column `date`: expected a date (DD.MM.YYYY), found `31.02.2025`",
    );
}

#[test]
fn impossible_time() {
    expect_one(
        "bad-time",
        ERR,
        F,
        Some("meeting"),
        Some("C2"),
        "column `time`: expected a time (HH:MM), found `25:00`",
    );
}

#[test]
fn late_announcement_is_a_warning() {
    expect_one(
        "late-announcement",
        WARN,
        F,
        Some("meeting"),
        Some("G2"),
        "announced 5 days before the meeting of 20.02.2026: rule 8.2 asks for at least 10",
    );
}

#[test]
fn annual_meeting_after_the_first_quarter_is_an_error() {
    expect_one(
        "meeting-after-first-quarter",
        ERR,
        F,
        Some("meeting"),
        Some("B2"),
        "meeting on 18.06.2026: rule 4 holds the annual report for 2025 in the first quarter of 2026, 01.01.2026 to 31.03.2026",
    );
}

#[test]
fn a_hall_smaller_than_the_expected_audience_is_a_warning() {
    expect_one(
        "hall-too-small",
        WARN,
        F,
        Some("meeting"),
        Some("F2"),
        "the hall holds 200 but 250 participants are expected (rule 9)",
    );
}

#[test]
fn the_akimat_left_out_of_the_invitees_is_a_warning() {
    expect_one(
        "akimat-not-invited",
        WARN,
        F,
        Some("meeting"),
        Some("K2"),
        "the invitees leave out жергілікті атқарушы орган / местный исполнительный орган (rule 4)",
    );
}

#[test]
fn an_unknown_invitee_is_an_error() {
    expect_one(
        "unknown-invitee",
        ERR,
        F,
        Some("meeting"),
        Some("K2"),
        "column `invited`: `соседи` is none of them",
    );
}

#[test]
fn a_body_without_a_meeting_is_a_warning() {
    expect_one(
        "no-meeting-row",
        WARN,
        F,
        Some("units"),
        Some("A4"),
        "`DEP-02` has no row in `meeting`: every body reports to the public (rule 4)",
    );
}

#[test]
fn emergency_number_for_questions_is_a_warning() {
    expect_one(
        "emergency-number",
        WARN,
        F,
        Some("meeting"),
        Some("J2"),
        "questions are to be sent to 102, an emergency line: name a helpline, a portal or an office",
    );
}

#[test]
fn response_before_publication() {
    expect_one(
        "response-before-publication",
        ERR,
        F,
        Some("media"),
        Some("I2"),
        "response before publication",
    );
}

#[test]
fn response_in_one_language() {
    expect_one(
        "response-in-one-language",
        ERR,
        F,
        Some("media"),
        Some("G2"),
        "the response is given in Russian only: give it in Kazakh too",
    );
}

#[test]
fn duplicate_source() {
    expect_one("duplicate-source", ERR, F, Some("Статистика "), None, "source `statistics` appears twice");
}

#[test]
fn corrupt_file_gives_one_error() {
    let (diags, _) = diagnostics("corrupt-file");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].file, "units.xlsx");
    assert!(diags[0].message(Lang::En).starts_with("cannot read the workbook"), "{}", diags[0]);
}

#[test]
fn empty_file_gives_one_error() {
    let (diags, _) = diagnostics("empty-file");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].file, "survey.xlsx");
    assert_eq!(diags[0].message(Lang::En), "the file is empty: expected a workbook");
}

#[test]
fn code_that_is_not_a_folder_name() {
    // Issue 10: a code names the unit's folder in the pack, so it is checked at its cell.
    expect_one(
        "code-not-a-folder-name",
        ERR,
        F,
        Some("units"),
        Some("A5"),
        "column `code`: U+002E «.» is not allowed in a code; expected a code: 1–32 Latin or Cyrillic letters",
    );
}

#[test]
fn codes_that_differ_in_case() {
    expect_one(
        "codes-differ-in-case",
        ERR,
        F,
        Some("units"),
        Some("A5"),
        "code `dep-01` differs from `DEP-01` (row 3) only in letter case",
    );
}

#[test]
fn unprintable_character() {
    expect_one(
        "unprintable-character",
        ERR,
        F,
        Some("narrative"),
        Some("D2"),
        "column `text_ru`: a character the documents cannot print: U+1F693 «🚓»",
    );
}

#[test]
fn invisible_character() {
    expect_one(
        "invisible-character",
        ERR,
        F,
        Some("units"),
        Some("D3"),
        "column `name_kk`: an invisible or control character: U+FEFF",
    );
}

#[test]
fn word_too_long() {
    expect_one(
        "word-too-long",
        ERR,
        F,
        Some("narrative"),
        Some("D2"),
        "column `text_ru`: a word of 120 characters (`жжжж",
    );
}

#[test]
fn every_invalid_fixture_is_tested() {
    // A new folder under fixtures/invalid/ needs a test above.
    let source = include_str!("validation.rs");
    for entry in std::fs::read_dir(fixtures_dir().join("invalid")).unwrap_or_else(|e| panic!("{e}")) {
        let name = entry.unwrap_or_else(|e| panic!("{e}")).file_name().to_string_lossy().to_string();
        assert!(source.contains(&format!("\"{name}\"")), "fixtures/invalid/{name} has no test");
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    // Every invalid case mutates one thing; merging two mutations gives both messages.
    let outcome = load(&fixtures_dir().join("invalid").join("wrong-type"));
    let first = outcome.errors();
    assert_eq!(first, 1);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut book = crate::fixtures::base();
    for s in &mut book {
        if s.name == "statistics" {
            s.rows[0][4] = crate::fixtures::V::S("много");
        }
        if s.name == "survey" {
            s.rows[1][6] = crate::fixtures::V::N(9.0);
        }
        if s.name == "units" {
            s.rows[1][4] = crate::fixtures::V::E;
        }
    }
    std::fs::write(dir.path().join("input.xlsx"), crate::fixtures::workbook_bytes(&book))
        .unwrap_or_else(|e| panic!("{e}"));
    let outcome = load(dir.path());
    let cells: Vec<_> = outcome
        .diagnostics
        .iter()
        .map(|d| format!("{}!{}", d.sheet.clone().unwrap_or_default(), d.cell.clone().unwrap_or_default()))
        .collect();
    assert_eq!(cells, ["statistics!E2", "survey!G3", "units!E3"]);
}

/// The workbooks of a folder are read side by side; what they say comes in the folder's order
/// all the same: a source in two files is taken from the first by name and refused in the other,
/// a broken file is one problem, and every run says the same.
#[test]
fn workbooks_read_side_by_side_join_in_the_folders_order() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fixtures_dir().join("demo");
    for entry in std::fs::read_dir(&demo).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    // `a-copy.xlsx` comes before `statistics.xlsx`: its sheet is the one taken.
    std::fs::copy(demo.join("statistics.xlsx"), dir.path().join("a-copy.xlsx")).unwrap();
    std::fs::write(dir.path().join("units.xlsx"), b"PK not a workbook").unwrap();
    let first = load(dir.path());
    let said: Vec<String> = first.diagnostics.iter().map(|d| d.to_string()).collect();
    let errors: Vec<&Diagnostic> = first.diagnostics.iter().filter(|d| d.severity == ERR).collect();
    assert_eq!(errors.len(), 2, "{said:#?}");
    let twice = errors.iter().find(|d| d.file == "statistics.xlsx").unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(twice.sheet.as_deref(), Some("statistics"));
    assert!(
        twice.message(Lang::En).contains("appears twice") && twice.message(Lang::En).contains("a-copy.xlsx"),
        "{twice}"
    );
    let broken = errors.iter().find(|d| d.file == "units.xlsx").unwrap_or_else(|| panic!("{said:#?}"));
    assert!(broken.message(Lang::En).starts_with("cannot read the workbook"), "{broken}");
    for _ in 0..5 {
        let again: Vec<String> = load(dir.path()).diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(again, said);
    }
}
