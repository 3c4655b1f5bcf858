//! What can go wrong in analysis.

use polars::prelude::PolarsError;

/// An error of the analysis crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A frame operation failed: a bug, since the inputs were validated.
    #[error("computing the figures: {0}")]
    Frames(#[from] PolarsError),
    /// The indicator catalogue is not consistent.
    #[error("catalogue: {0}")]
    Catalogue(#[from] crate::catalogue::CatalogueError),
    /// The settings file is not valid.
    #[error("settings: {0}")]
    Settings(#[from] crate::settings::SettingsError),
    /// A department workbook cannot be read back for a comparison (the message names the
    /// file by its argument `file`, which the caller adds).
    #[error("{}", .0.text(esep_ingest::Lang::En))]
    Pack(esep_ingest::Msg),
}
