//! The review session and logging time in a pseudo-terminal: the header
//! counts the review due, `R` opens the session, `3` grades it and the
//! grade reaches the profile file through the store; `T` logs time the
//! same way.

use chrono::{Duration, SecondsFormat, Utc};

use crate::pty::{Tui, small};

#[test]
fn a_grade_and_logged_time_reach_the_profile_file() {
    let home = tempfile::tempdir().unwrap();
    // internet was done ten days ago: its first review is due.
    let done = (Utc::now() - Duration::days(10)).to_rfc3339_opts(SecondsFormat::Secs, true);
    std::fs::write(
        home.path().join("default.json"),
        format!(
            r#"{{"version":1,"roadmaps":{{"small":{{"skills":{{"internet":{{"status":"done","changed":"{done}","done_at":"{done}","history":[{{"at":"{done}","status":"done"}}]}}}}}}}}}}"#
        ),
    )
    .unwrap();
    let mut tui = Tui::start(home.path(), &small(), 100, 30);
    tui.wait_for("1 review due (R)");
    tui.press("R");
    let screen = tui.wait_for("Review · 1 of 1");
    assert!(screen.contains("How the internet works"), "{screen}");
    assert!(screen.contains("1 again"), "{screen}");
    tui.press("3");
    tui.wait_for("saved · internet: good · next review");
    let saved = std::fs::read_to_string(home.path().join("default.json")).unwrap();
    assert!(saved.contains(r#""grade":"good""#), "{saved}");
    tui.press("q");
    tui.wait_until("the session closed", |s| !s.contains("Review · "));
    assert!(!tui.screen().contains("review due"), "{}", tui.screen());
    // Time on the selected skill (internet).
    tui.press("T");
    tui.wait_for("Time spent on How the internet works");
    tui.press("1h30m\r");
    tui.wait_for("saved · logged 1 h 30 min on internet");
    let saved = std::fs::read_to_string(home.path().join("default.json")).unwrap();
    assert!(saved.contains(r#""minutes":90"#), "{saved}");
    tui.press("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}
