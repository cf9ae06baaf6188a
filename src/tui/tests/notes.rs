//! Notes in the TUI: `e` hands the note to the editor, the edit is saved
//! through the store, `u` takes it back, links in it are followed and
//! copied, search finds it; snapshots of a skill with a note.

use chrono::{Duration, FixedOffset};
use insta::assert_snapshot;

use super::{TUI, app_with, draw, info, now, run, skill};
use crate::model::{NoteEdit, NoteSaved, Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Pane};
use crate::tui::view::text::Zone;

const NOTE: &str = "# What I built\nA tiny **HTTP** server in Go.\n\n- handles `GET`\n- see [my repo](https://example.com/me/server)\n\n```\ncurl -i localhost:8080\n```\n\nRead https://example.org/rfc9110 next.";

/// The app after the store saved `edit` on the current skill, as the run
/// loop does.
fn save(app: &mut App, effects: &[Effect]) -> Profile {
    let [Effect::SaveNote { skill, edit }] = effects else {
        panic!("expected a note save, got {effects:?}");
    };
    let mut disk = app.profile().clone();
    let outcome = disk.edit_note(app.roadmap(), *skill, edit, now() + Duration::seconds(1));
    app.update(
        Action::NoteSaved {
            skill: *skill,
            result: Ok((disk.clone(), outcome)),
        },
        now(),
    );
    disk
}

fn with_note() -> App {
    let mut a = app_with(
        TUI,
        &[("internet", Status::Done, 20), ("http", Status::Doing, 3)],
    )
    .with_zone(Zone::Fixed(FixedOffset::east_opt(10 * 3600).unwrap()));
    let http = skill(&a, "http");
    a.jump_to(http);
    let effects = run(&mut a, [Action::EditNote]);
    let Some(Effect::EditNote { skill, base, .. }) = effects.first().cloned() else {
        panic!("{effects:?}");
    };
    let effects = a.update(
        Action::NoteEdited {
            skill,
            base,
            result: Ok(NOTE.to_string()),
        },
        now(),
    );
    save(&mut a, &effects);
    a
}

#[test]
fn e_opens_the_note_of_the_current_skill_in_the_editor() {
    let mut a = app_with(TUI, &[]);
    let http = skill(&a, "http");
    a.jump_to(http);
    let effects = run(&mut a, [Action::EditNote]);
    assert_eq!(
        effects,
        [Effect::EditNote {
            skill: http,
            text: String::new(),
            base: None
        }]
    );
}

#[test]
fn an_edited_note_is_saved_and_shown() {
    let a = with_note();
    let http = skill(&a, "http");
    assert_eq!(a.profile().note(a.roadmap(), http).unwrap().text, NOTE);
    assert!(
        info(&a).contains("saved · the note on HTTP"),
        "{}",
        info(&a)
    );
}

#[test]
fn an_unchanged_or_failed_edit_saves_nothing_and_says_why() {
    let mut a = with_note();
    let http = skill(&a, "http");
    let base = a.profile().stored_note(a.roadmap(), http).map(|n| n.at);
    let same = Action::NoteEdited {
        skill: http,
        base,
        result: Ok(NOTE.to_string()),
    };
    assert!(a.update(same, now()).is_empty());
    assert!(info(&a).contains("unchanged"));
    let failed = Action::NoteEdited {
        skill: http,
        base,
        result: Err("the editor 'vi' exited with code 1; … kept in /tmp/x.md".to_string()),
    };
    assert!(a.update(failed, now()).is_empty());
    assert!(info(&a).contains("kept in /tmp/x.md"), "{}", info(&a));
}

#[test]
fn a_concurrent_edit_keeps_both_and_says_so() {
    let mut a = with_note();
    let http = skill(&a, "http");
    let base = a.profile().stored_note(a.roadmap(), http).map(|n| n.at);
    // Another window saved a new version while our editor was open.
    let mut elsewhere = a.profile().clone();
    elsewhere.edit_note(
        a.roadmap(),
        http,
        &NoteEdit::Append("from the laptop".into()),
        now(),
    );
    a.update(Action::Reloaded(elsewhere.clone()), now());
    let effects = a.update(
        Action::NoteEdited {
            skill: http,
            base,
            result: Ok("my rewrite".to_string()),
        },
        now(),
    );
    let [Effect::SaveNote { edit, .. }] = &effects[..] else {
        panic!("{effects:?}")
    };
    let outcome = elsewhere.edit_note(a.roadmap(), http, edit, now() + Duration::seconds(2));
    assert!(matches!(outcome, NoteSaved::Conflict { .. }));
    a.update(
        Action::NoteSaved {
            skill: http,
            result: Ok((elsewhere, outcome)),
        },
        now(),
    );
    assert!(info(&a).contains("both versions are kept"), "{}", info(&a));
    let text = &a.profile().note(a.roadmap(), http).unwrap().text;
    assert!(text.contains("from the laptop") && text.contains("my rewrite"));
}

#[test]
fn clearing_a_note_is_undone_by_u() {
    let mut a = with_note();
    let http = skill(&a, "http");
    let base = a.profile().stored_note(a.roadmap(), http).map(|n| n.at);
    let effects = a.update(
        Action::NoteEdited {
            skill: http,
            base,
            result: Ok(String::new()),
        },
        now(),
    );
    save(&mut a, &effects);
    assert!(a.profile().note(a.roadmap(), http).is_none());
    assert!(info(&a).contains("u brings it back"), "{}", info(&a));
    let effects = run(&mut a, [Action::Undo]);
    save(&mut a, &effects);
    assert_eq!(a.profile().note(a.roadmap(), http).unwrap().text, NOTE);
}

