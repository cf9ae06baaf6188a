//! Sync in the view: the key, starting and quitting, what a finished sync
//! does to the view; every effect runs off the key thread.

use super::{SMALL, app, now};
use crate::model::{Profile, Status};
use crate::store::sync::Target;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Message, SyncNews};

fn synced(line: &str, profile: Option<Profile>) -> Action {
    Action::Synced {
        full: true,
        result: Ok(SyncNews {
            line: line.to_string(),
            profile,
        }),
    }
}

fn with_sync() -> App {
    app(SMALL).with_sync(Some(Target::Folder("/tmp/nowhere".into())))
}

fn message(app: &App) -> String {
    match app.message() {
        Some(Message::Info(t) | Message::Error(t)) => t.clone(),
        None => String::new(),
    }
}

#[test]
fn the_key_says_how_to_set_sync_up_when_it_is_not() {
    let mut a = app(SMALL);
    assert!(a.update(Action::SyncNow, now()).is_empty());
    assert!(message(&a).contains("[sync] folder"), "{}", message(&a));
    // Quitting does not wait for a sync that is not set up.
    assert_eq!(a.update(Action::Quit, now()), vec![Effect::Quit]);
}

#[test]
fn one_sync_at_a_time_and_one_more_if_asked_meanwhile() {
    let mut a = with_sync();
    assert_eq!(a.update(Action::SyncNow, now()), vec![Effect::Sync]);
    assert!(a.sync_state().running);
    assert!(a.update(Action::SyncNow, now()).is_empty());
    assert_eq!(
        a.update(synced("came in: 1 change", None), now()),
        vec![Effect::Sync],
        "the second sync runs when the first is done"
    );
    assert!(
        a.update(synced("nothing new came in", None), now())
            .is_empty()
    );
    assert!(!a.sync_state().running);
    assert_eq!(message(&a), "synced · nothing new came in");
}

#[test]
fn what_came_in_shows_at_once() {
    let mut a = with_sync();
    a.update(Action::SyncNow, now());
    let mut theirs = Profile::default();
    let r = a.roadmap().clone();
    theirs.set_status(&r, r.skill_index("http").unwrap(), Status::Done, now());
    a.update(synced("came in: 1 change", Some(theirs)), now());
    assert_eq!(a.status_of(r.skill_index("http").unwrap()), Status::Done);
    assert!(message(&a).starts_with("synced · came in: 1 change"));
}

#[test]
fn quitting_syncs_first_and_a_second_quit_does_not_wait() {
    let mut a = with_sync();
    assert_eq!(a.update(Action::Quit, now()), vec![Effect::Sync]);
    assert!(
        message(&a).contains("syncing before quitting"),
        "{}",
        message(&a)
    );
    assert_eq!(
        a.update(synced("nothing new came in", None), now()),
        vec![Effect::Quit]
    );

    let mut b = with_sync();
    b.update(Action::Quit, now());
    assert_eq!(b.update(Action::Quit, now()), vec![Effect::Quit]);

    // With a change not saved yet: save, then sync, then quit.
    let mut c = with_sync();
    c.update(Action::ToggleDone, now());
    assert_eq!(c.update(Action::Quit, now()), vec![Effect::Save]);
    let saved = c.profile().clone();
    assert_eq!(
        c.update(Action::Saved(Ok(saved)), now()),
        vec![Effect::Sync]
    );
    assert_eq!(
        c.update(synced("went out: 1 change", None), now()),
        vec![Effect::Quit]
    );

    // A signal quits after the save, without syncing.
    let mut d = with_sync();
    d.update(Action::ToggleDone, now());
    assert_eq!(d.update(Action::Terminate, now()), vec![Effect::Save]);
    let saved = d.profile().clone();
    assert_eq!(
        d.update(Action::Saved(Ok(saved)), now()),
        vec![Effect::Quit]
    );
}

#[test]
fn quitting_while_a_sync_runs_waits_for_one_more() {
    let mut a = with_sync();
    a.update(Action::SyncNow, now());
    assert!(a.update(Action::Quit, now()).is_empty());
    assert_eq!(
        a.update(synced("came in: 1 change", None), now()),
        vec![Effect::Sync]
    );
    assert_eq!(
        a.update(synced("went out: 1 change", None), now()),
        vec![Effect::Quit]
    );
}

#[test]
fn a_failed_sync_or_write_out_says_so_and_nothing_is_lost() {
    let mut a = with_sync();
    a.update(Action::SyncNow, now());
    let e = a.update(
        Action::Synced {
            full: true,
            result: Err(
                "not synced: your changes are safe here and go out on the next sync (offline)"
                    .into(),
            ),
        },
        now(),
    );
    assert!(e.is_empty());
    assert!(matches!(a.message(), Some(Message::Error(t)) if t.contains("safe here")));
    a.update(Action::ToggleDone, now());
    a.update(
        Action::Synced {
            full: false,
            result: Err("the sync folder is gone".into()),
        },
        now(),
    );
    assert!(
        message(&a).contains("not yet in the sync folder"),
        "{}",
        message(&a)
    );
    assert!(!a.sync_state().running);
}
