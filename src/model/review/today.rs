//! "What should I study today?": the reviews due (at most so many a day),
//! then the next steps, filling today's time.
//!
//! Today's time is the goal's hours a week spread over seven days when a
//! goal is set (and still ahead), else the `[today] minutes` setting. The
//! plan is the day's plan from its start: what was done today keeps its
//! line, marked done today, and its minutes, and a skill worked on today
//! (time logged) comes next; the rest goes, in order, to
//! reviews due (most urgent first), to the reviews of prerequisites that
//! faded (each just before the step that needs it), then to the next steps
//! in their ranking. A step longer than what is left is still offered,
//! with the part of it that fits today. A step's length is its hours
//! estimate minus the time logged on it before today; without an estimate
//! (or once the logged time passed it) it takes what is left of the day.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::fading::faded;
use super::{Grade, Memory, Settings, total_minutes};
use crate::model::journal::local_day;
use crate::model::profile::Profile;
use crate::model::roadmap::Roadmap;
use crate::model::status::{SkillState, Status};

/// Where today's time comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source {
    /// The goal's hours a week, over seven days.
    Goal {
        date: NaiveDate,
        hours_per_week: f64,
    },
    /// The `[today] minutes` setting.
    Setting,
}

/// Why a review is in the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// Due today or before.
    Due,
    /// A prerequisite of `before` (a step of the plan) whose memory faded.
    Refresh { before: usize },
    /// Reviewed today, with this grade.
    Reviewed(Grade),
}

/// One review of the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewLine {
    pub skill: usize,
    pub minutes: u32,
    pub why: Why,
    /// The probability of recall at `now`.
    pub memory: f64,
}

impl ReviewLine {
    pub fn done_today(&self) -> bool {
        matches!(self.why, Why::Reviewed(_))
    }
}

/// One step to learn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LearnLine {
    pub skill: usize,
    /// Minutes planned today.
    pub minutes: u32,
    /// The minutes the step still needs in all, when more than `minutes`
    /// (only part of it fits today).
    pub of: Option<u32>,
    /// Its length comes from the hours estimate (false: no estimate, or
    /// the logged time already passed it).
    pub estimated: bool,
    /// Marked done today.
    pub done_today: bool,
    /// Minutes logged on it today.
    pub logged_today: i64,
}

/// Today's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub today: NaiveDate,
    /// Today's time in minutes.
    pub minutes: u32,
    pub source: Source,
    pub reviews: Vec<ReviewLine>,
    pub learn: Vec<LearnLine>,
    /// Reviews due today in all, the ones not offered for the daily cap
    /// included (the ones done today are not).
    pub due: usize,
    /// Reviews offered a day at most.
    pub cap: u32,
    /// Minutes of today no line takes.
    pub left: u32,
}

impl Plan {
    /// Minutes the plan's lines take.
    pub fn planned(&self) -> u32 {
        self.minutes.saturating_sub(self.left)
    }

    /// Reviews due today that the daily cap left out.
    pub fn over_cap(&self) -> usize {
        let offered = self.reviews.iter().filter(|r| r.why == Why::Due).count();
        self.due.saturating_sub(offered)
    }
}

/// What the plan is made from.
pub struct Inputs<'a> {
    pub roadmap: &'a Roadmap,
    pub profile: &'a Profile,
    /// Indexed like the roadmap's skills.
    pub states: &'a [SkillState],
    pub memory: &'a Memory,
    /// The next steps, best first ([`crate::model::next_steps`]).
    pub next: &'a [usize],
    pub settings: &'a Settings,
    /// The goal date and the hours a week it needs, when one is set.
    pub goal: Option<(NaiveDate, Option<f64>)>,
}

