//! The stats view: opened by a key through the keymap, numbers computed in
//! the model once and kept until statuses change, snapshots at 80×24 and
//! 120×40 in a fixed zone at a fixed `now`, readable without colour.

use chrono::{Duration, FixedOffset};
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use super::{TUI, app, app_with, draw, now, roadmap, run, screen, skill};
use crate::model::journal::Stats;
use crate::model::{Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Mode};
use crate::tui::keymap::{KeyMode, key_action};
use crate::tui::theme::Theme;
use crate::tui::view::text::Zone;

fn plus_ten() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(10 * 3600).unwrap())
}

/// Two months of steady work before `now`, in UTC+10.
pub(super) fn journal_app() -> App {
    let r = roadmap(TUI);
    let mut p = Profile::default();
    let plan: &[(&str, i64, i64)] = &[
        ("internet", 60, 58),
        ("http", 57, 50),
        ("terminal", 49, 45),
        ("dns", 44, 44),
        ("git-basics", 40, 30),
        ("python", 29, 9),
        ("code-review", 8, 2),
        ("json", 1, 0),
    ];
    for &(id, started, done) in plan {
        let i = r.skill_index(id).unwrap();
        p.set_status(
            &r,
            i,
            Status::Doing,
            now() - Duration::days(started) - Duration::hours(3),
        );
        p.set_status(
            &r,
            i,
            Status::Done,
            now() - Duration::days(done) - Duration::hours(1),
        );
    }
    // A busy day and a skipped skill.
    let i = r.skill_index("web-history").unwrap();
    for k in 0..4 {
        let s = if k % 2 == 0 {
            Status::Doing
        } else {
            Status::Todo
        };
        p.set_status(&r, i, s, now() - Duration::days(20) + Duration::minutes(k));
    }
    p.set_status(
        &r,
        i,
        Status::Skipped,
        now() - Duration::days(20) + Duration::minutes(9),
    );
    App::new(r, p, "default", now())
        .with_zone(plus_ten())
        .with_size(100, 30)
}

fn scroll(a: &App) -> usize {
    match a.mode {
        Mode::Stats { scroll } => scroll,
        _ => panic!("not the stats view"),
    }
}

fn is_stats(a: &App) -> bool {
    matches!(a.mode, Mode::Stats { .. })
}

#[test]
fn a_opens_the_stats_through_the_keymap_and_esc_or_a_closes_them() {
    let press = |mode, c| key_action(mode, KeyEvent::new(c, KeyModifiers::NONE));
    assert_eq!(
        press(KeyMode::Main, KeyCode::Char('a')),
        Some(Action::OpenStats)
    );
    assert_eq!(press(KeyMode::Stats, KeyCode::Esc), Some(Action::Close));
    assert_eq!(
        press(KeyMode::Stats, KeyCode::Char('a')),
        Some(Action::Close)
    );
    let mut a = journal_app();
    assert!(
        a.stats().is_none(),
        "nothing is computed before the view opens"
    );
    assert!(run(&mut a, [Action::OpenStats]).is_empty());
    assert!(is_stats(&a));
    assert_eq!(a.key_mode(), KeyMode::Stats);
    assert_eq!(a.stats().unwrap().finished.len(), 8);
    run(&mut a, [Action::Close]);
    assert!(matches!(a.mode, Mode::Main));
    run(&mut a, [Action::OpenStats, Action::OpenStats]);
    assert!(matches!(a.mode, Mode::Main));
    // The help and the footer list the key.
    run(&mut a, [Action::ToggleHelp]);
    let help = screen(&a, 120, 40);
    assert!(
        help.contains("stats: streaks, calendar, pace, finish date"),
        "{help}"
    );
    run(&mut a, [Action::Close]);
    // The footer offers it where the whole roadmap is in view.
    a.focus = crate::tui::app::Pane::Stages;
    assert!(screen(&a, 120, 40).contains("a stats"));
}

#[test]
fn stats_are_computed_once_and_kept_until_a_status_changes() {
    let mut a = journal_app();
    run(&mut a, [Action::OpenStats]);
    let first: *const Stats = a.stats().unwrap();
    let events = a.stats().unwrap().events;
    run(&mut a, [Action::Close, Action::OpenStats]);
    assert!(
        std::ptr::eq(first, a.stats().unwrap()),
        "reopening reuses the numbers"
    );
    run(&mut a, [Action::Close]);
    let target = a.current_skill().unwrap();
    let before = a.status_of(target);
    run(&mut a, [Action::ToggleDone]);
    assert_ne!(a.status_of(target), before);
    assert!(a.stats().is_none(), "a status change drops the old numbers");
    run(&mut a, [Action::OpenStats]);
    assert_eq!(a.stats().unwrap().events, events + 1);
    // Undo is a change too.
    run(&mut a, [Action::Close, Action::Undo, Action::OpenStats]);
    assert_eq!(a.stats().unwrap().events, events + 2);
}

#[test]
fn a_reload_while_the_stats_are_open_updates_them() {
    let mut a = journal_app();
    run(&mut a, [Action::OpenStats]);
    let best = a.stats().unwrap().streaks;
    let events = a.stats().unwrap().events;
    let mut disk = a.profile().clone();
    let r = a.roadmap().clone();
    disk.set_status(&r, skill(&a, "sql"), Status::Doing, now());
    run(&mut a, [Action::Reloaded(disk)]);
    assert!(is_stats(&a));
    let s = a.stats().unwrap();
    assert_eq!(
        s.events,
        events + 1,
        "the other instance's change is counted"
    );
    assert!(s.streaks.today);
    assert_eq!(s.streaks.current, best.current.max(1));
}

