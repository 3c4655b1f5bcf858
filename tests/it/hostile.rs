//! Hostile and careless input (issue 10): large departments, codes that try to be paths,
//! text no font shows, formulas in open data, restricted figures, huge counts, zip bombs,
//! far-away cells, killed and concurrent builds, a closed pipe.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use calamine::{Reader, open_workbook_auto};

use crate::cli::{esep, pdf_text, s, success, text, tmp};
use crate::fixtures::{self, Book, V};

/// Writes `book` as `dir/input/input.xlsx` and returns the folder.
fn input(dir: &Path, book: &Book) -> PathBuf {
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(input.join("input.xlsx"), fixtures::workbook_bytes(book))
        .unwrap_or_else(|e| panic!("{e}"));
    input
}

/// `esep ARGS` started in English, its output dropped and its errors sent to `stderr`.
fn running(args: &[&str], stderr: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_esep"))
        .env("ESEP_LANG", "en")
        .args(args)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The valid base with every `DEP-02` (code and references) replaced by `code`.
fn renamed(code: &str) -> Book {
    let mut book = fixtures::base();
    for sheet in &mut book {
        for row in &mut sheet.rows {
            for cell in row.iter_mut() {
                if matches!(cell, V::S("DEP-02")) {
                    *cell = V::T(code.to_string());
                }
            }
        }
    }
    book
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_department_of_sixty_bodies_builds_and_its_rankings_keep_to_the_page() {
    // Issue 10: from about 37 bodies every build overflowed its stack.
    let dir = tmp();
    let (input, out) = (dir.path().join("input"), dir.path().join("pack"));
    success(&["generate", "--bodies", "60", "--out", s(&input)]);
    let mut build = running(&["build", s(&input), "--out", s(&out), "--quiet", "-j", "2"], Stdio::piped());
    // A department of more than 40 units compiles in esep's own process: two children, each
    // keeping the memory of its largest compile, would need half as much again.
    #[cfg(target_os = "linux")]
    let mut children = 0;
    #[cfg(target_os = "linux")]
    while build.try_wait().is_ok_and(|done| done.is_none()) {
        children += children_with(build.id(), "--typst-compiler").len();
        std::thread::sleep(Duration::from_millis(20));
    }
    let run = build.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    #[cfg(target_os = "linux")]
    assert_eq!(children, 0);
    let units: Vec<String> = entries(&out).into_iter().filter(|n| n.starts_with("SRK")).collect();
    assert_eq!(units.len(), 61, "{units:?}");
    for unit in &units {
        assert_eq!(
            entries(&out.join(unit)).len(),
            12,
            "{unit}: 8 PDFs, a workbook and its twins, the protocol workbook"
        );
    }
    let csv = std::fs::read(out.join("indicators.csv")).unwrap_or_default();
    let rows = esep_analysis::open_data::from_csv(&csv).unwrap_or_else(|e| panic!("{e}"));
    let public = esep_analysis::Catalogue::builtin().indicators.iter().filter(|i| !i.restricted).count();
    assert_eq!(rows.len(), 61 * public);

    // Its 55 rural districts are ranked on charts that keep to their page or slide: the first
    // and the last ones, the unit itself with its neighbours, and how many are left out between
    // (drawn whole, the 55 bars ran past the report's page and over the slide's footer).
    let page_with = |pdf: &str, words: &[&str]| -> String {
        let pages = crate::pdf::page_texts(&out.join(pdf));
        pages
            .iter()
            .find(|p| words.iter().all(|w| p.contains(w)))
            .cloned()
            .unwrap_or_else(|| panic!("{pdf}: no page with {words:?}"))
    };
    let omitted = |page: &str| -> Vec<usize> {
        page.lines().filter_map(|l| l.split("ещё подразделений: ").nth(1)?.trim().parse().ok()).collect()
    };
    // The department's report: 12 best, 11 worst (24 rows); its slide: 8 and 7 (16 rows).
    let reference = "Департамент полиции Сарыаркинской области: 71,9";
    let report = page_with("SRK/report.ru.pdf", &["По подразделениям", "районы", reference]);
    assert_eq!(omitted(&report), [32]);
    let slide = page_with("SRK/slides.ru.pdf", &["По подразделениям", "районы"]);
    assert_eq!(omitted(&slide), [40]);
    // The best, the last but one; the 9th is on the report's page only.
    assert!(slide.contains("Теректинского района № 2") && slide.contains("Зерендинского района"), "{slide}");
    assert!(report.contains("Шалкарского района") && !slide.contains("Шалкарского района"), "{slide}");
    // A district 26th of 55: the 6 best, 25th to 27th, the 5 worst (on its report's page: 10, 3
    // and 9).
    let slide = page_with("SRK-D033/slides.ru.pdf", &["26-е место из 55"]);
    assert_eq!(omitted(&slide), [18, 23]);
    assert!(slide.contains("Отдел полиции Жанаркинского района № 2"), "{slide}");
    let report = page_with("SRK-D033/report.ru.pdf", &["Место среди подразделений", reference]);
    assert_eq!(omitted(&report), [14, 19]);
    let slide = page_with("SRK-D033/slides.kk.pdf", &["26-орын"]);
    assert!(slide.contains("… тағы 18 бөлініс") && slide.contains("… тағы 23 бөлініс"), "{slide}");
}

#[test]
fn unit_codes_never_become_paths() {
    let dir = tmp();
    let outside = dir.path().join("outside");
    let long = "D".repeat(300);
    let cases: [(&str, &str); 6] = [
        (s(&outside), "U+002F «/» is not allowed in a code"),
        ("../x", "U+002E «.» is not allowed in a code"),
        (".", "U+002E «.» is not allowed in a code"),
        ("a\u{0}b", "U+0000 is not allowed in a code"),
        ("NUL", "`NUL` is a name Windows reserves for a device"),
        (&long, "300 characters, expected at most 32"),
    ];
    for (code, why) in cases {
        let case = tmp();
        let folder = input(case.path(), &renamed(code));
        let run = esep(&["validate", s(&folder)]);
        assert_eq!(run.status.code(), Some(1), "{code:?}: {}", text(&run));
        let said = text(&run);
        assert!(said.contains(&format!("input.xlsx, units!A4: column `code`: {why}")), "{code:?}: {said}");
        let out = case.path().join("pack");
        let run = esep(&["build", s(&folder), "--out", s(&out)]);
        assert_eq!(run.status.code(), Some(1), "{code:?}");
        assert!(text(&run).contains("nothing was written"));
        assert_eq!(entries(case.path()), ["input"], "{code:?}: something was written");
    }
    assert!(!outside.exists(), "a unit's documents were written outside the pack");
}

#[test]
fn form_1m_manifest_names_only_files_inside_the_input_folder() {
    let dir = tmp();
    let folder = input(dir.path(), &fixtures::base());
    // A real workbook beside the input folder: `../` would reach it.
    std::fs::write(dir.path().join("secret.xlsx"), fixtures::workbook_bytes(&fixtures::base()))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        folder.join("form-1m.toml"),
        "[[file]]\npath = \"/etc/passwd\"\nunit = \"DEP-01\"\nperiod = \"2025-12\"\n\n\
         [[file]]\npath = \"../secret.xlsx\"\nunit = \"DEP-01\"\nperiod = \"2025-12\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = esep(&["validate", s(&folder)]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    let said = text(&run);
    assert!(
        said.contains("form-1m.toml: file `/etc/passwd`: `/etc/passwd` is outside the input folder"),
        "{said}"
    );
    assert!(said.contains("file `../secret.xlsx`: `../secret.xlsx` is outside the input folder"), "{said}");
    assert!(!said.contains("cannot read"), "a file outside the folder was opened: {said}");
}

/// Text that `validate` must refuse at its cell, or that `build` must then build.
#[test]
fn what_validate_accepts_build_builds() {
    let refused: Vec<(&str, usize, usize, String, &str)> = vec![
        ("narrative", 0, 3, "Закон 🚓 қабылданды".into(), "U+1F693 «🚓»"),
        ("units", 1, 4, "Отдел 警察".into(), "U+8B66 «警»"),
        ("narrative", 0, 3, "abc\u{7}def".into(), "U+0007"),
        ("units", 1, 3, "\u{feff}Бірінші".into(), "U+FEFF"),
        ("units", 1, 4, "Отдел\u{200b}полиции".into(), "U+200B"),
        ("narrative", 0, 2, "\u{202e}текст".into(), "U+202E"),
        // Excel's cell limit; longer text cannot be typed, and would be refused the same way.
        ("narrative", 0, 3, "ж".repeat(32_767), "32767 characters, expected at most 10000"),
        ("narrative", 0, 3, format!("Сөз {}", "ж".repeat(5_000)), "a word of 5000 characters"),
        ("units", 1, 4, "Ә".repeat(32_767), "32767 characters, expected at most 300"),
    ];
    for (sheet, row, col, value, why) in refused {
        let dir = tmp();
        let mut book = fixtures::base();
        fixtures::set(&mut book, sheet, row, col, V::T(value.clone()));
        let folder = input(dir.path(), &book);
        let run = esep(&["validate", s(&folder)]);
        let said = text(&run);
        assert_eq!(run.status.code(), Some(1), "{why}: {said}");
        let cell = format!("input.xlsx, {sheet}!{}{}:", char::from(b'A' + col as u8), row + 2);
        assert!(said.contains(&cell) && said.contains(why), "{cell} {why}: {said}");
    }
    // Exotic but printable: accepted, and then built.
    let accepted: Vec<(&str, usize, usize, &str)> = vec![
        ("narrative", 0, 3, "Ударе\u{301}ние, № 5 — «цитата» ‹…› 12 ₸ ≤ 15 €"),
        ("units", 1, 4, "Отдел полиции района Ақсу-2 (бывш. «Ертіс»)"),
        ("narrative", 0, 2, "https://www.gov.kz/memleket/entities/qriim/press/news/details/123456?lang=kk"),
        ("units", 1, 6, "O'Brien Жан-Пьер"),
    ];
    let dir = tmp();
    let mut book = fixtures::base();
    for (sheet, row, col, value) in accepted {
        fixtures::set(&mut book, sheet, row, col, V::S(value));
    }
    let folder = input(dir.path(), &book);
    success(&["validate", s(&folder)]);
    let out = dir.path().join("pack");
    success(&["build", s(&folder), "--out", s(&out), "--quiet"]);
    assert!(pdf_text(&out.join("DEP/report.ru.pdf")).contains("«цитата»"));
}

#[test]
fn open_data_never_runs_as_a_formula() {
    let dir = tmp();
    let mut book = fixtures::base();
    fixtures::set(&mut book, "units", 1, 4, V::S("=HYPERLINK(\"http://example.invalid\",\"click\")"));
    fixtures::set(&mut book, "units", 2, 4, V::S("@SUM(1+1)"));
    fixtures::set(&mut book, "units", 2, 3, V::S("-2+3"));
    let folder = input(dir.path(), &book);
    let out = dir.path().join("pack");
    success(&["build", s(&folder), "--out", s(&out), "--quiet"]);
    let csv =
        String::from_utf8(std::fs::read(out.join("indicators.csv")).unwrap_or_default()).unwrap_or_default();
    let mut fields = csv::Reader::from_reader(csv.as_bytes());
    let starts: Vec<char> = fields
        .records()
        .flatten()
        .flat_map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
        .filter_map(|f| f.chars().next())
        .collect();
    // Negative numbers stay numbers; no text field starts a formula.
    for record in csv::Reader::from_reader(csv.as_bytes()).records().flatten() {
        for field in record.iter() {
            let formula = field.starts_with(['=', '+', '@', '\t', '\r'])
                || (field.starts_with('-') && field.parse::<f64>().is_err());
            assert!(!formula, "`{field}` would run in a spreadsheet");
        }
    }
    assert!(starts.contains(&'\''));
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\""), "{csv}");
    assert!(csv.contains(",'@SUM(1+1),") && csv.contains(",'-2+3,"), "{csv}");
    // Reading the open data back gives the names as typed.
    let rows = esep_analysis::open_data::from_csv(csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(rows.iter().any(|r| &*r.unit_ru == "@SUM(1+1)"));
    // Workbooks hold the name as a string cell, never a formula.
    for book in [out.join("department.xlsx"), out.join("DEP-01/indicators.xlsx")] {
        let mut wb = open_workbook_auto(&book).unwrap_or_else(|e| panic!("{e}"));
        for sheet in wb.sheet_names() {
            let formulas = wb.worksheet_formula(&sheet).unwrap_or_default();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "{}: formula in {sheet}",
                book.display()
            );
        }
    }
}

