//! What can stop ingest from reading a file at all. Problems inside a readable workbook are
//! [`crate::Diagnostic`]s at their cells instead.

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// One part of the archive expands beyond what a workbook may hold.
    #[error("the part `{part}` expands to {}, more than the {} a workbook may hold", mib(*.size), mib(*.limit))]
    PartTooLarge {
        /// The part's name inside the archive.
        part: String,
        /// Its size once expanded, in bytes.
        size: u64,
        /// The largest size allowed for such a part.
        limit: u64,
    },
    /// One part expands far more than any workbook compresses.
    #[error("the part `{part}` expands {} times ({} from {packed} bytes): a zip bomb, not a workbook", .size / (*.packed).max(1), mib(*.size))]
    ZipBomb {
        /// The part's name inside the archive.
        part: String,
        /// Its size once expanded, in bytes.
        size: u64,
        /// Its size in the archive, in bytes.
        packed: u64,
    },
    /// All parts together expand beyond the limit.
    #[error("the workbook expands to {}, more than {}", mib(*.total), mib(*.limit))]
    TooLarge {
        /// The expanded size of all parts, in bytes.
        total: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// An OpenDocument sheet repeats empty-looking cells into too large an area.
    #[error("a sheet repeats its cells to {cells} cells, more than {limit}: expected a sheet of records")]
    Repeats {
        /// Cells of the largest used area.
        cells: u64,
        /// The limit.
        limit: u64,
    },
    /// More rows with values than a spreadsheet can hold.
    #[error("more than {0} rows: expected at most Excel's limit")]
    Rows(usize),
    /// The reader refused the file or sheet, for the reason it gives.
    #[error("{0}")]
    Unreadable(String),
    /// The reader failed on a damaged file.
    #[error("the file is damaged")]
    Damaged,
}

/// Why a path an input names cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    /// Absolute, `..` or empty.
    #[error("`{0}` is outside the input folder: expected a file name relative to it")]
    Outside(String),
    /// A link or a path that leads out of the folder.
    #[error("`{0}` leads outside the input folder: expected a file inside it")]
    Leaves(String),
    /// Nothing there.
    #[error("no such file")]
    Missing,
    /// A folder or another kind of file.
    #[error("not a file")]
    NotAFile,
}

fn mib(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1 << 20))
}
