//! Time per skill, weeks, pace, hours left and the finish date.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

use super::tests::{day, small, utc};
use super::*;
use crate::model::{Profile, Roadmap, evaluate};

/// A profile where each (id, status, at) was set in that order.
fn profile(roadmap: &Roadmap, changes: &[(&str, Status, DateTime<Utc>)]) -> Profile {
    let mut p = Profile::default();
    for &(id, status, at) in changes {
        p.set_status(roadmap, roadmap.skill_index(id).unwrap(), status, at);
    }
    p
}

fn stats_at<Tz: TimeZone>(roadmap: &Roadmap, p: &Profile, now: DateTime<Utc>, tz: &Tz) -> Stats {
    let states = p.states(roadmap);
    let eval = evaluate(roadmap, &states);
    Stats::compute(roadmap, &activities(roadmap, p), &states, &eval, now, tz)
}

#[test]
fn time_per_skill_runs_from_first_start_to_done_in_local_days() {
    let r = small();
    let p = profile(
        &r,
        &[
            ("internet", Status::Doing, utc(2025, 3, 1, 10, 0)),
            ("internet", Status::Todo, utc(2025, 3, 2, 10, 0)),
            ("internet", Status::Doing, utc(2025, 3, 3, 10, 0)),
            ("internet", Status::Done, utc(2025, 3, 5, 10, 0)),
            // Done directly, late in the evening in New York.
            ("http", Status::Done, utc(2025, 3, 6, 4, 30)),
        ],
    );
    let s = stats_at(&r, &p, utc(2025, 3, 7, 12, 0), &New_York);
    let got: Vec<(&str, Option<u32>, chrono::NaiveDate)> = s
        .finished
        .iter()
        .map(|f| (r.skills[f.skill].id.as_str(), f.days, f.done_day))
        .collect();
    // Most recent first; a start taken back (doing, then todo) is no
    // start: the restart counts. Done directly: no start, no time.
    assert_eq!(
        got,
        [
            ("http", None, day(2025, 3, 5)),
            ("internet", Some(2), day(2025, 3, 5))
        ]
    );
    assert_eq!(s.finished[0].started, None);
    assert_eq!(s.finished[1].started, Some(utc(2025, 3, 3, 10, 0)));
    assert_eq!(words::timed(&s.finished, |_| 0).count(), 1);
    assert_eq!(
        words::untimed(&s.finished, 1),
        "1 skill marked done without being started first is not timed"
    );
    // Time logged on a skill never started: listed, "not started".
    let http = s.finished[0].skill;
    let listed: Vec<_> = words::timed(&s.finished, |i| if i == http { 45 } else { 0 }).collect();
    assert_eq!(listed.len(), 2);
    assert_eq!(words::took_if(listed[0].1), "not started");
}

#[test]
fn skills_done_then_reset_or_skipped_credit_no_hours() {
    let r = small();
    let p = profile(
        &r,
        &[
            ("internet", Status::Done, utc(2025, 3, 1, 10, 0)),
            ("internet", Status::Todo, utc(2025, 3, 2, 10, 0)),
            ("terminal", Status::Skipped, utc(2025, 3, 2, 10, 0)),
            ("http", Status::Done, utc(2025, 3, 2, 11, 0)),
        ],
    );
    let s = stats_at(&r, &p, utc(2025, 3, 2, 12, 0), &Utc);
    assert_eq!(s.finished.len(), 1);
    assert_eq!(s.pace.total_hours, 6);
    // Skipped still finishes the skill on the path.
    assert_eq!(s.remaining.hours, 4 + 40 + 80 + 10 + 8 + 3);
}

