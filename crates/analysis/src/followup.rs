//! The follow-up of a meeting's items (rules 16, 17, 19): their terms in working days, and
//! where each stands on a given day.
//!
//! Terms count from the day of the meeting, on the calendar of `settings.toml` (weekends,
//! holidays, their transfers and each year's decrees): an item within police competence is
//! answered within `appeals.term_working_days` working days (APPC art. 76), or within
//! `appeals.extended_term_months` months of the meeting when the term was extended — an
//! extension decided within those working days and the applicant told of it within
//! `appeals.forwarded_term_working_days` working days; an item outside police competence is
//! forwarded to the competent body within `appeals.forwarded_term_working_days` working days
//! (APPC art. 65, rule 17), the applicant told at the same time.
//!
//! The state is taken as of a day: what the register records after it has not happened yet, so
//! the same register answers "where did we stand on 1 April" as well as "where do we stand".

use chrono::{Datelike, Months, NaiveDate};
use esep_ingest::followup::{Entry, Register};
use esep_ingest::{Diagnostic, Msg, Severity};
use serde::Serialize;

use crate::settings::{Calendar, Settings};

/// The norm a term comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Answer within the working days of APPC art. 76 (rule 16).
    Answer,
    /// Answer within the months of an extended term, APPC art. 76.
    Extended,
    /// Forward to the competent body within the working days of APPC art. 65 (rule 17).
    Forward,
}

impl Basis {
    /// The article of the Administrative Procedural Code.
    pub fn article(self) -> u32 {
        match self {
            Self::Answer | Self::Extended => 76,
            Self::Forward => 65,
        }
    }

    /// The rule of the order.
    pub fn rule(self) -> u32 {
        match self {
            Self::Answer | Self::Extended => 16,
            Self::Forward => 17,
        }
    }
}

/// A term: its last day, the norm and its length (working days, or months for an extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The last day on which it is kept.
    pub due: NaiveDate,
    /// The norm that sets it.
    pub basis: Basis,
    /// Its length: working days, or months for [`Basis::Extended`].
    pub length: u32,
}

/// The terms of one item, from the meeting's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// Forward (outside competence) and tell the applicant.
    pub forward: Term,
    /// Answer, or decide an extension.
    pub answer: Term,
    /// Answer when the term was extended on the given day.
    pub extended: Option<Term>,
    /// Tell the applicant of the extension.
    pub extension_notice: Option<NaiveDate>,
}

/// The calendar and terms of the settings, over the years a follow-up can reach.
#[derive(Debug, Clone)]
pub struct Terms<'a> {
    settings: &'a Settings,
    calendar: Calendar,
}

impl<'a> Terms<'a> {
    /// Terms over meetings from `first` to terms read as of `last` (a year beyond is added).
    pub fn new(settings: &'a Settings, first: NaiveDate, last: NaiveDate) -> Self {
        let (a, b) = (first.year().min(last.year()), first.year().max(last.year()));
        Self { settings, calendar: Calendar::new(&settings.calendar, a..=b) }
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The terms of an item raised at a meeting on `meeting`, its term extended on `extended_on`.
    pub fn deadlines(&self, meeting: NaiveDate, extended_on: Option<NaiveDate>) -> Deadlines {
        let a = &self.settings.appeals;
        let cal = &self.calendar;
        let months = a.extended_term_months;
        Deadlines {
            forward: Term {
                due: cal.add_working_days(meeting, a.forwarded_term_working_days),
                basis: Basis::Forward,
                length: a.forwarded_term_working_days,
            },
            answer: Term {
                due: cal.add_working_days(meeting, a.term_working_days),
                basis: Basis::Answer,
                length: a.term_working_days,
            },
            extended: extended_on.map(|_| Term {
                due: meeting.checked_add_months(Months::new(months)).unwrap_or(meeting),
                basis: Basis::Extended,
                length: months,
            }),
            extension_notice: extended_on.map(|d| cal.add_working_days(d, a.forwarded_term_working_days)),
        }
    }

    /// The first term of an item, as the register states it before any work: forward when
    /// outside police competence, else answer.
    pub fn first_term(&self, meeting: NaiveDate, competence: bool) -> Term {
        let d = self.deadlines(meeting, None);
        if competence { d.answer } else { d.forward }
    }
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Neither answered nor forwarded.
    Open,
    /// Answered.
    Answered,
    /// Forwarded to the competent body.
    Forwarded,
}

/// One item as of the day of the control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemControl {
    /// Unit code.
    pub unit: String,
    /// Its number in the protocol.
    pub number: i64,
    /// Registration number, or empty.
    pub registration: String,
    /// `complaint`, `proposal`, `remark` or `question`.
    pub kind: String,
    /// As said.
    pub text: String,
    /// The language it is written in.
    pub language: String,
    /// Within police competence.
    pub competence: bool,
    /// The officer responsible.
    pub responsible: String,
    /// Where it stands.
    pub state: State,
    /// The term that applies (kept or not).
    pub term: Term,
    /// Answered or forwarded on.
    pub done_on: Option<NaiveDate>,
    /// Done within the term (`None` while open).
    pub on_time: Option<bool>,
    /// Open, its term ends within the working days of the forwarding term (3).
    pub due_soon: bool,
    /// Open past its term.
    pub overdue: bool,
    /// The applicant's notice (of a forwarding or an extension) is due: by this day.
    pub notice_due: Option<NaiveDate>,
    /// The applicant told on.
    pub notified_on: Option<NaiveDate>,
    /// A notice due is not given in time (missing past its day, or given late).
    pub not_notified: bool,
    /// The outcome's id, when answered or forwarded.
    pub outcome: String,
    /// The body it was forwarded to.
    pub forwarded_to: String,
    /// The answer in brief.
    pub answer: String,
    /// The term extended on, when it was by then.
    pub extended_on: Option<NaiveDate>,
}

