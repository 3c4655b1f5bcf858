//! Reporting periods: cumulative months since 1 January, compared with the same period of the
//! previous year (АППГ).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A cumulative reporting period: `months` (3, 6, 9 or 12) since 1 January of `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// Reporting year.
    pub year: i32,
    /// Months since 1 January: 3, 6, 9 or 12.
    pub months: u32,
}

impl Period {
    /// The same period of the previous year (АППГ).
    pub fn previous(self) -> Self {
        Self { year: self.year - 1, ..self }
    }

    /// First day: 1 January.
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 1, 1).unwrap_or_default()
    }

    /// Last day: the end of the period's last month.
    pub fn end(self) -> NaiveDate {
        let next = if self.months >= 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, self.months + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or_default()
    }

    /// Whether a date falls inside the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        date >= self.start() && date <= self.end()
    }

    /// The period a date's year belongs to with the same months, if the date is inside it.
    pub fn of_date(self, date: NaiveDate) -> Option<Self> {
        let p = Self { year: date.year(), ..self };
        p.contains(date).then_some(p)
    }

    /// Kazakh name, e.g. «2025 жылғы 12 ай».
    pub fn label_kk(self) -> String {
        format!("{} жылғы {} ай", self.year, self.months)
    }

    /// Russian name, e.g. «12 месяцев 2025 года».
    pub fn label_ru(self) -> String {
        // 3 месяца, 6 (9, 12) месяцев.
        let noun = if self.months % 10 == 3 && self.months != 13 { "месяца" } else { "месяцев" };
        format!("{} {noun} {} года", self.months, self.year)
    }

    /// The period's name for a message, in each language.
    pub fn named(self) -> crate::Arg {
        let en = format!("{} months of {}", self.months, self.year);
        crate::Arg::Name(Box::new([self.label_kk(), self.label_ru(), en]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_of_quarters() {
        let p = Period { year: 2024, months: 3 };
        assert_eq!(p.end(), NaiveDate::from_ymd_opt(2024, 3, 31).unwrap_or_default());
        let p = Period { year: 2025, months: 6 };
        assert_eq!(p.end(), NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default());
        let p = Period { year: 2025, months: 12 };
        assert_eq!(p.end(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default());
        assert_eq!(p.previous().start(), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default());
        assert_eq!(p.label_ru(), "12 месяцев 2025 года");
        assert_eq!(p.label_kk(), "2025 жылғы 12 ай");
        assert_eq!(Period { year: 2026, months: 3 }.label_ru(), "3 месяца 2026 года");
    }

    #[test]
    fn dates_fall_in_current_or_previous() {
        let p = Period { year: 2025, months: 9 };
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
        assert_eq!(p.of_date(d(2024, 9, 30)), Some(p.previous()));
        assert_eq!(p.of_date(d(2024, 10, 1)), None);
        assert_eq!(p.of_date(d(2025, 1, 1)), Some(p));
    }
}
