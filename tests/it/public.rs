//! What every public document of a pack may not hold, on the demo and three generated
//! departments, in Kazakh and Russian: internal data (digests, file sizes, code-level
//! formulas), the Russian «АППГ» in a Kazakh document, the noise clause in every sentence, or
//! a relative % on a share.

use std::path::Path;

use crate::cli::{s, success, tmp};
use crate::pdf;

fn pdfs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn looks_like_a_digest(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_hexdigit()).any(|w| w.len() >= 32)
}

#[test]
fn public_documents_speak_to_people() {
    let dir = tmp();
    let mut packs = Vec::new();
    let demo = dir.path().join("demo");
    success(&["demo", "--out", s(&demo), "--quiet"]);
    // The whole cycle: two bodies' filled protocols kept with the inputs and drawn up.
    for unit in ["SRK-AKZ", "SRK-AKZ-AL"] {
        assert!(demo.join(format!("input/protocols/{unit}.xlsx")).is_file(), "{unit}");
        for lang in ["kk", "ru"] {
            assert!(demo.join(format!("{unit}/protocol-final.{lang}.pdf")).is_file(), "{unit} {lang}");
        }
    }
    packs.push(demo);
    for seed in ["1", "2", "3"] {
        let input = dir.path().join(format!("in{seed}"));
        let out = dir.path().join(format!("pack{seed}"));
        success(&["generate", "--seed", seed, "--bodies", "3", "--out", s(&input), "--quiet"]);
        success(&["build", s(&input), "--out", s(&out), "--quiet"]);
        packs.push(out);
    }
    let mut read = 0;
    for pack in &packs {
        for file in pdfs(pack) {
            let name = file.display().to_string();
            let text = pdf::text(&file).split_whitespace().collect::<Vec<_>>().join(" ");
            read += 1;
            assert!(!looks_like_a_digest(&text), "{name}: a digest");
            for code in ["Σ", "n_eff", "Wilson", "registered_", "solved_", ".xlsx", "SHA-256", "kind = "] {
                assert!(!text.contains(code), "{name}: `{code}`");
            }
            if name.ends_with(".kk.pdf") {
                assert!(!text.contains("АППГ"), "{name}: «АППГ» in Kazakh");
                assert!(
                    text.matches("кездейсоқ ауытқу шегінде").count() <= 1,
                    "{name}: the noise clause repeats"
                );
            } else {
                assert!(
                    text.matches("в пределах случайных колебаний").count() <= 1,
                    "{name}: the noise clause repeats"
                );
            }
            if name.ends_with("report.ru.pdf") {
                assert!(text.contains("п. п."), "{name}: no change in percentage points");
                // Every rate table says which population it used, and as of when.
                assert!(
                    text.contains("Показатели на 10 тыс. населения рассчитаны по численности населения"),
                    "{name}: no population note"
                );
                assert!(text.contains("(на 01.01.2025)"), "{name}: no population date");
                // Chapter 1 opens with a lead a chief can read: its first figure against last year.
                assert!(text.contains("Зарегистрировано уголовных правонарушений — "), "{name}: no lead");
            }
            if name.ends_with("report.kk.pdf") {
                assert!(text.contains("жағдай бойынша"), "{name}: no population date");
                assert!(text.contains("Тіркелген қылмыстық құқық бұзушылықтар — "), "{name}: no lead");
            }
        }
    }
    assert!(read >= 4 * 4 * 2, "read {read} PDFs");
    // Shares change in points only: no relative % of a share anywhere in the open data.
    for pack in &packs {
        let rows = esep_analysis::open_data::from_csv(
            &std::fs::read(pack.join("indicators.csv")).unwrap_or_default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let shares: Vec<_> = rows.iter().filter(|r| r.measure.is_share()).collect();
        assert!(!shares.is_empty());
        assert!(shares.iter().all(|r| r.change_pct.is_none()), "a share with a relative change");
        assert!(shares.iter().any(|r| r.change.is_some()), "no share with a change");
    }
}

/// Every rule-6 chapter 1–7 of every demo unit opens with a lead of 3 to 6 sentences, in both
/// languages, that never calls a change noise (the tables' ° and one footnote do).
#[test]
fn chapters_open_with_a_lead_of_three_to_six_sentences() {
    use esep_analysis::{Catalogue, Settings, compute};
    use esep_render::lang::Lang;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let data = esep_ingest::load(&dir).dataset.unwrap_or_else(|| panic!("the demo does not validate"));
    let report =
        compute(&data, &Catalogue::builtin(), &Settings::builtin()).unwrap_or_else(|e| panic!("{e}"));
    let mut leads = 0;
    for unit in &report.units {
        for lang in Lang::ALL {
            let doc = serde_json::to_value(esep_render::documents::doc_data(&report, unit, lang))
                .unwrap_or_else(|e| panic!("{e}"));
            for chapter in doc["chapters"].as_array().into_iter().flatten().take(7) {
                let lead = chapter["summary"][0].as_str().unwrap_or_default();
                // A sentence ends with a full stop before a space and a capital letter, or at the end.
                let sentences = lead.split(". ").filter(|s| s.starts_with(char::is_uppercase)).count();
                let item = &chapter["item"];
                assert!(
                    (3..=6).contains(&sentences),
                    "{} {item} {lang:?}: {sentences} in «{lead}»",
                    unit.code
                );
                assert!(!lead.contains("случайных колебаний") && !lead.contains("кездейсоқ"), "{lead}");
                leads += 1;
            }
        }
    }
    assert_eq!(leads, report.units.len() * 2 * 7);
}