/// Counts of a unit or the department.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Items followed.
    pub items: usize,
    /// Neither answered nor forwarded.
    pub open: usize,
    /// Open, due within 3 working days.
    pub due_soon: usize,
    /// Open past the term.
    pub overdue: usize,
    /// Answered.
    pub answered: usize,
    /// Answered within the term.
    pub answered_on_time: usize,
    /// Answered after it.
    pub answered_late: usize,
    /// Forwarded to the competent body.
    pub forwarded: usize,
    /// Forwarded within the term.
    pub forwarded_on_time: usize,
    /// Forwarded after it.
    pub forwarded_late: usize,
    /// An applicant not told in time of a forwarding or an extension.
    pub not_notified: usize,
}

impl Counts {
    fn add(&mut self, it: &ItemControl) {
        self.items += 1;
        match (it.state, it.on_time) {
            (State::Open, _) => {
                self.open += 1;
                self.due_soon += usize::from(it.due_soon);
                self.overdue += usize::from(it.overdue);
            }
            (State::Answered, on_time) => {
                self.answered += 1;
                if on_time == Some(true) { self.answered_on_time += 1 } else { self.answered_late += 1 }
            }
            (State::Forwarded, on_time) => {
                self.forwarded += 1;
                if on_time == Some(true) { self.forwarded_on_time += 1 } else { self.forwarded_late += 1 }
            }
        }
        self.not_notified += usize::from(it.not_notified);
    }

    fn merge(&mut self, o: &Counts) {
        self.items += o.items;
        self.open += o.open;
        self.due_soon += o.due_soon;
        self.overdue += o.overdue;
        self.answered += o.answered;
        self.answered_on_time += o.answered_on_time;
        self.answered_late += o.answered_late;
        self.forwarded += o.forwarded;
        self.forwarded_on_time += o.forwarded_on_time;
        self.forwarded_late += o.forwarded_late;
        self.not_notified += o.not_notified;
    }

    /// Any item late: open past its term, done late, or an applicant not told in time.
    pub fn any_late(&self) -> bool {
        self.overdue + self.answered_late + self.forwarded_late + self.not_notified > 0
    }
}

/// One unit's follow-up of one meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitControl {
    /// Unit code.
    pub unit: String,
    /// Name, Kazakh.
    pub name_kk: String,
    /// Russian.
    pub name_ru: String,
    /// Its chief (rule 19 puts the control on the body's leadership), Kazakh.
    pub chief_kk: String,
    /// Russian.
    pub chief_ru: String,
    /// The meeting.
    pub meeting: NaiveDate,
    /// Items the protocol recorded.
    pub recorded: i64,
    /// Counts.
    pub counts: Counts,
    /// The items, by number.
    pub items: Vec<ItemControl>,
}

