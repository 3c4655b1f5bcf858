//! The small input folders under `fixtures/`: a valid one with hand-checkable numbers, and one
//! invalid folder per validation rule. They are generated here, so each shows its quirk in code;
//! the test fails when the committed files drift. `ESEP_BLESS=1 cargo test` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

/// A cell of a fixture sheet.
#[derive(Debug, Clone)]
pub enum V {
    S(&'static str),
    /// Text made at run time (hostile and generated strings).
    T(String),
    N(f64),
    D(u16, u8, u8),
    E,
}

pub use V::{D, E, N, S};

/// A sheet: headers (ids or kk/ru aliases) and rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<V>>,
}

pub type Book = Vec<Sheet>;

fn sheet(name: &str, headers: &[&'static str], rows: Vec<Vec<V>>) -> Sheet {
    Sheet { name: name.into(), headers: headers.to_vec(), rows }
}

fn stat(unit: &'static str, year: f64, code: &'static str, value: f64) -> Vec<V> {
    vec![S(unit), N(year), N(12.0), S(code), N(value)]
}

/// The valid base: a department of two districts, 12 months of 2025 and of 2024.
/// Hand-computed figures for the department (used by tests):
/// registered 760 (АППГ 780), 76.0 per 10 000, clearance 61.8 %, trust 50 %.
pub fn base() -> Book {
    let mut stats = Vec::new();
    // (unit, year, total, misdemeanours, theft, solved theft, solved total)
    for (u, y, total, misd, theft, solved_theft, solved) in [
        ("DEP-01", 2025.0, 500.0, 50.0, 120.0, 60.0, 300.0),
        ("DEP-01", 2024.0, 540.0, 60.0, 130.0, 62.0, 310.0),
        ("DEP-02", 2025.0, 260.0, 20.0, 70.0, 40.0, 170.0),
        ("DEP-02", 2024.0, 240.0, 30.0, 66.0, 30.0, 150.0),
    ] {
        stats.push(stat(u, y, "registered_total", total));
        stats.push(stat(u, y, "registered_misdemeanours", misd));
        stats.push(stat(u, y, "registered_crimes", total - misd));
        stats.push(stat(u, y, "registered_theft", theft));
        stats.push(stat(u, y, "solved_theft", solved_theft));
        stats.push(stat(u, y, "solved_total", solved));
    }
    vec![
        sheet(
            "units",
            &[
                "code",
                "parent",
                "level",
                "name_kk",
                "name_ru",
                "population",
                "chief_name",
                "chief_rank_kk",
                "chief_rank_ru",
            ],
            vec![
                vec![
                    S("DEP"),
                    E,
                    S("облыс"),
                    S("Сынақ облысының Полиция департаменті"),
                    S("Департамент полиции Тестовой области"),
                    N(100_000.0),
                    S("Әлиев Әлібек"),
                    S("полиция полковнигі"),
                    S("полковник полиции"),
                ],
                vec![
                    S("DEP-01"),
                    S("DEP"),
                    S("аудан"),
                    S("Бірінші ауданның Полиция бөлімі"),
                    S("Отдел полиции Первого района"),
                    N(60_000.0),
                    S("Қасымов Қайрат"),
                    S("полиция майоры"),
                    S("майор полиции"),
                ],
                vec![
                    S("DEP-02"),
                    S("DEP"),
                    S("district"),
                    S("Екінші ауданның Полиция бөлімі"),
                    S("Отдел полиции Второго района"),
                    N(40_000.0),
                    S("Ким Ольга"),
                    S("полиция майоры"),
                    S("майор полиции"),
                ],
            ],
        ),
        // Russian headers: analysts keep their sheets in either language.
        sheet(
            "statistics",
            &["код подразделения", "год", "количество месяцев", "код показателя", "значение"],
            stats,
        ),
        sheet(
            "programmes",
            &[
                "unit",
                "level",
                "programme_kk",
                "programme_ru",
                "measure_kk",
                "measure_ru",
                "measure_unit",
                "target",
                "actual",
                "deadline",
                "status",
            ],
            vec![vec![
                S("DEP-01"),
                S("региональная"),
                S("Бағдарлама"),
                S("Программа"),
                S("Камералар орнату"),
                S("Установка камер"),
                S("дана"),
                N(10.0),
                N(8.0),
                D(2025, 12, 31),
                S("в работе"),
            ]],
        ),
        sheet(
            "survey",
            &[
                "respondent",
                "unit",
                "date",
                "sex",
                "age_group",
                "weight",
                "trust",
                "safe_day",
                "safe_night",
                "satisfaction",
                "extortion",
                "knows_inspector",
            ],
            vec![
                vec![
                    S("R1"),
                    S("DEP-01"),
                    D(2025, 10, 15),
                    S("ер"),
                    S("25-34"),
                    N(1.0),
                    N(5.0),
                    N(5.0),
                    N(4.0),
                    E,
                    S("жоқ"),
                    S("иә"),
                ],
                vec![
                    S("R2"),
                    S("DEP-01"),
                    D(2025, 10, 16),
                    S("женский"),
                    S("35–44"),
                    N(3.0),
                    N(2.0),
                    N(3.0),
                    N(2.0),
                    N(3.0),
                    S("нет"),
                    S("нет"),
                ],
                vec![
                    S("R3"),
                    S("DEP-02"),
                    D(2025, 10, 17),
                    S("female"),
                    S("65+"),
                    N(2.0),
                    N(4.0),
                    N(4.0),
                    N(3.0),
                    N(4.0),
                    S("no"),
                    S("yes"),
                ],
                vec![
                    S("R4"),
                    S("DEP-02"),
                    D(2025, 10, 18),
                    S("male"),
                    S("15-24"),
                    N(1.0),
                    E,
                    N(4.0),
                    N(4.0),
                    E,
                    S("no"),
                    S("no"),
                ],
            ],
        ),
        sheet(
            "funding",
            &["unit", "year", "purpose", "allocated", "spent"],
            vec![vec![S("DEP-01"), N(2025.0), S("бейнебақылау"), N(1_000_000.0), N(900_000.0)]],
        ),
        sheet(
            "appeals",
            &[
                "id",
                "unit",
                "received",
                "answered",
                "applicant",
                "kind",
                "topic",
                "outcome",
                "extended",
                "for_meeting",
            ],
            vec![
                vec![
                    S("A-1"),
                    S("DEP-01"),
                    D(2025, 3, 3),
                    D(2025, 3, 10),
                    S("физическое лицо"),
                    S("жалоба"),
                    S("Шум во дворе"),
                    S("разъяснено"),
                    S("нет"),
                    S("нет"),
                ],
                vec![
                    S("A-2"),
                    S("DEP-02"),
                    D(2024, 5, 5),
                    D(2024, 5, 20),
                    S("legal_entity"),
                    S("request"),
                    S("Справка"),
                    S("satisfied"),
                    E,
                    E,
                ],
            ],
        ),
        sheet(
            "media",
            &[
                "id",
                "unit",
                "date",
                "outlet_kk",
                "outlet_ru",
                "title",
                "response_kk",
                "response_ru",
                "response_date",
            ],
            vec![vec![
                S("M-1"),
                S("DEP-01"),
                D(2025, 4, 1),
                S("Газет"),
                S("Газета"),
                S("Заголовок"),
                S("Шаралар қабылданды"),
                S("Меры приняты"),
                D(2025, 4, 5),
            ]],
        ),
        sheet(
            "narrative",
            &["unit", "section", "text_kk", "text_ru"],
            vec![
                vec![
                    S("DEP"),
                    S("legislation"),
                    S("Заңға өзгерістер енгізілді."),
                    S("Внесены изменения в закон."),
                ],
                vec![
                    S("DEP"),
                    S("other"),
                    S("Әліпби: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І."),
                    S("Алфавит: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І."),
                ],
                vec![
                    S("DEP"),
                    S("awards"),
                    S("Серікбаев Нұрлан — Алғыс хат"),
                    S("Серикбаев Нурлан — благодарственное письмо"),
                ],
            ],
        ),
        sheet(
            "meeting",
            &[
                "unit",
                "date",
                "time",
                "place_kk",
                "place_ru",
                "capacity",
                "announced",
                "outlets",
                "questions_kk",
                "questions_ru",
                "invited",
                "secretary",
            ],
            // Every unit reports (rule 4): the department, then its two districts.
            [("DEP", 20, "11:00"), ("DEP-01", 24, "15:00"), ("DEP-02", 26, "15:00")]
                .into_iter()
                .map(|(unit, day, time)| {
                    vec![
                        S(unit),
                        D(2026, 2, day),
                        S(time),
                        S("Мәдениет үйі"),
                        S("Дом культуры"),
                        N(200.0),
                        D(2026, 2, 5),
                        S("Газета"),
                        S("Сенім телефоны 8 (7172) 00-00-00"),
                        S("Телефон доверия 8 (7172) 00-00-00"),
                        S(INVITED),
                        S("Петрова Ольга"),
                    ]
                })
                .collect(),
        ),
    ]
}

/// Every group rules 4 and 11 ask to invite, as an analyst types them: labels in either
/// language, separated by `;` or `,`.
const INVITED: &str = "местный исполнительный орган; депутаты маслихата; жұртшылық, органы здравоохранения; \
    органы труда и социальной защиты населения; органы образования и науки; \
    сельское и жилищно-коммунальное хозяйство; организации и предприятия; media";

pub fn find<'a>(book: &'a mut Book, name: &str) -> &'a mut Sheet {
    book.iter_mut().find(|s| s.name == name).unwrap_or_else(|| panic!("no sheet {name}"))
}

