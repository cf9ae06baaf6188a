//! Esc never quits; back and forward retrace jumps.

use crate::pty::{Tui, small};

const ESC: &str = "\x1b";

#[test]
fn esc_steps_back_out_closes_and_cancels_but_never_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("0 of 8 skills");
    tui.press("\r");
    tui.wait_for("choose a link");
    tui.press(ESC);
    tui.wait_for("choose a skill");
    tui.press(ESC);
    tui.wait_for("choose a stage");
    tui.press(ESC);
    tui.wait_for("q quits");
    // Esc twice in search: cancel, then nothing to step out of.
    tui.press("/");
    tui.wait_for("Search skills");
    tui.press(ESC);
    tui.wait_until("the search to close", |s| !s.contains("Search skills"));
    tui.press(ESC);
    tui.wait_for("q quits");
    // Esc in the help closes it; the next one says again how to quit
    // (a message never holds Esc back).
    tui.press("?");
    tui.wait_for("toggle done");
    tui.press(ESC);
    tui.wait_until("the help to close", |s| !s.contains("toggle done"));
    tui.press(ESC);
    tui.wait_for("q quits");
    assert!(tui.is_running(), "Esc quit the app");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}

#[test]
fn back_and_forward_retrace_a_link_and_a_search_result() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("0 of 8 skills");
    tui.press("j");
    tui.wait_for("http · Basics");
    // Follow http's second link: it unlocks rest.
    tui.press("\r");
    tui.wait_for("choose a link");
    tui.press("j");
    tui.press("\r");
    tui.wait_for("rest · APIs");
    tui.press("/");
    tui.wait_for("Search skills");
    tui.press("jwt");
    tui.wait_for("jwt · APIs");
    tui.press("\r");
    tui.wait_for("jwt · APIs · 3 h");

    tui.press("[");
    tui.wait_for("rest · APIs · 10 h");
    tui.press("[");
    let screen = tui.wait_for("http · Basics · 6 h");
    assert!(
        screen.contains("choose a link"),
        "back in the details where the link was followed:\n{screen}"
    );
    tui.press("]");
    tui.wait_for("rest · APIs · 10 h");
    tui.press("]");
    tui.wait_for("jwt · APIs · 3 h");
    // Ctrl-o goes back too, as in vim.
    tui.press("\x0f");
    tui.wait_for("rest · APIs · 10 h");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}
