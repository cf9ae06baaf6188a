//! `update` for getting around: Esc, back and forward, ← and → at every
//! layout, clicks after a resize, paging the help.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::{SMALL, TUI, app, info, run, screen, selected_id, skill};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Mode, Pane};
use crate::tui::keymap::{KeyMode, bindings};
use crate::tui::view::layout::{self, Areas};

const SIZES: [(u16, u16); 5] = [(80, 24), (100, 30), (119, 40), (120, 40), (200, 60)];

fn areas(a: &App) -> Areas {
    layout::areas(
        Rect::new(0, 0, a.size.0, a.size.1),
        a.roadmap().stages.len(),
    )
}

fn rect(a: &App, pane: Pane) -> Rect {
    let r = areas(a);
    match pane {
        Pane::Stages => r.stages,
        Pane::Skills => r.skills,
        Pane::Details => r.details,
        Pane::Next => r.next,
    }
}

fn quits(effects: &[Effect]) -> bool {
    effects.contains(&Effect::Quit) || effects.contains(&Effect::Save)
}

#[test]
fn esc_is_never_bound_to_quit() {
    for mode in KeyMode::ALL {
        for b in bindings(mode) {
            if b.keys.iter().any(|k| k.code == KeyCode::Esc) {
                assert_ne!(b.action, Action::Quit, "{mode:?}: Esc quits");
            }
        }
    }
}

#[test]
fn esc_steps_back_out_and_never_quits() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    assert!(!quits(&run(&mut a, [Action::Close])));
    assert_eq!(a.focus, Pane::Skills, "Esc leaves the details");
    assert!(!quits(&run(&mut a, [Action::Close])));
    assert_eq!(a.focus, Pane::Stages, "then the skills");
    for _ in 0..3 {
        assert!(!quits(&run(&mut a, [Action::Close])));
    }
    assert_eq!(a.focus, Pane::Stages);
    assert!(info(&a).contains("q quits"), "{}", info(&a));
    // A message does not hold Esc back: it steps out at once.
    run(&mut a, [Action::Enter, Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    a.info("something happened");
    run(&mut a, [Action::Close]);
    assert_eq!(a.focus, Pane::Skills);
    assert!(a.message().is_none());
}

#[test]
fn esc_twice_in_search_or_help_leaves_the_app_running() {
    let mut a = app(SMALL);
    run(&mut a, [Action::OpenSearch, Action::SearchInput('j')]);
    assert!(!quits(&run(&mut a, [Action::Close])));
    assert_eq!(a.key_mode(), KeyMode::Main);
    assert!(!quits(&run(&mut a, [Action::Close])));
    run(&mut a, [Action::ToggleHelp]);
    assert!(!quits(&run(&mut a, [Action::Close, Action::Close])));
    assert_eq!(a.key_mode(), KeyMode::Main);
    assert_eq!(run(&mut a, [Action::Quit]), vec![Effect::Quit], "q quits");
}

#[test]
fn back_and_forward_retrace_links_suggestions_and_search_results() {
    let mut a = app(SMALL);
    // A link: http's details, second link (it unlocks rest).
    run(&mut a, [Action::Down, Action::Enter, Action::Down]);
    let at_link = a.place();
    run(&mut a, [Action::Enter]);
    assert_eq!(selected_id(&a), "rest");
    // A suggestion.
    run(&mut a, [Action::JumpNext]);
    let top = a.roadmap().skills[a.suggestions[0].skill().unwrap()]
        .id
        .clone();
    assert_eq!(selected_id(&a), top);
    // A search result.
    run(&mut a, [Action::OpenSearch]);
    run(&mut a, "jwt".chars().map(Action::SearchInput));
    run(&mut a, [Action::Enter]);
    assert_eq!(selected_id(&a), "jwt");

    run(&mut a, [Action::Back]);
    assert_eq!(selected_id(&a), top);
    run(&mut a, [Action::Back]);
    assert_eq!(selected_id(&a), "rest");
    run(&mut a, [Action::Back]);
    assert_eq!(a.place(), at_link, "back on the link that was followed");
    assert_eq!(a.focus, Pane::Details);
    assert_eq!(selected_id(&a), "http");
    run(&mut a, [Action::Back]);
    assert_eq!(a.place(), at_link, "nothing further back");
    assert!(info(&a).contains("nothing to go back to"), "{}", info(&a));

    run(&mut a, [Action::Forward]);
    assert_eq!(selected_id(&a), "rest");
    run(&mut a, [Action::Forward, Action::Forward]);
    assert_eq!(selected_id(&a), "jwt");
    run(&mut a, [Action::Forward]);
    assert_eq!(selected_id(&a), "jwt");
    assert!(info(&a).contains("nothing to go forward to"));

    // A new jump after going back forgets what was ahead.
    run(&mut a, [Action::Back, Action::Back]);
    assert_eq!(selected_id(&a), "rest");
    run(&mut a, [Action::OpenSearch]);
    run(&mut a, "python".chars().map(Action::SearchInput));
    run(&mut a, [Action::Enter, Action::Forward]);
    assert_eq!(selected_id(&a), "python");
    run(&mut a, [Action::Back]);
    assert_eq!(selected_id(&a), "rest");
}

#[test]
fn back_returns_to_the_next_steps_pane_and_its_suggestion() {
    let mut a = app(TUI);
    a.focus = Pane::Next;
    run(&mut a, [Action::Down, Action::Down]);
    let third = a.suggestions[2].skill().unwrap();
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Skills);
    assert_eq!(a.selected_skill(), Some(third));
    run(&mut a, [Action::First]);
    run(&mut a, [Action::Back]);
    assert_eq!(a.focus, Pane::Next);
    assert_eq!(a.next_cursor, 2);
    assert_eq!(a.current_skill(), Some(third));
}