pub fn set(book: &mut Book, sheet: &str, row: usize, col: usize, v: V) {
    find(book, sheet).rows[row][col] = v;
}

/// One folder per validation rule: name, the base's mutation, and extra raw files.
pub struct Case {
    pub name: &'static str,
    pub book: Book,
    pub extra: Vec<(&'static str, Vec<u8>)>,
}

fn case(name: &'static str, edit: impl FnOnce(&mut Book)) -> Case {
    let mut book = base();
    edit(&mut book);
    Case { name, book, extra: Vec::new() }
}

pub fn invalid_cases() -> Vec<Case> {
    let mut cases = vec![
        case("wrong-type", |b| set(b, "statistics", 0, 4, S("много"))),
        case("empty-required", |b| set(b, "units", 1, 4, E)),
        case("unknown-unit", |b| set(b, "statistics", 2, 0, S("DEP-99"))),
        case("unknown-parent", |b| set(b, "units", 2, 1, S("NOPE"))),
        case("unknown-indicator", |b| set(b, "statistics", 3, 3, S("registered_aliens"))),
        case("duplicate-key", |b| {
            let row = find(b, "statistics").rows[0].clone();
            find(b, "statistics").rows.push(row);
        }),
        case("out-of-range", |b| set(b, "units", 2, 5, N(0.0))),
        case("solved-gt-registered", |b| set(b, "statistics", 4, 4, N(121.0))),
        case("spent-gt-allocated", |b| set(b, "funding", 0, 4, N(1_200_000.0))),
        case("answered-before-received", |b| set(b, "appeals", 0, 3, D(2025, 3, 1))),
        case("likert-out-of-range", |b| set(b, "survey", 1, 6, N(7.0))),
        case("missing-source", |b| b.retain(|s| s.name != "media")),
        case("missing-column", |b| {
            let s = find(b, "appeals");
            s.headers.remove(5);
            for r in &mut s.rows {
                r.remove(5);
            }
        }),
        case("bad-choice", |b| set(b, "appeals", 1, 4, S("сосед"))),
        case("wrong-year", |b| set(b, "statistics", 6, 1, N(2022.0))),
        case("mixed-months", |b| set(b, "statistics", 7, 2, N(9.0))),
        case("two-departments", |b| set(b, "units", 2, 1, E)),
        case("bad-date", |b| set(b, "media", 0, 2, S("31.02.2025"))),
        case("bad-time", |b| set(b, "meeting", 0, 2, S("25:00"))),
        // Rule 8.2's notice says how to send questions: never through an emergency line.
        case("emergency-number", |b| {
            set(b, "meeting", 0, 9, S("По телефону 102 или на портале eotinish.kz"))
        }),
        case("late-announcement", |b| set(b, "meeting", 0, 6, D(2026, 2, 15))),
        // Rule 4: the annual report is held in the first quarter of the next year.
        case("meeting-after-first-quarter", |b| {
            set(b, "meeting", 0, 1, D(2026, 6, 18));
            set(b, "meeting", 0, 6, D(2026, 6, 1));
        }),
        // Rule 9: the hall holds those expected.
        case("hall-too-small", |b| {
            let meeting = find(b, "meeting");
            meeting.headers.push("expected");
            for row in &mut meeting.rows {
                row.push(E);
            }
            if let Some(last) = meeting.rows[0].last_mut() {
                *last = N(250.0);
            }
        }),
        // Rule 4: the local executive body is invited.
        case("akimat-not-invited", |b| {
            set(
                b,
                "meeting",
                0,
                10,
                S(
                    "депутаты маслихата; общественность; органы здравоохранения; органы труда и социальной защиты населения; органы образования и науки; сельское и жилищно-коммунальное хозяйство; организации и предприятия; средства массовой информации",
                ),
            )
        }),
        // An invitee that is none of the groups.
        case("unknown-invitee", |b| set(b, "meeting", 0, 10, S("депутаты маслихата; соседи"))),
        // Rule 4: every body reports; DEP-02 has no meeting row.
        case("no-meeting-row", |b| {
            find(b, "meeting").rows.remove(2);
        }),
        case("response-before-publication", |b| set(b, "media", 0, 8, D(2025, 3, 20))),
        // A response in Russian only would read "no response" in the Kazakh report.
        case("response-in-one-language", |b| set(b, "media", 0, 6, E)),
        case("duplicate-source", |b| {
            let mut copy = find(b, "statistics").clone();
            copy.name = "Статистика ".into();
            b.push(copy);
        }),
    ];
    // A third body, so that its code is used nowhere else and gives one error.
    let body = |code: &'static str| {
        move |b: &mut Book| {
            let mut row = find(b, "units").rows[2].clone();
            row[0] = S(code);
            row[3] = S("Үшінші ауданның Полиция бөлімі");
            row[4] = S("Отдел полиции Третьего района");
            find(b, "units").rows.push(row);
        }
    };
    cases.extend([
        case("code-not-a-folder-name", body("../DEP-03")),
        case("codes-differ-in-case", body("dep-01")),
        case("unprintable-character", |b| set(b, "narrative", 0, 3, S("Закон қабылданды 🚓"))),
        case("invisible-character", |b| set(b, "units", 1, 3, S("\u{feff}Бірінші ауданның Полиция бөлімі"))),
        case("word-too-long", |b| set(b, "narrative", 0, 3, V::T(format!("Сілтеме: {}", "ж".repeat(120))))),
    ]);
    let mut corrupt = case("corrupt-file", |b| b.retain(|s| s.name != "units"));
    corrupt.extra.push(("units.xlsx", b"name,population\nnot a workbook\n".to_vec()));
    cases.push(corrupt);
    let mut empty = case("empty-file", |b| b.retain(|s| s.name != "survey"));
    empty.extra.push(("survey.xlsx", Vec::new()));
    cases.push(empty);
    cases
}

