//! `esep compare`: reads the department workbooks of several packs, checks that
//! they share period and catalogue version, and writes headquarters' national workbook.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use esep_analysis::{Catalogue, Figure, national};

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
    let bytes = std::fs::read(&file).with_context(|| format!("cannot read `{}`", file.display()))?;
    let pack = national::read_pack(&bytes).map_err(|e| anyhow::anyhow!("`{}`: {e}", file.display()))?;
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
            if let Some((_, other)) = seen.iter().find(|(c, _)| r.unit == **c) {
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
    let rows: Vec<Vec<Figure>> = packs.into_iter().map(|p| p.rows).collect();
    let national = national::compare(catalogue, &rows);
    let bytes = esep_render::national_workbook(&national, catalogue, words)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    }
    // Written beside and renamed, so a failed run leaves an earlier file whole.
    let tmp = out.with_extension("xlsx.partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write `{}`", tmp.display()))?;
    std::fs::rename(&tmp, out).with_context(|| format!("cannot write `{}`", out.display()))?;
    Ok(national.departments.len())
}