/// Every public file of a pack: open data and unit workbooks as values, PDFs as text without
/// the inputs' digests (which differ whenever an input does).
fn public_view(pack: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![pack.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).flatten() {
            let path = entry.path();
            let name = path.strip_prefix(pack).map(|p| p.display().to_string()).unwrap_or_default();
            if path.is_dir() {
                stack.push(path);
            } else if name == "pack.json" {
                continue; // the pack's manifest: the inputs' digests, no figure
            } else if name.ends_with(".csv") || name.ends_with(".json") {
                out.push((
                    name,
                    String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned(),
                ));
            } else if name.ends_with(".pdf") {
                let text = pdf_text(&path);
                let kept: Vec<&str> =
                    text.lines().filter(|l| !l.contains("input.xlsx") && !l.trim().is_empty()).collect();
                out.push((name, kept.join("\n")));
            } else if name.ends_with("indicators.xlsx") {
                let mut wb = open_workbook_auto(&path).unwrap_or_else(|e| panic!("{e}"));
                for sheet in wb.sheet_names().into_iter().filter(|s| s != "about") {
                    let range = wb.worksheet_range(&sheet).unwrap_or_default();
                    out.push((format!("{name}:{sheet}"), format!("{:?}", range.rows().collect::<Vec<_>>())));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_restricted_value_can_be_computed_from_the_public_files() {
    // Two departments that differ only in the restricted count (interrupted cases, person
    // not identified): every public file must be the same, so nothing in them depends on it.
    let with = |values: [f64; 4]| {
        let mut book = fixtures::base();
        let stats = fixtures::find(&mut book, "statistics");
        for ((unit, year), v) in
            [("DEP-01", 2025.0), ("DEP-01", 2024.0), ("DEP-02", 2025.0), ("DEP-02", 2024.0)]
                .into_iter()
                .zip(values)
        {
            stats.rows.push(vec![
                V::S(unit),
                V::N(year),
                V::N(12.0),
                V::S("interrupted_unidentified"),
                V::N(v),
            ]);
        }
        book
    };
    let dir = tmp();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let (in_a, in_b) =
        (input(&a, &with([120.0, 90.0, 40.0, 35.0])), input(&b, &with([7.0, 300.0, 1.0, 0.0])));
    let (pack_a, pack_b) = (a.join("pack"), b.join("pack"));
    success(&["build", s(&in_a), "--out", s(&pack_a), "--quiet"]);
    success(&["build", s(&in_b), "--out", s(&pack_b), "--quiet"]);
    let (view_a, view_b) = (public_view(&pack_a), public_view(&pack_b));
    assert!(view_a.len() > 30, "{}", view_a.len());
    for ((name, x), (_, y)) in view_a.iter().zip(&view_b) {
        assert_eq!(x, y, "{name} depends on a restricted figure");
    }
    assert_eq!(view_a.len(), view_b.len());
    // The test can fail: headquarters' workbook does differ.
    let hq = |p: &Path| crate::workbooks::read_data_sheet(&p.join("department.xlsx"));
    let pick = |rows: Vec<esep_analysis::Figure>| {
        rows.into_iter()
            .find(|r| r.unit == "DEP" && r.code == "interrupted_unidentified")
            .and_then(|r| r.current)
    };
    assert_eq!((pick(hq(&pack_a)), pick(hq(&pack_b))), (Some(160.0), Some(8.0)));
}

#[test]
fn counts_of_a_trillion_are_tested_at_once() {
    // Issue 10: the change test looped over the smaller count.
    let dir = tmp();
    let mut book = fixtures::base();
    let stats = fixtures::find(&mut book, "statistics");
    for row in &mut stats.rows {
        if let (V::S("registered_total"), V::N(v)) = (&row[3], &row[4]) {
            row[4] = V::N(v * 1e9 + 7.0);
        }
    }
    let folder = input(dir.path(), &book);
    let out = dir.path().join("pack");
    success(&["build", s(&folder), "--out", s(&out), "--quiet"]);
    let csv = std::fs::read(out.join("DEP/indicators.csv")).unwrap_or_default();
    let rows = esep_analysis::open_data::from_csv(&csv).unwrap_or_else(|e| panic!("{e}"));
    let reg =
        rows.iter().find(|r| r.code == "crime_registered").unwrap_or_else(|| panic!("crime_registered"));
    assert_eq!((reg.current, reg.previous), (Some(760e9 + 14.0), Some(780e9 + 14.0)));
    // 760·10⁹ against 780·10⁹: z ≈ 2·10¹⁰ / √(1.54·10¹²) ≈ 16 000, p underflows to 0.
    assert_eq!(reg.p_value, Some(0.0));
}

/// A zip archive of the given entries, deflated at the highest level.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for (name, bytes) in entries {
        w.start_file(*name, opts).unwrap_or_else(|e| panic!("{e}"));
        w.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    w.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

#[test]
fn zip_bombs_are_refused_by_name() {
    let dir = tmp();
    let folder = input(dir.path(), &fixtures::base());
    // 600 MB of shared strings in about 600 KB.
    let spaces = vec![b' '; 600 << 20];
    std::fs::write(folder.join("bomb.xlsx"), zip_of(&[("xl/sharedStrings.xml", &spaces)]))
        .unwrap_or_else(|e| panic!("{e}"));
    // An OpenDocument sheet whose one cell repeats over a million rows and every column.
    let ods = br#"<office:document-content><office:body><office:spreadsheet><table:table table:name="media">
        <table:table-row table:number-rows-repeated="1000000">
        <table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>
        </table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    std::fs::write(
        folder.join("repeats.ods"),
        zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", ods)]),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = esep(&["validate", s(&folder)]);
    let said = text(&run);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error[E-WORKBOOK-REFUSED]: bomb.xlsx: refusing to open the workbook: the part `xl/sharedStrings.xml` expands to 600 MB"),
        "{said}"
    );
    assert!(
        said.contains("error[E-WORKBOOK-REFUSED]: repeats.ods: refusing to open the workbook: a sheet repeats its cells to 16384000000 cells"),
        "{said}"
    );
}

#[test]
fn cells_far_to_the_right_cost_nothing() {
    let dir = tmp();
    let mut book = fixtures::base();
    // A header running to column XFD, and a stray value in XFD of a data row.
    let survey = fixtures::find(&mut book, "survey");
    let extra: Vec<&'static str> =
        (0..16_372).map(|k| &*Box::leak(format!("x{k}").into_boxed_str())).collect();
    survey.headers.extend(extra);
    let last = survey.headers.len() - 1;
    assert_eq!(last, 16_383);
    survey.rows[0].resize(last + 1, V::E);
    survey.rows[0][last] = V::N(1.0);
    let folder = input(dir.path(), &book);
    let run = success(&["validate", s(&folder)]);
    let said = text(&run);
    let warnings: Vec<&str> = said.lines().filter(|l| l.starts_with("warning[")).collect();
    assert_eq!(warnings.len(), 6, "{said}");
    assert!(
        said.contains(
            "survey!R1: 16367 more columns up to XFD1 are not in the contract of `survey` and are ignored"
        ),
        "{said}"
    );
}

#[test]
fn a_killed_build_leaves_nothing_behind_the_next_one() {
    let dir = tmp();
    let (input, out) = (dir.path().join("input"), dir.path().join("pack"));
    success(&["generate", "--out", s(&input)]);
    let mut child = running(&["build", s(&input), "--out", s(&out), "--quiet"], Stdio::null());
    let started = Instant::now();
    let staging = |d: &Path| entries(d).into_iter().filter(|n| n.starts_with(".esep-build-")).count();
    // Wait for the first documents in the staging folder, then kill -9.
    while started.elapsed() < Duration::from_secs(120) {
        let written = entries(dir.path())
            .iter()
            .filter(|n| n.starts_with(".esep-build-"))
            .any(|n| !entries(&dir.path().join(n)).is_empty());
        if written {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = child.wait();
    assert_eq!(staging(dir.path()), 1, "{:?}", entries(dir.path()));
    assert!(!out.exists());
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    assert_eq!(entries(dir.path()), ["input", "pack"], "stale staging or lock left");
}

/// Whether a build's staging folder in `dir` holds a unit's PDF.
fn staging_has_a_pdf(dir: &Path) -> bool {
    entries(dir)
        .iter()
        .filter(|n| n.starts_with(".esep-build-"))
        .flat_map(|n| entries(&dir.join(n)).into_iter().map(move |u| dir.join(n).join(u)))
        .any(|unit| entries(&unit).iter().any(|f| f.ends_with(".pdf")))
}

/// Interrupts `build` once its staging folder in `dir` holds a PDF: what it said, and its
/// exit code.
#[cfg(unix)]
fn interrupt_when_writing(dir: &Path, build: std::process::Child) -> (String, Option<i32>) {
    let started = Instant::now();
    loop {
        if staging_has_a_pdf(dir) || started.elapsed() > Duration::from_secs(120) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let sent = Command::new("kill").args(["-INT", &build.id().to_string()]).status();
    assert!(sent.is_ok_and(|s| s.success()));
    let run = build.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    (String::from_utf8_lossy(&run.stderr).into_owned(), run.status.code())
}

#[cfg(unix)]
#[test]
fn an_interrupted_build_removes_what_it_wrote_and_keeps_the_earlier_pack() {
    // Ctrl-C in the middle of a build: the unfinished pack, its staging folder and its lock go,
    // exit 130; a pack already in place stays as it was.
    let dir = tmp();
    let (input, out) = (dir.path().join("input"), dir.path().join("pack"));
    success(&["generate", "--out", s(&input)]);
    let removed =
        "stopped: the unfinished pack was removed; a pack that was already in its place is as it was";
    let first = running(&["build", s(&input), "--out", s(&out), "--quiet", "-j", "2"], Stdio::piped());
    let (said, code) = interrupt_when_writing(dir.path(), first);
    assert_eq!(code, Some(130), "{said}");
    assert!(said.contains(removed), "{said}");
    assert_eq!(entries(dir.path()), ["input"], "{said}");

    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let before = std::fs::read(out.join("pack.json")).unwrap_or_else(|e| panic!("{e}"));
    let again = running(&["build", s(&input), "--out", s(&out), "--quiet", "--force"], Stdio::piped());
    let (said, code) = interrupt_when_writing(dir.path(), again);
    assert_eq!(code, Some(130), "{said}");
    assert!(said.contains(removed), "{said}");
    assert_eq!(entries(dir.path()), ["input", "pack"], "{said}");
    assert_eq!(std::fs::read(out.join("pack.json")).ok(), Some(before));
}

/// The processes whose parent is `pid` and whose command line holds `arg`.
#[cfg(target_os = "linux")]
fn children_with(pid: u32, arg: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok());
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if ppid == Some(pid) && cmdline.split(|b| *b == 0).any(|a| a == arg.as_bytes()) {
            out.push(p);
        }
    }
    out
}

#[cfg(target_os = "linux")]
#[test]
fn a_killed_compiling_process_fails_the_build_and_leaves_nothing() {
    // With several workers, each compiles its documents in a child `esep`; one killed (out of
    // memory, say) fails its document and so the department: no pack, a message, exit 1.
    let dir = tmp();
    let (input, out) = (dir.path().join("input"), dir.path().join("pack"));
    success(&["generate", "--bodies", "30", "--out", s(&input)]);
    let build = running(&["build", s(&input), "--out", s(&out), "--quiet", "-j", "2"], Stdio::piped());
    // Once the first PDFs are in the staging folder, both children have started and greeted
    // (a child that cannot start leaves its compiles to esep itself, which is not this case).
    let started = Instant::now();
    let compilers = loop {
        let pdfs = staging_has_a_pdf(dir.path());
        let found = children_with(build.id(), "--typst-compiler");
        if (pdfs && found.len() == 2) || started.elapsed() > Duration::from_secs(120) {
            break found;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(compilers.len(), 2, "compiling children of esep build -j 2");
    let killed = Command::new("kill").args(["-9", &compilers[0].to_string()]).status();
    assert!(killed.is_ok_and(|s| s.success()));
    let run = build.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let said = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(said.contains("the compiling process failed") && said.contains("SIGKILL"), "{said}");
    assert!(!out.exists());
    // The other child does not outlive the build.
    assert!(!Path::new(&format!("/proc/{}", compilers[1])).exists(), "child {} still runs", compilers[1]);
}

#[test]
fn a_second_build_into_the_same_pack_stops_at_once() {
    let dir = tmp();
    let (input, out) = (dir.path().join("input"), dir.path().join("pack"));
    success(&["generate", "--out", s(&input)]);
    let mut first = running(&["build", s(&input), "--out", s(&out), "--quiet", "-j", "1"], Stdio::null());
    let lock = dir.path().join(".pack.esep-lock");
    let started = Instant::now();
    while !std::fs::read_to_string(&lock).is_ok_and(|t| t.starts_with("process"))
        && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(10));
    }
    let second = esep(&["build", s(&input), "--out", s(&out)]);
    let said = text(&second);
    assert_eq!(second.status.code(), Some(1), "{said}");
    assert!(said.contains(&format!("another esep build (process {}) is writing", first.id())), "{said}");
    assert!(first.wait().is_ok_and(|s| s.success()));
    assert!(out.join("pack.json").is_file());
}

#[test]
fn a_closed_standard_error_loses_the_messages_not_the_build() {
    // `esep build … 2>&-`, or a service that keeps no log: what esep says cannot be written,
    // and the pack is still built (it ended in a panic, exit 101, after writing it).
    let dir = tmp();
    let (input, out) = (dir.path().join("input"), dir.path().join("pack"));
    success(&["generate", "--out", s(&input)]);
    for args in [vec!["validate", s(&input)], vec!["build", s(&input), "--out", s(&out)]] {
        let mut child = running(&args, Stdio::piped());
        drop(child.stderr.take());
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
    assert!(out.join("pack.json").is_file());
}

#[test]
fn a_closed_pipe_ends_validate_quietly() {
    // `esep validate … | head -1`: the reader goes away before esep has written.
    let dir = tmp();
    let mut book = fixtures::base();
    for row in &mut fixtures::find(&mut book, "statistics").rows {
        row[4] = V::S("много");
    }
    let folder = input(dir.path(), &book);
    let mut child = Command::new(env!("CARGO_BIN_EXE_esep"))
        .env("ESEP_LANG", "en")
        .args(["validate", s(&folder)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("panicked") && !said.contains("Broken pipe"), "{said}");
    assert_eq!(out.status.code(), Some(0), "{said}");
}
