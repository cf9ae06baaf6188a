//! Search over titles, ids and descriptions, ranked; the skills filters.

use super::{SMALL, TUI, app, app_with, info, now, run, screen, selected_id, skill};
use crate::model::{BUILTIN_ROADMAP, Profile, Status};
use crate::tui::action::Action;
use crate::tui::app::{App, Filter, Mode, Row};
use crate::tui::keymap::{KeyMode, bindings};

fn search(a: &mut App, query: &str) -> Vec<usize> {
    run(a, [Action::OpenSearch]);
    run(a, query.chars().map(Action::SearchInput));
    match &a.mode {
        Mode::Search(s) => s.results.clone(),
        _ => panic!("search is not open"),
    }
}

fn in_title(a: &App, s: usize, word: &str) -> bool {
    let skill = &a.roadmap().skills[s];
    format!("{} {} {}", skill.title, skill.id, skill.aliases.join(" "))
        .to_lowercase()
        .contains(word)
}

#[test]
fn search_covers_descriptions_after_titles() {
    let mut a = app(TUI);
    let results = search(&mut a, "api");
    let json = skill(&a, "json");
    assert!(!in_title(&a, json, "api"), "json's title has no 'api'");
    let at = results
        .iter()
        .position(|&s| s == json)
        .expect("found by its description");
    assert!(at > 0);
    assert!(
        results[..at].iter().all(|&s| in_title(&a, s, "api")),
        "every title match comes first"
    );
}

#[test]
fn sec_finds_the_security_skills_before_a_second_language() {
    let roadmap = crate::model::load(BUILTIN_ROADMAP.as_bytes(), "built-in").unwrap();
    let mut a = App::new(roadmap, Profile::default(), "default", now()).with_size(120, 40);
    let results = search(&mut a, "sec");
    let ids: Vec<&str> = results
        .iter()
        .map(|&s| a.roadmap().skills[s].id.as_str())
        .collect();
    let second = ids.iter().position(|id| id.contains("second"));
    let security: Vec<usize> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| id.contains("secur"))
        .map(|(i, _)| i)
        .collect();
    assert!(security.len() >= 2, "{ids:?}");
    assert!(
        ids[0].contains("secur") || ids[0].contains("secret"),
        "{ids:?}"
    );
    if let Some(second) = second {
        assert!(
            security.iter().filter(|&&i| i < second).count() >= 2,
            "security skills come before a second language: {ids:?}"
        );
    }
}

#[test]
fn search_results_show_the_lock_mark() {
    let mut a = app(TUI).with_size(120, 40);
    search(&mut a, "api");
    let shown = screen(&a, 120, 40);
    assert!(shown.contains("[ ] ⊘ Testing an API"), "{shown}");
    let mut a = app(TUI).with_size(120, 40);
    search(&mut a, "internet");
    let shown = screen(&a, 120, 40);
    assert!(
        shown.contains("[ ] How the internet works"),
        "unlocked: no mark\n{shown}"
    );
}

fn shown_ids(a: &App) -> Vec<String> {
    a.rows[a.stage]
        .iter()
        .filter_map(|r| match r {
            Row::Skill { skill, .. } => Some(a.roadmap().skills[*skill].id.clone()),
            Row::Choice(_) => None,
        })
        .collect()
}

