//! The roadmap switcher: `m` lists the roadmaps (through the run loop),
//! Enter switches, and each roadmap keeps its place and undo.

use insta::assert_snapshot;

use super::{SMALL, TUI, app, draw, now, roadmap, run, selected_id};
use crate::session::RoadmapSource;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, LoadedRoadmap, Mode, SwitchEntry};
use crate::tui::keymap::{KeyMode, key_action};

fn entry(key: &str, json: &str, finished: usize, in_use: bool) -> SwitchEntry {
    let r = roadmap(json);
    let total = r.skills.iter().filter(|s| !s.optional).count();
    SwitchEntry {
        key: key.to_string(),
        kind: if key == "builtin" {
            "builtin"
        } else {
            "imported"
        },
        source: RoadmapSource::Library {
            id: key.to_string(),
            path: format!("/library/{key}.json").into(),
        },
        in_use,
        loaded: Ok((
            r.title.clone(),
            r.id.clone(),
            finished,
            total,
            u32::try_from(finished * 100 / total).unwrap(),
        )),
    }
}

fn entries() -> Vec<SwitchEntry> {
    vec![
        entry("small", SMALL, 1, true),
        entry("backend", TUI, 0, false),
        SwitchEntry {
            key: "/gone/old.json".to_string(),
            kind: "file",
            source: RoadmapSource::File("/gone/old.json".into()),
            in_use: false,
            loaded: Err("cannot read the file: No such file or directory".to_string()),
        },
    ]
}

/// Opens the switcher the way the run loop does.
fn open(a: &mut App) {
    let key = key_action(
        KeyMode::Main,
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('m')),
    )
    .unwrap();
    assert_eq!(a.update(key, now()), vec![Effect::ListRoadmaps]);
    run(a, [Action::Roadmaps(Ok(entries()))]);
    assert!(matches!(a.mode, Mode::Switcher(_)));
}

/// The run loop saved: the store hands back the profile as saved.
fn saved(a: &mut App) {
    let profile = a.profile().clone();
    run(a, [Action::Saved(Ok(profile))]);
}

#[test]
fn switching_waits_for_unsaved_changes_and_loses_none() {
    let mut a = app(SMALL);
    run(&mut a, [Action::Down, Action::ToggleDone]);
    run(&mut a, [Action::Saved(Err("disk full".into()))]);
    let done = a.roadmap().skill_index(&selected_id(&a)).unwrap();
    open(&mut a);
    let effects = run(&mut a, [Action::Down, Action::Enter]);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        a.roadmap().id,
        "small",
        "still on the roadmap with the change"
    );
    assert!(a.is_dirty());
    assert_eq!(a.unsaved().len(), 1, "the change still waits to be saved");
    assert!(a.status_of(done).is_finished());
    let shown = format!("{:?}", a.message());
    assert!(shown.contains("not saved yet"), "{shown}");
    // Once saved, switching works.
    saved(&mut a);
    open(&mut a);
    let effects = run(&mut a, [Action::Down, Action::Enter]);
    assert_eq!(
        effects,
        vec![Effect::LoadRoadmap(entries()[1].source.clone())]
    );
}

#[test]
fn switching_keeps_each_roadmaps_place_and_undo() {
    let mut a = app(SMALL);
    // Somewhere in the small roadmap, with a change to undo.
    run(&mut a, [Action::Down, Action::ToggleDone]);
    saved(&mut a);
    let place = selected_id(&a);
    let done = a.roadmap().skill_index(&place).unwrap();
    assert!(a.status_of(done).is_finished());

    open(&mut a);
    // The cursor starts on the roadmap shown.
    let Mode::Switcher(s) = &a.mode else { panic!() };
    assert_eq!(s.cursor, 0);
    let effects = run(&mut a, [Action::Down, Action::Enter]);
    assert_eq!(
        effects,
        vec![Effect::LoadRoadmap(entries()[1].source.clone())]
    );
    run(
        &mut a,
        [Action::RoadmapLoaded(Ok(LoadedRoadmap(Box::new(roadmap(
            TUI,
        )))))],
    );
    assert_eq!(a.roadmap().id, "tui-fixture");
    assert!(matches!(a.mode, Mode::Main));
    // Undo here knows nothing of the other roadmap's change.
    run(&mut a, [Action::Undo]);
    assert!(
        super::info(&a).contains("nothing to undo"),
        "{}",
        super::info(&a)
    );
    run(&mut a, [Action::Down, Action::Down, Action::ToggleDone]);
    saved(&mut a);
    let tui_place = selected_id(&a);

    // Back to the small roadmap: no loading, same place, same undo.
    open(&mut a);
    let effects = run(&mut a, [Action::First, Action::Enter]);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(a.roadmap().id, "small");
    assert_eq!(selected_id(&a), place);
    // Progress made on the other roadmap is kept in the one profile.
    assert!(
        a.profile().roadmaps["tui-fixture"]
            .skills
            .contains_key(&tui_place)
    );
    let effects = run(&mut a, [Action::Undo]);
    assert!(effects.contains(&Effect::Save));
    assert!(!a.status_of(done).is_finished());
    saved(&mut a);

    // And forth again: the other roadmap is where it was left.
    open(&mut a);
    run(&mut a, [Action::Down, Action::Enter]);
    assert_eq!(a.roadmap().id, "tui-fixture");
    assert_eq!(selected_id(&a), tui_place);
}

