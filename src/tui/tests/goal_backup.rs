//! Setting the goal from the view (`D`), and restoring the backup of a
//! damaged profile (issue 18, items 23 and 19).

use chrono::NaiveDate;
use insta::assert_snapshot;

use super::{SMALL, TUI, app, draw, info, now, run};
use crate::model::Profile;
use crate::store::backup::Backup;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Mode};
use crate::tui::keymap::KeyMode;

fn typed(a: &mut App, text: &str) {
    run(a, text.chars().map(Action::SearchInput));
}

fn prompt_error(a: &App) -> Option<String> {
    match &a.mode {
        Mode::Goal(p) => p.error.clone(),
        _ => None,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn d_opens_the_goal_prompt_through_the_keymap() {
    let key = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('D'),
        ratatui::crossterm::event::KeyModifiers::SHIFT,
    );
    assert_eq!(
        crate::tui::keymap::key_action(KeyMode::Main, key),
        Some(Action::OpenGoal)
    );
    let mut a = app(SMALL);
    run(&mut a, [Action::OpenGoal]);
    assert_eq!(a.key_mode(), KeyMode::Goal);
    // In the prompt, letters are text.
    let q = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('q'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(
        crate::tui::keymap::key_action(KeyMode::Goal, q),
        Some(Action::SearchInput('q'))
    );
}

#[test]
fn a_date_is_checked_before_it_is_saved_through_the_store() {
    let mut a = app(SMALL);
    run(&mut a, [Action::OpenGoal]);
    typed(&mut a, "2026-02-30");
    assert!(run(&mut a, [Action::Enter]).is_empty());
    let error = prompt_error(&a).unwrap();
    assert!(
        error.contains("is not a date: write it as YYYY-MM-DD"),
        "{error}"
    );
    run(&mut a, [Action::SearchClear]);
    typed(&mut a, "2026-06-30");
    assert_eq!(
        run(&mut a, [Action::Enter]),
        vec![Effect::SaveGoal(Some(date(2026, 6, 30)))]
    );
    assert!(matches!(a.mode, Mode::Main));
    assert!(
        info(&a).starts_with("saving · goal: finish by 2026-06-30"),
        "{}",
        info(&a)
    );
    // The store's answer: the goal is taken, the header shows it.
    let mut saved = a.profile().clone();
    saved.set_goal("small", Some(date(2026, 6, 30)), now());
    run(
        &mut a,
        [Action::GoalSaved(Ok(saved)), Action::Resize(160, 40)],
    );
    assert_eq!(a.goal_date(), Some(date(2026, 6, 30)));
    assert!(
        info(&a).starts_with("saved · goal 2026-06-30 · "),
        "{}",
        info(&a)
    );
    let top = super::screen(&a, 160, 40)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(top.contains("goal 2026-06-30"), "{top}");
}

#[test]
fn a_past_date_is_kept_with_a_warning_and_an_empty_one_clears_the_goal() {
    let mut a = app(SMALL);
    run(&mut a, [Action::OpenGoal]);
    typed(&mut a, "2025-01-31");
    assert_eq!(
        run(&mut a, [Action::Enter]),
        vec![Effect::SaveGoal(Some(date(2025, 1, 31)))]
    );
    assert!(
        info(&a).ends_with("2025-01-31 · that date has already passed"),
        "{}",
        info(&a)
    );
    let mut saved = a.profile().clone();
    saved.set_goal("small", Some(date(2025, 1, 31)), now());
    run(&mut a, [Action::GoalSaved(Ok(saved.clone()))]);
    assert_eq!(
        info(&a),
        "saved · goal 2025-01-31 · that date has already passed (overdue)"
    );
    // The prompt holds the goal set now; emptied, it clears it.
    run(&mut a, [Action::OpenGoal]);
    let Mode::Goal(p) = &a.mode else { panic!() };
    assert_eq!(p.text, "2025-01-31");
    run(&mut a, [Action::SearchClear]);
    assert_eq!(run(&mut a, [Action::Enter]), vec![Effect::SaveGoal(None)]);
    saved.set_goal("small", None, now());
    run(&mut a, [Action::GoalSaved(Ok(saved))]);
    assert_eq!(a.goal_date(), None);
    assert_eq!(info(&a), "saved · the goal is cleared");
    // Nothing to clear, nothing saved; Esc leaves things as they are.
    run(&mut a, [Action::OpenGoal]);
    assert!(run(&mut a, [Action::Enter]).is_empty());
    assert!(info(&a).contains("nothing to clear"));
    run(&mut a, [Action::OpenGoal]);
    typed(&mut a, "2030-01-01");
    assert!(run(&mut a, [Action::Close]).is_empty());
    assert!(matches!(a.mode, Mode::Main));
}

#[test]
fn a_failed_goal_save_says_so() {
    let mut a = app(SMALL);
    run(
        &mut a,
        [Action::GoalSaved(Err("the disk is full".to_string()))],
    );
    assert_eq!(info(&a), "goal not saved: the disk is full");
    assert_eq!(a.goal_date(), None);
}

#[test]
fn the_goal_prompt_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(TUI);
        a.update(Action::Resize(w, h), now());
        run(&mut a, [Action::OpenGoal]);
        typed(&mut a, "2026-13-01");
        run(&mut a, [Action::Enter]);
        assert_snapshot!(format!("goal_prompt_{w}x{h}"), draw(&a, w, h).backend());
    }
}

