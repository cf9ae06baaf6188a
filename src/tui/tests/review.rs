//! Reviews in the interactive view: the session opened and graded through
//! the keymap, grades saved like status changes, due marks and the
//! header's count, faded prerequisites on the suggestions, today's plan,
//! logging time; snapshots at 80×24 and 120×40.

use chrono::{Duration, FixedOffset};
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{TUI, draw, info, now, roadmap, run, screen, skill};
use crate::model::review::{Grade, Pending, PendingKind, Settings};
use crate::model::{NoteEdit, Profile, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Mode};
use crate::tui::keymap::{KeyMode, key_action};
use crate::tui::view::text::Zone;

fn press(mode: KeyMode, c: char) -> Action {
    key_action(mode, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        .unwrap_or_else(|| panic!("{c} is not bound in {mode:?}"))
}

/// Skills done some days before `now`, a review of `internet` and a note
/// on `http`, in UTC+10.
pub(super) fn reviewing_app() -> App {
    let r = roadmap(TUI);
    let mut p = Profile::default();
    for (id, days) in [
        ("internet", 30),
        ("http", 12),
        ("terminal", 9),
        ("dns", 1),
        ("python", 20),
    ] {
        let i = r.skill_index(id).unwrap();
        p.set_status(&r, i, Status::Done, now() - Duration::days(days));
    }
    let internet = r.skill_index("internet").unwrap();
    p.record_review(&r, internet, Grade::Good, now() - Duration::days(27))
        .unwrap();
    let http = r.skill_index("http").unwrap();
    p.edit_note(
        &r,
        http,
        &NoteEdit::Append("Status codes: 2xx ok, 3xx redirect, 4xx *my* fault, 5xx theirs.".into()),
        now() - Duration::days(11),
    );
    p.log_spent(&r, http, 390, now() - Duration::days(12));
    App::new(r, p, "default", now())
        .with_zone(Zone::Fixed(FixedOffset::east_opt(10 * 3600).unwrap()))
        .with_size(100, 30)
}

fn session(a: &App) -> &crate::tui::app::review::ReviewSession {
    match &a.mode {
        Mode::Review(s) => s,
        _ => panic!("not the review session"),
    }
}

#[test]
fn the_keys_come_from_the_keymap() {
    assert_eq!(press(KeyMode::Main, 'R'), Action::OpenReview);
    assert_eq!(press(KeyMode::Main, 't'), Action::OpenToday);
    assert_eq!(press(KeyMode::Main, 'T'), Action::LogTime);
    for (c, g) in ['1', '2', '3', '4'].into_iter().zip(Grade::ALL) {
        assert_eq!(press(KeyMode::Review, c), Action::Grade(g));
    }
    assert_eq!(press(KeyMode::Review, 's'), Action::SkipCard);
    assert_eq!(press(KeyMode::Today, 'R'), Action::OpenReview);
    // Typing a time types, whatever the letter.
    assert_eq!(press(KeyMode::LogTime, 'h'), Action::SearchInput('h'));
    assert_eq!(press(KeyMode::LogTime, 'q'), Action::SearchInput('q'));
}

#[test]
fn due_skills_are_marked_counted_and_reviewed_one_key_each() {
    let mut a = reviewing_app();
    let (internet, http, dns) = (skill(&a, "internet"), skill(&a, "http"), skill(&a, "dns"));
    assert!(a.is_due(http), "done 12 days ago, never reviewed");
    assert!(!a.is_due(dns), "done yesterday");
    let due = a.reviews_due();
    assert_eq!(due, 4, "internet, http, terminal, python");
    run(&mut a, [press(KeyMode::Main, 'R')]);
    let queue: Vec<usize> = session(&a).queue.iter().map(|c| c.skill).collect();
    assert_eq!(queue.len(), 4);
    assert!(queue.contains(&internet) && queue.contains(&http));
    let first = queue[0];
    let effects = run(&mut a, [press(KeyMode::Review, '3')]);
    assert_eq!(effects, [Effect::Save]);
    assert_eq!(
        a.unsaved_events(),
        [Pending {
            skill: first,
            what: PendingKind::Review(Grade::Good)
        }]
    );
    assert!(info(&a).contains(": good · next review "), "{}", info(&a));
    assert!(!a.is_due(first));
    assert_eq!(a.reviews_due(), due - 1);
    assert_eq!(session(&a).index, 1);
    assert!(a.is_dirty());
    // The store takes it.
    let saved = a.profile().clone();
    run(&mut a, [Action::Saved(Ok(saved))]);
    assert!(a.unsaved_events().is_empty());
    assert!(!a.is_dirty());
    // Skip one, grade the rest, and the session ends with a summary.
    run(&mut a, [press(KeyMode::Review, 's')]);
    run(
        &mut a,
        [press(KeyMode::Review, '1'), press(KeyMode::Review, '4')],
    );
    assert!(session(&a).is_over());
    assert_eq!(session(&a).graded.len(), 3);
    assert_eq!(session(&a).skipped, 1);
    assert_eq!(a.reviews_due(), 1, "the skipped one");
    run(&mut a, [Action::Close]);
    assert!(matches!(a.mode, Mode::Main));
    assert!(info(&a).contains("3 graded"), "{}", info(&a));
}

#[test]
fn again_brings_it_back_tomorrow_and_easy_later_than_good() {
    let dues: Vec<_> = Grade::ALL
        .into_iter()
        .map(|g| {
            let mut a = reviewing_app();
            let http = skill(&a, "http");
            run(&mut a, [Action::OpenReview]);
            while session(&a).current().map(|c| c.skill) != Some(http) {
                run(&mut a, [Action::SkipCard]);
            }
            run(&mut a, [Action::Grade(g)]);
            a.reviews.memory.card(http).unwrap().due
        })
        .collect();
    assert_eq!(dues[0], a_day(1), "again: tomorrow in the learner's zone");
    assert!(dues.windows(2).all(|w| w[0] < w[1]), "{dues:?}");
}

fn a_day(after: i64) -> chrono::NaiveDate {
    (now() + Duration::hours(10)).date_naive() + Duration::days(after)
}

#[test]
fn nothing_due_says_when_the_next_review_is() {
    let r = roadmap(TUI);
    let mut p = Profile::default();
    p.set_status(&r, r.skill_index("dns").unwrap(), Status::Done, now());
    let mut a = App::new(r, p, "default", now()).with_size(100, 30);
    run(&mut a, [Action::OpenReview]);
    assert!(matches!(a.mode, Mode::Main));
    assert!(
        info(&a)
            .starts_with("nothing to review today · next: DNS and domain names, due 2025-03-03"),
        "{}",
        info(&a)
    );
    assert!(!screen(&a, 100, 30).contains("reviews due"));
}

#[test]
fn a_failed_save_keeps_the_grade_and_quitting_saves_it_first() {
    let mut a = reviewing_app();
    run(&mut a, [Action::OpenReview, Action::Grade(Grade::Hard)]);
    run(&mut a, [Action::Saved(Err("disk full".into()))]);
    assert_eq!(a.unsaved_events().len(), 1, "kept for the next save");
    assert!(a.is_dirty());
    run(&mut a, [Action::Close]);
    assert_eq!(run(&mut a, [Action::Quit]), [Effect::Save]);
}

#[test]
fn grades_made_elsewhere_are_merged_in() {
    let mut a = reviewing_app();
    let http = skill(&a, "http");
    assert!(a.is_due(http));
    let mut disk = a.profile().clone();
    disk.record_review(a.roadmap(), http, Grade::Easy, now())
        .unwrap();
    run(&mut a, [Action::Reloaded(disk)]);
    assert!(!a.is_due(http));
    assert_eq!(a.profile().reviews(a.roadmap(), http).len(), 1);
}

#[test]
fn a_suggestion_says_which_prerequisite_to_review_first() {
    let r = roadmap(TUI);
    let mut p = Profile::default();
    let internet = r.skill_index("internet").unwrap();
    p.set_status(&r, internet, Status::Done, now() - Duration::days(300));
    p.record_review(&r, internet, Grade::Good, now() - Duration::days(298))
        .unwrap();
    let a = App::new(r, p, "default", now()).with_size(100, 30);
    let http = skill(&a, "http");
    let s = a
        .suggestions
        .iter()
        .find(|s| s.skill() == Some(http))
        .unwrap();
    assert!(
        s.reason
            .starts_with("↻ review How the internet works first (memory "),
        "{}",
        s.reason
    );
    // Not below a lower threshold.
    let a = a.with_review(Settings {
        prerequisite_memory: 0.3,
        ..Settings::default()
    });
    let s = a
        .suggestions
        .iter()
        .find(|s| s.skill() == Some(http))
        .unwrap();
    assert!(!s.reason.contains('↻'), "{}", s.reason);
}

#[test]
fn today_lists_reviews_then_steps_and_jumps_to_a_skill() {
    let mut a = reviewing_app();
    run(&mut a, [press(KeyMode::Main, 't')]);
    assert!(matches!(a.mode, Mode::Today(_)));
    let plan = a.reviews.plan.as_deref().unwrap().clone();
    assert_eq!(plan.minutes, 60);
    assert_eq!(plan.reviews.len(), 4);
    assert!(!plan.learn.is_empty());
    let skills = a.plan_skills();
    let last = *skills.last().unwrap();
    run(&mut a, [Action::Last, Action::Enter]);
    assert!(matches!(a.mode, Mode::Main));
    assert_eq!(a.selected_skill(), Some(last));
    // R from Today starts the session.
    run(&mut a, [Action::OpenToday, press(KeyMode::Today, 'R')]);
    assert!(matches!(a.mode, Mode::Review(_)));
}

#[test]
fn time_is_logged_from_today_and_from_the_main_view() {
    let mut a = reviewing_app();
    run(&mut a, [Action::OpenToday, Action::Last, Action::LogTime]);
    assert!(matches!(a.mode, Mode::LogTime(_)));
    let step = *a.plan_skills().last().unwrap();
    let typed: Vec<Action> = "45m".chars().map(Action::SearchInput).collect();
    run(&mut a, typed);
    let effects = run(&mut a, [Action::Enter]);
    assert_eq!(effects, [Effect::Save]);
    assert!(matches!(a.mode, Mode::Today(_)), "back to today's plan");
    assert_eq!(
        a.unsaved_events(),
        [Pending {
            skill: step,
            what: PendingKind::Spent(45)
        }]
    );
    let line = a
        .reviews
        .plan
        .as_ref()
        .unwrap()
        .learn
        .iter()
        .find(|l| l.skill == step)
        .copied()
        .unwrap();
    assert_eq!(line.logged_today, 45);
    assert!(info(&a).contains("logged 45 min on"), "{}", info(&a));
    // From the main view, on the selected skill; a wrong time is refused
    // and the box stays.
    run(&mut a, [Action::Close, Action::LogTime]);
    let typed: Vec<Action> = "12".chars().map(Action::SearchInput).collect();
    run(&mut a, typed);
    run(&mut a, [Action::Enter]);
    match &a.mode {
        Mode::LogTime(input) => assert!(
            input
                .error
                .as_deref()
                .unwrap_or("")
                .contains("is not a duration"),
            "{:?}",
            input.error
        ),
        _ => panic!("the box closed"),
    }
    run(&mut a, [Action::Close]);
    assert!(matches!(a.mode, Mode::Main));
    assert_eq!(a.unsaved_events().len(), 1);
}

#[test]
fn review_session_snapshots() {
    let mut a = reviewing_app();
    let http = skill(&a, "http");
    run(&mut a, [Action::OpenReview]);
    while session(&a).current().map(|c| c.skill) != Some(http) {
        run(&mut a, [Action::SkipCard]);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        run(&mut a, [Action::Resize(w, h)]);
        assert_snapshot!(format!("review_card_{w}x{h}"), draw(&a, w, h).backend());
    }
    run(&mut a, [Action::Grade(Grade::Good)]);
    while !session(&a).is_over() {
        run(&mut a, [Action::Grade(Grade::Easy)]);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        run(&mut a, [Action::Resize(w, h)]);
        assert_snapshot!(format!("review_done_{w}x{h}"), draw(&a, w, h).backend());
    }
}

#[test]
fn today_snapshots() {
    let mut a = reviewing_app();
    let http = skill(&a, "http");
    a.profile.log_spent(&a.roadmap, http, 30, now());
    run(
        &mut a,
        [
            Action::OpenReview,
            Action::Grade(Grade::Good),
            Action::Close,
        ],
    );
    run(&mut a, [Action::OpenToday, Action::Down]);
    for (w, h) in [(80, 24), (120, 40)] {
        run(&mut a, [Action::Resize(w, h)]);
        assert_snapshot!(format!("today_{w}x{h}"), draw(&a, w, h).backend());
    }
    run(&mut a, [Action::LogTime, Action::SearchInput('9')]);
    run(&mut a, [Action::Enter]);
    run(&mut a, [Action::Resize(80, 24)]);
    assert_snapshot!("log_time_refused_80x24", draw(&a, 80, 24).backend());
}

#[test]
fn details_with_memory_snapshots() {
    let mut a = reviewing_app();
    let http = skill(&a, "http");
    a.jump_to(http);
    run(&mut a, [Action::Enter]);
    for (w, h) in [(80, 24), (120, 40)] {
        run(&mut a, [Action::Resize(w, h)]);
        let text = screen(&a, w, h);
        assert!(text.contains("review due since"), "{text}");
        assert!(text.contains("6 h 30 min logged"), "{text}");
        assert_snapshot!(format!("details_memory_{w}x{h}"), draw(&a, w, h).backend());
    }
}
