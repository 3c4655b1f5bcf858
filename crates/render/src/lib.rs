//! Rendering of esep: the report model to PDF through Typst, and workbooks through
//! rust_xlsxwriter. Functions return bytes; writing files is the caller's business.
#![deny(missing_docs)]

pub mod contract_xlsx;
pub mod documents;
mod error;
pub mod explain;
pub mod followup;
pub mod fonts;
pub mod format;
pub mod kk;
pub mod lang;
pub mod mark;
pub mod narrative;
pub mod pdf;
pub mod protocol;
pub mod schedule;
pub mod words;
pub mod xlsx;

pub use contract_xlsx::{Cell, ContractOptions, contract_workbook};
pub use error::{Error, TemplateDiagnostic};
pub use lang::Lang;
pub use pdf::{Document, Renderer};
pub use words::Words;
pub use xlsx::{department_workbook, indicators_workbook, national_workbook};
