//! The words of headquarters' workbooks (`templates/workbook.toml`) in the workbook's language,
//! and the `codes` sheet that records the machine id behind every sheet name and header, so
//! `esep compare` and other programs read a workbook written in any language.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use esep_ingest::Lang;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde::Deserialize;

/// The workbook words shipped with esep.
pub const WORKBOOK_TOML: &str = include_str!("../../../templates/workbook.toml");

/// Name of the sheet of machine ids: the same in every language, so programs find it.
pub const CODES_SHEET: &str = "codes";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    kk: String,
    ru: String,
    en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct All {
    sheet: BTreeMap<String, Entry>,
    column: BTreeMap<String, Entry>,
    word: BTreeMap<String, Entry>,
}

fn all() -> &'static All {
    static ALL: OnceLock<All> = OnceLock::new();
    // Parsed in a test, so it cannot fail in a released binary.
    ALL.get_or_init(|| toml::from_str(WORKBOOK_TOML).unwrap_or_else(|e| panic!("workbook.toml: {e}")))
}

/// The words of one workbook language; English gives the machine ids (or their `en` text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub Lang);

impl Words {
    fn pick(self, table: &BTreeMap<String, Entry>, id: &str) -> String {
        match table.get(id) {
            Some(e) => match self.0 {
                Lang::Kk => e.kk.clone(),
                Lang::Ru => e.ru.clone(),
                Lang::En => e.en.clone().unwrap_or_else(|| id.to_string()),
            },
            None => id.to_string(),
        }
    }

    /// A sheet's name.
    pub fn sheet(self, id: &str) -> String {
        self.pick(&all().sheet, id)
    }

    /// A column's (or an `about` line's) header.
    pub fn column(self, id: &str) -> String {
        self.pick(&all().column, id)
    }

    /// A word or line written into cells.
    pub fn cell(self, id: &str) -> String {
        self.pick(&all().word, id)
    }

    /// Kazakh, Russian, or (the machine ids) English.
    pub fn lang(self) -> Lang {
        self.0
    }

    /// Picks the Kazakh text in a Kazakh workbook, else the Russian (English workbooks show
    /// Russian names: the catalogue has no English ones).
    pub fn name<'a>(self, kk: &'a str, ru: &'a str) -> &'a str {
        if self.0 == Lang::Kk { kk } else { ru }
    }
}

/// The sheets and headers of a workbook as they are written, with their machine ids.
#[derive(Debug)]
pub struct Codes {
    words: Words,
    /// The id and the written name of the sheet being written.
    current: (String, String),
    /// Sheet id, sheet name, cell, code, text.
    rows: Vec<[String; 5]>,
}

impl Codes {
    /// An empty record for a workbook in `words`' language.
    pub fn new(words: Words) -> Self {
        Self { words, current: Default::default(), rows: Vec::new() }
    }

    /// The workbook's words.
    pub fn words(&self) -> Words {
        self.words
    }

    /// Adds the sheet of machine id `id`, named in the workbook's language.
    pub fn sheet<'w>(&mut self, wb: &'w mut Workbook, id: &str) -> Result<&'w mut Worksheet, XlsxError> {
        self.name(wb.add_worksheet(), id)
    }

    /// [`Codes::sheet`] for a long sheet written row after row: each row goes to a temporary
    /// file in the workbook's temporary folder as the next begins, and a row once left cannot
    /// be written again.
    pub fn long_sheet<'w>(&mut self, wb: &'w mut Workbook, id: &str) -> Result<&'w mut Worksheet, XlsxError> {
        let ws = wb.add_worksheet_with_low_memory()?;
        self.name(ws, id)
    }

    fn name<'w>(&mut self, ws: &'w mut Worksheet, id: &str) -> Result<&'w mut Worksheet, XlsxError> {
        let name = self.words.sheet(id);
        ws.set_name(&name)?;
        self.current = (id.to_string(), name);
        Ok(ws)
    }

    /// Writes `text`, the header of machine id `code`, at (`row`, `col`) of the current sheet.
    pub fn head(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        code: &str,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        ws.write_string_with_format(row, col, text, format)?;
        self.record(row, col, code, text);
        Ok(())
    }

    /// Records `text`, the header of machine id `code` at (`row`, `col`) of the current sheet,
    /// written by the caller.
    pub fn record(&mut self, row: u32, col: u16, code: &str, text: &str) {
        let (sheet, name) = self.current.clone();
        self.rows.push([sheet, name, row_col_to_cell(row, col), code.to_string(), text.to_string()]);
    }

    /// [`Codes::head`] with the column's own header.
    pub fn column(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        id: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let text = self.words.column(id);
        self.head(ws, row, col, id, &text, format)
    }

    /// Headers of a row, from column 0.
    pub fn columns(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        ids: &[&str],
        format: &Format,
    ) -> Result<(), XlsxError> {
        for (c, id) in ids.iter().enumerate() {
            self.column(ws, row, c as u16, id, format)?;
        }
        Ok(())
    }

    /// The `codes` sheet, last: one row per header written.
    pub fn write(self, wb: &mut Workbook, format: &Format) -> Result<(), XlsxError> {
        let words = self.words;
        let ws = wb.add_worksheet();
        ws.set_name(CODES_SHEET)?;
        for (c, id) in
            ["codes_sheet", "codes_name", "codes_cell", "codes_code", "codes_text"].iter().enumerate()
        {
            ws.write_string_with_format(0, c as u16, words.column(id), format)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32 + 1, c as u16, v)?;
            }
        }
        for (c, w) in [18.0, 30.0, 8.0, 30.0, 50.0].iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, self.rows.len().max(1) as u32, 4)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_filled_and_every_sheet_name_is_valid() {
        let all = all();
        for table in [&all.sheet, &all.column, &all.word] {
            for (id, e) in table {
                assert!(!e.kk.trim().is_empty() && !e.ru.trim().is_empty(), "{id}");
                assert!(e.en.as_ref().is_none_or(|t| !t.trim().is_empty()), "{id}");
            }
        }
        for id in all.sheet.keys() {
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                let name = Words(lang).sheet(id);
                assert!(name.chars().count() <= 31, "{name}");
                assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
                assert_ne!(name, CODES_SHEET);
            }
        }
        assert_eq!(Words(Lang::Kk).sheet("1 crime"), "1 Криминогендік жағдай");
        assert_eq!(Words(Lang::Ru).column("previous"), "АППГ");
        assert_eq!(Words(Lang::En).column("previous"), "previous (АППГ)");
        assert_eq!(Words(Lang::En).column("unit_kk"), "unit_kk");
    }

    #[test]
    fn sheet_names_differ_within_a_language() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let mut names: Vec<String> =
                all().sheet.keys().map(|id| Words(lang).sheet(id).to_lowercase()).collect();
            let n = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), n, "{lang:?}");
        }
    }
}
