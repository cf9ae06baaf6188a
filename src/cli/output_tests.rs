#![allow(clippy::unwrap_used)]
use std::os::unix::fs::{FileTypeExt, PermissionsExt};

use super::*;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_new_file_gets_the_usual_mode_and_a_file_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    write_output(&path, b"one").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"one");
    let umask = {
        let probe = dir.path().join("probe");
        fs::File::create(&probe).unwrap();
        0o666 & !mode(&probe)
    };
    assert_eq!(mode(&path), 0o666 & !umask);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_output(&path, b"two").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"two");
    assert_eq!(mode(&path), 0o640);
    // Nothing is left beside it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_link_to_a_file_stays_a_link_and_the_file_is_replaced_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    fs::write(&real, b"old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o604)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_output(&link, b"new").unwrap();
    assert!(link.is_symlink());
    assert_eq!(fs::read(&real).unwrap(), b"new");
    assert_eq!(mode(&real), 0o604);
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let e = write_output(&dangling, b"x").unwrap_err().to_string();
    assert!(e.contains("does not exist"), "{e}");
    assert!(!dir.path().join("nowhere").exists());
    let e = write_output(dir.path(), b"x").unwrap_err().to_string();
    assert!(e.contains("folder"), "{e}");
}

#[test]
fn a_fifo_is_written_to_and_stays_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(&fifo).unwrap())
    };
    write_output(&fifo, b"through the pipe").unwrap();
    assert_eq!(reader.join().unwrap(), b"through the pipe");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// As root, a device node of our own (the null device) shows that a
/// device is written to, never replaced; otherwise the real /dev/null.
#[test]
fn a_device_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("null");
    let made = rustix::fs::mknodat(
        rustix::fs::CWD,
        &own,
        rustix::fs::FileType::CharacterDevice,
        rustix::fs::Mode::from_raw_mode(0o666),
        rustix::fs::makedev(1, 3),
    );
    let null = if made.is_ok() {
        own
    } else {
        PathBuf::from("/dev/null")
    };
    write_output(&null, b"gone").unwrap();
    assert!(
        fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}
