//! Snapshots of every screen through `TestBackend`, at 80×24 and 120×40, on
//! the small fixture and on a realistic one (tests/fixtures/tui.json).

use insta::assert_snapshot;

use super::{SMALL, TUI, app, app_with, draw, run};
use crate::model::Status;
use crate::tui::action::Action;
use crate::tui::app::App;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn fixtures() -> [(&'static str, &'static str); 2] {
    [("small", SMALL), ("tui", TUI)]
}

/// Some done, one doing, one choice made; ids missing from a fixture are
/// left out.
fn mid_progress(json: &str) -> App {
    let roadmap = super::roadmap(json);
    let statuses: Vec<(&str, Status, i64)> = [
        ("internet", Status::Done, 20),
        ("http", Status::Done, 12),
        ("terminal", Status::Done, 10),
        ("python", Status::Done, 3),
        ("language-deep", Status::Doing, 2),
        ("trivia", Status::Skipped, 5),
        ("web-history", Status::Skipped, 5),
    ]
    .into_iter()
    .filter(|(id, ..)| roadmap.skill_index(id).is_some())
    .collect();
    app_with(json, &statuses)
}

fn all_done(json: &str) -> App {
    let mut a = app(json);
    let ids: Vec<String> = a.roadmap().skills.iter().map(|s| s.id.clone()).collect();
    for id in ids {
        let i = a.roadmap().skill_index(&id).unwrap();
        a.profile
            .set_status(&a.roadmap, i, Status::Done, super::now());
    }
    a.recompute(super::now());
    a
}

fn check(name: &str, make: impl Fn(&str) -> App) {
    for (fixture, json) in fixtures() {
        for (w, h) in SIZES {
            let mut a = make(json);
            a.update(Action::Resize(w, h), super::now());
            let terminal = draw(&a, w, h);
            assert_snapshot!(format!("{name}_{fixture}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn main_empty_profile() {
    check("main_empty", app);
}

#[test]
fn main_mid_progress() {
    check("main_mid", mid_progress);
}

#[test]
fn main_mid_progress_details_focused() {
    check("main_mid_details", |json| {
        let mut a = mid_progress(json);
        run(&mut a, [Action::Enter]);
        a
    });
}

#[test]
fn main_all_done() {
    check("main_done", all_done);
}

#[test]
fn help_overlay() {
    check("help", |json| {
        let mut a = app(json);
        run(&mut a, [Action::ToggleHelp]);
        a
    });
}

#[test]
fn search_with_results() {
    check("search", |json| {
        let mut a = mid_progress(json);
        run(&mut a, [Action::OpenSearch]);
        run(&mut a, "api".chars().map(Action::SearchInput));
        a
    });
}

#[test]
fn unreadable_profile_popup() {
    check("unreadable", |json| {
        App::unreadable(
            super::roadmap(json),
            "default",
            "profile /home/me/.local/share/roadmap/default.json is damaged (expected value at line 1 column 1); it was left untouched",
            super::now(),
        )
    });
}

#[test]
fn too_small_terminal() {
    for (w, h) in [(60, 20), (79, 24), (20, 5)] {
        let a = app(TUI);
        let terminal = draw(&a, w, h);
        assert_snapshot!(format!("too_small_{w}x{h}"), terminal.backend());
    }
}
