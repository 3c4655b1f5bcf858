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
