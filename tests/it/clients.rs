//! The tests through real clients (issue 11): other programs open what esep writes, and esep
//! reads what they write. They need those programs — python3 with openpyxl and icalendar — which `.ci/run`
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
    assert!(said.contains("department.xlsx 13 "), "{said}");
    assert!(said.contains("indicators.xlsx 10 "), "{said}");
    assert!(said.contains("national.xlsx 10 "), "{said}");
}

#[test]
fn the_schedule_opens_in_a_calendar_library() {
    let dir = tmp();
    let out = crate::workbooks::build_valid_small(dir.path());
    // The `icalendar` package, as calendar programs read the file: every event's start in UTC+5
    // is the meeting's local date and time.
    let script = r#"
import sys, datetime as dt, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
local = dt.timezone(dt.timedelta(hours=5))
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART').astimezone(local)
    end = e.decoded('DTEND').astimezone(local)
    print(str(e['UID']), start.strftime('%d.%m.%Y %H:%M'), int((end - start).total_seconds() // 60), str(e['SUMMARY'])[:7])
"#;
    let run = Command::new("python3")
        .args(["-c", script, s(&out.join("schedule.ics"))])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "icalendar failed (installed by .ci/run): {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        [
            "2025-12-DEP@esep 20.02.2026 11:00 120 Полиция",
            "2025-12-DEP-01@esep 24.02.2026 15:00 120 Полиция",
            "2025-12-DEP-02@esep 26.02.2026 15:00 120 Полиция",
        ]
    );
}

#[test]
fn a_protocol_filled_by_openpyxl_is_drawn_up() {
    // The demo's city body: its protocol workbook, filled by openpyxl as a secretary would, is
    // read back into both PDFs; drawn up a day late, it is refused at its cell.
    let dir = tmp();
    let pack = dir.path().join("demo");
    crate::cli::success(&["demo", "--out", s(&pack), "--quiet"]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fill_protocol.py");
    let blank = pack.join("SRK-KTL/protocol.xlsx");
    for (late, name) in [(false, "filled.xlsx"), (true, "late.xlsx")] {
        let filled = dir.path().join(name);
        let mut args = vec![s(&script), s(&blank), s(&filled)];
        if late {
            args.push("--drawn-up-late");
        }
        let run = Command::new("python3").args(&args).output().unwrap_or_else(|e| panic!("python3: {e}"));
        assert!(run.status.success(), "fill_protocol.py: {}", text(&run));
        let out = dir.path().join(format!("final-{late}"));
        let ran = esep(&["protocol", s(&filled), "--out", s(&out), "--pack", s(&pack)]);
        if late {
            assert!(!ran.status.success());
            assert!(
                text(&ran).contains(", protocol!L2: drawn up on 05.02.2026, the meeting was on 04.02.2026"),
                "{}",
                text(&ran)
            );
            assert!(!out.exists());
        } else {
            assert!(ran.status.success(), "{}", text(&ran));
            let ru = crate::pdf::text(&out.join("protocol-final.ru.pdf"));
            assert!(ru.contains("Ахметова Гүлнар"), "{ru}");
            assert!(crate::pdf::text(&out.join("protocol-final.kk.pdf")).contains("ХАТТАМА"));
        }
    }
}
