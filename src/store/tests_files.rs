//! Tests of what sits at a profile's paths (`safe.rs`): FIFOs, links, a
//! `.bak` in the way, a folder others can write to, a deleted lock file,
//! and how an invalid name is echoed.
#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use super::*;
use crate::model::Status;
use crate::test_support::{now, small};

/// A store on a folder that exists, with one save made.
fn saved_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(&dir.path().join("profiles"), "default").unwrap();
    store
        .update(|p| p.set_status(&small(), 0, Status::Done, now()))
        .unwrap();
    (dir, store)
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().mode() & 0o7777
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

/// Runs `f` on another thread and gives up waiting after 5 s: a call that
/// blocks (opening a FIFO waits for a writer) fails the test instead of
/// hanging it.
fn within_5s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(5))
        .expect("it blocked: still waiting after 5 s")
}

#[test]
fn a_fifo_at_the_profile_path_is_refused_without_waiting() {
    let (_d, s) = saved_store();
    std::fs::remove_file(&s.paths().file).unwrap();
    mkfifo(&s.paths().file);
    let (load, save) = within_5s(move || {
        let load = s.load().map(|_| ()).map_err(|e| e.to_string());
        let save = s
            .update(|p| p.set_status(&small(), 1, Status::Done, now()))
            .map(|_| ())
            .map_err(|e| (e.is_unreadable_profile(), e.to_string()));
        (load, save)
    });
    let load = load.unwrap_err();
    assert!(
        load.contains("is a named pipe (FIFO), not a regular file"),
        "{load}"
    );
    assert!(load.contains("move it away"), "{load}");
    let (unreadable, save) = save.unwrap_err();
    assert!(unreadable && save.contains("named pipe"), "{save}");
}

#[test]
fn a_symlink_at_the_profile_path_is_refused_and_its_target_keeps_its_mode() {
    let (d, s) = saved_store();
    let target = d.path().join("elsewhere.json");
    std::fs::rename(&s.paths().file, &target).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&target, &s.paths().file).unwrap();
    for err in [
        s.load().unwrap_err(),
        s.update(|p| p.set_status(&small(), 1, Status::Done, now()))
            .unwrap_err(),
    ] {
        assert!(
            matches!(
                err,
                StoreError::NotAFile {
                    kind: "a symbolic link",
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.is_unreadable_profile());
    }
    assert_eq!(mode(&target), 0o644);
}

#[test]
fn a_hard_link_at_the_profile_path_is_refused_and_the_other_name_keeps_its_mode() {
    let (d, s) = saved_store();
    let other = d.path().join("other-name.json");
    std::fs::hard_link(&s.paths().file, &other).unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&other).unwrap();
    let err = s
        .update(|p| p.set_status(&small(), 1, Status::Done, now()))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::HardLinked { links: 2, .. }),
        "{err}"
    );
    let text = err.to_string();
    assert!(text.contains("has 2 names (hard links)"), "{text}");
    assert!(text.contains("cp "), "says what to do: {text}");
    assert!(s.load().is_err(), "reading refuses it too");
    assert_eq!(mode(&other), 0o644);
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

/// A save killed between keeping the backup and putting the new file in
/// place leaves the profile linked as its own backup (or under the
/// backup's temporary name): those names are the store's own, not a
/// planted link, and the next save works.
#[test]
fn a_profile_linked_as_its_own_backup_by_an_interrupted_save_is_fine() {
    let (_d, s) = saved_store();
    let paths = s.paths().clone();
    std::fs::remove_file(&paths.backup).ok();
    std::fs::hard_link(&paths.file, &paths.backup).unwrap();
    std::fs::hard_link(&paths.file, &paths.backup_link).unwrap();
    assert_eq!(std::fs::metadata(&paths.file).unwrap().nlink(), 3);
    let r = small();
    assert_eq!(s.load().unwrap().states(&r)[0].status, Status::Done);
    let fresh = Store::at(s.dir(), "default").unwrap();
    fresh
        .update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap();
    assert_eq!(std::fs::metadata(&paths.file).unwrap().nlink(), 1);
    assert_eq!(std::fs::metadata(&paths.backup).unwrap().nlink(), 1);
    assert!(!paths.backup_link.exists());
}

