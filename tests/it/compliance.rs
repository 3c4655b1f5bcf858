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

#[test]
fn a_protocol_in_the_input_folder_is_the_evidence_of_rules_12_to_18() {
    let dir = tmp();
    let input = dir.path().join("input");
    std::fs::create_dir_all(input.join("protocols")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(fixtures_dir().join("valid-small/input.xlsx"), input.join("input.xlsx"))
        .unwrap_or_else(|e| panic!("{e}"));
    let protocol = |case: &str, unit: &str| {
        std::fs::copy(
            fixtures_dir().join(format!("protocol/{case}/protocol.xlsx")),
            input.join(format!("protocols/{unit}.xlsx")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    };
    protocol("valid", "DEP");
    // A protocol drawn up a day late is evidence of a rule not met; the build goes on.
    protocol("drawn-up-late", "DEP-01");
    let out = dir.path().join("pack");
    crate::cli::success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let rows: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(out.join("compliance.json")).unwrap_or_default())
            .unwrap_or_default();
    let find = |unit: &str, rule: &str| {
        rows.iter().find(|r| r["unit"] == unit && r["rule"] == rule).cloned().unwrap_or_default()
    };
    let drawn = find("DEP", "12-15");
    assert_eq!(drawn["status"], "met");
    assert_eq!(
        drawn["evidence"],
        "drawn up 20.02.2026 (the meeting's day), 11:00–13:05, 120 participants, secretary Петрова Ольга"
    );
    assert_eq!(drawn["file"], "protocols/DEP.xlsx");
    assert_eq!(find("DEP", "18")["evidence"], "3 items numbered for registration");
    let late = find("DEP-01", "12-15");
    assert_eq!(late["status"], "not_met");
    assert!(late["evidence"].as_str().unwrap_or_default().contains("rule 14"), "{late}");
    assert_eq!(find("DEP-02", "12-15")["status"], "not_yet_due");
}

#[cfg(unix)]
#[test]
fn a_protocol_linked_from_outside_the_input_folder_is_not_read() {
    let dir = tmp();
    let input = dir.path().join("input");
    std::fs::create_dir_all(input.join("protocols")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(fixtures_dir().join("valid-small/input.xlsx"), input.join("input.xlsx"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(
        fixtures_dir().join("protocol/valid/protocol.xlsx"),
        input.join("protocols/DEP.xlsx"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("pack");
    crate::cli::success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let rows: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(out.join("compliance.json")).unwrap_or_default())
            .unwrap_or_default();
    let drawn = rows.iter().find(|r| r["unit"] == "DEP" && r["rule"] == "12-15").cloned().unwrap_or_default();
    assert_eq!(drawn["status"], "not_yet_due", "{drawn}");
}
