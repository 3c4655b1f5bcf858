//! Settings of the computations (`templates/settings.toml`): appeal terms, the working-day
//! calendar, survey thresholds, the significance level and the rate basis.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The settings shipped with esep.
pub const SETTINGS_TOML: &str = include_str!("../../../templates/settings.toml");

/// Every setting; all keys are required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Terms for answering appeals.
    pub appeals: AppealTerms,
    /// The meeting and its announcement.
    pub meeting: MeetingSettings,
    /// Survey estimation.
    pub survey: SurveySettings,
    /// Tests of changes against the previous year.
    pub changes: ChangeSettings,
    /// Rates per population.
    pub rates: RateSettings,
    /// Days off.
    pub calendar: CalendarSettings,
    /// The control of the protocols' execution (rule 19).
    pub control: ControlSettings,
    /// Rankings of bodies in the documents.
    pub charts: ChartSettings,
    /// Lists of a unit's bodies' measures and publications in its report.
    pub lists: ListSettings,
}

/// How many rows a ranking of bodies shows in a document (see [`Self::shown`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSettings {
    /// On a report's page.
    pub report_rows: u32,
    /// On a slide.
    pub slide_rows: u32,
}

impl ChartSettings {
    /// The fewest rows that show both ends and a unit with its neighbours and the two runs left
    /// out around them.
    pub const MIN_ROWS: u32 = 7;

    /// Which of `n` ranked bodies a chart of `rows` rows shows, `highlight` (the unit itself)
    /// with its neighbours: each shown body's index, or how many are left out where a run
    /// is left out. All of them when they fit.
    pub fn shown(n: usize, highlight: Option<usize>, rows: u32) -> Vec<Shown> {
        let rows = rows.max(Self::MIN_ROWS) as usize;
        if n <= rows {
            return (0..n).map(Shown::Body).collect();
        }
        // The best and the worst around one row saying how many are left out; a unit between
        // them is shown with its neighbours, the ends sharing what those rows and a second
        // row left out leave.
        let (mut head, mut tail) = ((rows - 1).div_ceil(2), (rows - 1) / 2);
        let mut around = Vec::new();
        if let Some(at) = highlight.filter(|&at| at >= head && at < n - tail) {
            around = vec![at - 1, at, at + 1];
            let ends = rows - around.len() - 2;
            (head, tail) = (ends.div_ceil(2), ends / 2);
        }
        // In order and apart: the unit's neighbours fall between the ends as they shrank.
        let kept: Vec<usize> = (0..head).chain(around).chain(n - tail..n).collect();
        let mut out = Vec::with_capacity(rows);
        for (k, &i) in kept.iter().enumerate() {
            match k.checked_sub(1).map(|j| i - kept[j] - 1) {
                // One body left out takes the row that would say so.
                Some(1) => out.push(Shown::Body(i - 1)),
                Some(left) if left > 1 => out.push(Shown::Omitted(left)),
                _ => {}
            }
            out.push(Shown::Body(i));
        }
        out
    }
}

/// A row of a ranking: a body (its index) or how many bodies are left out there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The body at this index of the ranking.
    Body(usize),
    /// This many bodies are left out here.
    Omitted(usize),
}

/// How many rows of its bodies a unit's report lists (see [`Self::listed`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListSettings {
    /// Rows of the report's list of measures not carried out, and of its list of publications.
    pub report_rows: u32,
}

