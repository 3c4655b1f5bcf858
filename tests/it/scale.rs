//! National scale: the country's departments generated, several built in one run, and
//! rebuilds that take over what did not change.

use std::collections::BTreeMap;
use std::path::Path;

use crate::cli::{esep, s, success, text, tmp};
use crate::fixtures::{self, N, fixtures_dir};

/// Every file under `dir` (relative path → bytes).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())).flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path).unwrap_or_else(|e| panic!("{e}")));
            }
        }
    }
    out
}

/// Names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn keys(pack: &Path) -> BTreeMap<String, String> {
    let bytes = std::fs::read(pack.join("pack.json")).unwrap_or_else(|e| panic!("{e}"));
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
    json["keys"]
        .as_object()
        .unwrap_or_else(|| panic!("pack.json has no keys"))
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
        .collect()
}

/// The files whose key differs between two of a pack's `pack.json`.
fn redone<'a>(before: &BTreeMap<String, String>, after: &'a BTreeMap<String, String>) -> Vec<&'a str> {
    after.iter().filter(|(k, v)| before.get(*k) != Some(v)).map(|(k, _)| k.as_str()).collect()
}

/// `N files made, M kept` of a build's last line.
fn made_kept(out: &std::process::Output) -> (usize, usize) {
    let said = text(out);
    let number_before = |word: &str| -> usize {
        let at = said.rfind(word).unwrap_or_else(|| panic!("no «{word}» in: {said}"));
        said[..at].trim_end().rsplit([' ', '(']).next().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX)
    };
    (number_before(" files made"), number_before(" kept"))
}

