//! Feedback on counting: finishing a stage or the roadmap says so, skipping
//! an option says it declined it, the header and stages pane show hours
//! left and a percentage that moves from the first tick.

use super::{SMALL, TUI, app, app_with, info, run, screen, skill};
use crate::model::Status;
use crate::tui::action::Action;

#[test]
fn finishing_the_last_skill_of_a_stage_says_the_stage_is_finished() {
    let mut a = app_with(
        SMALL,
        &[("internet", Status::Done, 1), ("http", Status::Done, 1)],
    );
    let terminal = skill(&a, "terminal");
    a.jump_to(terminal);
    run(&mut a, [Action::ToggleDone]);
    assert!(info(&a).contains("stage Basics finished ✓"), "{}", info(&a));
    // Taking it back and doing another skill does not repeat it.
    run(&mut a, [Action::ToggleDone]);
    assert!(!info(&a).contains("finished"), "{}", info(&a));
}

#[test]
fn finishing_the_last_counted_skill_says_the_roadmap_is_finished() {
    let done: Vec<(&str, Status, i64)> = [
        "internet",
        "http",
        "terminal",
        "go",
        "language-deep",
        "rest",
        "auth",
    ]
    .iter()
    .map(|id| (*id, Status::Done, 1))
    .collect();
    let mut a = app_with(SMALL, &done);
    let jwt = skill(&a, "jwt");
    a.jump_to(jwt);
    run(&mut a, [Action::ToggleDone]);
    assert!(info(&a).contains("roadmap finished ✓"), "{}", info(&a));
}

#[test]
fn skipping_an_option_says_it_is_declined_and_unlocks_nothing() {
    let mut a = app_with(SMALL, &[("terminal", Status::Done, 1)]);
    let java = skill(&a, "java");
    let deep = skill(&a, "language-deep");
    a.jump_to(java);
    run(&mut a, [Action::SetStatus(Status::Skipped)]);
    assert!(
        info(&a).contains("java → skipped (declined, not picked)"),
        "{}",
        info(&a)
    );
    assert!(!a.eval().unlocked[deep]);
    assert_eq!(a.eval().overall.total(), 8, "the total does not move");
    // Marking another option done picks it.
    let python = skill(&a, "python");
    a.jump_to(python);
    run(&mut a, [Action::ToggleDone]);
    assert!(a.eval().unlocked[deep]);
    assert!(info(&a).contains("unlocked"), "{}", info(&a));
    assert_eq!(a.eval().overall.total(), 8);
}

#[test]
fn the_header_moves_from_the_first_tick_and_shows_hours_left() {
    let a = app(TUI);
    let top = screen(&a, 120, 40);
    let header = top.lines().next().unwrap();
    assert!(
        header.contains("0 of 20 skills · 0% · 277 h left"),
        "{header}"
    );
    let a = app_with(TUI, &[("internet", Status::Done, 1)]);
    let top = screen(&a, 120, 40);
    let header = top.lines().next().unwrap();
    assert!(
        header.contains("1 of 20 skills · 5.0% · 273 h left"),
        "{header}"
    );
    assert!(header.contains('▏'), "a partial block shows: {header}");
}

#[test]
fn the_stages_pane_shows_hours_left_in_the_selected_stage() {
    let a = app(TUI);
    let text = screen(&a, 80, 24);
    assert!(text.contains("20 h left in stage"), "{text}");
    let a = app_with(
        TUI,
        &[
            ("internet", Status::Done, 1),
            ("http", Status::Done, 1),
            ("terminal", Status::Done, 1),
            ("dns", Status::Skipped, 1),
        ],
    );
    let text = screen(&a, 80, 24);
    assert!(text.contains("│ ✓ Basics"), "{text}");
    // The view moved on to Languages: the cheapest language plus the rest.
    assert!(text.contains("120 h left in stage"), "{text}");
}

#[test]
fn a_choice_whose_options_are_all_declined_shows_as_skipped() {
    let mut a = app_with(
        SMALL,
        &[
            ("terminal", Status::Done, 1),
            ("python", Status::Skipped, 1),
            ("go", Status::Skipped, 1),
            ("java", Status::Skipped, 1),
        ],
    );
    let java = skill(&a, "java");
    a.jump_to(java);
    let text = screen(&a, 120, 40);
    assert!(
        text.contains("Pick one backend language ✓ skipped"),
        "{text}"
    );
    assert!(a.eval().unlocked[skill(&a, "language-deep")]);
}

#[test]
fn at_80_columns_the_header_keeps_the_profile_and_the_hours() {
    let a = app_with(SMALL, &[("internet", Status::Done, 1)]);
    let top = screen(&a, 80, 24);
    let header = top.lines().next().unwrap();
    assert!(
        header.contains("Small Test Roadmap · profile default"),
        "{header}"
    );
    assert!(header.contains("1 of 8 · 12% · 155 h left"), "{header}");
}
