//! Resizing: clicks land on what is drawn, and quitting from a grown
//! terminal leaves no frame on the shell.

use crate::pty::{Tui, small};

/// Where the details text starts at 200 columns: left column 50, skills
/// 75, then the border and a margin.
const DETAILS_TEXT_AT_200: usize = 50 + 75 + 2;

#[test]
fn a_click_after_the_terminal_grew_selects_the_row_drawn_under_it() {
    let home = tempfile::tempdir().unwrap();
    // Ten suggestions: more than the next steps show at 80×24.
    let roadmap = home.path().join("synth.json");
    std::fs::write(&roadmap, roadmap::synth::roadmap_json(400)).unwrap();
    let mut tui = Tui::start(home.path(), &roadmap, 80, 24);
    tui.wait_for("0 of ");
    // The next steps, scrolled to their last suggestion at 80×24.
    tui.press("\t\t");
    tui.wait_for("choose a suggestion");
    tui.press("G");
    tui.wait_until("the last suggestion alone at the bottom", |s| {
        s.contains(" 10. [ ]") && !s.contains(" 1. [ ]")
    });
    tui.resize(200, 60);
    // Everything fits at 200×60: the list is drawn from its first row.
    tui.wait_until("the 200×60 frame", |s| {
        s.contains(" 1. [ ]") && s.contains(" 10. [ ]")
    });
    let (x, y) = tui.find(" 1. [ ]").unwrap();
    let first = tui.row(y);
    let title: String = first
        .chars()
        .skip(usize::from(x) + " 1. [ ] ".len())
        .take_while(|&c| !matches!(c, '…' | '│' | '┃'))
        .collect();
    let title = title.trim().to_string();
    assert!(!title.is_empty(), "{first}");
    tui.click(x + 4, y);
    // The details now show the first suggestion.
    tui.wait_until(&format!("the details of {title:?}"), |s| {
        s.lines().any(|line| {
            let right: String = line.chars().skip(DETAILS_TEXT_AT_200).collect();
            right.starts_with(&title)
        })
    });
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn quitting_from_a_grown_terminal_leaves_no_frame_behind() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 80, 24);
    tui.wait_for("0 of 8 ");
    tui.resize(200, 60);
    tui.wait_until("the 200×60 frame", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.chars().count() > 150)
    });
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
    // Terminals such as tmux carry lines of a grown alternate screen over
    // to the shell's screen; what the alternate screen holds when the app
    // leaves it must be blank.
    let out = tui.output();
    let leave = out
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049l")
        .expect("the app leaves the alternate screen");
    let mut parser = vt100::Parser::new(60, 200, 0);
    parser.process(&out[..leave]);
    assert!(parser.screen().alternate_screen());
    let left = parser.screen().contents();
    assert!(
        left.trim().is_empty(),
        "the frame was still on the alternate screen when the app left it:\n{left}"
    );
}
