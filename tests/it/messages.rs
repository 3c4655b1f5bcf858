//! What `validate` says, in each language, golden: the words an analyst reads for three
//! invalid folders in Kazakh, Russian and English (`ESEP_BLESS=1 cargo test` rewrites them).

use crate::cli::esep;
use crate::fixtures::fixtures_dir;

/// Folders whose output covers an error with a hint, an error at a header, a warning at a cell
/// and the rules of the order not met.
const CASES: [&str; 3] = ["missing-column", "unknown-unit", "late-announcement"];

#[test]
fn validate_speaks_each_language_golden() {
    let bless = std::env::var_os("ESEP_BLESS").is_some();
    let golden = fixtures_dir().join("golden");
    let mut stale = Vec::new();
    for case in CASES {
        let folder = fixtures_dir().join("invalid").join(case);
        for lang in ["kk", "ru", "en"] {
            let run = esep(&["validate", &folder.display().to_string(), "--lang", lang]);
            let said =
                format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr))
                    .replace(&folder.display().to_string(), &format!("fixtures/invalid/{case}"));
            let path = golden.join(format!("validate-{case}.{lang}.txt"));
            if bless {
                std::fs::create_dir_all(&golden).unwrap_or_else(|e| panic!("{e}"));
                std::fs::write(&path, &said).unwrap_or_else(|e| panic!("{e}"));
            }
            if std::fs::read_to_string(&path).ok().as_deref() != Some(said.as_str()) {
                stale.push(format!("{}:\n{said}", path.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "validate's words differ (run `ESEP_BLESS=1 cargo test`):\n{}",
        stale.join("\n")
    );
}

/// No language leaks into another: the Kazakh and Russian outputs hold no English words of the
/// messages, and the three differ.
#[test]
fn one_language_per_run() {
    let folder = fixtures_dir().join("invalid/late-announcement");
    let said = |lang: &str| {
        let run = esep(&["validate", &folder.display().to_string(), "--lang", lang]);
        format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr))
    };
    let (kk, ru, en) = (said("kk"), said("ru"), said("en"));
    for english in ["warning", "announced", "rule", "not met", "days"] {
        assert!(en.contains(english), "en lacks `{english}`: {en}");
        assert!(!kk.contains(english) && !ru.contains(english), "`{english}` in kk/ru:\n{kk}\n{ru}");
    }
    assert!(kk.contains("ескерту[W-LATE-ANNOUNCEMENT]"), "{kk}");
    assert!(ru.contains("предупреждение[W-LATE-ANNOUNCEMENT]"), "{ru}");
    assert!(kk.contains("1 ескерту") && ru.contains("1 предупреждение"), "{kk}\n{ru}");
}