/// Today's time and where it comes from.
pub fn budget(settings: &Settings, goal: Option<(NaiveDate, Option<f64>)>) -> (u32, Source) {
    match goal {
        Some((date, Some(h))) if h > 0.0 && h.is_finite() => {
            let per_day = (h * 60.0 / 7.0).ceil().min(24.0 * 60.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let minutes = per_day as u32;
            (
                minutes,
                Source::Goal {
                    date,
                    hours_per_week: h,
                },
            )
        }
        _ => (settings.minutes, Source::Setting),
    }
}

/// Moments this recent (or later) may fall on today's local day: no zone
/// is more than a day away from UTC.
fn recent(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::hours(50)
}

/// Minutes logged on skill `i` before `today` and on it.
fn logged<Tz: TimeZone>(
    profile: &Profile,
    roadmap: &Roadmap,
    i: usize,
    today: NaiveDate,
    tz: &Tz,
) -> (i64, i64) {
    let entries = profile.spent(roadmap, i);
    let split = entries.partition_point(|s| local_day(s.at, tz) < today);
    (
        total_minutes(&entries[..split]),
        entries[split..]
            .iter()
            .filter(|s| local_day(s.at, tz) == today)
            .map(|s| i64::from(s.minutes))
            .sum(),
    )
}

/// The reviews done today, in the order they were done, then those due
/// (most urgent first) up to the daily cap; and how many are due in all.
fn reviews<Tz: TimeZone>(
    memory: &Memory,
    settings: &Settings,
    today: NaiveDate,
    now: DateTime<Utc>,
    tz: &Tz,
) -> (Vec<ReviewLine>, usize) {
    let minutes = settings.review_minutes;
    let recent = recent(now);
    let mut reviewed: Vec<(DateTime<Utc>, ReviewLine)> = memory
        .cards()
        .filter(|c| c.last >= recent && c.last_grade.is_some())
        .filter(|c| local_day(c.last, tz) == today)
        .filter_map(|c| {
            Some((
                c.last,
                ReviewLine {
                    skill: c.skill,
                    minutes,
                    why: Why::Reviewed(c.last_grade?),
                    memory: c.retrievability(now),
                },
            ))
        })
        .collect();
    reviewed.sort_by_key(|(at, r)| (*at, r.skill));
    let mut lines: Vec<ReviewLine> = reviewed.into_iter().map(|(_, r)| r).collect();
    let due = memory.due(today, now);
    let room = usize::try_from(settings.reviews_per_day)
        .unwrap_or(usize::MAX)
        .saturating_sub(lines.len());
    lines.extend(due.iter().take(room).map(|&skill| ReviewLine {
        skill,
        minutes,
        why: Why::Due,
        memory: memory.card(skill).map_or(0.0, |c| c.retrievability(now)),
    }));
    (lines, due.len())
}

/// The skills marked done today, in the order they were.
fn done_today<Tz: TimeZone>(
    states: &[SkillState],
    today: NaiveDate,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<usize> {
    let recent = recent(now);
    let mut done: Vec<(DateTime<Utc>, usize)> = states
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status == Status::Done)
        .filter_map(|(i, s)| Some((s.done_at.or(s.changed)?, i)))
        .filter(|&(at, _)| at >= recent && local_day(at, tz) == today)
        .collect();
    done.sort_unstable();
    done.into_iter().map(|(_, i)| i).collect()
}

/// The unfinished skills with time logged today, in the order of their
/// first entry today.
fn worked_today<Tz: TimeZone>(
    inputs: &Inputs,
    today: NaiveDate,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<usize> {
    let Some(progress) = inputs.profile.roadmaps.get(&inputs.roadmap.id) else {
        return Vec::new();
    };
    let recent = recent(now);
    let mut worked: Vec<(DateTime<Utc>, usize)> = progress
        .spent
        .iter()
        .filter(|(_, entries)| entries.last().is_some_and(|e| e.at >= recent))
        .filter_map(|(key, _)| inputs.roadmap.skill_index(key))
        .filter(|&i| !inputs.states[i].status.is_finished())
        .filter_map(|i| {
            let entries = inputs.profile.spent(inputs.roadmap, i);
            let first = entries
                .iter()
                .find(|e| e.at >= recent && local_day(e.at, tz) == today)?
                .at;
            let (_, minutes) = logged(inputs.profile, inputs.roadmap, i, today, tz);
            (minutes > 0).then_some((first, i))
        })
        .collect();
    worked.sort_unstable();
    worked.dedup_by_key(|w| w.1);
    worked.into_iter().map(|(_, i)| i).collect()
}

/// The line of a step: its length (estimate less the time logged before
/// today, else what is left of the day) and the part of it that fits.
fn learn_line<Tz: TimeZone>(
    inputs: &Inputs,
    skill: usize,
    left: &mut u32,
    done_today: bool,
    today: NaiveDate,
    tz: &Tz,
) -> LearnLine {
    let (before, today_minutes) = logged(inputs.profile, inputs.roadmap, skill, today, tz);
    let estimate = inputs.roadmap.skills[skill]
        .hours
        .map(|h| i64::from(h) * 60 - before)
        .filter(|&m| m > 0)
        .map(|m| u32::try_from(m).unwrap_or(u32::MAX));
    let whole = estimate.unwrap_or(*left);
    let planned = whole.min(*left);
    *left -= planned;
    LearnLine {
        skill,
        minutes: planned,
        of: (planned < whole).then_some(whole),
        estimated: estimate.is_some(),
        done_today,
        logged_today: today_minutes,
    }
}

/// Today's plan at `now` in zone `tz`.
pub fn plan<Tz: TimeZone>(inputs: &Inputs, now: DateTime<Utc>, tz: &Tz) -> Plan {
    let settings = inputs.settings;
    let today = local_day(now, tz);
    let (minutes, source) = budget(settings, inputs.goal);
    let review_minutes = settings.review_minutes;
    let (mut reviews, due) = reviews(inputs.memory, settings, today, now, tz);
    let mut left = minutes.saturating_sub(
        review_minutes.saturating_mul(u32::try_from(reviews.len()).unwrap_or(u32::MAX)),
    );
    let done = done_today(inputs.states, today, now, tz);
    let mut learn: Vec<LearnLine> = done
        .iter()
        .map(|&skill| learn_line(inputs, skill, &mut left, true, today, tz))
        .collect();
    let worked = worked_today(inputs, today, now, tz);
    for &skill in &worked {
        learn.push(learn_line(inputs, skill, &mut left, false, today, tz));
    }
    for &skill in inputs.next {
        if left == 0 {
            break;
        }
        if done.contains(&skill) || worked.contains(&skill) {
            continue;
        }
        let prerequisite = settings.prerequisite_memory;
        for f in faded(inputs.roadmap, inputs.memory, skill, now, prerequisite) {
            if reviews.iter().any(|r| r.skill == f.skill) {
                continue;
            }
            reviews.push(ReviewLine {
                skill: f.skill,
                minutes: review_minutes,
                why: Why::Refresh { before: skill },
                memory: f.memory,
            });
            left = left.saturating_sub(review_minutes);
        }
        if left == 0 {
            break;
        }
        learn.push(learn_line(inputs, skill, &mut left, false, today, tz));
    }
    Plan {
        today,
        minutes,
        source,
        reviews,
        learn,
        due,
        cap: settings.reviews_per_day,
        left,
    }
}
