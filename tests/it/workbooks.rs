//! Headquarters' workbooks: per unit, per department, and `esep compare` across departments.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use esep_analysis::Figure;
use esep_analysis::open_data;

use crate::cli::{esep, s, success, text, tmp};
use crate::fixtures::fixtures_dir;

fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).sheet_names().to_vec()
}

fn range(path: &Path, sheet: &str) -> calamine::Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wb.worksheet_range(sheet).unwrap_or_else(|e| panic!("{sheet}: {e}"))
}

/// The row of `sheet` whose column `key_col` holds `key`, as cells.
fn row_where(path: &Path, sheet: &str, key_col: usize, key: &str) -> Vec<Data> {
    range(path, sheet)
        .rows()
        .find(|r| r.get(key_col).map(|d| d.to_string()).as_deref() == Some(key))
        .unwrap_or_else(|| panic!("{sheet}: no row {key}"))
        .to_vec()
}

/// The column of `sheet` whose header contains `needle`.
fn col_of(path: &Path, sheet: &str, needle: &str) -> usize {
    let r = range(path, sheet);
    let head = r.rows().next().unwrap_or_default();
    head.iter()
        .position(|d| d.to_string().contains(needle))
        .unwrap_or_else(|| panic!("{sheet}: no column {needle}"))
}

pub(crate) fn build_valid_small(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("pack");
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    out
}

