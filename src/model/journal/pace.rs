//! Pace and finish date: what was finished when, hours per week, hours
//! left on the counted path and the date they would be done by at the
//! current pace.
//!
//! Hours are each skill's `hours` estimate, credited on the local day the
//! skill was (last) marked done; skipped skills credit nothing (they were
//! not learnt here), and a skill marked done and then reset is not
//! finished.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use super::days::{DayCounts, local_day};
use super::heatmap::week_start;
use crate::model::progress::Evaluation;
use crate::model::roadmap::Roadmap;
use crate::model::status::{SkillState, Status};

/// The window "the current pace" is measured over, in days (4 weeks).
pub const RECENT_DAYS: u32 = 28;
/// A projection needs at least this many days of history (2 weeks).
pub const MIN_HISTORY_DAYS: u32 = 14;

/// A done skill and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finished {
    pub skill: usize,
    /// When work on it began ([`SkillState::started_at`]); `None` when it
    /// was marked done without being in progress first.
    pub started: Option<DateTime<Utc>>,
    pub done: DateTime<Utc>,
    /// Local days from start to done: 0 when done the day it began, `None`
    /// without a start (it took an unknown time, not "the same day").
    pub days: Option<u32>,
    /// The local day it was done on.
    pub done_day: NaiveDate,
    pub hours: Option<u32>,
}

/// Every skill whose status is done, most recently done first.
pub fn finished<Tz: TimeZone>(roadmap: &Roadmap, states: &[SkillState], tz: &Tz) -> Vec<Finished> {
    finished_after(roadmap, states, tz, DateTime::<Utc>::MIN_UTC)
}

/// [`finished`], only the skills done after `after`: the local days (the
/// costly part in the system's zone) are only worked out for those.
pub fn finished_after<Tz: TimeZone>(
    roadmap: &Roadmap,
    states: &[SkillState],
    tz: &Tz,
    after: DateTime<Utc>,
) -> Vec<Finished> {
    let mut out: Vec<Finished> = states
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status == Status::Done)
        .filter_map(|(skill, s)| {
            let done = s.done_at.or(s.changed).filter(|&d| d >= after)?;
            let started = s.started_at.map(|t| t.min(done));
            let done_day = local_day(done, tz);
            let days = started
                .map(|t| u32::try_from((done_day - local_day(t, tz)).num_days()).unwrap_or(0));
            Some(Finished {
                skill,
                started,
                done,
                days,
                done_day,
                hours: roadmap.skills[skill].hours,
            })
        })
        .collect();
    out.sort_unstable_by(|a, b| b.done.cmp(&a.done).then(a.skill.cmp(&b.skill)));
    out
}

/// One calendar week (Sunday to Saturday, like the heatmap's columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// Its Sunday.
    pub start: NaiveDate,
    /// Skills done in it.
    pub skills: u32,
    /// Their hours (skills without an estimate add nothing).
    pub hours: u32,
    /// Minutes logged in the week, on any skill (never below 0).
    pub logged_minutes: i64,
}

/// Skills and hours finished in each of the `n` weeks up to the week of
/// `today`, oldest first.
pub fn per_week(finished: &[Finished], today: NaiveDate, n: usize) -> Vec<Week> {
    let this_week = week_start(today);
    let mut weeks: Vec<Week> = (0..n)
        .rev()
        .map(|back| Week {
            start: this_week
                .checked_sub_days(Days::new(7 * back as u64))
                .unwrap_or(this_week),
            skills: 0,
            hours: 0,
            logged_minutes: 0,
        })
        .collect();
    let Some(first) = weeks.first().map(|w| w.start) else {
        return weeks;
    };
    for f in finished {
        if f.done_day < first || f.done_day > today {
            continue;
        }
        let index = usize::try_from((f.done_day - first).num_days() / 7).unwrap_or(usize::MAX);
        if let Some(w) = weeks.get_mut(index) {
            w.skills += 1;
            w.hours += f.hours.unwrap_or(0);
        }
    }
    weeks
}

/// `weeks` with the minutes logged in each (time entries on the local
/// day they were logged).
pub fn logged_per_week<Tz: TimeZone>(
    mut weeks: Vec<Week>,
    activities: &[super::Activity],
    tz: &Tz,
) -> Vec<Week> {
    let Some(first) = weeks.first().map(|w| w.start) else {
        return weeks;
    };
    let mut days = crate::model::review::days::LocalDays::new(tz);
    let first = crate::model::review::days::day_number(first);
    for a in activities {
        let super::ActivityKind::Spent(minutes) = a.kind else {
            continue;
        };
        let day = days.number(a.at);
        if day < first {
            continue;
        }
        let index = usize::try_from((day - first) / 7).unwrap_or(usize::MAX);
        if let Some(w) = weeks.get_mut(index) {
            w.logged_minutes += i64::from(minutes);
        }
    }
    for w in &mut weeks {
        w.logged_minutes = w.logged_minutes.max(0);
    }
    weeks
}

/// Hours finished per week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Local days from the first day with activity to today, both counted
    /// (0 without any activity).
    pub history_days: u32,
    /// Hours of skills done in the last [`RECENT_DAYS`] days (today
    /// included).
    pub recent_hours: u32,
    /// `recent_hours` per week, over the recent window or the whole
    /// history when that is shorter.
    pub recent_per_week: f64,
    /// Hours of every done skill.
    pub total_hours: u32,
    /// `total_hours` per week of history.
    pub overall_per_week: f64,
}