/// The control of the department as of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Control {
    /// The day the control is taken on.
    pub as_of: NaiveDate,
    /// The terms' settings, stated so every date can be traced.
    pub term_working_days: u32,
    /// Months of an extended term.
    pub extended_term_months: u32,
    /// Working days to forward and to tell the applicant.
    pub forwarded_term_working_days: u32,
    /// At most this many items are listed in the printed control (`control.listed_max`).
    pub listed_max: u32,
    /// Units, in the order given (registers sorted by unit code, then meeting).
    pub units: Vec<UnitControl>,
    /// The department's counts.
    pub total: Counts,
}

impl Control {
    /// Items open, overdue, done late or with an applicant not told in time: oldest term first.
    pub fn attention(&self) -> Vec<&ItemControl> {
        let mut list: Vec<&ItemControl> = self
            .units
            .iter()
            .flat_map(|u| &u.items)
            .filter(|it| it.state == State::Open || it.on_time == Some(false) || it.not_notified)
            .collect();
        list.sort_by(|a, b| (a.term.due, &a.unit, a.number).cmp(&(b.term.due, &b.unit, b.number)));
        list
    }
}

/// Where `e`, raised at the meeting on `meeting`, stands as of `as_of`.
pub fn item(terms: &Terms<'_>, unit: &str, meeting: NaiveDate, e: &Entry, as_of: NaiveDate) -> ItemControl {
    let by = |d: Option<NaiveDate>| d.filter(|d| *d <= as_of);
    let (forwarded, answered, extended) = (by(e.forwarded_on), by(e.answered_on), by(e.extended_on));
    let d = terms.deadlines(meeting, extended);
    let cal = terms.calendar();
    let soon = terms.settings.appeals.forwarded_term_working_days;
    let mut it = ItemControl {
        unit: unit.to_string(),
        number: e.number,
        registration: e.registration.clone(),
        kind: e.kind.clone(),
        text: e.text.clone(),
        language: e.language.clone(),
        competence: e.competence,
        responsible: e.responsible.clone(),
        state: State::Open,
        term: d.extended.unwrap_or(d.answer),
        done_on: None,
        on_time: None,
        due_soon: false,
        overdue: false,
        notice_due: None,
        notified_on: None,
        not_notified: false,
        outcome: String::new(),
        forwarded_to: String::new(),
        answer: String::new(),
        extended_on: extended,
    };
    // A notice kept when given by its day; missing, it is late only once its day has passed.
    let late_notice = |due: NaiveDate, told: Option<NaiveDate>| told.map_or(as_of > due, |t| t > due);
    if let Some(on) = forwarded {
        it.state = State::Forwarded;
        it.term = d.forward;
        it.done_on = Some(on);
        it.on_time = Some(on <= d.forward.due);
        it.outcome = "forwarded".into();
        it.forwarded_to.clone_from(&e.forwarded_to);
        // Told at the same time as the forwarding: by its term, or the day of a late forwarding.
        let due = d.forward.due.max(on);
        it.notice_due = Some(due);
        it.notified_on = by(e.notified_on);
        it.not_notified = late_notice(due, it.notified_on);
        return it;
    }
    if let Some(due) = d.extension_notice {
        it.notice_due = Some(due);
        it.notified_on = by(e.extension_notified_on);
        it.not_notified = late_notice(due, it.notified_on);
    }
    if let Some(on) = answered {
        it.state = State::Answered;
        it.done_on = Some(on);
        it.on_time = Some(on <= it.term.due);
        it.outcome.clone_from(&e.outcome);
        it.answer.clone_from(&e.answer);
        return it;
    }
    if !e.competence {
        it.term = d.forward;
    }
    it.overdue = as_of > it.term.due;
    it.due_soon = !it.overdue && cal.working_days_between(as_of, it.term.due) <= soon;
    it
}

