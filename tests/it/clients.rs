//! The tests through real clients (issue 11): other programs open what esep writes, and esep
//! reads what they write. They need those programs — python3 with openpyxl — which `.ci/run`
//! installs; run them with `cargo test --features client-tests --test integration clients::`.

use std::path::Path;
use std::process::Command;

use crate::cli::{esep, s, success, text, tmp};

#[test]
fn template_filled_by_openpyxl_validates() {
    let dir = tmp();
    let blank = dir.path().join("blank");
    success(&["template", "--out", s(&blank), "--lang", "ru", "--quiet"]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fill_template.py");
    let filled = Command::new("python3")
        .args([s(&script), s(&blank)])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        filled.status.success(),
        "fill_template.py failed (openpyxl is installed by .ci/run): {}",
        text(&filled)
    );
    let ok = esep(&["validate", s(&blank)]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));
}

#[test]
fn real_clients_open_the_workbooks() {
    let dir = tmp();
    let out = crate::workbooks::build_valid_small(dir.path());
    let national = dir.path().join("national.xlsx");
    success(&["compare", s(&out), "--out", s(&national), "--quiet"]);
    let script = r#"
import sys, openpyxl
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    rows = sum(ws.max_row for ws in wb.worksheets)
    print(path.rsplit('/', 1)[-1], len(wb.sheetnames), rows)
"#;
    let run = Command::new("python3")
        .args([
            "-c",
            script,
            s(&out.join("department.xlsx")),
            s(&out.join("DEP/indicators.xlsx")),
            s(&national),
        ])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "openpyxl failed: {}", String::from_utf8_lossy(&run.stderr));
    assert!(said.contains("department.xlsx 12 "), "{said}");
    assert!(said.contains("indicators.xlsx 10 "), "{said}");
    assert!(said.contains("national.xlsx 10 "), "{said}");
}
