//! Writing a pack: every file is built in a temporary folder beside the target, which then
//! replaces the target in two renames, so a failed run never leaves a partial pack.
//!
//! A lock file beside the target (`.NAME.esep-lock`) is held while a build writes it: a
//! second build into the same folder stops at once, and the operating system releases the
//! lock when the process ends, even after `kill -9`. The build that holds the lock removes
//! what killed builds left behind (`.esep-build-NAME-*`, `.esep-old-NAME-*`), and its lock
//! file when it ends.
//!
//! An interrupted build (Ctrl-C, `SIGTERM`, `SIGHUP`) removes the folders it was writing and
//! their locks before it exits, so nothing of it is left; a pack being moved into place is
//! moved first, and an earlier pack stays as it was.

use std::collections::HashSet;
use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once, PoisonError};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use esep_ingest::Msg;

use crate::say::{say, say_path};

/// Marks a folder as an esep pack, so that only packs are ever replaced.
pub const MARKER: &str = "pack.json";

/// A pack being assembled.
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
    /// Held until the pack is in place (or the build fails): dropping it releases the lock.
    _lock: Lock,
    written: Mutex<HashSet<PathBuf>>,
    /// Dropped last (fields drop in order): the folder stays an interrupted build's to remove
    /// until it is gone.
    active: Active,
}

/// The staging folders being written and their lock files, for an interrupted build to
/// remove. A pack is moved into place with this held, so an interruption waits for it.
static ACTIVE: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());

/// Set once the build is interrupted: no file is written after it.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// A staging folder listed in [`ACTIVE`] until this is dropped.
struct Active(PathBuf);

impl Active {
    fn new(dir: &Path, lock: &Path) -> Self {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(|| {
            // Without a handler (another one is set) an interrupted build leaves its folder,
            // which the next build into the same place removes.
            let _ = ctrlc::set_handler(interrupted);
        });
        ACTIVE.lock().unwrap_or_else(PoisonError::into_inner).push((dir.to_path_buf(), lock.to_path_buf()));
        Self(dir.to_path_buf())
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        ACTIVE.lock().unwrap_or_else(PoisonError::into_inner).retain(|(dir, _)| *dir != self.0);
    }
}

/// Ctrl-C, `SIGTERM` or `SIGHUP`: removes every staging folder and lock of this process, then
/// exits with 130, as a shell reports an interrupted command. A worker that was writing a file
/// as the flag went up may still create it: the folders are removed a second time after it.
fn interrupted() {
    STOPPING.store(true, Ordering::SeqCst);
    let active = ACTIVE.lock().unwrap_or_else(PoisonError::into_inner);
    for pass in 0..2 {
        if pass > 0 {
            std::thread::sleep(Duration::from_millis(200));
        }
        for (dir, _) in active.iter() {
            let _ = fs::remove_dir_all(dir);
        }
    }
    for (_, lock) in active.iter() {
        let _ = fs::remove_file(lock);
    }
    // After the progress bar's line; nothing to say when every pack was already in place.
    // This thread must reach the exit, for the main thread waits for it: `tell!` cannot panic.
    if !active.is_empty() {
        tell!("\n{}", say(Msg::new("interrupted")));
    }
    std::process::exit(130);
}

/// Whether the build is interrupted: the handler is removing its folders and will end the
/// process.
pub fn stopping() -> bool {
    STOPPING.load(Ordering::SeqCst)
}

/// Waits up to a second for an interruption's handler to begin (it then ends the process).
pub fn await_interrupt() {
    for _ in 0..100 {
        if stopping() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Refuses to write once the build is interrupted.
fn going_on() -> Result<()> {
    if stopping() {
        bail!("{}", say(Msg::new("interrupted")));
    }
    Ok(())
}

/// The folder the target sits in, and the target's own name.
fn split(target: &Path) -> Result<(PathBuf, String)> {
    let name = match target.components().next_back() {
        Some(Component::Normal(n)) => n.to_string_lossy().into_owned(),
        _ => bail!("{}", say_path("no-folder-name", target)),
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

/// The build lock of a target: the locked file, removed again when the build ends.
struct Lock {
    file: File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked: a build that opened the file meanwhile sees, once it
        // holds the lock, that the path no longer names its file, and starts over.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names the open `file` (not a file removed and created again).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// Takes the build lock of `target`, or says which process holds it.
fn lock(parent: &Path, name: &str, target: &Path) -> Result<Lock> {
    let path = parent.join(format!(".{name}.esep-lock"));
    for _ in 0..100 {
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| say_path("cannot-write", target))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                let who = if holder.is_empty() { String::new() } else { format!(" ({holder})") };
                bail!(
                    "{}",
                    say(Msg::new("pack-busy").arg("who", who).arg("path", target.display().to_string()))
                );
            }
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| say_path("cannot-lock", &path));
            }
        }
        if !same_file(&file, &path) {
            continue; // the build that held it has just ended and removed it
        }
        file.set_len(0)?;
        file.rewind()?;
        write!(file, "process {}", std::process::id())?;
        file.flush()?;
        return Ok(Lock { file, path });
    }
    bail!("cannot take the lock `{}`: it keeps changing", path.display())
}

