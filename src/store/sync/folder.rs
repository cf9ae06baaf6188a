//! The sync folder itself: which files in it are machine files (a tool's
//! conflict copies included), reading each one safely, and putting this
//! machine's file there whole.
//!
//! The new version of this machine's file is written and flushed in the
//! data folder's `sync/` and then renamed into the sync folder: a syncing
//! tool never sees a half-written file, and nothing temporary of ours is
//! ever in the folder (Syncthing and Dropbox do not ignore a `.tmp` or a
//! dot-file: they would copy a half-written temporary file to every
//! machine). Only when the two folders are on different file systems, where
//! a rename cannot cross, is the temporary file written in the sync folder,
//! under a name both tools treat as their own temporary files and never
//! copy (`~syncthing~…tmp`), and a killed sync's leftover is removed by the
//! next one.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::SyncError;
use super::machine_file::{self, MAX_FILE_BYTES, MachineFile};
use super::state::TMP_PREFIX;
use crate::store::StoreError;
use crate::store::safe::{self, Links};

/// A machine file that was read and understood.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// The machine whose file (or copy of it) this is.
    pub owner: String,
    /// A copy a syncing tool made (a conflict), not the file itself.
    pub copy: bool,
    pub file: MachineFile,
}

/// A file in the sync folder that was refused, by name, and why. Nothing
/// in it was used; it is left as it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Refused {
    pub file: PathBuf,
    pub why: String,
}

/// Makes sure the sync folder can be used: it exists (its last part is
/// created, private, when the folder above it exists: a missing parent is
/// more likely an unmounted share than a folder to make) and only its
/// owner can write to it.
pub fn prepare(folder: &Path) -> Result<(), SyncError> {
    let fail = |why: String, fix: &str| SyncError::Folder {
        path: folder.to_path_buf(),
        why,
        fix: fix.to_string(),
    };
    let meta = match fs::metadata(folder) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let parent = folder.parent().unwrap_or(Path::new("/"));
            if !parent.as_os_str().is_empty() && !parent.is_dir() {
                return Err(fail(
                    format!("does not exist, nor does {}", parent.display()),
                    "is the synced folder there (Syncthing or Dropbox set up, the share mounted)? \
                     Create it, or point [sync] folder in config.toml at it",
                ));
            }
            crate::store::file::ensure_dir(folder)?;
            fs::metadata(folder).map_err(|e| StoreError::io("inspect", folder, e))?
        }
        Err(e) => return Err(StoreError::io("inspect", folder, e).into()),
    };
    if !meta.is_dir() {
        return Err(fail(
            "is not a folder".to_string(),
            "point [sync] folder in config.toml at a folder",
        ));
    }
    safe::require_private_folder(folder, &meta).map_err(|e| match e {
        StoreError::UnsafeFolder { why, fix, .. } => fail(
            why,
            &fix.replace(
                "or set ROADMAP_HOME to a private folder",
                "or sync through another folder",
            ),
        ),
        other => other.into(),
    })
}

/// Reads every machine file in `folder` (copies included), sorted by name.
/// A file that cannot be used is refused by name; the others are read.
pub fn read_all(folder: &Path) -> Result<(Vec<Found>, Vec<Refused>), SyncError> {
    let entries = fs::read_dir(folder).map_err(|e| StoreError::io("read the folder", folder, e))?;
    let mut names: Vec<(String, String, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| {
            machine_file::owner(&n)
                .map(|(id, copy)| (id.to_string(), copy))
                .map(|(id, copy)| (n, id, copy))
        })
        .collect();
    names.sort();
    let mut found = Vec::new();
    let mut refused = Vec::new();
    for (name, owner, copy) in names {
        let path = folder.join(&name);
        match read_one(&path) {
            Ok(file) => found.push(Found {
                path,
                owner,
                copy,
                file,
            }),
            Err(why) => refused.push(Refused { file: path, why }),
        }
    }
    Ok((found, refused))
}

/// One machine file, or why it is refused (in a user's words).
pub fn read_one(path: &Path) -> Result<MachineFile, String> {
    let bytes = safe::read_file(path, Links::Refuse, MAX_FILE_BYTES).map_err(|e| e.describe())?;
    machine_file::parse(&bytes, path).map_err(|e| match e {
        StoreError::FutureVersion { found, .. } => format!(
            "it was written by a newer roadmap (format {found}); update roadmap on this machine"
        ),
        StoreError::Corrupt { detail, .. } => format!("it is damaged ({detail})"),
        other => other.to_string(),
    })
}

/// Puts `bytes` in `folder` as machine `id`'s file, atomically, readable by
/// its owner only. The temporary file lives in `state_dir` (see the module
/// comment); call with the sync lock held.
pub fn write_own(folder: &Path, state_dir: &Path, id: &str, bytes: &[u8]) -> Result<(), SyncError> {
    let target = folder.join(machine_file::file_name(id));
    remove_fallback_temps(folder, id);
    let tmp = flushed(state_dir, TMP_PREFIX, bytes, &target)?;
    match tmp.persist(&target) {
        Ok(_) => {}
        Err(e) if e.error.kind() == io::ErrorKind::CrossesDevices => {
            drop(e.file);
            let prefix = fallback_prefix(id);
            let tmp = flushed(folder, &prefix, bytes, &target)?;
            tmp.persist(&target)
                .map_err(|e| StoreError::io("replace", &target, e.error))?;
        }
        Err(e) => return Err(StoreError::io("replace", &target, e.error).into()),
    }
    if let Ok(d) = fs::File::open(folder) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The temporary name used in the sync folder itself when the data folder
/// is on another file system: Syncthing treats `~syncthing~…` as its own
/// temporary files on every system, Dropbox ignores `~….tmp`.
fn fallback_prefix(id: &str) -> String {
    format!("~syncthing~{}.", machine_file::file_name(id))
}

/// Removes what a killed sync of machine `id` left in the folder (never
/// another machine's). Call with the sync lock held.
fn remove_fallback_temps(folder: &Path, id: &str) {
    crate::store::file::remove_stale_temps(folder, &fallback_prefix(id));
}

fn flushed(
    dir: &Path,
    prefix: &str,
    bytes: &[u8],
    target: &Path,
) -> Result<tempfile::NamedTempFile, SyncError> {
    // tempfile creates the file with mode 0600 on Unix and removes it when
    // dropped, which every early return does.
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io("create a temporary file in", dir, e))?;
    tmp.as_file_mut()
        .write_all(bytes)
        .map_err(|e| StoreError::io("write", target, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io("flush", target, e))?;
    Ok(tmp)
}

/// Removes the conflict copies of this machine's own file once what they
/// held is in its file: they are ours, and nothing in them is lost.
pub fn remove_merged_copies(found: &[Found], id: &str) -> usize {
    found
        .iter()
        .filter(|f| f.copy && f.owner == id)
        .filter(|f| fs::remove_file(&f.path).is_ok())
        .count()
}
