//! What a newcomer trips over in the first hour (issue 18): keys behind
//! "Enlarge the terminal", Esc after a message.

use super::{SMALL, app, info, now, run};
use crate::model::Status;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Pane;
use crate::tui::keymap::KeyMode;

#[test]
fn behind_enlarge_the_terminal_only_quit_does_anything() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Resize(60, 20)]);
    assert!(a.too_small());
    let profile = a.profile().clone();
    let (focus, skill) = (a.focus, a.selected_skill());
    for action in [
        Action::Down,
        Action::ToggleDone,
        Action::SetStatus(Status::Doing),
        Action::SetStatus(Status::Skipped),
        Action::Undo,
        Action::Enter,
        Action::JumpNext,
        Action::OpenSearch,
        Action::ToggleHelp,
        Action::OpenStats,
        Action::OpenSwitcher,
        Action::EditNote,
        Action::NextFilter,
        Action::Close,
        Action::Click { column: 40, row: 5 },
    ] {
        let name = action.name();
        assert!(a.update(action, now()).is_empty(), "{name} had an effect");
    }
    assert_eq!(a.profile(), &profile, "a status changed unseen");
    assert!(!a.is_dirty());
    assert_eq!((a.focus, a.selected_skill()), (focus, skill));
    assert_eq!(a.key_mode(), KeyMode::Main);
    assert!(info(&a).contains("q quits"), "{}", info(&a));
    // Back to a usable size: the note about keys is gone, nothing moved.
    run(&mut a, [Action::Resize(80, 24)]);
    assert!(!a.too_small());
    assert!(a.message().is_none());
    assert_eq!(a.selected_skill(), skill);
    run(&mut a, [Action::Resize(79, 24)]);
    assert_eq!(run(&mut a, [Action::Quit]), vec![Effect::Quit], "q quits");
}

#[test]
fn quitting_behind_enlarge_the_terminal_still_saves_first() {
    let mut a = app(SMALL);
    run(&mut a, [Action::ToggleDone]);
    run(&mut a, [Action::Resize(60, 20)]);
    assert_eq!(run(&mut a, [Action::Quit]), vec![Effect::Save]);
    let saved = a.profile().clone();
    assert_eq!(run(&mut a, [Action::Saved(Ok(saved))]), vec![Effect::Quit]);
}

#[test]
fn esc_steps_back_at_once_after_a_change_and_the_message_clears_on_the_next_key() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    run(&mut a, [Action::ToggleDone]);
    let saved = a.profile().clone();
    run(&mut a, [Action::Saved(Ok(saved))]);
    assert!(info(&a).starts_with("saved"), "{}", info(&a));
    run(&mut a, [Action::Close]);
    assert_eq!(a.focus, Pane::Skills, "the first Esc steps back");
    assert!(a.message().is_none(), "and the message is gone");
    // Any other key clears a message too.
    a.info("something happened");
    run(&mut a, [Action::Down]);
    assert!(a.message().is_none());
}
