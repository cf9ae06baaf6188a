//! `update`: what a save hands the store (the changes not yet saved, to be
//! applied and stamped under its lock) and what it takes back.

use super::{SMALL, app, info, now, run, skill};
use crate::model::{SetStatus, Status};
use crate::tui::action::Action;

#[test]
fn changes_and_undos_are_handed_to_the_store_until_a_save_takes_them() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    let http = skill(&a, "http");
    run(&mut a, [Action::ToggleDone]);
    run(&mut a, [Action::Saved(Err("disk full".into()))]);
    run(
        &mut a,
        [Action::Down, Action::SetStatus(Status::Doing), Action::Undo],
    );
    let set = |skill, status| SetStatus { skill, status };
    assert_eq!(
        a.unsaved(),
        [
            set(internet, Status::Done),
            set(http, Status::Doing),
            set(http, Status::Todo),
        ],
        "a failed save keeps them, in order"
    );
    let saved = a.profile().clone();
    run(&mut a, [Action::Saved(Ok(saved))]);
    assert!(a.unsaved().is_empty());
    assert!(!a.is_dirty());
}

#[test]
fn the_stores_own_stamps_are_not_news_but_another_status_is() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    run(&mut a, [Action::ToggleDone]);
    // The store stamped the change later than the key press.
    let mut saved = crate::model::Profile::default();
    saved.set_status(
        a.roadmap(),
        internet,
        Status::Done,
        now() + chrono::Duration::seconds(3),
    );
    run(&mut a, [Action::Saved(Ok(saved.clone()))]);
    assert_eq!(a.profile(), &saved, "the saved profile is adopted");
    assert!(!info(&a).contains("elsewhere"), "{}", info(&a));
}