/// A filled protocol workbook of the valid base's department (`esep protocol` reads it back):
/// one item answered in full, two not (one for another body), two decisions.
pub fn protocol_base() -> Book {
    vec![
        sheet(
            "protocol",
            &[
                "unit",
                "unit_kk",
                "unit_ru",
                "chief_kk",
                "chief_ru",
                "date",
                "place_kk",
                "place_ru",
                "capacity",
                "start",
                "end",
                "drawn_up",
                "participants",
                "secretary_name",
                "secretary_post",
                "secretary_rank",
            ],
            vec![vec![
                S("DEP"),
                S("Сынақ облысының Полиция департаменті"),
                S("Департамент полиции Тестовой области"),
                S("полиция полковнигі Әлиев Әлібек"),
                S("полковник полиции Әлиев Әлібек"),
                D(2026, 2, 20),
                S("Мәдениет үйі"),
                S("Дом культуры"),
                N(200.0),
                S("11:00"),
                S("13:05"),
                D(2026, 2, 20),
                N(120.0),
                S("Петрова Ольга"),
                S("инспектор штаба"),
                E,
            ]],
        ),
        sheet(
            "decisions",
            &["number", "text", "language"],
            vec![
                vec![N(1.0), S("Усилить патрулирование улиц в вечернее время."), E],
                vec![N(2.0), S("Саябақтарды жарықтандыру туралы әкімдікке хат жолдау."), E],
            ],
        ),
        sheet(
            "items",
            &[
                "number",
                "registration",
                "applicant_name",
                "contact",
                "applicant",
                "kind",
                "text",
                "language",
                "answered",
                "answer",
                "competence",
                "competent_body",
                "responsible",
            ],
            vec![
                vec![
                    N(1.0),
                    S("Q-1"),
                    S("Әлиев Нұрлан"),
                    S("+7 701 000 00 02"),
                    S("individual"),
                    S("proposal"),
                    S("Саябақты жарықтандыру"),
                    E,
                    S("no"),
                    E,
                    S("yes"),
                    E,
                    S("Қасымов Қ."),
                ],
                vec![
                    N(2.0),
                    E,
                    E,
                    E,
                    S("individual"),
                    S("question"),
                    S("Как получить справку о несудимости?"),
                    E,
                    S("yes"),
                    S("Через портал egov.kz"),
                    S("yes"),
                    E,
                    E,
                ],
                vec![
                    N(3.0),
                    E,
                    S("Иванов Пётр"),
                    S("ул. Абая, 5"),
                    S("individual"),
                    S("remark"),
                    S("Нет освещения во дворе дома 12"),
                    E,
                    S("no"),
                    E,
                    S("no"),
                    S("акимат города"),
                    S("Оспанов Е."),
                ],
            ],
        ),
    ]
}

