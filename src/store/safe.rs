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

/// Refuses an entry of ours (`meta`, looked at without following a link)
/// that another user made in a folder others can write to: in a sticky
/// shared folder (like /tmp) anyone can take one of our names first, and
/// what they put there is neither ours to read nor ours to replace (the
/// sticky bit forbids it anyway). In a private folder nothing is checked:
/// only its owner (or root) could have put it there.
pub fn require_not_planted(path: &Path, meta: &Metadata) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = rustix::process::geteuid().as_raw();
        if meta.uid() == me || meta.uid() == 0 {
            return Ok(());
        }
        let shared = path
            .parent()
            .and_then(|dir| std::fs::metadata(dir).ok())
            .is_some_and(|dir| dir.mode() & 0o022 != 0);
        if shared {
            return Err(StoreError::Planted {
                path: path.to_path_buf(),
                kind: kind(meta),
                uid: meta.uid(),
            });
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta);
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

/// Whether [`read_file`] may follow a symbolic link at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// The file is ours (a profile, a library file, the in-use file, a
    /// machine's file in the sync folder, a cached download): a link there
    /// was planted, and is refused.
    Refuse,
    /// The user named the file (`--roadmap FILE`, `import FILE`, the config
    /// file a dotfiles manager links into place): a link is followed, but
    /// what it leads to must still be a regular file.
    Follow,
}

/// Why [`read_file`] read nothing. Say it in plain words with
/// [`ReadError::describe`]; `Missing` is often not an error at all.
#[derive(Debug)]
pub enum ReadError {
    Missing,
    /// Not a regular file: what it is instead ("a named pipe (FIFO)",
    /// "a symbolic link", "a folder", "a device", …).
    NotAFile(&'static str),
    /// Larger than `max` bytes (`size` is at least this much).
    TooLarge {
        size: u64,
        max: u64,
    },
    Io(io::Error),
}

impl ReadError {
    /// What went wrong, in a user's words, without the path (callers name
    /// the file and say what to do).
    pub fn describe(&self) -> String {
        match self {
            ReadError::Missing => "there is no such file or folder".to_string(),
            ReadError::NotAFile(kind) => format!("it is {kind}, not a regular file"),
            ReadError::TooLarge { size, max } => {
                format!("it is {size} bytes or more, larger than the limit of {max} bytes")
            }
            ReadError::Io(e) => match e.kind() {
                io::ErrorKind::PermissionDenied => "you are not allowed to read it".to_string(),
                _ => crate::io_words::reason(e),
            },
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

/// The one way the program reads a whole file: looked at before it is
/// opened (opening a FIFO waits for a writer, opening a device can have
/// effects), opened without waiting (`O_NONBLOCK`) and, with
/// [`Links::Refuse`], without following a link (`O_NOFOLLOW`); only a
/// regular file is read, and never more than `max` bytes, even if it grows
/// while it is read.
pub fn read_file(path: &Path, links: Links, max: u64) -> Result<Vec<u8>, ReadError> {
    read_file_meta(path, links, max).map(|(bytes, _)| bytes)
}

/// [`read_file`], with the metadata of the handle that was read (its
/// number of names, its owner, …).
pub fn read_file_meta(
    path: &Path,
    links: Links,
    max: u64,
) -> Result<(Vec<u8>, Metadata), ReadError> {
    let looked = match links {
        Links::Refuse => std::fs::symlink_metadata(path),
        Links::Follow => std::fs::metadata(path),
    };
    let meta = match looked {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Io(e)),
    };
    if !meta.file_type().is_file() {
        return Err(ReadError::NotAFile(kind(&meta)));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    let handle = match open_nonblocking(path, links) {
        Ok(h) => h,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::Missing),
        #[cfg(unix)]
        Err(e) if rustix::io::Errno::from_io_error(&e) == Some(rustix::io::Errno::LOOP) => {
            return Err(ReadError::NotAFile("a symbolic link"));
        }
        Err(e) => return Err(ReadError::Io(e)),
    };
    // Whatever was swapped in between the look and the open: the handle's
    // own metadata decides.
    let meta = handle.metadata().map_err(ReadError::Io)?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotAFile(kind(&meta)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(max)).unwrap_or(0));
    io::Read::read_to_end(&mut io::Read::take(handle, max + 1), &mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok((bytes, meta))
}

fn open_nonblocking(path: &Path, links: Links) -> io::Result<File> {
    match links {
        Links::Refuse => open_read(path),
        Links::Follow => {
            #[cfg(unix)]
            {
                use rustix::fs::{Mode, OFlags};
                let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
                Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
            }
            #[cfg(not(unix))]
            File::open(path)
        }
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_under_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"hello").unwrap();
        assert_eq!(read_file(&path, Links::Refuse, 5).unwrap(), b"hello");
        assert!(matches!(
            read_file(&path, Links::Refuse, 4),
            Err(ReadError::TooLarge { size: 5, max: 4 })
        ));
        assert!(matches!(
            read_file(&dir.path().join("none"), Links::Follow, 4),
            Err(ReadError::Missing)
        ));
        assert!(matches!(
            read_file(dir.path(), Links::Follow, 4),
            Err(ReadError::NotAFile("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_or_followed_as_asked() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        std::fs::write(&target, b"x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(
            read_file(&link, Links::Refuse, 10),
            Err(ReadError::NotAFile("a symbolic link"))
        ));
        assert_eq!(read_file(&link, Links::Follow, 10).unwrap(), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        // Were it opened for reading without O_NONBLOCK, this would wait
        // forever for a writer.
        for links in [Links::Refuse, Links::Follow] {
            assert!(matches!(
                read_file(&fifo, links, 10),
                Err(ReadError::NotAFile("a named pipe (FIFO)"))
            ));
        }
        assert!(matches!(
            read_file(Path::new("/dev/zero"), Links::Follow, 10),
            Err(ReadError::NotAFile("a device"))
        ));
        let link = dir.path().join("to-fifo");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert!(matches!(
            read_file(&link, Links::Follow, 10),
            Err(ReadError::NotAFile("a named pipe (FIFO)"))
        ));
    }
}