/// Removes staging and old-pack folders of `name` left by builds that were killed: with the
/// lock held, no running build owns them.
fn remove_stale(parent: &Path, name: &str) {
    let prefixes = [format!(".esep-build-{name}-"), format!(".esep-old-{name}-")];
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else { continue };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a file has one name only (no hard link elsewhere).
#[cfg(unix)]
fn single_name(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() == 1
}

#[cfg(not(unix))]
fn single_name(_: &fs::Metadata) -> bool {
    true
}

/// Whether `relative` stays inside the folder it is joined to: plain names only, no root,
/// no `..`, no `.`.
fn confined(relative: &Path) -> bool {
    relative.components().next().is_some() && relative.components().all(|c| matches!(c, Component::Normal(_)))
}

impl Staging {
    /// A temporary folder beside `target`. Fails if `target` holds something other than a pack,
    /// or if another build is writing it.
    pub fn new(target: &Path) -> Result<Self> {
        if target.exists() {
            let is_pack = target.join(MARKER).is_file();
            let is_empty = fs::read_dir(target).map(|mut d| d.next().is_none()).unwrap_or(false);
            if !target.is_dir() || !(is_pack || is_empty) {
                bail!("{}", say_path("not-a-pack-folder", target));
            }
        }
        let (parent, name) = split(target)?;
        fs::create_dir_all(&parent).with_context(|| say_path("cannot-create", &parent))?;
        let lock = lock(&parent, &name, target)?;
        remove_stale(&parent, &name);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".esep-build-{name}-"))
            .tempdir_in(&parent)
            .with_context(|| say_path("cannot-write", target))?;
        let active = Active::new(dir.path(), &lock.path);
        Ok(Self {
            dir,
            target: target.to_path_buf(),
            _lock: lock,
            written: Mutex::new(HashSet::new()),
            active,
        })
    }

    /// The folder being written, for a file's temporary files: they go with it.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes one file of the pack, creating folders as needed. Refuses a path that would
    /// leave the pack (absolute, `..`, `.`) or a file written before, whatever validation let
    /// through.
    pub fn write(&self, relative: impl AsRef<Path>, bytes: &[u8]) -> Result<()> {
        self.write_with(relative, |w| w.write_all(bytes).map_err(Into::into))
    }

    /// [`Staging::write`] of what `fill` writes, as it writes it: a file of tens of megabytes
    /// (the open data of hundreds of bodies) is never whole in memory.
    pub fn write_with(
        &self,
        relative: impl AsRef<Path>,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let relative = relative.as_ref();
        going_on()?;
        if !confined(relative) {
            bail!("refusing to write `{}`: the path would leave the pack", relative.display());
        }
        let first = self.written.lock().map(|mut w| w.insert(relative.to_path_buf())).unwrap_or(false);
        if !first {
            bail!("refusing to write `{}` twice: two parts of the pack share a name", relative.display());
        }
        let path = self.dir.path().join(relative);
        // Named where the reader will look for it, not in the hidden folder it is made in.
        let shown = self.target.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| say_path("cannot-write", &shown))?;
        }
        let file = File::create(&path).with_context(|| say_path("cannot-write", &shown))?;
        let mut out = std::io::BufWriter::new(file);
        fill(&mut out)
            .and_then(|()| out.flush().map_err(Into::into))
            .with_context(|| say_path("cannot-write", &shown))
    }

    /// Takes over the file at `relative` in the pack `old` (the one being replaced), linked
    /// where the file system allows and copied otherwise. False, and nothing written, when it
    /// cannot be taken or might not be the pack's own: a link anywhere on its path, or a file
    /// with other names besides (a hard link to something outside); it is then made again.
    pub fn reuse(&self, relative: impl AsRef<Path>, old: &Path) -> Result<bool> {
        let relative = relative.as_ref();
        going_on()?;
        if !confined(relative) {
            bail!("refusing to write `{}`: the path would leave the pack", relative.display());
        }
        let mut from = old.to_path_buf();
        for part in relative.components() {
            from.push(part);
            if fs::symlink_metadata(&from).map_or(true, |m| m.file_type().is_symlink()) {
                return Ok(false);
            }
        }
        if !fs::symlink_metadata(&from).is_ok_and(|m| m.is_file() && single_name(&m)) {
            return Ok(false);
        }
        if self.written.lock().is_ok_and(|w| w.contains(relative)) {
            bail!("refusing to write `{}` twice: two parts of the pack share a name", relative.display());
        }
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| say_path("cannot-create", parent))?;
        }
        if fs::hard_link(&from, &path).is_err() && fs::copy(&from, &path).is_err() {
            let _ = fs::remove_file(&path);
            return Ok(false);
        }
        if let Ok(mut w) = self.written.lock() {
            w.insert(relative.to_path_buf());
        }
        Ok(true)
    }

    /// Moves the finished pack into place, replacing an earlier one.
    pub fn commit(self) -> Result<()> {
        let Self { dir, target, _lock, active: _active, .. } = self;
        // Held while the pack moves into place, and dropped before `_active`, which takes it.
        let _registry = ACTIVE.lock().unwrap_or_else(PoisonError::into_inner);
        going_on()?;
        let staged = dir.keep();
        let old = if target.exists() {
            let (_, name) = split(&target)?;
            let suffix = staged
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.rsplit('-').next())
                .unwrap_or("pack")
                .to_string();
            let old = staged.with_file_name(format!(".esep-old-{name}-{suffix}"));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_file_that_cannot_be_written_is_named_where_the_pack_will_be() {
        if crate::say::choose(Some(esep_ingest::Lang::En)) != esep_ingest::Lang::En {
            return; // another test of this process chose the messages' language first
        }
        let root = folder();
        let target = root.path().join("pack");
        let staging = Staging::new(&target).unwrap_or_else(|e| panic!("{e}"));
        // «SRK» taken by a file: no folder can be made for the unit's documents.
        staging.write("SRK", b"x").unwrap_or_else(|e| panic!("{e}"));
        let err =
            staging.write("SRK/report.kk.pdf", b"1").err().map(|e| format!("{e:#}")).unwrap_or_default();
        let shown = target.join("SRK").join("report.kk.pdf");
        assert!(err.starts_with(&format!("cannot write `{}`", shown.display())), "{err}");
        assert!(!err.contains(".esep-build-"), "{err}");
    }

    #[test]
    fn paths_that_leave_the_pack_are_refused() {
        let root = folder();
        let staging = Staging::new(&root.path().join("pack")).unwrap_or_else(|e| panic!("{e}"));
        for bad in ["/tmp/x", "../x/report.pdf", ".", "./indicators.csv", "a/../../b", ""] {
            let err = staging.write(bad, b"x").err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("would leave the pack"), "{bad}: {err}");
        }
        staging.write("SRK/report.kk.pdf", b"1").unwrap_or_else(|e| panic!("{e}"));
        let err = staging.write("SRK/report.kk.pdf", b"2").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("twice"), "{err}");
        staging.write(MARKER, b"{}").unwrap_or_else(|e| panic!("{e}"));
        staging.commit().unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<_> = fs::read_dir(root.path())
            .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        assert_eq!(names, ["pack"], "the lock file goes with the build");
    }

    #[test]
    fn a_second_build_into_the_same_folder_stops_at_once() {
        let root = folder();
        let target = root.path().join("pack");
        let first = Staging::new(&target).unwrap_or_else(|e| panic!("{e}"));
        let err = Staging::new(&target).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains(&format!("another esep build (process {})", std::process::id())), "{err}");
        // Another pack in the same parent is not held up.
        let other = Staging::new(&root.path().join("other")).unwrap_or_else(|e| panic!("{e}"));
        drop(other);
        drop(first);
        assert!(Staging::new(&target).is_ok(), "the lock is released with the build");
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed_and_others_kept() {
        let root = folder();
        for d in [".esep-build-pack-abc", ".esep-old-pack-def", ".esep-build-other-xyz", "keep"] {
            fs::create_dir_all(root.path().join(d).join("SRK")).unwrap_or_else(|e| panic!("{e}"));
        }
        let staging = Staging::new(&root.path().join("pack")).unwrap_or_else(|e| panic!("{e}"));
        let mut names: Vec<String> = fs::read_dir(root.path())
            .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        drop(staging);
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(names.contains(&".pack.esep-lock".to_string()), "{names:?}");
        assert!(!names.contains(&".esep-build-pack-abc".to_string()), "{names:?}");
        assert!(names.contains(&".esep-build-other-xyz".to_string()), "{names:?}");
        assert!(names.contains(&"keep".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with(".esep-old-pack")), "{names:?}");
    }
}
