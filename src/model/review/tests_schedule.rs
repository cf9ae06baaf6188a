//! The scheduling rules: done is a first recall, each grade schedules
//! later than the one below, stability lengthens intervals, replays do not
//! depend on the order events arrived in, days are the learner's.

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;

use super::tests::{small, t};
use super::*;
use crate::model::Status;

fn day(d: i64) -> NaiveDate {
    t(d, 0).date_naive()
}

fn done_on(r: &Roadmap, id: &str, at: DateTime<Utc>) -> (Profile, usize) {
    let i = r.skill_index(id).unwrap();
    let mut p = Profile::default();
    p.set_status(r, i, Status::Done, at);
    (p, i)
}

#[test]
fn marking_done_is_a_first_recall_due_after_its_interval() {
    let r = small();
    let s = Scheduler::default();
    let (p, i) = done_on(&r, "internet", t(0, 10));
    let card = s.card(&r, &p, i, &Utc).unwrap();
    assert_eq!(card.reviews, 0);
    assert_eq!(card.last_grade, None);
    // FSRS's first interval for "good" at 90% retention: 2.3 days.
    assert_eq!(card.interval, 2);
    assert_eq!(card.due, day(2));
    assert!(
        !s.is_due(&r, &p, i, t(0, 23), &Utc),
        "not due the day it was done"
    );
    assert!(!s.is_due(&r, &p, i, t(1, 23), &Utc));
    assert!(
        s.is_due(&r, &p, i, t(2, 0), &Utc),
        "due after the first interval"
    );
    assert!(
        s.is_due(&r, &p, i, t(30, 0), &Utc),
        "and stays due until reviewed"
    );
    // Memory is whole right after, and fades.
    assert!(card.retrievability(t(0, 10)) > 0.999);
    let on_due = card.retrievability(t(2, 10));
    assert!((0.85..0.95).contains(&on_due), "{on_due}");
    assert!(card.retrievability(t(60, 0)) < 0.7);
}

#[test]
fn todo_doing_and_skipped_skills_have_no_schedule() {
    let r = small();
    let s = Scheduler::default();
    let i = r.skill_index("internet").unwrap();
    let mut p = Profile::default();
    assert!(s.card(&r, &p, i, &Utc).is_none());
    for status in [Status::Doing, Status::Skipped, Status::Todo] {
        p.set_status(&r, i, status, t(0, 0));
        assert!(s.card(&r, &p, i, &Utc).is_none(), "{status}");
        assert!(!s.is_due(&r, &p, i, t(90, 0), &Utc));
    }
}

fn due_after(grade: Grade) -> NaiveDate {
    let r = small();
    let s = Scheduler::default();
    let (mut p, i) = done_on(&r, "internet", t(0, 10));
    p.record_review(&r, i, grade, t(2, 10)).unwrap();
    s.card(&r, &p, i, &Utc).unwrap().due
}

#[test]
fn again_is_due_the_next_day_and_each_grade_later_than_the_one_below() {
    let dues: Vec<NaiveDate> = Grade::ALL.into_iter().map(due_after).collect();
    assert_eq!(dues[0], day(3), "again: the next day");
    assert!(dues.windows(2).all(|w| w[0] < w[1]), "{dues:?}");
}

#[test]
fn a_reset_takes_the_skill_out_and_doing_it_again_starts_over() {
    let r = small();
    let s = Scheduler::default();
    let (mut p, i) = done_on(&r, "internet", t(0, 10));
    for d in [2, 8, 30] {
        p.record_review(&r, i, Grade::Easy, t(d, 10)).unwrap();
    }
    let long = s.card(&r, &p, i, &Utc).unwrap();
    assert_eq!(long.reviews, 3);
    assert!(long.interval > 60, "{long:?}");
    p.set_status(&r, i, Status::Todo, t(40, 0));
    assert!(s.card(&r, &p, i, &Utc).is_none());
    p.set_status(&r, i, Status::Done, t(41, 10));
    let fresh = s.card(&r, &p, i, &Utc).unwrap();
    assert_eq!((fresh.reviews, fresh.due), (0, day(43)));
    assert_eq!(p.reviews(&r, i).len(), 3, "the history stays");
}

