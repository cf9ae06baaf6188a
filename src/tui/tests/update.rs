//! `update`: moving, panes, Enter, jumps, search, popups, the mouse.

use super::{SMALL, TUI, app, app_with, info, now, run, selected_id, skill};
use crate::model::{Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{Message, Mode, Pane, Row};
use crate::tui::keymap::KeyMode;

#[test]
fn starts_on_the_first_unfinished_stage_with_the_skills_focused() {
    let a = app_with(
        SMALL,
        &[
            ("internet", Status::Done, 1),
            ("http", Status::Done, 1),
            ("terminal", Status::Done, 1),
        ],
    );
    assert_eq!(a.stage, 1);
    assert_eq!(a.focus, Pane::Skills);
    // The first row of languages is the "pick one" header: never selected.
    assert_eq!(a.rows[1][0], Row::Choice(0));
    assert_eq!(selected_id(&a), "python");
}

#[test]
fn up_and_down_move_within_the_stage_and_stop_at_the_ends() {
    let mut a = app(SMALL);
    assert_eq!(selected_id(&a), "internet");
    run(&mut a, [Action::Up]);
    assert_eq!(selected_id(&a), "internet");
    run(&mut a, [Action::Down, Action::Down]);
    assert_eq!(selected_id(&a), "terminal");
    run(&mut a, [Action::Last]);
    assert_eq!(selected_id(&a), "trivia");
    run(&mut a, [Action::Down]);
    assert_eq!(selected_id(&a), "trivia");
    run(&mut a, [Action::First]);
    assert_eq!(selected_id(&a), "internet");
    run(&mut a, [Action::PageDown]);
    assert_eq!(selected_id(&a), "trivia");
    run(&mut a, [Action::PageUp]);
    assert_eq!(selected_id(&a), "internet");
}

#[test]
fn moving_stops_on_choice_headers_whose_details_show_the_choice() {
    let mut a = app(SMALL);
    a.select_stage(1);
    run(&mut a, [Action::First]);
    assert_eq!(a.selected_row(), Some(crate::tui::app::Row::Choice(0)));
    assert_eq!(a.current_choice(), Some(0));
    assert_eq!(a.current_skill(), None);
    run(&mut a, [Action::Down]);
    assert_eq!(selected_id(&a), "python");
    run(&mut a, [Action::Up]);
    assert_eq!(a.current_choice(), Some(0));
    run(&mut a, [Action::Last]);
    assert_eq!(selected_id(&a), "language-deep");
}

#[test]
fn panes_switch_with_left_right_and_tab() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Left]);
    assert_eq!(a.focus, Pane::Stages);
    run(&mut a, [Action::Left]);
    assert_eq!(a.focus, Pane::Stages, "← does not wrap");
    run(
        &mut a,
        [Action::Right, Action::Right, Action::Right, Action::Right],
    );
    assert_eq!(
        a.focus,
        Pane::Skills,
        "at 100 columns the details are below the skills, not right of them"
    );
    run(&mut a, [Action::NextPane, Action::NextPane]);
    assert_eq!(a.focus, Pane::Next, "Tab goes on in reading order");
    run(&mut a, [Action::NextPane]);
    assert_eq!(a.focus, Pane::Stages, "Tab wraps");
    run(&mut a, [Action::PrevPane]);
    assert_eq!(a.focus, Pane::Next);
}

#[test]
fn stages_pane_selects_a_stage_and_enter_focuses_its_skills() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Left, Action::Down, Action::Down]);
    assert_eq!(a.stage, 2);
    assert_eq!(selected_id(&a), "rest");
    run(&mut a, [Action::Down]);
    assert_eq!(a.stage, 2, "stops at the last stage");
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Skills);
    // Each stage remembers its cursor.
    run(
        &mut a,
        [Action::Down, Action::Left, Action::First, Action::Last],
    );
    assert_eq!(selected_id(&a), "auth");
}

#[test]
fn enter_opens_details_and_follows_links() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Down]); // http: needs internet, unlocks rest and jwt
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    run(&mut a, [Action::Down]); // internet → rest
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Skills);
    assert_eq!(a.stage, 2);
    assert_eq!(selected_id(&a), "rest");
}

