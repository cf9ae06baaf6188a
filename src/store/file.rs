//! Low-level file operations: atomic replace, private permissions, and
//! clearing temporary files left behind by a process that was killed.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::error::StoreError;
use super::paths::ProfilePaths;
use super::safe;

/// Creates `dir` (and parents) if needed; new folders are private (0700).
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| StoreError::io("create the folder", dir, e))
}

/// Opens (creating if needed) the lock file where a folder cannot be
/// locked (not Unix).
#[cfg(not(unix))]
pub fn open_private(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// The suffix of every temporary file: `PREFIX<random>.tmp`.
const TMP_SUFFIX: &str = ".tmp";

/// Replaces `path` with `bytes` atomically: a temporary file named
/// `<tmp_prefix><random>.tmp` in the same folder is written, flushed to disk and
/// renamed over the target, so a reader or a crash sees either the old file
/// or the new one, never a mix. On failure the temporary file is removed
/// and the target is untouched; errors name the target.
pub fn write_atomic(path: &Path, bytes: &[u8], tmp_prefix: &str) -> Result<(), StoreError> {
    prepare(path, bytes, tmp_prefix)?.commit()
}

/// A new version of a file, written and flushed under a temporary name,
/// not yet in place. Dropping it removes the temporary file.
pub struct Prepared<'a> {
    tmp: tempfile::NamedTempFile,
    path: &'a Path,
}

/// Writes `bytes` to a temporary file next to `path` and flushes it to disk.
/// Nothing visible changes until [`Prepared::commit`].
pub fn prepare<'a>(
    path: &'a Path,
    bytes: &[u8],
    tmp_prefix: &str,
) -> Result<Prepared<'a>, StoreError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    // tempfile creates the file with mode 0600 on Unix and deletes it when
    // `tmp` is dropped, which every early return below does.
    let mut tmp = tempfile::Builder::new()
        .prefix(tmp_prefix)
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| StoreError::io("create a temporary file in", dir, os_error(e)))?;
    // The file itself, not the wrapper: its errors would name the
    // temporary file, which is gone by the time the user reads them.
    tmp.as_file_mut()
        .write_all(bytes)
        .map_err(|e| StoreError::io("write", path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io("flush", path, e))?;
    Ok(Prepared { tmp, path })
}

impl Prepared<'_> {
    /// Renames the new version over the file and makes the rename durable.
    pub fn commit(self) -> Result<(), StoreError> {
        let dir = self.path.parent().unwrap_or_else(|| Path::new("."));
        self.tmp
            .persist(self.path)
            .map_err(|e| StoreError::io("replace", self.path, e.error))?;
        sync_dir(dir);
        Ok(())
    }
}

/// Refuses anything but a regular file (or nothing) where the backup goes:
/// a folder there makes every rename over it fail, and replacing a FIFO, a
/// device or a link would silently drop what the user put there. Say what
/// it is and what to do instead (docs/reliability.md, "the .bak rule").
fn check_backup_slot(backup: &Path) -> Result<(), StoreError> {
    match std::fs::symlink_metadata(backup) {
        Ok(meta) => {
            safe::require_not_planted(backup, &meta)?;
            safe::require_file(backup, &meta).map_err(|_| StoreError::BackupInTheWay {
                path: backup.to_path_buf(),
                kind: safe::kind(&meta),
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io("inspect", backup, e)),
    }
}

/// Keeps the current profile as its backup without copying it: a hard link
/// under a temporary name, renamed over the backup. When the file system
/// has no hard links, the bytes are copied instead. A missing profile (the
/// first save) leaves nothing to keep.
pub fn keep_backup(paths: &ProfilePaths) -> Result<(), StoreError> {
    // The first save has nothing to keep: what sits at the backup's place
    // (even something planted there by another user of a shared folder)
    // is not looked at and never stops it.
    if matches!(safe::entry(&paths.file), Ok(safe::Entry::Missing)) {
        return Ok(());
    }
    check_backup_slot(&paths.backup)?;
    let link = &paths.backup_link;
    let _ = fs::remove_file(link);
    match fs::hard_link(&paths.file, link) {
        Ok(()) => {
            let kept = private_backup(paths);
            // When the backup already was this very file, rename succeeds
            // without doing anything: the link is still there.
            let _ = fs::remove_file(link);
            kept
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) => copy_backup(paths),
    }
}

/// Checks the new link (`link(2)` never follows a symbolic link, so a link
/// swapped in is caught here), makes it private through its own handle
/// (`fchmod`: nothing but this file can be re-permissioned), and renames it
/// over the backup.
fn private_backup(paths: &ProfilePaths) -> Result<(), StoreError> {
    let file = &paths.file;
    let handle =
        safe::open_read(&paths.backup_link).map_err(|e| safe::open_error("open", file, e))?;
    let meta = handle
        .metadata()
        .map_err(|e| StoreError::io("inspect", file, e))?;
    safe::require_file(file, &meta)?;
    // Its names: the profile, the link just made, maybe the backup.
    safe::require_own_links(file, &meta, 2, &[&paths.backup])?;
    // The backup is private whatever the old file's mode was.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o7777 != 0o600 {
            let _ = handle.set_permissions(fs::Permissions::from_mode(0o600));
        }
    }
    fs::rename(&paths.backup_link, &paths.backup)
        .map_err(|e| StoreError::io("replace", &paths.backup, e))
}

/// The backup as a copy, for file systems without hard links.
fn copy_backup(paths: &ProfilePaths) -> Result<(), StoreError> {
    let file = &paths.file;
    let bytes = match safe::read_file(file, safe::Links::Refuse, super::MAX_PROFILE_BYTES) {
        Ok(bytes) => bytes,
        Err(safe::ReadError::Missing) => return Ok(()),
        Err(safe::ReadError::NotAFile(kind)) => {
            return Err(StoreError::NotAFile {
                path: file.clone(),
                kind,
            });
        }
        Err(e @ safe::ReadError::TooLarge { .. }) => {
            return Err(StoreError::Corrupt {
                path: file.clone(),
                detail: e.describe(),
            });
        }
        Err(safe::ReadError::Io(e)) => return Err(StoreError::io("read", file, e)),
    };
    write_atomic(&paths.backup, &bytes, &paths.tmp_prefix)
}

/// The identity of a file version: files are only ever replaced by a
/// rename, so a new version has a new inode (and usually another size and
/// time). Equal stamps mean nobody replaced the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// Device, inode and number of names: a hard link added to the file
    /// makes it another stamp, so it is read (and refused) again.
    #[cfg(unix)]
    inode: (u64, u64, u64),
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        // The path itself: a symbolic link is never the file we wrote.
        let meta = fs::symlink_metadata(path)
            .ok()
            .filter(fs::Metadata::is_file)?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino(), meta.nlink())
            },
        })
    }
}

/// Removes the temporary files `<tmp_prefix><random>.tmp` in `dir`, returning how
/// many were removed. Only call it while holding the lock that every writer
/// of such files holds: then none of them is being written, so any that
/// exists was left by a process killed in the middle of a save. Best
/// effort: a file that cannot be removed is left for the next save.
pub fn remove_stale_temps(dir: &Path, tmp_prefix: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(tmp_prefix) && n.ends_with(TMP_SUFFIX))
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// The operating system's error without the name of the temporary file
/// that `tempfile` adds to it: that file does not exist.
fn os_error(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    match e.to_string().rsplit_once(" at path ") {
        Some((message, _)) => io::Error::new(e.kind(), message.to_string()),
        None => e,
    }
}

/// Makes a rename durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = safe::open_folder(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