#[test]
fn a_jump_to_where_one_already_is_is_not_remembered() {
    let mut a = app(TUI);
    run(&mut a, [Action::Last, Action::JumpNext]);
    let levels = a.history.levels();
    assert_eq!(levels, (1, 0));
    run(&mut a, [Action::JumpNext, Action::JumpNext]);
    assert_eq!(a.history.levels(), levels);
}

#[test]
fn history_keys_are_in_the_keymap_and_the_footer() {
    use crate::tui::keymap::hints;
    let main: Vec<_> = bindings(KeyMode::Main).map(|b| b.action.clone()).collect();
    assert!(main.contains(&Action::Back) && main.contains(&Action::Forward));
    let words: Vec<&str> = hints(KeyMode::Main).into_iter().map(|(_, w)| w).collect();
    assert!(
        words.contains(&"back") && words.contains(&"fwd"),
        "{words:?}"
    );
    let text = screen(&app(SMALL).with_size(120, 40), 120, 40);
    assert!(text.contains("[ back") && text.contains("] fwd"), "{text}");
}

/// Every pane reachable from `a`, each with some cursor positions.
fn focus_on(a: &mut App, pane: Pane, down: usize) {
    a.focus = pane;
    run(a, std::iter::repeat_n(Action::Down, down));
}