#[test]
fn enter_on_a_resource_opens_it_and_o_opens_the_first() {
    let mut a = app(SMALL);
    assert_eq!(
        run(&mut a, [Action::OpenResource]),
        vec![Effect::OpenUrl(
            "https://developer.mozilla.org/en-US/docs/Learn/Getting_started_with_the_web/How_the_Web_works".into()
        )]
    );
    run(&mut a, [Action::Enter, Action::Last]);
    assert!(matches!(
        run(&mut a, [Action::Enter]).as_slice(),
        [Effect::OpenUrl(_)]
    ));
    run(&mut a, [Action::Opened(Ok("https://x.example".into()))]);
    assert!(info(&a).contains("opened https://x.example"));
    run(&mut a, [Action::Opened(Err("no browser".into()))]);
    assert!(matches!(a.message(), Some(Message::Error(t)) if t.contains("no browser")));
    // A skill with no resources says so.
    run(&mut a, [Action::PrevPane, Action::Last]);
    assert_eq!(selected_id(&a), "trivia");
    assert!(run(&mut a, [Action::OpenResource]).is_empty());
    assert!(info(&a).contains("no resources"));
}

#[test]
fn n_jumps_to_the_top_suggestion() {
    let mut a = app_with(
        SMALL,
        &[("internet", Status::Done, 1), ("http", Status::Done, 1)],
    );
    let top = a.suggestions[0].skill().unwrap();
    run(
        &mut a,
        [Action::Left, Action::Down, Action::Down, Action::JumpNext],
    );
    assert_eq!(a.selected_skill(), Some(top));
    assert_eq!(a.focus, Pane::Skills);
    assert!(info(&a).starts_with("next: "));
}

#[test]
fn enter_in_the_next_pane_jumps_to_that_suggestion() {
    let mut a = app(TUI);
    run(
        &mut a,
        [Action::Left, Action::Left, Action::PrevPane, Action::Down],
    );
    let second = a.suggestions[1].skill().unwrap();
    run(&mut a, [Action::Enter]);
    assert_eq!(a.selected_skill(), Some(second));
    assert_eq!(a.focus, Pane::Skills);
}

#[test]
fn nothing_to_suggest_when_all_is_finished() {
    let mut a = app(SMALL);
    for i in 0..a.roadmap().skills.len() {
        a.profile.set_status(&a.roadmap, i, Status::Done, now());
    }
    a.recompute(now());
    run(&mut a, [Action::JumpNext]);
    assert!(info(&a).contains("nothing to suggest"));
}

#[test]
fn search_finds_skills_across_stages_and_enter_jumps() {
    let mut a = app(SMALL);
    run(&mut a, [Action::OpenSearch]);
    assert_eq!(a.key_mode(), KeyMode::Search);
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(
        s.results.len(),
        a.roadmap().skills.len(),
        "empty query lists all"
    );
    run(&mut a, "jwt".chars().map(Action::SearchInput));
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.results.first(), Some(&skill(&a, "jwt")));
    run(&mut a, [Action::Enter]);
    assert_eq!(a.key_mode(), KeyMode::Main);
    assert_eq!(a.stage, 2);
    assert_eq!(selected_id(&a), "jwt");
    assert!(info(&a).contains("APIs"), "says the stage: {}", info(&a));
}

#[test]
fn search_matches_ids_aliases_fuzzily_and_edits() {
    let mut a = app(SMALL);
    run(&mut a, [Action::OpenSearch]);
    run(&mut a, "lngdp".chars().map(Action::SearchInput));
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.selected(), Some(skill(&a, "language-deep")));
    run(&mut a, [Action::SearchClear]);
    run(&mut a, "http-basics".chars().map(Action::SearchInput));
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.selected(), Some(skill(&a, "http")));
    run(&mut a, "zzz".chars().map(Action::SearchInput));
    let Mode::Search(s) = &a.mode else { panic!() };
    assert!(s.results.is_empty());
    run(
        &mut a,
        [
            Action::SearchBackspace,
            Action::SearchBackspace,
            Action::SearchBackspace,
        ],
    );
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.query, "http-basics");
    assert!(!s.results.is_empty());
}

