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
    /// The data could not be serialised.
    #[error("cannot serialise the report data: {0}")]
    Data(String),
}
