//! The chief's documents: report, slides, announcement and protocol, in both languages.

use std::path::Path;

use crate::cli::{esep, pdf_text, s, success, text, tmp};
use crate::fixtures::{self, V};

/// The valid fixture with a question sent ahead of the meeting, written into `dir/input`.
fn input_with_question(dir: &Path, edit: impl FnOnce(&mut fixtures::Book)) -> std::path::PathBuf {
    let mut book = fixtures::base();
    fixtures::find(&mut book, "appeals").rows.push(vec![
        V::S("Q-1"),
        V::S("DEP"),
        V::D(2026, 2, 10),
        V::E,
        V::S("individual"),
        V::S("proposal"),
        V::S("Саябақты жарықтандыру"),
        V::E,
        V::E,
        V::S("yes"),
    ]);
    edit(&mut book);
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(input.join("input.xlsx"), fixtures::workbook_bytes(&book))
        .unwrap_or_else(|e| panic!("{e}"));
    input
}

fn pages(path: &Path) -> usize {
    crate::pdf::pages(path)
}

#[test]
fn every_document_in_both_languages() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&input_with_question(dir.path(), |_| {})), "--out", s(&out), "--quiet"]);
    let dep = out.join("DEP");

    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    // Slides: 16:9, 12–20 slides, one per rule-6 item at least.
    for lang in ["kk", "ru"] {
        let n = pages(&dep.join(format!("slides.{lang}.pdf")));
        assert!((12..=20).contains(&n), "slides.{lang}.pdf has {n} slides");
        // Each slide after the title has its number, under the header that ends with the
        // period: the template counts the slides itself.
        let period = if lang == "kk" { "2025 жылғы 12 ай" } else { "12 месяцев 2025 года" };
        let texts = crate::pdf::page_texts(&dep.join(format!("slides.{lang}.pdf")));
        assert_eq!(texts.len(), n);
        for (i, text) in texts.iter().enumerate().skip(1) {
            let text = flat(text.clone());
            let numbered = text.split(period).nth(1).and_then(|after| after.split_whitespace().next());
            let number = (i + 1).to_string();
            assert_eq!(numbered, Some(number.as_str()), "slide {number} ({lang}):\n{text}");
        }
    }
    // The awards' heading has a line of its own; each award begins a line with its bullet.
    for (lang, heading, award) in [
        ("ru", "Награждение (пункт 20)", "• Серикбаев Нурлан — благодарственное письмо"),
        ("kk", "Марапаттау (20-тармақ)", "• Серікбаев Нұрлан — Алғыс хат"),
    ] {
        let lines: Vec<String> =
            crate::pdf::lines(&dep.join(format!("slides.{lang}.pdf"))).into_iter().flatten().collect();
        let at = lines.iter().position(|l| l.contains(heading)).unwrap_or_else(|| panic!("{lines:#?}"));
        assert_eq!((lines[at].as_str(), lines.get(at + 1).map(String::as_str)), (heading, Some(award)));
    }
    let slides = flat(pdf_text(&dep.join("slides.ru.pdf")));
    for kicker in ["1. КРИМИНОГЕННАЯ ОБСТАНОВКА", "6. ОБРАЩЕНИЯ И СМИ", "9. ВОПРОСЫ МЕСТНОГО УРОВНЯ"]
    {
        assert!(slides.contains(kicker), "slides lack {kicker}");
    }
    // 760 registered against 780: a generated sentence with Russian agreement.
    assert!(slides.contains("760 уголовных правонарушений против 780"), "{slides}");
    let slides_kk = pdf_text(&dep.join("slides.kk.pdf"));
    assert!(slides_kk.contains("1. КРИМИНОГЕНДІК ЖАҒДАЙ"), "{slides_kk}");

    // Announcement: what the public needs — date, time, place, how to send questions — and no
    // internal deadline; its sentence opens with a capital and names the body in the genitive.
    let ann = flat(pdf_text(&dep.join("announcement.ru.pdf")));
    for needle in [
        "ОБЪЯВЛЕНИЕ",
        "20.02.2026, 11:00",
        "Дом культуры",
        "Телефон доверия",
        "Полковник полиции Әлиев Әлібек, начальник",
    ] {
        assert!(ann.contains(needle), "announcement lacks {needle}:\n{ann}");
    }
    assert!(!ann.contains("10.02.2026"), "the notice shows its publication deadline:\n{ann}");
    let ann_kk = flat(pdf_text(&dep.join("announcement.kk.pdf")));
    for needle in
        ["ХАБАРЛАНДЫРУ", "Мәдениет үйі", "Сынақ облысының Полиция департаментінің бастығы полиция полковнигі"]
    {
        assert!(ann_kk.contains(needle), "announcement lacks {needle}:\n{ann_kk}");
    }

    // Protocol: heading, pre-listed question, signature lines.
    let protocol = flat(pdf_text(&dep.join("protocol.kk.pdf")));
    for needle in ["ХАТТАМА", "Саябақты жарықтандыру", "Хатшы", "депутаттар", "Қатысушылар саны"]
    {
        assert!(protocol.contains(needle), "protocol lacks {needle}:\n{protocol}");
    }
    let protocol_ru = pdf_text(&dep.join("protocol.ru.pdf"));
    assert!(protocol_ru.contains("ПРОТОКОЛ") && protocol_ru.contains("Секретарь"), "{protocol_ru}");
    // The district has no question of its own.
    assert!(!pdf_text(&out.join("DEP-01/protocol.ru.pdf")).contains("Саябақты"));
}

