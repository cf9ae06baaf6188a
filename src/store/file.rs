//! Low-level file operations: atomic replace, private permissions.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::error::StoreError;

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

/// Opens (creating if needed) a file with private permissions (0600).
pub fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Replaces `path` with `bytes` atomically: a temporary file in the same
/// folder is written, flushed to disk and renamed over the target, so a
/// reader or a crash sees either the old file or the new one, never a mix.
/// On failure the temporary file is removed and the target is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    // tempfile creates the file with mode 0600 on Unix and deletes it if we
    // return early.
    let mut tmp = tempfile::Builder::new()
        .prefix(".roadmap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io("create a temporary file in", dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| StoreError::io("write", tmp.path().to_path_buf(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io("flush", tmp.path().to_path_buf(), e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io("replace", path, e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Makes a rename durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
