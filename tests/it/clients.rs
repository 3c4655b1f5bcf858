//! The tests through real clients (issue 11): other programs open what esep writes, and esep
//! reads what they write. They need those programs — python3 with openpyxl and icalendar — which `.ci/run`
//! installs; run them with `cargo test --features client-tests --test integration clients::`.

use std::path::Path;
use std::process::Command;

use crate::cli::{esep, s, success, text, tmp};
use crate::fixtures::fixtures_dir;

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
    // And a pack in Kazakh: its sheet names as Excel shows them.
    let kk = dir.path().join("kk");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&kk), "--quiet", "--lang", "kk"]);
    let script = r#"
import sys, openpyxl
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    rows = sum(ws.max_row for ws in wb.worksheets)
    print(path.rsplit('/', 1)[-1], len(wb.sheetnames), rows, wb.sheetnames[0], wb.sheetnames[-1])
"#;
    let run = Command::new("python3")
        .args([
            "-c",
            script,
            s(&out.join("department.xlsx")),
            s(&out.join("DEP/indicators.xlsx")),
            s(&national),
            s(&kk.join("department.xlsx")),
        ])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "openpyxl failed: {}", String::from_utf8_lossy(&run.stderr));
    // The sheets of each workbook and, last, `codes`.
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[0].starts_with("department.xlsx 15 ") && lines[0].ends_with(" official use codes"),
        "{said}"
    );
    assert!(lines[1].starts_with("indicators.xlsx 11 ") && lines[1].ends_with(" indicators codes"), "{said}");
    assert!(lines[2].starts_with("national.xlsx 11 "), "{said}");
    assert!(lines[3].starts_with("department.xlsx 15 "), "{said}");
    assert!(lines[3].ends_with(" Қызметтік пайдалану үшін codes"), "{said}");
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

/// Runs a python script of `tests/` with `args`, failing the test with what it said.
fn python(script: &str, args: &[&str]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(script);
    let run =
        Command::new("python3").arg(&script).args(args).output().unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(run.status.success(), "{}: {}", script.display(), text(&run));
}

/// The counts of `esep followup --format json` for the first unit.
fn counts(json: &[u8]) -> Vec<u64> {
    let v: serde_json::Value = serde_json::from_slice(json).unwrap_or_else(|e| panic!("{e}"));
    let c = &v["units"][0]["counts"];
    [
        "items",
        "open",
        "due_soon",
        "overdue",
        "answered_on_time",
        "answered_late",
        "forwarded_on_time",
        "forwarded_late",
        "not_notified",
    ]
    .iter()
    .map(|k| c[*k].as_u64().unwrap_or(u64::MAX))
    .collect()
}

