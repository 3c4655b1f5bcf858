//! Writing a pack: every file is built in a temporary folder beside the target, which then
//! replaces the target in two renames, so a failed run never leaves a partial pack.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Marks a folder as an esep pack, so that only packs are ever replaced.
pub const MARKER: &str = "pack.json";

/// A pack being assembled.
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
}

impl Staging {
    /// A temporary folder beside `target`. Fails if `target` holds something other than a pack.
    pub fn new(target: &Path) -> Result<Self> {
        if target.exists() {
            let is_pack = target.join(MARKER).is_file();
            let is_empty = fs::read_dir(target).map(|mut d| d.next().is_none()).unwrap_or(false);
            if !target.is_dir() || !(is_pack || is_empty) {
                bail!(
                    "`{}` exists and is not an esep pack: refusing to replace it\n  hint: choose a new or empty folder",
                    target.display()
                );
            }
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).with_context(|| format!("cannot create `{}`", parent.display()))?;
        let dir = tempfile::Builder::new()
            .prefix(".esep-build-")
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a temporary folder in `{}`", parent.display()))?;
        Ok(Self { dir, target: target.to_path_buf() })
    }

    /// Path inside the pack.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes one file of the pack, creating folders as needed.
    pub fn write(&self, relative: impl AsRef<Path>, bytes: &[u8]) -> Result<()> {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes).with_context(|| format!("cannot write `{}`", path.display()))
    }

    /// Moves the finished pack into place, replacing an earlier one.
    pub fn commit(self) -> Result<()> {
        let staged = self.dir.keep();
        let target = self.target;
        let old = if target.exists() {
            let old = staged.with_file_name(format!(
                ".esep-old-{}",
                staged.file_name().and_then(|n| n.to_str()).unwrap_or("pack")
            ));
            fs::rename(&target, &old)
                .with_context(|| format!("cannot move the old pack `{}` aside", target.display()))?;
            Some(old)
        } else {
            None
        };
        if let Err(err) = fs::rename(&staged, &target) {
            if let Some(old) = &old {
                let _ = fs::rename(old, &target);
            }
            let _ = fs::remove_dir_all(&staged);
            return Err(err).with_context(|| format!("cannot move the new pack to `{}`", target.display()));
        }
        if let Some(old) = old {
            fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove the old pack `{}`", old.display()))?;
        }
        Ok(())
    }
}