#[test]
fn a_roadmap_that_does_not_load_is_reported_and_nothing_changes() {
    let mut a = app(SMALL);
    open(&mut a);
    let effects = run(&mut a, [Action::Last, Action::Enter]);
    assert!(effects.is_empty());
    assert_eq!(a.roadmap().id, "small");
    assert!(
        super::info(&a).contains("cannot be loaded"),
        "{}",
        super::info(&a)
    );
    open(&mut a);
    run(&mut a, [Action::Down, Action::Enter]);
    run(&mut a, [Action::RoadmapLoaded(Err("damaged".to_string()))]);
    assert_eq!(a.roadmap().id, "small");
    assert!(super::info(&a).contains("cannot switch: damaged"));
    // Esc closes the switcher without switching.
    open(&mut a);
    run(&mut a, [Action::Close]);
    assert!(matches!(a.mode, Mode::Main));
}

#[test]
fn switcher_screen() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(SMALL);
        a.update(Action::Resize(w, h), now());
        open(&mut a);
        run(&mut a, [Action::Down]);
        assert_snapshot!(format!("switcher_{w}x{h}"), draw(&a, w, h).backend());
    }
}

/// Listing and loading run off the loop, so their outcomes can arrive
/// after the learner did something else: they never push an open screen
/// aside, never switch twice, and never leave a change made meanwhile
/// behind on a parked roadmap.
#[test]
fn outcomes_arriving_late_respect_what_happened_meanwhile() {
    let mut a = app(SMALL);
    // m, then ? before the list arrives: the help stays.
    run(&mut a, [Action::OpenSwitcher, Action::ToggleHelp]);
    run(&mut a, [Action::Roadmaps(Ok(entries()))]);
    assert!(matches!(a.mode, Mode::Help { .. }));
    run(&mut a, [Action::Close]);
    // Enter, then a change before the roadmap arrives: not switched, the
    // change stays with its roadmap, and the learner is told.
    open(&mut a);
    run(&mut a, [Action::Down, Action::Enter]);
    run(&mut a, [Action::Down, Action::ToggleDone]);
    run(
        &mut a,
        [Action::RoadmapLoaded(Ok(LoadedRoadmap(Box::new(roadmap(
            TUI,
        )))))],
    );
    assert_eq!(a.roadmap().id, "small");
    assert!(
        super::info(&a).contains("not saved yet"),
        "{}",
        super::info(&a)
    );
    saved(&mut a);
    // Enter twice: loaded twice, switched once.
    open(&mut a);
    run(&mut a, [Action::Down, Action::Enter]);
    for _ in 0..2 {
        run(
            &mut a,
            [Action::RoadmapLoaded(Ok(LoadedRoadmap(Box::new(roadmap(
                TUI,
            )))))],
        );
    }
    assert_eq!(a.roadmap().id, "tui-fixture");
    open(&mut a);
    let Mode::Switcher(s) = &a.mode else { panic!() };
    assert_eq!(s.entries.len(), 3);
    run(&mut a, [Action::First, Action::Enter]);
    assert_eq!(a.roadmap().id, "small");
    assert_eq!(a.parked.len(), 1, "one roadmap parked, not two");
}
