//! End to end: the real `roadmap` binary in a pseudo-terminal, read back
//! through a terminal emulator (vt100). Keys are pressed, the app quits,
//! starts again, and the change is still there.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

// The pseudo-terminal harness the navigation tests use (one copy).
#[allow(dead_code)]
#[path = "tui_nav/pty.rs"]
mod pty;

use pty::Tui;

const ROWS: u16 = 30;
const COLS: u16 = 100;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json")
}

/// The app on the small fixture in a 100×30 terminal.
fn start(home: &Path) -> Tui {
    Tui::start(home, &fixture(), COLS, ROWS)
}

/// The app on `roadmap` in a 100×30 terminal.
fn start_on(home: &Path, roadmap: &Path) -> Tui {
    Tui::start(home, roadmap, COLS, ROWS)
}

/// Runs `roadmap ARGS` as another process on the same data folder, as a
/// second terminal would; it must succeed.
fn cli(home: &Path, args: &[&str]) {
    pty::cli(home, &fixture(), args);
}

/// Makes the profile folder unusable: a file where it was.
fn break_folder(home: &Path) {
    std::fs::remove_dir_all(home).unwrap();
    std::fs::write(home, "not a folder").unwrap();
}

/// Puts an empty profile folder back.
fn mend_folder(home: &Path) {
    std::fs::remove_file(home).unwrap();
    std::fs::create_dir(home).unwrap();
}

fn profile(home: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(home.join("default.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn status(home: &Path, skill: &str) -> Option<String> {
    profile(home)["roadmaps"]["small"]["skills"][skill]["status"]
        .as_str()
        .map(str::to_string)
}

#[test]
fn tick_quit_and_relaunch_keeps_the_change() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = start(home.path());
    tui.wait_for("Small Test Roadmap");
    tui.wait_for("0 of 8 ");
    tui.press(" ");
    tui.wait_for("saved · internet → done");
    tui.press("jp");
    tui.wait_for("saved · http → doing");
    assert_eq!(status(home.path(), "internet").as_deref(), Some("done"));
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();

    let mut again = start(home.path());
    let screen = again.wait_for("1 of 8 ");
    assert!(screen.contains("[x] How the internet works"), "{screen}");
    assert!(screen.contains("[~] HTTP"), "{screen}");
    again.press("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn search_jump_tick_undo_and_relaunch() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = start(home.path());
    tui.wait_for("0 of 8 ");
    tui.press("/");
    tui.wait_for("Search skills");
    tui.press("jwt");
    tui.wait_for("jwt · APIs");
    tui.press("\r");
    tui.wait_for("APIs · 0/3");
    tui.press(" ");
    tui.wait_for("saved · jwt → done");
    tui.press("s");
    tui.wait_for("saved · jwt → skipped");
    tui.press("u");
    tui.wait_for("undo: jwt → done (was skipped)");
    tui.press("u");
    tui.wait_for("undo: jwt → todo (was done)");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(status(home.path(), "jwt").as_deref(), Some("todo"));

    let mut again = start(home.path());
    again.wait_for("0 of 8 ");
    again.press("n");
    again.wait_for("next: The terminal");
    again.press("\x03");
    assert_eq!(again.wait_exit(), 0);
    again.assert_restored();
}

#[test]
fn help_overlay_and_resizing_below_the_minimum() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = start(home.path());
    tui.wait_for("0 of 8 ");
    tui.press("?");
    tui.wait_for("toggle done");
    tui.press("?");
    // The help is closed before the terminal shrinks: behind "Enlarge the
    // terminal" no key but quit does anything, so a "?" still on its way
    // would be ignored and the help left open.
    tui.wait_until("the help closed", |s| !s.contains("toggle done"));
    tui.resize(60, 20);
    tui.wait_for("Enlarge the terminal to at least 80×24");
    tui.resize(COLS, ROWS);
    tui.wait_for("0 of 8 ");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_failed_save_is_reported_and_retried_on_the_next_change() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let mut tui = start(&home);
    tui.wait_for("0 of 8 ");
    break_folder(&home);
    tui.press(" ");
    tui.wait_for("not saved");
    tui.wait_for("1 of 8 ");
    mend_folder(&home);
    tui.press("j ");
    tui.wait_for("saved · http → done");
    assert_eq!(status(&home, "internet").as_deref(), Some("done"));
    assert_eq!(status(&home, "http").as_deref(), Some("done"));
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn an_unreadable_profile_is_moved_aside_never_overwritten() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("default.json"), "{ this is not json").unwrap();
    let mut tui = start(home.path());
    tui.wait_for("Your profile cannot be read");
    tui.press(" ");
    tui.press("m");
    tui.wait_for("starting fresh");
    let aside: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("default.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "{ this is not json"
    );
    tui.press(" ");
    tui.wait_for("saved · internet → done");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn quitting_from_the_damaged_profile_popup_leaves_the_file_alone() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("default.json");
    std::fs::write(&file, "garbage").unwrap();
    let mut tui = start(home.path());
    tui.wait_for("Your profile cannot be read");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "garbage");
}