#[test]
fn links_in_a_note_are_opened_and_copied() {
    let mut a = with_note();
    run(&mut a, [Action::Resize(120, 40), Action::Enter]);
    assert_eq!(a.focus, Pane::Details);
    // The first link of the details is the note's first.
    assert_eq!(
        run(&mut a, [Action::CopyUrl]),
        [Effect::Copy("https://example.com/me/server".to_string())]
    );
    assert_eq!(
        run(&mut a, [Action::Down, Action::OpenResource]),
        [Effect::OpenUrl("https://example.org/rfc9110".to_string())]
    );
    assert_eq!(
        run(&mut a, [Action::Enter]),
        [Effect::OpenUrl("https://example.org/rfc9110".to_string())]
    );
}

#[test]
fn search_finds_words_of_a_note() {
    let mut a = with_note();
    run(&mut a, [Action::OpenSearch]);
    for c in "curl".chars() {
        a.update(Action::SearchInput(c), now());
    }
    let crate::tui::app::Mode::Search(s) = &a.mode else {
        panic!()
    };
    assert_eq!(s.results.first(), Some(&skill(&a, "http")));
}

#[test]
fn a_goal_shows_in_the_header() {
    let mut a = app_with(TUI, &[("internet", Status::Done, 3)]);
    let mut p = a.profile().clone();
    p.set_goal(
        &a.roadmap().id,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
        now(),
    );
    a.update(Action::Reloaded(p), now());
    let top = |a: &mut App, w: u16| {
        a.update(Action::Resize(w, 40), now());
        super::screen(a, w, 40).lines().next().unwrap().to_string()
    };
    // Six days of history: the journal's pace needs fourteen.
    let wide = top(&mut a, 160);
    assert!(
        wide.contains("goal 2025-12-31 · 6.3 h a week · too early to tell"),
        "{wide}"
    );
    let narrow = top(&mut a, 120);
    assert!(narrow.contains("goal 6.3 h/wk"), "{narrow}");
    assert!(
        narrow.contains("Backend Engineer"),
        "the title stays: {narrow}"
    );
}

#[test]
fn a_skill_with_a_note() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = with_note();
        a.update(Action::Resize(w, h), now());
        // Into the details, then down to the note's first link.
        run(&mut a, [Action::Enter, Action::Down]);
        assert_snapshot!(format!("note_details_{w}x{h}"), draw(&a, w, h).backend());
    }
}

/// An app showing `http` with a note of 40,000 lines (2.2 MB).
fn with_huge_note() -> (App, usize) {
    use std::fmt::Write as _;
    let mut a = app_with(TUI, &[("http", Status::Doing, 3)]);
    let http = skill(&a, "http");
    let mut huge = String::new();
    for n in 0..40_000 {
        let _ = writeln!(huge, "line {n} of a long note, see https://example.com/{n}");
    }
    let mut p = a.profile().clone();
    p.edit_note(a.roadmap(), http, &NoteEdit::Append(huge), now());
    a.update(Action::Reloaded(p), now());
    a.update(Action::Resize(120, 40), now());
    a.jump_to(http);
    (a, http)
}

/// Issue 17, item 3: a huge note made every key press render all of it as
/// Markdown (1 MB: 0.13 s a key, 10 MB: 1.6 s). Now the details show its
/// beginning and say how much more there is (speed: `cargo bench --bench
/// notes`).
#[test]
fn a_huge_note_is_shown_in_part() {
    use crate::tui::view::details;
    let (a, http) = with_huge_note();
    let lines = details::lines(&a, crate::model::Step::Skill(http), 80);
    assert!(lines.len() < 600, "{} lines in the details", lines.len());
    let text: Vec<String> = lines
        .iter()
        .map(|l| l.line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(text.iter().any(|l| l.contains("line 0 of a long note")));
    assert!(!text.iter().any(|l| l.contains("line 39999")));
    assert!(
        text.iter()
            .any(|l| l.contains(" MB more of this note is not shown here · e opens it whole")),
        "{:?}",
        &text[text.len().saturating_sub(20)..]
    );
    // Only the links shown can be selected.
    assert!(details::note_links(&a, http).len() < 600);
}

/// The note is rendered once per change (of it, the width or the
/// colours), not once per key press or frame.
#[test]
fn a_huge_note_is_rendered_once_per_change() {
    let (mut a, http) = with_huge_note();
    draw(&a, 120, 40);
    let before = a.note_lines.renders();
    for action in [
        Action::NextPane,
        Action::Down,
        Action::Down,
        Action::Up,
        Action::PageDown,
    ] {
        a.update(action, now());
        draw(&a, 120, 40);
    }
    assert_eq!(
        a.note_lines.renders(),
        before,
        "rendered again without a change"
    );
    let mut p = a.profile().clone();
    p.edit_note(
        a.roadmap(),
        http,
        &NoteEdit::Append("one more line".into()),
        now(),
    );
    a.update(Action::Reloaded(p), now());
    draw(&a, 120, 40);
    assert_eq!(a.note_lines.renders(), before + 1);
}