#[test]
fn the_day_turning_recomputes_and_days_are_the_apps_zone() {
    let mut a = journal_app();
    run(&mut a, [Action::OpenStats, Action::Close]);
    // 12:00 UTC is 22:00 in UTC+10: still 1 March there.
    assert_eq!(a.stats().unwrap().today.to_string(), "2025-03-01");
    let later = now() + Duration::hours(3);
    a.update(Action::OpenStats, later);
    assert_eq!(a.stats().unwrap().today.to_string(), "2025-03-02");
    // The same history in UTC: "json" was done 1 hour before noon UTC,
    // the first of March either way; the streak counts the same days.
    let utc = journal_app().with_zone(Zone::default());
    let mut utc = utc;
    run(&mut utc, [Action::OpenStats]);
    assert_eq!(utc.stats().unwrap().today.to_string(), "2025-03-01");
}

#[test]
fn the_stats_scroll_and_quit_like_the_help() {
    let mut a = journal_app();
    a.update(Action::Resize(80, 24), now());
    run(&mut a, [Action::OpenStats]);
    let top = screen(&a, 80, 24);
    assert!(top.contains("Streak"), "{top}");
    run(&mut a, [Action::Down]);
    assert_eq!(scroll(&a), 1);
    run(&mut a, [Action::Last]);
    let max = scroll(&a);
    assert!(max > 1);
    run(&mut a, [Action::Down, Action::PageDown]);
    assert_eq!(scroll(&a), max);
    let bottom = screen(&a, 80, 24);
    assert!(
        bottom.contains("Time per skill") && bottom.contains("same day"),
        "{bottom}"
    );
    run(&mut a, [Action::First]);
    assert_eq!(scroll(&a), 0);
    assert_eq!(run(&mut a, [Action::Quit]), [Effect::Quit]);
}

#[test]
fn an_empty_profile_shows_zeros_and_no_finish_date() {
    let mut a = app(TUI).with_zone(plus_ten());
    run(&mut a, [Action::OpenStats]);
    let text = screen(&a, 120, 40);
    assert!(text.contains("Streak     0 days"), "{text}");
    assert!(
        text.contains("no finish date yet: 0 days of activity"),
        "{text}"
    );
    assert!(text.contains("nothing done yet"), "{text}");
}

#[test]
fn the_heatmap_reads_without_colour() {
    let mut a = journal_app().with_theme(Theme::MONO);
    a.update(Action::Resize(120, 40), now());
    run(&mut a, [Action::OpenStats]);
    let terminal = draw(&a, 120, 40);
    let buf = terminal.backend().buffer();
    let mut shades = std::collections::BTreeSet::new();
    let text = screen(&a, 120, 40);
    for (y, line) in (0..buf.area.height).zip(text.lines()) {
        if line.contains("none") {
            continue; // the legend
        }
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if "·░▒▓".contains(cell.symbol()) && !cell.symbol().is_empty() {
                assert_eq!(cell.fg, Color::Reset, "no colour at {x},{y}");
                shades.insert(cell.symbol().to_string());
            }
        }
    }
    // Days without activity, single changes and the busy day all differ.
    for s in ["·", "░", "▒", "▓"] {
        assert!(shades.contains(s), "{s} in {shades:?}");
    }
    assert!(
        text.contains("· none  ░ 1  ▒ 2–3  ▓ 4–6  █ 7+ events a day"),
        "{text}"
    );
    assert!(
        text.contains("Mon ") && text.contains("Wed ") && text.contains("Fri "),
        "{text}"
    );
}

#[test]
fn stats_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = journal_app();
        a.update(Action::Resize(w, h), now());
        run(&mut a, [Action::OpenStats]);
        assert_snapshot!(format!("stats_{w}x{h}"), draw(&a, w, h).backend());
        run(&mut a, [Action::Last]);
        assert_snapshot!(format!("stats_bottom_{w}x{h}"), draw(&a, w, h).backend());
    }
}

#[test]
fn app_with_helper_still_works_for_stats() {
    let mut a = app_with(TUI, &[("internet", Status::Done, 3)]);
    run(&mut a, [Action::OpenStats]);
    assert_eq!(a.stats().unwrap().finished.len(), 1);
}

#[test]
fn a_long_time_per_skill_list_is_cut_to_the_most_recent() {
    let r = crate::model::load(crate::synth::roadmap_json(100).as_bytes(), "synth").unwrap();
    let mut p = Profile::default();
    for i in 0..r.skills.len() {
        let minutes = i64::try_from(i).unwrap();
        let at = now() - Duration::minutes(minutes);
        p.set_status(&r, i, Status::Doing, at - Duration::hours(1));
        p.set_status(&r, i, Status::Done, at);
    }
    let done = r.skills.len();
    let mut a = App::new(r, p, "default", now()).with_size(120, 40);
    run(&mut a, [Action::OpenStats, Action::Last]);
    let text = screen(&a, 120, 40);
    assert!(
        text.contains(&format!(
            "… and {} more (roadmap stats --json lists them all)",
            done - 30
        )),
        "{text}"
    );
}
