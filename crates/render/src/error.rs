//! Errors of the renderers.

/// What can go wrong while rendering.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A template did not compile.
    #[error("template `{template}` failed: {message}")]
    Typst {
        /// Template file name.
        template: String,
        /// Typst's diagnostics.
        message: String,
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
}
