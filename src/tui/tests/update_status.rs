//! `update`: status changes, undo, saving and its failures, quitting.

use super::{SMALL, app, info, now, run, selected_id, skill};
use crate::model::Status;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{Message, Pane, UNDO_LEVELS};

#[test]
fn space_toggles_done_and_asks_for_a_save() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    assert_eq!(run(&mut a, [Action::ToggleDone]), vec![Effect::Save]);
    assert_eq!(a.status_of(internet), Status::Done);
    assert!(a.is_dirty());
    assert!(info(&a).contains("internet → done"), "{}", info(&a));
    assert!(info(&a).contains("unlocked HTTP"), "{}", info(&a));
    assert_eq!(run(&mut a, [Action::ToggleDone]), vec![Effect::Save]);
    assert_eq!(a.status_of(internet), Status::Todo);
}

#[test]
fn p_s_r_set_doing_skipped_and_todo() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    run(&mut a, [Action::SetStatus(Status::Doing)]);
    assert_eq!(a.status_of(internet), Status::Doing);
    run(&mut a, [Action::SetStatus(Status::Skipped)]);
    assert_eq!(a.status_of(internet), Status::Skipped);
    run(&mut a, [Action::SetStatus(Status::Todo)]);
    assert_eq!(a.status_of(internet), Status::Todo);
    assert!(run(&mut a, [Action::SetStatus(Status::Todo)]).is_empty());
    assert!(info(&a).contains("already todo"));
}

#[test]
fn finishing_a_locked_skill_is_allowed_and_says_so() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Down, Action::ToggleDone]);
    assert!(
        info(&a).contains("before its prerequisites: internet"),
        "{}",
        info(&a)
    );
}

#[test]
fn status_keys_in_the_next_pane_act_on_the_suggestion() {
    let mut a = app(SMALL);
    let top = a.suggestions[0].skill().unwrap();
    run(&mut a, [Action::Left, Action::Left, Action::PrevPane]);
    assert_eq!(a.focus, Pane::Next);
    assert_eq!(a.current_skill(), Some(top));
    run(&mut a, [Action::SetStatus(Status::Doing)]);
    assert_eq!(a.status_of(top), Status::Doing);
}

#[test]
fn undo_takes_back_several_changes_in_order_and_says_what() {
    let mut a = app(SMALL);
    run(
        &mut a,
        [
            Action::ToggleDone,
            Action::Down,
            Action::SetStatus(Status::Doing),
        ],
    );
    run(
        &mut a,
        [
            Action::Left,
            Action::Down,
            Action::Enter,
            Action::ToggleDone,
        ],
    );
    let (internet, http, python) = (
        skill(&a, "internet"),
        skill(&a, "http"),
        skill(&a, "python"),
    );
    assert_eq!(a.status_of(python), Status::Done);
    assert_eq!(run(&mut a, [Action::Undo]), vec![Effect::Save]);
    assert_eq!(a.status_of(python), Status::Todo);
    assert!(
        info(&a).contains("undo: python → todo (was done)"),
        "{}",
        info(&a)
    );
    run(&mut a, [Action::Undo]);
    assert_eq!(a.status_of(http), Status::Todo);
    assert_eq!(selected_id(&a), "http", "undo shows the skill it changed");
    run(&mut a, [Action::Undo]);
    assert_eq!(a.status_of(internet), Status::Todo);
    assert!(run(&mut a, [Action::Undo]).is_empty());
    assert!(info(&a).contains("nothing to undo"));
}

#[test]
fn undo_keeps_a_bounded_history() {
    let mut a = app(SMALL);
    for _ in 0..(UNDO_LEVELS + 20) {
        run(&mut a, [Action::ToggleDone]);
    }
    assert_eq!(a.undo.len(), UNDO_LEVELS);
}

#[test]
fn saved_reports_and_adopts_the_merged_profile() {
    let mut a = app(SMALL);
    run(&mut a, [Action::ToggleDone]);
    let mut merged = a.profile().clone();
    let jwt = skill(&a, "jwt");
    merged.set_status(a.roadmap(), jwt, Status::Doing, now());
    run(&mut a, [Action::Saved(Ok(merged.clone()))]);
    assert!(!a.is_dirty());
    assert_eq!(a.profile(), &merged);
    assert_eq!(a.status_of(jwt), Status::Doing, "derived data recomputed");
    assert!(
        info(&a).starts_with("saved · internet → done"),
        "{}",
        info(&a)
    );
    assert!(info(&a).contains("merged changes made elsewhere"));
}

