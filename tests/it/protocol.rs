//! `esep protocol`: the filled protocol workbook read back, checked at its cells, and drawn up
//! as `protocol-final.kk.pdf` and `protocol-final.ru.pdf` — or nothing written.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::cli::{esep, s, text, tmp};
use crate::fixtures::{self, V, fixtures_dir};

fn case(name: &str) -> PathBuf {
    fixtures_dir().join("protocol").join(name).join("protocol.xlsx")
}

/// Runs `esep protocol` on `filled` with the valid-small pack built in `dir`: what it said and
/// its output folder.
fn draw_up(dir: &Path, filled: &Path) -> (Output, PathBuf) {
    let pack = crate::workbooks::build_valid_small(dir);
    let out = dir.join("final");
    (esep(&["protocol", s(filled), "--out", s(&out), "--pack", s(&pack)]), out)
}

/// Runs `esep protocol` on a case with the valid-small pack; its output folder and what it said.
fn run(name: &str) -> (bool, Vec<String>, String) {
    let dir = tmp();
    let (ran, out) = draw_up(dir.path(), &case(name));
    let written = std::fs::read_dir(&out)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let mut written: Vec<String> = written;
    written.sort();
    if ran.status.success() {
        let ru = crate::pdf::text(&out.join("protocol-final.ru.pdf"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return (true, written, ru);
    }
    (false, written, text(&ran))
}

#[test]
fn a_filled_protocol_is_drawn_up_in_both_languages() {
    let (ok, written, ru) = run("valid");
    assert!(ok, "{ru}");
    assert_eq!(written, ["followup.xlsx", "protocol-final.kk.pdf", "protocol-final.ru.pdf"]);
    for said in [
        "20.02.2026, 11:00–13:05",
        "120 (Количество мест: 200)",
        // Citizens' words quoted as said, their language named; the question sent ahead keeps
        // its registration number.
        "«Саябақты жарықтандыру» (на казахском языке)",
        "Q-1",
        "замечание: «Нет освещения во дворе дома 12»",
        "Направлено: акимат города",
        "Секретарь: инспектор штаба, Петрова Ольга",
        "Начальник: полковник полиции Әлиев Әлібек",
    ] {
        assert!(ru.contains(said), "`{said}` in {ru}");
    }
}

#[test]
fn an_answer_or_a_body_in_the_other_language_is_quoted_with_its_language_named() {
    let dir = tmp();
    let (ran, out) = draw_up(dir.path(), &case("valid"));
    assert!(ran.status.success(), "{}", text(&ran));
    let read =
        |lang: &str| crate::pdf::squeezed(&crate::pdf::text(&out.join(format!("protocol-final.{lang}.pdf"))));
    // Both were written in Russian: plain in the Russian protocol, quoted in the Kazakh one.
    let (kk, ru) = (read("kk"), read("ru"));
    for said in ["«Черезпорталegov.kz»(орыстілінде)", "Жіберілді:«акиматгорода»(орыстілінде)"]
    {
        assert!(kk.contains(said), "`{said}` in {kk}");
    }
    for said in ["Черезпорталegov.kz", "Направлено:акиматгорода"] {
        assert!(ru.contains(said), "`{said}` in {ru}");
    }
    assert!(!ru.contains("«акиматгорода»"), "{ru}");
}

#[test]
fn an_address_wider_than_its_column_breaks_inside_it_and_reads_as_written() {
    // An e-mail address is one word of 34 characters: wider than the contacts' column.
    let email = "nurlan.aliev.almaty.1985@gmail.com";
    let mut book = fixtures::protocol_base();
    fixtures::set(&mut book, "items", 0, 3, V::S(email));
    let dir = tmp();
    let filled = dir.path().join("protocol.xlsx");
    std::fs::write(&filled, fixtures::workbook_bytes(&book)).unwrap_or_else(|e| panic!("{e}"));
    let (ran, out) = draw_up(dir.path(), &filled);
    assert!(ran.status.success(), "{}", text(&ran));
    for lang in ["kk", "ru"] {
        let pdf = crate::pdf::text(&out.join(format!("protocol-final.{lang}.pdf")));
        // No line holds the whole address (it ran over the next column before) …
        let lines: Vec<String> = pdf.lines().map(crate::pdf::squeezed).collect();
        assert!(!lines.iter().any(|l| l.contains(email)), "{lang}: {pdf}");
        // … and read without the line break it is the address as written.
        assert!(crate::pdf::squeezed(&pdf).contains(email), "{lang}: {pdf}");
        assert!(!pdf.contains('\u{200b}'), "{lang}");
    }
}

#[test]
fn every_bad_protocol_is_named_at_its_cell_and_nothing_is_written() {
    for (name, cell, message) in [
        ("drawn-up-late", "protocol!L2", "drawn up on 21.02.2026, the meeting was on 20.02.2026: rule 14"),
        ("no-contact", "items!D2", "not answered in full, so the answer must reach the applicant"),
        (
            "no-competent-body",
            "items!L4",
            "outside police competence: name the competent body it goes to (rule 17)",
        ),
        ("unknown-unit", "protocol!A2", "unknown unit `DEP-99`"),
    ] {
        let (ok, written, said) = run(name);
        assert!(!ok, "{name}: {said}");
        assert!(written.is_empty(), "{name}: wrote {written:?}");
        assert!(said.contains(&format!("protocol.xlsx, {cell}: {message}")), "{name}: {said}");
    }
    // More participants than seats: a warning, and the protocol is drawn up.
    let dir = tmp();
    let out = dir.path().join("final");
    let ran = esep(&["protocol", s(&case("over-capacity")), "--out", s(&out)]);
    assert!(ran.status.success(), "{}", text(&ran));
    assert!(
        text(&ran).contains("protocol.xlsx, protocol!M2: 250 participants in a hall of 200 seats (rule 9)")
    );
}