/// The protocol cases under `fixtures/protocol/`: a valid one and one per check of
/// `esep protocol`.
pub fn protocol_cases() -> Vec<(&'static str, Book)> {
    let case = |name: &'static str, edit: &dyn Fn(&mut Book)| {
        let mut book = protocol_base();
        edit(&mut book);
        (name, book)
    };
    vec![
        case("valid", &|_| {}),
        // Rule 14: drawn up the day of the meeting.
        case("drawn-up-late", &|b| set(b, "protocol", 0, 11, D(2026, 2, 21))),
        // Rule 16: the answer must reach who asked.
        case("no-contact", &|b| set(b, "items", 0, 3, E)),
        // Rule 17: outside police competence, to the competent body.
        case("no-competent-body", &|b| set(b, "items", 2, 11, E)),
        // Rule 9: a warning only.
        case("over-capacity", &|b| set(b, "protocol", 0, 12, N(250.0))),
        case("unknown-unit", &|b| set(b, "protocol", 0, 0, S("DEP-99"))),
    ]
}

/// A filled follow-up register of the protocol base (`esep followup` reads it back): the
/// meeting on Friday 20 February 2026, item 1 (within competence, answer by 16 March: 8 March
/// falls on a Sunday and moves to 9 March) answered on 12 March, item 3 (for the akimat, forward
/// by 25 February) forwarded on 24 February and its applicant told.
pub fn register_base() -> Book {
    vec![
        sheet(
            "meeting",
            &["unit", "unit_kk", "unit_ru", "chief_kk", "chief_ru", "date", "recorded", "followed"],
            vec![vec![
                S("DEP"),
                S("Сынақ облысының Полиция департаменті"),
                S("Департамент полиции Тестовой области"),
                S("полиция полковнигі Әлиев Әлібек"),
                S("полковник полиции Әлиев Әлібек"),
                D(2026, 2, 20),
                N(3.0),
                S("1; 3"),
            ]],
        ),
        sheet(
            "register",
            &[
                "number",
                "registration",
                "applicant_name",
                "contact",
                "kind",
                "text",
                "language",
                "competence",
                "responsible",
                "term",
                "forwarded_on",
                "forwarded_to",
                "notified_on",
                "extended_on",
                "extension_reason",
                "extension_notified_on",
                "answered_on",
                "answer",
                "outcome",
            ],
            vec![
                vec![
                    N(1.0),
                    S("Q-1"),
                    S("Әлиев Нұрлан"),
                    S("+7 701 000 00 02"),
                    S("proposal"),
                    S("Саябақты жарықтандыру"),
                    E,
                    S("yes"),
                    S("Қасымов Қ."),
                    E,
                    E,
                    E,
                    E,
                    E,
                    E,
                    E,
                    D(2026, 3, 12),
                    S("Әкімдікке хат жолданды"),
                    S("satisfied"),
                ],
                vec![
                    N(3.0),
                    E,
                    S("Иванов Пётр"),
                    S("ул. Абая, 5"),
                    S("remark"),
                    S("Нет освещения во дворе дома 12"),
                    E,
                    S("no"),
                    S("Оспанов Е."),
                    E,
                    D(2026, 2, 24),
                    S("акимат города"),
                    D(2026, 2, 24),
                    E,
                    E,
                    E,
                    E,
                    E,
                    S("forwarded"),
                ],
            ],
        ),
    ]
}