#[test]
fn without_a_terminal_it_exits_2_and_points_to_the_cli() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .arg("--roadmap")
        .arg(fixture())
        .env("ROADMAP_HOME", home.path())
        .env("ROADMAP_CONFIG", home.path().join("no-config.toml"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("roadmap status"), "{stderr}");
    assert!(stderr.contains("roadmap next"), "{stderr}");
    assert!(!home.path().join("default.json").exists());
}

fn send_signal(tui: &Tui, signal: &str) {
    tui.signal(signal);
}

#[cfg(unix)]
#[test]
fn term_hup_and_int_save_what_is_unsaved_restore_the_terminal_and_exit() {
    for signal in ["TERM", "HUP", "INT"] {
        let root = tempfile::tempdir().unwrap();
        let home = root.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let mut tui = start(&home);
        tui.wait_for("0 of 8 ");
        // A change that cannot be saved yet: the folder is a file.
        break_folder(&home);
        tui.press(" ");
        tui.wait_for("not saved");
        mend_folder(&home);
        send_signal(&tui, signal);
        assert_eq!(tui.wait_exit(), 0, "SIG{signal}");
        tui.assert_restored();
        assert_eq!(
            status(&home, "internet").as_deref(),
            Some("done"),
            "SIG{signal}: the unsaved change was saved on the way out"
        );
    }
}

#[test]
fn changes_saved_by_another_instance_show_up_without_a_key_press() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = start(home.path());
    tui.wait_for("0 of 8 ");
    tui.press(" ");
    tui.wait_for("saved · internet → done");
    cli(home.path(), &["done", "terminal"]);
    let screen = tui.wait_for("2 of 8 ");
    assert!(
        screen.contains("changes saved by another roadmap window"),
        "{screen}"
    );
    // Our next change keeps theirs.
    tui.press("j ");
    tui.wait_for("saved · http → done");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(status(home.path(), "terminal").as_deref(), Some("done"));
    assert_eq!(status(home.path(), "http").as_deref(), Some("done"));
}

#[test]
fn a_broken_roadmap_file_restores_the_terminal_and_explains() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("broken-roadmap.json");
    std::fs::write(&bad, "{\n  \"version\": 1,\n  \"titel\": \"x\"\n}").unwrap();
    let mut tui = start_on(home.path(), &bad);
    assert_eq!(tui.wait_exit(), 1);
    tui.assert_restored();
    let screen = tui.screen();
    assert!(screen.contains("broken-roadmap.json"), "{screen}");
    assert!(screen.contains("unknown field"), "{screen}");
}

/// A FIFO at the profile path (or a device, a link): the app must not wait
/// on it. It says what is there and what to do, and quits on `q`; the
/// FIFO is left alone.
#[test]
fn a_fifo_at_the_profile_path_is_reported_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("default.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap();
    assert!(made.success());
    let mut tui = start(home.path());
    let screen = tui.wait_for("Your profile cannot be read");
    assert!(screen.contains("named pipe"), "{screen}");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
    let kind = std::fs::symlink_metadata(&file).unwrap().file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
}

/// The time rule in the interactive view: its changes are stamped when the
/// store applies them under the lock, after every stamp the skill has. A
/// skill stamped by a machine whose clock runs centuries ahead still takes
/// the change ("saved" means saved), and a change another process saved
/// while the view sat idle is never reverted by the view's older state.
#[test]
fn a_change_to_a_skill_stamped_in_the_future_is_saved_and_never_reverts_another() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("default.json"),
        r#"{"version": 1, "roadmaps": {"small": {"skills": {"internet": {"status": "done",
            "changed": "2999-01-01T00:00:00Z", "done_at": "2999-01-01T00:00:00Z",
            "history": [{"at": "2999-01-01T00:00:00Z", "status": "done"}]}}}}}"#,
    )
    .unwrap();
    let mut tui = start(home.path());
    tui.wait_for("1 of 8 ");
    tui.press(" ");
    tui.wait_for("saved · internet → todo");
    assert_eq!(status(home.path(), "internet").as_deref(), Some("todo"));
    // Another process changes internet back (the view shows it a moment
    // later); the view's next save, of another skill, keeps that change.
    cli(home.path(), &["start", "internet"]);
    tui.press("jjp");
    tui.wait_for("saved · terminal → doing");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(status(home.path(), "internet").as_deref(), Some("doing"));
    assert_eq!(status(home.path(), "terminal").as_deref(), Some("doing"));
}