#[test]
fn a_folder_at_the_backup_path_says_what_to_do_and_nothing_changes() {
    let (_d, s) = saved_store();
    let backup = s.paths().backup.clone();
    std::fs::remove_file(&backup).ok();
    std::fs::create_dir(&backup).unwrap();
    let before = std::fs::read(&s.paths().file).unwrap();
    let err = s
        .update(|p| p.set_status(&small(), 1, Status::Done, now()))
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::BackupInTheWay {
                kind: "a folder",
                ..
            }
        ),
        "{err}"
    );
    let text = err.to_string();
    assert!(text.contains("nothing was saved: move it away"), "{text}");
    assert!(!text.contains("try again;"), "{text}");
    assert_eq!(std::fs::read(&s.paths().file).unwrap(), before);
    assert!(backup.is_dir());
    let left: Vec<_> = std::fs::read_dir(s.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_folder_others_can_write_to_is_refused_for_reading_and_writing() {
    let (_d, s) = saved_store();
    for m in [0o777, 0o775, 0o757] {
        std::fs::set_permissions(s.dir(), std::fs::Permissions::from_mode(m)).unwrap();
        let fresh = Store::at(s.dir(), "default").unwrap();
        for err in [
            fresh.load().unwrap_err(),
            fresh
                .update(|p| p.set_status(&small(), 1, Status::Done, now()))
                .unwrap_err(),
        ] {
            assert!(
                matches!(err, StoreError::UnsafeFolder { .. }),
                "{m:o}: {err}"
            );
            assert!(!err.is_unreadable_profile());
            assert!(err.to_string().contains("chmod go-w"), "{err}");
        }
    }
    // The sticky bit (others cannot rename or remove our files) is fine.
    std::fs::set_permissions(s.dir(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    s.update(|p| p.set_status(&small(), 1, Status::Done, now()))
        .unwrap();
}

/// While one save holds the lock, its lock file is deleted (a tmp cleaner,
/// `rm *.lock`); a second save must still wait for the first and see its
/// change. Locking a file that can be deleted let the second in at once: it
/// read the profile without the first's change and one of them was lost.
#[test]
fn deleting_the_lock_file_during_a_save_lets_no_second_writer_in() {
    let (_d, s) = saved_store();
    let dir = s.dir().to_path_buf();
    let r = small();
    let (held, go) = mpsc::channel();
    std::thread::scope(|scope| {
        let first = scope.spawn(|| {
            let mine = Store::at(&dir, "default").unwrap();
            mine.update(|p| {
                for e in std::fs::read_dir(&dir).unwrap() {
                    let path = e.unwrap().path();
                    if path.extension() == Some("lock".as_ref()) {
                        std::fs::remove_file(path).unwrap();
                    }
                }
                held.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(300));
                p.set_status(&r, 1, Status::Done, now())
            })
            .unwrap();
        });
        go.recv().unwrap();
        let second = Store::at(&dir, "default").unwrap();
        let (_, saw_first) = second
            .update(|p| {
                let saw = p.states(&r)[1].status == Status::Done;
                p.set_status(&r, 2, Status::Done, now());
                saw
            })
            .unwrap();
        first.join().unwrap();
        assert!(
            saw_first,
            "the second save ran while the first held the lock"
        );
    });
    let states = s.load().unwrap().states(&r);
    assert_eq!(states[1].status, Status::Done, "the first save's change");
    assert_eq!(states[2].status, Status::Done, "the second save's change");
}

#[test]
fn a_symlink_at_the_lock_path_creates_nothing() {
    let (d, s) = saved_store();
    let target = d.path().join("created-by-roadmap");
    std::fs::remove_file(&s.paths().lock).ok();
    std::os::unix::fs::symlink(&target, &s.paths().lock).unwrap();
    s.update(|p| p.set_status(&small(), 1, Status::Done, now()))
        .unwrap();
    assert!(std::fs::symlink_metadata(&target).is_err());
}

#[test]
fn an_invalid_name_is_echoed_short_and_clean() {
    let long = format!("{}\u{1b}[2J", "x/".repeat(2_500));
    let err = Store::at(Path::new("/tmp"), &long).unwrap_err().to_string();
    assert!(
        err.chars().count() < 200,
        "{} characters",
        err.chars().count()
    );
    assert!(err.contains("x/x/x/"), "{err}");
    assert!(err.contains('…'), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
    let short = Store::at(Path::new("/tmp"), "a\u{1b}b")
        .unwrap_err()
        .to_string();
    assert!(short.contains("'a\u{FFFD}b'"), "{short}");
}
