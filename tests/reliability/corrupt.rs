//! Guarantee 3: a corrupt or foreign profile is never overwritten or
//! deleted; every command that touches it exits 1 naming the file and what
//! to do; each save keeps the previous good version as `NAME.json.bak`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{Env, small_roadmap};

/// Every command that reads or writes the profile.
const COMMANDS: [&[&str]; 8] = [
    &["status"],
    &["status", "--json"],
    &["next"],
    &["list"],
    &["show", "internet"],
    &["done", "internet"],
    &["start", "http"],
    &["reset", "terminal"],
];

/// Every file in `dir` with its bytes (a folder as `None`), but the lock
/// file, which a command may create.
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension() != Some("lock".as_ref()))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).ok())
        })
        .collect()
}

/// A real profile cut in half.
fn truncated(env: &Env) -> Vec<u8> {
    env.ok(&small_roadmap(), &["done", "internet", "http"]);
    let bytes = std::fs::read(env.profile()).unwrap();
    std::fs::remove_file(env.profile()).unwrap();
    bytes[..bytes.len() / 2].to_vec()
}

/// Puts `make(env)` in place of the profile (a folder for `None`), runs
/// every command, and checks each refuses it the same way and nothing in
/// the data folder changes.
fn refused_untouched(case: &str, make: impl FnOnce(&Env) -> Option<Vec<u8>>, says: &str) {
    let env = Env::new();
    let contents = make(&env);
    std::fs::create_dir_all(env.home()).unwrap();
    match &contents {
        Some(bytes) => std::fs::write(env.profile(), bytes).unwrap(),
        None => std::fs::create_dir(env.profile()).unwrap(),
    }
    let before = snapshot(&env.home());
    for args in COMMANDS {
        let err = env.fails(&small_roadmap(), args);
        assert!(
            err.contains(&env.profile().display().to_string()),
            "{case}, {args:?}: names the file: {err}"
        );
        assert!(
            err.contains(says),
            "{case}, {args:?}: says what to do: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{case}, {args:?}: one line: {err}");
    }
    assert_eq!(
        snapshot(&env.home()),
        before,
        "{case}: nothing written, moved or deleted"
    );
}

#[test]
fn a_truncated_profile_is_refused_and_left_untouched() {
    refused_untouched(
        "truncated JSON",
        |env| Some(truncated(env)),
        "is damaged (the file ends inside",
    );
}

#[test]
fn a_profile_of_garbage_bytes_is_refused_and_left_untouched() {
    let garbage: Vec<u8> = (0u32..4096)
        .map(|i| i.wrapping_mul(2_654_435_761).to_be_bytes()[1])
        .collect();
    refused_untouched(
        "garbage",
        |_| Some(garbage),
        "it was left untouched: move it aside",
    );
}

#[test]
fn a_profile_with_invalid_utf8_is_refused_and_left_untouched() {
    refused_untouched(
        "invalid UTF-8",
        |_| Some(b"{\"version\": 1, \"roadmaps\": {\"sm\xffall\": {\"skills\": {}}}}".to_vec()),
        "is damaged (invalid character: the file must be UTF-8 text",
    );
}

#[test]
fn an_empty_profile_file_is_refused_and_left_untouched() {
    refused_untouched("empty", |_| Some(Vec::new()), "or restore");
}

#[test]
fn a_profile_from_a_newer_version_is_refused_and_left_untouched() {
    refused_untouched(
        "newer version",
        |_| {
            Some(
                br#"{"version": 2, "roadmaps": {"small": {"skills": {}}}, "teams": ["x"]}"#
                    .to_vec(),
            )
        },
        "has format version 2, newer than this build of roadmap understands (version 1); it was left untouched: update roadmap",
    );
}

#[test]
fn a_folder_in_place_of_the_profile_is_refused_and_left_untouched() {
    refused_untouched(
        "directory",
        |_| None,
        "is a folder, not a regular file; roadmap only reads and writes regular files in its folder and never follows links: move it away",
    );
}

#[test]
fn each_save_keeps_the_previous_good_version_as_bak() {
    let env = Env::new();
    let small = small_roadmap();
    let bak = env.home().join("default.json.bak");
    env.ok(&small, &["done", "internet"]);
    assert!(!bak.exists(), "nothing to back up on the first save");
    let first = std::fs::read(env.profile()).unwrap();
    env.ok(&small, &["done", "http"]);
    assert_eq!(
        std::fs::read(&bak).unwrap(),
        first,
        "the previous version is kept"
    );
    let second = std::fs::read(env.profile()).unwrap();
    env.ok(&small, &["start", "terminal"]);
    assert_eq!(std::fs::read(&bak).unwrap(), second);

    // When the profile is damaged the message points at the backup, and
    // restoring it brings back everything but the last save.
    std::fs::write(env.profile(), b"{\"version\": 1, \"roadm").unwrap();
    let err = env.fails(&small, &["status"]);
    assert!(
        err.contains("restore") && err.contains("default.json.bak"),
        "{err}"
    );
    std::fs::copy(&bak, env.profile()).unwrap();
    let status = env.ok(&small, &["status", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(
        (v["done"].as_u64(), v["doing"].as_u64()),
        (Some(2), Some(0))
    );
}
