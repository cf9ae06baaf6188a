//! Running syncs off the thread that handles keys and signals: each in a
//! thread of its own, whose outcome the run loop hears as an input. On the
//! way out, a sync still running is stopped (its git killed): what it had
//! not sent is safe here and goes out with the next sync.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::store::sync::{self, Context, Report, SyncError, Target};

static WORKERS: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

/// Syncs through `target` in a thread, then calls `done` there.
pub fn spawn_sync(
    target: Target,
    data_dir: PathBuf,
    done: impl FnOnce(Result<Report, SyncError>) + Send + 'static,
) {
    spawn(move || done(sync::sync(&Context::new(&data_dir), &target)));
}

/// Writes this machine's file to the sync folder in a thread (after a
/// save, with `[sync] folder`), then calls `done` there.
pub fn spawn_publish(
    folder: PathBuf,
    data_dir: PathBuf,
    done: impl FnOnce(Result<bool, SyncError>) + Send + 'static,
) {
    spawn(move || done(sync::publish(&Context::new(&data_dir), &folder)));
}

fn spawn(job: impl FnOnce() + Send + 'static) {
    let handle = std::thread::spawn(job);
    if let Ok(mut workers) = WORKERS.lock() {
        workers.retain(|w| !w.is_finished());
        workers.push(handle);
    }
}

/// Stops what still runs (git is killed) and waits for it at most `max`.
pub fn stop(max: Duration) {
    sync::git::CANCEL.store(true, Ordering::SeqCst);
    let start = Instant::now();
    let Ok(mut workers) = WORKERS.lock() else {
        return;
    };
    while workers.iter().any(|w| !w.is_finished()) && start.elapsed() < max {
        std::thread::sleep(Duration::from_millis(5));
    }
    workers.clear();
}

/// What a sync did, in one line for the view.
pub fn line(report: &Report) -> String {
    let line = report.summary();
    let refused = report.refused.len() + report.problems.len();
    match refused {
        0 => line,
        n => format!(
            "{line} · {n} problem{} (`roadmap sync` says which)",
            if n == 1 { "" } else { "s" }
        ),
    }
}