#[test]
fn documents_are_pdf_a_2b_with_metadata() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures::fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    for doc in ["report", "slides", "announcement", "protocol"] {
        let path = out.join(format!("DEP/{doc}.kk.pdf"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"), "{doc}: no PDF/A-2 identification");
        assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{doc}: not level B");
        let title = crate::pdf::info(&path, "Title").unwrap_or_default();
        let author = crate::pdf::info(&path, "Author").unwrap_or_default();
        assert!(
            format!("{title} {author}").contains("Сынақ облысының Полиция департаменті"),
            "{doc}: author/title missing: {title} / {author}"
        );
        // The date is the period's last day, not the time of the run.
        let created = crate::pdf::info(&path, "CreationDate").unwrap_or_default();
        assert!(created.starts_with("D:20251231000000"), "{doc}: {created}");
    }
}

#[test]
fn a_character_no_font_has_is_refused_at_its_cell() {
    let dir = tmp();
    let input = input_with_question(dir.path(), |b| {
        fixtures::set(b, "narrative", 0, 3, V::S("Внесены изменения в закон 🚓."));
    });
    let out = dir.path().join("pack");
    let run = esep(&["build", s(&input), "--out", s(&out)]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert!(
        text(&run).contains(
            "input.xlsx, narrative!D2: column `text_ru`: a character the documents cannot print: U+1F693 «🚓»"
        ),
        "{}",
        text(&run)
    );
    assert!(!out.exists(), "a failed build wrote a pack");
}

#[test]
fn late_announcement_is_warned() {
    let dir = tmp();
    // Announced on 15.02 for a meeting on 20.02: five days instead of ten.
    let input = input_with_question(dir.path(), |b| fixtures::set(b, "meeting", 0, 6, V::D(2026, 2, 15)));
    let out = dir.path().join("pack");
    let run = success(&["build", s(&input), "--out", s(&out)]);
    let warning = "input.xlsx, meeting!G2: announced 5 days before the meeting of 20.02.2026: rule 8.2 asks for at least 10";
    assert_eq!(text(&run).matches(warning).count(), 1, "{}", text(&run));
    // The notice is for the public: no deadline, no late-publication warning on it.
    for lang in ["ru", "kk"] {
        let ann = pdf_text(&out.join(format!("DEP/announcement.{lang}.pdf")));
        let ann = ann.split_whitespace().collect::<Vec<_>>().join(" ");
        for internal in
            ["менее чем за 10 дней", "Опубликовать не позднее", "10 күннен кем", "Жариялау мерзімі"]
        {
            assert!(!ann.contains(internal), "{lang}: {ann}");
        }
    }
    // The term is a setting: with 5 days asked for, the same dates break no rule.
    let settings = dir.path().join("settings.toml");
    let builtin =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/settings.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&settings, builtin.replace("announce_days = 10", "announce_days = 5"))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = success(&["validate", s(&input), "--settings", s(&settings)]);
    assert!(!text(&run).contains("rule 8.2"), "{}", text(&run));
}

#[test]
fn templates_folder_overrides_by_name() {
    let dir = tmp();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        templates.join("announcement.typ"),
        "#let d = json(sys.inputs.data)\n#set document(title: \"x\", author: \"y\")\n#set text(font: \"DejaVu Sans\")\nСвоё объявление: #d.unit.name\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("pack");
    success(&[
        "build",
        s(&fixtures::fixtures_dir().join("valid-small")),
        "--out",
        s(&out),
        "--quiet",
        "--templates",
        s(&templates),
    ]);
    let ann = pdf_text(&out.join("DEP/announcement.ru.pdf"));
    assert!(ann.contains("Своё объявление: Департамент полиции Тестовой области"), "{ann}");
    // The other templates stay the built-in ones.
    assert!(pdf_text(&out.join("DEP/report.ru.pdf")).contains("Криминогенная обстановка"));
}

#[test]
fn template_errors_and_warnings_name_file_line_and_column() {
    let dir = tmp();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap_or_else(|e| panic!("{e}"));
    let write = |text: &str| {
        std::fs::write(templates.join("announcement.typ"), text).unwrap_or_else(|e| panic!("{e}"))
    };
    let input = fixtures::fixtures_dir().join("valid-small");
    // One worker compiles in esep's own process, two each in a child process: both tell alike.
    for jobs in ["1", "2"] {
        let out = dir.path().join(format!("pack-{jobs}"));
        let build = |out: &Path| {
            esep(&["build", s(&input), "--out", s(out), "-j", jobs, "--templates", s(&templates)])
        };
        // An unknown font is a warning: the pack is built and the warning shown once, at its place.
        write("#set document(title: \"x\", author: \"y\")\n#set text(font: \"No Such Font\")\nТекст\n");
        let run = build(&out);
        assert!(run.status.success(), "{}", text(&run));
        let warning = "announcement.typ:2:17: warning: unknown font family: no such font";
        assert_eq!(text(&run).matches(warning).count(), 1, "-j {jobs}: {}", text(&run));
        // An error fails the build with the template's file, line and column.
        write("#set document(title: \"x\", author: \"y\")\n\n#let x = 1 + \"a\"\n");
        let failed = dir.path().join(format!("failed-{jobs}"));
        let run = build(&failed);
        assert!(!run.status.success());
        assert!(
            text(&run).contains("announcement.typ:3:10: error: cannot add integer and string"),
            "-j {jobs}: {}",
            text(&run)
        );
        assert!(!failed.exists());
    }
}

#[test]
fn programmes_lead_with_measures_by_status_and_list_the_failed_ones() {
    let dir = tmp();
    let input =
        input_with_question(dir.path(), |b| fixtures::set(b, "programmes", 0, 10, V::S("просрочено")));
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let ru = flat(pdf_text(&out.join("DEP/report.ru.pdf")));
    let lead =
        "Мероприятий программ: всего 1; выполнено — 0, в работе — 0, просрочено — 1, не выполнено — 0.";
    assert!(ru.contains(lead), "{ru}");
    // The lead comes before the mean completion.
    assert!(ru.find(lead) < ru.find("Исполнение мероприятий (среднее) — 80,0"), "{ru}");
    assert!(ru.contains("Просроченные и невыполненные мероприятия"), "{ru}");
    // The department names the body of each measure; the body itself does not.
    assert!(
        ru.contains("Отдел полиции Первого района Установка камер Программа 31.12.2025 просрочено"),
        "{ru}"
    );
    let body = flat(pdf_text(&out.join("DEP-01/report.ru.pdf")));
    assert!(
        body.contains("Мероприятие Программа Срок Статус Установка камер Программа 31.12.2025 просрочено"),
        "{body}"
    );
    let kk = flat(pdf_text(&out.join("DEP/report.kk.pdf")));
    assert!(
        kk.contains(
            "Бағдарламалардың іс-шаралары: барлығы 1; орындалды — 0, орындалуда — 0, мерзімі өтті — 1"
        ),
        "{kk}"
    );
}

#[test]
fn a_word_wider_than_its_column_breaks_inside_and_reads_as_written() {
    // 55 letters without a space: wider than the programme's column of the report (9.5 pt) and
    // of the slides (which show the same table), and than the failed measures' column.
    let word = "Межведомственнаякоординационнаяпрофилактическаяоперация";
    let dir = tmp();
    let input = input_with_question(dir.path(), |b| {
        fixtures::set(b, "programmes", 0, 3, V::S(word));
        fixtures::set(b, "programmes", 0, 10, V::S("просрочено"));
    });
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    for doc in ["DEP-01/report.ru.pdf", "DEP/report.ru.pdf", "DEP/slides.ru.pdf"] {
        let text = pdf_text(&out.join(doc));
        // Broken across lines inside its cell: no line holds the whole word (it ran over the
        // next columns before) … (Lines are compared without spaces: the extractor guesses
        // spaces from glyph positions.)
        let lines: Vec<String> = text.lines().map(crate::pdf::squeezed).collect();
        assert!(!lines.iter().any(|l| l.contains(word)), "{doc}: {text}");
        // … and the text layer keeps it as written: read without the line breaks, it is the
        // word itself, in its row, with no invisible characters inside.
        let squeezed = crate::pdf::squeezed(&text);
        assert!(squeezed.contains(&format!("{word}региональная")), "{doc}: {squeezed}");
        assert!(!text.contains('\u{200b}'), "{doc}");
    }
    // The report's list of failed measures (a narrower column) breaks it too, and a word that
    // fits its column stays whole.
    let ru = pdf_text(&out.join("DEP-01/report.ru.pdf"));
    assert_eq!(crate::pdf::squeezed(&ru).matches(word).count(), 2, "{ru}");
    assert!(ru.split_whitespace().any(|t| t == "Установка"), "{ru}");
}

#[test]
fn a_name_wider_than_the_page_breaks_inside_on_title_pages_headers_and_footers() {
    // 80 letters without a space in a unit's name and 60 in its chief's: wider than a page.
    // They ran past both margins of the report's title page, its footer and the slides'
    // header; now they break where the line ends, and read as written.
    let (word, chief, kk) = ("Ж".repeat(80), "Ы".repeat(60), "Қ".repeat(70));
    let dir = tmp();
    let input = input_with_question(dir.path(), |b| {
        fixtures::set(b, "units", 1, 3, V::T(format!("Бірінші {kk} бөлімі")));
        fixtures::set(b, "units", 1, 4, V::T(format!("Отдел полиции {word} района")));
        fixtures::set(b, "units", 1, 6, V::T(format!("Қасымов {chief}")));
    });
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let report = crate::pdf::page_texts(&out.join("DEP-01/report.ru.pdf"));
    let slides = crate::pdf::page_texts(&out.join("DEP-01/slides.ru.pdf"));
    let protocol = crate::pdf::page_texts(&out.join("DEP-01/protocol.ru.pdf"));
    let announcement = crate::pdf::page_texts(&out.join("DEP-01/announcement.kk.pdf"));
    let schedule = crate::pdf::page_texts(&out.join("schedule.ru.pdf"));
    // The title page and the next one's footer; the title slide and the next one's header;
    // the protocol's heading and chief; the Kazakh announcement (no hyphenation patterns); the
    // department's schedule, whose cells know their columns' widths without a layout of their own.
    for (page, long) in [
        (&report[0], &word),
        (&report[0], &chief),
        (&report[1], &word),
        (&slides[0], &word),
        (&slides[1], &word),
        (&protocol[0], &word),
        (&protocol[0], &chief),
        (&announcement[0], &kk),
        (&schedule[0], &word),
        (&schedule[0], &chief),
    ] {
        let lines: Vec<String> = page.lines().map(crate::pdf::squeezed).collect();
        assert!(!lines.iter().any(|l| l.contains(long.as_str())), "{page}");
        assert!(crate::pdf::squeezed(page).contains(long.as_str()), "{page}");
    }
}

#[test]
fn the_protocol_workbook_speaks_the_language_asked_for_and_is_read_back_in_it() {
    use calamine::{Data, Reader};
    let dir = tmp();
    let input = input_with_question(dir.path(), |_| {});
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet", "--lang", "ru"]);
    let mut wb =
        calamine::open_workbook_auto(out.join("DEP/protocol.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    let mut range = |name: &str| wb.worksheet_range(name).unwrap_or_else(|e| panic!("{e}"));
    let row = |r: &calamine::Range<Data>, n: u32, width: u32| -> Vec<String> {
        (0..width).map(|c| r.get_value((n, c)).cloned().unwrap_or(Data::Empty).to_string()).collect()
    };
    let protocol = range("protocol");
    assert_eq!(row(&protocol, 0, 3), ["код подразделения", "подразделение (каз.)", "подразделение (рус.)"]);
    // The question sent ahead: applicant, kind and language as the Russian drop-downs name them.
    let items = range("items");
    assert_eq!(row(&items, 0, 2), ["№", "регистрационный номер"]);
    assert_eq!(
        row(&items, 1, 8),
        ["1", "Q-1", "", "", "физическое лицо", "предложение", "Саябақты жарықтандыру", "казахский"]
    );
    // The drop-downs' lists: every choice in Russian.
    let lists = range("lists");
    let answered = (0..lists.width() as u32)
        .find(|&c| lists.get_value((0, c)) == Some(&Data::String("items.answered".into())))
        .unwrap_or_else(|| panic!("no list for `answered`"));
    let values: Vec<String> =
        (1..3).map(|r| lists.get_value((r, answered)).cloned().unwrap_or_default().to_string()).collect();
    assert_eq!(values, ["да", "нет"]);
    // Filled in Russian as its drop-downs offer, it is read back and drawn up.
    let mut book = fixtures::protocol_base();
    for (r, c, said) in [
        (0, 4, "физическое лицо"),
        (0, 5, "предложение"),
        (0, 8, "нет"),
        (0, 10, "да"),
        (2, 5, "замечание"),
        (2, 8, "нет"),
        (2, 10, "нет"),
    ] {
        fixtures::set(&mut book, "items", r, c, V::S(said));
    }
    let filled = dir.path().join("filled.xlsx");
    std::fs::write(&filled, fixtures::workbook_bytes(&book)).unwrap_or_else(|e| panic!("{e}"));
    let drawn = dir.path().join("drawn");
    success(&["protocol", s(&filled), "--out", s(&drawn), "--pack", s(&out), "--quiet"]);
    let ru = pdf_text(&drawn.join("protocol-final.ru.pdf")).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(ru.contains("замечание: «Нет освещения во дворе дома 12»"), "{ru}");
    assert!(ru.contains("Направлено: акимат города"), "{ru}");
}

#[test]
fn a_long_table_says_it_goes_on_on_every_page_its_last_row_reaches() {
    // Nine overdue measures (a list of more than 8 may break across pages), the last described
    // over 240 short lines: its row breaks across pages while its last cell, the state, ends on
    // the first of them. Every page the row goes on to says «продолжение» above the header.
    let tall: String = (1..=240).map(|k| format!("ш{k:03}\n")).collect();
    let dir = tmp();
    let input = input_with_question(dir.path(), |b| {
        let rows = &mut fixtures::find(b, "programmes").rows;
        rows[0][10] = V::S("просрочено");
        let mut last = rows[0].clone();
        for k in 2..=8 {
            let mut row = rows[0].clone();
            (row[4], row[5]) = (V::T(format!("Шара {k}")), V::T(format!("Мера {k}")));
            rows.push(row);
        }
        (last[4], last[5]) = (V::S("Шара 9"), V::T(tall));
        rows.push(last);
    });
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let pages = crate::pdf::page_texts(&out.join("DEP-01/report.ru.pdf"));
    // (The extractor reads the cell's lines as one word.)
    let on = |word: &str| pages.iter().position(|p| p.contains(word));
    let (Some(first), Some(last)) = (on("ш001"), on("ш240")) else { panic!("{pages:#?}") };
    assert!(last >= first + 2, "the row should span three pages or more: {first}..{last}");
    for (n, page) in pages.iter().enumerate().take(last + 1).skip(first + 1) {
        assert!(page.contains("продолжение"), "page {}: {page}", n + 1);
    }
    assert!(!pages[0].contains("продолжение"));
}

#[test]
fn item_6_lists_each_publication_with_its_response() {
    let dir = tmp();
    let out = dir.path().join("pack");
    success(&["build", s(&fixtures::fixtures_dir().join("valid-small")), "--out", s(&out), "--quiet"]);
    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    // DEP-01's publication appears in its own report and in the department's, which covers it
    // and names the body first.
    for (unit, row) in [
        (
            "DEP-01",
            "Дата СМИ Публикация Меры реагирования 01.04.2025 Газета «Заголовок» Меры приняты (05.04.2025)",
        ),
        (
            "DEP",
            "Подразделение Дата СМИ Публикация Меры реагирования Отдел полиции Первого района 01.04.2025 Газета «Заголовок» Меры приняты (05.04.2025)",
        ),
    ] {
        let ru = flat(pdf_text(&out.join(format!("{unit}/report.ru.pdf"))));
        assert!(ru.contains("Публикации СМИ и принятые меры"), "{unit}: {ru}");
        assert!(ru.contains(row), "{unit}: {ru}");
    }
    let other = flat(pdf_text(&out.join("DEP-02/report.ru.pdf")));
    assert!(!other.contains("«Заголовок»"), "{other}");
    // The Kazakh report names the outlet and the response in Kazakh, and quotes the Russian
    // title as published, saying in which language.
    let kk = flat(pdf_text(&out.join("DEP-01/report.kk.pdf")));
    assert!(
        kk.contains("01.04.2025 Газет «Заголовок» (орыс тілінде) Шаралар қабылданды (05.04.2025)"),
        "{kk}"
    );
}

#[test]
fn a_long_list_of_the_bodies_rows_says_how_many_it_leaves_out() {
    // The demo department covers 28 publications of its bodies, 2 still without a response
    // (20.02 and 27.07), and 23 of their measures overdue or not done. On lists of 5 rows its
    // report keeps the 2 unanswered and the 3 earliest answered publications (08.01, 20.01,
    // 01.02), and the 5 oldest terms of the measures; a row says how many more each body's own
    // report lists.
    let dir = tmp();
    let settings = dir.path().join("settings.toml");
    let builtin =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/settings.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(builtin.contains("\nreport_rows = 30\n"));
    std::fs::write(&settings, builtin.replace("\nreport_rows = 30\n", "\nreport_rows = 5\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("pack");
    let demo = fixtures::fixtures_dir().join("demo");
    success(&["build", s(&demo), "--out", s(&out), "--quiet", "--settings", s(&settings)]);
    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let ru = flat(pdf_text(&out.join("SRK/report.ru.pdf")));
    let kk = flat(pdf_text(&out.join("SRK/report.kk.pdf")));
    for (text, said) in [
        (&ru, "… ещё публикаций о территориальных органах: 23 — они перечислены в отчётах этих органов"),
        (&ru, "… ещё мероприятий территориальных органов: 18 — они перечислены в отчётах этих органов"),
        (&kk, "… аумақтық органдар туралы тағы 23 жарияланым — олар сол органдардың есептерінде көрсетілген"),
        (&kk, "… аумақтық органдардың тағы 18 іс-шарасы — олар сол органдардың есептерінде көрсетілген"),
    ] {
        assert_eq!(text.matches(said).count(), 1, "{said}: {text}");
    }
    for text in [&ru, &kk] {
        for listed in ["08.01.2025", "01.02.2025", "20.02.2025", "27.07.2025"] {
            assert!(text.contains(listed), "{listed}: {text}");
        }
        // Answered publications of April and May are left out; the body's report has them.
        for left in ["10.04.2025", "21.05.2025", "06.05.2025"] {
            assert!(!text.contains(left), "{left}: {text}");
        }
    }
    let body = flat(pdf_text(&out.join("SRK-TZK/report.ru.pdf")));
    assert!(body.contains("10.04.2025") && body.contains("20.02.2025"), "{body}");
    assert!(!body.contains("ещё публикаций"), "{body}");
}

#[test]
fn the_protocol_workbook_is_prefilled_for_the_secretary() {
    use calamine::{Data, Reader};
    use esep_ingest::contract::{SourceId, source};
    let dir = tmp();
    let input = input_with_question(dir.path(), |_| {});
    let out = dir.path().join("pack");
    success(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let mut wb =
        calamine::open_workbook_auto(out.join("DEP/protocol.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wb.sheet_names(), ["protocol", "decisions", "items", "lists", "about"]);
    let protocol = wb.worksheet_range("protocol").unwrap_or_else(|e| panic!("{e}"));
    let cell = |r: &calamine::Range<Data>, row: u32, col: u32| {
        r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    };
    // One language, Kazakh unless Russian is asked for (this run speaks English).
    assert_eq!(cell(&protocol, 0, 0), Data::String("бөлініс коды".into()));
    assert_eq!(cell(&protocol, 1, 0), Data::String("DEP".into()));
    assert_eq!(cell(&protocol, 1, 2), Data::String("Департамент полиции Тестовой области".into()));
    assert_eq!(cell(&protocol, 1, 8), Data::Float(200.0));
    assert_eq!(cell(&protocol, 1, 13), Data::String("Петрова Ольга".into()));
    // The question sent ahead keeps its registration number; a request or proposal keeps its kind.
    let items = wb.worksheet_range("items").unwrap_or_else(|e| panic!("{e}"));
    let first: Vec<String> = (0..8).map(|c| cell(&items, 1, c).to_string()).collect();
    assert_eq!(first, ["1", "Q-1", "", "", "жеке тұлға", "ұсыныс", "Саябақты жарықтандыру", "қазақ тілі"]);
    // The reader finds every column (the blank form's empty required cells are the
    // secretary's to fill).
    for (id, range) in [(SourceId::Protocol, &protocol), (SourceId::Items, &items)] {
        let mut diags = Vec::new();
        esep_ingest::read::read_sheet(source(id), "protocol.xlsx", source(id).name, range, &mut diags);
        assert!(diags.iter().all(|d| d.code() == "E-REQUIRED"), "{diags:#?}");
        assert!(id == SourceId::Items || diags.len() == 5, "{diags:#?}");
    }
    // The printed form has a row for every 10 seats (200: 20 rows), going on to a second sheet,
    // which says so above the repeated header; the first sheet and the one after the table
    // (decisions, signatures) do not.
    for (doc, word) in [("DEP/protocol.ru.pdf", "продолжение"), ("DEP/protocol.kk.pdf", "жалғасы")]
    {
        let said: Vec<bool> =
            crate::pdf::page_texts(&out.join(doc)).iter().map(|page| page.contains(word)).collect();
        assert_eq!(said, [false, true, false], "{doc}");
    }
}
