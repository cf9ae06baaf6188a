//! The map screen: moving along edges, focus and stage, back and forward,
//! status keys, Enter and Esc, the mouse; snapshots at three sizes in
//! monochrome (`NO_COLOR`).

use insta::assert_snapshot;

use super::{draw, now, run};
use crate::map::Scope;
use crate::model::{Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Mode, Pane};
use crate::tui::theme::Theme;

/// The built-in roadmap with some progress, at `w`×`h`.
fn app_at(w: u16, h: u16) -> App {
    let roadmap = crate::model::builtin().unwrap();
    let mut profile = Profile::default();
    for (id, status) in [
        ("what-is-backend", Status::Done),
        ("how-the-web-works", Status::Done),
        ("internet", Status::Done),
        ("http", Status::Done),
        ("html", Status::Done),
        ("terminal", Status::Done),
        ("linux", Status::Done),
        ("git-basics", Status::Doing),
        ("hosting", Status::Skipped),
    ] {
        let i = roadmap.skill_index(id).unwrap();
        profile.set_status(&roadmap, i, status, now());
    }
    let mut app = App::new(roadmap, profile, "default", now()).with_theme(Theme::MONO);
    app.update(Action::Resize(w, h), now());
    app
}

fn id(app: &App, s: &str) -> usize {
    app.roadmap().skill_index(s).unwrap()
}

/// Opens the map with `skill` selected in the lists first.
fn map_on(app: &mut App, skill: &str) {
    let s = id(app, skill);
    app.jump_to(s);
    run(app, [Action::OpenMap]);
    assert!(matches!(app.mode, Mode::Map));
    assert_eq!(selected(app), Some(s));
}

fn selected(app: &App) -> Option<usize> {
    app.map.as_ref().and_then(|m| m.selected)
}

fn scope(app: &App) -> Scope {
    app.map.as_ref().unwrap().scope()
}

#[test]
fn the_map_opens_on_the_skill_the_lists_show_and_closes_back_to_it() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "containers");
    assert_eq!(scope(&app), Scope::All);
    run(&mut app, [Action::Down]);
    let there = selected(&app).unwrap();
    run(&mut app, [Action::OpenMap]);
    assert!(matches!(app.mode, Mode::Main));
    assert_eq!(
        app.current_skill(),
        Some(there),
        "the lists show where the map was"
    );
}

#[test]
fn up_goes_to_a_prerequisite_down_to_a_dependent_preferring_where_you_came_from() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "http");
    run(&mut app, [Action::Up]);
    assert_eq!(
        selected(&app),
        Some(id(&app, "internet")),
        "http's only prerequisite"
    );
    run(&mut app, [Action::Down]);
    assert_eq!(
        selected(&app),
        Some(id(&app, "http")),
        "back the way it came"
    );
    run(&mut app, [Action::Down]);
    let dependent = selected(&app).unwrap();
    assert!(
        app.roadmap()
            .required_by(id(&app, "http"))
            .contains(&dependent),
        "{}",
        app.roadmap().skills[dependent].id
    );
    // Up from a skill that needs a choice goes through it to an option.
    let mut app = app_at(120, 40);
    map_on(&mut app, "postgresql");
    run(&mut app, [Action::Down]);
    let after = selected(&app).unwrap();
    assert!(
        app.roadmap()
            .required_by(id(&app, "postgresql"))
            .contains(&after),
        "{}",
        app.roadmap().skills[after].id
    );
    run(&mut app, [Action::Up]);
    assert_eq!(selected(&app), Some(id(&app, "postgresql")));
}

#[test]
fn left_and_right_stay_in_the_stage_and_say_when_there_is_nothing_more() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "python");
    let stage = app.roadmap().skills[id(&app, "python")].stage;
    for _ in 0..12 {
        run(&mut app, [Action::Right]);
        assert_eq!(app.roadmap().skills[selected(&app).unwrap()].stage, stage);
    }
    assert!(app.message().is_some(), "the end of the stage is said");
    for _ in 0..30 {
        run(&mut app, [Action::Left]);
        assert_eq!(app.roadmap().skills[selected(&app).unwrap()].stage, stage);
    }
}

#[test]
fn focus_shows_what_a_skill_needs_and_unlocks_and_again_the_whole_map() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "kubernetes");
    let k = id(&app, "kubernetes");
    run(&mut app, [Action::MapFocus]);
    assert_eq!(scope(&app), Scope::Focus(k));
    let layout = &app.map.as_ref().unwrap().layout;
    assert!(layout.skill_node(id(&app, "linux")).is_some());
    assert!(layout.skill_node(id(&app, "job-market-research")).is_none());
    // The path left: Kubernetes and what it needs, not the done skills.
    let left = &app.map.as_ref().unwrap().left;
    assert!(left.skills.contains(&k) && !left.skills.contains(&id(&app, "linux")));
    assert!(left.hours > 0);
    run(&mut app, [Action::MapFocus]);
    assert_eq!(scope(&app), Scope::All);
    run(&mut app, [Action::MapStage]);
    assert_eq!(scope(&app), Scope::Stage(app.roadmap().skills[k].stage));
    run(&mut app, [Action::Close]);
    assert_eq!(scope(&app), Scope::All, "Esc: back to the whole map");
    run(&mut app, [Action::Close]);
    assert!(matches!(app.mode, Mode::Main), "Esc again: the lists");
}

