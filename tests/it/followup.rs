//! `esep followup`: registers read back, checked at their cells, and the control report written
//! in kk and ru with its workbook — or nothing written.

use std::path::PathBuf;

use crate::cli::{esep, s, text, tmp};
use crate::fixtures::fixtures_dir;

fn case(name: &str) -> PathBuf {
    fixtures_dir().join("followup").join(name).join("followup.xlsx")
}

fn written(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(out)))
}

#[test]
fn the_control_workbook_speaks_one_language() {
    use calamine::{Data, Reader};
    // As of 26 February: item 1 open (answer by 16 March), item 3 forwarded on the 24th.
    let dir = tmp();
    for (lang, heads, first, second) in [
        (
            "ru",
            ["Код подразделения", "№", "Регистрационный номер", "Вид"],
            ["предложение", "На исполнении", "", "нет", ""],
            ["замечание", "Направлено", "да", "нет", "направлено по компетенции"],
        ),
        (
            "kk",
            ["Бөліністің коды", "№", "Тіркеу нөмірі", "Түрі"],
            ["ұсыныс", "Орындалуда", "", "жоқ", ""],
            ["ескерту", "Жіберілді", "иә", "жоқ", "құзыретті органға жіберілді"],
        ),
    ] {
        let out = dir.path().join(lang);
        let ran =
            esep(&["followup", s(&case("valid")), "--as-of", "2026-02-26", "--out", s(&out), "--lang", lang]);
        assert_eq!(ran.status.code(), Some(0), "{}", text(&ran));
        let mut wb = calamine::open_workbook_auto(out.join("control.xlsx")).unwrap_or_else(|e| panic!("{e}"));
        let items = wb.worksheet_range("items").unwrap_or_else(|e| panic!("{e}"));
        let cell = |r: u32, c: u32| items.get_value((r, c)).cloned().unwrap_or(Data::Empty).to_string();
        assert_eq!((0..4).map(|c| cell(0, c)).collect::<Vec<_>>(), heads, "{lang}");
        // Kind, state, on time, late, outcome: words of the language, no ids, no second language.
        for (row, expected) in [(2, first), (3, second)] {
            let got: Vec<String> = [3, 8, 10, 13, 14].iter().map(|&c| cell(row, c)).collect();
            assert_eq!(got, expected, "{lang}, row {row}");
        }
        assert!(!cell(2, 7).contains('\n'), "{lang}: {}", cell(2, 7));
        let units = wb.worksheet_range("units").unwrap_or_else(|e| panic!("{e}"));
        let name = units.get_value((2, 1)).cloned().unwrap_or(Data::Empty).to_string();
        assert_eq!(
            name,
            if lang == "ru" {
                "Департамент полиции Тестовой области"
            } else {
                "Сынақ облысының Полиция департаменті"
            }
        );
    }
}