#[test]
fn weeks_run_sunday_to_saturday_in_the_learners_zone() {
    let r = small();
    // Saturday 1 March 23:30 in New York (Sunday 04:30 UTC).
    let p = profile(
        &r,
        &[
            ("internet", Status::Done, utc(2025, 3, 2, 4, 30)),
            ("http", Status::Done, utc(2025, 3, 2, 15, 0)),
        ],
    );
    let ny = stats_at(&r, &p, utc(2025, 3, 5, 12, 0), &New_York);
    let last_two: Vec<(chrono::NaiveDate, u32, u32)> = ny.weeks[10..]
        .iter()
        .map(|w| (w.start, w.skills, w.hours))
        .collect();
    assert_eq!(
        last_two,
        [(day(2025, 2, 23), 1, 4), (day(2025, 3, 2), 1, 6)]
    );
    let in_utc = stats_at(&r, &p, utc(2025, 3, 5, 12, 0), &Utc);
    assert_eq!((in_utc.weeks[10].skills, in_utc.weeks[11].skills), (0, 2));
    assert_eq!(in_utc.weeks.len(), Stats::WEEKS_SHOWN);
}

#[test]
fn fresh_roadmap_hours_left_count_a_choice_once_at_its_cheapest_option() {
    let r = small();
    let s = stats_at(&r, &Profile::default(), utc(2025, 3, 5, 12, 0), &Utc);
    // internet 4, http 6, terminal 8, one of python/go/java (40, 40, 60:
    // the cheapest, 40, as `status` counts it), language-deep 80, rest 10,
    // auth 8, jwt 3; the optional trivia is not on the path.
    assert_eq!(
        s.remaining,
        Remaining {
            hours: 159,
            skills: 8,
            unestimated: 0
        }
    );
    // Once Go is picked, Python and Java drop out.
    let p = profile(&r, &[("go", Status::Done, utc(2025, 3, 1, 10, 0))]);
    let s = stats_at(&r, &p, utc(2025, 3, 5, 12, 0), &Utc);
    assert_eq!(
        s.remaining,
        Remaining {
            hours: 119,
            skills: 7,
            unestimated: 0
        }
    );
}

#[test]
fn skills_without_hours_are_counted_apart() {
    let json = super::tests::SMALL.replacen(r#""hours": 8 },"#, r#""hours": null },"#, 1);
    let r = crate::model::load(json.as_bytes(), "no-hours").unwrap();
    assert_eq!(r.skills[r.skill_index("terminal").unwrap()].hours, None);
    let states = Profile::default().states(&r);
    let eval = crate::model::evaluate(&r, &states);
    let left = remaining(&r, &states, &eval);
    assert_eq!(left.unestimated, 1);
    assert_eq!(left.skills, eval.overall.total());
    assert_eq!(u64::from(left.hours), eval.overall.hours_left);
}

/// `hours` done `days_ago` (at noon UTC) before `today`, plus a first
/// activity `history` days ago.
fn pace_of(done: &[(u32, i64)], history: i64, today: chrono::NaiveDate) -> Pace {
    let mut days = DayCounts::new();
    let first = today - chrono::Duration::days(history - 1);
    days.insert(first, 1);
    let finished: Vec<Finished> = done
        .iter()
        .enumerate()
        .map(|(skill, &(hours, ago))| {
            let d = today - chrono::Duration::days(ago);
            let at = Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0).unwrap());
            days.insert(d, 1);
            Finished {
                skill,
                started: Some(at),
                done: at,
                days: Some(0),
                done_day: d,
                hours: Some(hours),
            }
        })
        .collect();
    pace(&finished, &days, today)
}

const LEFT: Remaining = Remaining {
    hours: 7,
    skills: 2,
    unestimated: 0,
};

