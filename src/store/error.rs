//! Errors from reading and writing profile files. Each names the file and
//! says what the user can do.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "cannot find a folder for profiles (no home directory); set ROADMAP_HOME to a writable folder"
    )]
    NoHome,
    #[error("invalid profile name '{0}': use letters, digits, '-' and '_' (at most 64)")]
    BadName(String),
    #[error("cannot {action} {}: {source}; {hint}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
        hint: &'static str,
    },
    #[error("{} is in use: another roadmap process has held its lock for over {seconds} s; finish or close that one (a stopped `roadmap` in another terminal?), then try again", path.display())]
    Locked { path: PathBuf, seconds: u64 },
    #[error("profile {} is damaged ({detail}); it was left untouched: move it aside (running `roadmap` offers to) or restore {}.bak if there is one, then try again", path.display(), path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("profile {} has format version {found}, newer than this build of roadmap understands (version {}); it was left untouched: update roadmap", path.display(), crate::model::PROFILE_VERSION)]
    FutureVersion { path: PathBuf, found: u64 },
    #[error("{} is {kind}, not a regular file; roadmap only reads and writes regular files in its folder and never follows links: move it away (or put the file itself there), then try again", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("profile {} has {links} names (hard links): the same file is also reachable from elsewhere, and saving could change that other file too, so it was left untouched; give the profile a file of its own (cp {} {}.copy && mv {}.copy {}), then try again", path.display(), path.display(), path.display(), path.display(), path.display())]
    HardLinked { path: PathBuf, links: u64 },
    #[error("cannot keep the previous version of the profile as {}: it is {kind}, not a regular file; nothing was saved: move it away (roadmap keeps its backup there), then try again", path.display())]
    BackupInTheWay { path: PathBuf, kind: &'static str },
    #[error("the folder {} {why}, so others could plant files or links in it; roadmap refuses to use it (as ssh does with ~/.ssh) and changed nothing: {fix}", path.display())]
    UnsafeFolder {
        path: PathBuf,
        why: String,
        fix: String,
    },
    /// A profile named for a rename or a delete is not there.
    #[error("there is no profile '{name}' in {}; `roadmap profiles` lists them", dir.display())]
    NoProfile { name: String, dir: PathBuf },
    /// A rename would replace another profile.
    #[error("a profile '{name}' already exists ({}); nothing was changed: choose another name, or delete it first (`roadmap profiles delete {name}`)", path.display())]
    ProfileExists { name: String, path: PathBuf },
    /// The command line's undo journal cannot be read or written.
    #[error("the undo journal {} cannot be used ({detail}); nothing was changed: delete it to start a new one (only `roadmap undo` needs it)", path.display())]
    UndoJournal { path: PathBuf, detail: String },
    /// In a folder others can write to (sticky, like /tmp), an entry at
    /// one of roadmap's names that another user made: planted.
    #[error("{} is {kind} that belongs to another user (user id {uid}), who can write to this shared folder; roadmap never reads, follows or replaces what others put among its files, and changed nothing: set ROADMAP_HOME to a folder of your own (or ask them to remove it)", path.display())]
    Planted {
        path: PathBuf,
        kind: &'static str,
        uid: u32,
    },
    /// A file of the roadmap library (not a profile) is damaged.
    #[error("{} is damaged ({detail}); delete it, then choose a roadmap again with `roadmap use`", path.display())]
    LibraryDamaged { path: PathBuf, detail: String },
}

impl StoreError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        let hint = match source.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "check the folder's permissions, or set ROADMAP_HOME to a writable folder"
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "nothing was changed; free some disk space and try again"
            }
            io::ErrorKind::FileTooLarge => {
                "nothing was changed; the disk or a limit on file sizes refuses the file: free some space or raise the limit"
            }
            io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists => {
                "a part of this path is a file, not a folder; move it away or set ROADMAP_HOME to a folder"
            }
            io::ErrorKind::NotFound => "check that the folder exists, or set ROADMAP_HOME",
            _ => "nothing was changed; try again",
        };
        StoreError::Io {
            action,
            path: path.into(),
            source,
            hint,
        }
    }

    /// True when the profile file itself is unusable (damaged, foreign or
    /// from a newer version), as opposed to a passing I/O problem.
    pub fn is_unreadable_profile(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. }
                | StoreError::FutureVersion { .. }
                | StoreError::NotAFile { .. }
                | StoreError::HardLinked { .. }
        )
    }
}
