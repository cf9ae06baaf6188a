//! What a newcomer trips over in the first hour (issue 18): keys behind
//! "Enlarge the terminal", Esc after a message.

use super::{SMALL, app, info, now, run};
use crate::model::{Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Pane};
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
    assert_eq!(info(&a), "no other key works until the terminal is larger");
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

/// The header at `w` columns with a goal set.
fn header_with_goal(w: u16) -> String {
    let mut a = app(SMALL);
    let mut p = a.profile().clone();
    p.set_goal(
        &a.roadmap().id,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
        now(),
    );
    run(&mut a, [Action::Reloaded(p), Action::Resize(w, 30)]);
    super::screen(&a, w, 30).lines().next().unwrap().to_string()
}

#[test]
fn the_header_keeps_the_roadmap_and_profile_whole_and_the_goal_gives_way() {
    for w in [80, 90, 100, 120, 160, 200] {
        let top = header_with_goal(w);
        assert!(
            top.starts_with(" Small Test Roadmap · profile default "),
            "{w}: {top}"
        );
        assert!(top.contains("0 of 8"), "{w}: {top}");
    }
    // The goal's words shorten (or go) before anything on the left is cut.
    assert!(
        header_with_goal(100).contains("goal"),
        "{}",
        header_with_goal(100)
    );
    assert!(
        header_with_goal(200).contains("goal 2025-12-31 · "),
        "{}",
        header_with_goal(200)
    );
}

#[test]
fn a_long_roadmap_title_is_cut_but_the_profile_keeps_its_name() {
    let json = SMALL.replace(
        "\"Small Test Roadmap\"",
        "\"A Very Long Roadmap Title That Goes On And On Beyond Any Header\"",
    );
    let a = App::new(super::roadmap(&json), Profile::default(), "work", now()).with_size(80, 24);
    let top = super::screen(&a, 80, 24)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(top.contains("… · profile work"), "{top}");
}

/// Selects `id` in the skills pane and applies `action` to it; returns
/// the message.
fn on(a: &mut App, id: &str, action: Action) -> String {
    let s = super::skill(a, id);
    a.jump_to(s);
    run(a, [action]);
    info(a)
}

#[test]
fn reset_says_what_became_locked_again_and_redoing_counts_only_real_changes() {
    let mut a = app(SMALL);
    let text = on(&mut a, "internet", Action::ToggleDone);
    assert!(text.ends_with("internet → done · unlocked HTTP"), "{text}");
    let text = on(&mut a, "internet", Action::SetStatus(Status::Todo));
    assert!(
        text.ends_with("internet → todo · locked again: HTTP"),
        "{text}"
    );
    // HTTP done: undoing and redoing internet changes nothing HTTP shows.
    on(&mut a, "internet", Action::ToggleDone);
    on(&mut a, "http", Action::ToggleDone);
    let text = on(&mut a, "internet", Action::SetStatus(Status::Todo));
    assert!(!text.contains("locked again"), "{text}");
    let text = on(&mut a, "internet", Action::ToggleDone);
    assert!(!text.contains("unlocked"), "{text}");
    // Several at once are counted; a stage that is no longer finished
    // says so.
    let text = on(&mut a, "terminal", Action::ToggleDone);
    assert!(text.contains("unlocked 3 skills"), "{text}");
    on(&mut a, "trivia", Action::SetStatus(Status::Skipped));
    let text = on(&mut a, "terminal", Action::SetStatus(Status::Todo));
    assert!(text.contains("locked again: 3 skills"), "{text}");
    assert!(text.contains("stage Basics reopened"), "{text}");
}

#[test]
fn a_second_option_of_a_made_choice_says_it_adds_nothing() {
    let mut a = app(SMALL);
    on(&mut a, "terminal", Action::ToggleDone);
    let text = on(&mut a, "python", Action::ToggleDone);
    assert!(!text.contains("already made"), "{text}");
    let before = a.eval().overall;
    let text = on(&mut a, "go", Action::ToggleDone);
    assert!(
        text.ends_with("go → done · an extra option: it adds nothing to progress"),
        "{text}"
    );
    assert_eq!(a.eval().overall.finished(), before.finished());
}

/// The footer's key line with the focus on `pane`, at 80×24.
fn footer(pane: Pane) -> String {
    let mut a = app(SMALL).with_size(80, 24);
    a.focus = pane;
    super::screen(&a, 80, 24)
        .lines()
        .nth(22)
        .unwrap()
        .to_string()
}

#[test]
fn at_80_columns_the_footer_offers_what_the_focused_pane_needs() {
    let skills = footer(Pane::Skills);
    for hint in [
        "␣ done", "p doing", "s skip", "e note", "f filter", "u undo",
    ] {
        assert!(skills.contains(hint), "{hint:?} in {skills:?}");
    }
    let details = footer(Pane::Details);
    for hint in ["o open", "y copy", "e note", "[ back", "] fwd"] {
        assert!(details.contains(hint), "{hint:?} in {details:?}");
    }
    let stages = footer(Pane::Stages);
    for hint in ["f filter", "/ search", "a stats", "m roadmaps"] {
        assert!(stages.contains(hint), "{hint:?} in {stages:?}");
    }
    let next = footer(Pane::Next);
    for hint in ["␣ done", "n next", "[ back", "] fwd"] {
        assert!(next.contains(hint), "{hint:?} in {next:?}");
    }
    for line in [skills, details, stages, next] {
        assert!(line.ends_with("? help  q quit"), "{line:?}");
    }
}

#[test]
fn back_never_shows_without_forward() {
    for w in 80..=200 {
        for pane in Pane::ORDER {
            let mut a = app(SMALL).with_size(w, 30);
            a.focus = pane;
            let line = super::screen(&a, w, 30)
                .lines()
                .nth(28)
                .unwrap()
                .to_string();
            assert_eq!(
                line.contains("[ back"),
                line.contains("] fwd"),
                "{w}: {line}"
            );
        }
    }
}

#[test]
fn the_details_keep_their_place_when_the_terminal_is_resized() {
    let mut a = super::app(super::TUI);
    run(&mut a, [Action::Resize(120, 40)]);
    a.jump_to(super::skill(&a, "http"));
    // The last link, at the bottom of the details.
    run(&mut a, [Action::Enter, Action::Last]);
    let link = a.visible_link().unwrap();
    for (w, h) in [(110, 36), (100, 30), (80, 24), (200, 60), (80, 24)] {
        run(&mut a, [Action::Resize(w, h)]);
        assert_eq!(
            a.visible_link(),
            Some(link),
            "{w}x{h}: the link went off screen"
        );
    }
    // Scrolled text without a link in view keeps its place too.
    run(&mut a, [Action::First, Action::Down]);
    a.detail.scroll = 6;
    a.detail.cursor = 0;
    let top = |a: &App| {
        let shown = a.shown().unwrap();
        let cells =
            crate::tui::view::layout::text_area(crate::tui::view::layout::inner(a.areas().details))
                .width;
        crate::tui::view::details::lines(a, shown, cells)[a.detail.scroll]
            .line
            .to_string()
    };
    let before = top(&a);
    run(&mut a, [Action::Resize(60, 20), Action::Resize(80, 24)]);
    assert_eq!(top(&a), before, "back to the same size, the same place");
    run(&mut a, [Action::Resize(90, 28)]);
    assert!(a.detail.scroll > 0, "not back at the top");
}
