#![allow(clippy::unwrap_used)]
use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
}

fn choose(lib: &Library, in_use: InUse) {
    lib.update_state(|s| {
        s.in_use = in_use;
        Ok::<(), StoreError>(())
    })
    .unwrap();
}

#[test]
fn saved_roadmaps_are_listed_and_removed_and_the_default_falls_back() {
    let home = tempfile::tempdir().unwrap();
    let lib = Library::at(home.path());
    assert!(lib.ids().unwrap().is_empty());
    assert_eq!(lib.state().unwrap(), State::default());
    lib.save("go", b"{}").unwrap();
    lib.save("rust", b"{}").unwrap();
    assert_eq!(lib.ids().unwrap(), ["go", "rust"]);
    choose(&lib, InUse::Library { id: "go".into() });
    assert!(lib.remove("go").unwrap());
    assert!(!lib.remove("go").unwrap());
    assert_eq!(lib.ids().unwrap(), ["rust"]);
    assert_eq!(lib.state().unwrap().in_use, InUse::Builtin);
    // No temporary files are left behind, and the in-use file is not
    // taken for a roadmap.
    let names = names(lib.dir());
    assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");
}

#[test]
fn a_damaged_in_use_file_is_reported_with_its_path() {
    let home = tempfile::tempdir().unwrap();
    let lib = Library::at(home.path());
    fs::create_dir_all(lib.dir()).unwrap();
    fs::write(lib.dir().join(IN_USE_FILE), "{nope").unwrap();
    let err = lib.state().unwrap_err().to_string();
    assert!(err.contains("in-use"), "{err}");
    // Choosing a roadmap replaces what names nothing usable.
    choose(&lib, InUse::Builtin);
    assert_eq!(lib.state().unwrap().in_use, InUse::Builtin);
}

#[test]
fn remembered_files_are_most_recent_first_without_repeats() {
    let mut s = State::default();
    s.remember(Path::new("/a.json"));
    s.remember(Path::new("/b.json"));
    s.remember(Path::new("/a.json"));
    assert_eq!(
        s.files,
        [PathBuf::from("/a.json"), PathBuf::from("/b.json")]
    );
}

/// Issue 17, item 9: a writer killed mid-write leaves its temporary file;
/// the next library write (holding the lock, so no live writer exists)
/// removes it, and leaves other files alone.
#[test]
fn a_library_write_removes_temporary_files_left_by_a_killed_write() {
    let home = tempfile::tempdir().unwrap();
    let lib = Library::at(home.path());
    lib.save("go", b"{}").unwrap();
    let stale = lib.dir().join(".roadmaps.Xy12ab.tmp");
    fs::write(&stale, vec![b'x'; 10_000]).unwrap();
    let other = lib.dir().join("notes.tmp");
    fs::write(&other, b"mine").unwrap();
    choose(&lib, InUse::Library { id: "go".into() });
    assert!(!stale.exists(), "{:?}", names(lib.dir()));
    assert!(other.exists());
    fs::write(&stale, b"x").unwrap();
    lib.save("rust", b"{}").unwrap();
    assert!(!stale.exists());
    fs::write(&stale, b"x").unwrap();
    assert!(lib.remove("rust").unwrap());
    assert!(!stale.exists());
}

/// Issue 17, item 10: what a newer build wrote into `in-use` survives
/// this build's rewrites.
#[test]
fn unknown_fields_of_the_in_use_file_survive_a_new_choice() {
    let home = tempfile::tempdir().unwrap();
    let lib = Library::at(home.path());
    lib.save("go", b"{}").unwrap();
    fs::write(
        lib.dir().join(IN_USE_FILE),
        r#"{"in_use": {"kind": "builtin"}, "files": [], "sync": {"peer": "laptop", "n": 1.50}}"#,
    )
    .unwrap();
    choose(&lib, InUse::Library { id: "go".into() });
    let text = fs::read_to_string(lib.dir().join(IN_USE_FILE)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["in_use"]["id"], "go");
    assert!(text.contains(r#""sync": {"#), "{text}");
    assert!(text.contains("1.50"), "{text}");
    assert!(lib.state().unwrap().unknown().get("sync").is_some());
}

/// Issue 17, item 4: a FIFO at the in-use file or at a library roadmap
/// is refused at once (reading it would wait for a writer forever), and
/// never replaced.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_library_is_refused_without_waiting() {
    let home = tempfile::tempdir().unwrap();
    let lib = Library::at(home.path());
    lib.save("go", b"{}").unwrap();
    mkfifo(&lib.dir().join(IN_USE_FILE));
    let err = lib.state().unwrap_err().to_string();
    assert!(err.contains("named pipe"), "{err}");
    let err = lib
        .update_state(|_| Ok::<(), StoreError>(()))
        .unwrap_err()
        .to_string();
    assert!(err.contains("named pipe"), "{err}");
    let fifo = lib.path_of("fifo");
    mkfifo(&fifo);
    assert!(matches!(
        lib.read("fifo", 100),
        Err(RoadmapReadError::Read(ReadError::NotAFile(
            "a named pipe (FIFO)"
        )))
    ));
    // A link at a roadmap's name is not ours either.
    let outside = home.path().join("outside.json");
    fs::write(&outside, b"{}").unwrap();
    std::os::unix::fs::symlink(&outside, lib.path_of("linked")).unwrap();
    assert!(!lib.contains("linked"));
    assert!(matches!(
        lib.read("linked", 100),
        Err(RoadmapReadError::Read(ReadError::NotAFile(
            "a symbolic link"
        )))
    ));
    assert!(lib.save("linked", b"[]").is_err());
    assert_eq!(fs::read(&outside).unwrap(), b"{}");
}

/// Issue 17, item 8: library writes take the folder's lock, as profile
/// saves do: a write waits for the holder, and gives up with a clear
/// error instead of freezing.
#[cfg(unix)]
#[test]
fn library_writes_wait_for_the_lock() {
    let home = tempfile::tempdir().unwrap();
    let lib = Library::at(home.path()).with_lock_wait(Duration::from_millis(300));
    lib.save("go", b"{}").unwrap();
    let held = safe::open_folder(lib.dir()).unwrap();
    held.lock().unwrap();
    let err = lib.save("rust", b"{}").unwrap_err().to_string();
    assert!(err.contains("is in use"), "{err}");
    assert!(lib.remove("go").is_err());
    assert!(lib.contains("go"));
    let waiting = {
        let lib = lib.clone().with_lock_wait(Duration::from_secs(10));
        std::thread::spawn(move || lib.save("rust", b"{}").map(|_| ()))
    };
    std::thread::sleep(Duration::from_millis(200));
    assert!(!lib.contains("rust"), "waits for the lock");
    held.unlock().unwrap();
    waiting.join().unwrap().unwrap();
    assert!(lib.contains("rust"));
}
