//! Guarantee 8: what sits at a profile's paths. Anything but a regular
//! file is refused with a clear error instead of hanging (a FIFO) or being
//! followed (a planted symbolic or hard link); nothing outside the profile
//! folder is ever created, truncated, re-permissioned or written; a folder
//! others can write to is refused; a `.bak` in the way says what to do.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use crate::common::{Env, failure, mkfifo, run_guarded, small_roadmap};

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

/// A valid profile with progress, written by the real binary elsewhere.
fn a_real_profile(env: &Env) -> Vec<u8> {
    let other = env.root.path().join("elsewhere");
    let out = crate::common::cmd_at(&other)
        .arg("--roadmap")
        .arg(small_roadmap())
        .args(["done", "internet"])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::read(other.join("default.json")).unwrap()
}

#[test]
fn a_fifo_at_the_profile_path_is_refused_at_once() {
    let env = Env::new();
    std::fs::create_dir(env.home()).unwrap();
    mkfifo(&env.profile());
    for args in [&["status"][..], &["done", "internet"], &["list"]] {
        let out = run_guarded(env.with(&small_roadmap(), args), &format!("{args:?}"));
        let err = failure(&out, args);
        assert!(
            err.contains(&env.profile().display().to_string()),
            "{args:?}: names the file: {err}"
        );
        assert!(
            err.contains("named pipe"),
            "{args:?}: says what it is: {err}"
        );
        assert!(
            err.contains("move it away"),
            "{args:?}: says what to do: {err}"
        );
    }
    let kind = std::fs::symlink_metadata(env.profile())
        .unwrap()
        .file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "left in place"
    );
}

#[test]
fn a_symlink_at_the_lock_path_creates_nothing_outside_the_folder() {
    let env = Env::new();
    std::fs::create_dir(env.home()).unwrap();
    let target = env.root.path().join("created-by-roadmap");
    std::os::unix::fs::symlink(&target, env.home().join("default.lock")).unwrap();
    env.ok(&small_roadmap(), &["done", "internet"]);
    env.ok(&small_roadmap(), &["done", "http"]);
    assert!(
        std::fs::symlink_metadata(&target).is_err(),
        "the link's target was created"
    );
    assert!(env.ok(&small_roadmap(), &["status"]).contains("done 2"));
}

/// A symbolic link at the profile path: refused for reading and writing;
/// the file it points to keeps its bytes and its permissions.
#[test]
fn a_symlink_at_the_profile_path_is_refused_and_its_target_untouched() {
    let env = Env::new();
    let target = env.write("someone-elses.json", a_real_profile(&env));
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&target).unwrap();
    std::fs::create_dir(env.home()).unwrap();
    std::os::unix::fs::symlink(&target, env.profile()).unwrap();
    for args in [&["done", "http"][..], &["status"]] {
        let err = env.fails(&small_roadmap(), args);
        assert!(err.contains("symbolic link"), "{args:?}: {err}");
        assert!(
            err.contains(&env.profile().display().to_string()),
            "{args:?}: {err}"
        );
    }
    assert_eq!(mode(&target), 0o644, "the target's permissions");
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "the target's bytes"
    );
    assert!(
        std::fs::symlink_metadata(env.profile())
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// A hard link at the profile path (another name of a file outside the
/// folder): refused, and the other file keeps its bytes and permissions.
#[test]
fn a_hard_link_at_the_profile_path_is_refused_and_the_other_file_untouched() {
    let env = Env::new();
    let other = env.write("someone-elses.json", a_real_profile(&env));
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&other).unwrap();
    std::fs::create_dir(env.home()).unwrap();
    std::fs::hard_link(&other, env.profile()).unwrap();
    for args in [&["done", "http"][..], &["status"]] {
        let err = env.fails(&small_roadmap(), args);
        assert!(err.contains("hard link"), "{args:?}: {err}");
        assert!(err.contains("cp "), "{args:?}: says what to do: {err}");
    }
    assert_eq!(mode(&other), 0o644, "the other file's permissions");
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "the other file's bytes"
    );
    assert_eq!(std::fs::metadata(&other).unwrap().nlink(), 2);
    assert!(
        !env.home().join("default.json.bak").exists(),
        "no backup made"
    );
}

/// A profile folder others can write to is refused (as ssh does with
/// `~/.ssh`); with the sticky bit (others cannot rename or remove our
/// files) it is used.
#[test]
fn a_folder_others_can_write_to_is_refused_unless_sticky() {
    let env = Env::new();
    let small = small_roadmap();
    env.ok(&small, &["done", "internet"]);
    let before = std::fs::read(env.profile()).unwrap();
    for m in [0o777, 0o770, 0o722] {
        std::fs::set_permissions(env.home(), std::fs::Permissions::from_mode(m)).unwrap();
        for args in [&["done", "http"][..], &["status"]] {
            let err = env.fails(&small, args);
            assert!(
                err.contains("can be written by other users"),
                "{m:o}: {err}"
            );
            assert!(err.contains("chmod go-w"), "{m:o}: {err}");
        }
    }
    assert_eq!(std::fs::read(env.profile()).unwrap(), before);
    std::fs::set_permissions(env.home(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    env.ok(&small, &["done", "http"]);
    std::fs::set_permissions(env.home(), std::fs::Permissions::from_mode(0o700)).unwrap();
    assert!(env.ok(&small, &["status"]).contains("done 2"));
}

/// A folder (or anything but a file) where the backup goes: every save
/// says what is in the way and what to do; nothing is changed or deleted.
#[test]
fn a_folder_in_place_of_the_backup_says_what_to_do() {
    let env = Env::new();
    let small = small_roadmap();
    env.ok(&small, &["done", "internet"]);
    let backup = env.home().join("default.json.bak");
    std::fs::remove_file(&backup).ok();
    std::fs::create_dir(&backup).unwrap();
    std::fs::write(backup.join("notes.txt"), b"mine").unwrap();
    let before = std::fs::read(env.profile()).unwrap();
    let err = env.fails(&small, &["done", "http"]);
    assert!(err.contains(&backup.display().to_string()), "{err}");
    assert!(err.contains("is a folder"), "{err}");
    assert!(err.contains("move it away"), "{err}");
    assert!(!err.contains("try again;"), "{err}");
    assert_eq!(std::fs::read(env.profile()).unwrap(), before, "unchanged");
    assert_eq!(std::fs::read(backup.join("notes.txt")).unwrap(), b"mine");
    assert!(crate::common::temp_files(&env.home()).is_empty());
    // Out of the way, saving works again.
    std::fs::rename(&backup, env.root.path().join("moved")).unwrap();
    env.ok(&small, &["done", "http"]);
}

#[test]
fn a_fifo_in_place_of_the_backup_is_refused_at_once() {
    let env = Env::new();
    let small = small_roadmap();
    env.ok(&small, &["done", "internet"]);
    let backup = env.home().join("default.json.bak");
    assert!(!backup.exists(), "no backup after the first save");
    mkfifo(&backup);
    let out = run_guarded(env.with(&small, &["done", "http"]), "done http");
    let err = failure(&out, &["done", "http"]);
    assert!(err.contains("named pipe"), "{err}");
    assert!(err.contains(&backup.display().to_string()), "{err}");
}
