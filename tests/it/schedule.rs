//! The department's schedule of meetings (rules 4, 8.1): two PDFs to approve and publish, and a
//! calendar of RFC 5545, at the pack's root.

use crate::pdf;
use crate::workbooks::build_valid_small;

#[test]
fn the_schedule_lists_every_meeting_by_date_to_approve() {
    let dir = crate::cli::tmp();
    let out = build_valid_small(dir.path());
    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let ru = flat(pdf::text(&out.join("schedule.ru.pdf")));
    assert!(
        // The approval block: the department's chief approves (its lines run together in the text).
        ru.starts_with("УТВЕРЖДАЮДепартамент полиции Тестовой областиполковник полиции Әлиев Әлібек"),
        "{ru}"
    );
    assert!(ru.contains("График отчётных встреч начальников органов полиции с населением"), "{ru}");
    // By date: the department on 20.02, then the districts on 24.02 and 26.02.
    let at = |s: &str| ru.find(s).unwrap_or_else(|| panic!("`{s}` missing in {ru}"));
    assert!(at("1 Департамент полиции Тестовой области") < at("2 Отдел полиции Первого района"));
    assert!(at("20.02.2026 11:00") < at("24.02.2026 15:00"));
    assert!(at("24.02.2026 15:00") < at("26.02.2026 15:00"));
    let kk = flat(pdf::text(&out.join("schedule.kk.pdf")));
    assert!(
        kk.starts_with("БЕКІТЕМІНСынақ облысының Полиция департаментіполиция полковнигі Әлиев Әлібек"),
        "{kk}"
    );
    assert!(kk.contains("Бірінші ауданның Полиция бөлімі"), "{kk}");
    assert!(!kk.contains("Отдел полиции"), "{kk}");
}

#[test]
fn the_calendar_has_one_event_per_meeting_in_utc() {
    let dir = crate::cli::tmp();
    let out = build_valid_small(dir.path());
    let ics = std::fs::read_to_string(out.join("schedule.ics")).unwrap_or_else(|e| panic!("{e}"));
    // Content lines end with CRLF and are folded at 75 octets.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{ics}");
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 3);
    // 11:00 in Kazakhstan (UTC+5) is 06:00 UTC; the meeting lasts `meeting.duration_minutes`.
    let dep = unfolded.split("BEGIN:VEVENT").find(|e| e.contains("UID:2025-12-DEP@esep")).unwrap_or_default();
    for line in ["DTSTART:20260220T060000Z", "DTEND:20260220T080000Z", "DTSTAMP:20260205T000000Z"] {
        assert!(dep.contains(line), "{line} in {dep}");
    }
    assert!(dep.contains("SUMMARY;LANGUAGE=kk:Полиция органы бастығының халық алдындағы есебі — Сынақ облысының Полиция департаменті"));
    assert!(dep.contains("LOCATION;LANGUAGE=kk:Мәдениет үйі / Дом культуры"));
    assert!(dep.contains("Начальник: полковник полиции Әлиев Әлібек"), "{dep}");
    // The same inputs give the same calendar: no clock, no random identifier.
    let again = dir.path().join("again");
    crate::cli::success(&[
        "build",
        crate::cli::s(&crate::fixtures::fixtures_dir().join("valid-small")),
        "--out",
        crate::cli::s(&again),
        "--quiet",
    ]);
    assert_eq!(std::fs::read(again.join("schedule.ics")).unwrap_or_default(), ics.as_bytes());
}
