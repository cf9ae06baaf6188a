//! Notes as activity in the stats view, and the goal in the stats view
//! and the header at the same (journal's) pace.

use chrono::Duration;

use super::{TUI, app_with, now, run, screen, skill};
use crate::model::{NoteEdit, Status};
use crate::tui::action::Action;
use crate::tui::app::App;

/// The goal date every test here sets.
fn with_goal(mut a: App) -> App {
    let mut p = a.profile().clone();
    p.set_goal(
        &a.roadmap().id,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
        now(),
    );
    a.update(Action::Reloaded(p), now());
    a
}

#[test]
fn the_header_and_the_stats_view_say_the_same_about_the_goal() {
    // Done 20 days ago, started 22 days ago: three weeks of history, 4 h
    // finished in them.
    let mut a = with_goal(app_with(TUI, &[("internet", Status::Done, 20)]));
    a.update(Action::Resize(160, 40), now());
    let top = screen(&a, 160, 40).lines().next().unwrap().to_string();
    assert!(
        top.contains("goal 2025-12-31 · 6.3 h a week · behind"),
        "{top}"
    );
    run(&mut a, [Action::OpenStats]);
    let text = screen(&a, 160, 40);
    // The line wraps after "behind at"; the pace follows on the next.
    assert!(
        text.contains(
            "Goal       by 2025-12-31 · needs 6.3 h a week (273 h in 306 days) · behind at"
        ),
        "{text}"
    );
    assert!(
        text.contains("Pace       1.2 h a week over the 23 days so far (4 h)"),
        "{text}"
    );
}

#[test]
fn a_saved_note_counts_in_the_stats_at_once() {
    let mut a = app_with(TUI, &[("internet", Status::Done, 3)]);
    run(&mut a, [Action::OpenStats]);
    assert_eq!(a.stats().unwrap().events, 2);
    run(&mut a, [Action::Close]);
    let http = skill(&a, "http");
    let mut disk = a.profile().clone();
    let outcome = disk.edit_note(
        a.roadmap(),
        http,
        &NoteEdit::Append("read the RFC".to_string()),
        now() - Duration::minutes(1),
    );
    a.update(
        Action::NoteSaved {
            skill: http,
            result: Ok((disk, outcome)),
        },
        now(),
    );
    run(&mut a, [Action::OpenStats]);
    let s = a.stats().unwrap();
    assert_eq!((s.events, s.notes), (3, 1));
    assert!(s.streaks.today, "the note was written today");
    let text = screen(&a, 120, 40);
    assert!(text.contains("2 changes and 1 note in all"), "{text}");
    assert!(text.contains("7+ events a day"), "{text}");
}

#[test]
fn stats_with_notes_and_a_goal_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = super::stats::journal_app();
        let mut p = a.profile().clone();
        for (id, days) in [("http", 20), ("dns", 0)] {
            let i = skill(&a, id);
            let text = format!("notes on {id}");
            p.edit_note(
                a.roadmap(),
                i,
                &NoteEdit::Append(text),
                now() - Duration::days(days),
            );
        }
        a.update(Action::Reloaded(p), now());
        let mut a = with_goal(a);
        a.update(Action::Resize(w, h), now());
        run(&mut a, [Action::OpenStats]);
        insta::assert_snapshot!(
            format!("stats_notes_goal_{w}x{h}"),
            super::draw(&a, w, h).backend()
        );
    }
}

#[test]
fn notes_saved_elsewhere_start_the_history_the_header_paces_over() {
    // Done 3 days ago: a week of history, too early to tell.
    let mut a = with_goal(app_with(TUI, &[("internet", Status::Done, 3)]));
    a.update(Action::Resize(160, 40), now());
    let top = |a: &App| screen(a, 160, 40).lines().next().unwrap().to_string();
    assert!(top(&a).contains("· too early to tell"), "{}", top(&a));
    // Saving a note brings back another window's note of three weeks ago.
    let mut disk = a.profile().clone();
    let dns = skill(&a, "dns");
    disk.edit_note(
        a.roadmap(),
        dns,
        &NoteEdit::Append("from the laptop".to_string()),
        now() - Duration::days(20),
    );
    let http = skill(&a, "http");
    let outcome = disk.edit_note(
        a.roadmap(),
        http,
        &NoteEdit::Append("read the RFC".to_string()),
        now(),
    );
    a.update(
        Action::NoteSaved {
            skill: http,
            result: Ok((disk, outcome)),
        },
        now(),
    );
    assert!(top(&a).contains("6.3 h a week · behind"), "{}", top(&a));
}
