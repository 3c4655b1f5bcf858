//! Errors of the renderers.

/// What can go wrong while rendering.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A template did not compile.
    #[error("template `{template}` failed:{}", list(diagnostics))]
    Typst {
        /// Template file name.
        template: String,
        /// Typst's errors, each at its file, line and column.
        diagnostics: Vec<TemplateDiagnostic>,
    },
    /// A workbook could not be written.
    #[error("cannot write the workbook")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A template folder could not be read.
    #[error("templates: {0}")]
    Templates(String),
    /// Some text has characters that no embedded font can show.
    #[error("no embedded font can show {chars} (in “{example}”): replace them in the input")]
    Glyphs {
        /// The characters, as `U+1F600 «😀»`.
        chars: String,
        /// The beginning of a text holding one of them.
        example: String,
    },
    /// The data could not be serialised.
    #[error("cannot serialise the report data: {0}")]
    Data(String),
    /// The process compiling the document stopped or could not be reached.
    #[error("the compiling process failed: {0}")]
    Process(String),
}

fn list(diagnostics: &[TemplateDiagnostic]) -> String {
    diagnostics.iter().map(|d| format!("\n  {d}")).collect()
}

/// One of Typst's errors or warnings, at its template file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct TemplateDiagnostic {
    /// Template file (`report.typ`), the compiled one when Typst gives no place.
    pub file: String,
    /// 1-based line and column, when Typst gives a place.
    pub at: Option<(usize, usize)>,
    /// An error (else a warning).
    pub error: bool,
    /// Typst's message.
    pub message: String,
    /// Typst's hints.
    pub hints: Vec<String>,
}

impl TemplateDiagnostic {
    pub(crate) fn new(
        d: &typst::diag::SourceDiagnostic,
        template: &str,
        at: Option<(String, usize, usize)>,
    ) -> Self {
        let (file, at) = match at {
            Some((file, line, column)) => (file, Some((line, column))),
            None => (template.to_string(), None),
        };
        Self {
            file,
            at,
            error: d.severity == typst::diag::Severity::Error,
            message: d.message.to_string(),
            hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
        }
    }

    pub(crate) fn message(template: &str, message: String) -> Self {
        Self { file: template.to_string(), at: None, error: true, message, hints: Vec::new() }
    }
}

impl std::fmt::Display for TemplateDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}: {}", if self.error { "error" } else { "warning" }, self.message)?;
        for hint in &self.hints {
            write!(f, "\n    hint: {hint}")?;
        }
        Ok(())
    }
}
