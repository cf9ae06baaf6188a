//! Keys rebound in a config file drive the real app.

use crate::pty::{Tui, small};

#[test]
fn a_key_rebound_in_the_config_file_does_the_action() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        "[keys.main]\ntoggle-done = \"d\"\nquit = \"x\"\n[keys.help]\nclose = \"x\"\n",
    )
    .unwrap();
    let mut tui = Tui::start_with_config(home.path(), &small(), 100, 30, &config);
    // The footer shows the keys bound.
    tui.wait_for(" d done ");
    tui.wait_for(" x quit ");
    tui.press("d");
    tui.wait_for("saved · internet → done");
    // Space no longer toggles; q no longer quits.
    tui.press(" q");
    tui.press("?");
    tui.wait_for("x closes");
    tui.press("x");
    tui.wait_until("the help closed", |s| !s.contains("x closes"));
    assert!(tui.is_running());
    tui.press("x");
    assert_eq!(tui.wait_exit(), 0);
    let profile: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(home.path().join("default.json")).unwrap())
            .unwrap();
    let skills = &profile["roadmaps"]["small"]["skills"];
    assert_eq!(skills["internet"]["status"], "done");
}

#[test]
fn a_broken_config_file_keeps_the_terminal_untouched() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[keys.main]\nquit = \"hyper-q\"\n").unwrap();
    let mut tui = Tui::start_with_config(home.path(), &small(), 100, 30, &config);
    assert_eq!(tui.wait_exit(), 1);
    let screen = tui.screen();
    assert!(screen.contains("config.toml:2:8"), "{screen}");
    assert!(screen.contains("\"hyper-q\" is not a key"), "{screen}");
    tui.assert_restored();
}