impl ListSettings {
    /// Which of a list's `n` rows a unit's report lists: every row of the unit's own (`own`),
    /// then its bodies' rows, the lowest `first` first, up to `report_rows` rows in all (one
    /// more when that one is all that is left out). The listed rows' indices in the list's
    /// order, and how many rows are left out: each a body's, which that body's own report lists.
    pub fn listed<K: Ord>(
        &self,
        n: usize,
        own: impl Fn(usize) -> bool,
        first: impl Fn(usize) -> K,
    ) -> (Vec<usize>, usize) {
        let rows = self.report_rows as usize;
        if n <= rows + 1 {
            return ((0..n).collect(), 0);
        }
        let (mut listed, mut bodies): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| own(i));
        bodies.sort_by_cached_key(|&i| (first(i), i));
        let room = rows.saturating_sub(listed.len());
        let left = bodies.len().saturating_sub(room);
        // One row left out takes the row that would say so.
        let take = if left == 1 { bodies.len() } else { room.min(bodies.len()) };
        listed.extend_from_slice(&bodies[..take]);
        listed.sort_unstable();
        let omitted = n - listed.len();
        (listed, omitted)
    }
}

/// The control report of `esep followup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlSettings {
    /// The printed control lists at most this many items needing attention, the oldest term
    /// first; `control.xlsx` lists every item.
    pub listed_max: u32,
}

/// The meeting of rule 8.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSettings {
    /// Emergency lines that may not be given as the way to send questions.
    pub emergency_numbers: Vec<String>,
    /// Rule 8.2: days between the announcement in the media and the meeting, at least.
    pub announce_days: u32,
    /// How long a meeting is planned to last, for the schedule's calendar events.
    pub duration_minutes: u32,
    /// The meetings' local time against UTC, in hours (all of Kazakhstan: +5 since 1 March 2024).
    pub utc_offset_hours: i32,
    /// The IANA name of that time zone, stated in the schedule's calendar.
    pub time_zone: String,
    /// The printed protocol has a row for every this many seats of the hall (rule 9), and at
    /// least `protocol_min_rows`.
    pub protocol_seats_per_row: u32,
    /// The fewest rows of the printed protocol.
    pub protocol_min_rows: u32,
    /// The most rows of the printed protocol, however large the hall (more are added by hand).
    pub protocol_max_rows: u32,
}

/// Terms of the Administrative Procedural Code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealTerms {
    /// Working days to decide an appeal (art. 76).
    pub term_working_days: u32,
    /// Months to decide an appeal whose term was extended (art. 76).
    pub extended_term_months: u32,
    /// Working days to forward an appeal to the competent body (art. 65).
    pub forwarded_term_working_days: u32,
}

/// Survey estimation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveySettings {
    /// Fewer respondents than this: estimate flagged and not ranked.
    pub min_respondents: u32,
    /// Confidence level of the intervals, e.g. 0.95.
    pub confidence: f64,
}

/// Significance of changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeSettings {
    /// Significance level of the two-sided tests.
    pub alpha: f64,
    /// The smallest base (previous count) from which a change is also given in %.
    pub min_base: f64,
}

/// How rates per population are based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RateBasis {
    /// The period's counts as they are.
    Period,
    /// Scaled to a full year: × 12 / months.
    Annual,
}

/// Rates per population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSettings {
    /// `period` or `annual`.
    pub basis: RateBasis,
}

/// The calendar as written in the settings file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSettings {
    /// Holidays of every year, `MM-DD`.
    pub fixed_holidays: Vec<String>,
    /// Fixed holidays whose day off is not moved off a weekend.
    pub no_transfer: Vec<String>,
    /// Days off of one year, `YYYY-MM-DD`.
    pub extra_days_off: Vec<String>,
    /// Weekend days made working days, `YYYY-MM-DD`.
    pub working_weekend_days: Vec<String>,
}

/// Why a settings file was refused.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// Not TOML of the settings' shape, or a key missing.
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// A number outside its range.
    #[error("{key} {value} is not {expected}")]
    Range {
        /// The key, as `section.name`.
        key: &'static str,
        /// The value given.
        value: String,
        /// The range expected.
        expected: &'static str,
    },
    /// A calendar day that is not a day.
    #[error("calendar: `{value}` is not {expected}")]
    Day {
        /// The text given.
        value: String,
        /// The form expected.
        expected: &'static str,
    },
}

