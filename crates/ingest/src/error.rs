//! What can stop ingest from reading a file at all. Problems inside a readable workbook are
//! [`crate::Diagnostic`]s at their cells instead.

use crate::diag::{Lang, Msg};

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// One part of the archive expands beyond what a workbook may hold.
    PartTooLarge {
        /// The part's name inside the archive.
        part: String,
        /// Its size once expanded, in bytes.
        size: u64,
        /// The largest size allowed for such a part.
        limit: u64,
    },
    /// One part expands far more than any workbook compresses.
    ZipBomb {
        /// The part's name inside the archive.
        part: String,
        /// Its size once expanded, in bytes.
        size: u64,
        /// Its size in the archive, in bytes.
        packed: u64,
    },
    /// All parts together expand beyond the limit.
    TooLarge {
        /// The expanded size of all parts, in bytes.
        total: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// An OpenDocument sheet repeats empty-looking cells into too large an area.
    Repeats {
        /// Cells of the largest used area.
        cells: u64,
        /// The limit.
        limit: u64,
    },
    /// More rows with values than a spreadsheet can hold.
    Rows(usize),
    /// The reader refused the file or sheet, for the reason it gives.
    Unreadable(String),
    /// The reader failed on a damaged file.
    Damaged,
}

/// Why a path an input names cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// Absolute, `..` or empty.
    Outside(String),
    /// A link or a path that leads out of the folder.
    Leaves(String),
    /// Nothing there.
    Missing,
    /// A folder or another kind of file.
    NotAFile,
}

impl WorkbookError {
    /// What is wrong, for a message in any language.
    pub fn message(&self) -> Msg {
        match self {
            Self::PartTooLarge { part, size, limit } => Msg::new("wb-part-too-large")
                .arg("part", part)
                .arg("size", mib(*size))
                .arg("limit", mib(*limit)),
            Self::ZipBomb { part, size, packed } => Msg::new("wb-zip-bomb")
                .arg("part", part)
                .arg("ratio", size / (*packed).max(1))
                .arg("size", mib(*size))
                .arg("packed", *packed),
            Self::TooLarge { total, limit } => {
                Msg::new("wb-too-large").arg("size", mib(*total)).arg("limit", mib(*limit))
            }
            Self::Repeats { cells, limit } => {
                Msg::new("wb-repeats").arg("cells", *cells).arg("limit", *limit)
            }
            Self::Rows(n) => Msg::new("wb-rows").arg("limit", *n),
            Self::Unreadable(reason) => Msg::new("wb-unreadable").arg("reason", reason),
            Self::Damaged => Msg::new("wb-damaged"),
        }
    }
}

impl PathError {
    /// What is wrong, for a message in any language.
    pub fn message(&self) -> Msg {
        match self {
            Self::Outside(p) => Msg::new("path-outside").arg("path", p),
            Self::Leaves(p) => Msg::new("path-leaves").arg("path", p),
            Self::Missing => Msg::new("path-missing"),
            Self::NotAFile => Msg::new("path-not-a-file"),
        }
    }
}

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for WorkbookError {}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for PathError {}

/// Sizes in whole megabytes, rounded up.
fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}