#[test]
fn a_register_gives_the_control_as_of_any_day() {
    // Meeting on Friday 20 February 2026: forward by Wednesday 25 February (23, 24, 25), answer
    // by Monday 16 March (8 March is a Sunday, its day off moves to 9 March).
    let dir = tmp();
    for (as_of, open, due_soon, overdue, answered, forwarded) in [
        // The day after the meeting: both open, the forwarding due within 3 working days.
        ("2026-02-21", 2, 1, 0, 0, 0),
        // 26 February: forwarded on the 24th; item 1 open, due 16 March (13 working days on).
        ("2026-02-26", 1, 0, 0, 0, 1),
        // 13 March: item 1 answered on the 12th, on time.
        ("2026-03-13", 0, 0, 0, 1, 1),
    ] {
        let out = dir.path().join(as_of);
        let ran =
            esep(&["followup", s(&case("valid")), "--as-of", as_of, "--out", s(&out), "--format", "json"]);
        assert_eq!(ran.status.code(), Some(0), "{}", text(&ran));
        assert_eq!(written(&out), ["control.kk.pdf", "control.ru.pdf", "control.xlsx"]);
        let v = json(&ran);
        let c = &v["total"];
        let got =
            [&c["open"], &c["due_soon"], &c["overdue"], &c["answered_on_time"], &c["forwarded_on_time"]]
                .map(|x| x.as_u64().unwrap_or(99));
        assert_eq!(got, [open, due_soon, overdue, answered, forwarded], "as of {as_of}");
        // Every term traceable: its day, its length and the article that sets it.
        let items = &v["units"][0]["items"];
        assert_eq!(items[0]["term"]["due"], "2026-03-16");
        assert_eq!(items[0]["term"]["basis"], "answer");
        assert_eq!(items[1]["term"]["due"], "2026-02-25");
        assert_eq!(items[1]["term"]["basis"], "forward");
    }
    let ru = crate::pdf::text(&dir.path().join("2026-02-21/control.ru.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for said in [
        "по состоянию на 21.02.2026",
        "16.03.2026 — 15 рабочих дней (ст. 76 АППК, пункт 16)",
        "25.02.2026 — 3 рабочих дня (ст. 65 АППК, пункт 17)",
        "Оспанов Е.",
    ] {
        assert!(ru.contains(said), "`{said}` in {ru}");
    }
    let kk = crate::pdf::text(&dir.path().join("2026-02-21/control.kk.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(kk.contains("15 жұмыс күні (ӘРПК 76-бабы, 16-тармақ)"), "{kk}");
}

#[test]
fn the_control_is_byte_identical_on_every_run() {
    let dir = tmp();
    let run = |name: &str| {
        let out = dir.path().join(name);
        let ran =
            esep(&["followup", s(&case("valid")), "--as-of", "2026-03-01", "--out", s(&out), "--quiet"]);
        assert!(ran.status.success(), "{}", text(&ran));
        ["control.kk.pdf", "control.ru.pdf", "control.xlsx"]
            .map(|f| std::fs::read(out.join(f)).unwrap_or_default())
    };
    assert_eq!(run("a"), run("b"));
}

#[test]
fn every_bad_register_is_named_at_its_cell_and_nothing_is_written() {
    for (name, said) in [
        (
            "answer-before-meeting",
            vec!["register!Q2: answered on 19.02.2026, before the meeting of 20.02.2026"],
        ),
        ("forwarded-without-body", vec!["register!L3: forwarded on 24.02.2026: name the body it went to"]),
        ("outcome-without-date", vec!["register!Q2: outcome `satisfied` without the day of the answer"]),
        (
            "extension-after-term",
            vec![
                "register!N2: term extended on 17.03.2026, after the 15 working days of APPC art. 76 ended on 16.03.2026",
            ],
        ),
        (
            "unknown-item",
            vec!["register!A2: item 5 is not one of the protocol's items taken for checking (1, 3)"],
        ),
        ("not-a-date", vec!["register!K3: column `forwarded_on`: expected a date"]),
        (
            "every-error",
            vec![
                "register!Q2: answered on 19.02.2026",
                "register!L3: forwarded on 24.02.2026",
                "register!M3: column `notified_on`: expected a date",
            ],
        ),
    ] {
        let dir = tmp();
        let out = dir.path().join("control");
        let ran = esep(&["followup", s(&case(name)), "--as-of", "2026-04-01", "--out", s(&out)]);
        let told = text(&ran);
        assert_eq!(ran.status.code(), Some(1), "{name}: {told}");
        for line in said {
            assert!(told.contains(line), "{name}: `{line}` in {told}");
        }
        assert!(told.contains("nothing written"), "{name}: {told}");
        assert!(!out.exists(), "{name}: something written");
    }
}

#[test]
fn a_register_in_the_input_folder_is_validated_with_it() {
    // Whatever `validate` accepts, `build` builds: a bad register in `followup/` is an error of
    // the input folder, at its cell.
    let dir = tmp();
    let input = dir.path().join("input");
    std::fs::create_dir_all(input.join("followup")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(fixtures_dir().join("valid-small/input.xlsx"), input.join("input.xlsx"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(case("unknown-item"), input.join("followup/DEP.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    let ran = esep(&["validate", s(&input)]);
    assert_eq!(ran.status.code(), Some(1), "{}", text(&ran));
    assert!(text(&ran).contains("followup/DEP.xlsx, register!A2: item 5"), "{}", text(&ran));
}