/// The control of `registers` as of `as_of`.
pub fn control(registers: &[Register], settings: &Settings, as_of: NaiveDate) -> Control {
    let first = registers.iter().map(|r| r.meeting).min().unwrap_or(as_of);
    let last = registers.iter().map(|r| r.meeting).max().unwrap_or(as_of).max(as_of);
    let terms = Terms::new(settings, first, last);
    let mut sorted: Vec<&Register> = registers.iter().collect();
    sorted.sort_by(|a, b| (&a.unit, a.meeting).cmp(&(&b.unit, b.meeting)));
    let mut total = Counts::default();
    let units = sorted
        .into_iter()
        .map(|r| {
            let items: Vec<ItemControl> =
                r.items.iter().map(|e| item(&terms, &r.unit, r.meeting, e, as_of)).collect();
            let mut counts = Counts::default();
            for it in &items {
                counts.add(it);
            }
            total.merge(&counts);
            UnitControl {
                unit: r.unit.clone(),
                name_kk: r.unit_kk.clone(),
                name_ru: r.unit_ru.clone(),
                chief_kk: r.chief_kk.clone(),
                chief_ru: r.chief_ru.clone(),
                meeting: r.meeting,
                recorded: r.recorded,
                counts,
                items,
            }
        })
        .collect();
    let a = &settings.appeals;
    Control {
        as_of,
        term_working_days: a.term_working_days,
        extended_term_months: a.extended_term_months,
        forwarded_term_working_days: a.forwarded_term_working_days,
        listed_max: settings.control.listed_max,
        units,
        total,
    }
}

/// What became of the items of a unit's previous meeting, as its next report states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Previous {
    /// The register it comes from, `followup/NAME.xlsx`.
    pub file: String,
    /// The previous meeting.
    pub meeting: NaiveDate,
    /// The day the state is taken on: this period's meeting, else the period's last day.
    pub as_of: NaiveDate,
    /// Items the protocol recorded.
    pub recorded: i64,
    /// Counts of the items taken for checking.
    pub counts: Counts,
    /// Those items, by number.
    pub items: Vec<ItemControl>,
}

/// The latest register of `unit` for a meeting before `current` (this period's meeting, when
/// planned), taken as of `current`, else as of `period_end`.
pub fn previous(
    registers: &[Register],
    settings: &Settings,
    unit: &str,
    current: Option<NaiveDate>,
    period_end: NaiveDate,
) -> Option<Previous> {
    let register = registers
        .iter()
        .filter(|r| r.unit == unit && current.is_none_or(|c| r.meeting < c))
        .max_by_key(|r| r.meeting)?;
    let as_of = current.unwrap_or(period_end);
    let control = control(std::slice::from_ref(register), settings, as_of);
    let u = control.units.into_iter().next()?;
    Some(Previous {
        file: register.file.clone(),
        meeting: register.meeting,
        as_of,
        recorded: register.recorded,
        counts: u.counts,
        items: u.items,
    })
}

/// The terms the register's dates break that only the calendar shows: an extension decided
/// after the working days of APPC art. 76 had run out.
pub fn check(register: &Register, settings: &Settings) -> Vec<Diagnostic> {
    let last = register.items.iter().filter_map(|e| e.extended_on).max().unwrap_or(register.meeting);
    let terms = Terms::new(settings, register.meeting, last);
    let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let mut out = Vec::new();
    for (i, e) in register.items.iter().enumerate() {
        let answer = terms.deadlines(register.meeting, None).answer;
        if let Some(on) = e.extended_on
            && on > answer.due
        {
            out.push(
                register.diag(
                    Severity::Error,
                    "extended_on",
                    i,
                    Msg::new("E-LATE-EXTENSION")
                        .arg("date", day(on))
                        .arg("days", answer.length)
                        .arg("due", day(answer.due)),
                ),
            );
        }
    }
    out
}

