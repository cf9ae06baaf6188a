//! The backup of a damaged profile: whether `NAME.json.bak` is there and
//! can be read, and putting it back in place of the damaged file (which is
//! moved aside, never deleted).

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::safe::{self, Links, ReadError};
use super::{MAX_PROFILE_BYTES, Store, StoreError, file, parse_profile};
use crate::model::Profile;

/// What the backup of a profile holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Backup {
    /// There is none (a profile saved once has none yet).
    Missing,
    /// It is there but cannot be used: why, in plain words.
    Unusable(String),
    /// It reads as a profile.
    Readable {
        /// When it was written (the file's time), if the system says.
        saved: Option<DateTime<Utc>>,
        /// Skills with a status in it, over every roadmap.
        skills: usize,
    },
}

impl Store {
    /// Looks at the backup without changing anything.
    pub fn backup(&self) -> Backup {
        match self.read_backup() {
            Ok((profile, saved)) => Backup::Readable {
                saved,
                skills: profile.roadmaps.values().map(|r| r.skills.len()).sum(),
            },
            Err(None) => Backup::Missing,
            Err(Some(why)) => Backup::Unusable(why),
        }
    }

    /// The backup, parsed, with the time it was written; `Err(None)` when
    /// there is none, `Err(Some(why))` when it cannot be used.
    fn read_backup(&self) -> Result<(Profile, Option<DateTime<Utc>>), Option<String>> {
        let path = &self.paths().backup;
        let bytes = match safe::read_file(path, Links::Refuse, MAX_PROFILE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::Missing) => return Err(None),
            Err(e) => return Err(Some(e.describe())),
        };
        let profile = parse_profile(&bytes, path).map_err(|e| match e {
            StoreError::Corrupt { detail, .. } => Some(format!("it is damaged too ({detail})")),
            other => Some(other.to_string()),
        })?;
        let saved = std::fs::symlink_metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .map(DateTime::<Utc>::from);
        Ok((profile, saved))
    }

    /// Puts the backup in place of the damaged profile: the damaged file is
    /// moved aside as `NAME.corrupt-<time>` (never deleted), the backup's
    /// bytes become the profile (the backup itself stays). Returns the
    /// restored profile and where the damaged file went. Nothing changes
    /// when the backup cannot be read.
    pub fn restore_backup(&self, now: DateTime<Utc>) -> Result<(Profile, PathBuf), StoreError> {
        let _lock = self.lock()?;
        let path = &self.paths().backup;
        let bytes = safe::read_file(path, Links::Refuse, MAX_PROFILE_BYTES).map_err(|e| {
            StoreError::Corrupt {
                path: path.clone(),
                detail: e.describe(),
            }
        })?;
        let profile = parse_profile(&bytes, path)?;
        let moved = self.aside(now)?;
        file::write_atomic(&self.paths().file, &bytes, &self.paths().tmp_prefix)?;
        if let Some(stamp) = file::Stamp::of(&self.paths().file) {
            *self.cache.borrow_mut() = Some((stamp, profile.clone()));
        }
        Ok((profile, moved))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::Status;
    use crate::test_support::{now, small};

    /// A profile saved twice (so a backup exists), then damaged.
    fn damaged() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path(), "default").unwrap();
        let r = small();
        store
            .update(|p| p.set_status(&r, 0, Status::Done, now()))
            .unwrap();
        store
            .update(|p| p.set_status(&r, 2, Status::Doing, now()))
            .unwrap();
        std::fs::write(&store.paths().file, b"{\"version\": 1, \"roadm").unwrap();
        (dir, store)
    }

    #[test]
    fn a_readable_backup_is_put_back_and_the_damaged_file_kept() {
        let (dir, store) = damaged();
        assert!(store.load().unwrap_err().is_unreadable_profile());
        let Backup::Readable { skills, saved } = store.backup() else {
            panic!("{:?}", store.backup())
        };
        assert_eq!(skills, 1, "the backup is the version before the last save");
        assert!(saved.is_some());
        let (profile, moved) = store.restore_backup(now()).unwrap();
        assert_eq!(std::fs::read(&moved).unwrap(), b"{\"version\": 1, \"roadm");
        assert!(moved.starts_with(dir.path()));
        assert_eq!(store.load().unwrap(), profile);
        assert_eq!(
            std::fs::read(&store.paths().file).unwrap(),
            std::fs::read(&store.paths().backup).unwrap(),
            "the backup stays"
        );
    }

    #[test]
    fn a_missing_or_damaged_backup_is_said_and_nothing_moves() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path(), "default").unwrap();
        std::fs::write(&store.paths().file, b"not json").unwrap();
        assert_eq!(store.backup(), Backup::Missing);
        assert!(store.restore_backup(now()).is_err());
        std::fs::write(&store.paths().backup, b"[1, 2").unwrap();
        let Backup::Unusable(why) = store.backup() else {
            panic!("{:?}", store.backup())
        };
        assert!(why.starts_with("it is damaged too"), "{why}");
        assert!(store.restore_backup(now()).is_err());
        assert_eq!(std::fs::read(&store.paths().file).unwrap(), b"not json");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_backup_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path(), "default").unwrap();
        std::fs::write(&store.paths().file, b"not json").unwrap();
        let elsewhere = dir.path().join("elsewhere.json");
        std::fs::write(&elsewhere, b"{\"version\": 1}").unwrap();
        std::os::unix::fs::symlink(&elsewhere, &store.paths().backup).unwrap();
        assert!(matches!(store.backup(), Backup::Unusable(_)));
        assert!(store.restore_backup(now()).is_err());
    }
}