impl Settings {
    /// Parses and checks a settings file.
    pub fn parse(text: &str) -> Result<Self, SettingsError> {
        let s: Self = toml::from_str(text)?;
        let range = |key: &'static str, value: f64, expected: &'static str| SettingsError::Range {
            key,
            value: value.to_string(),
            expected,
        };
        if !(0.5..1.0).contains(&s.survey.confidence) {
            return Err(range("survey.confidence", s.survey.confidence, "between 0.5 and 1"));
        }
        if !(0.0..0.5).contains(&s.changes.alpha) || s.changes.alpha == 0.0 {
            return Err(range("changes.alpha", s.changes.alpha, "between 0 and 0.5"));
        }
        if s.meeting.protocol_max_rows < s.meeting.protocol_min_rows {
            return Err(range(
                "meeting.protocol_max_rows",
                f64::from(s.meeting.protocol_max_rows),
                "at least meeting.protocol_min_rows",
            ));
        }
        for (key, rows) in
            [("charts.report_rows", s.charts.report_rows), ("charts.slide_rows", s.charts.slide_rows)]
        {
            if rows < ChartSettings::MIN_ROWS {
                return Err(range(key, f64::from(rows), "at least 7"));
            }
        }
        if s.lists.report_rows == 0 {
            return Err(range("lists.report_rows", 0.0, "at least 1"));
        }
        if s.appeals.term_working_days == 0 {
            return Err(range("appeals.term_working_days", 0.0, "at least 1"));
        }
        for md in s.calendar.fixed_holidays.iter().chain(&s.calendar.no_transfer) {
            month_day(md)
                .ok_or_else(|| SettingsError::Day { value: md.clone(), expected: "a month and day MM-DD" })?;
        }
        for d in s.calendar.extra_days_off.iter().chain(&s.calendar.working_weekend_days) {
            date(d).ok_or_else(|| SettingsError::Day { value: d.clone(), expected: "a date YYYY-MM-DD" })?;
        }
        Ok(s)
    }

    /// The settings shipped with esep.
    pub fn builtin() -> Self {
        // Parsed in a test, so this cannot fail in a released binary.
        Self::parse(SETTINGS_TOML).unwrap_or_else(|e| panic!("built-in settings: {e}"))
    }

    /// The working-day calendar for the given years.
    pub fn calendar(&self, years: std::ops::RangeInclusive<i32>) -> Calendar {
        Calendar::new(&self.calendar, years)
    }