/// The register cases under `fixtures/followup/`: a valid one and one per check of
/// `esep followup`, and one with every error at once.
pub fn register_cases() -> Vec<(&'static str, Book)> {
    let case = |name: &'static str, edit: &dyn Fn(&mut Book)| {
        let mut book = register_base();
        edit(&mut book);
        (name, book)
    };
    let answered_early = |b: &mut Book| set(b, "register", 0, 16, D(2026, 2, 19));
    let no_body = |b: &mut Book| set(b, "register", 1, 11, E);
    let unknown = |b: &mut Book| set(b, "register", 0, 0, N(5.0));
    vec![
        case("valid", &|_| {}),
        case("answer-before-meeting", &answered_early),
        case("forwarded-without-body", &no_body),
        case("outcome-without-date", &|b| set(b, "register", 0, 16, E)),
        // Decided on 17 March, the day after the 15 working days ended.
        case("extension-after-term", &|b| {
            set(b, "register", 0, 13, D(2026, 3, 17));
            set(b, "register", 0, 14, S("сараптама күтілуде"));
        }),
        case("unknown-item", &unknown),
        case("not-a-date", &|b| set(b, "register", 1, 10, S("31.02.2026"))),
        case("every-error", &|b| {
            answered_early(b);
            no_body(b);
            set(b, "register", 1, 12, S("ертең"));
        }),
    ]
}

