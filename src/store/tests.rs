//! Tests of profile files: round trips, atomic saves, merges, bad files.

use chrono::{DateTime, Duration, Utc};

use super::merge::{merge, merge_entry};
use super::*;
use crate::model::{Change, Entry, Status};
use crate::test_support::{now, small};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(&dir.path().join("profiles"), "default").unwrap();
    (dir, store)
}

fn entry(status: Status, at: DateTime<Utc>, history: &[(i64, Status)]) -> Entry {
    Entry {
        status,
        changed: at,
        done_at: None,
        history: history
            .iter()
            .map(|&(m, s)| Change::new(now() + Duration::minutes(m), s))
            .collect(),
        unknown: crate::model::unknown::Unknown::default(),
    }
}

#[test]
fn a_missing_profile_is_empty() {
    let (_d, s) = store();
    assert_eq!(s.load().unwrap(), Profile::default());
}

#[test]
fn a_profile_round_trips_through_its_file() {
    let (_d, s) = store();
    let r = small();
    let (saved, changed) = s
        .update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap();
    assert!(changed);
    assert_eq!(s.load().unwrap(), saved);
    assert_eq!(s.load().unwrap().states(&r)[1].status, Status::Done);
    let text = std::fs::read_to_string(&s.paths().file).unwrap();
    assert!(text.contains("\"version\": 1"), "{text}");
    assert!(
        text.contains("2026-11-24T12:00:00Z"),
        "RFC 3339 UTC: {text}"
    );
}

#[test]
fn saving_leaves_no_temporary_files_and_keeps_a_backup() {
    let (_d, s) = store();
    let r = small();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    assert!(
        !s.paths().backup.exists(),
        "nothing to back up on the first save"
    );
    let first = std::fs::read(&s.paths().file).unwrap();
    s.update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap();
    assert_eq!(
        std::fs::read(&s.paths().backup).unwrap(),
        first,
        "the previous good version is kept"
    );
    let names: Vec<String> = std::fs::read_dir(s.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp")), "{names:?}");
}

#[test]
fn an_unchanged_profile_is_not_rewritten() {
    let (_d, s) = store();
    let r = small();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    let before = std::fs::metadata(&s.paths().file)
        .unwrap()
        .modified()
        .unwrap();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    assert!(!s.paths().backup.exists());
    assert_eq!(
        std::fs::metadata(&s.paths().file)
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
}

#[cfg(unix)]
#[test]
fn profiles_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, s) = store();
    let r = small();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&s.paths().file), 0o600);
    assert_eq!(mode(s.dir()), 0o700);
}

#[test]
fn save_merges_with_what_another_process_wrote() {
    let (_d, s) = store();
    let r = small();
    // We load, then "another process" saves a change, then we save ours.
    let mut mine = s.load().unwrap();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    mine.set_status(&r, 2, Status::Doing, now() + Duration::seconds(1));
    let merged = s.save(&mine).unwrap();
    let st = merged.states(&r);
    assert_eq!(st[0].status, Status::Done, "their change survives");
    assert_eq!(st[2].status, Status::Doing, "ours too");
    assert_eq!(s.load().unwrap(), merged);
}

