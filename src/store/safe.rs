//! What sits at a profile's paths, looked at without blocking and without
//! following links. The rules (docs/reliability.md, "store-files"):
//!
//! - Every entry the store reads or writes in the profile folder is either
//!   absent or a regular file: a folder, a named pipe, a device, a socket or
//!   a symbolic link there is refused with an error saying what it is. It is
//!   looked at with `lstat` before anything opens it, and opened with
//!   `O_NOFOLLOW | O_NONBLOCK`, so a FIFO cannot hang a command and a link
//!   swapped in meanwhile is not followed.
//! - The profile file must have no other name (hard link) than its own and
//!   the store's backup names: permissions are set on it (through the open
//!   handle, `fchmod`), which would change every other name of that file.
//! - The folder must be writable by its owner only (or sticky, like /tmp)
//!   and belong to the user or to root; otherwise others could plant files
//!   and links in it, and it is refused as ssh refuses such a `~/.ssh`.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

use super::error::StoreError;

/// What is at a path, looked at without following a link.
pub enum Entry {
    Missing,
    File(Metadata),
    /// Anything but a regular file, in plain words ("a named pipe (FIFO)").
    Other(&'static str),
}

/// Looks at `path` itself: a symbolic link is reported as one, not followed,
/// and nothing is opened (opening a device can have effects).
pub fn entry(path: &Path) -> io::Result<Entry> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(Entry::File(meta)),
        Ok(meta) => Ok(Entry::Other(kind(&meta))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Entry::Missing),
        Err(e) => Err(e),
    }
}

/// What an entry is, in plain words for messages.
pub fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        return "a symbolic link";
    }
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_file() {
        "a regular file"
    } else {
        "something other than a file"
    }
}

/// Opens `path` for reading without following a link and without waiting
/// (a FIFO opens at once instead of waiting for a writer). Check the
/// handle's metadata: only a regular file is what it should be.
pub fn open_read(path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
    }
    #[cfg(not(unix))]
    File::open(path)
}

/// Opens the folder itself, to lock it (see `Store::lock`).
#[cfg(unix)]
pub fn open_folder(dir: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    Ok(File::from(rustix::fs::open(dir, flags, Mode::empty())?))
}

/// The error for a failed [`open_read`] of `path`: a link that appeared
/// after it was looked at is named as one rather than as the OS's "too many
/// levels of symbolic links".
pub fn open_error(action: &'static str, path: &Path, e: io::Error) -> StoreError {
    #[cfg(unix)]
    if rustix::io::Errno::from_io_error(&e) == Some(rustix::io::Errno::LOOP) {
        return StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: "a symbolic link",
        };
    }
    StoreError::io(action, path, e)
}

/// A regular file, or the error naming what `path` is instead.
pub fn require_file(path: &Path, meta: &Metadata) -> Result<(), StoreError> {
    if meta.file_type().is_file() {
        Ok(())
    } else {
        Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: kind(meta),
        })
    }
}

/// Refuses the file `meta` (opened as `path`) when it has names other than
/// `path` and those in `own` (the store's backup names, which may share the
/// file after an interrupted save). `names` is how many names the caller
/// knows it has made itself (1 for the profile, 2 for its backup link).
pub fn require_own_links(
    path: &Path,
    meta: &Metadata,
    names: u64,
    own: &[&Path],
) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let links = meta.nlink();
        if links <= names {
            return Ok(());
        }
        let same = |p: &Path| {
            std::fs::symlink_metadata(p)
                .is_ok_and(|m| (m.dev(), m.ino()) == (meta.dev(), meta.ino()))
        };
        let ours = own.iter().filter(|p| same(p)).count() as u64;
        if links > names + ours {
            return Err(StoreError::HardLinked {
                path: path.to_path_buf(),
                links: links - ours,
            });
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta, names, own);
    Ok(())
}

/// Refuses a profile folder that others can write to (group or everyone,
/// without the sticky bit) or that belongs to another user than the one
/// running roadmap (or root).
pub fn require_private_folder(dir: &Path, meta: &Metadata) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = rustix::process::geteuid().as_raw();
        let mode = meta.mode();
        let shown = dir.display();
        if meta.uid() != me && meta.uid() != 0 {
            return Err(StoreError::UnsafeFolder {
                path: dir.to_path_buf(),
                why: format!("belongs to another user (user id {})", meta.uid()),
                fix: "set ROADMAP_HOME to a folder of your own".to_string(),
            });
        }
        if mode & 0o022 != 0 && mode & 0o1000 == 0 {
            let who = if mode & 0o002 != 0 {
                "everyone"
            } else {
                "its group"
            };
            return Err(StoreError::UnsafeFolder {
                path: dir.to_path_buf(),
                why: format!("can be written by other users ({who})"),
                fix: format!(
                    "make it yours alone (chmod go-w {shown}) or set ROADMAP_HOME to a private folder"
                ),
            });
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, meta);
    Ok(())
}

/// The folder check for a reader: true when the folder exists and may be
/// used, false when it is missing (it holds no profile yet).
pub fn check_folder(dir: &Path) -> Result<bool, StoreError> {
    match std::fs::metadata(dir) {
        Ok(meta) => require_private_folder(dir, &meta).map(|()| true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StoreError::io("inspect", dir, e)),
    }
}