#[test]
fn projection_at_the_last_four_weeks_pace() {
    let today = day(2025, 3, 20);
    // 14 hours in the last 28 days (27 days ago is inside, 28 is not).
    let p = pace_of(&[(10, 27), (4, 0), (100, 28)], 60, today);
    assert_eq!(
        (p.recent_hours, p.total_hours, p.history_days),
        (14, 114, 60)
    );
    assert!((p.recent_per_week - 3.5).abs() < 1e-9);
    assert!((p.overall_per_week - 114.0 * 7.0 / 60.0).abs() < 1e-9);
    // 7 hours at 3.5 a week: two weeks, across Berlin's spring forward.
    let Projection::At {
        date,
        days,
        per_week,
    } = projection(&p, &LEFT, today)
    else {
        panic!("a projection");
    };
    assert_eq!((date, days), (day(2025, 4, 3), 14));
    assert!((per_week - 3.5).abs() < 1e-9);
    // Rounded up to whole days.
    let left = Remaining { hours: 1, ..LEFT };
    assert!(matches!(
        projection(&p, &left, today),
        Projection::At { days: 2, .. }
    ));
    let _ = Berlin;
}

#[test]
fn a_short_history_paces_over_what_there_is() {
    let today = day(2025, 3, 20);
    // 20 days of history, 10 hours: 3.5 a week, not 10 over four weeks.
    let p = pace_of(&[(10, 3)], 20, today);
    assert!((p.recent_per_week - 3.5).abs() < 1e-9);
    assert!(matches!(
        projection(&p, &LEFT, today),
        Projection::At { days: 14, .. }
    ));
    // Exactly two weeks is enough; a day less is not.
    let p = pace_of(&[(10, 3)], 14, today);
    assert!(matches!(
        projection(&p, &LEFT, today),
        Projection::At { .. }
    ));
    let p = pace_of(&[(10, 3)], 13, today);
    assert_eq!(
        projection(&p, &LEFT, today),
        Projection::NotEnoughHistory(Shortfall::TooShort { days: 13 })
    );
}

#[test]
fn no_projection_without_recent_hours_or_estimates_and_done_when_nothing_is_left() {
    let today = day(2025, 3, 20);
    let stalled = pace_of(&[(10, 40)], 90, today);
    assert_eq!(
        projection(&stalled, &LEFT, today),
        Projection::NotEnoughHistory(Shortfall::NoRecentHours)
    );
    let fine = pace_of(&[(10, 2)], 90, today);
    let unknown = Remaining {
        hours: 0,
        skills: 3,
        unestimated: 3,
    };
    assert_eq!(
        projection(&fine, &unknown, today),
        Projection::NotEnoughHistory(Shortfall::NoEstimate)
    );
    assert_eq!(
        projection(&fine, &Remaining::default(), today),
        Projection::Done
    );
    assert_eq!(
        projection(&stalled, &Remaining::default(), today),
        Projection::Done
    );
    // A trickle gives a far date, capped, never a panic.
    let trickle = pace_of(&[(1, 2)], 10_000, today);
    let huge = Remaining {
        hours: u32::MAX,
        skills: 1,
        unestimated: 0,
    };
    assert!(matches!(
        projection(&trickle, &huge, today),
        Projection::At { days: 36_525, .. }
    ));
}

#[test]
fn the_whole_stats_from_a_profile_project_a_date() {
    let r = small();
    let p = profile(
        &r,
        &[
            ("internet", Status::Doing, utc(2025, 2, 1, 9, 0)),
            ("internet", Status::Done, utc(2025, 2, 3, 9, 0)),
            ("http", Status::Done, utc(2025, 2, 20, 9, 0)),
            ("terminal", Status::Done, utc(2025, 2, 27, 9, 0)),
        ],
    );
    let s = stats_at(&r, &p, utc(2025, 3, 5, 12, 0), &Berlin);
    // 33 days of history; http and terminal (14 h) in the last 28 days.
    assert_eq!((s.pace.history_days, s.pace.recent_hours), (33, 14));
    // 40 + 80 + 10 + 8 + 3 = 141 hours at 3.5 a week: 282 days.
    assert_eq!(s.remaining.hours, 141);
    assert!(matches!(s.projection, Projection::At { days: 282, .. }));
    assert_eq!(s.streaks.best, 1);
}