#[test]
fn back_and_forward_retrace_jumps_on_the_map_and_off_it() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "http");
    run(&mut app, [Action::Up, Action::Up]);
    assert_eq!(selected(&app), Some(id(&app, "how-the-web-works")));
    run(&mut app, [Action::MapFocus]);
    run(&mut app, [Action::Back]);
    assert_eq!(scope(&app), Scope::All, "back out of the focus");
    run(&mut app, [Action::Back]);
    assert_eq!(selected(&app), Some(id(&app, "internet")));
    run(&mut app, [Action::Back]);
    assert_eq!(selected(&app), Some(id(&app, "http")));
    run(&mut app, [Action::Forward, Action::Forward]);
    assert_eq!(selected(&app), Some(id(&app, "how-the-web-works")));
    // Enter shows the details in the lists; back returns to the map.
    run(&mut app, [Action::Enter]);
    assert!(matches!(app.mode, Mode::Main));
    assert_eq!(app.focus, Pane::Details);
    assert_eq!(app.current_skill(), Some(id(&app, "how-the-web-works")));
    run(&mut app, [Action::Back]);
    assert!(matches!(app.mode, Mode::Map), "back on the map");
    assert_eq!(selected(&app), Some(id(&app, "how-the-web-works")));
}

#[test]
fn status_keys_work_on_the_map_and_the_path_follows() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "dns");
    let dns = id(&app, "dns");
    assert_eq!(app.map.as_ref().unwrap().left.skills, vec![dns]);
    let effects = run(&mut app, [Action::ToggleDone]);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.status_of(dns), Status::Done);
    assert!(app.map.as_ref().unwrap().left.skills.is_empty());
    run(&mut app, [Action::SetStatus(Status::Doing)]);
    assert_eq!(app.status_of(dns), Status::Doing);
    run(&mut app, [Action::Undo]);
    assert_eq!(app.status_of(dns), Status::Done);
    assert!(matches!(app.mode, Mode::Map), "still on the map");
}

#[test]
fn a_click_selects_the_skill_under_the_pointer_and_the_wheel_pans() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "http");
    let canvas = app.map_areas().canvas;
    let map = app.map.as_ref().unwrap();
    let internet = map.layout.skill_node(id(&app, "internet")).unwrap();
    let n = map.layout.nodes[internet];
    let (vx, vy) = map.view;
    let column = canvas.x + u16::try_from(n.x + 1 - vx).unwrap();
    let row = canvas.y + u16::try_from(n.y - vy).unwrap();
    run(&mut app, [Action::Click { column, row }]);
    assert_eq!(selected(&app), Some(id(&app, "internet")));
    let before = app.map.as_ref().unwrap().view;
    run(
        &mut app,
        [Action::ScrollDown { column, row }, Action::PanRight],
    );
    let after = app.map.as_ref().unwrap().view;
    assert!(
        after.0 > before.0 && after.1 > before.1,
        "{before:?} → {after:?}"
    );
    assert_eq!(
        selected(&app),
        Some(id(&app, "internet")),
        "panning keeps the selection"
    );
}

#[test]
fn a_large_roadmap_opens_the_map_on_a_focus_and_never_on_the_whole_graph() {
    let roadmap =
        crate::model::load(crate::synth::roadmap_json(3_000).as_bytes(), "synth").unwrap();
    let mut app = App::new(roadmap, Profile::default(), "default", now()).with_size(120, 40);
    let s = 1_500;
    app.jump_to(s);
    run(&mut app, [Action::OpenMap]);
    assert_eq!(scope(&app), Scope::Focus(s));
    run(&mut app, [Action::MapFocus]);
    assert_eq!(scope(&app), Scope::Focus(s), "no whole map");
    assert!(app.message().is_some());
    run(&mut app, [Action::MapStage, Action::Down, Action::Up]);
    assert!(matches!(scope(&app), Scope::Stage(_) | Scope::Focus(_)));
    let terminal = draw(&app, 120, 40);
    assert!(format!("{:?}", terminal.backend()).contains("Map · "));
}

#[test]
fn help_over_the_map_closes_back_to_the_map() {
    let mut app = app_at(120, 40);
    map_on(&mut app, "http");
    run(&mut app, [Action::ToggleHelp]);
    assert!(matches!(app.mode, Mode::Help { .. }));
    run(&mut app, [Action::Close]);
    assert!(matches!(app.mode, Mode::Map));
}

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

#[test]
fn snapshots_of_the_whole_map_a_focus_and_a_stage() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        map_on(&mut app, "http");
        assert_snapshot!(format!("map_whole_{w}x{h}"), draw(&app, w, h).backend());
        let mut app = app_at(w, h);
        map_on(&mut app, "kubernetes");
        run(&mut app, [Action::MapFocus]);
        assert_snapshot!(format!("map_focus_{w}x{h}"), draw(&app, w, h).backend());
        let mut app = app_at(w, h);
        map_on(&mut app, "postgresql");
        run(&mut app, [Action::MapStage]);
        assert_snapshot!(format!("map_stage_{w}x{h}"), draw(&app, w, h).backend());
    }
}

/// A done skill due for review is marked `[↻]` on the map, as in the
/// lists; one done today is plainly done.
#[test]
fn a_skill_due_for_review_is_marked_due_on_the_map() {
    let roadmap = crate::model::builtin().unwrap();
    let mut profile = Profile::default();
    let http = roadmap.skill_index("http").unwrap();
    let internet = roadmap.skill_index("internet").unwrap();
    profile.set_status(&roadmap, internet, Status::Done, now());
    profile.set_status(
        &roadmap,
        http,
        Status::Done,
        now() - chrono::Duration::days(60),
    );
    let mut app = App::new(roadmap, profile, "default", now()).with_theme(Theme::MONO);
    app.update(Action::Resize(120, 40), now());
    assert!(app.is_due(http) && !app.is_due(internet));
    map_on(&mut app, "http");
    let screen = super::screen(&app, 120, 40);
    assert!(screen.contains("[↻] HTTP"), "{screen}");
    assert!(screen.contains("[x] The internet"), "{screen}");
}