/// The workbooks' language is part of their keys: a rebuild in Russian rewrites the four
/// workbooks of figures and the three protocol forms of a pack built in English (Kazakh forms),
/// and takes over every PDF.
#[test]
fn a_rebuild_in_another_language_redoes_the_workbooks_only() {
    let dir = tmp();
    let pack = dir.path().join("pack");
    let input = fixtures_dir().join("valid-small");
    success(&["build", s(&input), "--out", s(&pack), "--quiet"]);
    let before = keys(&pack);
    success(&["build", s(&input), "--out", s(&pack), "--quiet", "--lang", "ru"]);
    let after = keys(&pack);
    assert_eq!(
        redone(&before, &after),
        [
            "DEP-01/indicators.xlsx",
            "DEP-01/protocol.xlsx",
            "DEP-02/indicators.xlsx",
            "DEP-02/protocol.xlsx",
            "DEP/indicators.xlsx",
            "DEP/protocol.xlsx",
            "department.xlsx"
        ]
    );
    let book = calamine::open_workbook_auto(pack.join("department.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(calamine::Reader::sheet_names(&book)[0], "Для служебного пользования");
    let mut form =
        calamine::open_workbook_auto(pack.join("DEP/protocol.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    let head = calamine::Reader::worksheet_range(&mut form, "protocol").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(head.get_value((0, 0)), Some(&calamine::Data::String("код подразделения".into())));
}

#[test]
fn a_rebuild_after_one_cell_redoes_only_what_depends_on_it_and_equals_a_full_build() {
    let dir = tmp();
    let pack = dir.path().join("pack");
    let input = fixtures_dir().join("valid-small");
    let first = success(&["build", s(&input), "--out", s(&pack)]);
    // 3 units × (8 PDFs + 2 workbooks) + 2 schedules + department.xlsx.
    assert_eq!(made_kept(&first), (33, 0), "{}", text(&first));
    let before = keys(&pack);
    assert_eq!(before.len(), 33);

    // Nothing changed: everything is taken over.
    let again = success(&["build", s(&input), "--out", s(&pack)]);
    assert_eq!(made_kept(&again), (0, 33), "{}", text(&again));
    assert_eq!(
        files(&pack),
        files(&{
            let full = dir.path().join("full-0");
            success(&["build", s(&input), "--out", s(&full), "--quiet"]);
            full
        })
    );

    // One cell: thefts of DEP-02 in 2025, 70 → 73.
    let mut book = fixtures::base();
    let row = &fixtures::find(&mut book, "statistics").rows[15];
    assert!(matches!((&row[0], &row[3]), (fixtures::S("DEP-02"), fixtures::S("registered_theft"))));
    fixtures::set(&mut book, "statistics", 15, 4, N(73.0));
    let changed = dir.path().join("changed");
    std::fs::create_dir_all(&changed).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(changed.join("input.xlsx"), fixtures::workbook_bytes(&book))
        .unwrap_or_else(|e| panic!("{e}"));
    let rebuilt = success(&["build", s(&changed), "--out", s(&pack)]);
    let after = keys(&pack);
    let redone = redone(&before, &after);
    let (made, kept) = made_kept(&rebuilt);
    assert_eq!((made, kept), (redone.len(), 33 - redone.len()), "{}", text(&rebuilt));
    // The district and its department changed; the other district's documents did not, nor
    // the announcement and the protocol template, which show no figure.
    for file in ["DEP-02/report.kk.pdf", "DEP-02/report.ru.pdf", "DEP/report.ru.pdf", "department.xlsx"] {
        assert!(redone.contains(&file), "{file} not redone: {redone:?}");
    }
    for file in [
        "DEP-01/announcement.kk.pdf",
        "DEP-01/protocol.ru.pdf",
        "DEP-02/announcement.kk.pdf",
        "DEP-02/protocol.ru.pdf",
        "DEP/announcement.ru.pdf",
        "schedule.kk.pdf",
    ] {
        assert!(!redone.contains(&file), "{file} redone: {redone:?}");
    }
    assert!(kept >= 8, "{redone:?}");

    // The same bytes as a full build of the changed inputs.
    let full = dir.path().join("full");
    success(&["build", s(&changed), "--out", s(&full), "--quiet"]);
    let (a, b) = (files(&pack), files(&full));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(b.get(name) == Some(bytes), "{name} differs from a full build");
    }

    // --force makes everything, and still the same bytes.
    let forced = success(&["build", s(&changed), "--out", s(&pack), "--force"]);
    assert_eq!(made_kept(&forced), (33, 0), "{}", text(&forced));
    assert_eq!(files(&pack), b);
}

#[test]
fn a_rebuild_never_takes_over_a_link_planted_in_the_old_pack() {
    let dir = tmp();
    let pack = dir.path().join("pack");
    let input = fixtures_dir().join("valid-small");
    success(&["build", s(&input), "--out", s(&pack), "--quiet"]);
    let planted = pack.join("DEP-01/report.kk.pdf");
    std::fs::remove_file(&planted).unwrap_or_else(|e| panic!("{e}"));
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, b"not for the pack").unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, &planted).unwrap_or_else(|e| panic!("{e}"));
    let out = success(&["build", s(&input), "--out", s(&pack)]);
    assert_eq!(made_kept(&out).0, 1, "{}", text(&out));
    let meta = std::fs::symlink_metadata(&planted).unwrap_or_else(|e| panic!("{e}"));
    assert!(meta.is_file(), "the report is a plain file again");
    assert!(std::fs::read(&planted).unwrap_or_default().starts_with(b"%PDF"));

    // A unit's folder swapped for a link to a folder outside, and a hard link to a file
    // outside under a pack's name: neither is read, both are made again.
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap_or_else(|e| panic!("{e}"));
    for e in std::fs::read_dir(pack.join("DEP-02")).unwrap_or_else(|e| panic!("{e}")).flatten() {
        std::fs::write(outside.join(e.file_name()), b"not for the pack").unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::remove_dir_all(pack.join("DEP-02")).unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, pack.join("DEP-02")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(pack.join("DEP-01/slides.ru.pdf")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::hard_link(&secret, pack.join("DEP-01/slides.ru.pdf")).unwrap_or_else(|e| panic!("{e}"));
    let out = success(&["build", s(&input), "--out", s(&pack)]);
    // DEP-02: 8 PDFs and 2 workbooks; DEP-01: the slides.
    assert_eq!(made_kept(&out).0, 11, "{}", text(&out));
    for file in ["DEP-02/report.kk.pdf", "DEP-01/slides.ru.pdf"] {
        let bytes = std::fs::read(pack.join(file)).unwrap_or_default();
        assert!(bytes.starts_with(b"%PDF"), "{file} was taken from outside the pack");
    }
    assert!(!std::fs::symlink_metadata(pack.join("DEP-02")).unwrap_or_else(|e| panic!("{e}")).is_symlink());
}

#[test]
fn the_national_set_builds_department_by_department_into_folders_named_by_code() {
    let dir = tmp();
    let national = dir.path().join("national");
    success(&["generate", "--national", "--out", s(&national), "--quiet"]);
    let codes = names(&national);
    assert_eq!(codes.len(), 20, "{codes:?}");
    for code in ["ABA", "AKM", "AST", "ALA", "SHY", "ULT", "VKO", "ZKO"] {
        assert!(codes.iter().any(|c| c == code), "{code} missing: {codes:?}");
    }
    // Byte-stable: a second run writes the same bytes.
    let again = dir.path().join("again");
    success(&["generate", "--national", "--out", s(&again), "--quiet"]);
    assert!(files(&national) == files(&again), "the national set differs between two runs");

    // A folder of departments (Astana and an invalid one), Shymkent given alone, and Astana
    // a second time: one run, one pack per department, failures reported and skipped.
    let several = dir.path().join("several");
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{e}"));
        for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{e}")).flatten() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap_or_else(|e| panic!("{e}"));
        }
    };
    copy(&national.join("AST"), &several.join("a-astana"));
    copy(&fixtures_dir().join("invalid/wrong-type"), &several.join("b-broken"));
    let out = dir.path().join("packs");
    let run =
        esep(&["build", s(&several), s(&national.join("SHY")), s(&national.join("AST")), "--out", s(&out)]);
    let said = text(&run);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(said.contains("input.xlsx, statistics!E2: column `value`"), "{said}");
    assert!(said.contains("department `AST` is also in"), "{said}");
    assert!(said.contains("wrote 2 of 4 departments (12 units;"), "{said}");
    assert!(said.contains("2 not built:") && said.contains("b-broken"), "{said}");
    let built = names(&out);
    assert_eq!(built, ["AST", "SHY"]);
    let report = crate::cli::pdf_text(&out.join("AST/AST-ESI/report.ru.pdf"));
    assert!(report.contains("Управление полиции района Есиль города Астаны"), "{report}");
    let kk = crate::cli::pdf_text(&out.join("SHY/SHY/report.kk.pdf"));
    assert!(kk.contains("Шымкент қаласының Полиция департаменті"), "{kk}");

    // The packs of several departments never go into the pack of one.
    let refused = esep(&["build", s(&several), s(&national.join("SHY")), "--out", s(&out.join("AST"))]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused).contains("is the pack of one department"), "{}", text(&refused));
    assert!(!out.join("AST/SHY").exists());

    // Distinct codes: headquarters compares them.
    let national_xlsx = dir.path().join("national.xlsx");
    success(&["compare", s(&out.join("AST")), s(&out.join("SHY")), "--out", s(&national_xlsx)]);
    assert!(national_xlsx.is_file());
}
