//! The lock every writer of a folder takes: the folder itself, locked
//! exclusively (`flock` through `File::lock` on an `O_DIRECTORY` handle),
//! held while the writer re-reads what it changes and replaces it. Used by
//! profiles (`Store::lock`) and the roadmap library
//! (`library::Library`). A lock file could be deleted while held (a tmp
//! cleaner, `rm *.lock`) and let a second writer in; a folder cannot be
//! deleted while it holds our files. The handle also tells whether others
//! can write to the folder (the folder rule, `safe::require_private_folder`).

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::StoreError;

/// Locks `dir` for writing, waiting at most `wait` for another process's
/// lock. `busy` names what is in use in the error when the wait runs out
/// (the profile, the library's file). `lock_file` is used where a folder
/// cannot be locked (not Unix). Refuses a folder others can write to.
pub fn lock_folder(
    dir: &Path,
    lock_file: &Path,
    wait: Duration,
    busy: &Path,
) -> Result<File, StoreError> {
    #[cfg(unix)]
    let lock = {
        let _ = lock_file;
        let handle =
            super::safe::open_folder(dir).map_err(|e| StoreError::io("open the folder", dir, e))?;
        let meta = handle
            .metadata()
            .map_err(|e| StoreError::io("inspect", dir, e))?;
        super::safe::require_private_folder(dir, &meta)?;
        handle
    };
    #[cfg(not(unix))]
    let lock = super::file::open_private(lock_file)
        .map_err(|e| StoreError::io("create the lock file", lock_file, e))?;
    // Writers hold the lock for milliseconds; a holder that keeps it for
    // seconds is stopped or hung, and waiting forever would freeze this
    // process too. (A crashed holder never blocks: the system releases
    // its lock.)
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(lock),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    path: busy.to_path_buf(),
                    seconds: wait.as_secs(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(StoreError::io("lock", dir, e));
            }
        }
    }
}
