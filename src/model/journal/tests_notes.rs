//! Notes as activity, and the goal at the journal's pace.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Asia::Tokyo;

use super::tests::{day, small, utc};
use super::*;
use crate::model::goal::{self, Verdict};
use crate::model::{NoteEdit, Profile, Roadmap, evaluate};

fn write(roadmap: &Roadmap, p: &mut Profile, id: &str, text: &str, at: DateTime<Utc>) {
    let skill = roadmap.skill_index(id).unwrap();
    p.edit_note(roadmap, skill, &NoteEdit::Append(text.to_string()), at);
}

fn stats_at<Tz: TimeZone>(roadmap: &Roadmap, p: &Profile, now: DateTime<Utc>, tz: &Tz) -> Stats {
    let states = p.states(roadmap);
    let eval = evaluate(roadmap, &states);
    Stats::compute(roadmap, &activities(roadmap, p), &states, &eval, now, tz)
}

#[test]
fn a_note_is_one_event_at_its_latest_stamp_and_a_cleared_note_none() {
    let r = small();
    let mut p = Profile::default();
    let http = r.skill_index("http").unwrap();
    p.set_status(&r, http, Status::Doing, utc(2025, 3, 1, 9, 0));
    write(&r, &mut p, "http", "Read RFC 9110", utc(2025, 3, 2, 9, 0));
    // Edited later: the profile keeps only the latest stamp.
    write(&r, &mut p, "http", "Built a server", utc(2025, 3, 4, 9, 0));
    write(&r, &mut p, "terminal", "gone soon", utc(2025, 3, 3, 9, 0));
    let terminal = r.skill_index("terminal").unwrap();
    p.edit_note(&r, terminal, &NoteEdit::Clear, utc(2025, 3, 5, 9, 0));
    let a = activities(&r, &p);
    let seen: Vec<(DateTime<Utc>, usize, ActivityKind)> =
        a.iter().map(|a| (a.at, a.skill, a.kind)).collect();
    assert_eq!(
        seen,
        [
            (
                utc(2025, 3, 1, 9, 0),
                http,
                ActivityKind::Status {
                    from: Status::Todo,
                    to: Status::Doing
                }
            ),
            (a[1].at, http, ActivityKind::Note),
        ]
    );
    assert_eq!(local_day(a[1].at, &Utc), day(2025, 3, 4));
}

#[test]
fn a_note_under_an_earlier_id_counts_for_the_skill() {
    let r = small();
    let mut p = Profile::default();
    let at = utc(2025, 3, 2, 9, 0);
    p.roadmaps.entry(r.id.clone()).or_default().notes.insert(
        "http-basics".to_string(),
        crate::model::Note::new("old words".to_string(), at, None),
    );
    let a = activities(&r, &p);
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].skill, a[0].kind),
        (r.skill_index("http").unwrap(), ActivityKind::Note)
    );
}

#[test]
fn notes_count_for_days_streaks_and_the_heatmap_in_the_learners_zone() {
    let r = small();
    let mut p = Profile::default();
    let http = r.skill_index("http").unwrap();
    // A status change on 1 March, notes the next two evenings in New York
    // (after midnight UTC).
    p.set_status(&r, http, Status::Doing, utc(2025, 3, 1, 15, 0));
    write(&r, &mut p, "http", "first", utc(2025, 3, 3, 3, 30));
    write(&r, &mut p, "internet", "second", utc(2025, 3, 4, 3, 30));
    let s = stats_at(&r, &p, utc(2025, 3, 4, 12, 0), &New_York);
    assert_eq!((s.events, s.notes), (3, 2));
    let days: Vec<_> = s.days.keys().copied().collect();
    assert_eq!(days, [day(2025, 3, 1), day(2025, 3, 2), day(2025, 3, 3)]);
    assert_eq!((s.streaks.current, s.streaks.best), (3, 3));
    let cell = |d| {
        s.heatmap
            .weeks
            .iter()
            .flatten()
            .find(|c| c.date == d)
            .copied()
            .unwrap()
    };
    assert_eq!(cell(day(2025, 3, 2)).count, 1);
    assert_eq!(cell(day(2025, 3, 3)).level, 1);
    assert_eq!(
        words::activity(&s),
        "3 active days in the last 52 weeks · 1 change and 2 notes in all"
    );
    // Without the notes, one day and no streak to speak of.
    let mut bare = p.clone();
    bare.roadmaps.get_mut(&r.id).unwrap().notes.clear();
    let b = stats_at(&r, &bare, utc(2025, 3, 4, 12, 0), &New_York);
    assert_eq!((b.events, b.streaks.current, b.streaks.best), (1, 0, 1));
    assert_eq!(
        words::activity(&b),
        "1 active day in the last 52 weeks · 1 change in all"
    );
}

