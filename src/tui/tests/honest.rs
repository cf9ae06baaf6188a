//! Undo takes back only what is still ours; dates are true and local;
//! text fits without cutting words or units.

use chrono::{Duration, FixedOffset, TimeZone, Utc};

use super::{SMALL, TUI, app, info, now, run, screen, skill};
use crate::model::{Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::view::details;
use crate::tui::view::layout::{areas, inner};
use crate::tui::view::text::{Zone, wrap};

#[test]
fn undo_refuses_when_the_skill_was_changed_elsewhere() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    run(&mut a, [Action::ToggleDone]);
    let saved = a.profile().clone();
    run(&mut a, [Action::Saved(Ok(saved.clone()))]);
    // Another window marks it doing afterwards.
    let mut disk = saved;
    disk.set_status(
        a.roadmap(),
        internet,
        Status::Doing,
        now() + Duration::minutes(5),
    );
    run(&mut a, [Action::Reloaded(disk)]);
    assert_eq!(a.status_of(internet), Status::Doing);
    assert!(run(&mut a, [Action::Undo]).is_empty(), "nothing to save");
    assert_eq!(a.status_of(internet), Status::Doing, "their change stays");
    assert!(info(&a).contains("changed elsewhere"), "{}", info(&a));
    assert!(!a.is_dirty());
    // The entry is used up: the next undo has nothing left.
    run(&mut a, [Action::Undo]);
    assert!(info(&a).contains("nothing to undo"));
}

#[test]
fn undo_still_works_when_the_status_is_the_one_set() {
    let mut a = app(SMALL);
    let internet = skill(&a, "internet");
    run(&mut a, [Action::SetStatus(Status::Doing)]);
    assert_eq!(run(&mut a, [Action::Undo]), vec![Effect::Save]);
    assert_eq!(a.status_of(internet), Status::Todo);
}

fn with_history(steps: &[Status]) -> App {
    let roadmap = super::roadmap(TUI);
    let mut profile = Profile::default();
    let i = roadmap.skill_index("internet").unwrap();
    for (n, &status) in steps.iter().enumerate() {
        let days = i64::try_from(steps.len() - n).unwrap();
        profile.set_status(&roadmap, i, status, now() - Duration::days(days));
    }
    App::new(roadmap, profile, "default", now()).with_size(120, 40)
}

