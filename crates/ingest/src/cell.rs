//! Converting one spreadsheet cell into a typed value of the contract.

use calamine::Data;
use chrono::{NaiveDate, NaiveTime};

use crate::contract::{Choice, ColumnType, normalise};
use crate::diag::{Arg, Msg};
use crate::text;

/// A typed cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, codes and choice ids.
    Text(String),
    /// Whole numbers (counts, years, months, Likert answers).
    Int(i64),
    /// Decimal numbers (tenge, targets, weights).
    Float(f64),
    /// Calendar dates.
    Date(NaiveDate),
    /// Yes / no.
    Bool(bool),
}

/// Why a cell could not be converted: a message without its column, which the reader adds.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    message: Msg,
}

impl CellError {
    /// The message for `column` (a name in each language, or an id).
    pub fn message(&self, column: impl Into<Arg>) -> Msg {
        let mut m = self.message.clone();
        m.args.insert(0, ("column", column.into()));
        m
    }

    /// The stable code (`E-DATE`).
    pub fn code(&self) -> &'static str {
        self.message.id
    }
}

/// Whether a cell counts as empty: nothing, or only spaces.
pub fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The cell as the analyst sees it, for messages.
pub fn shown(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format_number(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) => {
            let (y, m, d, hh, mm, _, _) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 { format!("{hh:02}:{mm:02}") } else { format!("{d:02}.{m:02}.{y:04}") }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A number without a spurious `.0`: 120.0 → `120`, 2.5 → `2.5`.
fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { f.to_string() }
}

/// Parses a number written as text: spaces and non-breaking spaces as thousands separators,
/// a comma or a point as the decimal mark.
pub fn parse_number_text(s: &str) -> Option<f64> {
    let cleaned: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.chars().filter(|c| *c == '.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// A cell's number: a numeric cell, or text [`parse_number_text`] reads.
pub fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::String(s) => parse_number_text(s),
        _ => None,
    }
}

fn whole(cell: &Data) -> Option<i64> {
    // Exact: 2.5 is not a whole number (calamine's as_i64 would truncate it to 2).
    let f = number(cell)?;
    (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
}

fn date(cell: &Data) -> Option<NaiveDate> {
    match cell {
        Data::DateTime(dt) if dt.as_f64() >= 1.0 => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
        }
        Data::DateTimeIso(s) => s.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        Data::String(s) => {
            let s = s.trim();
            ["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"].iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        }
        _ => None,
    }
}

fn time(cell: &Data) -> Option<NaiveTime> {
    match cell {
        Data::DateTime(dt) => {
            let (.., hh, mm, ss, _) = dt.to_ymd_hms_milli();
            NaiveTime::from_hms_opt(hh.into(), mm.into(), ss.into())
        }
        Data::Float(f) if (0.0..1.0).contains(f) => {
            let minutes = (f * 24.0 * 60.0).round() as u32;
            NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
        }
        Data::DateTimeIso(s) | Data::String(s) => {
            let s = s.trim();
            ["%H:%M", "%H.%M", "%H:%M:%S"].iter().find_map(|f| NaiveTime::parse_from_str(s, f).ok())
        }
        _ => None,
    }
}

fn text(cell: &Data) -> Option<String> {
    match cell {
        Data::String(s) => Some(s.trim().to_string()),
        Data::Float(f) => Some(format_number(*f)),
        Data::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Finds the choice whose id, Kazakh or Russian label matches the cell.
pub fn choice(choices: &'static [Choice], raw: &str) -> Option<&'static Choice> {
    let n = normalise(raw);
    choices.iter().find(|c| [c.id, c.kk, c.ru].iter().any(|l| normalised_label(l) == n))
}

/// A label of the contract, normalised once: a million-row survey asks for them millions of
/// times.
fn normalised_label(label: &'static str) -> std::borrow::Cow<'static, str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static LABELS: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        crate::contract::SOURCES
            .iter()
            .flat_map(|s| s.columns)
            .filter_map(|c| match c.ty {
                ColumnType::Choice(list) | ColumnType::ChoiceSet(list) => Some(list),
                _ => None,
            })
            .flat_map(|list| list.iter().flat_map(|c| [c.id, c.kk, c.ru]))
            .map(|l| (l, normalise(l)))
            .collect()
    });
    match labels.get(label) {
        Some(n) => std::borrow::Cow::Borrowed(n.as_str()),
        None => std::borrow::Cow::Owned(normalise(label)),
    }
}

fn yes_no(cell: &Data) -> Option<bool> {
    match cell {
        Data::Bool(b) => Some(*b),
        Data::Float(f) if *f == 1.0 || *f == 0.0 => Some(*f == 1.0),
        Data::Int(i) if *i == 1 || *i == 0 => Some(*i == 1),
        Data::String(s) => match normalise(s).as_str() {
            "yes" | "иә" | "ия" | "да" | "1" | "true" => Some(true),
            "no" | "жоқ" | "нет" | "0" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Converts a non-blank cell to the column's type. Cross-source checks (unit and indicator
/// codes) happen later; here a code is any text.
pub fn convert(cell: &Data, ty: ColumnType, column: &str) -> Result<Value, CellError> {
    let fail = || CellError {
        message: Msg::new(ty.code())
            .arg("expected", ty.expected_msg())
            .arg("found", text::visible(&shown(cell))),
    };
    let checked = |s: String| match text::text_problem(&s, text::limits(column)) {
        None => Ok(Value::Text(s)),
        Some(p) => Err(CellError { message: Msg::new("E-TEXT").arg("problem", p) }),
    };
    match ty {
        ColumnType::Text | ColumnType::UnitCode | ColumnType::StatCode => {
            text(cell).ok_or_else(fail).and_then(checked)
        }
        ColumnType::Code => {
            let s = text(cell).ok_or_else(fail)?;
            match text::code_problem(&s) {
                None => Ok(Value::Text(s)),
                Some(p) => Err(CellError {
                    message: Msg::new("E-CODE-FORM").arg("problem", p).arg("expected", ty.expected_msg()),
                }),
            }
        }
        ColumnType::Integer { min } => whole(cell).filter(|v| *v >= min).map(Value::Int).ok_or_else(fail),
        ColumnType::Number => number(cell).filter(|v| *v >= 0.0).map(Value::Float).ok_or_else(fail),
        ColumnType::Positive => number(cell).filter(|v| *v > 0.0).map(Value::Float).ok_or_else(fail),
        ColumnType::Date => date(cell).map(Value::Date).ok_or_else(fail),
        ColumnType::Time => time(cell).map(|t| Value::Text(t.format("%H:%M").to_string())).ok_or_else(fail),
        ColumnType::Year => {
            whole(cell).filter(|y| (2000..=2100).contains(y)).map(Value::Int).ok_or_else(fail)
        }
        ColumnType::Months => {
            whole(cell).filter(|m| [3, 6, 9, 12].contains(m)).map(Value::Int).ok_or_else(fail)
        }
        ColumnType::Likert => whole(cell).filter(|v| (1..=5).contains(v)).map(Value::Int).ok_or_else(fail),
        ColumnType::YesNo => yes_no(cell).map(Value::Bool).ok_or_else(fail),
        ColumnType::Choice(choices) => text(cell)
            .and_then(|t| choice(choices, &t))
            .map(|c| Value::Text(c.id.to_string()))
            .ok_or_else(fail),
        ColumnType::ChoiceSet(choices) => {
            let t = text(cell).ok_or_else(fail)?;
            let mut ids = Vec::new();
            for part in t.split([';', ',', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
                match choice(choices, part) {
                    Some(c) => ids.push(c.id),
                    None => {
                        let message = Msg::new("E-CHOICES-UNKNOWN")
                            .arg("part", text::visible(part))
                            .arg("expected", ty.expected_msg());
                        return Err(CellError { message });
                    }
                }
            }
            // The list's order, each once: the same set reads the same however it was typed.
            let set: Vec<&str> = choices.iter().map(|c| c.id).filter(|id| ids.contains(id)).collect();
            if set.is_empty() { Err(fail()) } else { Ok(Value::Text(set.join(";"))) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{APPLICANTS, ColumnType as T};
    use crate::diag::Lang;

    #[test]
    fn a_set_of_choices_in_any_language_and_order() {
        use crate::contract::INVITEES;
        let v = |s: &str| convert(&Data::String(s.into()), T::ChoiceSet(INVITEES), "invited");
        let want = Value::Text("maslikhat;public;media".into());
        assert_eq!(v("media; жұртшылық, Депутаты маслихата").ok(), Some(want.clone()));
        assert_eq!(v("депутаты маслихата\nобщественность;;media; media").ok(), Some(want));
        let e = v("депутаты маслихата; соседи")
            .err()
            .map(|e| e.message("invited").text(Lang::En))
            .unwrap_or_default();
        assert!(e.starts_with("column `invited`: `соседи` is none of them; expected one or more of"), "{e}");
        assert!(v(" ; ").is_err());
    }

    #[test]
    fn numbers_as_text_with_separators() {
        assert_eq!(convert(&Data::String("8 528".into()), T::Integer { min: 0 }, "c"), Ok(Value::Int(8528)));
        assert_eq!(
            convert(&Data::String("1\u{a0}234\u{a0}567".into()), T::Integer { min: 0 }, "c"),
            Ok(Value::Int(1_234_567))
        );
        assert_eq!(convert(&Data::String("12,5".into()), T::Number, "c"), Ok(Value::Float(12.5)));
        assert_eq!(convert(&Data::Float(120.0), T::Integer { min: 0 }, "c"), Ok(Value::Int(120)));
    }

    #[test]
    fn whole_numbers_are_not_truncated() {
        let err = convert(&Data::Float(2.5), T::Integer { min: 0 }, "c").unwrap_err();
        assert_eq!(err.code(), "E-INTEGER");
        assert_eq!(err.message("c").text(Lang::En), "column `c`: expected a whole number ≥ 0, found `2.5`");
        assert!(convert(&Data::Float(-1.0), T::Integer { min: 0 }, "c").is_err());
        assert!(convert(&Data::String("abc".into()), T::Number, "c").is_err());
    }

    #[test]
    fn likert_bounds() {
        assert_eq!(convert(&Data::Float(5.0), T::Likert, "c"), Ok(Value::Int(5)));
        assert!(convert(&Data::Float(6.0), T::Likert, "c").is_err());
        assert!(convert(&Data::Float(0.0), T::Likert, "c").is_err());
    }

    #[test]
    fn dates_in_three_spellings() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 7).map(Value::Date);
        assert_eq!(convert(&Data::String("07.03.2025".into()), T::Date, "c").ok(), d);
        assert_eq!(convert(&Data::String("2025-03-07".into()), T::Date, "c").ok(), d);
        assert_eq!(convert(&Data::DateTimeIso("2025-03-07T00:00:00".into()), T::Date, "c").ok(), d);
        assert!(convert(&Data::String("31.02.2025".into()), T::Date, "c").is_err());
    }

    #[test]
    fn times_from_fraction_and_text() {
        assert_eq!(convert(&Data::Float(0.625), T::Time, "c"), Ok(Value::Text("15:00".into())));
        assert_eq!(convert(&Data::String("10.30".into()), T::Time, "c"), Ok(Value::Text("10:30".into())));
        assert!(convert(&Data::String("25:00".into()), T::Time, "c").is_err());
    }

    #[test]
    fn choices_in_any_language() {
        let v = |s: &str| convert(&Data::String(s.into()), T::Choice(APPLICANTS), "c");
        assert_eq!(v("Депутат маслихата"), Ok(Value::Text("maslikhat_deputy".into())));
        assert_eq!(v("жеке тұлға"), Ok(Value::Text("individual".into())));
        assert_eq!(v("legal_entity"), Ok(Value::Text("legal_entity".into())));
        assert!(v("сосед").is_err());
    }

    #[test]
    fn yes_no_aliases() {
        for (s, b) in [("иә", true), ("Да", true), ("нет", false), ("жоқ", false)] {
            assert_eq!(convert(&Data::String(s.into()), T::YesNo, "c"), Ok(Value::Bool(b)));
        }
        assert_eq!(convert(&Data::Bool(true), T::YesNo, "c"), Ok(Value::Bool(true)));
    }
}