fn damaged(backup: Backup) -> App {
    App::unreadable(
        super::roadmap(TUI),
        "default",
        "profile /home/me/.local/share/roadmap/default.json is damaged (it ends in the middle of an object, at line 1 column 25); it was left untouched",
        now(),
    )
    .with_backup(backup)
}

#[test]
fn a_readable_backup_is_offered_and_restored() {
    let readable = Backup::Readable {
        saved: Some(now()),
        skills: 12,
    };
    let mut a = damaged(readable);
    assert_eq!(
        run(&mut a, [Action::RestoreBackup]),
        vec![Effect::RestoreBackup]
    );
    run(
        &mut a,
        [Action::Restored(Err("the folder is read-only".to_string()))],
    );
    let shown = super::screen(&a, 100, 30);
    assert!(
        shown.contains("could not restore the backup: the folder is"),
        "{shown}"
    );
    let mut p = Profile::default();
    let r = super::roadmap(TUI);
    p.set_status(&r, 0, crate::model::Status::Done, now());
    run(
        &mut a,
        [Action::Restored(Ok((
            p,
            "/home/me/default.corrupt-X".to_string(),
        )))],
    );
    assert!(matches!(a.mode, Mode::Main));
    assert_eq!(a.status_of(0), crate::model::Status::Done);
    assert_eq!(
        info(&a),
        "restored the backup; the damaged file is kept as default.corrupt-X"
    );
}

#[test]
fn without_a_usable_backup_restore_is_not_offered() {
    for backup in [
        Backup::Missing,
        Backup::Unusable("it is damaged too".to_string()),
    ] {
        let mut a = damaged(backup);
        let shown = super::screen(&a, 100, 30);
        assert!(!shown.contains("restore the backup"), "{shown}");
        assert!(!shown.contains("r restore"), "{shown}");
        assert!(run(&mut a, [Action::RestoreBackup]).is_empty());
        assert!(matches!(a.mode, Mode::Unreadable { .. }));
        assert_eq!(run(&mut a, [Action::MoveAside]), vec![Effect::MoveAside]);
    }
    let shown = super::screen(&damaged(Backup::Missing), 100, 30);
    assert!(
        shown.contains("There is no backup (default.json.bak) to restore."),
        "{shown}"
    );
}

#[test]
fn the_damaged_profile_popup_with_a_backup_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = damaged(Backup::Readable {
            saved: Some(now()),
            skills: 12,
        });
        a.update(Action::Resize(w, h), now());
        assert_snapshot!(
            format!("unreadable_backup_{w}x{h}"),
            draw(&a, w, h).backend()
        );
    }
}
