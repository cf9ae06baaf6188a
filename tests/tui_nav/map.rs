//! The map in a real terminal: open it, move along an edge, mark a skill
//! done there, open its details, come back with back.

use crate::pty::{Tui, small};

#[test]
fn the_map_opens_moves_marks_and_shows_details() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("0 of 8 skills");
    tui.press("M");
    // The whole map: a choice's node, edges with arrows, the footer.
    tui.wait_until("the map", |s| {
        s.contains("Map · whole roadmap")
            && s.contains("◇ Pick one")
            && s.contains("▼")
            && s.contains("steps out")
    });
    // Selected: the first skill; down along its edge to HTTP.
    tui.wait_for("[ ] How the internet works · todo");
    tui.press("j");
    tui.wait_for("[⊘] HTTP · locked");
    // Back up the edge and mark it done: HTTP is no longer locked.
    tui.press("k");
    tui.wait_for("[ ] How the internet works · todo");
    tui.press(" ");
    tui.wait_for("1 of 8 skills");
    tui.wait_for("[x] How the internet works · done");
    tui.press("j");
    tui.wait_for("[ ] HTTP · todo");
    // Enter: the details in the lists; back returns to the map.
    tui.press("\r");
    tui.wait_until("the details of HTTP", |s| {
        !s.contains("Map · ") && s.contains("choose a link")
    });
    tui.press("[");
    tui.wait_for("Map · whole roadmap");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
    let saved = std::fs::read_to_string(home.path().join("default.json")).unwrap();
    assert!(saved.contains("\"internet\""), "{saved}");
}
