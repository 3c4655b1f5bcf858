//! The `esep` binary end to end: demo, build, template, and what reaches the documents.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, open_workbook_auto};

use crate::fixtures::{self, V, fixtures_dir};

pub fn esep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_esep"))
        .args(args)
        .env_remove("ESEP_JOBS")
        // Messages in English whatever the machine's locale; tests of other languages pass `--lang`.
        .env("ESEP_LANG", "en")
        .output()
        .unwrap_or_else(|e| panic!("cannot run esep: {e}"))
}

pub fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[track_caller]
pub fn success(args: &[&str]) -> Output {
    let out = esep(args);
    assert!(out.status.success(), "esep {args:?} failed:\n{}", text(&out));
    out
}

pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("non-UTF-8 path"))
}

/// Text of a PDF.
pub fn pdf_text(path: &Path) -> String {
    crate::pdf::text(path)
}

pub(crate) fn cell(path: &Path, sheet: &str, row: u32, col: u32) -> Data {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let range = wb.worksheet_range(sheet).unwrap_or_else(|e| panic!("{e}"));
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn demo_writes_a_pack_for_every_unit() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["demo", "--out", s(&out), "--quiet"]);
    let units = esep_demo::demo_units();
    assert_eq!(units.len(), 13);
    for unit in &units {
        for file in [
            "report.kk.pdf",
            "report.ru.pdf",
            "slides.kk.pdf",
            "slides.ru.pdf",
            "announcement.kk.pdf",
            "announcement.ru.pdf",
            "protocol.kk.pdf",
            "protocol.ru.pdf",
            "indicators.xlsx",
            "indicators.csv",
            "indicators.json",
        ] {
            let path = out.join(unit).join(file);
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(bytes.len() > 1000, "{} is {} bytes", path.display(), bytes.len());
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("pack.json")).unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(manifest["department"], "SRK");
    assert_eq!(manifest["period"]["year"], 2025);
    assert_eq!(manifest["inputs"].as_array().map(Vec::len), Some(9));
    // The pack carries the demo's inputs, which build again.
    assert!(out.join("input/statistics.xlsx").is_file());
    // Its root holds the department's files and a folder per unit, nothing else (the department
    // workbook's long sheet waits in a temporary file of the pack being written, gone with it).
    let mut root: Vec<String> = std::fs::read_dir(&out)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !units.iter().any(|u| u == name))
        .collect();
    root.sort();
    assert_eq!(
        root,
        [
            "compliance.json",
            "department.xlsx",
            "indicators.csv",
            "indicators.json",
            "input",
            "pack.json",
            "schedule.ics",
            "schedule.kk.pdf",
            "schedule.ru.pdf"
        ]
    );
    // Nothing is left beside the pack.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("pack")]);
}

#[test]
fn demo_report_shows_chapters_and_figures_in_both_languages() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["demo", "--out", s(&out), "--quiet"]);
    let kk = pdf_text(&out.join("SRK/report.kk.pdf"));
    let ru = pdf_text(&out.join("SRK/report.ru.pdf"));
    for heading in
        ["Қызмет көрсетілетін аумақтағы криминогендік жағдай", "Сыбайлас жемқорлық көріністеріне қарсы"]
    {
        assert!(kk.contains(heading), "kk report lacks `{heading}`");
    }
    for heading in [
        "Криминогенная обстановка на обслуживаемой территории",
        "Состояние и результативность работы по противодействию проявлениям коррупции",
    ] {
        assert!(ru.contains(heading), "ru report lacks `{heading}`");
    }
    assert!(kk.contains("Сарыарқа облысының Полиция департаменті"));
    assert!(ru.contains("12 месяцев 2025 года"));
    // The department's registered offences are the sum of its bodies' (from the inputs).
    let data = esep_ingest::load(&out.join("input")).dataset.unwrap_or_else(|| panic!("demo input invalid"));
    let stats = &data.statistics;
    let mut total = 0i64;
    for i in 0..stats.height() {
        let year = stats.column("year").ok().and_then(|c| c.i64().ok()?.get(i));
        let code = stats.column("indicator").ok().and_then(|c| c.str().ok()?.get(i).map(str::to_string));
        if year == Some(2025) && code.as_deref() == Some("registered_total") {
            total += stats.column("value").ok().and_then(|c| c.i64().ok()?.get(i)).unwrap_or(0);
        }
    }
    let shown = esep_render::format::number(total as f64, 0).replace('\u{202f}', " ");
    assert!(ru.contains(&shown), "ru report lacks the department total {shown}");
}

