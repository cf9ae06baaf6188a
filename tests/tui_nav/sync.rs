//! The view syncs when it starts, writes every save out to the sync folder
//! at once, syncs on its key and when it quits.

use std::path::Path;
use std::process::Command;

use crate::pty::{Tui, small};

/// `roadmap ARGS` on the small roadmap in data folder `home`, reading
/// `config`.
fn roadmap(home: &Path, config: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .env("ROADMAP_HOME", home)
        .env("ROADMAP_CONFIG", config)
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE")
        .arg("--roadmap")
        .arg(small())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_view_syncs_when_it_starts_on_its_key_and_when_it_quits() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let config = root.path().join("config.toml");
    std::fs::write(
        &config,
        format!("[sync]\nfolder = {:?}\n", folder.display().to_string()),
    )
    .unwrap();
    let (a, b) = (root.path().join("a"), root.path().join("b"));
    // Another machine's change is in the folder as soon as it is saved.
    roadmap(&b, &config, &["start", "http"]);
    let mut tui = Tui::start_with_config(&a, &small(), 100, 30, &config);
    tui.wait_for("synced · came in: 1 change");
    // A change saved in the view goes out at once: the other machine
    // sees it with its next sync, this view still open.
    tui.press(" ");
    tui.wait_for("saved · internet → done");
    let mut seen = String::new();
    for _ in 0..100 {
        seen = roadmap(&b, &config, &["sync"]);
        if seen.contains("Came in: 1 change") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(seen.contains("Came in: 1 change"), "{seen}");
    let shown = roadmap(&b, &config, &["show", "internet", "--json"]);
    assert!(shown.contains("\"status\": \"done\""), "{shown}");
    // The key syncs now; quitting syncs once more and leaves.
    roadmap(&b, &config, &["done", "terminal"]);
    tui.press("S");
    tui.wait_for("synced · came in: 1 change");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}