/// `ESEP_LANG`, then the locale, choose the language when `--lang` is not given.
#[test]
fn language_from_the_environment() {
    let folder = fixtures_dir().join("invalid/unknown-unit");
    let run = |env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_esep"));
        cmd.args(["validate", &folder.display().to_string()]);
        for name in ["ESEP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(name);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&[("LANG", "ru_RU.UTF-8")]).starts_with("ошибка[E-UNKNOWN-UNIT]"));
    assert!(run(&[("LC_ALL", "kk_KZ.UTF-8"), ("LANG", "ru_RU.UTF-8")]).starts_with("қате[E-UNKNOWN-UNIT]"));
    assert!(run(&[("ESEP_LANG", "en"), ("LANG", "kk_KZ.UTF-8")]).starts_with("error[E-UNKNOWN-UNIT]"));
    assert!(run(&[]).starts_with("error[E-UNKNOWN-UNIT]"));
}

/// `--help` speaks the language of `--lang` or of the environment; English stays clap's.
#[test]
fn help_in_each_language() {
    let help = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_esep"));
        cmd.args(args);
        for name in ["ESEP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(name);
        }
        cmd.envs(env.iter().copied());
        let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let kk = help(&["validate", "--help", "--lang", "kk"], &[]);
    assert!(kk.starts_with("Кіріс кітаптары қалтасын тексеріп"), "{kk}");
    assert!(kk.contains("Қолданылуы: esep validate") && kk.contains("Аргументтер:"), "{kk}");
    // Words as one line, however the terminal's width wrapped them.
    let flat = kk.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Ақаулары бар кітаптардың белгіленген көшірмелерін осы қалтаға жазу"), "{kk}");
    let ru = help(&["--help"], &[("LANG", "ru_RU.UTF-8")]);
    assert!(ru.contains("Использование: esep") && ru.contains("Команды:") && ru.contains("Примеры:"), "{ru}");
    assert!(ru.contains("  esep demo                              собрать встроенный демо-пакет"), "{ru}");
    let en = help(&["validate", "--help"], &[]);
    assert!(en.starts_with("Check a folder of input workbooks"), "{en}");
    assert!(en.contains("Usage: esep validate"), "{en}");
    for text in [&kk, &ru] {
        for english in ["Usage:", "Options:", "Print help", "Check a folder", "[default:", "[env:"] {
            assert!(!text.contains(english), "{english} in\n{text}");
        }
    }
}

#[test]
fn a_mistake_on_the_command_line_is_told_in_the_runs_language() {
    let said = |args: &[&str]| {
        let out = esep(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let kk = said(&["--lang", "kk", "build", "--forse", "in", "--out", "out"]);
    assert_eq!(
        kk.trim_end(),
        "қате: күтілмеген аргумент `--forse`\n  мүмкін, `--force`?\n\n\
         Қолданылуы: esep build --out <OUT> --force <INPUT>...\n\nтолығырақ: `esep build --help`"
    );
    let ru = said(&["--lang", "ru", "build"]);
    assert!(
        ru.starts_with("ошибка: не указаны обязательные аргументы: `--out <OUT>`, `<INPUT>...`\n"),
        "{ru}"
    );
    assert!(ru.ends_with("подробнее: `esep build --help`\n"), "{ru}");
    let ru = said(&["--lang", "ru", "validate", "in", "--format", "xml"]);
    assert_eq!(ru.trim_end(), "ошибка: `xml` — не значение `--format <FORMAT>`; ожидается: human, json");
    let kk = said(&["--lang", "kk", "biuld"]);
    assert!(kk.starts_with("қате: белгісіз команда `biuld`\n  мүмкін, `build`?"), "{kk}");
    for text in [&kk, &ru] {
        for english in ["error:", "unexpected", "Usage:", "tip:", "For more information"] {
            assert!(!text.contains(english), "{english} in\n{text}");
        }
    }
    // English is clap's own.
    let en = said(&["build", "--forse"]);
    assert!(en.starts_with("error: unexpected argument '--forse' found"), "{en}");
}

/// `--mark` of an OpenDocument workbook: a `.xlsx` copy with its values, the list sheet first
/// saying the formatting is not kept; the input folder itself is refused as the destination.
#[test]
fn marking_an_ods_workbook_copies_it_as_xlsx() {
    use calamine::{Data, Reader};
    use std::io::Write;
    let dir = crate::cli::tmp();
    let folder = dir.path().join("in");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    // No space between the cells: calamine reads OpenDocument as LibreOffice writes it.
    let content = br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="media"><table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>date</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>M-1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>31.02.2025</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // Stored, as OpenDocument keeps its `mimetype`.
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let manifest = br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    for (name, bytes) in [
        ("mimetype", &b"application/vnd.oasis.opendocument.spreadsheet"[..]),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content),
    ] {
        w.start_file(name, opts).unwrap_or_else(|e| panic!("{e}"));
        w.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let ods = w.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    std::fs::write(folder.join("media.ods"), &ods).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("marked");
    let run = esep(&["validate", &folder.display().to_string(), "--mark", &out.display().to_string()]);
    let said = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(said.contains("`media.ods` is marked as the copy `media.ods.xlsx`"), "{said}");
    assert_eq!(std::fs::read(folder.join("media.ods")).ok(), Some(ods), "the input changed");
    let copy = out.join("media.ods.xlsx");
    let mut wb = calamine::open_workbook_auto(&copy).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wb.sheet_names(), ["esep problems", "media"]);
    let list = wb.worksheet_range("esep problems").unwrap_or_else(|e| panic!("{e}"));
    let note = list.get_value((0, 0)).map(ToString::to_string).unwrap_or_default();
    assert!(note.starts_with("This is a copy of a .ods workbook: its values only"), "{note}");
    // The header row, then a row per problem of the file: every missing required column of `media`.
    let codes: Vec<String> = list.rows().skip(3).map(|r| r[1].to_string()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| c == "E-MISSING-COLUMN"), "{codes:?}");
    let media = wb.worksheet_range("media").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(media.get_value((1, 1)), Some(&Data::String("31.02.2025".into())));
    // Never into the input folder.
    let run = esep(&["validate", &folder.display().to_string(), "--mark", &folder.display().to_string()]);
    let said = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(said.contains("is the input folder: marked copies go to another folder"), "{said}");
    assert_eq!(
        std::fs::read_dir(&folder).map(|d| d.count()).unwrap_or(0),
        1,
        "something written into the inputs"
    );
}
