//! The sync's own folder inside the data folder (`sync/`): the machine id,
//! the lock that lets one sync run at a time on this machine, the
//! bookkeeping of the library's roadmaps (`state.json`), the temporary
//! files written before they are renamed into the sync folder, and the git
//! clone. Nothing of this is ever put in the sync folder.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::SyncError;
use crate::store::file::{ensure_dir, remove_stale_temps, write_atomic};
use crate::store::safe::{self, Links, ReadError};

/// The sync's folder, inside the data folder.
pub const STATE_DIR: &str = "sync";
const STATE_FILE: &str = "state.json";
/// How this folder's temporary files start (`remove_stale_temps`).
pub const TMP_PREFIX: &str = ".roadmap-sync.";
const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// What this machine knows about a roadmap of its library: when it last
/// changed (here, or on the machine it came from) and its fingerprint, to
/// notice a roadmap imported again or removed here since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub removed: bool,
    #[serde(default)]
    pub len: u64,
    #[serde(default)]
    pub hash: String,
}

/// `sync/state.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub roadmaps: BTreeMap<String, Known>,
    /// What this machine's file in the sync folder was last made from
    /// (see [`super::fingerprint`]) and where it went: a save with nothing
    /// new needs no write.
    #[serde(default)]
    pub published: Option<String>,
}

/// The sync folder of one data folder.
#[derive(Debug, Clone)]
pub struct StateDir {
    pub dir: PathBuf,
}

/// Held while syncing; dropping it lets the next sync run.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl StateDir {
    pub fn at(data_dir: &Path) -> StateDir {
        StateDir {
            dir: data_dir.join(STATE_DIR),
        }
    }

    /// Creates the folder (private) if needed and takes its lock, waiting
    /// at most `wait`. Stale temporary files of a killed sync are removed
    /// once the lock is held.
    pub fn lock(&self, wait: Duration) -> Result<Lock, SyncError> {
        ensure_dir(&self.dir)?;
        #[cfg(unix)]
        let file = {
            let dir = safe::open_folder(&self.dir)
                .map_err(|e| crate::store::StoreError::io("open the folder", &self.dir, e))?;
            let meta = dir
                .metadata()
                .map_err(|e| crate::store::StoreError::io("inspect", &self.dir, e))?;
            safe::require_private_folder(&self.dir, &meta)?;
            dir
        };
        #[cfg(not(unix))]
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.dir.join("lock"))
            .map_err(|e| crate::store::StoreError::io("create the lock file", &self.dir, e))?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(SyncError::Busy {
                        seconds: wait.as_secs(),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(crate::store::StoreError::io("lock", &self.dir, e).into());
                }
            }
        }
        remove_stale_temps(&self.dir, TMP_PREFIX);
        Ok(Lock { _file: file })
    }

    /// The state; the default when there is none yet.
    pub fn load(&self) -> Result<State, SyncError> {
        let path = self.dir.join(STATE_FILE);
        match safe::read_file(&path, Links::Refuse, MAX_STATE_BYTES) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| SyncError::Damaged {
                path: path.clone(),
                detail: format!(
                    "the sync's bookkeeping is damaged ({}); delete it and sync again (nothing is lost: \
                     roadmaps of the library are then compared afresh)",
                    crate::model::text::clip(&e.to_string(), 120)
                ),
            }),
            Err(ReadError::Missing) => Ok(State::default()),
            Err(e) => Err(SyncError::Damaged {
                detail: format!("cannot read the sync's bookkeeping: {}", e.describe()),
                path,
            }),
        }
    }

    /// Replaces the state atomically. Call with the lock held.
    pub fn save(&self, state: &State) -> Result<(), SyncError> {
        let mut bytes = serde_json::to_vec_pretty(state).map_err(|e| SyncError::Damaged {
            path: self.dir.join(STATE_FILE),
            detail: e.to_string(),
        })?;
        bytes.push(b'\n');
        write_atomic(&self.dir.join(STATE_FILE), &bytes, TMP_PREFIX)?;
        Ok(())
    }
}
