//! Profile files: where they live, atomic writes, locking, merging.
//!
//! Every save takes an exclusive lock (on the profile folder itself, on
//! Unix), re-reads the file under it, merges, and replaces the file
//! atomically, keeping the previous good version as `NAME.json.bak`. Two
//! processes on one profile therefore never lose each other's changes.
//! What may sit at the profile's paths (regular files only, no links, a
//! folder only its owner can write to) is checked in `safe.rs`.

pub mod backup;
pub mod cache;
pub mod error;
pub mod file;
pub mod format;
pub mod library;
pub mod lock;
pub mod merge;
pub mod paths;
pub mod profiles;
pub mod safe;
pub mod sync;
pub mod undo;

use std::cell::RefCell;
use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Deserialize;

pub use error::StoreError;
pub use paths::{HOME_ENV, ProfilePaths, check_name, data_dir, list_profiles};

use crate::model::{PROFILE_VERSION, Profile, Roadmap, SetStatus};

/// The profile used when none is named.
pub const DEFAULT_PROFILE: &str = "default";
/// How long a save waits for another process's lock on the profile.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);
/// Profiles larger than this are refused rather than read into memory.
pub const MAX_PROFILE_BYTES: u64 = 512 * 1024 * 1024;

/// One named profile in one folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    name: String,
    paths: ProfilePaths,
    /// The profile as this store last read or wrote it, with the identity of
    /// that file. A save that finds the same file under the lock skips
    /// reading and parsing it: nobody else has replaced it since.
    cache: RefCell<Option<(file::Stamp, Profile)>>,
    lock_wait: std::time::Duration,
    /// Where [`Store::update_now`] takes the time, once it holds the lock.
    clock: fn() -> DateTime<Utc>,
}

impl Store {
    /// The profile `name` in the data folder ([`data_dir`]).
    pub fn open(name: &str) -> Result<Store, StoreError> {
        Store::at(&data_dir()?, name)
    }

