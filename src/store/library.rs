//! The library of roadmaps below the data folder: imported roadmaps as
//! `roadmaps/<id>.json`, and a small file `roadmaps/in-use` remembering
//! which roadmap is the default and which files were used before.
//! Progress never lives here: it stays in the profiles.
//!
//! The library follows the profile's rules: every write takes the lock of
//! the `roadmaps/` folder itself ([`super::lock`]), re-reads what it
//! changes under it, removes temporary files a killed writer left, and
//! replaces files atomically; every read goes through
//! [`super::safe::read_file`] (no link followed, no FIFO waited on, a size
//! cap); the folder must be its owner's (the folder rule), and in a
//! folder others can write to, what they planted is refused. Fields of
//! `in-use` this build does not know are kept ([`state`]).

pub mod state;

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::StoreError;
use super::file::{ensure_dir, remove_stale_temps, write_atomic};
use super::safe::{self, Links, ReadError};
use crate::import::is_valid_id;

pub use state::{InUse, State};

/// The library's folder, inside the data folder.
pub const LIBRARY_DIR: &str = "roadmaps";
/// The file naming the roadmap in use (no `.json`: it is not a roadmap).
pub const IN_USE_FILE: &str = "in-use";
/// The id under which the built-in roadmap is listed and chosen.
pub const BUILTIN_ID: &str = "builtin";
/// How the library's temporary files start (`.roadmaps.XXXX.tmp`).
const TMP_PREFIX: &str = ".roadmaps.";
/// Where a folder cannot be locked (not Unix), the lock file.
const LOCK_FILE: &str = ".roadmaps.lock";
/// The in-use file is a few lines; anything much larger is not ours.
const MAX_STATE_BYTES: u64 = 1024 * 1024;

/// The library in one data folder.
#[derive(Debug, Clone)]
pub struct Library {
    dir: PathBuf,
    lock_wait: Duration,
}

impl Library {
    /// The library in the data folder ([`super::data_dir`]).
    pub fn open() -> Result<Library, StoreError> {
        Ok(Library::at(&super::data_dir()?))
    }

    /// The library in `data_dir`.
    pub fn at(data_dir: &Path) -> Library {
        Library {
            dir: data_dir.join(LIBRARY_DIR),
            lock_wait: super::LOCK_WAIT,
        }
    }

