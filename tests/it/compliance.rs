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
    // 3 units × rules 4, 6.1–6.10, 8.2, 11, 12–15, 18, 16, 17, 19.
    assert_eq!(rows.len(), 3 * 18);
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
    assert_eq!(announced["evidence"], "announced 05.02.2026, 19 days before (at least 10); media: Газета");
    assert_eq!(announced["cell"], "G3");
    // The department's chapter 8 has its paragraph; DEP-01 has none of its own.
    assert_eq!(find("DEP", "6.8")["status"], "met");
    assert_eq!(find("DEP-01", "6.8")["status"], "not_met");
    assert_eq!(find("DEP", "12-15")["status"], "not_yet_due");
    // No register of an earlier meeting in `followup/`: the follow-up is not yet due.
    for rule in ["16", "17", "19"] {
        let row = find("DEP", rule);
        assert_eq!(row["status"], "not_yet_due");
        assert_eq!(row["evidence"], "no follow-up register of an earlier meeting in `followup/`");
    }
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
        said.contains(
            "DEP: not met — rule 8.2 (announced 15.02.2026, 5 days before (at least 10); media: Газета)"
        ),
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

#[test]
fn the_demo_follows_up_its_previous_meeting() {
    // The demo keeps two bodies' registers of their October meetings in `followup/`. SRK-AKZ met
    // on Tuesday 21 October 2025: answer by 12 November (25 October, a Saturday, moves its day
    // off to Monday 27 October), forward by 24 October. Its item 7, answered on 18 November, is
    // late; item 8, extended to 21 December, is still open. SRK-AKZ-AL kept every term.
    let dir = tmp();
    let pack = dir.path().join("demo");
    crate::cli::success(&["demo", "--out", s(&pack), "--quiet"]);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pack.join("compliance.json")).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
    let rows = json.as_array().cloned().unwrap_or_default();
    let find = |unit: &str, rule: &str| {
        rows.iter()
            .find(|r| r["unit"] == unit && r["rule"] == rule)
            .map(|r| {
                (
                    r["status"].as_str().unwrap_or("").to_string(),
                    r["evidence"].as_str().unwrap_or("").to_string(),
                )
            })
            .unwrap_or_else(|| panic!("no {unit} {rule}"))
    };
    let (status, evidence) = find("SRK-AKZ", "16");
    assert_eq!(status, "not_met");
    assert!(evidence.starts_with("items 7, 8 past the term as of "), "{evidence}");
    assert_eq!(find("SRK-AKZ", "17"), ("met".to_string(), "item 6 done within the term".to_string()));
    let (status, evidence) = find("SRK-AKZ", "19");
    assert_eq!(status, "not_met");
    assert!(evidence.starts_with("item 8 open past the term as of "), "{evidence}");
    assert_eq!(
        find("SRK-AKZ-AL", "16"),
        ("met".to_string(), "items 5, 6, 8 done within the term".to_string())
    );
    assert_eq!(find("SRK-AKZ-AL", "19").0, "met");
    // Without a register, not yet due.
    assert_eq!(find("SRK-KTL", "16").0, "not_yet_due");
    // The register of the meeting just held sits beside its protocol as drawn up.
    assert!(pack.join("SRK-AKZ/followup.xlsx").is_file());
    let ru = crate::pdf::text(&pack.join("SRK-AKZ/report.ru.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(ru.contains("На прошлой встрече 21.10.2025 в протокол внесено 8 обращений"), "{ru}");
    assert!(ru.contains("ответ дан 18.11.2025: разъяснено (с нарушением срока)"), "{ru}");
}