#[test]
fn a_failed_save_keeps_the_change_and_retries_on_the_next_one() {
    let mut a = app(SMALL);
    run(&mut a, [Action::ToggleDone]);
    run(&mut a, [Action::Saved(Err("permission denied".into()))]);
    assert!(a.is_dirty());
    assert_eq!(a.status_of(skill(&a, "internet")), Status::Done);
    assert!(
        matches!(a.message(), Some(Message::Error(t)) if t.contains("not saved: permission denied") && t.contains("retry"))
    );
    assert_eq!(
        run(&mut a, [Action::Down, Action::ToggleDone]),
        vec![Effect::Save]
    );
    let profile = a.profile().clone();
    run(&mut a, [Action::Saved(Ok(profile))]);
    assert!(!a.is_dirty());
}

#[test]
fn quit_saves_pending_changes_first_and_never_loses_them_silently() {
    let mut a = app(SMALL);
    assert_eq!(run(&mut a, [Action::Quit]), vec![Effect::Quit]);
    run(
        &mut a,
        [Action::ToggleDone, Action::Saved(Err("disk full".into()))],
    );
    assert_eq!(run(&mut a, [Action::Quit]), vec![Effect::Save]);
    assert!(run(&mut a, [Action::Saved(Err("disk full".into()))]).is_empty());
    assert!(info(&a).contains("press q again"), "{}", info(&a));
    assert_eq!(run(&mut a, [Action::Quit]), vec![Effect::Quit]);

    let mut b = app(SMALL);
    run(
        &mut b,
        [Action::ToggleDone, Action::Saved(Err("disk full".into()))],
    );
    assert_eq!(run(&mut b, [Action::Quit]), vec![Effect::Save]);
    let p = b.profile().clone();
    assert_eq!(run(&mut b, [Action::Saved(Ok(p))]), vec![Effect::Quit]);
}

#[test]
fn a_profile_saved_elsewhere_is_merged_in_and_ours_is_kept() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    let terminal = skill(&a, "terminal");
    run(&mut a, [Action::ToggleDone]);
    // Another instance marked terminal done (and knows nothing of ours).
    let mut theirs = crate::model::Profile::default();
    theirs.set_status(a.roadmap(), terminal, Status::Done, now());
    assert!(
        run(&mut a, [Action::Reloaded(theirs)]).is_empty(),
        "no save needed"
    );
    assert_eq!(a.status_of(terminal), Status::Done);
    assert_eq!(a.status_of(internet), Status::Done, "our change is kept");
    assert!(info(&a).contains("another roadmap window"), "{}", info(&a));
    // Reloading what we already have says nothing.
    let same = a.profile().clone();
    run(&mut a, [Action::Down]);
    run(&mut a, [Action::Reloaded(same)]);
    assert!(!info(&a).contains("another roadmap window"));
}

#[test]
fn a_signal_saves_unsaved_changes_then_quits_even_if_the_save_fails() {
    let mut a = app(SMALL);
    assert_eq!(
        run(&mut a, [Action::Terminate]),
        vec![Effect::Quit],
        "nothing unsaved: quit at once"
    );
    let mut a = app(SMALL);
    run(&mut a, [Action::ToggleDone]);
    a.update(Action::Saved(Err("disk full".into())), now());
    assert!(a.is_dirty());
    assert_eq!(run(&mut a, [Action::Terminate]), vec![Effect::Save]);
    assert_eq!(
        a.update(Action::Saved(Err("disk full".into())), now()),
        vec![Effect::Quit]
    );
    let mut a = app(SMALL);
    run(&mut a, [Action::ToggleDone]);
    a.update(Action::Saved(Err("disk full".into())), now());
    run(&mut a, [Action::Terminate]);
    let saved = a.profile().clone();
    assert_eq!(
        a.update(Action::Saved(Ok(saved)), now()),
        vec![Effect::Quit]
    );
    assert!(!a.is_dirty());
}
