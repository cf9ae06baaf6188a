//! Today's plan: reviews first (capped), faded prerequisites before the
//! step that needs them, then next steps filling today's time, what was
//! done today marked.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::tests::{small, t};
use super::today::{Inputs, Plan, Source, Why, plan};
use super::*;
use crate::model::{Status, evaluate, next_steps};

fn make(
    r: &Roadmap,
    p: &Profile,
    settings: &Settings,
    goal: Option<(NaiveDate, Option<f64>)>,
    now: DateTime<Utc>,
) -> Plan {
    let states = p.states(r);
    let eval = evaluate(r, &states);
    let next: Vec<usize> = next_steps(r, &states, &eval, now, 20)
        .into_iter()
        .filter_map(|s| crate::model::steps::learnable_skill(r, &states, &eval, s.step))
        .collect();
    let memory = Memory::compute(&Scheduler::new(settings.retention), r, p, &states, &Utc);
    plan(
        &Inputs {
            roadmap: r,
            profile: p,
            states: &states,
            memory: &memory,
            next: &next,
            settings,
            goal,
        },
        now,
        &Utc,
    )
}

fn id(r: &Roadmap, i: usize) -> &str {
    &r.skills[i].id
}

fn done(r: &Roadmap, p: &mut Profile, ids: &[&str], at: DateTime<Utc>) {
    for id in ids {
        p.set_status(r, r.skill_index(id).unwrap(), Status::Done, at);
    }
}

#[test]
fn a_fresh_start_offers_the_first_step_for_todays_hour() {
    let r = small();
    let p = Profile::default();
    let plan = make(&r, &p, &Settings::default(), None, t(0, 9));
    assert_eq!((plan.minutes, plan.source), (60, Source::Setting));
    assert!(plan.reviews.is_empty());
    assert_eq!(plan.learn.len(), 1, "{plan:?}");
    let step = plan.learn[0];
    // The top step takes longer than an hour: the part that fits is offered.
    assert_eq!(id(&r, step.skill), "terminal");
    assert_eq!(
        (step.minutes, step.of, step.estimated),
        (60, Some(480), true)
    );
    assert_eq!(plan.left, 0);
}

#[test]
fn reviews_come_first_at_most_so_many_a_day_then_steps_fill_the_rest() {
    let r = small();
    let mut p = Profile::default();
    done(&r, &mut p, &["internet", "terminal", "trivia"], t(0, 9));
    let settings = Settings {
        reviews_per_day: 2,
        minutes: 30,
        ..Settings::default()
    };
    let plan = make(&r, &p, &settings, None, t(5, 9));
    assert_eq!(plan.due, 3);
    assert_eq!(plan.reviews.len(), 2);
    assert_eq!(plan.over_cap(), 1);
    assert!(
        plan.reviews
            .iter()
            .all(|l| l.why == Why::Due && l.minutes == 5)
    );
    // 30 minutes less two reviews of 5: 20 for the first step.
    assert_eq!(plan.learn.len(), 1);
    assert_eq!(plan.learn[0].minutes, 20);
    assert_eq!(plan.planned(), 30);
}

#[test]
fn short_steps_are_planned_whole_and_the_next_ones_follow() {
    let r = small();
    let mut p = Profile::default();
    done(&r, &mut p, &["terminal"], t(0, 9));
    let i = r.skill_index("internet").unwrap();
    // Three of internet's four hours were logged before today.
    p.log_spent(&r, i, 180, t(1, 9));
    let settings = Settings {
        minutes: 100,
        ..Settings::default()
    };
    let plan = make(&r, &p, &settings, None, t(1, 20));
    let lines: Vec<(&str, u32, Option<u32>)> = plan
        .learn
        .iter()
        .map(|l| (id(&r, l.skill), l.minutes, l.of))
        .collect();
    // Logged today: the plan of the day does not shrink while it is used.
    assert_eq!(lines[0], ("internet", 100, Some(240)), "{lines:?}");
    let plan = make(&r, &p, &settings, None, t(2, 9));
    let lines: Vec<(&str, u32, Option<u32>)> = plan
        .learn
        .iter()
        .map(|l| (id(&r, l.skill), l.minutes, l.of))
        .collect();
    // terminal, done on day 0, is due for review on day 2: 5 minutes.
    assert_eq!(plan.reviews.len(), 1);
    assert_eq!(lines[0], ("internet", 60, None), "{lines:?}");
    assert_eq!(lines[1].1, 35);
    assert_eq!(plan.left, 0);
}

