//! Open choices in the next steps (one entry, expanded with Enter or →)
//! and the details of a choice (issue 18, items 11 and 23).

use insta::assert_snapshot;

use super::{TUI, app_with, draw, info, now, run, selected_id, skill};
use crate::model::{Status, Step};
use crate::tui::action::Action;
use crate::tui::app::{App, NextItem, Pane, Row};

/// The terminal done: the languages are open, and one entry.
fn languages_open() -> App {
    app_with(TUI, &[("terminal", Status::Done, 2)])
}

fn choice(a: &App, id: &str) -> usize {
    a.roadmap().choices.iter().position(|c| c.id == id).unwrap()
}

/// Focuses the next steps on the entry of choice `id`.
fn on_choice_entry(a: &mut App, id: &str) {
    let c = choice(a, id);
    a.focus = Pane::Next;
    assert!(a.select_next(Step::Choice(c)), "{id} is not suggested");
}

#[test]
fn an_open_choice_is_one_entry_and_its_options_are_not_listed_apart() {
    let a = languages_open();
    let c = choice(&a, "backend-language");
    let entries: Vec<Step> = a.suggestions.iter().map(|s| s.step).collect();
    assert_eq!(
        entries.iter().filter(|&&s| s == Step::Choice(c)).count(),
        1,
        "{entries:?}"
    );
    for id in ["python", "go", "java"] {
        assert!(!entries.contains(&Step::Skill(skill(&a, id))), "{id}");
    }
    let reason = &a
        .suggestions
        .iter()
        .find(|s| s.step == Step::Choice(c))
        .unwrap()
        .reason;
    assert!(reason.starts_with("3 options, cheapest 40 h"), "{reason}");
}

#[test]
fn enter_or_right_shows_the_options_and_left_folds_them() {
    let mut a = languages_open();
    on_choice_entry(&mut a, "backend-language");
    let entry = a.next_cursor;
    run(&mut a, [Action::Right]);
    assert_eq!(a.focus, Pane::Next, "→ on a choice expands it, not moves");
    let options: Vec<usize> = a
        .next_items()
        .iter()
        .filter_map(|it| match it {
            NextItem::Option { skill, .. } => Some(*skill),
            NextItem::Entry(_) => None,
        })
        .collect();
    let ids = ["python", "go", "java"].map(|id| skill(&a, id));
    assert_eq!(options, ids, "cheapest first, in file order");
    run(&mut a, [Action::Down]);
    assert_eq!(a.current_skill(), Some(ids[0]));
    // ← on an option folds the choice and goes back to it.
    run(&mut a, [Action::Left]);
    assert_eq!(a.next_cursor, entry);
    assert_eq!(a.focus, Pane::Next);
    assert!(
        a.next_items()
            .iter()
            .all(|it| matches!(it, NextItem::Entry(_)))
    );
    // Enter toggles it too.
    run(&mut a, [Action::Enter]);
    assert_eq!(a.next_items().len(), a.suggestions.len() + 3);
    run(&mut a, [Action::Enter]);
    assert_eq!(a.next_items().len(), a.suggestions.len());
}

#[test]
fn space_on_an_option_picks_it_and_enter_jumps_to_it() {
    let mut a = languages_open();
    on_choice_entry(&mut a, "backend-language");
    run(&mut a, [Action::Right, Action::Down, Action::Down]);
    assert_eq!(a.current_skill(), Some(skill(&a, "go")));
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Skills);
    assert_eq!(selected_id(&a), "go");
    // Back returns to the option in the next steps.
    run(&mut a, [Action::Back]);
    assert_eq!(a.focus, Pane::Next);
    assert_eq!(a.current_skill(), Some(skill(&a, "go")));
    run(&mut a, [Action::ToggleDone]);
    assert_eq!(a.status_of(skill(&a, "go")), Status::Done);
    assert!(info(&a).contains("go → done"), "{}", info(&a));
    let c = choice(&a, "backend-language");
    assert!(a.suggestions.iter().all(|s| s.step != Step::Choice(c)));
}

#[test]
fn a_status_key_on_a_choice_says_where_its_options_are() {
    let mut a = languages_open();
    on_choice_entry(&mut a, "backend-language");
    let profile = a.profile().clone();
    assert!(run(&mut a, [Action::ToggleDone]).is_empty());
    assert!(run(&mut a, [Action::SetStatus(Status::Skipped)]).is_empty());
    assert_eq!(a.profile(), &profile);
    assert!(
        info(&a)
            .contains("is a choice: mark the option you learn done (Enter or → shows its options)"),
        "{}",
        info(&a)
    );
}

#[test]
fn n_on_a_choice_opens_it_in_the_next_steps() {
    let mut a = app_with(
        TUI,
        &[
            ("terminal", Status::Done, 2),
            ("internet", Status::Done, 2),
            ("http", Status::Done, 2),
            ("dns", Status::Done, 2),
            ("git-basics", Status::Done, 2),
            ("https-tls", Status::Done, 2),
            ("code-review", Status::Done, 2),
            ("web-history", Status::Skipped, 2),
        ],
    );
    let c = choice(&a, "backend-language");
    assert_eq!(a.suggestions[0].step, Step::Choice(c));
    run(&mut a, [Action::JumpNext]);
    assert_eq!(a.focus, Pane::Next);
    assert_eq!(a.current_choice(), Some(c));
    assert!(a.next_items().len() > a.suggestions.len(), "expanded");
    assert!(
        info(&a).starts_with("next: Pick one backend language — 3 options"),
        "{}",
        info(&a)
    );
}

#[test]
fn a_choice_header_shows_the_choice_in_the_details() {
    let mut a = app_with(
        TUI,
        &[
            ("terminal", Status::Done, 2),
            ("java", Status::Skipped, 1),
            ("python", Status::Doing, 1),
        ],
    );
    run(&mut a, [Action::Resize(120, 40)]);
    a.select_stage(1);
    run(&mut a, [Action::First]);
    assert_eq!(a.selected_row(), Some(Row::Choice(0)));
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    let text = super::screen(&a, 120, 40);
    for part in [
        "Pick one backend language",
        "backend-language · a choice",
        "pick 1 of 3 · none picked yet",
        "[~] Python · 40 h · in progress",
        "[-] Java · 60 h · declined",
        "[ ] Go · 40 h",
        "Required by",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
    // Its links are the options, then what requires it: Enter follows.
    run(&mut a, [Action::Down, Action::Enter]);
    assert_eq!(selected_id(&a), "go");
}

#[test]
fn next_steps_with_a_choice_open_and_expanded_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = languages_open();
        a.update(Action::Resize(w, h), now());
        on_choice_entry(&mut a, "backend-language");
        run(&mut a, [Action::Right, Action::Down]);
        assert_snapshot!(
            format!("next_choice_open_{w}x{h}"),
            draw(&a, w, h).backend()
        );
    }
}

#[test]
fn details_of_a_choice_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app_with(
            TUI,
            &[("terminal", Status::Done, 2), ("java", Status::Skipped, 1)],
        );
        a.update(Action::Resize(w, h), now());
        a.select_stage(1);
        run(&mut a, [Action::First]);
        assert_snapshot!(format!("choice_details_{w}x{h}"), draw(&a, w, h).backend());
    }
}
