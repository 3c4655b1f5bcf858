//! Compliance with the order per unit and rule: `compliance.json` at the pack's root, the
//! `compliance` sheet of `department.xlsx`, and a line per unit with a rule not met.

use crate::cli::{esep, s, text, tmp};
use crate::fixtures::fixtures_dir;
use crate::workbooks::build_valid_small;

#[test]
fn every_unit_has_every_rule_with_its_evidence() {
    let dir = tmp();
    let out = build_valid_small(dir.path());
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("compliance.json")).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
    let rows = json.as_array().cloned().unwrap_or_default();
    // 3 units × rules 4, 6.1–6.10, 8.2, 11, 12–15, 18.
    assert_eq!(rows.len(), 3 * 15);
    let find = |unit: &str, rule: &str| {
        rows.iter()
            .find(|r| r["unit"] == unit && r["rule"] == rule)
            .cloned()
            .unwrap_or_else(|| panic!("no {unit} {rule}"))
    };
    let rule4 = find("DEP", "4");
    assert_eq!(rule4["status"], "met");
    assert_eq!(rule4["evidence"], "meeting on 20.02.2026, within 01.01.2026–31.03.2026");
    assert_eq!(
        (rule4["file"].as_str(), rule4["sheet"].as_str(), rule4["cell"].as_str()),
        (Some("input.xlsx"), Some("meeting"), Some("B2"))
    );
    let announced = find("DEP-01", "8.2");
    assert_eq!(announced["status"], "met");
    assert_eq!(announced["evidence"], "announced 05.02.2026, 19 days before (at least 10)");
    assert_eq!(announced["cell"], "G3");
    // The department's chapter 8 has its paragraph; DEP-01 has none of its own.
    assert_eq!(find("DEP", "6.8")["status"], "met");
    assert_eq!(find("DEP-01", "6.8")["status"], "not_met");
    assert_eq!(find("DEP", "12-15")["status"], "not_yet_due");
    // The same rows, coloured and filterable, in headquarters' workbook.
    let book = out.join("department.xlsx");
    let mut wb = calamine::open_workbook_auto(&book).unwrap_or_else(|e| panic!("{e}"));
    use calamine::Reader;
    let sheet = wb.worksheet_range("compliance").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sheet.height(), 1 + rows.len());
}

#[test]
fn validate_names_each_unit_with_a_rule_not_met() {
    let run = esep(&["validate", s(&fixtures_dir().join("invalid/late-announcement"))]);
    let said = text(&run);
    assert!(
        said.contains("DEP: not met — rule 8.2 (announced 15.02.2026, 5 days before (at least 10))"),
        "{said}"
    );
    assert_eq!(said.matches(": not met — ").count(), 1, "{said}");
}