#[test]
fn same_inputs_give_identical_files() {
    let dir = tmp();
    let input = fixtures_dir().join("valid-small");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    // Two workers compile in child processes, one in esep's own: the same bytes either way.
    success(&["build", s(&input), "--out", s(&a), "--quiet", "-j", "2"]);
    success(&["build", s(&input), "--out", s(&b), "--quiet", "-j", "1"]);
    let files = |root: &Path| {
        let mut out = Vec::new();
        let mut dirs = vec![root.to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                if e.path().is_dir() {
                    dirs.push(e.path());
                } else {
                    out.push(e.path().strip_prefix(root).map(Path::to_path_buf).unwrap_or_default());
                }
            }
        }
        out.sort();
        out
    };
    let names = files(&a);
    assert_eq!(names, files(&b));
    assert!(names.len() > 40, "{names:?}");
    for file in
        ["DEP/report.kk.pdf", "DEP-01/report.ru.pdf", "DEP/indicators.xlsx", "indicators.csv", "pack.json"]
    {
        assert!(names.contains(&PathBuf::from(file)), "{file} missing");
    }
    for file in &names {
        let (x, y) = (std::fs::read(a.join(file)), std::fs::read(b.join(file)));
        assert!(x.is_ok() && x.ok() == y.ok(), "{} differs between two runs", file.display());
    }
}

#[test]
fn department_figures_are_recomputed_from_sums() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    let book = out.join("DEP/indicators.xlsx");
    let number = |row: u32, col: u32| match cell(&book, "indicators", row, col) {
        Data::Float(f) => f,
        other => panic!("row {row} col {col}: {other:?}"),
    };
    let code = |row: u32| cell(&book, "indicators", row, 1).to_string();
    let row_of = |c: &str| (1..200).find(|r| code(*r) == c).unwrap_or_else(|| panic!("no row for {c}"));
    // 500 + 260 registered in 2025, 540 + 240 in 2024.
    let r = row_of("crime_registered");
    assert_eq!((number(r, 6), number(r, 5), number(r, 7)), (760.0, 780.0, -20.0));
    assert!((number(r, 8) - (-20.0 / 780.0)).abs() < 1e-12);
    // 760 per 100 000 people → 76.0 per 10 000.
    assert!((number(row_of("crime_rate"), 6) - 76.0).abs() < 1e-9);
    // (300 + 170) / 760, not the mean of 60 % and 65.4 %.
    assert!((number(row_of("clearance"), 6) - 100.0 * 470.0 / 760.0).abs() < 1e-9);
    // Weighted: (1.0 × [5] + 2.0 × [4]) / (1.0 + 3.0 + 2.0) answered; R4 did not answer.
    assert!((number(row_of("trust"), 6) - 50.0).abs() < 1e-9);
    // DEP-01 alone: 1.0 / (1.0 + 3.0).
    let unit_book = out.join("DEP-01/indicators.xlsx");
    let trust_row =
        (1..200).find(|r| cell(&unit_book, "indicators", *r, 1) == Data::String("trust".into())).unwrap_or(0);
    assert_eq!(cell(&unit_book, "indicators", trust_row, 6), Data::Float(25.0));
}

