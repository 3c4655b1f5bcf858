//! Random mutations of the valid fixture (issue 10): cells turned into other types and exotic
//! strings, rows removed and duplicated. Whatever happens: no panic; if `validate` accepts,
//! `build` builds; if it refuses, every error names a file and a sheet.
//!
//! `PROPTEST_CASES` sets the number of cases (a few hundred by default; more on demand).

use proptest::prelude::*;

use crate::cli::{esep, s, text, tmp};
use crate::fixtures::{self, Book, V};

/// What one mutation does.
#[derive(Debug, Clone)]
enum Edit {
    Set { sheet: usize, row: usize, col: usize, value: V },
    Remove { sheet: usize, row: usize },
    Duplicate { sheet: usize, row: usize },
}

fn exotic() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("🚓".to_string()),
        Just("警察".to_string()),
        Just("\u{feff}DEP".to_string()),
        Just("=1+1".to_string()),
        Just("DEP".to_string()),
        Just("DEP-01".to_string()),
        Just("../DEP-02".to_string()),
        Just("иә".to_string()),
        Just("нет".to_string()),
        Just("31.02.2025".to_string()),
        Just("2025-12-31".to_string()),
        Just("12:30".to_string()),
        Just("1 204,5".to_string()),
        Just("registered_total".to_string()),
        Just("ж".repeat(200)),
        "[a-zA-Zа-яәғқңөұүһіА-Я0-9 .,\\-«»№]{0,40}",
        "[\\u{0}-\\u{2ff}\\u{400}-\\u{4ff}\\u{1f600}-\\u{1f64f}]{1,12}",
    ]
}

fn value() -> impl Strategy<Value = V> {
    prop_oneof![
        Just(V::E),
        prop_oneof![
            Just(0.0),
            Just(-1.0),
            Just(1.5),
            Just(3.0),
            Just(12.0),
            Just(2024.0),
            Just(2025.0),
            Just(1e12),
            Just(1e300),
            Just(0.25)
        ]
        .prop_map(V::N),
        (2020u16..2030, 1u8..13, 1u8..29).prop_map(|(y, m, d)| V::D(y, m, d)),
        exotic().prop_map(V::T),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (0usize..9, 0usize..40, 0usize..13, value())
            .prop_map(|(sheet, row, col, value)| Edit::Set { sheet, row, col, value }),
        1 => (0usize..9, 0usize..40).prop_map(|(sheet, row)| Edit::Remove { sheet, row }),
        1 => (0usize..9, 0usize..40).prop_map(|(sheet, row)| Edit::Duplicate { sheet, row }),
    ]
}

fn apply(book: &mut Book, edit: &Edit) {
    let n = book.len();
    match edit {
        Edit::Set { sheet, row, col, value } => {
            let sheet = &mut book[sheet % n];
            if sheet.rows.is_empty() {
                return;
            }
            let r = row % sheet.rows.len();
            let width = sheet.headers.len();
            sheet.rows[r][col % width] = value.clone();
        }
        Edit::Remove { sheet, row } => {
            let sheet = &mut book[sheet % n];
            if !sheet.rows.is_empty() {
                let r = row % sheet.rows.len();
                sheet.rows.remove(r);
            }
        }
        Edit::Duplicate { sheet, row } => {
            let sheet = &mut book[sheet % n];
            if !sheet.rows.is_empty() {
                let r = row % sheet.rows.len();
                let copy = sheet.rows[r].clone();
                sheet.rows.push(copy);
            }
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn validate_accepts_only_what_build_builds(edits in proptest::collection::vec(edit(), 1..5)) {
        let mut book = fixtures::base();
        for e in &edits {
            apply(&mut book, e);
        }
        let dir = tmp();
        let input = dir.path().join("input");
        std::fs::create_dir_all(&input).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(input.join("input.xlsx"), fixtures::workbook_bytes(&book)).unwrap_or_else(|e| panic!("{e}"));
        // In-process, as `validate` checks: the contract, then the rules of the order. A panic
        // in reading or checking fails the case.
        let mut outcome = esep_ingest::load(&input);
        if let Some(data) = &outcome.dataset {
            let found = esep_analysis::rules::check(data, &esep_analysis::Settings::builtin())
                .unwrap_or_else(|e| panic!("{e}"));
            outcome.add(found);
        }
        if outcome.errors() > 0 {
            for d in outcome.diagnostics.iter().filter(|d| d.is_error()) {
                prop_assert!(!d.file.is_empty() && d.sheet.is_some(), "an error without file and sheet: {d}");
            }
            let run = esep(&["build", s(&input), "--out", s(&dir.path().join("pack")), "--quiet"]);
            prop_assert!(!run.status.success(), "validate refused, build built after {edits:?}");
        } else {
            let out = dir.path().join("pack");
            let run = esep(&["build", s(&input), "--out", s(&out), "--quiet"]);
            prop_assert!(run.status.success(), "validate accepted, build failed after {edits:?}:\n{}", text(&run));
            prop_assert!(out.join("pack.json").is_file());
        }
    }
}
