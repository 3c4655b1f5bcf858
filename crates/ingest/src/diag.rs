//! Diagnostics: every problem found in the input, with file, sheet and cell.

use std::fmt;

pub use esep_messages::{Arg, Lang, Msg};
use rust_xlsxwriter::utility::quote_sheet_name;
use serde::Serialize;

/// How bad a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used as it is.
    Error,
    /// Suspicious but usable (e.g. spent more than allocated).
    Warning,
}

/// One problem in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// File name relative to the input folder (the folder itself for a missing source).
    pub file: String,
    /// Sheet name, when the problem is inside a sheet.
    pub sheet: Option<String>,
    /// Cell in A1 notation, when the problem is in one cell.
    pub cell: Option<String>,
    /// What is wrong and what was expected: its id is the diagnostic's stable code.
    pub message: Msg,
    /// How to fix it, when there is more to say.
    pub hint: Option<Msg>,
}

impl Diagnostic {
    /// A problem at a place, as far as it is known; no hint yet.
    pub fn new(
        severity: Severity,
        file: impl Into<String>,
        sheet: Option<String>,
        cell: Option<String>,
        message: Msg,
    ) -> Self {
        Self { severity, file: file.into(), sheet, cell, message, hint: None }
    }

    /// An error about a whole file.
    pub fn file_error(file: impl Into<String>, message: Msg) -> Self {
        Self::new(Severity::Error, file, None, None, message)
    }

    /// A warning about a whole file.
    pub fn file_warning(file: impl Into<String>, message: Msg) -> Self {
        Self::new(Severity::Warning, file, None, None, message)
    }

    /// A problem in one cell of a sheet (0-based row and column).
    pub fn at(severity: Severity, file: &str, sheet: &str, row: u32, col: u32, message: Msg) -> Self {
        Self::new(severity, file, Some(sheet.to_string()), Some(a1(row, col)), message)
    }

    /// A problem in a sheet as a whole.
    pub fn in_sheet(severity: Severity, file: &str, sheet: &str, message: Msg) -> Self {
        Self::new(severity, file, Some(sheet.to_string()), None, message)
    }

