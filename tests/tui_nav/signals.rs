//! A signal at any moment, even while a large roadmap loads, leaves the
//! terminal as it was.

use crate::pty::Tui;

/// Skills in the synthetic roadmap: large enough that loading it takes a
/// good part of a second, so the signal arrives while it loads.
const LARGE: usize = 60_000;

#[cfg(unix)]
#[test]
fn a_signal_while_a_large_roadmap_loads_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let roadmap = dir.path().join("large.json");
    std::fs::write(&roadmap, roadmap::synth::roadmap_json(LARGE)).unwrap();
    for signal in ["TERM", "HUP", "INT"] {
        let home = tempfile::tempdir().unwrap();
        let mut tui = Tui::start(home.path(), &roadmap, 100, 30);
        // The terminal is in raw mode on the alternate screen from the
        // moment this shows.
        tui.wait_for("loading");
        tui.signal(signal);
        let code = tui.wait_exit();
        tui.assert_restored();
        assert_eq!(code, 0, "SIG{signal}: a clean exit, not a kill");
        assert!(
            !home.path().join("default.json").exists(),
            "SIG{signal}: nothing to save, nothing written"
        );
    }
}