#[test]
fn f_steps_through_the_filters_and_the_pane_says_which() {
    let mut a = app_with(
        SMALL,
        &[
            ("internet", Status::Done, 3),
            ("http", Status::Doing, 1),
            ("trivia", Status::Skipped, 1),
        ],
    );
    a.select_stage(0);
    assert_eq!(shown_ids(&a), ["internet", "http", "terminal", "trivia"]);
    let expect: [(Filter, &[&str]); 8] = [
        (Filter::Unfinished, &["http", "terminal"]),
        (Filter::Only(Status::Todo), &["terminal"]),
        (Filter::Only(Status::Doing), &["http"]),
        (Filter::Only(Status::Done), &["internet"]),
        (Filter::Only(Status::Skipped), &["trivia"]),
        (Filter::Locked, &[]),
        (Filter::Available, &["http", "terminal"]),
        (Filter::All, &["internet", "http", "terminal", "trivia"]),
    ];
    for (filter, ids) in expect {
        run(&mut a, [Action::NextFilter]);
        assert_eq!(a.filter, filter);
        assert_eq!(shown_ids(&a), ids, "{filter:?}");
        let top = screen(&a, 100, 30);
        if filter == Filter::All {
            assert!(!top.contains("(f)"));
        } else {
            assert!(top.contains(&format!("{} (f)", filter.label())), "{top}");
        }
    }
    run(&mut a, [Action::PrevFilter]);
    assert_eq!(a.filter, Filter::Available);
    assert!(info(&a).contains("only available"), "{}", info(&a));
}

#[test]
fn locked_filter_shows_what_waits_for_prerequisites() {
    let mut a = app(SMALL);
    run(&mut a, [Action::PrevFilter, Action::PrevFilter]);
    assert_eq!(a.filter, Filter::Locked);
    assert_eq!(shown_ids(&a), ["http"]);
    // An empty stage says why.
    let mut a = app(SMALL);
    run(
        &mut a,
        [Action::NextFilter, Action::NextFilter, Action::NextFilter],
    );
    assert_eq!(a.filter, Filter::Only(Status::Doing));
    assert!(shown_ids(&a).is_empty());
    assert!(screen(&a, 100, 30).contains("No skill here is doing"));
}

#[test]
fn hiding_finished_skills_moves_on_when_one_is_finished() {
    let mut a = app(SMALL);
    run(&mut a, [Action::NextFilter]);
    assert_eq!(a.filter, Filter::Unfinished);
    assert_eq!(selected_id(&a), "internet");
    run(&mut a, [Action::ToggleDone]);
    assert!(!shown_ids(&a).contains(&"internet".to_string()));
    assert_eq!(selected_id(&a), "http", "the cursor goes to the next one");
    // Undo brings it back.
    run(&mut a, [Action::Undo]);
    assert_eq!(selected_id(&a), "internet");
}

#[test]
fn jumping_to_a_hidden_skill_turns_the_filter_off() {
    let mut a = app_with(SMALL, &[("internet", Status::Done, 1)]);
    a.select_stage(0);
    run(&mut a, [Action::NextFilter]);
    search(&mut a, "internet");
    run(&mut a, [Action::Enter]);
    assert_eq!(a.filter, Filter::All);
    assert_eq!(selected_id(&a), "internet");
}

#[test]
fn filter_keys_are_in_the_keymap() {
    let main: Vec<_> = bindings(KeyMode::Main).collect();
    assert!(
        main.iter()
            .any(|b| b.action == Action::NextFilter && b.keys_label() == "f")
    );
    assert!(
        main.iter()
            .any(|b| b.action == Action::PrevFilter && b.keys_label() == "F")
    );
    assert!(crate::tui::keymap::hints(KeyMode::Main).contains(&("f".to_string(), "filter")));
}

#[test]
fn a_match_in_the_learners_note_is_marked_as_the_cli_marks_it() {
    let mut a = app(TUI).with_size(120, 40);
    let terminal = skill(&a, "terminal");
    let mut p = a.profile().clone();
    p.edit_note(
        a.roadmap(),
        terminal,
        &crate::model::NoteEdit::Append("tmux splits and zsh completion".to_string()),
        now(),
    );
    run(&mut a, [Action::Reloaded(p)]);
    let results = search(&mut a, "tmux");
    assert_eq!(results, vec![terminal]);
    let shown = screen(&a, 120, 40);
    assert!(
        shown.contains("The terminal and the shell (in your note)"),
        "{shown}"
    );
    // Inside a word is no match: "sec" is not in "consecutive".
    assert!(search(&mut a, "plet").is_empty());
}