/// Writes a book as one workbook with a fixed creation date (identical bytes every run).
pub fn workbook_bytes(book: &Book) -> Vec<u8> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 1, 1).unwrap_or_else(|e| panic!("{e}"));
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    for s in book {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).unwrap_or_else(|e| panic!("{e}"));
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap_or_else(|e| panic!("{e}"));
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                let res = match v {
                    V::S(t) => ws.write_string(r, c, *t).map(|_| ()),
                    V::T(t) => ws.write_string(r, c, t).map(|_| ()),
                    V::N(n) => ws.write_number(r, c, *n).map(|_| ()),
                    V::D(y, m, d) => ExcelDateTime::from_ymd(*y, *m, *d)
                        .and_then(|dt| ws.write_datetime_with_format(r, c, dt, &date).map(|_| ())),
                    V::E => Ok(()),
                };
                res.unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    wb.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every fixture file: relative path → bytes.
pub fn expected_files() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("valid-small/input.xlsx"), workbook_bytes(&base()));
    for (name, book) in protocol_cases() {
        files.insert(PathBuf::from("protocol").join(name).join("protocol.xlsx"), workbook_bytes(&book));
    }
    for (name, book) in register_cases() {
        files.insert(PathBuf::from("followup").join(name).join("followup.xlsx"), workbook_bytes(&book));
    }
    for c in invalid_cases() {
        let dir = PathBuf::from("invalid").join(c.name);
        files.insert(dir.join("input.xlsx"), workbook_bytes(&c.book));
        for (name, bytes) in c.extra {
            files.insert(dir.join(name), bytes);
        }
    }
    for (name, bytes) in
        esep_demo::workbooks(&esep_demo::Options::default()).unwrap_or_else(|e| panic!("{e}"))
    {
        files.insert(PathBuf::from("demo").join(name), bytes);
    }
    files
}

#[test]
fn committed_fixtures_are_current() {
    let root = fixtures_dir();
    let bless = std::env::var_os("ESEP_BLESS").is_some();
    let mut stale = Vec::new();
    for (rel, bytes) in expected_files() {
        let path = root.join(&rel);
        if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            if bless {
                std::fs::create_dir_all(path.parent().unwrap_or(&root)).unwrap_or_else(|e| panic!("{e}"));
                std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
            } else {
                stale.push(rel.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "fixtures differ from their generator (run `ESEP_BLESS=1 cargo test`): {stale:?}"
    );
}

#[test]
fn contract_page_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/input-contract.md");
    let expected = esep_ingest::doc::contract_markdown();
    if std::env::var_os("ESEP_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/input-contract.md differs from the contract (run `ESEP_BLESS=1 cargo test`)"
    );
}

#[test]
fn indicators_page_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/indicators.md");
    let expected = esep_analysis::doc::indicators_markdown(
        &esep_analysis::Catalogue::builtin(),
        &esep_analysis::Settings::builtin(),
    );
    if std::env::var_os("ESEP_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/indicators.md differs from the catalogue (run `ESEP_BLESS=1 cargo test`)"
    );
}
