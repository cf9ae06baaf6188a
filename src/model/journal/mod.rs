//! The learning journal: what the learner did and when, counted in their
//! own local days. Pure like the rest of the model: `now` and the time zone
//! are passed in (callers pass `chrono::Local`, tests pass fixed zones or
//! `chrono_tz` zones), nothing here reads a clock or a file.
//!
//! The input is a flat list of [`Activity`] events built from the
//! profile: every status change of its histories, one event per note at
//! the note's stamp, every review and every time entry. Every count below
//! (days, streaks, heatmap) takes all kinds in alike.
//!
//! The profile keeps only each note's latest version and stamp, not a
//! history of edits: a note written on Monday and edited on Friday is one
//! event, on Friday. A cleared note leaves no event.

pub mod days;
pub mod heatmap;
pub mod pace;
pub mod words;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_notes;
#[cfg(test)]
mod tests_pace;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::goal::{self, GoalPlan};
use super::profile::Profile;
use super::progress::Evaluation;
use super::roadmap::Roadmap;
use super::status::{SkillState, Status};

pub use days::{DayCounts, Streaks, day_counts, local_day, streaks};
pub use heatmap::{Cell, Heatmap, WEEKS, heatmap, level};
pub use pace::{
    Finished, MIN_HISTORY_DAYS, Pace, Projection, RECENT_DAYS, Remaining, Shortfall, Week,
    finished, finished_after, logged_per_week, pace, pace_from, per_week, projection, remaining,
};

/// What happened in one event of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActivityKind {
    /// The status of the skill changed from `from` to `to`.
    Status { from: Status, to: Status },
    /// The skill's note was written or last edited then (its text is in
    /// the profile: [`Profile::note`]).
    Note,
    /// The skill was reviewed, with this grade.
    Review(crate::model::review::Grade),
    /// Time was logged on the skill (minutes; negative takes time back).
    Spent(i32),
}

/// One event of the journal: when, on which skill (an index into
/// `roadmap.skills`), and what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Activity {
    pub at: DateTime<Utc>,
    pub skill: usize,
    pub kind: ActivityKind,
}

/// Every status change recorded for the skills of `roadmap` and one event
/// per note (at its latest stamp), oldest first (ties in roadmap order,
/// a status change before a note). Progress and notes kept under an
/// earlier id of a skill count for the skill; entries for skills the
/// roadmap no longer has are left out, and so are cleared notes.
pub fn activities(roadmap: &Roadmap, profile: &Profile) -> Vec<Activity> {
    let mut out = Vec::new();
    for skill in 0..roadmap.skills.len() {
        let Some(entry) = profile.entry(roadmap, skill) else {
            continue;
        };
        let mut from = Status::Todo;
        for change in &entry.history {
            out.push(Activity {
                at: change.at,
                skill,
                kind: ActivityKind::Status {
                    from,
                    to: change.status,
                },
            });
            from = change.status;
        }
    }
    for skill in 0..roadmap.skills.len() {
        if let Some(note) = profile.note(roadmap, skill) {
            out.push(Activity {
                at: note.at,
                skill,
                kind: ActivityKind::Note,
            });
        }
    }
    events(roadmap, profile, &mut out);
    out.sort_unstable();
    // The same event under two ids of one skill (copied by hand) counts
    // once; no two other events are equal.
    out.dedup();
    out
}

/// Every review and time entry of `roadmap`'s skills (under their ids or
/// earlier ones), as activities.
fn events(roadmap: &Roadmap, profile: &Profile, out: &mut Vec<Activity>) {
    let Some(progress) = profile.roadmaps.get(&roadmap.id) else {
        return;
    };
    for (key, reviews) in &progress.reviews {
        if let Some(skill) = roadmap.skill_index(key) {
            out.extend(reviews.iter().map(|r| Activity {
                at: r.at,
                skill,
                kind: ActivityKind::Review(r.grade),
            }));
        }
    }
    for (key, spent) in &progress.spent {
        if let Some(skill) = roadmap.skill_index(key) {
            out.extend(spent.iter().map(|s| Activity {
                at: s.at,
                skill,
                kind: ActivityKind::Spent(s.minutes),
            }));
        }
    }
}

/// Everything the stats screens show, computed once from the activities
/// and the current states.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// The learner's day `now` falls on.
    pub today: NaiveDate,
    /// How many events the journal holds (status changes and notes).
    pub events: usize,
    /// Of `events`, notes.
    pub notes: usize,
    /// Of `events`, reviews.
    pub reviews: usize,
    /// Of `events`, time entries.
    pub time_entries: usize,
    /// Minutes logged in all (never below 0).
    pub logged_minutes: i64,
    /// Minutes logged per skill (skills with time entries only).
    pub logged: std::collections::BTreeMap<usize, i64>,
    /// Events per local day.
    pub days: DayCounts,
    pub streaks: Streaks,
    pub heatmap: Heatmap,
    /// Skills and hours finished per week, the last [`Stats::WEEKS_SHOWN`]
    /// weeks, oldest first.
    pub weeks: Vec<Week>,
    /// Done skills, most recently done first.
    pub finished: Vec<Finished>,
    pub pace: Pace,
    pub remaining: Remaining,
    pub projection: Projection,
}

impl Stats {
    /// How many weeks "finished per week" covers.
    pub const WEEKS_SHOWN: usize = 12;