#[test]
fn open_data_twins_match_the_workbook() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    let csv = std::fs::read(out.join("DEP/indicators.csv")).unwrap_or_else(|e| panic!("{e}"));
    let rows = esep_analysis::open_data::from_csv(&csv).unwrap_or_else(|e| panic!("{e}"));
    let catalogue = esep_analysis::Catalogue::builtin();
    let public = catalogue.indicators.iter().filter(|i| !i.restricted).count();
    assert_eq!(public, catalogue.indicators.len() - 2);
    assert_eq!(rows.len(), public);
    let row = |code: &str| rows.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("{code}"));
    assert_eq!(
        (row("crime_registered").current, row("crime_registered").previous),
        (Some(760.0), Some(780.0))
    );
    assert_eq!(row("crime_registered").item, 1);
    assert_eq!(row("crime_registered").assessment, Some(esep_analysis::Assessment::Better));
    assert!((row("clearance").current.unwrap_or(0.0) - 100.0 * 470.0 / 760.0).abs() < 1e-9);
    // Restricted figures, and those that would reveal one, are not open data (rule 3).
    assert!(
        !rows
            .iter()
            .any(|r| r.restricted || r.code == "interrupted_unidentified" || r.code == "clearance_ended")
    );
    // The root file holds every unit; the JSON twin holds the same rows.
    let all = std::fs::read(out.join("indicators.csv")).unwrap_or_else(|e| panic!("{e}"));
    let all = esep_analysis::open_data::from_csv(&all).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 3 * public);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("DEP/indicators.json")).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["figures"].as_array().map(Vec::len), Some(rows.len()));
    assert_eq!(json["figures"][0]["code"], "crime_registered");
    assert_eq!(json["figures"][0]["current"], 760.0);
    assert_eq!(json["settings"]["appeals"]["term_working_days"], 15);
    // Written row by row, the files read as a tree of them writes them: every object's keys in
    // alphabetical order, two spaces of indent, a final newline.
    for file in ["indicators.json", "DEP/indicators.json"] {
        let bytes = std::fs::read(out.join(file)).unwrap_or_default();
        let tree: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let mut again = serde_json::to_vec_pretty(&tree).unwrap_or_default();
        again.push(b'\n');
        assert!(bytes == again, "{file} is not as its tree writes it");
    }
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(
            &std::fs::read(out.join("indicators.json")).unwrap_or_default()
        )
        .unwrap_or_default()["figures"]
            .as_array()
            .map(Vec::len),
        Some(3 * public)
    );
    let text = String::from_utf8(csv).unwrap_or_default();
    assert!(!text.contains("NaN") && !text.contains("inf"));
}

#[test]
fn restricted_figures_stay_in_the_headquarters_workbook() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    let ru = pdf_text(&out.join("DEP/report.ru.pdf"));
    assert!(ru.contains("Раскрываемость"), "{ru}");
    assert!(!ru.contains("Прервано за неустановлением лица"), "restricted figure published");
    // The unit's workbook is published beside its open data: no restricted row.
    let book = out.join("DEP/indicators.xlsx");
    let row = (1..200)
        .find(|r| cell(&book, "indicators", *r, 1) == Data::String("interrupted_unidentified".into()));
    assert_eq!(row, None, "a restricted figure in the unit's workbook");
    // Headquarters' workbook keeps it and says first that it is for official use.
    let dept = out.join("department.xlsx");
    let first = open_workbook_auto(&dept).map(|wb| wb.sheet_names()).unwrap_or_default();
    assert_eq!(first.first().map(String::as_str), Some("official use"));
    assert_eq!(cell(&dept, "official use", 0, 0), Data::String("For official use only".into()));
    assert_eq!(cell(&dept, "official use", 5, 0), Data::String("clearance_ended".into()));
    assert_eq!(cell(&dept, "official use", 5, 2), Data::String("interrupted_unidentified".into()));
}

#[test]
fn settings_file_changes_the_appeal_term() {
    let dir = tmp();
    let settings = dir.path().join("settings.toml");
    let changed =
        esep_analysis::settings::SETTINGS_TOML.replace("term_working_days = 15", "term_working_days = 1");
    std::fs::write(&settings, changed).unwrap_or_else(|e| panic!("{e}"));
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&a), "--quiet"]);
    success(&[
        "build",
        s(&fixtures_dir().join("valid-small")),
        "--out",
        s(&b),
        "--quiet",
        "--settings",
        s(&settings),
    ]);
    let on_time = |pack: &Path| {
        let rows = esep_analysis::open_data::from_csv(
            &std::fs::read(pack.join("DEP/indicators.csv")).unwrap_or_default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        rows.into_iter().find(|r| r.code == "appeals_on_time").and_then(|r| r.current)
    };
    assert!(on_time(&a) > on_time(&b), "{:?} vs {:?}", on_time(&a), on_time(&b));
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[appeals]\n").unwrap_or_else(|e| panic!("{e}"));
    let failed =
        esep(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&a), "--settings", s(&bad)]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(text(&failed).contains("bad.toml"), "{}", text(&failed));
}