    /// The two-sided normal quantile of the survey confidence level (1.96 for 95 %).
    pub fn z(&self) -> f64 {
        crate::stats::normal_quantile(1.0 - (1.0 - self.survey.confidence) / 2.0)
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn month_day(md: &str) -> Option<(u32, u32)> {
    let (m, d) = md.split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    // 2024 is a leap year, so 02-29 is accepted.
    NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

/// Days off (weekends, holidays and their transfers) over a range of years.
#[derive(Debug, Clone)]
pub struct Calendar {
    off: BTreeSet<NaiveDate>,
    working: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// Builds the days off of `years` (one year beyond is added, so terms may run over New Year).
    pub fn new(cfg: &CalendarSettings, years: std::ops::RangeInclusive<i32>) -> Self {
        let working: BTreeSet<NaiveDate> = cfg.working_weekend_days.iter().filter_map(|d| date(d)).collect();
        let mut off: BTreeSet<NaiveDate> = cfg.extra_days_off.iter().filter_map(|d| date(d)).collect();
        let no_transfer: Vec<(u32, u32)> = cfg.no_transfer.iter().filter_map(|s| month_day(s)).collect();
        let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        for year in *years.start()..=years.end() + 1 {
            let holidays: BTreeSet<NaiveDate> = cfg
                .fixed_holidays
                .iter()
                .filter_map(|s| month_day(s))
                .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, m, d))
                .collect();
            off.extend(&holidays);
            // Art. 85: a holiday on a weekend moves its day off to the next working day.
            for h in &holidays {
                if !weekend(*h) || no_transfer.contains(&(h.month(), h.day())) {
                    continue;
                }
                let mut d = *h;
                while weekend(d) || off.contains(&d) {
                    d = d.succ_opt().unwrap_or(d);
                }
                off.insert(d);
            }
        }
        Self { off, working }
    }

    /// Whether `day` is a working day.
    pub fn is_working(&self, day: NaiveDate) -> bool {
        if self.working.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.off.contains(&day)
    }

    /// The day on which a term of `n` working days counted from the day after `from` ends.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut day = from;
        let mut left = n;
        while left > 0 {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days after `from` up to and including `to` (0 when `to` ≤ `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut day = from;
        while day < to {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working(day) {
                n += 1;
            }
        }
        n
    }
}

/// The last day an appeal may be answered on.
pub fn appeal_deadline(
    terms: &AppealTerms,
    cal: &Calendar,
    received: NaiveDate,
    extended: bool,
    forwarded: bool,
) -> NaiveDate {
    if forwarded {
        cal.add_working_days(received, terms.forwarded_term_working_days)
    } else if extended {
        received.checked_add_months(Months::new(terms.extended_term_months)).unwrap_or(received)
    } else {
        cal.add_working_days(received, terms.term_working_days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn builtin_parses() {
        let s = Settings::parse(SETTINGS_TOML).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.appeals.term_working_days, 15);
        assert!((s.z() - 1.959_964).abs() < 1e-5);
    }

    #[test]
    fn weekend_holiday_moves_to_monday() {
        let cal = Settings::builtin().calendar(2024..=2024);
        // 6 July 2024 (Capital Day) was a Saturday: Monday 8 July is off.
        assert!(!cal.is_working(d(2024, 7, 8)));
        assert!(cal.is_working(d(2024, 7, 9)));
        // 7 January 2024 (Orthodox Christmas) was a Sunday and does not move: Monday 8 is working.
        assert!(cal.is_working(d(2024, 1, 8)));
        // Nauryz 21–23 March 2025 ran Friday to Sunday: Saturday's and Sunday's days off moved
        // to Monday 24 and Tuesday 25 March.
        let cal = Settings::builtin().calendar(2025..=2025);
        assert!(!cal.is_working(d(2025, 3, 24)));
        assert!(!cal.is_working(d(2025, 3, 25)));
        assert!(cal.is_working(d(2025, 3, 26)));
    }

    #[test]
    fn term_with_weekend_and_holiday_inside() {
        let cal = Settings::builtin().calendar(2025..=2025);
        // Received Monday 21 April 2025. Working days counted from the day after: 22–25 April (4),
        // 28–30 April (3, total 7), 1 May holiday, 2 May (8), 5–6 May (10), 7 May holiday,
        // 8 May (11), 9 May holiday, 12–15 May (15). The term ends on Thursday 15 May.
        assert_eq!(cal.add_working_days(d(2025, 4, 21), 15), d(2025, 5, 15));
        assert_eq!(cal.working_days_between(d(2025, 4, 21), d(2025, 5, 15)), 15);
        assert_eq!(cal.working_days_between(d(2025, 4, 21), d(2025, 5, 16)), 16);
        assert_eq!(cal.working_days_between(d(2025, 4, 21), d(2025, 4, 21)), 0);
    }

    #[test]
    fn decree_days_are_honoured() {
        let mut cfg = Settings::builtin().calendar;
        cfg.extra_days_off.push("2025-01-03".into());
        cfg.working_weekend_days.push("2025-01-05".into());
        let cal = Calendar::new(&cfg, 2025..=2025);
        assert!(!cal.is_working(d(2025, 1, 3)));
        assert!(cal.is_working(d(2025, 1, 5)));
    }

    #[test]
    fn extended_and_forwarded_terms() {
        let s = Settings::builtin();
        let cal = s.calendar(2025..=2025);
        let r = d(2025, 4, 21);
        assert_eq!(appeal_deadline(&s.appeals, &cal, r, true, false), d(2025, 6, 21));
        // Three working days: 22, 23, 24 April.
        assert_eq!(appeal_deadline(&s.appeals, &cal, r, false, true), d(2025, 4, 24));
    }

    #[test]
    fn a_long_list_keeps_the_units_own_rows_and_its_bodies_first_ones() {
        let lists = ListSettings { report_rows: 5 };
        // Rows 0..12; the unit's own are 3 and 10; the bodies' rows come by `first`, here
        // answered (odd) after unanswered (even), then in order: 0, 2, 4 fill the five rows.
        let own = |i: usize| i == 3 || i == 10;
        let (listed, omitted) = lists.listed(12, own, |i| i % 2);
        assert_eq!((listed, omitted), (vec![0, 2, 3, 4, 10], 7));
        // Six rows on five: the one left out is listed instead of a row saying so.
        assert_eq!(lists.listed(6, |_| false, |i| i), ((0..6).collect(), 0));
        assert_eq!(lists.listed(7, |_| false, |i| usize::MAX - i), (vec![2, 3, 4, 5, 6], 2));
        // More own rows than room: every own row, none of the bodies'.
        assert_eq!(lists.listed(9, |i| i < 6, |i| i), ((0..6).collect(), 3));
    }

    #[test]
    fn a_long_ranking_keeps_its_ends_and_the_unit_with_its_neighbours() {
        use Shown::{Body as B, Omitted as O};
        // 55 bodies on 16 rows: the 26th (index 25) with the 25th and 27th, the 6 best and
        // the 5 worst, 18 and 23 left out between.
        let shown = ChartSettings::shown(55, Some(25), 16);
        let mut expected: Vec<Shown> = (0..6).map(B).collect();
        expected.extend([O(18), B(24), B(25), B(26), O(23)]);
        expected.extend((50..55).map(B));
        assert_eq!(shown, expected);
        // No unit highlighted (the department's chart): 8 and 7 around one row.
        let shown = ChartSettings::shown(55, None, 16);
        assert_eq!(shown.len(), 16);
        assert_eq!(shown[7..10], [B(7), O(40), B(48)]);
        // A unit among the best, or the last: one run left out, the unit among the ends.
        assert_eq!(ChartSettings::shown(30, Some(6), 16)[6..10], [B(6), B(7), O(15), B(23)]);
        let last = ChartSettings::shown(30, Some(29), 16);
        assert_eq!((last.len(), last[8], last[15]), (16, O(15), B(29)));
        // A unit just past the best: the one body between is shown rather than said left out.
        let near = ChartSettings::shown(30, Some(8), 16);
        assert_eq!((near.len(), &near[9..12]), (16, &[B(9), O(15), B(25)][..]));
        // All of them when they fit; never fewer rows than both ends and the unit need.
        assert_eq!(ChartSettings::shown(16, Some(3), 16), (0..16).map(B).collect::<Vec<_>>());
        assert_eq!(ChartSettings::shown(9, Some(4), 2), [B(0), O(2), B(3), B(4), B(5), O(2), B(8)]);
    }

    #[test]
    fn bad_settings_are_named() {
        let text = SETTINGS_TOML.replace("confidence = 0.95", "confidence = 95");
        assert_eq!(
            Settings::parse(&text).unwrap_err().to_string(),
            "survey.confidence 95 is not between 0.5 and 1"
        );
        let text = SETTINGS_TOML.replace("\"03-08\"", "\"13-08\"");
        assert_eq!(
            Settings::parse(&text).unwrap_err().to_string(),
            "calendar: `13-08` is not a month and day MM-DD"
        );
        let text = SETTINGS_TOML.replace("slide_rows = 16", "slide_rows = 3");
        assert_eq!(Settings::parse(&text).unwrap_err().to_string(), "charts.slide_rows 3 is not at least 7");
    }
}