#[test]
fn left_and_right_go_where_the_arrow_points_at_every_size() {
    for json in [SMALL, TUI] {
        for (w, h) in SIZES {
            for pane in Pane::ORDER {
                for down in [0, 3, 20] {
                    for (action, left) in [(Action::Left, true), (Action::Right, false)] {
                        let mut a = app(json).with_size(w, h);
                        focus_on(&mut a, pane, down);
                        let from = rect(&a, pane);
                        run(&mut a, [action.clone()]);
                        if a.focus == pane {
                            continue;
                        }
                        let to = rect(&a, a.focus);
                        let ok = if left {
                            to.right() <= from.x
                        } else {
                            to.x >= from.right()
                        };
                        assert!(
                            ok,
                            "{w}x{h}: {action:?} from {pane:?} {from:?} went to {:?} {to:?}",
                            a.focus
                        );
                        assert!(
                            to.y < from.bottom() && from.y < to.bottom(),
                            "{w}x{h}: {action:?} from {pane:?} went to {:?}, not level with it",
                            a.focus
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn arrows_in_the_side_by_side_layout() {
    let mut a = app(SMALL).with_size(120, 40);
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Details);
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Details, "nothing further right");
    run(&mut a, [Action::Left, Action::Left]);
    assert_eq!(
        a.focus,
        Pane::Stages,
        "the stages are left of the top skills"
    );
    run(&mut a, [Action::Left]);
    assert_eq!(a.focus, Pane::Stages);
    a.focus = Pane::Next;
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Skills);
}

#[test]
fn arrows_in_the_stacked_layout() {
    // 80×24: skills above details on the right, stages above next steps
    // on the left.
    let mut a = app(TUI).with_size(80, 24);
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Skills, "nothing right of the skills");
    run(&mut a, [Action::Left]);
    assert_eq!(a.focus, Pane::Stages);
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Skills);
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Details, "nothing right of the details");
    run(&mut a, [Action::Left]);
    assert_eq!(a.focus, Pane::Next, "next steps sit left of the details");
    run(&mut a, [Action::Down, Action::Down, Action::Right]);
    assert_eq!(a.focus, Pane::Details);
}

/// The screen row on which `text` is drawn, and its column.
fn find(text: &str, a: &App) -> (u16, u16) {
    let shot = screen(a, a.size.0, a.size.1);
    for (y, line) in shot.lines().enumerate() {
        if let Some(i) = line.find(text) {
            let x = line[..i].chars().count();
            return (u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
        }
    }
    panic!("{text:?} is not on screen:\n{shot}");
}

#[test]
fn clicks_hit_what_is_drawn_after_the_terminal_grows() {
    let big = crate::model::load(crate::synth::roadmap_json(6_000).as_bytes(), "synth").unwrap();
    let mut a = App::new(
        big,
        crate::model::Profile::default(),
        "default",
        super::now(),
    )
    .with_size(80, 24);
    // Scroll the stages and the next steps to their ends at 80×24.
    run(&mut a, [Action::Left, Action::Last]);
    a.focus = Pane::Next;
    run(&mut a, [Action::Last]);
    assert!(a.stage_offset > 0 && a.next_offset > 0);
    run(&mut a, [Action::Resize(200, 60)]);
    // Everything fits now: the lists are drawn from their first row.
    let (x, y) = find("Foundations 1", &a);
    run(&mut a, [Action::Click { column: x, row: y }]);
    assert_eq!(a.stage, 0, "the click selects the stage drawn under it");
    let (x, y) = find(" 1. ", &a);
    run(
        &mut a,
        [Action::Click {
            column: x + 2,
            row: y,
        }],
    );
    assert_eq!((a.focus, a.next_cursor), (Pane::Next, 0));
    // And after shrinking again.
    run(&mut a, [Action::Resize(80, 24), Action::Last]);
    let (x, y) = find(" 7. ", &a);
    run(
        &mut a,
        [Action::Click {
            column: x + 2,
            row: y,
        }],
    );
    assert_eq!(a.next_cursor, 6);
}

#[test]
fn the_help_pages_and_jumps() {
    let mut a = app(TUI).with_size(80, 24);
    run(&mut a, [Action::ToggleHelp]);
    let page = crate::tui::view::help::page(a.size);
    let max = crate::tui::view::help::max_scroll(a.size, crate::tui::keymap::builtin());
    let scroll = |a: &App| match a.mode {
        Mode::Help { scroll } => scroll,
        _ => panic!("the help closed"),
    };
    run(&mut a, [Action::PageDown]);
    assert_eq!(scroll(&a), page - 1, "a page, keeping one row of context");
    run(&mut a, [Action::PageDown, Action::PageUp]);
    assert_eq!(scroll(&a), page - 1);
    run(&mut a, [Action::Last]);
    assert_eq!(scroll(&a), max);
    run(&mut a, [Action::PageDown]);
    assert_eq!(scroll(&a), max);
    run(&mut a, [Action::First]);
    assert_eq!(scroll(&a), 0);
    // g, G, Home, End, PgUp, PgDn reach those actions in the help.
    let key =
        |c| crate::tui::keymap::key_action(KeyMode::Help, KeyEvent::new(c, KeyModifiers::NONE));
    assert_eq!(key(KeyCode::Char('g')), Some(Action::First));
    assert_eq!(key(KeyCode::Home), Some(Action::First));
    assert_eq!(key(KeyCode::Char('G')), Some(Action::Last));
    assert_eq!(key(KeyCode::End), Some(Action::Last));
    assert_eq!(key(KeyCode::PageDown), Some(Action::PageDown));
    assert_eq!(key(KeyCode::PageUp), Some(Action::PageUp));
}

#[test]
fn history_keeps_the_last_hundred_places() {
    let mut a = app(SMALL);
    let (jwt, python) = (skill(&a, "jwt"), skill(&a, "python"));
    for i in 0..150 {
        a.jump_to(if i % 2 == 0 { jwt } else { python });
    }
    assert_eq!(a.history.levels(), (crate::tui::app::HISTORY_LEVELS, 0));
    run(&mut a, std::iter::repeat_n(Action::Back, 150));
    assert_eq!(a.history.levels(), (0, crate::tui::app::HISTORY_LEVELS));
}
