//! Typed tables into polars frames: one column per contract column, plus the sheet row.

use polars::prelude::*;

use crate::cell::Value;
use crate::contract::ColumnType;
use crate::read::Table;

/// Name of the column holding each record's 1-based sheet row, for tracing figures back.
pub const ROW: &str = "row";

/// The polars type a contract column becomes.
pub fn dtype(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Integer { .. } | ColumnType::Year | ColumnType::Months | ColumnType::Likert => {
            DataType::Int64
        }
        ColumnType::Number | ColumnType::Positive => DataType::Float64,
        ColumnType::Date => DataType::Date,
        ColumnType::YesNo => DataType::Boolean,
        _ => DataType::String,
    }
}

/// Builds the frame of a table. Blank optional cells become nulls.
pub fn to_frame(table: &Table) -> PolarsResult<DataFrame> {
    let mut columns = Vec::with_capacity(table.source.columns.len() + 1);
    for (k, spec) in table.source.columns.iter().enumerate() {
        let values = &table.values[k];
        let name: PlSmallStr = spec.id.into();
        let column = match dtype(spec.ty) {
            DataType::Int64 => Column::new(
                name,
                values
                    .iter()
                    .map(|v| match v {
                        Some(Value::Int(i)) => Some(*i),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            DataType::Float64 => Column::new(
                name,
                values
                    .iter()
                    .map(|v| match v {
                        Some(Value::Float(f)) => Some(*f),
                        Some(Value::Int(i)) => Some(*i as f64),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            DataType::Date => Column::new(
                name,
                values
                    .iter()
                    .map(|v| match v {
                        Some(Value::Date(d)) => Some(d.to_epoch_days()),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            )
            .cast(&DataType::Date)?,
            DataType::Boolean => Column::new(
                name,
                values
                    .iter()
                    .map(|v| match v {
                        Some(Value::Bool(b)) => Some(*b),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            _ => Column::new(
                name,
                values
                    .iter()
                    .map(|v| match v {
                        Some(Value::Text(s)) => Some(s.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
        };
        columns.push(column);
    }
    columns.push(Column::new(ROW.into(), table.rows.iter().map(|r| r + 1).collect::<Vec<u32>>()));
    DataFrame::new(table.len(), columns)
}

/// An empty frame of a source, with the columns and types of the contract: the start of
/// data sets built in code (tests, importers).
pub fn empty(source: &crate::contract::Source) -> PolarsResult<DataFrame> {
    let mut columns: Vec<Column> =
        source.columns.iter().map(|c| Column::full_null(c.id.into(), 0, &dtype(c.ty))).collect();
    columns.push(Column::new_empty(ROW.into(), &DataType::UInt32));
    DataFrame::new(0, columns)
}