#[test]
fn the_newer_change_wins_and_histories_are_unioned() {
    let a = entry(
        Status::Done,
        now() + Duration::minutes(2),
        &[(1, Status::Doing), (2, Status::Done)],
    );
    let b = entry(
        Status::Skipped,
        now() + Duration::minutes(3),
        &[(1, Status::Doing), (3, Status::Skipped)],
    );
    let m = merge_entry(&a, &b);
    assert_eq!(m.status, Status::Skipped);
    assert_eq!(m.history.len(), 3);
    assert!(m.history.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(merge_entry(&b, &a), m, "symmetric");
}

#[test]
fn ties_are_broken_deterministically() {
    let a = entry(Status::Done, now(), &[(0, Status::Done)]);
    let b = entry(Status::Doing, now(), &[(0, Status::Doing)]);
    assert_eq!(merge_entry(&a, &b), merge_entry(&b, &a));
}

#[test]
fn merge_keeps_every_skill_and_roadmap_of_both_sides() {
    let r = small();
    let mut a = Profile::default();
    a.set_status(&r, 0, Status::Done, now());
    let mut b = Profile::default();
    b.set_status(&r, 1, Status::Done, now());
    b.roadmaps
        .entry("other".into())
        .or_default()
        .skills
        .insert("x".into(), entry(Status::Done, now(), &[]));
    merge(&mut a, &b);
    assert_eq!(a.roadmaps.len(), 2);
    assert_eq!(a.roadmaps["small"].skills.len(), 2);
}

#[test]
fn a_damaged_profile_is_reported_and_never_overwritten() {
    let (_d, s) = store();
    let r = small();
    file::ensure_dir(s.dir()).unwrap();
    for garbage in [
        &b"{\"version\": 1, \"roadm"[..],
        b"\xff\xfe\x00garbage",
        b"",
    ] {
        std::fs::write(&s.paths().file, garbage).unwrap();
        let err = s
            .update(|p| p.set_status(&r, 0, Status::Done, now()))
            .unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
        assert!(
            err.to_string().contains("default.json"),
            "names the file: {err}"
        );
        assert_eq!(
            std::fs::read(&s.paths().file).unwrap(),
            garbage,
            "untouched"
        );
    }
}

#[test]
fn a_newer_profile_version_is_refused_untouched() {
    let (_d, s) = store();
    file::ensure_dir(s.dir()).unwrap();
    let newer = br#"{"version": 7, "roadmaps": {}, "shiny": [1]}"#;
    std::fs::write(&s.paths().file, newer).unwrap();
    let err = s.save(&Profile::default()).unwrap_err();
    assert!(
        matches!(err, StoreError::FutureVersion { found: 7, .. }),
        "{err}"
    );
    assert_eq!(std::fs::read(&s.paths().file).unwrap(), newer);
}

#[test]
fn a_directory_in_place_of_the_profile_is_refused() {
    let (_d, s) = store();
    std::fs::create_dir_all(&s.paths().file).unwrap();
    let err = s.load().unwrap_err();
    assert!(err.is_unreadable_profile(), "{err}");
}

#[test]
fn moving_aside_keeps_the_bad_file() {
    let (_d, s) = store();
    file::ensure_dir(s.dir()).unwrap();
    std::fs::write(&s.paths().file, b"junk").unwrap();
    let moved = s.move_aside(now()).unwrap();
    assert_eq!(std::fs::read(&moved).unwrap(), b"junk");
    assert!(
        moved
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("default.corrupt-20261124T120000Z")
    );
    assert_eq!(s.load().unwrap(), Profile::default());
}

#[test]
fn moving_aside_twice_in_one_second_keeps_both_files() {
    let (_d, s) = store();
    file::ensure_dir(s.dir()).unwrap();
    std::fs::write(&s.paths().file, b"first").unwrap();
    let one = s.move_aside(now()).unwrap();
    std::fs::write(&s.paths().file, b"second").unwrap();
    let two = s.move_aside(now()).unwrap();
    std::fs::create_dir(&s.paths().file).unwrap();
    let three = s.move_aside(now()).unwrap();
    assert_eq!(std::fs::read(&one).unwrap(), b"first");
    assert_eq!(std::fs::read(&two).unwrap(), b"second");
    assert!(
        three.is_dir(),
        "a folder in the profile's place moves aside too"
    );
    assert!(
        two.to_string_lossy()
            .ends_with("default.corrupt-20261124T120000Z-2")
    );
    assert!(three.to_string_lossy().ends_with("-3"));
}

#[test]
fn profile_names_cannot_escape_the_folder() {
    for bad in ["../x", "a/b", "", ".hidden", "a b"] {
        assert!(
            matches!(
                Store::at(std::path::Path::new("/tmp"), bad),
                Err(StoreError::BadName(_))
            ),
            "{bad}"
        );
    }
    assert!(Store::at(std::path::Path::new("/tmp"), "work-2_b").is_ok());
}

#[test]
fn profiles_are_listed_by_name() {
    let (_d, s) = store();
    let r = small();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    Store::at(s.dir(), "alt")
        .unwrap()
        .update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    assert_eq!(list_profiles(s.dir()).unwrap(), vec!["alt", "default"]);
}

/// Names of the temporary files in the profile folder.
fn temps(s: &Store) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(s.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| std::path::Path::new(n).extension() == Some("tmp".as_ref()))
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_removes_temporary_files_left_by_a_killed_save_of_the_same_profile() {
    let (_d, s) = store();
    let r = small();
    file::ensure_dir(s.dir()).unwrap();
    // What a process killed mid-save leaves: its temporary file, for this
    // profile and for another one whose own lock we do not hold.
    let ours = s.dir().join(".roadmap-default.a1B2c3.tmp");
    let theirs = s.dir().join(".roadmap-default-2.x9Y8z7.tmp");
    std::fs::write(&ours, b"{\"version\": 1, \"roa").unwrap();
    std::fs::write(&theirs, b"half").unwrap();
    assert_eq!(
        s.load().unwrap(),
        Profile::default(),
        "leftovers never break loading"
    );
    assert_eq!(list_profiles(s.dir()).unwrap(), Vec::<String>::new());
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    assert!(!ours.exists(), "our stale temporary file is cleared");
    assert_eq!(
        temps(&s),
        vec![".roadmap-default-2.x9Y8z7.tmp"],
        "another profile's file is left to its own saves"
    );
    assert_eq!(s.load().unwrap().states(&r)[0].status, Status::Done);
}

#[test]
fn a_failed_replace_leaves_the_profile_and_no_temporary_file() {
    let (_d, s) = store();
    file::ensure_dir(s.dir()).unwrap();
    // A folder where the backup goes: the save fails after the temporary
    // file was written.
    let r = small();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    let good = std::fs::read(&s.paths().file).unwrap();
    std::fs::create_dir(&s.paths().backup).unwrap();
    std::fs::write(s.paths().backup.join("keep"), b"x").unwrap();
    let err = s
        .update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap_err();
    assert!(
        err.to_string().contains("default.json.bak: it is a folder"),
        "{err}"
    );
    assert_eq!(std::fs::read(&s.paths().file).unwrap(), good, "untouched");
    assert_eq!(
        temps(&s),
        Vec::<String>::new(),
        "no partial file left behind"
    );
}

#[test]
fn io_errors_say_what_to_do() {
    use std::io::{Error, ErrorKind};
    let hint =
        |kind: ErrorKind| StoreError::io("write", "/x/default.json", Error::from(kind)).to_string();
    assert!(
        hint(ErrorKind::StorageFull).contains("free some disk space"),
        "{}",
        hint(ErrorKind::StorageFull)
    );
    assert!(hint(ErrorKind::QuotaExceeded).contains("free some disk space"));
    assert!(hint(ErrorKind::FileTooLarge).contains("raise the limit"));
    assert!(hint(ErrorKind::PermissionDenied).contains("set ROADMAP_HOME to a writable folder"));
    assert!(hint(ErrorKind::ReadOnlyFilesystem).contains("set ROADMAP_HOME to a writable folder"));
    assert!(hint(ErrorKind::NotADirectory).contains("is a file, not a folder"));
    for kind in [
        ErrorKind::StorageFull,
        ErrorKind::PermissionDenied,
        ErrorKind::Other,
    ] {
        assert!(
            hint(kind).starts_with("cannot write /x/default.json: "),
            "{}",
            hint(kind)
        );
    }
}

#[test]
fn a_data_folder_that_is_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("profiles");
    std::fs::write(&not_a_folder, b"i am a file").unwrap();
    let r = small();
    for at in [not_a_folder.clone(), not_a_folder.join("below")] {
        let s = Store::at(&at, "default").unwrap();
        let err = s
            .update(|p| p.set_status(&r, 0, Status::Done, now()))
            .unwrap_err();
        assert!(err.to_string().contains("is a file, not a folder"), "{err}");
    }
    assert_eq!(std::fs::read(&not_a_folder).unwrap(), b"i am a file");
}