/// One line for a unit: `SRK-KTL (meeting 20.03.2026): 6 items — 2 open (1 overdue), …`.
pub fn summary_line(u: &UnitControl) -> Msg {
    let c = &u.counts;
    Msg::new("control-line")
        .arg("unit", u.unit.as_str())
        .arg("meeting", u.meeting.format("%d.%m.%Y").to_string())
        .arg("items", c.items)
        .arg("open", c.open)
        .arg("soon", c.due_soon)
        .arg("overdue", c.overdue)
        .arg("answered", c.answered)
        .arg("late", c.answered_late)
        .arg("forwarded", c.forwarded)
        .arg("forwarded_late", c.forwarded_late)
        .arg("not_told", c.not_notified)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn settings() -> Settings {
        Settings::builtin()
    }

    /// The second route: the days off of 2025–2027 written out by hand from the Labour Code
    /// (art. 84, 85) and the settings' decrees, and the term counted day by day over them.
    fn by_hand(from: NaiveDate, n: u32) -> NaiveDate {
        let off = [
            // 2025: 1–2 Jan, 7 Jan, 8 Mar (Sat) → 10 Mar, 21 Mar (Fri), 22–23 Mar (Sat–Sun) → 24 and
            // 25 Mar, 1, 7, 9 May,
            // 6 Jun (Kurban Ait), 6 Jul (Sun) → 7 Jul, 30 Aug (Sat) → 1 Sep, 25 Oct (Sat) → 27 Oct, 16 Dec.
            d(2025, 1, 1),
            d(2025, 1, 2),
            d(2025, 1, 7),
            d(2025, 3, 10),
            d(2025, 3, 21),
            d(2025, 3, 24),
            d(2025, 3, 25),
            d(2025, 5, 1),
            d(2025, 5, 7),
            d(2025, 5, 9),
            d(2025, 6, 6),
            d(2025, 7, 7),
            d(2025, 9, 1),
            d(2025, 10, 27),
            d(2025, 12, 16),
            // 2026: 1–2 Jan, 7 Jan, 8 Mar (Sun) → 9 Mar, 21–22 Mar (Sat–Sun) and 23 Mar (Mon) → 24
            // and 25 Mar, 1, 7 May, 9 May (Sat) → 11 May, 27 May (Kurban Ait), 6 Jul, 30 Aug (Sun)
            // → 31 Aug, 25 Oct (Sun) → 26 Oct, 16 Dec.
            d(2026, 1, 1),
            d(2026, 1, 2),
            d(2026, 1, 7),
            d(2026, 3, 9),
            d(2026, 3, 23),
            d(2026, 3, 24),
            d(2026, 3, 25),
            d(2026, 5, 1),
            d(2026, 5, 7),
            d(2026, 5, 11),
            d(2026, 5, 27),
            d(2026, 7, 6),
            d(2026, 8, 31),
            d(2026, 10, 26),
            d(2026, 12, 16),
            // 2027: 1 Jan (Fri), 2 Jan (Sat) → 4 Jan, 7 Jan.
            d(2027, 1, 1),
            d(2027, 1, 4),
            d(2027, 1, 7),
        ];
        let mut day = from;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().unwrap_or(day);
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            if !weekend && !off.contains(&day) {
                left -= 1;
            }
        }
        day
    }

    #[test]
    fn nauryz_meeting_terms() {
        // Friday 20 March 2026: Nauryz 21–23 March, the weekend's two days off moved to 24 and
        // 25 March. Working days from 26 March: 26, 27, 30, 31 Mar, 1–3 Apr, 6–10 Apr, 13–15 Apr.
        let s = settings();
        let t = Terms::new(&s, d(2026, 3, 20), d(2026, 3, 20));
        let dl = t.deadlines(d(2026, 3, 20), Some(d(2026, 4, 1)));
        assert_eq!(dl.forward.due, d(2026, 3, 30));
        assert_eq!(dl.answer.due, d(2026, 4, 15));
        assert_eq!(dl.extended.map(|t| t.due), Some(d(2026, 5, 20)));
        // Told of the extension within 3 working days of 1 April: 2, 3, 6 April.
        assert_eq!(dl.extension_notice, Some(d(2026, 4, 6)));
        for n in [3, 15] {
            assert_eq!(t.calendar().add_working_days(d(2026, 3, 20), n), by_hand(d(2026, 3, 20), n));
        }
    }

    #[test]
    fn meeting_before_the_may_holidays() {
        // Thursday 30 April 2026: 1 May (Fri) off; 4–6 May, 7 May off, 8 May, 9 May (Sat) moved to
        // Monday 11 May; 12–15, 18–22, 25–26 May. Forward by 6 May; answer by 26 May (27 May is
        // Kurban Ait).
        let s = settings();
        let t = Terms::new(&s, d(2026, 4, 30), d(2026, 4, 30));
        let dl = t.deadlines(d(2026, 4, 30), None);
        assert_eq!(dl.forward.due, d(2026, 5, 6));
        assert_eq!(dl.answer.due, d(2026, 5, 26));
        for n in [3, 15] {
            assert_eq!(t.calendar().add_working_days(d(2026, 4, 30), n), by_hand(d(2026, 4, 30), n));
        }
    }

    #[test]
    fn extension_crossing_the_year_end() {
        // Tuesday 1 December 2026: 16 December off; answer by 23 December; extended, by 1 February
        // 2027; an extension decided on 22 December is told by 25 December.
        let s = settings();
        let t = Terms::new(&s, d(2026, 12, 1), d(2026, 12, 22));
        let dl = t.deadlines(d(2026, 12, 1), Some(d(2026, 12, 22)));
        assert_eq!(dl.answer.due, d(2026, 12, 23));
        assert_eq!(dl.extended.map(|t| t.due), Some(d(2027, 2, 1)));
        assert_eq!(dl.extension_notice, Some(d(2026, 12, 25)));
        // 15 working days from 21 December 2026 run over New Year: 22–25, 28–31 Dec, 5, 6, 8,
        // 11–14 Jan (1, 4 and 7 January off).
        assert_eq!(t.calendar().add_working_days(d(2026, 12, 21), 15), d(2027, 1, 14));
        assert_eq!(by_hand(d(2026, 12, 21), 15), d(2027, 1, 14));
        for from in [d(2025, 1, 1), d(2025, 3, 7), d(2025, 12, 10), d(2026, 8, 27), d(2026, 10, 22)] {
            let t = Terms::new(&s, from, from);
            for n in [1, 3, 15] {
                assert_eq!(t.calendar().add_working_days(from, n), by_hand(from, n), "{from} + {n}");
            }
        }
    }

    fn entry(number: i64, competence: bool) -> Entry {
        Entry { number, kind: "complaint".into(), text: "…".into(), competence, ..Entry::default() }
    }

    #[test]
    fn states_as_of_a_day() {
        let s = settings();
        let meeting = d(2026, 3, 20);
        let t = Terms::new(&s, meeting, d(2026, 6, 1));
        let on_time =
            Entry { answered_on: Some(d(2026, 4, 10)), outcome: "explained".into(), ..entry(1, true) };
        let late = Entry { answered_on: Some(d(2026, 4, 16)), outcome: "satisfied".into(), ..entry(2, true) };
        let forwarded =
            Entry {
                forwarded_on: Some(d(2026, 3, 26)), forwarded_to: "әкімдік".into(), ..entry(3, false)
            };
        let open = entry(4, true);
        let extended = Entry {
            extended_on: Some(d(2026, 4, 14)),
            extension_reason: "сараптама".into(),
            extension_notified_on: Some(d(2026, 4, 17)),
            ..entry(5, true)
        };
        // As of 13 April (15-day term ends 15 April): 1 answered, the rest still open.
        let at = |e: &Entry, day| item(&t, "U", meeting, e, day);
        let a = at(&on_time, d(2026, 4, 13));
        assert_eq!((a.state, a.on_time), (State::Answered, Some(true)));
        let b = at(&late, d(2026, 4, 13));
        assert_eq!((b.state, b.due_soon, b.overdue), (State::Open, true, false));
        let c = at(&forwarded, d(2026, 4, 13));
        assert_eq!((c.state, c.on_time, c.not_notified), (State::Forwarded, Some(true), true));
        let e = at(&extended, d(2026, 4, 13));
        assert_eq!((e.state, e.term.due), (State::Open, d(2026, 4, 15)));
        // As of 1 June: 2 answered late, 4 overdue, 5 extended to 20 May and overdue, its applicant
        // told on 17 April (due 17 April: 15, 16, 17).
        let b = at(&late, d(2026, 6, 1));
        assert_eq!((b.state, b.on_time), (State::Answered, Some(false)));
        let o = at(&open, d(2026, 6, 1));
        assert!(o.overdue);
        let e = at(&extended, d(2026, 6, 1));
        assert_eq!((e.term.due, e.overdue, e.not_notified), (d(2026, 5, 20), true, false));
    }

    #[test]
    fn extension_after_the_term_is_an_error() {
        let s = settings();
        let reg = Register {
            file: "f.xlsx".into(),
            unit: "U".into(),
            unit_kk: String::new(),
            unit_ru: String::new(),
            chief_kk: String::new(),
            chief_ru: String::new(),
            meeting: d(2026, 3, 20),
            recorded: 2,
            followed: vec![1, 2],
            items: vec![
                Entry { row: 1, extended_on: Some(d(2026, 4, 15)), ..entry(1, true) },
                Entry { row: 2, extended_on: Some(d(2026, 4, 16)), ..entry(2, true) },
            ],
            sheet: "register".into(),
            columns: vec![("number", Some(0)), ("extended_on", Some(13))],
        };
        let found = check(&reg, &s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cell.as_deref(), Some("N3"));
        let message = found[0].message(esep_ingest::Lang::En);
        assert!(message.contains("ended on 15.04.2026"), "{message}");
    }
}