    /// The profile `name` in `dir`.
    pub fn at(dir: &Path, name: &str) -> Result<Store, StoreError> {
        check_name(name)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            name: name.to_string(),
            paths: ProfilePaths::new(dir, name),
            cache: RefCell::new(None),
            lock_wait: LOCK_WAIT,
            clock: Utc::now,
        })
    }

    /// Takes the time from `clock` instead of the system clock (tests: a
    /// clock that is behind, ahead, or stepped back).
    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> DateTime<Utc>) -> Store {
        self.clock = clock;
        self
    }

    /// How long a save waits for another process's lock (default [`LOCK_WAIT`]).
    #[must_use]
    pub fn with_lock_wait(mut self, wait: std::time::Duration) -> Store {
        self.lock_wait = wait;
        self
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn paths(&self) -> &ProfilePaths {
        &self.paths
    }

    /// Reads the profile; a missing file is an empty profile. Needs no lock:
    /// files are only ever replaced whole.
    pub fn load(&self) -> Result<Profile, StoreError> {
        self.read()
    }

    fn read(&self) -> Result<Profile, StoreError> {
        let path = &self.paths.file;
        if !safe::check_folder(&self.dir)? {
            return Ok(Profile::default());
        }
        // The one safe way to read a file: no link followed, nothing that
        // waits (a FIFO) or has effects (a device) opened, a size cap.
        let bytes = match safe::read_file_meta(path, safe::Links::Refuse, MAX_PROFILE_BYTES) {
            Ok((bytes, meta)) => {
                safe::require_not_planted(path, &meta)?;
                safe::require_own_links(path, &meta, 1, &self.own_links())?;
                bytes
            }
            Err(safe::ReadError::Missing) => return Ok(Profile::default()),
            Err(safe::ReadError::NotAFile(kind)) => {
                return Err(StoreError::NotAFile {
                    path: path.clone(),
                    kind,
                });
            }
            Err(safe::ReadError::TooLarge { size, .. }) => {
                return Err(StoreError::Corrupt {
                    path: path.clone(),
                    detail: format!("{size} bytes is larger than any real profile"),
                });
            }
            Err(safe::ReadError::Io(e)) => return Err(StoreError::io("read", path, e)),
        };
        parse_profile(&bytes, path)
    }

    /// True when the profile file is the one this store last read or wrote:
    /// nobody else has replaced it since.
    pub fn is_current(&self) -> bool {
        let stamp = file::Stamp::of(&self.paths.file);
        self.cache
            .borrow()
            .as_ref()
            .is_some_and(|(cached, _)| Some(cached) == stamp.as_ref())
    }

    /// The profile on disk, from the cache when the file is the one we
    /// last read or wrote. Call with the lock held.
    fn read_locked(&self) -> Result<Profile, StoreError> {
        let cached = self.cache.borrow_mut().take();
        if let Some((stamp, profile)) = cached
            && file::Stamp::of(&self.paths.file).as_ref() == Some(&stamp)
        {
            return Ok(profile);
        }
        self.read()
    }

    /// Runs `change` on the current profile under the lock and saves the
    /// result. Use this for one-shot commands: the change is applied to what
    /// is on disk now, so nothing another process saved is lost.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut Profile) -> T,
    ) -> Result<(Profile, T), StoreError> {
        self.update_then(change, |_, _| {})
    }

    /// Like [`Store::update`], then runs `then` on the saved profile while
    /// the lock is still held (the undo journal is written there, so it
    /// follows the profile in the same order).
    pub(crate) fn update_then<T>(
        &self,
        change: impl FnOnce(&mut Profile) -> T,
        then: impl FnOnce(&Profile, &mut T),
    ) -> Result<(Profile, T), StoreError> {
        file::ensure_dir(&self.dir)?;
        let _lock = self.lock()?;
        let mut profile = self.read_locked()?;
        let before = profile.clone();
        let mut out = change(&mut profile);
        if profile != before {
            self.write(&profile)?;
        }
        if let Some(stamp) = file::Stamp::of(&self.paths.file) {
            *self.cache.borrow_mut() = Some((stamp, profile.clone()));
        }
        then(&profile, &mut out);
        Ok((profile, out))
    }

    /// Like [`Store::update`], and passes `change` the time read from the
    /// clock once the lock is held and the profile read: the time rule says
    /// a change is stamped when it is applied under the lock, never
    /// earlier (a time taken before waiting for the lock or loading a
    /// roadmap could be older than a change another process saved in the
    /// meantime, and the older stamp would lose every later merge).
    pub fn update_now<T>(
        &self,
        change: impl FnOnce(&mut Profile, DateTime<Utc>) -> T,
    ) -> Result<(Profile, T), StoreError> {
        let clock = self.clock;
        self.update(|profile| change(profile, clock()))
    }

    /// Applies status changes made on `roadmap` (a session's changes not
    /// yet saved) to the profile on disk, each stamped under the lock by
    /// [`Profile::set_status`]'s rule, and returns the saved profile. What
    /// another process saved meanwhile stays unless one of `changes`
    /// changes it again: the change saved last wins.
    pub fn apply(&self, roadmap: &Roadmap, changes: &[SetStatus]) -> Result<Profile, StoreError> {
        let (saved, _) = self.update_now(|disk, now| disk.apply(roadmap, changes, now))?;
        Ok(saved)
    }

    /// Saves `profile` merged with what is on disk (another process may have
    /// saved since we read it) and returns the merged profile.
    pub fn save(&self, profile: &Profile) -> Result<Profile, StoreError> {
        let (merged, ()) = self.update(|disk| merge::merge(disk, profile))?;
        Ok(merged)
    }

    /// The other names the profile file may have: an interrupted save can
    /// leave it linked as the backup, or under the backup's temporary name.
    fn own_links(&self) -> [&Path; 2] {
        [&self.paths.backup_link, &self.paths.backup]
    }

    /// Locks the profile folder itself (on Unix). A lock file could be
    /// deleted while held (a tmp cleaner, `rm *.lock`), and the next writer
    /// would lock a new file of the same name while the first still writes:
    /// both "hold the lock" and changes are lost. The folder cannot be
    /// deleted while it holds the profile. The folder's handle also tells
    /// whether others can write to it.
    fn lock(&self) -> Result<File, StoreError> {
        lock::lock_folder(
            &self.dir,
            &self.paths.lock,
            self.lock_wait,
            &self.paths.file,
        )
    }

    fn write(&self, profile: &Profile) -> Result<(), StoreError> {
        // The last file's size is a good guess for the new one's.
        let capacity = fs::symlink_metadata(&self.paths.file)
            .map_or(4096, |m| usize::try_from(m.len()).unwrap_or(0) + 4096);
        let bytes = format::to_vec(profile, capacity).map_err(|e| StoreError::Corrupt {
            path: self.paths.file.clone(),
            detail: e.to_string(),
        })?;
        // We hold the lock, so no temporary file of this profile is being
        // written: any that exists was left by a process killed mid-save.
        let prefix = &self.paths.tmp_prefix;
        file::remove_stale_temps(&self.dir, prefix);
        // The new version is on disk before anything visible changes; then
        // the file it replaces (a good profile: it parsed, or we wrote it)
        // becomes the backup, and the new version takes its place.
        let prepared = file::prepare(&self.paths.file, &bytes, prefix)?;
        file::keep_backup(&self.paths)?;
        prepared.commit()
    }

    /// Moves an unreadable profile aside as `NAME.corrupt-<timestamp>` so a
    /// fresh one can start; returns the new path. Nothing is deleted or
    /// overwritten: a second move in the same second gets `-2`, `-3`, ….
    pub fn move_aside(&self, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let _lock = self.lock()?;
        self.aside(now)
    }

    /// [`Store::move_aside`] with the lock held.
    fn aside(&self, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let stamp = now.format("%Y%m%dT%H%M%SZ");
        let base = format!("{}.corrupt-{stamp}", self.name);
        // Under the lock no other process moves this profile aside, so a
        // name that is free now is still free when we rename.
        let target = (1..=10_000)
            .map(|n| match n {
                1 => self.dir.join(&base),
                n => self.dir.join(format!("{base}-{n}")),
            })
            .find(|p| fs::symlink_metadata(p).is_err())
            .ok_or_else(|| {
                StoreError::io(
                    "move aside",
                    &self.paths.file,
                    ErrorKind::AlreadyExists.into(),
                )
            })?;
        fs::rename(&self.paths.file, &target)
            .map_err(|e| StoreError::io("move aside", &self.paths.file, e))?;
        Ok(target)
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: serde_json::Value,
}

/// Parses profile bytes, telling a newer format from a damaged file.
pub fn parse_profile(bytes: &[u8], path: &Path) -> Result<Profile, StoreError> {
    match serde_json::from_slice::<Profile>(bytes) {
        Ok(p) if p.version == PROFILE_VERSION => Ok(p),
        Ok(p) if p.version > PROFILE_VERSION => Err(StoreError::FutureVersion {
            path: path.to_path_buf(),
            found: u64::from(p.version),
        }),
        Ok(p) => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("unknown format version {}", p.version),
        }),
        Err(err) => {
            if let Ok(VersionOnly { version }) = serde_json::from_slice(bytes)
                && let Some(found) = version.as_u64().filter(|&v| v > u64::from(PROFILE_VERSION))
            {
                return Err(StoreError::FutureVersion {
                    path: path.to_path_buf(),
                    found,
                });
            }
            Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: crate::model::text::clean(&crate::model::json_words::error(&err))
                    .into_owned(),
            })
        }
    }
}

#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_files;