    /// The stats at `now` in zone `tz`. `states` is indexed like
    /// `roadmap.skills`; `eval` is their evaluation.
    pub fn compute<Tz: TimeZone>(
        roadmap: &Roadmap,
        activities: &[Activity],
        states: &[SkillState],
        eval: &Evaluation,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Stats {
        let today = local_day(now, tz);
        let days = day_counts(activities, tz);
        let finished = finished(roadmap, states, tz);
        let pace = pace(&finished, &days, today);
        let remaining = remaining(roadmap, states, eval);
        Stats {
            today,
            events: activities.len(),
            notes: activities
                .iter()
                .filter(|a| a.kind == ActivityKind::Note)
                .count(),
            reviews: activities
                .iter()
                .filter(|a| matches!(a.kind, ActivityKind::Review(_)))
                .count(),
            time_entries: activities
                .iter()
                .filter(|a| matches!(a.kind, ActivityKind::Spent(_)))
                .count(),
            logged_minutes: activities
                .iter()
                .map(|a| match a.kind {
                    ActivityKind::Spent(m) => i64::from(m),
                    _ => 0,
                })
                .sum::<i64>()
                .max(0),
            logged: logged_per_skill(activities),
            streaks: streaks(&days, today),
            heatmap: heatmap(&days, today),
            weeks: logged_per_week(
                per_week(&finished, today, Stats::WEEKS_SHOWN),
                activities,
                tz,
            ),
            projection: projection(&pace, &remaining, today),
            finished,
            pace,
            remaining,
            days,
        }
    }

    /// Days with at least one event.
    pub fn active_days(&self) -> usize {
        self.days.len()
    }

    /// Minutes logged on `skill` in all (0 without any).
    pub fn logged_on(&self, skill: usize) -> i64 {
        self.logged.get(&skill).copied().unwrap_or(0)
    }

    /// What the goal date asks for, seen from these stats' day, at the
    /// pace they measured ([`Pace::current`]): the same plan `status` and
    /// the TUI header give ([`current_pace`]).
    pub fn goal_plan(&self, date: NaiveDate) -> GoalPlan {
        goal::plan_on(
            u64::from(self.remaining.hours),
            self.today,
            date,
            self.pace.current(),
        )
    }
}

/// Minutes logged per skill (never below 0), for the skills with time
/// entries.
fn logged_per_skill(activities: &[Activity]) -> std::collections::BTreeMap<usize, i64> {
    let mut out = std::collections::BTreeMap::new();
    for a in activities {
        if let ActivityKind::Spent(m) = a.kind {
            *out.entry(a.skill).or_insert(0) += i64::from(m);
        }
    }
    for m in out.values_mut() {
        *m = (*m).max(0);
    }
    out
}

/// The learner's pace as [`Pace::current`] gives it, computed straight
/// from the profile (without the day counts, and local days only for the
/// skills done in the last weeks: cheap enough for every key press).
/// Agrees with [`Stats::compute`]'s pace: the first day with activity is
/// that of the earliest status change or note, and the recent hours are
/// those of the skills done in the last [`RECENT_DAYS`] local days.
pub fn current_pace<Tz: TimeZone>(
    roadmap: &Roadmap,
    profile: &Profile,
    states: &[SkillState],
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<f64> {
    let first = first_activity(roadmap, profile).map(|at| local_day(at, tz));
    let today = local_day(now, tz);
    // Two days of margin: no zone puts a moment more than a day away from
    // its UTC date.
    let after = now - chrono::Duration::days(i64::from(RECENT_DAYS) + 2);
    pace_from(&finished_after(roadmap, states, tz, after), first, today).current()
}

/// The earliest event [`activities`] would list, without listing them:
/// walks the profile's entries and notes (not every skill of the roadmap,
/// so it costs what the profile holds) and keeps those `activities` keeps
/// (an entry or note under an earlier id only when it is the one
/// [`Profile::entry`] or [`Profile::note`] picks for the skill).
fn first_activity(roadmap: &Roadmap, profile: &Profile) -> Option<DateTime<Utc>> {
    let progress = profile.roadmaps.get(&roadmap.id)?;
    let changes = progress.skills.iter().filter_map(|(id, entry)| {
        let skill = roadmap.skill_index(id)?;
        let picked = roadmap.skills[skill].id == *id
            || profile
                .entry(roadmap, skill)
                .is_some_and(|e| std::ptr::eq(e, entry));
        if picked {
            entry.history.iter().map(|c| c.at).min()
        } else {
            None
        }
    });
    let notes = progress.notes.iter().filter_map(|(id, note)| {
        let skill = roadmap.skill_index(id)?;
        let picked = profile
            .note(roadmap, skill)
            .is_some_and(|n| std::ptr::eq(n, note));
        picked.then_some(note.at)
    });
    // Reviews and time entries: each list is in time order.
    let reviews = progress
        .reviews
        .iter()
        .filter(|(id, _)| roadmap.knows(id))
        .filter_map(|(_, list)| list.first().map(|r| r.at));
    let spent = progress
        .spent
        .iter()
        .filter(|(id, _)| roadmap.knows(id))
        .filter_map(|(_, list)| list.first().map(|s| s.at));
    changes.chain(notes).chain(reviews).chain(spent).min()
}