    /// Adds a hint line.
    pub fn with_hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The stable code of this kind of problem (`E-DATE`), the same in every language.
    pub fn code(&self) -> &'static str {
        self.message.id
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    /// How to fix it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.hint.as_ref().map(|h| h.text(lang))
    }

    /// The diagnostic as printed: `error E-DATE: file, sheet!C2: message` and the hint below.
    pub fn text(&self, lang: Lang) -> String {
        self.text_with(lang, None)
    }

    /// [`Diagnostic::text`] with a line between the message and the hint.
    fn text_with(&self, lang: Lang, between: Option<String>) -> String {
        let level = esep_messages::text(
            lang,
            match self.severity {
                Severity::Error => "level-error",
                Severity::Warning => "level-warning",
            },
        );
        let mut out = format!("{level}[{}]: {}: {}", self.code(), self.location(), self.message(lang));
        if let Some(line) = between {
            out.push_str(&format!("\n  {line}"));
        }
        if let Some(hint) = self.hint(lang) {
            out.push_str(&format!("\n  {}: {hint}", esep_messages::text(lang, "level-hint")));
        }
        out
    }

    /// The diagnostic for machines: the code, the place, and the words in `lang`.
    pub fn shown(&self, lang: Lang) -> Shown {
        Shown {
            code: self.code(),
            severity: self.severity,
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            cell: self.cell.clone(),
            message: self.message(lang),
            hint: self.hint(lang),
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file, sheet!A1` — where the problem is.
    pub fn location(&self) -> String {
        let file = crate::text::visible(&self.file);
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) => format!("{file}, {}!{c}", quote_sheet_name(&crate::text::visible(s))),
            (Some(s), None) => format!("{file}, {}", quote_sheet_name(&crate::text::visible(s))),
            _ => file,
        }
    }
}

/// What makes two diagnostics the same problem: level, code, file, sheet and their words.
type GroupKey<'a> = (Severity, &'a str, &'a str, Option<&'a str>, String, Option<String>);

/// Cells listed by name after the first of a group; the rest are counted.
const LISTED_CELLS: usize = 5;

/// The diagnostics as printed, in their order, with the same problem in several cells of one
/// sheet said once: at its first cell, then `also at A5, A6, … and 895 more cells`. Every
/// diagnostic stays in `--format json` and in the counts; this is for people reading a terminal.
pub fn texts<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, lang: Lang) -> Vec<String> {
    // First of each group, its words, and the cells of the others.
    let mut groups: Vec<(&Diagnostic, Vec<&str>)> = Vec::new();
    let mut seen: std::collections::HashMap<GroupKey<'_>, usize> = std::collections::HashMap::new();
    for d in diagnostics {
        let Some(cell) = d.cell.as_deref() else {
            groups.push((d, Vec::new()));
            continue;
        };
        let key = (d.severity, d.code(), d.file.as_str(), d.sheet.as_deref(), d.message(lang), d.hint(lang));
        match seen.get(&key) {
            Some(&k) => groups[k].1.push(cell),
            None => {
                seen.insert(key, groups.len());
                groups.push((d, Vec::new()));
            }
        }
    }
    groups
        .into_iter()
        .map(|(d, cells)| {
            let also = match cells.len() {
                0 => None,
                n if n <= LISTED_CELLS => Some(Msg::new("also-at").arg("cells", cells.join(", "))),
                n => Some(
                    Msg::new("also-at-more")
                        .arg("cells", cells[..LISTED_CELLS].join(", "))
                        .arg("count", n - LISTED_CELLS),
                ),
            };
            d.text_with(lang, also.map(|m| m.text(lang)))
        })
        .collect()
}

/// A diagnostic as `--format json` gives it: the stable code beside the localised words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shown {
    /// Stable code, e.g. `E-DATE`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// File name relative to the input folder.
    pub file: String,
    /// Sheet name.
    pub sheet: Option<String>,
    /// Cell in A1 notation.
    pub cell: Option<String>,
    /// What is wrong, in the chosen language.
    pub message: String,
    /// How to fix it, in the chosen language.
    pub hint: Option<String>,
}

/// In English, as logs and tests read it.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Column letters of a 0-based column index: 0 → `A`, 27 → `AB`.
pub fn column_letters(col: u32) -> String {
    rust_xlsxwriter::utility::column_number_to_name(column(col))
}

/// A1 reference of a 0-based (row, column).
pub fn a1(row: u32, col: u32) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, column(col))
}

/// The 0-based (row, column) of an A1 reference (`B7` → (6, 1)): the inverse of [`a1`].
pub fn from_a1(cell: &str) -> Option<(u32, u32)> {
    let split = cell.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = cell.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let col = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1;
    let row = digits.parse::<u32>().ok()?.checked_sub(1)?;
    Some((row, col))
}

/// Columns past Excel's last (XFD) occur only in damaged or hostile files: named as the last.
fn column(col: u32) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 4), "E7");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 27), "AB1");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
        for (row, col) in [(0, 0), (6, 4), (0, 27), (41, 701), (1_048_575, 16_383)] {
            assert_eq!(from_a1(&a1(row, col)), Some((row, col)));
        }
        for bad in ["", "A", "7", "A0", "a1", "ABCD1", "A1B"] {
            assert_eq!(from_a1(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_same_problem_in_many_cells_is_said_once() {
        let unknown = |row: u32| {
            Diagnostic::at(Severity::Error, "input.xlsx", "statistics", row, 0, Msg::new("E-CODE-FORM"))
        };
        let mut all: Vec<Diagnostic> = (3..12).map(unknown).collect();
        all.insert(
            2,
            Diagnostic::at(
                Severity::Warning,
                "input.xlsx",
                "statistics",
                5,
                2,
                Msg::new("W-LATE-ANNOUNCEMENT"),
            ),
        );
        all.push(unknown(40));
        let en = texts(&all, Lang::En);
        assert_eq!(en.len(), 2);
        let first = en[0].lines().collect::<Vec<_>>();
        assert!(first[0].starts_with("error[E-CODE-FORM]: input.xlsx, statistics!A4: "), "{en:?}");
        assert_eq!(first[1], "  also at A5, A6, A7, A8, A9 and 4 more cells");
        assert!(en[1].starts_with("warning[W-LATE-ANNOUNCEMENT]: input.xlsx, statistics!C6: "), "{en:?}");
        let ru = texts(&all, Lang::Ru);
        assert_eq!(ru[0].lines().nth(1), Some("  также в A5, A6, A7, A8, A9 и ещё в 4 ячейках"));
        let kk = texts(&all[..4], Lang::Kk);
        assert_eq!(kk[0].lines().nth(1), Some("  сондай-ақ: A5, A6"));
        // One cell, or problems that differ, are said as they are.
        assert_eq!(texts(&all[..1], Lang::En), [all[0].text(Lang::En)]);
    }

    #[test]
    fn display_names_everything() {
        let column = Arg::Name(Box::new(["Мәні".into(), "Значение".into(), "value".into()]));
        let d = Diagnostic {
            severity: Severity::Error,
            file: "stats.xlsx".into(),
            sheet: Some("my sheet".into()),
            cell: Some("E7".into()),
            message: Msg::new("E-INTEGER")
                .arg("column", column)
                .arg("expected", Msg::new("expect-integer").arg("min", 0))
                .arg("found", "-3"),
            hint: Some(Msg::new("hint-one-sheet")),
        };
        assert_eq!(
            d.to_string(),
            "error[E-INTEGER]: stats.xlsx, 'my sheet'!E7: column `value`: expected a whole number ≥ 0, found `-3`\n  \
             hint: keep one sheet per source"
        );
        assert_eq!(
            d.text(Lang::Ru),
            "ошибка[E-INTEGER]: stats.xlsx, 'my sheet'!E7: столбец «Значение»: ожидается целое число ≥ 0, найдено \
             `-3`\n  подсказка: оставьте по одному листу на источник"
        );
        assert_eq!(
            d.text(Lang::Kk),
            "қате[E-INTEGER]: stats.xlsx, 'my sheet'!E7: «Мәні» бағаны: 0 немесе одан үлкен бүтін сан күтіледі, \
             `-3` табылды\n  кеңес: әр дереккөзге бір парақ қалдырыңыз"
        );
        let shown = d.shown(Lang::Ru);
        assert_eq!((shown.code, shown.cell.as_deref()), ("E-INTEGER", Some("E7")));
    }
}