#[test]
fn days_are_the_learners_a_review_at_2359_and_one_at_0001_are_a_day_apart() {
    let r = small();
    let s = Scheduler::default();
    let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
    let i = r.skill_index("internet").unwrap();
    // 23:59 on March 1st in Tokyo is 14:59 UTC the same day; 00:01 on the
    // 2nd is 15:01 UTC on the 1st: one UTC day, two Tokyo days.
    let evening = Utc.with_ymd_and_hms(2026, 3, 1, 14, 59, 0).unwrap();
    let morning = evening + Duration::minutes(2);
    let mut p = Profile::default();
    p.set_status(&r, i, Status::Done, evening);
    p.record_review(&r, i, Grade::Again, morning).unwrap();
    let in_tokyo = s.card(&r, &p, i, &tokyo).unwrap();
    let in_utc = s.card(&r, &p, i, &Utc).unwrap();
    assert_eq!(in_tokyo.due, NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
    assert!(
        (in_tokyo.stability - in_utc.stability).abs() > 0.01,
        "a day apart in Tokyo, the same day in UTC"
    );
    // The done mark at 23:59 is due two of the learner's days later.
    let mut p = Profile::default();
    p.set_status(&r, i, Status::Done, evening);
    assert_eq!(
        s.card(&r, &p, i, &tokyo).unwrap().due,
        NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
    );
}

#[test]
fn a_higher_retention_asks_for_reviews_sooner() {
    let r = small();
    let (mut p, i) = done_on(&r, "internet", t(0, 10));
    p.record_review(&r, i, Grade::Good, t(2, 10)).unwrap();
    let interval = |retention| {
        Scheduler::new(retention)
            .card(&r, &p, i, &Utc)
            .unwrap()
            .interval
    };
    assert!(interval(0.97) < interval(0.90));
    assert!(interval(0.90) < interval(0.70));
    // Out of range is kept in range.
    assert_eq!(interval(2.0), interval(0.97));
    assert_eq!(interval(f64::NAN), interval(0.90));
}

#[test]
fn the_preview_is_what_recording_each_grade_gives() {
    let r = small();
    let s = Scheduler::default();
    let (mut p, i) = done_on(&r, "internet", t(0, 10));
    p.record_review(&r, i, Grade::Hard, t(2, 10)).unwrap();
    let card = s.card(&r, &p, i, &Utc).unwrap();
    let now = t(9, 12);
    let preview = s.preview(&card, now, &Utc);
    for grade in Grade::ALL {
        let mut copy = p.clone();
        copy.record_review(&r, i, grade, now).unwrap();
        let after = s.card(&r, &copy, i, &Utc).unwrap();
        assert_eq!(after.interval, preview[grade as usize], "{grade}");
        assert_eq!(
            after.due,
            day(9) + Duration::days(i64::from(after.interval))
        );
    }
}

/// A done skill and reviews at the given (day, grade) after it.
fn history(reviews: &[(i64, Grade)]) -> (Roadmap, Profile, usize) {
    let r = small();
    let (mut p, i) = done_on(&r, "internet", t(0, 8));
    let list = p
        .roadmaps
        .get_mut("small")
        .unwrap()
        .reviews
        .entry("internet".into())
        .or_default();
    for (k, &(d, g)) in reviews.iter().enumerate() {
        list.push(Review::new(
            t(d, 9) + Duration::minutes(i64::try_from(k).unwrap()),
            g,
        ));
    }
    normalize(list);
    (r, p, i)
}

fn arb_grade() -> impl Strategy<Value = Grade> {
    prop::sample::select(Grade::ALL.to_vec())
}

fn arb_reviews() -> impl Strategy<Value = Vec<(i64, Grade)>> {
    prop::collection::vec((0i64..400, arb_grade()), 0..12).prop_map(|mut v| {
        v.sort_by_key(|&(d, _)| d);
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Reviews arriving in any order (merged from copies, written by hand)
    /// give the same schedule.
    #[test]
    fn the_order_of_arrival_does_not_matter(reviews in arb_reviews(), seed in any::<u64>()) {
        let (r, p, i) = history(&reviews);
        let s = Scheduler::default();
        let want = s.card(&r, &p, i, &Utc);
        // The same events, shuffled and split between two copies.
        let mut events = p.roadmaps["small"].reviews.get("internet").cloned().unwrap_or_default();
        let mut state = seed;
        for k in (1..events.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            events.swap(k, usize::try_from(state >> 33).unwrap() % (k + 1));
        }
        let (first, second) = events.split_at(events.len() / 2);
        let mut a = p.clone();
        a.roadmaps.get_mut("small").unwrap().reviews.insert("internet".into(), second.to_vec());
        let mut b = p.clone();
        b.roadmaps.get_mut("small").unwrap().reviews.insert("internet".into(), first.to_vec());
        crate::store::merge::merge(&mut a, &b);
        prop_assert_eq!(s.card(&r, &a, i, &Utc), want);
        // And through the file.
        let text = serde_json::to_string(&a).unwrap();
        let back: Profile = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(s.card(&r, &back, i, &Utc), want);
    }

    /// After any history, the next interval grows with the grade:
    /// again < hard < good < easy, and again is one day when reviewed on
    /// time or late.
    #[test]
    fn the_next_interval_grows_with_the_grade(reviews in arb_reviews(), later in 0i64..200) {
        let (r, p, i) = history(&reviews);
        let s = Scheduler::default();
        let last = reviews.last().map_or(0, |&(d, _)| d);
        let when = t(last + later, 20);
        let intervals: Vec<u32> = Grade::ALL.into_iter().map(|g| {
            let mut q = p.clone();
            q.record_review(&r, i, g, when).unwrap();
            s.card(&r, &q, i, &Utc).unwrap().interval
        }).collect();
        prop_assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{:?}", intervals);
        prop_assert!(intervals[0] >= 1);
    }

    /// The more stable a memory, the longer the interval a review on time
    /// gives, whatever the grade.
    #[test]
    fn the_next_interval_grows_with_stability(
        low in 0.5f32..200.0, more in 0.1f32..300.0, difficulty in 1.0f32..10.0, grade in arb_grade()
    ) {
        let s = Scheduler::default();
        let card = |stability: f32| Card {
            skill: 0,
            done: t(0, 0),
            last: t(0, 0),
            last_grade: Some(Grade::Good),
            reviews: 1,
            stability,
            difficulty,
            interval: 1,
            due: day(1),
        };
        let (weak, strong) = (card(low), card(low + more));
        // Both reviewed when due: each at its own interval for 90%.
        let on_time = |c: &Card| {
            let days = f64::from(c.stability).round().max(1.0);
            #[allow(clippy::cast_possible_truncation)]
            let at = t(days as i64, 0);
            s.preview(c, at, &Utc)[grade as usize]
        };
        prop_assert!(on_time(&weak) <= on_time(&strong), "{} {}", on_time(&weak), on_time(&strong));
        // And at the same moment.
        let same = t(30, 0);
        prop_assert!(s.preview(&weak, same, &Utc)[grade as usize] <= s.preview(&strong, same, &Utc)[grade as usize]);
    }

    /// The batch replay ([`Memory`]) gives the cards the single one does,
    /// in any zone.
    #[test]
    fn every_card_at_once_is_each_card_alone(reviews in arb_reviews(), east in -12i32..=14) {
        let (r, p, i) = history(&reviews);
        let s = Scheduler::default();
        let tz = FixedOffset::east_opt(east * 3600).unwrap();
        let m = Memory::compute(&s, &r, &p, &p.states(&r), &tz);
        prop_assert_eq!(m.card(i).copied(), s.card(&r, &p, i, &tz));
        prop_assert_eq!(m.cards().count(), 1);
    }
}

#[test]
fn the_due_list_is_most_urgent_first() {
    let r = small();
    let s = Scheduler::default();
    let mut p = Profile::default();
    let ids = ["internet", "terminal", "trivia"];
    for (k, id) in ids.iter().enumerate() {
        let i = r.skill_index(id).unwrap();
        p.set_status(&r, i, Status::Done, t(i64::try_from(k).unwrap(), 0));
    }
    let m = Memory::compute(&s, &r, &p, &p.states(&r), &Utc);
    let idx = |id| r.skill_index(id).unwrap();
    assert_eq!(m.due(day(1), t(1, 0)), Vec::<usize>::new());
    assert_eq!(m.due(day(2), t(2, 0)), vec![idx("internet")]);
    assert_eq!(
        m.due(day(9), t(9, 0)),
        vec![idx("internet"), idx("terminal"), idx("trivia")]
    );
    assert_eq!(m.count_due(day(3)), 2);
    assert_eq!(m.upcoming(t(0, 0)).len(), 3);
}