#[test]
fn failed_build_leaves_the_previous_pack_untouched() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    let before = std::fs::read(out.join("DEP/report.kk.pdf")).unwrap_or_else(|e| panic!("{e}"));
    let failed = esep(&["build", s(&fixtures_dir().join("invalid/wrong-type")), "--out", s(&out)]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(text(&failed).contains("input.xlsx, statistics!E2: column `value`"), "{}", text(&failed));
    assert!(text(&failed).contains("nothing was written"));
    assert_eq!(std::fs::read(out.join("DEP/report.kk.pdf")).ok(), Some(before));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "left behind: {names:?}");
}

#[test]
fn build_refuses_to_replace_a_folder_that_is_not_a_pack() {
    let dir = tmp();
    std::fs::write(dir.path().join("thesis.docx"), b"precious").unwrap_or_else(|e| panic!("{e}"));
    let out = esep(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("is not an esep pack: refusing to replace it"), "{}", text(&out));
    assert!(dir.path().join("thesis.docx").is_file());
}

#[test]
fn validate_exit_codes_and_formats() {
    let ok = esep(&["validate", s(&fixtures_dir().join("valid-small"))]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));
    let warn = esep(&["validate", s(&fixtures_dir().join("invalid/spent-gt-allocated"))]);
    assert_eq!(warn.status.code(), Some(0), "warnings do not fail: {}", text(&warn));
    assert!(
        String::from_utf8_lossy(&warn.stdout)
            .starts_with("warning[W-SPENT-GT-ALLOCATED]: input.xlsx, funding!E2: spent > allocated")
    );
    let bad = esep(&["validate", s(&fixtures_dir().join("invalid/likert-out-of-range")), "--format", "json"]);
    assert_eq!(bad.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["file"], "input.xlsx");
    assert_eq!(json[0]["sheet"], "survey");
    assert_eq!(json[0]["cell"], "G3");
    assert_eq!(json[0]["code"], "E-LIKERT");
    assert!(json[0]["message"].as_str().unwrap_or_default().starts_with("column `trust`"), "{json}");
}

#[test]
fn non_spreadsheet_input_gives_a_clear_error_and_no_panic() {
    for case in ["corrupt-file", "empty-file"] {
        let out = esep(&["validate", s(&fixtures_dir().join("invalid").join(case))]);
        assert_eq!(out.status.code(), Some(1), "{case}");
        let all = text(&out);
        assert!(!all.contains("panicked"), "{case}: {all}");
        assert_eq!(all.lines().filter(|l| l.starts_with("error[")).count(), 1, "{case}: {all}");
    }
}

/// Writes the valid base with hostile text in cells that reach the documents.
fn injected_input(dir: &Path) -> PathBuf {
    let mut book = fixtures::base();
    for sheet in &mut book {
        match sheet.name.as_str() {
            "units" => sheet.rows[0][4] = V::S("=HYPERLINK(\"http://evil.example\",\"click\")"),
            "narrative" => {
                sheet.rows[0][2] = V::S("#read(\"/etc/passwd\") and $x$ here");
                sheet.rows[0][3] = V::S("#read(\"/etc/passwd\") и $x$ тут");
            }
            _ => {}
        }
    }
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(input.join("input.xlsx"), fixtures::workbook_bytes(&book))
        .unwrap_or_else(|e| panic!("{e}"));
    input
}

