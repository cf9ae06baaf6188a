//! `e` in a pseudo-terminal: the note goes to a fake `$EDITOR` script that
//! reads a line typed on the terminal (so the app must not steal keys
//! while the editor runs), the terminal is handed back and redrawn, and
//! the note is saved and shown. An editor that fails keeps the text.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::pty::{Tui, small};

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn e_edits_the_note_in_the_editor_and_shows_it() {
    let home = tempfile::tempdir().unwrap();
    let tools = tempfile::tempdir().unwrap();
    // The editor says it runs, reads one line from the terminal and puts
    // it in the note with a heading and a link.
    let editor = script(
        tools.path(),
        "editor.sh",
        r#"echo "FAKE EDITOR RUNNING"
read line
printf '# Built\n%s\nSee https://example.com/srv\n' "$line" > "$1""#,
    );
    let mut tui = Tui::start_with(
        home.path(),
        &small(),
        100,
        30,
        &[("EDITOR", &editor), ("TMPDIR", tools.path())],
    );
    tui.wait_for("0 of 8 skills");
    tui.press("e");
    tui.wait_for("FAKE EDITOR RUNNING");
    {
        // The editor has the normal screen, not ours.
        let screen = tui.screen();
        assert!(!screen.contains("0 of 8 skills"), "{screen}");
    }
    tui.press("a tiny web server\r");
    let screen = tui.wait_for("saved · the note on");
    assert!(screen.contains("Your note"), "{screen}");
    assert!(screen.contains("Built"), "{screen}");
    assert!(screen.contains("a tiny web server"), "{screen}");
    assert!(screen.contains("0 of 8 skills"), "redrawn whole: {screen}");
    assert!(!screen.contains("FAKE EDITOR RUNNING"), "{screen}");
    let saved = std::fs::read_to_string(home.path().join("default.json")).unwrap();
    assert!(saved.contains("a tiny web server"), "{saved}");
    // Keys work again after the editor.
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
    // The temporary file went once the note was saved.
    let left: Vec<_> = std::fs::read_dir(tools.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("roadmap-note-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_failing_editor_keeps_what_was_typed_and_says_where() {
    let home = tempfile::tempdir().unwrap();
    let tools = tempfile::tempdir().unwrap();
    let editor = script(
        tools.path(),
        "broken.sh",
        r#"echo 'half a thought' >> "$1"; exit 7"#,
    );
    let mut tui = Tui::start_with(
        home.path(),
        &small(),
        100,
        30,
        &[("EDITOR", &editor), ("TMPDIR", tools.path())],
    );
    tui.wait_for("0 of 8 skills");
    tui.press("e");
    tui.wait_for("exited with code 7");
    let kept: Vec<_> = std::fs::read_dir(tools.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("roadmap-note-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        std::fs::read_to_string(&kept[0])
            .unwrap()
            .contains("half a thought")
    );
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
}