#[test]
fn a_save_rereads_a_file_another_store_replaced_since() {
    let (_d, ours) = store();
    let theirs = Store::at(ours.dir(), "default").unwrap();
    let r = small();
    ours.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    theirs
        .update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap();
    // `ours` remembers the file it wrote; it must notice it was replaced.
    let (merged, ()) = ours
        .update(|p| {
            p.set_status(&r, 2, Status::Doing, now());
        })
        .unwrap();
    let st = merged.states(&r);
    assert_eq!(
        (st[0].status, st[1].status, st[2].status),
        (Status::Done, Status::Done, Status::Doing)
    );
}

#[test]
fn a_lock_held_too_long_is_a_clear_error_not_a_freeze() {
    let (_d, s) = store();
    let s = s.with_lock_wait(std::time::Duration::from_millis(200));
    let r = small();
    s.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    // Another process holding the lock (a second open file description
    // conflicts like another process would).
    let holder = std::fs::File::open(s.dir()).unwrap();
    holder.lock().unwrap();
    let err = s
        .update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("default.json is in use"), "{err}");
    holder.unlock().unwrap();
    s.update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap();
    assert_eq!(s.load().unwrap().states(&r)[1].status, Status::Done);
}

#[test]
fn a_store_knows_whether_the_file_is_still_its_own() {
    let (_d, ours) = store();
    let theirs = Store::at(ours.dir(), "default").unwrap();
    let r = small();
    assert!(!ours.is_current(), "nothing read or written yet");
    ours.update(|p| p.set_status(&r, 0, Status::Done, now()))
        .unwrap();
    assert!(ours.is_current());
    theirs
        .update(|p| p.set_status(&r, 1, Status::Done, now()))
        .unwrap();
    assert!(!ours.is_current(), "another store replaced it");
    assert!(theirs.is_current());
}