fn summary(a: &App) -> String {
    details::lines(a, crate::model::Step::Skill(skill(a, "internet")), 80)
        .iter()
        .take(4)
        .map(|l| l.line.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn started_is_shown_only_for_skills_that_were_started() {
    let straight = with_history(&[Status::Done]);
    assert!(summary(&straight).contains("done on"));
    assert!(
        !summary(&straight).contains("started"),
        "{}",
        summary(&straight)
    );
    let worked = with_history(&[Status::Doing, Status::Done]);
    assert!(summary(&worked).contains("started"), "{}", summary(&worked));
    let doing = with_history(&[Status::Doing]);
    assert!(summary(&doing).contains("started"));
    let reset = with_history(&[Status::Doing, Status::Todo]);
    assert!(!summary(&reset).contains("started"), "{}", summary(&reset));
    let skipped = with_history(&[Status::Done, Status::Skipped]);
    assert!(!summary(&skipped).contains("started"));
}

#[test]
fn dates_are_shown_in_the_users_zone() {
    let roadmap = super::roadmap(TUI);
    let mut profile = Profile::default();
    let i = roadmap.skill_index("internet").unwrap();
    let late = Utc.with_ymd_and_hms(2025, 2, 20, 23, 30, 0).unwrap();
    profile.set_status(&roadmap, i, Status::Done, late);
    let utc = App::new(roadmap.clone(), profile.clone(), "default", now());
    assert!(summary(&utc).contains("2025-02-20"));
    let tokyo = App::new(roadmap, profile.clone(), "default", now())
        .with_zone(Zone::Fixed(FixedOffset::east_opt(9 * 3600).unwrap()));
    assert!(
        summary(&tokyo).contains("2025-02-21"),
        "{}",
        summary(&tokyo)
    );
    // The file keeps UTC.
    assert_eq!(
        tokyo.profile().entry(tokyo.roadmap(), i).unwrap().changed,
        late
    );
}

/// The text in the next-steps pane, one string per row.
fn next_pane(a: &App, w: u16, h: u16) -> Vec<String> {
    let area = inner(
        areas(
            ratatui::layout::Rect::new(0, 0, w, h),
            a.roadmap().stages.len(),
        )
        .next,
    );
    let all: Vec<String> = screen(a, w, h).lines().map(str::to_string).collect();
    all[usize::from(area.y)..usize::from(area.bottom())]
        .iter()
        .map(|l| {
            l.chars()
                .skip(usize::from(area.x))
                .take(usize::from(area.width))
                .collect::<String>()
        })
        .collect()
}

#[test]
fn reasons_wrap_instead_of_being_cut() {
    let a = super::app_with(
        TUI,
        &[
            ("internet", Status::Done, 20),
            ("python", Status::Done, 3),
            ("language-deep", Status::Doing, 2),
        ],
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = App::new(a.roadmap().clone(), a.profile().clone(), "default", now());
        a.update(Action::Resize(w, h), now());
        let cells = usize::from(inner(a.areas().next).width);
        let rows = next_pane(&a, w, h);
        let text = rows
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut checked = 0;
        for s in &a.suggestions {
            if wrap(&s.reason, cells.saturating_sub(4)).len() <= 2
                && text.contains(&a.roadmap().skills[s.skill().unwrap()].title[..6])
            {
                assert!(
                    text.contains(&s.reason),
                    "{w}x{h}: {:?} not whole in {rows:#?}",
                    s.reason
                );
                checked += 1;
            }
        }
        assert!(checked >= 2, "{w}x{h}");
        assert!(
            rows.iter()
                .all(|r| !r.trim_end().ends_with(" 6") && !r.trim_start().starts_with("h ")),
            "{rows:#?}"
        );
    }
}

#[test]
fn choice_headers_keep_their_state_whole() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(TUI);
        a.update(Action::Resize(w, h), now());
        a.select_stage(1);
        let shown = screen(&a, w, h);
        let header = shown.lines().find(|l| l.contains("┌ Pick one")).unwrap();
        assert!(
            header.contains("(0 done)") || header.contains("0/1 picked"),
            "{w}x{h}: {header}"
        );
    }
}

#[test]
fn clicks_in_the_next_pane_hit_the_suggestion_drawn_there() {
    let mut a = super::app_with(
        TUI,
        &[
            ("internet", Status::Done, 20),
            ("python", Status::Done, 3),
            ("language-deep", Status::Doing, 2),
        ],
    );
    a.update(Action::Resize(80, 24), now());
    // A reason too long for one line at 80 columns wraps to two.
    a.suggestions[0].reason = "in progress for 2 days · unlocks 1 skill".to_string();
    let area = inner(a.areas().next);
    let rows = next_pane(&a, 80, 24);
    assert!(rows[2].trim_start().starts_with('·'), "{rows:#?}");
    let click = |a: &mut App, dy: u16| {
        a.update(
            Action::Click {
                column: area.x + 5,
                row: area.y + dy,
            },
            now(),
        );
        a.next_cursor
    };
    // Every row of a suggestion (title or reason) selects that suggestion.
    let mut drawn = None;
    for (dy, row) in rows.iter().enumerate() {
        if let Some(n) = row
            .trim_start()
            .split('.')
            .next()
            .and_then(|n| n.parse::<usize>().ok())
        {
            drawn = Some(n - 1);
        }
        if row.trim().is_empty() {
            break;
        }
        let dy = u16::try_from(dy).unwrap();
        assert_eq!(Some(click(&mut a, dy)), drawn, "row {dy}: {rows:#?}");
    }
    assert_eq!(click(&mut a, 3), 1, "{rows:#?}");
    // Paging moves by what a page shows.
    a.next_cursor = 0;
    run(&mut a, [Action::PageDown]);
    assert!(a.next_cursor >= 2, "{}", a.next_cursor);
}
