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
    tui.wait_for("nothing else works until the terminal is larger");
    tui.resize(100, 30);
    let screen = tui.wait_for("0 of 8 skills");
    assert!(
        !screen.contains("[x]") && !screen.contains("[~]") && !screen.contains("[-]"),
        "a status changed behind the small screen:\n{screen}"
    );
    assert!(
        screen.contains("internet · Basics"),
        "the selection moved:\n{screen}"
    );
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
