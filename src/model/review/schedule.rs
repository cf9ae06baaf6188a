//! When a done skill is due for review, derived from its events with FSRS
//! (the Free Spaced Repetition Scheduler, Anki's, through its authors'
//! `fsrs` crate and its default parameters).
//!
//! A skill's schedule starts when it was (last) marked done, which counts
//! as a first successful recall (grade good); every review recorded after
//! that moment is replayed in time order, each with the number of the
//! learner's local days since the one before (a review at 23:59 and one
//! at 00:01 are a day apart, as the learner lived them). The result is a
//! memory state (stability in days, difficulty 1–10) and the interval until
//! the next review, in whole days, for the desired retention. Reviews from
//! before the last time the skill was marked done stay in the profile but
//! no longer count: a reset takes the skill out of the schedule, and doing
//! it again starts a new one.
//!
//! Intervals are whole days. After a review, each grade gives at least a
//! day more than the one below it (again < hard < good < easy), as Anki
//! does; FSRS's own intervals are kept whenever they already are.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use fsrs::{FSRS, FSRSItem, FSRSReview, MemoryState};

use super::days::{LocalDays, date, day_number};
use super::{Grade, Review, Settings};
use crate::model::profile::Profile;
use crate::model::roadmap::Roadmap;
use crate::model::status::{SkillState, Status};

/// The longest interval, in days (a century, as Anki's maximum).
pub const MAX_INTERVAL: u32 = 36_500;

/// FSRS with the learner's desired retention.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    retention: f32,
    /// The state and interval after a first successful recall (the same
    /// for every skill: worked out once).
    first: (MemoryState, f32),
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler::new(Settings::default().retention)
    }
}

/// Where one done skill stands in its schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub skill: usize,
    /// When the schedule began: the skill was marked done.
    pub done: DateTime<Utc>,
    /// The last review, or `done` before the first.
    pub last: DateTime<Utc>,
    pub last_grade: Option<Grade>,
    /// Reviews recorded since the skill was marked done.
    pub reviews: u32,
    /// FSRS's stability: the days after which recall falls to 90%.
    pub stability: f32,
    /// FSRS's difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
    /// Days from the local day of `last` to `due`.
    pub interval: u32,
    /// The local day the next review is due.
    pub due: NaiveDate,
}

impl Card {
    /// The probability of recalling the skill at `now` (FSRS's
    /// retrievability), from the real time since the last review.
    pub fn retrievability(&self, now: DateTime<Utc>) -> f64 {
        let elapsed = (now - self.last).num_seconds().max(0) as f64 / 86_400.0;
        #[allow(clippy::cast_possible_truncation)]
        let r = fsrs::current_retrievability(self.memory(), elapsed as f32, decay());
        if r.is_finite() {
            f64::from(r).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// True when the review is due on the learner's day `today` (or was
    /// before).
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due <= today
    }

    fn memory(&self) -> MemoryState {
        MemoryState {
            stability: self.stability,
            difficulty: self.difficulty,
        }
    }
}

/// The decay of FSRS's forgetting curve with the default parameters.
fn decay() -> f32 {
    fsrs::DEFAULT_PARAMETERS[20]
}

/// Whole days from FSRS's intervals, each grade at least a day more than
/// the one below it.
fn whole_days(intervals: [f32; 4]) -> [u32; 4] {
    let mut out = [0; 4];
    let mut floor = 1;
    for (slot, x) in out.iter_mut().zip(intervals) {
        let days = round_days(x).max(floor);
        *slot = days;
        floor = days + 1;
    }
    out
}

fn round_days(x: f32) -> u32 {
    if x.is_finite() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let days = x.round().clamp(1.0, MAX_INTERVAL as f32) as u32;
        days
    } else {
        MAX_INTERVAL
    }
}

/// The state right after a first successful recall (marking done), and
/// the interval it gives.
fn first(fsrs: &FSRS, retention: f32) -> (MemoryState, f32) {
    match fsrs.next_states(None, retention, 0) {
        Ok(s) => (s.good.memory, s.good.interval),
        // Not reached with the default parameters.
        Err(_) => (
            MemoryState {
                stability: fsrs::DEFAULT_PARAMETERS[2],
                difficulty: 5.0,
            },
            fsrs::DEFAULT_PARAMETERS[2],
        ),
    }
}

fn add_days(day: i64, days: u32) -> NaiveDate {
    date(day + i64::from(days))
}

impl Scheduler {
    /// FSRS with its default parameters, scheduling for `retention` (kept
    /// within [`Settings::RETENTION`]).
    pub fn new(retention: f64) -> Scheduler {
        let retention = if retention.is_finite() {
            retention.clamp(*Settings::RETENTION.start(), *Settings::RETENTION.end())
        } else {
            Settings::default().retention
        };
        let fsrs = FSRS::default();
        #[allow(clippy::cast_possible_truncation)]
        let retention = retention as f32;
        let first = first(&fsrs, retention);
        Scheduler {
            fsrs,
            retention,
            first,
        }
    }

    pub fn retention(&self) -> f64 {
        f64::from(self.retention)
    }

