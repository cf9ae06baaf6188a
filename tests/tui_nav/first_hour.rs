//! What a newcomer trips over (issue 18), in a real terminal: keys behind
//! "Enlarge the terminal", Esc after a message, and what the footer and
//! the help show at 80×24.

use crate::pty::{Tui, small};

const ESC: &str = "\x1b";

#[test]
fn keys_behind_enlarge_the_terminal_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 60, 20);
    tui.wait_for("Enlarge the terminal");
    // Move, mark done, mark doing, skip: none of it may happen unseen.
    tui.press("j p s ");
    tui.wait_for("no other key works until the terminal is larger");
    tui.resize(100, 30);
    let screen = tui.wait_for("internet · Basics");
    assert!(
        !screen.contains("[x]") && !screen.contains("[~]") && !screen.contains("[-]"),
        "a status changed behind the small screen:\n{screen}"
    );
    assert!(screen.contains("0 of 8 skills"), "{screen}");
    assert!(
        !home.path().join("default.json").exists(),
        "something was saved"
    );
    tui.resize(60, 20);
    tui.wait_for("Enlarge the terminal");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}

#[test]
fn esc_steps_back_at_once_after_a_change() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("0 of 8 skills");
    tui.press("\r");
    tui.wait_for("choose a link");
    tui.press(" ");
    tui.wait_for("saved · internet → done");
    // One Esc: out of the details, and the message is gone.
    tui.press(ESC);
    let screen = tui.wait_for("choose a skill");
    assert!(!screen.contains("saved · internet"), "{screen}");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// Waits until the footer's key line (the last but one row of an 80×24
/// screen) offers every one of `hints`.
fn wait_for_keys(tui: &Tui, hints: &[&str]) {
    tui.wait_until(&format!("the footer to offer {hints:?}"), |s| {
        s.lines()
            .nth(22)
            .is_some_and(|keys| hints.iter().all(|h| keys.contains(h)))
    });
}

#[test]
fn at_80x24_the_footer_follows_the_focus_and_the_help_wraps() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 80, 24);
    tui.wait_for("0 of 8");
    wait_for_keys(&tui, &["e note", "f filter", "? help", "q quit"]);
    // Tab: the details, then the next steps, then the stages.
    tui.press("\t");
    wait_for_keys(&tui, &["o open", "e note", "[ back", "] fwd"]);
    tui.press("\t\t");
    wait_for_keys(&tui, &["a stats", "m roadmaps", "f filter"]);
    // The help wraps a long line under itself instead of cutting it.
    tui.press("?");
    tui.wait_for("toggle done");
    tui.press(" ");
    let screen = tui.wait_for("step back out: details → skills → stages");
    let line = screen
        .lines()
        .position(|l| l.contains("step back out: details"))
        .unwrap();
    let next = screen.lines().nth(line + 1).unwrap();
    assert!(
        next.trim_matches(|c| c == '│' || c == ' ')
            .ends_with("quits)"),
        "{screen}"
    );
    tui.press("q");
    tui.wait_until("the help to close", |s| !s.contains("toggle done"));
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// Runs `roadmap --roadmap small.json ARGS` on `home`, as another
/// terminal would; it must succeed.
fn cli(home: &std::path::Path, args: &[&str]) {
    crate::pty::cli(home, &small(), args);
}

#[test]
fn the_goal_is_set_from_the_view_and_saved() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 120, 40);
    tui.wait_for("0 of 8 skills");
    tui.press("D");
    tui.wait_for("Goal date");
    tui.press("2099-02-30\r");
    tui.wait_for("is not a date");
    tui.press("\x15");
    tui.press("2099-12-31\r");
    tui.wait_for("saved · goal 2099-12-31");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    let text = std::fs::read_to_string(home.path().join("default.json")).unwrap();
    let profile: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        profile["roadmaps"]["small"]["finish_by"]["date"],
        "2099-12-31"
    );
}

#[test]
fn a_damaged_profile_is_restored_from_its_backup() {
    let home = tempfile::tempdir().unwrap();
    cli(home.path(), &["done", "internet"]);
    cli(home.path(), &["done", "http"]);
    let file = home.path().join("default.json");
    std::fs::write(&file, "{\"version\": 1, \"roadm").unwrap();
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("Your profile cannot be read");
    let screen = tui.wait_for("Its backup default.json.bak can be read: 1 skill with a status");
    assert!(!screen.contains("if there is one"), "{screen}");
    tui.press("r");
    tui.wait_for("restored the backup; the damaged file is kept as");
    tui.wait_for("1 of 8 skills");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    let kept: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("default.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let damaged = std::fs::read_to_string(home.path().join(&kept[0])).unwrap();
    assert_eq!(damaged, "{\"version\": 1, \"roadm");
    let restored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        restored["roadmaps"]["small"]["skills"]["internet"]["status"],
        "done"
    );
}
