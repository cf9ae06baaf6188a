//! Issue 17, item 4: the roadmap switcher reads every roadmap of the
//! library; none of it runs on the thread that handles keys and signals.
//! Before, a FIFO among the roadmaps used before froze the view for good
//! (SIGTERM, SIGINT and SIGHUP were ignored, SIGKILL left the terminal
//! raw), and a large roadmap froze it while it loaded.

use std::path::Path;

use crate::pty::{Tui, small};

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// A data folder whose library remembers `files` (as `roadmap use FILE`
/// does).
fn home_remembering(files: &[&Path]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("roadmaps");
    std::fs::create_dir(&lib).unwrap();
    let state = serde_json::json!({ "in_use": { "kind": "builtin" }, "files": files });
    std::fs::write(lib.join("in-use"), state.to_string()).unwrap();
    home
}

#[cfg(unix)]
#[test]
fn a_fifo_among_the_roadmaps_is_listed_as_one_and_signals_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("old.json");
    mkfifo(&fifo);
    for signal in ["TERM", "HUP", "INT"] {
        let home = home_remembering(&[&fifo]);
        let mut tui = Tui::start(home.path(), &small(), 100, 30);
        tui.wait_for("Stages");
        tui.press("m");
        // Listed with what is wrong, instead of waiting for a writer.
        tui.wait_for("cannot be loaded");
        tui.signal(signal);
        assert_eq!(tui.wait_exit(), 0, "SIG{signal}: a clean exit");
        tui.assert_restored();
    }
}

#[cfg(unix)]
#[test]
fn keys_and_signals_are_handled_while_a_large_roadmap_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("large.json");
    std::fs::write(&large, roadmap::synth::roadmap_json(60_000)).unwrap();
    let home = home_remembering(&[&large]);
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("Stages");
    // m starts reading the roadmaps (seconds for this one); ? is handled
    // at once, and the list arriving later does not push the help aside.
    tui.press("m?");
    tui.wait_for("Keys");
    tui.press("q");
    tui.wait_until("the main view", |s| !s.contains("Keys"));
    // And a signal while the list is read ends the app at once.
    tui.press("m");
    tui.wait_for("reading your roadmaps");
    tui.signal("TERM");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}
