//! Snapshots of scrolled lists: every list says how many rows are hidden
//! above and below it.

use insta::assert_snapshot;

use super::{draw, now, run, screen};
use crate::model::{Profile, load};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};

/// A large roadmap (12 stages of 500 skills), scrolled to the middle of
/// every list.
fn scrolled(width: u16, height: u16) -> App {
    let big = load(crate::synth::roadmap_json(6_000).as_bytes(), "synth").unwrap();
    let mut a = App::new(big, Profile::default(), "default", now()).with_size(width, height);
    a.focus = Pane::Next;
    run(&mut a, std::iter::repeat_n(Action::Down, 5));
    a.focus = Pane::Stages;
    run(&mut a, std::iter::repeat_n(Action::Down, 9));
    run(&mut a, [Action::Right]);
    run(&mut a, std::iter::repeat_n(Action::Down, 202));
    run(&mut a, [Action::Enter, Action::PageDown]);
    a
}

/// How many "↑ 12 more" (or ↓) marks `text` shows.
fn marks(text: &str, arrow: char) -> usize {
    text.split(arrow)
        .skip(1)
        .filter(|rest| {
            let rest = rest.trim_start();
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(" more")
        })
        .count()
}

#[test]
fn every_list_marks_rows_hidden_above_and_below() {
    let text = screen(&scrolled(80, 24), 80, 24);
    // Stages, skills, next steps and details, above and below.
    assert_eq!(marks(&text, '↑'), 4, "{text}");
    assert_eq!(marks(&text, '↓'), 4, "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        let a = scrolled(w, h);
        assert_snapshot!(format!("lists_scrolled_{w}x{h}"), draw(&a, w, h).backend());
    }
}

#[test]
fn the_scrolled_help_marks_both_ends() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = super::app(super::TUI).with_size(w, h);
        run(&mut a, [Action::ToggleHelp]);
        run(&mut a, std::iter::repeat_n(Action::Down, 5));
        let text = screen(&a, w, h);
        assert_eq!(
            (marks(&text, '↑'), marks(&text, '↓')),
            (1, 1),
            "{w}x{h}:\n{text}"
        );
        assert_snapshot!(format!("help_scrolled_{w}x{h}"), draw(&a, w, h).backend());
    }
}
