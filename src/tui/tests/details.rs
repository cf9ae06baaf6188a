//! The details pane: Enter follows only a link on screen, addresses are
//! shown whole and copied with `y`, no browser is said plainly, messages
//! last one action.

use super::{SMALL, TUI, app, info, run, screen, selected_id, skill};
use crate::model::{Status, Step};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Message, Pane};
use crate::tui::view::details;

/// `internet` in the realistic fixture at 80×24, details focused: its
/// description fills the pane, the first link is below the fold.
fn internet_at_80x24() -> App {
    let mut a = app(TUI).with_size(80, 24);
    let internet = skill(&a, "internet");
    a.jump_to(internet);
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    a
}

#[test]
fn enter_never_follows_a_link_below_the_fold() {
    let mut a = internet_at_80x24();
    assert_eq!(a.visible_link(), None, "the first link starts off screen");
    assert!(!screen(&a, 80, 24).contains("Unlocks"));
    run(&mut a, [Action::Enter]);
    assert_eq!(a.focus, Pane::Details, "Enter did not follow a hidden link");
    assert_eq!(a.current_skill(), Some(skill(&a, "internet")));
    assert_eq!(a.visible_link(), Some(0), "it scrolled the link into view");
    assert!(screen(&a, 80, 24).contains("HTTP: requests"));
    // Now that it is seen, Enter follows it.
    run(&mut a, [Action::Enter]);
    assert_eq!(selected_id(&a), "http");
}

#[test]
fn down_scrolls_to_the_first_link_then_goes_from_link_to_link() {
    let mut a = internet_at_80x24();
    run(&mut a, [Action::Down]);
    assert_eq!(
        a.visible_link(),
        Some(0),
        "↓ brought the first link on screen"
    );
    run(&mut a, [Action::Down]);
    assert_eq!(a.visible_link(), Some(1));
    run(&mut a, [Action::Up, Action::Up]);
    assert!(a.detail.scroll < 4, "↑ on the first link reads back up");
    run(&mut a, [Action::First]);
    assert_eq!(a.detail.scroll, 0);
    run(&mut a, [Action::Last]);
    let last = details::targets(&a, Step::Skill(skill(&a, "internet"))).len() - 1;
    assert_eq!(a.visible_link(), Some(last));
}

#[test]
fn paging_keeps_the_selection_on_screen() {
    let mut a = app(TUI).with_size(80, 24);
    a.jump_to(skill(&a, "http"));
    run(&mut a, [Action::Enter]);
    for _ in 0..4 {
        run(&mut a, [Action::PageDown]);
        assert!(a.visible_link().is_some(), "scroll {}", a.detail.scroll);
    }
    for _ in 0..4 {
        run(&mut a, [Action::PageUp]);
        if a.detail.scroll > 0 {
            assert!(a.visible_link().is_some(), "scroll {}", a.detail.scroll);
        }
    }
    // Whatever is highlighted is what Enter follows.
    run(&mut a, [Action::PageDown, Action::PageDown]);
    let shown = a.visible_link().unwrap();
    let target = details::targets(&a, Step::Skill(skill(&a, "http")))[shown];
    let effects = run(&mut a, [Action::Enter]);
    match target {
        details::Target::Resource(_) | details::Target::NoteLink(_) => {
            assert!(matches!(effects[..], [Effect::OpenUrl(_)]));
        }
        details::Target::Skill(s) => assert_eq!(a.selected_skill(), Some(s)),
    }
}

/// The text of the details lines, each trimmed.
fn detail_text(a: &App, id: &str, cells: u16) -> Vec<String> {
    details::lines(a, Step::Skill(skill(a, id)), cells)
        .iter()
        .map(|l| l.line.to_string().trim().to_string())
        .collect()
}