    /// The memory states and whole-day intervals each grade would give
    /// after `state`, `elapsed` local days later.
    fn next(&self, state: MemoryState, elapsed: u32) -> Option<([MemoryState; 4], [u32; 4])> {
        let s = self
            .fsrs
            .next_states(Some(state), self.retention, elapsed)
            .ok()?;
        Some((
            [s.again.memory, s.hard.memory, s.good.memory, s.easy.memory],
            whole_days([
                s.again.interval,
                s.hard.interval,
                s.good.interval,
                s.easy.interval,
            ]),
        ))
    }

    /// Replays a schedule: the skill was marked done at `done` (local day
    /// number `done_day`); `reviews` are its reviews in time order (those
    /// at or before `done` are skipped); `day` gives local day numbers.
    pub(super) fn replay(
        &self,
        skill: usize,
        done: DateTime<Utc>,
        reviews: &[Review],
        mut day: impl FnMut(DateTime<Utc>) -> i64,
    ) -> Card {
        let done_day = day(done);
        let after = &reviews[reviews.partition_point(|r| r.at <= done)..];
        let (first, interval) = self.first;
        let Some((last, earlier)) = after.split_last() else {
            let interval = round_days(interval);
            return Card {
                skill,
                done,
                last: done,
                last_grade: None,
                reviews: 0,
                stability: first.stability,
                difficulty: first.difficulty,
                interval,
                due: add_days(done_day, interval),
            };
        };
        let mut items = Vec::with_capacity(after.len());
        items.push(FSRSReview {
            rating: Grade::Good.rating(),
            delta_t: 0,
        });
        let mut previous = done_day;
        for r in earlier {
            let d = day(r.at);
            items.push(FSRSReview {
                rating: r.grade.rating(),
                delta_t: u32::try_from(d - previous).unwrap_or(0),
            });
            previous = previous.max(d);
        }
        let before = self
            .fsrs
            .memory_state(FSRSItem { reviews: items }, None)
            .unwrap_or(first);
        let last_day = day(last.at).max(previous);
        let elapsed = u32::try_from(last_day - previous).unwrap_or(0);
        let index = last.grade as usize;
        let (memory, interval) = match self.next(before, elapsed) {
            Some((states, days)) => (states[index], days[index]),
            None => (before, 1),
        };
        Card {
            skill,
            done,
            last: last.at,
            last_grade: Some(last.grade),
            reviews: u32::try_from(after.len()).unwrap_or(u32::MAX),
            stability: memory.stability,
            difficulty: memory.difficulty,
            interval,
            due: add_days(last_day, interval),
        }
    }

    /// The schedule of skill `i` in zone `tz`, when it is done (`None`
    /// otherwise: todo, doing or skipped skills are not reviewed).
    pub fn card<Tz: TimeZone>(
        &self,
        roadmap: &Roadmap,
        profile: &Profile,
        i: usize,
        tz: &Tz,
    ) -> Option<Card> {
        let state = profile.entry(roadmap, i)?.state();
        self.card_of(roadmap, profile, i, &state, tz)
    }

    /// [`Scheduler::card`] for a skill whose state is known.
    pub fn card_of<Tz: TimeZone>(
        &self,
        roadmap: &Roadmap,
        profile: &Profile,
        i: usize,
        state: &SkillState,
        tz: &Tz,
    ) -> Option<Card> {
        let done = done_at(state)?;
        let reviews = profile.reviews(roadmap, i);
        Some(self.replay(i, done, &reviews, |at| {
            day_number(at.with_timezone(tz).date_naive())
        }))
    }

    /// True when skill `i` is done and its review is due on the learner's
    /// day at `now` in `tz` (or was before). What the map view and a sync
    /// summary ask of one skill; for many, compute a
    /// [`super::Memory`] once.
    pub fn is_due<Tz: TimeZone>(
        &self,
        roadmap: &Roadmap,
        profile: &Profile,
        i: usize,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> bool {
        self.card(roadmap, profile, i, tz)
            .is_some_and(|c| c.is_due(now.with_timezone(tz).date_naive()))
    }

    /// The interval in days each grade would give if `card` were reviewed
    /// at `now` in `tz`: what the review session shows beside the keys.
    pub fn preview<Tz: TimeZone>(&self, card: &Card, now: DateTime<Utc>, tz: &Tz) -> [u32; 4] {
        let today = now.with_timezone(tz).date_naive();
        let last = card.last.with_timezone(tz).date_naive();
        let elapsed = u32::try_from((today - last).num_days()).unwrap_or(0);
        self.next(card.memory(), elapsed)
            .map_or([1, 2, 3, 4], |(_, days)| days)
    }

    /// Cards for many skills with one cache of local days (see
    /// [`LocalDays`]).
    pub(super) fn replay_with<Tz: TimeZone>(
        &self,
        skill: usize,
        done: DateTime<Utc>,
        reviews: &[Review],
        days: &mut LocalDays<'_, Tz>,
    ) -> Card {
        self.replay(skill, done, reviews, |at| days.number(at))
    }
}

/// When a done skill's schedule began; `None` for a skill not done.
pub fn done_at(state: &SkillState) -> Option<DateTime<Utc>> {
    (state.status == Status::Done).then(|| state.done_at.or(state.changed))?
}
