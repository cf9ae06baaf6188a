//! Days, streaks, the heatmap and the activity list, across zones and
//! daylight-saving changes.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Datelike as _, FixedOffset, NaiveDate, TimeZone, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Asia::Tokyo;
use chrono_tz::Europe::Berlin;

use super::*;
use crate::model::{Profile, Roadmap, evaluate};

pub const SMALL: &str = include_str!("../../../tests/fixtures/small.json");

pub fn small() -> Roadmap {
    crate::model::load(SMALL.as_bytes(), "small").unwrap()
}

pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// One status change on skill 0 at each time.
pub fn events(times: &[DateTime<Utc>]) -> Vec<Activity> {
    times
        .iter()
        .map(|&at| Activity {
            at,
            skill: 0,
            kind: ActivityKind::Status {
                from: Status::Todo,
                to: Status::Doing,
            },
        })
        .collect()
}

fn days_of<Tz: TimeZone>(times: &[DateTime<Utc>], tz: &Tz) -> Vec<(NaiveDate, u32)> {
    day_counts(&events(times), tz).into_iter().collect()
}

#[test]
fn a_change_at_23_30_counts_for_that_evening_not_for_tomorrow_in_utc() {
    // 23:30 in New York on 1 March is 04:30 UTC on 2 March.
    let late = New_York
        .with_ymd_and_hms(2025, 3, 1, 23, 30, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(late, utc(2025, 3, 2, 4, 30));
    assert_eq!(local_day(late, &New_York), day(2025, 3, 1));
    assert_eq!(local_day(late, &Utc), day(2025, 3, 2));
    let plus_ten = FixedOffset::east_opt(10 * 3600).unwrap();
    // 13:30 UTC is 23:30 in UTC+10: still that day.
    assert_eq!(
        local_day(utc(2025, 3, 1, 13, 30), &plus_ten),
        day(2025, 3, 1)
    );
    assert_eq!(
        local_day(utc(2025, 3, 1, 14, 30), &plus_ten),
        day(2025, 3, 2)
    );
}

#[test]
fn streaks_across_midnight_depend_on_the_learners_zone() {
    // An hour apart, on either side of midnight UTC.
    let pair = [utc(2025, 3, 1, 23, 30), utc(2025, 3, 2, 0, 30)];
    let today = day(2025, 3, 2);
    assert_eq!(streaks(&day_counts(&events(&pair), &Utc), today).current, 2);
    // In Tokyo both are the morning of 2 March; in New York the evening of 1 March.
    assert_eq!(days_of(&pair, &Tokyo), [(day(2025, 3, 2), 2)]);
    assert_eq!(days_of(&pair, &New_York), [(day(2025, 3, 1), 2)]);
    let s = streaks(&day_counts(&events(&pair), &Tokyo), today);
    assert_eq!((s.current, s.best, s.today), (1, 1, true));

    // 22:00 on the 1st and 01:00 on the 3rd, UTC: a gap in UTC, but in New
    // York it is 17:00 on the 1st and 20:00 on the 2nd: two days running.
    let apart = [utc(2025, 3, 1, 22, 0), utc(2025, 3, 3, 1, 0)];
    let today = day(2025, 3, 3);
    assert_eq!(streaks(&day_counts(&events(&apart), &Utc), today).best, 1);
    let ny = streaks(&day_counts(&events(&apart), &New_York), today);
    assert_eq!((ny.current, ny.best, ny.today), (2, 2, false));
}

#[test]
fn the_current_streak_survives_until_a_whole_day_passes() {
    let times = [
        utc(2025, 3, 1, 12, 0),
        utc(2025, 3, 2, 12, 0),
        utc(2025, 3, 3, 12, 0),
    ];
    let counts = day_counts(&events(&times), &Utc);
    let on = |d| streaks(&counts, d);
    assert_eq!(on(day(2025, 3, 3)).current, 3);
    assert!(on(day(2025, 3, 3)).today);
    // Nothing yet on the 4th: the streak is still alive.
    assert_eq!(on(day(2025, 3, 4)).current, 3);
    assert!(!on(day(2025, 3, 4)).today);
    // The 4th passed without activity: broken, but the best stays.
    assert_eq!(
        (on(day(2025, 3, 5)).current, on(day(2025, 3, 5)).best),
        (0, 3)
    );
    // Seen from the 2nd, the 3rd has not happened yet.
    assert_eq!(
        (on(day(2025, 3, 2)).current, on(day(2025, 3, 2)).best),
        (2, 2)
    );
}

#[test]
fn the_best_streak_is_the_longest_run_anywhere() {
    let times = [
        utc(2025, 1, 1, 9, 0),
        utc(2025, 1, 2, 9, 0),
        utc(2025, 1, 3, 9, 0),
        utc(2025, 1, 4, 9, 0),
        utc(2025, 2, 1, 9, 0),
        utc(2025, 2, 1, 10, 0),
        utc(2025, 2, 2, 9, 0),
    ];
    let s = streaks(&day_counts(&events(&times), &Utc), day(2025, 2, 2));
    assert_eq!((s.current, s.best), (2, 4));
    // Across the end of a year.
    let times = [utc(2024, 12, 31, 9, 0), utc(2025, 1, 1, 9, 0)];
    let s = streaks(&day_counts(&events(&times), &Utc), day(2025, 1, 1));
    assert_eq!((s.current, s.best), (2, 2));
}

#[test]
fn spring_forward_day_counts_once_and_late_evenings_stay_on_it() {
    // Berlin, 30 March 2025: 02:00 CET jumps to 03:00 CEST (23-hour day).
    let local = |d, h, m| {
        Berlin
            .with_ymd_and_hms(2025, 3, d, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    let times = [local(29, 23, 30), local(30, 23, 30), local(31, 0, 30)];
    // 23:30 CEST on the 30th is 21:30 UTC: a fixed +1 would still say the
    // 30th, but 00:30 CEST on the 31st is 22:30 UTC on the 30th.
    assert_eq!(times[2], utc(2025, 3, 30, 22, 30));
    assert_eq!(
        days_of(&times, &Berlin),
        [
            (day(2025, 3, 29), 1),
            (day(2025, 3, 30), 1),
            (day(2025, 3, 31), 1)
        ]
    );
    let winter = FixedOffset::east_opt(3600).unwrap();
    assert_eq!(
        days_of(&times, &winter).len(),
        2,
        "a fixed offset gets it wrong"
    );
    let s = streaks(&day_counts(&events(&times), &Berlin), day(2025, 3, 31));
    assert_eq!((s.current, s.best), (3, 3));
}

#[test]
fn fall_back_day_keeps_all_25_hours_on_one_day() {
    // Berlin, 26 October 2025: 03:00 CEST goes back to 02:00 CET; 02:30
    // happens twice (00:30 and 01:30 UTC).
    let times = [
        utc(2025, 10, 25, 21, 30), // 23:30 CEST on the 25th
        utc(2025, 10, 25, 22, 30), // 00:30 CEST on the 26th
        utc(2025, 10, 26, 0, 30),  // 02:30 CEST
        utc(2025, 10, 26, 1, 30),  // 02:30 CET
        utc(2025, 10, 26, 22, 30), // 23:30 CET on the 26th
        utc(2025, 10, 26, 23, 30), // 00:30 CET on the 27th
    ];
    assert_eq!(
        days_of(&times, &Berlin),
        [
            (day(2025, 10, 25), 1),
            (day(2025, 10, 26), 4),
            (day(2025, 10, 27), 1)
        ]
    );
    // New York's fall back (2 November): 23:30 EST is 04:30 UTC next day.
    assert_eq!(
        days_of(&[utc(2025, 11, 3, 4, 30)], &New_York),
        [(day(2025, 11, 2), 1)]
    );
    let s = streaks(&day_counts(&events(&times), &Berlin), day(2025, 10, 27));
    assert_eq!(s.current, 3);
}

#[test]
fn heatmap_columns_are_weeks_from_sunday_with_today_in_the_last() {
    // 5 March 2025 is a Wednesday; its week starts on Sunday 2 March.
    let today = day(2025, 3, 5);
    let map = heatmap(&DayCounts::new(), today);
    assert_eq!(map.weeks.len(), WEEKS);
    assert_eq!(map.first, day(2024, 3, 10));
    assert_eq!(map.first.weekday(), chrono::Weekday::Sun);
    assert_eq!(map.position(today), Some((51, 3)));
    assert_eq!(map.weeks[51][3].date, today);
    // Saturday and Sunday sit at the bottom and the top of adjacent columns.
    assert_eq!(map.position(day(2025, 3, 1)), Some((50, 6)));
    assert_eq!(map.position(day(2025, 3, 2)), Some((51, 0)));
    assert_eq!(map.position(day(2024, 3, 9)), None);
    assert_eq!(map.position(day(2025, 3, 9)), None);
    // The rest of this week is in the future; nothing before is.
    let future: Vec<NaiveDate> = map
        .weeks
        .iter()
        .flatten()
        .filter(|c| c.future)
        .map(|c| c.date)
        .collect();
    assert_eq!(future, [day(2025, 3, 6), day(2025, 3, 7), day(2025, 3, 8)]);
    // Every cell is the day after the one before, across both DST changes.
    let dates: Vec<NaiveDate> = map.weeks.iter().flatten().map(|c| c.date).collect();
    assert!(dates.windows(2).all(|w| w[1] == w[0].succ_opt().unwrap()));
    // On a Saturday the last column is full; on a Sunday it has one day.
    let sat = heatmap(&DayCounts::new(), day(2025, 3, 8));
    assert!(sat.weeks[51].iter().all(|c| !c.future));
    let sun = heatmap(&DayCounts::new(), day(2025, 3, 9));
    assert_eq!(sun.position(day(2025, 3, 9)), Some((51, 0)));
    assert_eq!(sun.weeks[51].iter().filter(|c| c.future).count(), 6);
}

#[test]
fn heatmap_cells_follow_the_local_day_and_fixed_levels() {
    // Saturday 23:30 in New York is Sunday in UTC: another column.
    let late = [utc(2025, 3, 2, 4, 30)];
    let today = day(2025, 3, 5);
    let ny = heatmap(&day_counts(&events(&late), &New_York), today);
    assert_eq!(ny.weeks[50][6].count, 1);
    assert_eq!(ny.weeks[51][0].count, 0);
    let utc_map = heatmap(&day_counts(&events(&late), &Utc), today);
    assert_eq!(utc_map.weeks[51][0].count, 1);

    assert_eq!(
        [0, 1, 2, 3, 4, 6, 7, 100].map(level),
        [0, 1, 2, 2, 3, 3, 4, 4]
    );
    let mut counts = DayCounts::new();
    for (d, n) in [(2, 1), (3, 3), (4, 5), (5, 9)] {
        counts.insert(day(2025, 3, d), n);
    }
    let map = heatmap(&counts, today);
    assert_eq!(map.totals(), (4, 18));
    let rows = map.rows();
    assert_eq!(rows.len(), 7);
    // Sunday to Wednesday of the last column, then the future is blank.
    let last: Vec<char> = rows
        .iter()
        .map(|r| r.chars().nth(4 + 51).unwrap_or(' '))
        .collect();
    assert_eq!(last, ['░', '▒', '▓', '█', ' ', ' ', ' ']);
    assert!(rows[1].starts_with("Mon ·"));
    assert!(rows[0].starts_with("    ·"));
    assert_eq!(rows[0].chars().count(), 4 + 52);
}

#[test]
fn month_labels_sit_over_the_first_week_of_each_month() {
    let map = heatmap(&DayCounts::new(), day(2025, 3, 5));
    let line = map.month_line();
    // 7 April 2024 is the first Sunday of April: the fifth column.
    assert_eq!(line.find("Apr"), Some(4 + 4));
    assert_eq!(line.find("Mar"), Some(4 + 51), "{line}");
    for m in ["May", "Jun", "Dec", "Jan", "Feb"] {
        assert!(line.contains(m), "{m} in {line}");
    }
    // The first column's Sunday (10 March) is not a month's start.
    assert!(line.starts_with("        Apr"), "{line:?}");
}

#[test]
fn activities_come_from_every_history_oldest_first_with_the_previous_status() {
    let roadmap = small();
    let mut p = Profile::default();
    let http = roadmap.skill_index("http").unwrap();
    let internet = roadmap.skill_index("internet").unwrap();
    p.set_status(&roadmap, http, Status::Doing, utc(2025, 3, 2, 9, 0));
    p.set_status(&roadmap, internet, Status::Done, utc(2025, 3, 1, 9, 0));
    p.set_status(&roadmap, http, Status::Done, utc(2025, 3, 3, 9, 0));
    p.set_status(&roadmap, http, Status::Todo, utc(2025, 3, 4, 9, 0));
    let a = activities(&roadmap, &p);
    let seen: Vec<(usize, Status, Status)> = a
        .iter()
        .map(|a| match a.kind {
            ActivityKind::Status { from, to } => (a.skill, from, to),
            ActivityKind::Note | ActivityKind::Review(_) | ActivityKind::Spent(_) => {
                panic!("only status changes were made")
            }
        })
        .collect();
    assert_eq!(
        seen,
        [
            (internet, Status::Todo, Status::Done),
            (http, Status::Todo, Status::Doing),
            (http, Status::Doing, Status::Done),
            (http, Status::Done, Status::Todo),
        ]
    );
    assert!(a.windows(2).all(|w| w[0].at <= w[1].at));
}

#[test]
fn an_empty_history_gives_zeros_and_no_projection() {
    let roadmap = small();
    let p = Profile::default();
    let states = p.states(&roadmap);
    let eval = evaluate(&roadmap, &states);
    let now = utc(2025, 3, 5, 12, 0);
    let st = Stats::compute(
        &roadmap,
        &activities(&roadmap, &p),
        &states,
        &eval,
        now,
        &Utc,
    );
    assert_eq!(st.events, 0);
    assert_eq!(st.active_days(), 0);
    assert_eq!(st.streaks, Streaks::default());
    assert!(st.heatmap.weeks.iter().flatten().all(|c| c.level == 0));
    assert!(st.finished.is_empty());
    assert!(st.weeks.iter().all(|w| w.skills == 0 && w.hours == 0));
    assert_eq!(st.weeks.len(), Stats::WEEKS_SHOWN);
    assert_eq!((st.pace.total_hours, st.pace.history_days), (0, 0));
    assert_eq!(
        st.projection,
        Projection::NotEnoughHistory(Shortfall::TooShort { days: 0 })
    );
    assert_eq!(st.remaining.skills, 8);
}
