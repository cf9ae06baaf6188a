//! `-o FILE` (`export -o`, `import -o`): what the user named gets the
//! bytes, whatever is there, the way a careful Unix tool writes:
//!
//! - nothing there: a new file (mode from the umask), written under a
//!   temporary name next to it and renamed into place;
//! - a regular file: replaced the same way, whole or not at all, and it
//!   keeps its permissions (and, when run as root, its owner);
//! - a device or a named pipe (`/dev/null`, a FIFO a script reads): written
//!   to, never replaced (renaming over `/dev/null` would make it a file);
//! - a symbolic link: followed with care: the link stays, and what it leads
//!   to is treated as above (a file there is replaced where it is, keeping
//!   its mode); a link to nothing is refused, as is a folder;
//! - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/…/fd/N`: the open
//!   stream they name is written to (appended to, so `>> log` stays a log),
//!   never replaced.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why `-o FILE` wrote nothing (or not all): in words, without the path
/// (the caller names it and says what to do).
#[derive(Debug)]
pub struct OutputError(pub String);

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn io_error(what: &str, e: &io::Error) -> OutputError {
    let why = match e.kind() {
        io::ErrorKind::PermissionDenied => "you are not allowed to".to_string(),
        io::ErrorKind::NotFound => "the folder does not exist".to_string(),
        _ => crate::io_words::reason(e),
    };
    OutputError(format!("{what}: {why}"))
}

/// Writes `bytes` to `path` as the module says.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    match path.to_str() {
        Some("/dev/stdout") => return write_stream(io::stdout().lock(), bytes),
        Some("/dev/stderr") => return write_stream(io::stderr().lock(), bytes),
        _ if is_stream(path) => return write_through(path, bytes),
        _ => {}
    }
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return replace(path, bytes, None),
        Err(e) => return Err(io_error("cannot look at it", &e)),
    };
    if !meta.file_type().is_symlink() {
        return by_kind(path, &meta, bytes);
    }
    // A link: followed, with care. What it leads to decides.
    let followed = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => OutputError(format!(
            "it is a symbolic link to {}, which does not exist; name the file itself",
            fs::read_link(path).map_or_else(|_| "?".to_string(), |t| t.display().to_string())
        )),
        _ => io_error("cannot follow the symbolic link", &e),
    })?;
    // A link to an open stream (`/proc/self/fd/1`): written to.
    if fs::read_link(path).is_ok_and(|t| is_stream(&t)) {
        return write_through(path, bytes);
    }
    if !followed.file_type().is_file() {
        return by_kind(path, &followed, bytes);
    }
    // A link to a file: the file is replaced where it is; the link stays.
    let target = fs::canonicalize(path).map_err(|e| io_error("cannot follow the link", &e))?;
    replace(&target, bytes, Some(&followed))
}

fn write_stream(mut out: impl Write, bytes: &[u8]) -> Result<(), OutputError> {
    written(out.write_all(bytes).and_then(|()| out.flush()))
}

/// A stream or a FIFO whose reader stopped reading (`| head`) is no
/// failure, as for what commands print.
fn written(result: io::Result<()>) -> Result<(), OutputError> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(io_error("cannot write to it", &e)),
        _ => Ok(()),
    }
}

/// What to do with the entry `path` (not a link) described by `meta`.
fn by_kind(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> Result<(), OutputError> {
    let t = meta.file_type();
    if t.is_file() {
        return replace(path, bytes, Some(meta));
    }
    if t.is_dir() {
        return Err(OutputError("it is a folder; name a file in it".to_string()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() || t.is_char_device() || t.is_block_device() {
            return write_through(path, bytes);
        }
    }
    Err(OutputError(format!(
        "it is {}, which cannot be written to",
        crate::store::safe::kind(meta)
    )))
}

/// The names of an open stream rather than of a file: written to, never
/// replaced.
fn is_stream(path: &Path) -> bool {
    let s = path.to_string_lossy();
    s == "/dev/stdout"
        || s == "/dev/stderr"
        || s.starts_with("/dev/fd/")
        || (s.starts_with("/proc/") && s.contains("/fd/"))
}

/// Opens what is there and writes into it: a device, a FIFO (waiting for
/// a reader, as `echo > fifo` does), a stream.
fn write_through(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let mut handle = OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| io_error("cannot open it for writing", &e))?;
    written(handle.write_all(bytes).and_then(|()| handle.flush()))
}

/// A new version of the regular file `path` (or a new file), written under
/// a temporary name in its folder and renamed over it: whole or not at all.
/// `old` is the file replaced: its permissions (and owner, for root) stay.
fn replace(path: &Path, bytes: &[u8], old: Option<&fs::Metadata>) -> Result<(), OutputError> {
    let dir: PathBuf = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the usual mode (0666 less the umask), as a shell's
    // `>` would make it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound && !dir.is_dir() {
            OutputError(format!("the folder {} does not exist", dir.display()))
        } else {
            io_error("cannot make a file next to it", &e)
        }
    })?;
    tmp.as_file_mut()
        .write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| io_error("cannot write", &e))?;
    if let Some(old) = old {
        keep_mode_and_owner(tmp.as_file(), old)?;
    }
    tmp.persist(path)
        .map_err(|e| io_error("cannot replace it", &e.error))?;
    Ok(())
}

fn keep_mode_and_owner(new: &fs::File, old: &fs::Metadata) -> Result<(), OutputError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // The owner first: changing it clears set-id bits, which the mode
        // then restores.
        if rustix::process::geteuid().is_root() {
            let _ = rustix::fs::fchown(
                new,
                Some(rustix::process::Uid::from_raw(old.uid())),
                Some(rustix::process::Gid::from_raw(old.gid())),
            );
        }
        new.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))
            .map_err(|e| io_error("cannot keep its permissions", &e))?;
    }
    #[cfg(not(unix))]
    new.set_permissions(old.permissions())
        .map_err(|e| io_error("cannot keep its permissions", &e))?;
    Ok(())
}

#[cfg(all(test, unix))]
#[path = "output_tests.rs"]
mod tests;