#[test]
fn the_selected_resource_shows_its_whole_address() {
    let url = "https://developer.mozilla.org/en-US/docs/Learn/Common_questions/Web_mechanics/How_does_the_Internet_work";
    for cells in [20, 36, 46, 120] {
        let a = app(TUI);
        let text = detail_text(&a, "internet", cells);
        let start = text.iter().position(|l| l.starts_with("https://")).unwrap();
        let joined: String = text[start..]
            .iter()
            .take_while(|l| !l.starts_with("article"))
            .cloned()
            .collect();
        assert_eq!(joined, url, "at {cells} cells");
    }
}

#[test]
fn y_copies_the_selected_address() {
    let mut a = app(TUI);
    let effects = run(&mut a, [Action::CopyUrl]);
    let first = a.roadmap().skills[skill(&a, "internet")].resources[0]
        .url
        .clone();
    assert_eq!(effects, vec![Effect::Copy(first.clone())]);
    assert!(
        info(&a).contains("copied") && info(&a).contains(&first),
        "{}",
        info(&a)
    );
    // In the details, the selected resource.
    run(&mut a, [Action::Enter, Action::Last]);
    let second = a.roadmap().skills[skill(&a, "internet")].resources[1]
        .url
        .clone();
    assert_eq!(run(&mut a, [Action::CopyUrl]), vec![Effect::Copy(second)]);
    // Nothing to copy.
    let mut a = app(SMALL);
    run(&mut a, [Action::Last]);
    assert!(run(&mut a, [Action::CopyUrl]).is_empty());
    assert!(info(&a).contains("no resources"));
}

#[test]
fn y_is_bound_and_listed_in_the_help() {
    use crate::tui::keymap::{KeyMode, bindings};
    assert!(bindings(KeyMode::Main).any(|b| b.action == Action::CopyUrl && b.keys_label() == "y"));
}

#[test]
fn no_browser_says_so_and_shows_the_address() {
    let mut a = app(TUI);
    let url = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Overview";
    run(&mut a, [Action::NoBrowser(url.into())]);
    assert!(
        matches!(a.message(), Some(Message::Info(t)) if t.contains(url) && t.contains("no browser") && t.contains("y copies")),
        "{:?}",
        a.message()
    );
}

#[test]
fn messages_clear_on_the_next_action() {
    let mut a = app(SMALL);
    run(&mut a, [Action::CopyUrl]);
    assert!(a.message().is_some());
    run(&mut a, [Action::Down]);
    assert_eq!(a.message(), None, "an info message goes with the next key");
    // An error too…
    run(&mut a, [Action::Opened(Err("boom".into()))]);
    assert!(matches!(a.message(), Some(Message::Error(_))));
    run(&mut a, [Action::Up]);
    assert_eq!(a.message(), None);
    // …except the one that says changes are not saved, while they are not.
    run(
        &mut a,
        [Action::ToggleDone, Action::Saved(Err("disk full".into()))],
    );
    run(&mut a, [Action::Down]);
    assert!(matches!(a.message(), Some(Message::Error(t)) if t.contains("not saved")));
    run(&mut a, [Action::ToggleDone]);
    let saved = a.profile().clone();
    run(&mut a, [Action::Saved(Ok(saved))]);
    run(&mut a, [Action::Down]);
    assert_eq!(a.message(), None);
    assert_eq!(a.status_of(skill(&a, "http")), Status::Done);
}

#[test]
fn an_imported_description_shows_its_lists_as_lists() {
    // What the roadmap.sh importer writes for a topic text with lists.
    let json = r#"{"version": 1, "id": "ovens", "title": "Ovens", "stages": [
        {"id": "s", "title": "Heat", "skills": [{"id": "ovens", "title": "Ovens",
         "description": "Ovens come in three kinds:\n\n1. Deck ovens: a stone floor that holds the heat for hours.\n2. Convection ovens, with a fan.\n- Wood-fired\n  - the oldest kind of all of them\n\nPreheat them."}]}]}"#;
    let mut a = app(json).with_size(80, 24);
    run(&mut a, [Action::Enter]);
    insta::assert_snapshot!(screen(&a, 80, 24));
}
