//! `esep import form-1m` and 1-М returns named by an input folder's manifest.

use calamine::{Data, Reader, open_workbook_auto};

use crate::cli::{esep, pdf_text, s, success, text, tmp};
use crate::fixtures::fixtures_dir;

fn sample() -> std::path::PathBuf {
    fixtures_dir().join("form-1m/kostanay-region-2022.xlsx")
}

#[test]
fn import_writes_a_statistics_workbook_of_the_contract() {
    let dir = tmp();
    let out = dir.path().join("statistics.xlsx");
    let spec = format!("{}@2022-12", s(&sample()));
    success(&["import", "form-1m", &spec, "--unit", "KST", "--out", s(&out), "--quiet"]);
    let mut wb = open_workbook_auto(&out).unwrap_or_else(|e| panic!("{e}"));
    let range = wb.worksheet_range("statistics").unwrap_or_else(|e| panic!("{e}"));
    let row = range
        .rows()
        .find(|r| r.get(3) == Some(&Data::String("registered_total".into())))
        .unwrap_or_else(|| panic!("no registered_total"));
    assert_eq!(row[0], Data::String("KST".into()));
    assert_eq!(row[1], Data::Float(2022.0));
    assert_eq!(row[4], Data::Float(7091.0));
    // Not a 1-М return: named, and nothing written.
    let other = dir.path().join("other.xlsx");
    let spec = format!("{}@2022-12", s(&fixtures_dir().join("valid-small/input.xlsx")));
    let run = esep(&["import", "form-1m", &spec, "--unit", "KST", "--out", s(&other)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run).contains("input.xlsx: not a form 1-М return: no sheet `R1`"), "{}", text(&run));
    assert!(!other.exists());
    // A file without a period.
    let run = esep(&["import", "form-1m", s(&sample()), "--unit", "KST", "--out", s(&other)]);
    assert!(text(&run).contains("give its period"), "{}", text(&run));
}

#[test]
fn build_takes_a_district_from_a_1m_return() {
    let dir = tmp();
    let input = dir.path().join("input");
    success(&["generate", "--out", s(&input), "--quiet"]);
    std::fs::create_dir_all(input.join("form-1m")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(sample(), input.join("form-1m/koktal-2025.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        input.join("form-1m.toml"),
        "[[file]]\npath = \"form-1m/koktal-2025.xlsx\"\nunit = \"SRK-KTL\"\nperiod = \"2025-12\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let rows = esep_analysis::open_data::from_csv(
        &std::fs::read(out.join("SRK-KTL/indicators.csv")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let current = |code: &str| rows.iter().find(|r| r.code == code).and_then(|r| r.current);
    assert_eq!(current("crime_registered"), Some(7091.0));
    assert_eq!(current("theft_registered"), Some(2949.0));
    // Codes the return does not hold (road accidents) still come from the statistics sheet.
    assert!(current("road_accidents").is_some_and(|v| v > 0.0));
    // 3 294 ended / (3 294 + 3 440 interrupted, person not identified): restricted, since it
    // would reveal the interrupted count, so only headquarters' workbook has it.
    assert_eq!(current("clearance_ended"), None);
    let hq = crate::workbooks::read_data_sheet(&out.join("department.xlsx"));
    let c = hq
        .iter()
        .find(|r| r.unit == "SRK-KTL" && r.code == "clearance_ended")
        .and_then(|r| r.current)
        .unwrap_or(0.0);
    assert!((c - 100.0 * 3294.0 / 6734.0).abs() < 1e-9, "{c}");
    let report = pdf_text(&out.join("SRK-KTL/report.ru.pdf"));
    assert!(report.contains("7 091"), "the report does not show the imported figure");
    // The department adds the imported district to the others.
    let dept = esep_analysis::open_data::from_csv(
        &std::fs::read(out.join("SRK/indicators.csv")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let total = dept.iter().find(|r| r.code == "crime_registered").and_then(|r| r.current).unwrap_or(0.0);
    assert!(total > 7091.0, "{total}");
}

#[test]
fn manifest_problems_are_named() {
    let dir = tmp();
    let input = dir.path().join("input");
    success(&["generate", "--out", s(&input), "--quiet"]);
    std::fs::write(
        input.join("form-1m.toml"),
        "[[file]]\npath = \"missing.xlsx\"\nunit = \"SRK-KTL\"\nperiod = \"2025-12\"\n\n[[file]]\npath = \"x.xlsx\"\nunit = \"NOPE\"\nperiod = \"2021-12\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = esep(&["validate", s(&input)]);
    assert_eq!(run.status.code(), Some(1));
    let said = text(&run);
    assert!(said.contains("form-1m.toml: file `missing.xlsx`: no such file"), "{said}");
    assert!(said.contains("file `x.xlsx`: period 2021-12 is neither"), "{said}");
}