/// `valid-small` built with `--lang lang` into `dir/pack-LANG`.
fn build_valid_small_in(dir: &Path, lang: &str) -> std::path::PathBuf {
    let out = dir.join(format!("pack-{lang}"));
    success(&["build", s(&fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet", "--lang", lang]);
    out
}

/// The words of `text` in Latin letters (two or more), but for the product's name and SHA-256.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !["esep", "SHA"].contains(w))
        .map(str::to_string)
        .collect()
}

/// Asserts that a workbook speaks Kazakh or Russian: no English sheet name (but `codes`), no
/// English header, and a `codes` sheet whose every row names a header at its very cell.
fn assert_speaks(path: &Path) {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = wb.sheet_names().to_vec();
    assert_eq!(names.last().map(String::as_str), Some("codes"), "{names:?}");
    for name in &names[..names.len() - 1] {
        assert_eq!(english_words(name), Vec::<String>::new(), "sheet name {name}");
    }
    let codes = wb.worksheet_range("codes").unwrap_or_else(|e| panic!("{e}"));
    let mut rows = codes.rows();
    for head in rows.next().unwrap_or_default() {
        assert_eq!(english_words(&head.to_string()), Vec::<String>::new(), "codes: {head}");
    }
    let mut recorded = 0;
    let mut about = String::new();
    for row in rows {
        let [id, sheet, cell, code, text] = [0, 1, 2, 3, 4].map(|c| row[c].to_string());
        if id == "about" {
            about = sheet.clone();
        }
        let range = wb.worksheet_range(&sheet).unwrap_or_else(|e| panic!("{sheet}: {e}"));
        let at = esep_ingest::diag::from_a1(&cell).unwrap_or_else(|| panic!("codes: cell {cell}"));
        assert_eq!(range.get_value(at).map(|d| d.to_string()), Some(text.clone()), "{sheet}!{cell} ({code})");
        assert_eq!(english_words(&text), Vec::<String>::new(), "{sheet}!{cell} ({code}): {text}");
        recorded += 1;
    }
    assert!(recorded > 40, "{recorded} headers recorded");
    // The first row of every sheet with a table, and the keys of `about`, are headers too.
    for name in &names[..names.len() - 1] {
        let range = wb.worksheet_range(name).unwrap_or_else(|e| panic!("{e}"));
        let cells: Vec<String> = if *name == about {
            range.rows().map(|r| r[0].to_string()).collect() // keys in column A
        } else {
            range.rows().next().unwrap_or_default().iter().map(|d| d.to_string()).collect()
        };
        for text in cells.iter().filter(|t| !t.contains(".xlsx")) {
            assert_eq!(english_words(text), Vec::<String>::new(), "{name}: {text}");
        }
    }
}

#[test]
fn workbooks_built_in_kazakh_or_russian_name_sheets_and_headers_in_that_language() {
    let dir = tmp();
    let en = read_data_sheet(&build_valid_small(dir.path()).join("department.xlsx"));
    for (lang, first, crime, registered) in [
        (
            "kk",
            "Қызметтік пайдалану үшін",
            "1 Криминогендік жағдай",
            "Тіркелген қылмыстық құқық бұзушылықтар",
        ),
        (
            "ru",
            "Для служебного пользования",
            "1 Криминогенная обстановка",
            "Зарегистрировано уголовных правонарушений",
        ),
    ] {
        let out = build_valid_small_in(dir.path(), lang);
        let dept = out.join("department.xlsx");
        assert_speaks(&dept);
        assert_speaks(&out.join("DEP-01/indicators.xlsx"));
        assert_eq!(sheet_names(&dept)[..2], [first.to_string(), crime.to_string()]);
        // DEP-02's crime rate (260 per 40 000) in the column named in the language.
        let col = col_of(&dept, crime, registered);
        let row = row_where(&dept, crime, 0, "DEP-02");
        assert_eq!(row[col + 2], Data::Float(65.0));
        // The `data` sheet reads back through `codes` to the very rows of the English build.
        assert_eq!(read_data_sheet(&dept), en, "{lang}");
    }
}

pub(crate) fn read_data_sheet(path: &Path) -> Vec<Figure> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    esep_analysis::national::read_pack(&bytes).unwrap_or_else(|e| panic!("{e}")).rows
}

#[test]
fn unit_workbook_has_item_sheets_catalogue_and_inputs() {
    let dir = tmp();
    let out = build_valid_small(dir.path());
    let book = out.join("DEP-01/indicators.xlsx");
    assert_eq!(
        sheet_names(&book),
        [
            "indicators",
            "1 crime",
            "2 programmes",
            "3 results",
            "4 order and roads",
            "5 corruption",
            "6 appeals",
            "7 opinion",
            "catalogue",
            "about",
            "codes"
        ]
    );
    // DEP-01: 500 registered in 2025 and 540 in 2024.
    let row = row_where(&book, "1 crime", 1, "crime_registered");
    assert_eq!((&row[5], &row[6]), (&Data::Float(540.0), &Data::Float(500.0)));
    assert_eq!(row[3], Data::String("Зарегистрировано уголовных правонарушений".into()));
    // Only item 3 on the item-3 sheet.
    assert!(range(&book, "3 results").rows().skip(1).all(|r| r[0] == Data::Float(3.0)));
    let cat = row_where(&book, "catalogue", 0, "clearance");
    assert_eq!(cat[7], Data::String("100 × Σ(solved_total) / Σ(registered_total)".into()));
    // The inputs and their SHA-256.
    let input = fixtures_dir().join("valid-small/input.xlsx");
    let digest = <sha2::Sha256 as sha2::Digest>::digest(std::fs::read(&input).unwrap_or_default());
    let sum: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let about = row_where(&book, "about", 0, "input.xlsx");
    assert_eq!(about[2], Data::String(sum));
}

#[test]
fn department_workbook_compares_units_and_round_trips_the_data() {
    let dir = tmp();
    let out = build_valid_small(dir.path());
    let book = out.join("department.xlsx");
    let names = sheet_names(&book);
    for name in ["1 crime", "7 opinion", "charts", "data", "catalogue", "about"] {
        assert!(names.contains(&name.to_string()), "no sheet {name}: {names:?}");
    }
    // Units as rows, indicators as columns: the crime rate of DEP-02 (260 per 40 000).
    let col = col_of(&book, "1 crime", "crime_rate");
    let dep02 = row_where(&book, "1 crime", 0, "DEP-02");
    assert_eq!(dep02[col], Data::Float(65.0));
    // Two districts are too few a group to rank (at least three): no rank, no group mean.
    assert_eq!(dep02[col + 1], Data::Empty);
    let mean = row_where(&book, "1 crime", 3, "mean of districts");
    assert_eq!(mean[col], Data::Empty);
    assert_eq!(mean[col_of(&book, "1 crime", "crime_registered")], Data::Empty);
    // Names stay strings.
    assert_eq!(dep02[3].to_string().trim(), "Отдел полиции Второго района");
    assert!(matches!(dep02[3], Data::String(_)));
    // The long `data` sheet reproduces the root indicators.csv exactly.
    let csv = std::fs::read(out.join("indicators.csv")).unwrap_or_else(|e| panic!("{e}"));
    // … but for the restricted rows, which only headquarters' workbook keeps (rule 3).
    let data = read_data_sheet(&book);
    assert_eq!(data.iter().filter(|r| r.restricted).count(), 3 * 2);
    let public: Vec<_> = data.into_iter().filter(|r| !r.restricted).collect();
    assert_eq!(public, open_data::from_csv(&csv).unwrap_or_else(|e| panic!("{e}")));
}

#[test]
fn compare_totals_are_recomputed_from_numerators() {
    let dir = tmp();
    // Packs built in different languages compare: `codes` names their sheets and headers.
    let small = build_valid_small_in(dir.path(), "kk");
    let demo = dir.path().join("demo");
    success(&["demo", "--out", s(&demo), "--quiet", "--lang", "ru"]);
    let national = dir.path().join("hq/national.xlsx");
    success(&["compare", s(&demo), s(&small), "--out", s(&national), "--quiet"]);
    let total = |code: &str| {
        range(&national, "data")
            .rows()
            .find(|r| r[0] == "TOTAL" && r[1] == code)
            .map(|r| r.to_vec())
            .unwrap_or_else(|| panic!("no total of {code}"))
    };
    // Demo department: 7 931 registered (793 900 people); the small one: 760 (100 000 people).
    assert_eq!(total("crime_registered")[5], Data::Float(8691.0));
    let rate = match total("crime_rate")[5] {
        Data::Float(f) => f,
        ref other => panic!("{other:?}"),
    };
    assert!((rate - 8691.0 * 10_000.0 / 893_900.0).abs() < 1e-9, "{rate}");
    assert_eq!(total("crime_rate")[8], Data::Float(893_900.0));
    // Both departments are rows of the item sheets.
    assert_eq!(
        row_where(&national, "1 crime", 0, "SRK")[2],
        Data::String("Департамент полиции Сарыаркинской области".into())
    );
    assert!(matches!(row_where(&national, "1 crime", 0, "DEP")[1], Data::String(_)));
    // The national workbook in Kazakh: the same total under Kazakh names.
    let kk = dir.path().join("hq/national.kk.xlsx");
    success(&["compare", s(&demo), s(&small), "--out", s(&kk), "--quiet", "--lang", "kk"]);
    assert_speaks(&kk);
    let data = range(&kk, "Деректер");
    let total = data.rows().find(|r| r[0] == "TOTAL" && r[1] == "crime_registered").map(|r| r[5].clone());
    assert_eq!(total, Some(Data::Float(8691.0)));
    assert_eq!(
        row_where(&kk, "1 Криминогендік жағдай", 0, "SRK")[1],
        Data::String("Сарыарқа облысының Полиция департаменті".into())
    );
}

#[test]
fn compare_refuses_packs_of_different_periods() {
    let dir = tmp();
    let small = build_valid_small(dir.path());
    let input = dir.path().join("nine");
    success(&["generate", "--out", s(&input), "--months", "9", "--quiet"]);
    let nine = dir.path().join("nine-pack");
    success(&["build", s(&input), "--out", s(&nine), "--quiet"]);
    let national = dir.path().join("national.xlsx");
    let run = esep(&["compare", s(&small), s(&nine), "--out", s(&national)]);
    assert_eq!(run.status.code(), Some(1));
    let said = text(&run);
    assert!(said.contains("packs of different periods cannot be compared"), "{said}");
    assert!(said.contains("2025-12") && said.contains("2025-09"), "{said}");
    assert!(said.contains("pack/department.xlsx") && said.contains("nine-pack/department.xlsx"), "{said}");
    assert!(!national.exists());
    // The same refusal in the analyst's language.
    let ru = text(&esep(&["compare", s(&small), s(&nine), "--out", s(&national), "--lang", "ru"]));
    assert!(ru.starts_with("ошибка: пакеты разных периодов сравнивать нельзя: `"), "{ru}");
    assert!(ru.contains("(2025-12, справочник версии 3)"), "{ru}");
    let kk = text(&esep(&["compare", s(&small), s(&small), "--out", s(&national), "--lang", "kk"]));
    assert!(kk.starts_with("қате: `DEP` департаменті екі рет кездеседі"), "{kk}");
    // The same department twice, and a file that is not a pack.
    let run = esep(&["compare", s(&small), s(&small), "--out", s(&national)]);
    assert!(text(&run).contains("department `DEP` appears twice"), "{}", text(&run));
    let run = esep(&["compare", s(&fixtures_dir().join("valid-small/input.xlsx")), "--out", s(&national)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run).contains("no `data` sheet"), "{}", text(&run));
}

#[test]
fn compare_refuses_packs_of_different_catalogue_versions() {
    let dir = tmp();
    let small = build_valid_small(dir.path());
    // A department workbook of an older catalogue: the same header, version 1.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let data = wb.add_worksheet();
    data.set_name("data").unwrap_or_else(|e| panic!("{e}"));
    for (c, h) in open_data::header().iter().enumerate() {
        data.write_string(0, c as u16, h).unwrap_or_else(|e| panic!("{e}"));
    }
    let about = wb.add_worksheet();
    about.set_name("about").unwrap_or_else(|e| panic!("{e}"));
    for (r, (k, v)) in [("period", "2025-12"), ("catalogue_version", "1")].iter().enumerate() {
        about.write_string(r as u32, 0, *k).unwrap_or_else(|e| panic!("{e}"));
        about.write_string(r as u32, 1, *v).unwrap_or_else(|e| panic!("{e}"));
    }
    let old = dir.path().join("old.xlsx");
    wb.save(&old).unwrap_or_else(|e| panic!("{e}"));
    let national = dir.path().join("national.xlsx");
    let run = esep(&["compare", s(&small), s(&old), "--out", s(&national)]);
    assert_eq!(run.status.code(), Some(1));
    let said = text(&run);
    assert!(said.contains("packs of different catalogue versions cannot be compared"), "{said}");
    assert!(said.contains("old.xlsx") && said.contains("catalogue v1"), "{said}");
}
