//! `esep compare`: reads the department workbooks of several packs, checks that
//! they share period and catalogue version, and writes headquarters' national workbook.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use esep_analysis::{Catalogue, Figure, national};
use esep_ingest::Msg;

use crate::say::{say, say_path, word};

/// The department workbook of a pack folder, or the file itself.
fn workbook_of(path: &Path) -> PathBuf {
    if path.is_dir() { path.join("department.xlsx") } else { path.to_path_buf() }
}

/// What one pack's department workbook holds, and where it was read.
pub struct Pack {
    pub file: PathBuf,
    pub period: String,
    pub catalogue_version: String,
    pub rows: Vec<Figure>,
}

/// Reads the `data` and `about` sheets of a department workbook.
pub fn read_pack(path: &Path) -> Result<Pack> {
    let file = workbook_of(path);
    let bytes = std::fs::read(&file).with_context(|| say_path("cannot-read", &file))?;
    let pack = national::read_pack(&bytes).map_err(|e| match e {
        esep_analysis::Error::Pack(msg) => anyhow::anyhow!(say(msg.arg("file", file.display().to_string()))),
        other => anyhow::anyhow!("`{}`: {other}", file.display()),
    })?;
    Ok(Pack { file, period: pack.period, catalogue_version: pack.catalogue_version, rows: pack.rows })
}

/// Reads the packs, checks them against each other, and writes the national workbook.
pub fn compare(
    paths: &[PathBuf],
    out: &Path,
    catalogue: &Catalogue,
    words: esep_render::Words,
) -> Result<usize> {
    let packs: Vec<Pack> = paths.iter().map(|p| read_pack(p)).collect::<Result<_>>()?;
    let Some(first) = packs.first() else { bail!("{}", word("compare-none")) };
    let name = |p: &Pack| {
        say(Msg::new("compare-pack")
            .arg("file", p.file.display().to_string())
            .arg("period", p.period.as_str())
            .arg("version", p.catalogue_version.as_str()))
    };
    let period_mismatch: Vec<String> = packs.iter().filter(|p| p.period != first.period).map(name).collect();
    if !period_mismatch.is_empty() {
        bail!(
            "{}",
            say(Msg::new("compare-periods")
                .arg("first", name(first))
                .arg("others", period_mismatch.join(", ")))
        );
    }
    let version_mismatch: Vec<String> =
        packs.iter().filter(|p| p.catalogue_version != first.catalogue_version).map(name).collect();
    if !version_mismatch.is_empty() {
        bail!(
            "{}",
            say(Msg::new("compare-versions")
                .arg("first", name(first))
                .arg("others", version_mismatch.join(", ")))
        );
    }
    if first.catalogue_version != catalogue.version.to_string() {
        bail!(
            "{}",
            say(Msg::new("compare-old")
                .arg("first", name(first))
                .arg("version", first.catalogue_version.as_str())
                .arg("ours", catalogue.version.to_string()))
        );
    }
    let mut seen: Vec<(&str, &Path)> = Vec::new();
    for p in &packs {
        for r in p.rows.iter().filter(|r| r.parent.is_none()).take(1) {
            if let Some((_, other)) = seen.iter().find(|(c, _)| r.unit == **c) {
                bail!(
                    "{}",
                    say(Msg::new("compare-twice")
                        .arg("code", r.unit.as_str())
                        .arg("a", other.display().to_string())
                        .arg("b", p.file.display().to_string()))
                );
            }
            seen.push((&r.unit, &p.file));
        }
    }
    let rows: Vec<Vec<Figure>> = packs.into_iter().map(|p| p.rows).collect();
    let national = national::compare(catalogue, &rows);
    crate::write_file(out, &esep_render::national_workbook(&national, catalogue, words)?)?;
    Ok(national.departments.len())
}