fn per_week_over(hours: u32, days: u32) -> f64 {
    if days == 0 {
        0.0
    } else {
        f64::from(hours) * 7.0 / f64::from(days)
    }
}

impl Pace {
    /// The pace a plan can rely on: hours finished per week over the last
    /// [`RECENT_DAYS`] days ([`Pace::recent_per_week`]), once there are at
    /// least [`MIN_HISTORY_DAYS`] days of history (the rule the projection
    /// follows); `None` before that. The goal's "on track" compares it
    /// with the hours a week the date needs.
    pub fn current(&self) -> Option<f64> {
        (self.history_days >= MIN_HISTORY_DAYS).then_some(self.recent_per_week)
    }
}

/// The learner's pace as of `today`.
pub fn pace(finished: &[Finished], days: &DayCounts, today: NaiveDate) -> Pace {
    pace_from(finished, days.keys().next().copied(), today)
}

/// [`pace`] from the first local day with activity (`None`: none yet).
pub fn pace_from(finished: &[Finished], first: Option<NaiveDate>, today: NaiveDate) -> Pace {
    let history_days = first
        .filter(|&first| first <= today)
        .map_or(0, |first| (today - first).num_days() + 1);
    let history_days = u32::try_from(history_days).unwrap_or(u32::MAX);
    let recent_from = today
        .checked_sub_days(Days::new(u64::from(RECENT_DAYS - 1)))
        .unwrap_or(today);
    let mut recent_hours = 0;
    let mut total_hours = 0;
    for f in finished.iter().filter(|f| f.done_day <= today) {
        let h = f.hours.unwrap_or(0);
        total_hours += h;
        if f.done_day >= recent_from {
            recent_hours += h;
        }
    }
    Pace {
        history_days,
        recent_hours,
        recent_per_week: per_week_over(recent_hours, history_days.min(RECENT_DAYS)),
        total_hours,
        overall_per_week: per_week_over(total_hours, history_days),
    }
}

/// What is left on the counted path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Remaining {
    /// Estimated hours left.
    pub hours: u32,
    /// Skills left (a "pick N" choice not satisfied yet counts the picks
    /// still needed, not every option).
    pub skills: usize,
    /// Of `skills`, those without an hours estimate (not in `hours`).
    pub unestimated: usize,
}

/// Hours and skills left on the counted path, exactly as the progress
/// figures count them ([`crate::model::Tally::hours_left`]: an open choice
/// counts its `pick` units at the hours of its cheapest open options), so
/// `status`, the header and the stats agree. `unestimated` counts the
/// unfinished counted skills outside choices that have no hours estimate.
pub fn remaining(roadmap: &Roadmap, states: &[SkillState], eval: &Evaluation) -> Remaining {
    let overall = eval.overall;
    let unestimated = (0..states.len())
        .filter(|&s| {
            eval.counted[s]
                && !states[s].status.is_finished()
                && !roadmap.meta[s].in_choice
                && roadmap.skills[s].hours.is_none()
        })
        .count();
    Remaining {
        hours: u32::try_from(overall.hours_left).unwrap_or(u32::MAX),
        skills: overall.total().saturating_sub(overall.finished()),
        unestimated,
    }
}

/// Why there is no finish date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    /// Fewer than [`MIN_HISTORY_DAYS`] days since the first activity.
    TooShort { days: u32 },
    /// Nothing with an hours estimate was done in the last
    /// [`RECENT_DAYS`] days: there is no current pace.
    NoRecentHours,
    /// What is left has no hours estimate.
    NoEstimate,
}

/// The projected finish date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    /// Nothing left on the counted path.
    Done,
    NotEnoughHistory(Shortfall),
    /// At `per_week` hours a week, the `hours` left take `days`, ending on
    /// `date`. Skills without an estimate are not in it.
    At {
        date: NaiveDate,
        days: u32,
        per_week: f64,
    },
}

/// The finish date at the current pace. The rule: a projection needs at
/// least two weeks of history (first activity 14 or more local days ago,
/// today counted) and some hours finished in the last four weeks; the pace
/// is the hours finished in the last four weeks (or over the whole history
/// when shorter) per week; the date is today plus the hours left at that
/// pace, rounded up to whole days.
pub fn projection(pace: &Pace, remaining: &Remaining, today: NaiveDate) -> Projection {
    if remaining.skills == 0 {
        return Projection::Done;
    }
    if pace.history_days < MIN_HISTORY_DAYS {
        return Projection::NotEnoughHistory(Shortfall::TooShort {
            days: pace.history_days,
        });
    }
    if pace.recent_hours == 0 || pace.recent_per_week <= 0.0 {
        return Projection::NotEnoughHistory(Shortfall::NoRecentHours);
    }
    if remaining.hours == 0 {
        return Projection::NotEnoughHistory(Shortfall::NoEstimate);
    }
    let days = (f64::from(remaining.hours) * 7.0 / pace.recent_per_week).ceil();
    // Capped at a century: a trickle of progress gives a date, not a panic.
    let days = if days.is_finite() {
        days.clamp(0.0, 36_525.0)
    } else {
        36_525.0
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let days = days as u32;
    Projection::At {
        date: today
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(today),
        days,
        per_week: pace.recent_per_week,
    }
}