#[test]
fn what_was_done_today_stays_in_the_plan_marked() {
    let r = small();
    let mut p = Profile::default();
    done(&r, &mut p, &["internet", "trivia"], t(0, 9));
    let now = t(5, 18);
    let internet = r.skill_index("internet").unwrap();
    p.record_review(&r, internet, Grade::Hard, t(5, 8)).unwrap();
    let terminal = r.skill_index("terminal").unwrap();
    p.log_spent(&r, terminal, 40, t(5, 10));
    p.set_status(&r, terminal, Status::Done, t(5, 11));
    let plan = make(&r, &p, &Settings::default(), None, now);
    let reviewed = plan.reviews.iter().find(|l| l.skill == internet).unwrap();
    assert_eq!(reviewed.why, Why::Reviewed(Grade::Hard));
    assert!(reviewed.done_today());
    let learnt = plan.learn.iter().find(|l| l.skill == terminal).unwrap();
    assert!(learnt.done_today);
    assert_eq!(learnt.logged_today, 40);
    // The skill done today is due for review in two days, not today.
    assert!(plan.reviews.iter().all(|l| l.skill != terminal));
    // A skill worked on today (not finished) comes before the next steps.
    let python = r.skill_index("python").unwrap();
    p.log_spent(&r, python, 25, t(5, 12));
    let plan = make(&r, &p, &Settings::default(), None, now);
    let lines: Vec<(usize, bool, i64)> = plan
        .learn
        .iter()
        .map(|l| (l.skill, l.done_today, l.logged_today))
        .collect();
    assert_eq!(
        lines[..2],
        [(terminal, true, 40), (python, false, 25)],
        "{lines:?}"
    );
}

#[test]
fn a_goal_sets_todays_time_from_its_hours_a_week() {
    let r = small();
    let p = Profile::default();
    let date = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let plan = make(
        &r,
        &p,
        &Settings::default(),
        Some((date, Some(4.5))),
        t(0, 9),
    );
    // 4.5 h a week is 38.6 minutes a day.
    assert_eq!(plan.minutes, 39);
    assert_eq!(
        plan.source,
        Source::Goal {
            date,
            hours_per_week: 4.5
        }
    );
    // An overdue goal (no hours a week) falls back to the setting.
    let plan = make(&r, &p, &Settings::default(), Some((date, None)), t(0, 9));
    assert_eq!((plan.minutes, plan.source), (60, Source::Setting));
}

#[test]
fn a_faded_prerequisite_is_offered_for_review_before_the_step_that_needs_it() {
    let r = small();
    let mut p = Profile::default();
    done(&r, &mut p, &["internet"], t(0, 9));
    let i = r.skill_index("internet").unwrap();
    p.record_review(&r, i, Grade::Good, t(2, 9)).unwrap();
    done(&r, &mut p, &["terminal", "python", "go", "java"], t(3, 9));
    // Ten months after its last review, internet's memory has faded; http
    // (which needs it) is the next step.
    let now = t(300, 9);
    let states = p.states(&r);
    let memory = Memory::compute(&Scheduler::default(), &r, &p, &states, &Utc);
    let m = memory.card(i).unwrap().retrievability(now);
    assert!(m < 0.7, "{m}");
    let settings = Settings {
        reviews_per_day: 0,
        ..Settings::default()
    };
    let plan = make(&r, &p, &settings, None, now);
    let http = r.skill_index("http").unwrap();
    assert_eq!(plan.learn[0].skill, http, "{plan:?}");
    assert_eq!(plan.reviews.len(), 1, "{plan:?}");
    assert_eq!(plan.reviews[0].skill, i);
    assert_eq!(plan.reviews[0].why, Why::Refresh { before: http });
    // A threshold below its memory leaves it out.
    let settings = Settings {
        reviews_per_day: 0,
        prerequisite_memory: m - 0.01,
        ..Settings::default()
    };
    assert!(make(&r, &p, &settings, None, now).reviews.is_empty());
}

#[test]
fn the_day_is_the_learners() {
    // Reviewed at 23:30 on the 5th in UTC-5 is the 6th in UTC: in the
    // learner's zone it was "today" only on the 5th.
    let r = small();
    let mut p = Profile::default();
    done(&r, &mut p, &["internet"], t(0, 9));
    let i = r.skill_index("internet").unwrap();
    p.record_review(&r, i, Grade::Good, t(6, 4) + chrono::Duration::minutes(30))
        .unwrap();
    let west = FixedOffset::west_opt(5 * 3600).unwrap();
    let states = p.states(&r);
    let memory = Memory::compute(&Scheduler::default(), &r, &p, &states, &west);
    let settings = Settings::default();
    let inputs = Inputs {
        roadmap: &r,
        profile: &p,
        states: &states,
        memory: &memory,
        next: &[],
        settings: &settings,
        goal: None,
    };
    let on_the_5th = plan(&inputs, t(6, 4) + chrono::Duration::minutes(45), &west);
    assert!(
        on_the_5th
            .reviews
            .iter()
            .any(super::today::ReviewLine::done_today)
    );
    let on_the_6th = plan(&inputs, t(6, 6), &west);
    assert!(on_the_6th.reviews.iter().all(|l| l.why == Why::Due));
}