#[test]
fn the_follow_up_cycle_from_the_meeting_to_the_next_report() {
    // The demo's city body met on Wednesday 4 February 2026. Four items were not answered in
    // full: one for the akimat (forward by Monday 9 February: 5, 6, 9 February), three within
    // police competence (answer by Wednesday 25 February: 15 working days). The staff forward
    // the first on 6 February, answer one on 20 February and one on 3 March, leave one open.
    let dir = tmp();
    let pack = dir.path().join("demo");
    success(&["demo", "--out", s(&pack), "--quiet"]);
    let filled = dir.path().join("protocol.xlsx");
    python("fill_protocol.py", &[s(&pack.join("SRK-KTL/protocol.xlsx")), s(&filled)]);
    let drawn = dir.path().join("drawn");
    success(&["protocol", s(&filled), "--out", s(&drawn), "--pack", s(&pack), "--quiet"]);
    let register = dir.path().join("register.xlsx");
    python("fill_register.py", &[s(&drawn.join("followup.xlsx")), s(&register)]);

    // items, open, due soon, overdue, answered on time / late, forwarded on time / late, not told.
    for (as_of, expected) in [
        // 20 February: the forwarded and the first answered done; two open, due within 3
        // working days (23, 24, 25 February).
        ("2026-02-20", [4, 2, 2, 0, 1, 0, 1, 0, 0]),
        // 10 March: the third answered late (3 March), the fourth overdue.
        ("10.03.2026", [4, 1, 0, 1, 1, 1, 1, 0, 0]),
    ] {
        let out = dir.path().join(format!("control-{as_of}"));
        let ran = esep(&["followup", s(&register), "--as-of", as_of, "--out", s(&out), "--format", "json"]);
        assert!(ran.status.success(), "{}", text(&ran));
        assert_eq!(counts(&ran.stdout), expected, "as of {as_of}");
        let ru =
            crate::pdf::text(&out.join("control.ru.pdf")).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(ru.contains("КОНТРОЛЬ ИСПОЛНЕНИЯ ПРОТОКОЛА"), "{ru}");
        assert!(crate::pdf::text(&out.join("control.kk.pdf")).contains("БАҚЫЛАУ"));
        if as_of == "10.03.2026" {
            // The workbook as openpyxl reads it: ids under the headers, the unit's counts, the
            // late cells coloured by conditional formatting (4 count columns red, 1 amber; items
            // red when late, amber when due soon).
            let read = Command::new("python3")
                .args([
                    "-c",
                    "import sys, openpyxl\n\
                     wb = openpyxl.load_workbook(sys.argv[1])\n\
                     u, it = wb['units'], wb['items']\n\
                     print(wb.sheetnames, [c.value for c in u[2]][:5], [c.value for c in u[3]][3:])\n\
                     print(len(u.conditional_formatting), sum(len(r.rules) for r in it.conditional_formatting), it.max_row)",
                    s(&out.join("control.xlsx")),
                ])
                .output()
                .unwrap_or_else(|e| panic!("python3: {e}"));
            assert_eq!(
                String::from_utf8_lossy(&read.stdout),
                "['units', 'items'] ['unit', 'name', 'meeting', 'items', 'open'] [4, 1, 0, 1, 1, 1, 1, 0, 0]\n5 2 6\n",
                "{}",
                text(&read)
            );
            assert!(ru.contains("не исполнено, срок истёк 25.02.2026"), "{ru}");
            assert!(
                String::from_utf8_lossy(&ran.stderr)
                    .contains("SRK-KTL (meeting 04.02.2026): 4 items — 1 open")
            );
        }
    }

    // The next quarter's input folder keeps the register: its report says what became of them,
    // as of the next meeting (27 April 2026 and after: the fourth is overdue).
    let next = dir.path().join("next");
    success(&["generate", "--year", "2026", "--months", "3", "--out", s(&next), "--quiet"]);
    std::fs::create_dir_all(next.join("followup")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(&register, next.join("followup/SRK-KTL.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    let built = dir.path().join("next-pack");
    success(&["build", s(&next), "--out", s(&built), "--quiet"]);
    let ru = crate::pdf::text(&built.join("SRK-KTL/report.ru.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for said in [
        "Что стало с обращениями прошлой встречи",
        "На прошлой встрече 04.02.2026",
        "в протокол внесено 9 обращений: на 5 из них полный ответ дан на встрече, на рассмотрение взято 4",
        "ответы даны — 2 (в срок — 1), направлено по компетенции в другие органы — 1, остаются на рассмотрении — 1",
        "рассматривается; срок истёк 25.02.2026",
        "направлено по компетенции 06.02.2026",
    ] {
        assert!(ru.contains(said), "`{said}` in the next report");
    }
    // The applicants' names and contacts stay out of the public report.
    for private in ["Ким Ольга", "kim@example.kz", "Сәрсенов"] {
        assert!(!ru.contains(private), "{private} in the public report");
    }
    let compliance: serde_json::Value =
        serde_json::from_slice(&std::fs::read(built.join("compliance.json")).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
    let status = |rule: &str| {
        compliance
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["unit"] == "SRK-KTL" && c["rule"] == rule)
            .map(|c| c["status"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(status("16").as_deref(), Some("not_met"));
    assert_eq!(status("17").as_deref(), Some("met"));
    assert_eq!(status("19").as_deref(), Some("not_met"));
}

/// `validate --mark` on every invalid folder: openpyxl finds the fill and the comment at exactly
/// the diagnosed cells, the list sheet first with a link per problem, and the inputs unchanged.
/// On a workbook the analyst formatted (a fill, bold, a number format, a formula, a hidden
/// sheet, a comment of their own), all of it survives the marking.
#[test]
fn marked_copies_open_in_openpyxl_with_the_marks_at_the_diagnosed_cells() {
    use sha2::{Digest as _, Sha256};
    let dir = tmp();
    let invalid = crate::fixtures::fixtures_dir().join("invalid");
    let mut cases: Vec<_> =
        std::fs::read_dir(&invalid).unwrap_or_else(|e| panic!("{e}")).flatten().map(|e| e.path()).collect();
    cases.sort();
    // One more: the analyst's own formatting on the `wrong-type` workbook.
    let formatted = dir.path().join("formatted");
    std::fs::create_dir_all(&formatted).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(invalid.join("wrong-type/input.xlsx"), formatted.join("input.xlsx"))
        .unwrap_or_else(|e| panic!("{e}"));
    inline(
        r#"
import sys, openpyxl
from openpyxl.styles import PatternFill, Font
from openpyxl.comments import Comment
path = sys.argv[1] + '/input.xlsx'
wb = openpyxl.load_workbook(path)
ws = wb['statistics']
ws['A3'].fill = PatternFill('solid', fgColor='FF00B050')
ws['A3'].font = Font(bold=True)
ws['E3'].number_format = '#,##0'
ws['J1'] = '=SUM(E2:E3)'
ws['A3'].comment = Comment('checked by the analyst', 'analyst')
notes = wb.create_sheet('notes')
notes['A1'] = 'private'
notes.sheet_state = 'hidden'
wb.save(path)
"#,
        &[s(&formatted)],
    );
    cases.push(formatted.clone());
    let mut marked_any = 0;
    for case in cases {
        let name = case.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let hash = |p: &Path| {
            let mut files: Vec<_> =
                std::fs::read_dir(p).into_iter().flatten().flatten().map(|e| e.path()).collect();
            files.sort();
            let mut h = Sha256::new();
            for f in files.iter().filter(|f| f.is_file()) {
                h.update(std::fs::read(f).unwrap_or_default());
            }
            h.finalize().to_vec()
        };
        let before = hash(&case);
        let out = dir.path().join("marked").join(&name);
        let json = esep(&["validate", s(&case), "--format", "json", "--mark", s(&out), "--lang", "ru"]);
        assert_eq!(hash(&case), before, "{name}: an input changed");
        let problems: serde_json::Value =
            serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let cells: Vec<(String, String, String)> = problems
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["file"].as_str().is_some_and(|f| f.ends_with(".xlsx")) && !p["cell"].is_null())
            .map(|p| {
                let fill = if p["severity"] == "error" { "FFFFC7CE" } else { "FFFFEB9C" };
                (
                    p["sheet"].as_str().unwrap_or_default().to_string(),
                    p["cell"].as_str().unwrap_or_default().to_string(),
                    fill.to_string(),
                )
            })
            .collect();
        let copy = out.join("input.xlsx");
        if cells.is_empty() {
            continue;
        }
        assert!(copy.is_file(), "{name}: no marked copy");
        marked_any += 1;
        // An error at a cell wins over a warning there.
        let mut expected: Vec<String> = Vec::new();
        for (sheet, cell, fill) in &cells {
            let fill = if cells.iter().any(|(s, c, f)| s == sheet && c == cell && f == "FFFFC7CE") {
                "FFFFC7CE"
            } else {
                fill.as_str()
            };
            let line = format!("{sheet}!{cell} {fill}");
            if !expected.contains(&line) {
                expected.push(line);
            }
        }
        expected.sort();
        let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
first = wb.worksheets[0]
assert first.title == 'Проблемы esep', wb.sheetnames
assert wb.active.title == first.title
print('links', sum(1 for c in first['C'] if c.hyperlink and c.hyperlink.location))
for ws in wb.worksheets[1:]:
    for row in ws.iter_rows():
        for c in row:
            ours = c.comment is not None and ('[E-' in c.comment.text or '[W-' in c.comment.text)
            filled = c.fill.fill_type == 'solid' and c.fill.fgColor.rgb in ('FFFFC7CE', 'FFFFEB9C')
            if ours:
                print('mark %s!%s %s' % (ws.title, c.coordinate, c.fill.fgColor.rgb))
            elif filled:
                print('stray %s!%s' % (ws.title, c.coordinate))
"#;
        let run =
            Command::new("python3").args(["-c", script, s(&copy)]).output().unwrap_or_else(|e| panic!("{e}"));
        let said = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "{name}: {}", String::from_utf8_lossy(&run.stderr));
        let mut marks: Vec<String> =
            said.lines().filter_map(|l| l.strip_prefix("mark ")).map(str::to_string).collect();
        marks.sort();
        assert_eq!(marks, expected, "{name}: {said}");
        assert!(!said.contains("stray"), "{name}: {said}");
        let links: usize = said.lines().find_map(|l| l.strip_prefix("links ")?.parse().ok()).unwrap_or(0);
        assert!(links >= expected.len(), "{name}: {links} links for {} cells", expected.len());
    }
    assert!(marked_any >= 25, "{marked_any} folders marked");
    // The analyst's formatting, formula, hidden sheet and comment survive.
    inline(
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['statistics']
assert ws['A3'].fill.fgColor.rgb == 'FF00B050', ws['A3'].fill.fgColor.rgb
assert ws['A3'].font.bold
assert ws['E3'].number_format == '#,##0', ws['E3'].number_format
assert ws['J1'].value == '=SUM(E2:E3)', ws['J1'].value
assert ws['A3'].comment is not None and 'checked by the analyst' in ws['A3'].comment.text
assert wb['notes'].sheet_state == 'hidden'
assert ws['E2'].fill.fgColor.rgb == 'FFFFC7CE'
assert 'E-INTEGER' in ws['E2'].comment.text
"#,
        &[s(&dir.path().join("marked/formatted/input.xlsx"))],
    );
}

/// Runs a python script given inline with `args`, failing the test with what it said.
fn inline(script: &str, args: &[&str]) {
    let run =
        Command::new("python3").arg("-c").arg(script).args(args).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(run.status.success(), "python3: {}", text(&run));
}
