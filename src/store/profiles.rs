//! Renaming and deleting a profile (`roadmap profiles rename|delete`),
//! under the profile folder's lock, so no save of any profile runs
//! meanwhile. A profile's files go together: `NAME.json`, its backup
//! `NAME.json.bak` and its undo journal `NAME.undo.json`. Nothing is ever
//! replaced: a rename onto an existing profile is refused, and a delete
//! keeps the profile as `NAME.deleted-<time>.json`, which it names.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{Store, StoreError, file, safe};

impl Store {
    /// This profile's files that exist: the profile, its backup, its undo
    /// journal (in that order).
    fn own_files(&self) -> Vec<PathBuf> {
        [
            self.paths().file.clone(),
            self.paths().backup.clone(),
            self.journal_path(),
        ]
        .into_iter()
        .filter(|p| fs::symlink_metadata(p).is_ok())
        .collect()
    }

    /// The profile file must be there, and be a regular file of ours.
    fn require_profile(&self) -> Result<(), StoreError> {
        let path = &self.paths().file;
        match fs::symlink_metadata(path) {
            Ok(meta) => safe::require_file(path, &meta),
            Err(e) if e.kind() == ErrorKind::NotFound => Err(StoreError::NoProfile {
                name: self.name().to_string(),
                dir: self.dir().to_path_buf(),
            }),
            Err(e) => Err(StoreError::io("inspect", path, e)),
        }
    }

    /// Renames this profile to `new` (a valid profile name): its file, its
    /// backup and its undo journal. Refused when any file of `new` exists.
    /// Returns the new profile file.
    pub fn rename_to(&self, new: &str) -> Result<PathBuf, StoreError> {
        let target = Store::at(self.dir(), new)?;
        file::ensure_dir(self.dir())?;
        let _lock = self.lock()?;
        self.require_profile()?;
        if let Some(taken) = target.own_files().into_iter().next() {
            return Err(StoreError::ProfileExists {
                name: new.to_string(),
                path: taken,
            });
        }
        // The journal and the backup first, the profile last: until the
        // profile moves, OLD is whole.
        let moves = [
            (self.journal_path(), target.journal_path()),
            (self.paths().backup.clone(), target.paths().backup.clone()),
            (self.paths().file.clone(), target.paths().file.clone()),
        ];
        for (from, to) in &moves {
            if fs::symlink_metadata(from).is_ok() {
                fs::rename(from, to).map_err(|e| StoreError::io("rename", from, e))?;
            }
        }
        Ok(target.paths().file.clone())
    }

    /// Deletes this profile, keeping it as `NAME.deleted-<time>.json` in
    /// the same folder (its backup and undo journal go). Returns where it
    /// is kept.
    pub fn delete_keeping_copy(&self, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let _lock = self.lock()?;
        self.require_profile()?;
        let stamp = now.format("%Y%m%dT%H%M%SZ");
        let kept = (1..=10_000)
            .map(|n| match n {
                1 => self
                    .dir()
                    .join(format!("{}.deleted-{stamp}.json", self.name())),
                n => self
                    .dir()
                    .join(format!("{}.deleted-{stamp}-{n}.json", self.name())),
            })
            .find(|p| fs::symlink_metadata(p).is_err())
            .ok_or_else(|| {
                StoreError::io(
                    "keep a copy of",
                    &self.paths().file,
                    ErrorKind::AlreadyExists.into(),
                )
            })?;
        let file = &self.paths().file;
        fs::rename(file, &kept).map_err(|e| StoreError::io("keep a copy of", file, e))?;
        for extra in [self.paths().backup.clone(), self.journal_path()] {
            remove_if_there(&extra)?;
        }
        Ok(kept)
    }
}

fn remove_if_there(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io("remove", path, e)),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::Profile;

    /// A profile with a goal, saved twice (so it has a backup).
    fn with_profile(dir: &Path, name: &str) -> Store {
        let store = Store::at(dir, name).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 1);
        store
            .update(|p: &mut Profile| p.set_goal("r", day, Utc::now()))
            .unwrap();
        store
            .update(|p: &mut Profile| p.set_goal("r", None, Utc::now()))
            .unwrap();
        assert!(store.paths().backup.exists());
        store
    }

    #[test]
    fn a_rename_moves_every_file_and_never_replaces_a_profile() {
        let dir = tempfile::tempdir().unwrap();
        let old = with_profile(dir.path(), "old");
        std::fs::write(old.journal_path(), "{}").unwrap();
        let other = with_profile(dir.path(), "other");
        let before = std::fs::read(&other.paths().file).unwrap();
        let err = old.rename_to("other").unwrap_err().to_string();
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&other.paths().file).unwrap(), before);
        let new = old.rename_to("new").unwrap();
        assert!(new.ends_with("new.json"));
        assert!(!old.paths().file.exists());
        assert!(dir.path().join("new.undo.json").exists());
        assert!(!old.journal_path().exists());
        let err = old.rename_to("again").unwrap_err().to_string();
        assert!(err.contains("there is no profile 'old'"), "{err}");
    }

    #[test]
    fn a_delete_keeps_a_copy_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let store = with_profile(dir.path(), "work");
        let content = std::fs::read(&store.paths().file).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 8, 1, 2, 3).unwrap();
        let kept = store.delete_keeping_copy(now).unwrap();
        assert_eq!(kept, dir.path().join("work.deleted-20261208T010203Z.json"));
        assert_eq!(std::fs::read(&kept).unwrap(), content);
        assert!(!store.paths().file.exists());
        assert!(!store.paths().backup.exists());
        // Not listed as a profile.
        assert!(crate::store::list_profiles(dir.path()).unwrap().is_empty());
    }
}