    /// How long a write waits for another process's lock.
    #[must_use]
    pub fn with_lock_wait(mut self, wait: Duration) -> Library {
        self.lock_wait = wait;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where roadmap `id` is (or would be) kept.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// True when roadmap `id` is in the library: a regular file (a link
    /// or anything else at its name is not).
    pub fn contains(&self, id: &str) -> bool {
        is_valid_id(id)
            && fs::symlink_metadata(self.path_of(id)).is_ok_and(|m| m.file_type().is_file())
    }

    /// The folder rule for `roadmaps/` and the data folder: false when it
    /// does not exist yet.
    /// It may be a link the user made, never one another user planted in a
    /// shared data folder; the folder itself must be the user's (or
    /// root's) and writable by nobody else (unless sticky).
    fn check_folder(&self) -> Result<bool, StoreError> {
        // The data folder that holds it follows the rule too: where others
        // may rename entries, `roadmaps/` itself could be swapped.
        if let Some(data) = self.dir.parent()
            && !safe::check_folder(data)?
        {
            return Ok(false);
        }
        match fs::symlink_metadata(&self.dir) {
            Ok(meta) => safe::require_not_planted(&self.dir, &meta)?,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(StoreError::io("inspect", &self.dir, e)),
        }
        safe::check_folder(&self.dir)
    }

    /// The ids of the imported roadmaps, sorted.
    pub fn ids(&self) -> Result<Vec<String>, StoreError> {
        if !self.check_folder()? {
            return Ok(Vec::new());
        }
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("read the folder", &self.dir, e)),
        };
        let mut ids: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".json"))
                    .filter(|id| is_valid_id(id))
                    .map(str::to_string)
            })
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Reads roadmap `id`'s bytes the safe way ([`read_roadmap`]).
    pub fn read(&self, id: &str, max: u64) -> Result<Vec<u8>, RoadmapReadError> {
        read_roadmap(&self.path_of(id), max)
    }

    /// Locks the library for a write, creating its folder if needed; under
    /// the lock no other writer runs, so temporary files found are stale
    /// (a writer was killed) and go.
    fn lock(&self) -> Result<fs::File, StoreError> {
        if !self.check_folder()? {
            ensure_dir(&self.dir)?;
        }
        let lock = super::lock::lock_folder(
            &self.dir,
            &self.dir.join(LOCK_FILE),
            self.lock_wait,
            &self.state_file(),
        )?;
        self.check_folder()?;
        remove_stale_temps(&self.dir, TMP_PREFIX);
        Ok(lock)
    }

    /// Writes roadmap `id` atomically (replacing an earlier version).
    pub fn save(&self, id: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let _lock = self.lock()?;
        let path = self.path_of(id);
        check_slot(&path)?;
        write_atomic(&path, bytes, TMP_PREFIX)?;
        Ok(path)
    }

    /// Removes roadmap `id`; false when it was not there. When it was the
    /// roadmap in use, the built-in one becomes the default again: first,
    /// so a command starting meanwhile never finds the choice pointing at
    /// a file that is gone.
    pub fn remove(&self, id: &str) -> Result<bool, StoreError> {
        if !self.check_folder()? {
            return Ok(false);
        }
        let _lock = self.lock()?;
        let path = self.path_of(id);
        if !self.contains(id) {
            return Ok(false);
        }
        let wanted = InUse::Library { id: id.to_string() };
        match self.read_state() {
            Ok(mut state) if state.in_use == wanted => {
                state.in_use = InUse::Builtin;
                self.write_state(&state)?;
            }
            // A damaged in-use file names nothing usable; a file in the way
            // is reported.
            Ok(_) | Err(StoreError::LibraryDamaged { .. }) => {}
            Err(e) => return Err(e),
        }
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(StoreError::io("remove", path, e)),
        }
    }

    fn state_file(&self) -> PathBuf {
        self.dir.join(IN_USE_FILE)
    }

    /// What the in-use file says; the default (built-in, no files) when
    /// there is none.
    pub fn state(&self) -> Result<State, StoreError> {
        if !self.check_folder()? {
            return Ok(State::default());
        }
        self.read_state()
    }

    fn read_state(&self) -> Result<State, StoreError> {
        let path = self.state_file();
        let damaged = |detail: String| StoreError::LibraryDamaged {
            path: path.clone(),
            detail,
        };
        let bytes = match safe::read_file_meta(&path, Links::Refuse, MAX_STATE_BYTES) {
            Ok((bytes, meta)) => {
                safe::require_not_planted(&path, &meta)?;
                bytes
            }
            Err(ReadError::Missing) => return Ok(State::default()),
            Err(ReadError::NotAFile(kind)) => {
                return Err(StoreError::NotAFile {
                    path: path.clone(),
                    kind,
                });
            }
            Err(ReadError::TooLarge { .. }) => {
                return Err(damaged("it is far larger than it should be".to_string()));
            }
            Err(ReadError::Io(e)) => return Err(StoreError::io("read", &path, e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| {
            damaged(crate::model::text::clip(
                &format!("not the expected JSON: {e}"),
                200,
            ))
        })
    }

    /// Changes the in-use file under the library's lock: `change` gets what
    /// is on disk now (a damaged file counts as empty, since it names
    /// nothing usable; anything but a regular file is refused) and returns
    /// an error to change nothing. Written atomically, keeping every field
    /// this build does not know.
    pub fn update_state<T, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut State) -> Result<T, E>,
    ) -> Result<T, E> {
        let _lock = self.lock()?;
        let (mut state, damaged) = match self.read_state() {
            Ok(s) => (s, false),
            Err(StoreError::LibraryDamaged { .. }) => (State::default(), true),
            Err(e) => return Err(e.into()),
        };
        let before = state.clone();
        let out = change(&mut state)?;
        if damaged || state != before {
            self.write_state(&state)?;
        }
        Ok(out)
    }

    fn write_state(&self, state: &State) -> Result<(), StoreError> {
        let path = self.state_file();
        let mut bytes =
            serde_json::to_vec_pretty(state).map_err(|e| StoreError::LibraryDamaged {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        bytes.push(b'\n');
        check_slot(&path)?;
        write_atomic(&path, &bytes, TMP_PREFIX)
    }
}

/// Why a roadmap of the library was not read.
#[derive(Debug)]
pub enum RoadmapReadError {
    /// What [`safe::read_file`] says (missing, not a file, too large, …).
    Read(ReadError),
    /// A rule of the store refused it: the folder rule, or a file another
    /// user planted in a shared folder.
    Refused(StoreError),
}

/// Reads a roadmap of the library at `path` (`roadmaps/<id>.json`): it is
/// ours, so a link there is refused, and so is a FIFO, a device, a file
/// another user planted in a shared folder, or a library folder that
/// breaks the folder rule; `max` bounds the read.
pub fn read_roadmap(path: &Path, max: u64) -> Result<Vec<u8>, RoadmapReadError> {
    if let Some(dir) = path.parent() {
        let lib = Library {
            dir: dir.to_path_buf(),
            lock_wait: super::LOCK_WAIT,
        };
        lib.check_folder().map_err(RoadmapReadError::Refused)?;
    }
    let (bytes, meta) =
        safe::read_file_meta(path, Links::Refuse, max).map_err(RoadmapReadError::Read)?;
    safe::require_not_planted(path, &meta).map_err(RoadmapReadError::Refused)?;
    Ok(bytes)
}

/// Only a regular file (or nothing) is ever replaced: a folder, a FIFO, a
/// device or a link at one of the library's names was put there by
/// someone and is left alone, with an error saying what it is.
fn check_slot(path: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) => {
            safe::require_not_planted(path, &meta)?;
            safe::require_file(path, &meta)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io("inspect", path, e)),
    }
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
