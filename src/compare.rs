//! `esep compare`: reads the department workbooks of several packs (calamine), checks that
//! they share period and catalogue version, and writes headquarters' national workbook.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use calamine::{Data, Reader};
use esep_analysis::Catalogue;
use esep_analysis::open_data::{Cell, HEADER, Row};

/// The department workbook of a pack folder, or the file itself.
fn workbook_of(path: &Path) -> PathBuf {
    if path.is_dir() { path.join("department.xlsx") } else { path.to_path_buf() }
}

/// What one pack's department workbook holds.
pub struct Pack {
    pub file: PathBuf,
    pub period: String,
    pub catalogue_version: String,
    pub rows: Vec<Row>,
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        _ => Cell::Empty,
    }
}

/// `A1` name of a 0-based cell, for messages.
fn a1(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        letters.insert(0, char::from(b'A' + ((c - 1) % 26) as u8));
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// Reads the `data` and `about` sheets of a department workbook.
pub fn read_pack(path: &Path) -> Result<Pack> {
    let file = workbook_of(path);
    let bytes = std::fs::read(&file).with_context(|| format!("cannot read `{}`", file.display()))?;
    let mut wb = esep_ingest::workbook::open(&bytes).map_err(|e| {
        anyhow::anyhow!("`{}`: not a department workbook written by `esep build`: {e}", file.display())
    })?;
    let data = wb.worksheet_range("data").with_context(|| {
        format!("`{}`: no `data` sheet; expected a department workbook of `esep build`", file.display())
    })?;
    let (r0, c0) = data.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut lines = data.rows();
    let head: Vec<String> =
        lines.next().map(|r| r.iter().map(|d| d.to_string()).collect()).unwrap_or_default();
    if head != HEADER {
        bail!("`{}`, data!{}: expected the header `{}`", file.display(), a1(r0, c0), HEADER.join(", "));
    }
    let mut rows = Vec::new();
    for (k, line) in lines.enumerate() {
        let cells: Vec<Cell> = line.iter().map(cell).collect();
        let row = Row::from_cells(&cells)
            .map_err(|e| anyhow::anyhow!("`{}`, data!{}: {e}", file.display(), a1(r0 + k + 1, c0)))?;
        rows.push(row);
    }
    let about =
        wb.worksheet_range("about").with_context(|| format!("`{}`: no `about` sheet", file.display()))?;
    let value = |key: &str| {
        about
            .rows()
            .find(|r| r.first().map(|d| d.to_string()).as_deref() == Some(key))
            .and_then(|r| r.get(1))
            .map(|d| d.to_string())
    };
    let period = value("period").with_context(|| format!("`{}`, about: no `period`", file.display()))?;
    let catalogue_version = value("catalogue_version")
        .with_context(|| format!("`{}`, about: no `catalogue_version`", file.display()))?;
    Ok(Pack { file, period, catalogue_version, rows })
}

/// Reads the packs, checks them against each other, and writes the national workbook.
pub fn compare(paths: &[PathBuf], out: &Path, catalogue: &Catalogue) -> Result<usize> {
    let packs: Vec<Pack> = paths.iter().map(|p| read_pack(p)).collect::<Result<_>>()?;
    let Some(first) = packs.first() else { bail!("name at least one pack") };
    let name = |p: &Pack| format!("`{}` ({} catalogue v{})", p.file.display(), p.period, p.catalogue_version);
    let period_mismatch: Vec<String> = packs.iter().filter(|p| p.period != first.period).map(name).collect();
    if !period_mismatch.is_empty() {
        bail!(
            "packs of different periods cannot be compared: {} against {}",
            name(first),
            period_mismatch.join(", ")
        );
    }
    let version_mismatch: Vec<String> =
        packs.iter().filter(|p| p.catalogue_version != first.catalogue_version).map(name).collect();
    if !version_mismatch.is_empty() {
        bail!(
            "packs of different catalogue versions cannot be compared: {} against {}",
            name(first),
            version_mismatch.join(", ")
        );
    }
    if first.catalogue_version != catalogue.version.to_string() {
        bail!(
            "{} was built with catalogue version {}; this esep has version {}: rebuild the packs",
            name(first),
            first.catalogue_version,
            catalogue.version
        );
    }
    let mut seen: Vec<(&str, &Path)> = Vec::new();
    for p in &packs {
        for r in p.rows.iter().filter(|r| r.parent.is_none()).take(1) {
            if let Some((_, other)) = seen.iter().find(|(c, _)| *c == r.unit) {
                bail!(
                    "department `{}` appears twice: `{}` and `{}`",
                    r.unit,
                    other.display(),
                    p.file.display()
                );
            }
            seen.push((&r.unit, &p.file));
        }
    }
    let rows: Vec<Vec<Row>> = packs.into_iter().map(|p| p.rows).collect();
    let national = esep_analysis::national::compare(catalogue, &rows);
    let bytes = esep_render::national_workbook(&national, catalogue)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    }
    // Written beside and renamed, so a failed run leaves an earlier file whole.
    let tmp = out.with_extension("xlsx.partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write `{}`", tmp.display()))?;
    std::fs::rename(&tmp, out).with_context(|| format!("cannot write `{}`", out.display()))?;
    Ok(national.departments.len())
}
