//! Why a sync did not happen, in words a user can act on.

use std::path::PathBuf;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Reading or writing a local file failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// A file of the sync's own bookkeeping (in the data folder) is damaged.
    #[error("{}: {detail}", path.display())]
    Damaged { path: PathBuf, detail: String },
    /// The sync folder cannot be used.
    #[error("the sync folder {} {why}; nothing was synced: {fix}", path.display())]
    Folder {
        path: PathBuf,
        why: String,
        fix: String,
    },
    /// The remote could not be reached: nothing is lost, it goes out later.
    #[error("not synced: your changes are safe here and go out on the next sync ({detail})")]
    Offline { detail: String },
    /// The remote's history no longer holds what this machine synced last.
    #[error(
        "not synced: the history of {url} was rewritten (the commit {commit} this machine synced last is no longer in it); roadmap never force-pushes and changed nothing here. If that was meant, start this machine over on it: delete {} and sync again (your progress is kept in your profiles and goes out again)",
        clone.display()
    )]
    Rewritten {
        url: String,
        commit: String,
        clone: PathBuf,
    },
    /// `git` failed in a way that retrying will not fix.
    #[error("git {action} failed: {detail}")]
    Git { action: String, detail: String },
    /// Another roadmap on this machine is syncing.
    #[error(
        "another roadmap on this machine has been syncing for over {seconds} s; nothing was synced: wait for it to finish (a `roadmap` stopped in another terminal?), then try again"
    )]
    Busy { seconds: u64 },
}

impl SyncError {
    /// True when nothing is wrong but the network: try again later.
    pub fn is_offline(&self) -> bool {
        matches!(self, SyncError::Offline { .. })
    }
}
