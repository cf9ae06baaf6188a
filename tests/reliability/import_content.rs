//! `roadmap import FILE --content DIR` reads the content folder without
//! following a single link, visits each folder once, counts folders and
//! files, caps the bytes it reads, and reports what it skipped; the FILE
//! itself is opened without waiting (docs/reliability.md, section 15).

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use super::common::{Env, text};

fn bare() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/bare.json")
}

/// A content folder in the temporary folder with one real text.
fn content(env: &Env) -> PathBuf {
    let dir = env.root.path().join("content");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("kneading@Knead-B2.md"),
        "# Kneading\n\nWorking the dough builds its strength.\n",
    )
    .unwrap();
    dir
}

/// `roadmap import bare.json --content DIR`, given at most `limit` to finish
/// (a walk that follows links could run for hours).
fn import(env: &Env, file: &Path, dir: &Path, limit: Duration) -> Output {
    let mut child = env
        .cmd()
        .arg("import")
        .arg(file)
        .arg("--content")
        .arg(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("the import ran for over {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn kept(env: &Env) -> String {
    std::fs::read_to_string(env.home().join("roadmaps/bare.json")).unwrap()
}

#[test]
fn a_link_to_a_file_outside_the_folder_is_never_copied_into_the_roadmap() {
    let env = Env::new();
    let dir = content(&env);
    let secret = env.write(
        "credentials",
        "# Flour\n\naws_secret_access_key = hunter2\n",
    );
    symlink(&secret, dir.join("flour@Flour_A1.md")).unwrap();
    let out = import(&env, &bare(), &dir, Duration::from_secs(60));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("1 symbolic link(s) in the content folder were not followed"),
        "{err}"
    );
    assert!(err.contains("'flour@Flour_A1.md'"), "{err}");
    let roadmap = kept(&env);
    assert!(!roadmap.contains("hunter2"), "the linked file was copied");
    assert!(roadmap.contains("builds its strength"), "{roadmap}");
}

#[test]
fn link_loops_and_a_link_to_the_root_are_not_walked() {
    let env = Env::new();
    let dir = content(&env);
    for i in 0..8 {
        symlink(".", dir.join(format!("loop{i}"))).unwrap();
    }
    symlink("/", dir.join("root")).unwrap();
    std::fs::create_dir(dir.join("old")).unwrap();
    symlink("..", dir.join("old/up")).unwrap();
    // Before: 8 links to `.` made 8^8 folders to walk, `/` the whole disk.
    let out = import(&env, &bare(), &dir, Duration::from_secs(60));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("10 symbolic link(s) in the content folder were not followed"),
        "{err}"
    );
    // Each text was read once: no "a node that already has one".
    assert!(!err.contains("already has one"), "{err}");
    assert_eq!(err.matches("symbolic link").count(), 1, "{err}");
    assert!(kept(&env).contains("builds its strength"));
}

#[test]
fn hard_links_to_one_large_file_stop_at_the_byte_cap() {
    let env = Env::new();
    let dir = content(&env);
    // A 1 MiB file (sparse: no disk used) under 65 names; before, every
    // name was read again (links to one file once made 6 GB).
    let big = dir.join("t0@x0.md");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(1024 * 1024)
        .unwrap();
    for i in 1..65 {
        std::fs::hard_link(&big, dir.join(format!("t{i}@x{i}.md"))).unwrap();
    }
    let out = import(&env, &bare(), &dir, Duration::from_secs(60));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("holds more than 64.0 MiB of .md files (reading stopped there)"),
        "{err}"
    );
    assert!(
        err.contains("give the content folder of one roadmap"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!env.home().join("roadmaps").exists());
}

#[test]
fn folders_are_counted_too() {
    let env = Env::new();
    let dir = content(&env);
    for i in 0..10_001 {
        std::fs::create_dir(dir.join(format!("f{i}"))).unwrap();
    }
    let out = import(&env, &bare(), &dir, Duration::from_secs(60));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("has more than 10000 folders"), "{err}");
    assert!(!env.home().join("roadmaps").exists());
}

#[test]
fn a_fifo_or_a_device_named_as_the_file_is_refused_at_once() {
    let env = Env::new();
    let fifo = env.root.path().join("roadmap.json");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let dir = content(&env);
    for file in [fifo.as_path(), Path::new("/dev/zero")] {
        // Before, opening the FIFO waited for a writer forever.
        let out = import(&env, file, &dir, Duration::from_secs(30));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
    // A link the user names is followed.
    let link = env.root.path().join("link.json");
    symlink(bare(), &link).unwrap();
    let out = import(&env, &link, &dir, Duration::from_secs(30));
    assert!(out.status.success(), "{}", text(&out.stderr));
}