#[test]
fn injected_text_stays_literal() {
    let dir = tmp();
    let input = injected_input(dir.path());
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let ru = crate::pdf::squeezed(&pdf_text(&out.join("DEP/report.ru.pdf")));
    assert!(ru.contains("#read(\"/etc/passwd\")и$x$тут"), "{ru}");
    assert!(ru.contains("=HYPERLINK(\"http://evil.example\",\"click\")"), "{ru}");
    assert!(!ru.contains("root:x:0:0"));
    let kk = crate::pdf::squeezed(&pdf_text(&out.join("DEP/report.kk.pdf")));
    assert!(kk.contains("#read(\"/etc/passwd\")and$x$here"), "{kk}");
    // In the workbook the name is a string, not a formula.
    assert_eq!(
        cell(&out.join("DEP/indicators.xlsx"), "about", 2, 1),
        Data::String("=HYPERLINK(\"http://evil.example\",\"click\")".into())
    );
    // So in the department workbook, on the item sheets and in the long `data` sheet.
    let dept = out.join("department.xlsx");
    assert_eq!(
        cell(&dept, "1 crime", 1, 3),
        Data::String("=HYPERLINK(\"http://evil.example\",\"click\")".into())
    );
    assert_eq!(
        cell(&dept, "data", 1, 2),
        Data::String("=HYPERLINK(\"http://evil.example\",\"click\")".into())
    );
    // And the slides print it literally too.
    let slides = pdf_text(&out.join("DEP/slides.ru.pdf"));
    assert!(slides.contains("=HYPERLINK(\"http://evil.example\",\"click\")"), "{slides}");
}

#[test]
fn kazakh_letters_reach_the_pdf_with_embedded_fonts() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    let pdf = out.join("DEP/report.kk.pdf");
    let kk = pdf_text(&pdf);
    for word in
        ["Сынақ облысының", "Қызмет көрсетілетін", "Әлиев Әлібек", "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"]
    {
        assert!(kk.contains(word), "kk report lacks `{word}`");
    }
    let fonts = crate::pdf::fonts(&pdf);
    assert!(fonts.len() >= 3, "{fonts:?}");
    for (name, embedded) in fonts {
        assert!(embedded, "font not embedded: {name}");
    }
}

#[test]
fn help_explains_each_command() {
    let help = success(&["--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for command in ["template", "validate", "build", "demo", "generate"] {
        assert!(help.contains(command), "--help lacks {command}");
    }
    let build = success(&["build", "--help"]);
    let build = String::from_utf8_lossy(&build.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(build.contains("previous pack untouched"), "{build}");
    assert!(build.contains("--settings") && build.contains("--templates"), "{build}");
}

#[test]
fn blank_templates_are_written_all_or_none() {
    // The last workbook cannot be written (here its file beside is a folder; on a full disk,
    // the same): none of the others is left either, whole or cut short.
    let dir = tmp();
    let blank = dir.path().join("blank");
    let last = esep_ingest::SOURCES.last().map(|s| s.name).unwrap_or_default();
    std::fs::create_dir_all(blank.join(format!(".{last}.xlsx.partial"))).unwrap_or_else(|e| panic!("{e}"));
    let run = esep(&["template", "--out", s(&blank), "--lang", "en"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert!(
        text(&run).contains(&format!("cannot write `{}`", blank.join(format!("{last}.xlsx")).display())),
        "{}",
        text(&run)
    );
    let left: Vec<String> = std::fs::read_dir(&blank)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    assert_eq!(left, [format!(".{last}.xlsx.partial")]);
}

#[test]
fn blank_templates_have_headers_and_explanations() {
    let dir = tmp();
    let blank = dir.path().join("blank");
    success(&["template", "--out", s(&blank), "--lang", "ru", "--quiet"]);
    for source in esep_ingest::SOURCES {
        let path = blank.join(format!("{}.xlsx", source.name));
        assert!(path.is_file(), "{}", path.display());
        // Headers are the Russian aliases, and the about sheet explains each column.
        assert_eq!(cell(&path, source.name, 0, 0).to_string(), source.columns[0].ru);
        assert_eq!(cell(&path, "about", 5, 0).to_string(), source.columns[0].id);
    }
    // A blank template is well-formed but empty: no statistics means no period.
    let empty = esep(&["validate", s(&blank)]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(text(&empty).contains("no statistical data"), "{}", text(&empty));
}
