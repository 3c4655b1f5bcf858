//! Diagnostics: every problem found in the input, with file, sheet and cell.

use std::fmt;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// File name relative to the input folder (the folder itself for a missing source).
    pub file: String,
    /// Sheet name, when the problem is inside a sheet.
    pub sheet: Option<String>,
    /// Cell in A1 notation, when the problem is in one cell.
    pub cell: Option<String>,
    /// What is wrong and what was expected, lower case, no final period.
    pub message: String,
    /// How to fix it, when there is more to say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file.
    pub fn file_error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            sheet: None,
            cell: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem in one cell of a sheet (0-based row and column).
    pub fn at(
        severity: Severity,
        file: &str,
        sheet: &str,
        row: u32,
        col: u32,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            cell: Some(a1(row, col)),
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
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
    }

    #[test]
    fn display_names_everything() {
        let d = Diagnostic {
            severity: Severity::Error,
            file: "stats.xlsx".into(),
            sheet: Some("my sheet".into()),
            cell: Some("E7".into()),
            message: "column `value`: expected a whole number ≥ 0, found `-3`".into(),
            hint: Some("fix it".into()),
        };
        assert_eq!(
            d.to_string(),
            "error: stats.xlsx, 'my sheet'!E7: column `value`: expected a whole number ≥ 0, found `-3`\n  hint: fix it"
        );
    }
}