#[test]
fn the_note_line_is_the_first_line_with_text_cleaned_and_clipped() {
    assert_eq!(words::note_line("\n\n  Read RFC 9110  \n"), "Read RFC 9110");
    assert_eq!(words::note_line("one\ntwo"), "one …");
    assert_eq!(words::note_line("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
    let long = "x".repeat(200);
    let line = words::note_line(&long);
    assert_eq!(line.chars().count(), words::NOTE_LINE);
    assert!(line.ends_with('…'));
    assert_eq!(words::note_line(""), "");
}

/// Statuses set in order.
fn profile(r: &Roadmap, changes: &[(&str, Status, DateTime<Utc>)]) -> Profile {
    let mut p = Profile::default();
    for &(id, status, at) in changes {
        p.set_status(r, r.skill_index(id).unwrap(), status, at);
    }
    p
}

#[test]
fn the_goal_is_measured_against_the_journals_pace_with_its_history_rule() {
    let r = small();
    let mut p = profile(
        &r,
        &[
            ("internet", Status::Done, utc(2025, 2, 25, 9, 0)),
            ("http", Status::Done, utc(2025, 3, 1, 9, 0)),
        ],
    );
    p.set_goal(&r.id, Some(day(2025, 12, 31)), utc(2025, 3, 1, 10, 0));
    let now = utc(2025, 3, 5, 12, 0);
    let states = p.states(&r);
    let left = evaluate(&r, &states).overall.hours_left;
    // 9 days of history: too early to tell, whatever was done (the old
    // stand-in called 10 h in 4 weeks a pace).
    let plan = goal::for_profile(&p, &r, &states, left, now, &Utc).unwrap();
    assert_eq!((plan.pace_per_week, plan.verdict), (None, Verdict::Unknown));
    let s = stats_at(&r, &p, now, &Utc);
    assert_eq!(s.goal_plan(day(2025, 12, 31)), plan);

    // A note written three weeks earlier starts the history: 14 days or
    // more, so the pace is the last four weeks' 10 h over 21 days.
    write(&r, &mut p, "jwt", "plan", utc(2025, 2, 12, 9, 0));
    let plan = goal::for_profile(&p, &r, &states, left, now, &Utc).unwrap();
    assert_eq!(s.pace.recent_hours, 10);
    let pace = plan.pace_per_week.unwrap();
    assert!((pace - 10.0 * 7.0 / 22.0).abs() < 1e-9, "{pace}");
    assert_eq!(plan.verdict, Verdict::Behind);
    let s = stats_at(&r, &p, now, &Utc);
    assert_eq!(s.pace.current(), Some(pace));
    assert_eq!(s.goal_plan(day(2025, 12, 31)), plan);

    // A near goal with little left is on track at that pace.
    let plan = goal::plan_on(3, s.today, day(2025, 3, 11), s.pace.current());
    assert_eq!(plan.verdict, Verdict::OnTrack);
}

#[test]
fn status_and_stats_agree_on_the_goal_across_zones() {
    let r = small();
    let mut p = profile(
        &r,
        &[
            ("internet", Status::Done, utc(2025, 2, 1, 9, 0)),
            ("http", Status::Done, utc(2025, 2, 20, 9, 0)),
            ("terminal", Status::Done, utc(2025, 3, 4, 23, 30)),
        ],
    );
    p.set_goal(&r.id, Some(day(2025, 6, 30)), utc(2025, 3, 1, 10, 0));
    let states = p.states(&r);
    let left = evaluate(&r, &states).overall.hours_left;
    // 23:30 UTC on 4 March is the 5th in Tokyo: the terminal counts
    // there on another day.
    for now in [utc(2025, 3, 5, 0, 30), utc(2025, 3, 28, 23, 0)] {
        let ny = goal::for_profile(&p, &r, &states, left, now, &New_York).unwrap();
        assert_eq!(
            stats_at(&r, &p, now, &New_York).goal_plan(day(2025, 6, 30)),
            ny
        );
        let tokyo = goal::for_profile(&p, &r, &states, left, now, &Tokyo).unwrap();
        assert_eq!(
            stats_at(&r, &p, now, &Tokyo).goal_plan(day(2025, 6, 30)),
            tokyo
        );
        assert!(ny.pace_per_week.is_some());
    }
}

#[test]
fn the_goal_in_words_says_what_it_needs_and_where_the_learner_stands() {
    let today = day(2025, 3, 5);
    let plan = goal::plan_on(20, today, day(2025, 3, 18), Some(12.0));
    assert_eq!(
        words::goal(&plan, 30),
        "by 2025-03-18 · needs 10 h a week (20 h in 14 days) · on track at 12 h a week"
    );
    let plan = goal::plan_on(20, today, day(2025, 3, 18), Some(3.5));
    assert!(words::goal(&plan, 30).ends_with("· behind at 3.5 h a week"));
    let plan = goal::plan_on(20, today, day(2025, 3, 18), None);
    assert!(
        words::goal(&plan, 3).ends_with("too early to tell: 3 days of activity, a pace needs 14")
    );
    let plan = goal::plan_on(20, today, day(2025, 3, 1), Some(3.0));
    assert_eq!(
        words::goal(&plan, 30),
        "by 2025-03-01 · passed with 20 h left"
    );
    let plan = goal::plan_on(0, today, day(2025, 3, 18), None);
    assert_eq!(
        words::goal(&plan, 30),
        "by 2025-03-18 · met: nothing left on the path"
    );
}

#[test]
fn the_first_activity_is_the_first_of_the_activities_whatever_the_ids() {
    let r = small();
    let at = |d| utc(2025, 2, d, 9, 0);
    let http = r.skill_index("http").unwrap();
    let entry = |d| {
        let mut p = Profile::default();
        p.set_status(&r, http, Status::Doing, at(d));
        p.roadmaps[&r.id].skills["http"].clone()
    };
    let note = |d| crate::model::Note::new("words".to_string(), at(d), None);
    // (under the id, under the earlier id, an orphan, a cleared note)
    for case in 0..16u8 {
        let mut p = Profile::default();
        let progress = p.roadmaps.entry(r.id.clone()).or_default();
        if case & 1 != 0 {
            progress.skills.insert("http".to_string(), entry(10));
        }
        if case & 2 != 0 {
            // Older than the entry under the id: only counts without it.
            progress.skills.insert("http-basics".to_string(), entry(3));
            progress.notes.insert("http-basics".to_string(), note(4));
        }
        if case & 4 != 0 {
            progress.skills.insert("gone".to_string(), entry(1));
            progress.notes.insert("gone".to_string(), note(1));
        }
        if case & 8 != 0 {
            progress.notes.insert("http".to_string(), note(12));
            let mut cleared = note(2);
            cleared.text.clear();
            progress.notes.insert("terminal".to_string(), cleared);
        }
        let want = activities(&r, &p).first().map(|a| a.at);
        assert_eq!(super::first_activity(&r, &p), want, "case {case}");
    }
}