#[test]
fn search_moves_through_results_and_esc_cancels_without_moving() {
    let mut a = app(SMALL);
    run(
        &mut a,
        [
            Action::OpenSearch,
            Action::Down,
            Action::Down,
            Action::Up,
            Action::PageDown,
        ],
    );
    let Mode::Search(s) = &a.mode else { panic!() };
    assert!(s.cursor > 1);
    run(&mut a, [Action::SearchInput('q'), Action::Close]);
    assert_eq!(a.key_mode(), KeyMode::Main);
    assert_eq!(selected_id(&a), "internet");
    assert_eq!(
        a.status_of(skill(&a, "internet")),
        Status::Todo,
        "q typed, not quit"
    );
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(SMALL).with_size(80, 24);
    run(&mut a, [Action::ToggleHelp]);
    assert_eq!(a.key_mode(), KeyMode::Help);
    run(&mut a, std::iter::repeat_n(Action::Down, 500));
    let Mode::Help { scroll } = a.mode else {
        panic!()
    };
    assert_eq!(
        scroll,
        crate::tui::view::help::max_scroll((80, 24), crate::tui::keymap::builtin())
    );
    assert!(scroll > 0, "the help is longer than 24 rows");
    run(&mut a, [Action::Up, Action::Close]);
    assert_eq!(a.key_mode(), KeyMode::Main);
    run(&mut a, [Action::ToggleHelp, Action::ToggleHelp]);
    assert_eq!(a.key_mode(), KeyMode::Main);
}

#[test]
fn an_unreadable_profile_offers_to_move_it_aside_and_nothing_else() {
    let mut a =
        crate::tui::app::App::unreadable(super::roadmap(SMALL), "default", "damaged", now());
    assert_eq!(a.key_mode(), KeyMode::Unreadable);
    assert!(
        run(
            &mut a,
            [Action::ToggleDone, Action::Undo, Action::OpenSearch]
        )
        .is_empty()
    );
    assert_eq!(a.key_mode(), KeyMode::Unreadable);
    assert_eq!(run(&mut a, [Action::MoveAside]), vec![Effect::MoveAside]);
    run(&mut a, [Action::MovedAside(Err("busy".into()))]);
    assert!(matches!(&a.mode, Mode::Unreadable { failure: Some(f), .. } if f == "busy"));
    run(
        &mut a,
        [Action::MovedAside(Ok("/x/default.corrupt".into()))],
    );
    assert_eq!(a.key_mode(), KeyMode::Main);
    assert!(info(&a).contains("/x/default.corrupt"));
    assert_eq!(a.profile(), &Profile::default());
    let mut b =
        crate::tui::app::App::unreadable(super::roadmap(SMALL), "default", "damaged", now());
    assert_eq!(run(&mut b, [Action::Quit]), vec![Effect::Quit]);
}

#[test]
fn clicks_select_panes_and_rows_and_the_wheel_scrolls() {
    // 100×30: stages pane at x 0..33, rows from y 2; skills at x 33.., y 2...
    let mut a = app(SMALL);
    run(&mut a, [Action::Click { column: 5, row: 4 }]);
    assert_eq!(a.focus, Pane::Stages);
    assert_eq!(a.stage, 2);
    run(&mut a, [Action::Click { column: 50, row: 3 }]);
    assert_eq!(a.focus, Pane::Skills);
    assert_eq!(selected_id(&a), "auth");
    run(&mut a, [Action::ScrollUp { column: 50, row: 3 }]);
    assert_eq!(selected_id(&a), "rest");
    run(&mut a, [Action::ScrollDown { column: 5, row: 3 }]);
    run(&mut a, [Action::Click { column: 0, row: 0 }]);
    assert_eq!(
        a.focus,
        Pane::Skills,
        "the wheel and the header change no focus"
    );
    assert_eq!(a.stage, 2);
}

#[test]
fn details_scroll_when_they_do_not_fit() {
    let mut a = app(TUI).with_size(80, 24);
    let http = skill(&a, "http");
    a.jump_to(http);
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    run(&mut a, [Action::Last]);
    assert!(
        a.detail.scroll > 0,
        "the last resource is scrolled into view"
    );
    run(&mut a, [Action::First]);
    run(&mut a, [Action::PageDown]);
    assert!(a.detail.scroll > 0);
    // Another skill starts at the top again.
    run(&mut a, [Action::PrevPane, Action::Down]);
    assert_eq!(a.detail.scroll, 0);
}

#[test]
fn resize_keeps_the_cursor_visible() {
    let mut a = app(TUI);
    run(&mut a, [Action::Resize(80, 24), Action::Left, Action::Last]);
    assert_eq!(a.stage, 7);
    run(&mut a, [Action::Resize(200, 60)]);
    assert_eq!(a.size, (200, 60));
}
