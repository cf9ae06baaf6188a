//! Spaced review of finished skills, a plan for today, and the time the
//! learner really spent.
//!
//! What the profile holds are two kinds of append-only events per skill,
//! each stamped by the time rule ([`super::hlc`]):
//!
//! - a **review** (`reviews.SKILL[]`: `{"at", "grade"}`): the learner tried
//!   to recall a done skill and graded how it went ([`Grade`]);
//! - a **time entry** (`spent.SKILL[]`: `{"at", "minutes"}`): minutes spent
//!   on a skill (negative to take back a mistake).
//!
//! Events are never changed or removed, only added; two copies of a
//! profile merge by the union of their events ([`merge_events`]), so no
//! event is lost or doubled whatever the order copies meet. The memory of a
//! skill (FSRS's stability and difficulty, when it is due) is never stored:
//! it is derived by replaying the skill's events ([`schedule`]), marking it
//! done counting as its first successful recall.
//!
//! Pure: the caller passes `now` and the time zone in.

pub mod days;
mod de;
pub mod duration;
pub mod fading;
pub mod memory;
pub mod schedule;
pub mod today;
pub mod words;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_schedule;
#[cfg(test)]
mod tests_today;

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::hlc::{self, Stamped};
use super::profile::Profile;
use super::roadmap::Roadmap;
use super::status::Status;
use super::unknown::Unknown;

pub use memory::Memory;
pub use schedule::{Card, Scheduler};

/// How a review went, Anki's four grades, in what they mean for a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Could not explain or use it without looking it up.
    Again,
    /// Recalled, with effort.
    Hard,
    /// Could explain it and apply it.
    Good,
    /// Trivial.
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// FSRS's rating: 1 (again) to 4 (easy).
    pub fn rating(self) -> u32 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    /// What the grade means for a skill, as the help and the review
    /// session say it.
    pub fn meaning(self) -> &'static str {
        match self {
            Grade::Again => "could not explain or use it without looking it up",
            Grade::Hard => "recalled it, with effort",
            Grade::Good => "could explain it and apply it",
            Grade::Easy => "trivial",
        }
    }

    /// `again`, `hard`, `good`, `easy` (any case) or `1` to `4`.
    pub fn parse(s: &str) -> Option<Grade> {
        let s = s.trim();
        Grade::ALL
            .into_iter()
            .find(|g| s.eq_ignore_ascii_case(g.as_str()) || s == g.rating().to_string().as_str())
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One review of a skill. Ordered by `(at, grade, unknown)`: time order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Review {
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    pub grade: Grade,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Review {
    pub fn new(at: DateTime<Utc>, grade: Grade) -> Review {
        Review {
            at,
            grade,
            unknown: Unknown::default(),
        }
    }
}

/// Time spent on a skill. Ordered by `(at, minutes, unknown)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Spent {
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    /// Minutes; negative takes back time logged by mistake.
    pub minutes: i32,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Spent {
    pub fn new(at: DateTime<Utc>, minutes: i32) -> Spent {
        Spent {
            at,
            minutes,
            unknown: Unknown::default(),
        }
    }
}

/// Things with a stamp, for the time rule and time order.
pub trait Event: Ord + Clone {
    fn at(&self) -> DateTime<Utc>;
}

impl Event for Review {
    fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

impl Event for Spent {
    fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

/// Puts a skill's events in time order without duplicates (a file written
/// by hand, or merged from copies).
pub fn normalize<T: Event>(events: &mut Vec<T>) {
    if !events.is_sorted_by(|a, b| a < b) {
        events.sort_unstable();
        events.dedup();
    }
}

/// Merges `theirs` into `ours`, skill by skill: the union of both sides'
/// events, in time order, each once. Commutative, associative and
/// idempotent; nothing either side holds is lost, nothing is doubled.
pub fn merge_events<T: Event>(
    ours: &mut BTreeMap<String, Vec<T>>,
    theirs: &BTreeMap<String, Vec<T>>,
) {
    for (key, events) in theirs {
        match ours.get_mut(key) {
            Some(mine) if mine != events => {
                mine.extend_from_slice(events);
                mine.sort_unstable();
                mine.dedup();
            }
            Some(_) => {}
            None => {
                let mut events = events.clone();
                normalize(&mut events);
                ours.insert(key.clone(), events);
            }
        }
    }
    for events in ours.values_mut() {
        normalize(events);
    }
}

/// The events of skill `i` kept under its id and its earlier ids (written
/// before a rename), in time order: borrowed when they are all under one
/// key (the common case).
fn events_of<'a, T: Event>(
    map: &'a BTreeMap<String, Vec<T>>,
    roadmap: &Roadmap,
    i: usize,
) -> Cow<'a, [T]> {
    let Some(skill) = roadmap.skills.get(i) else {
        return Cow::Borrowed(&[]);
    };
    let mut found = std::iter::once(&skill.id)
        .chain(&skill.aliases)
        .filter_map(|k| map.get(k))
        .filter(|v| !v.is_empty());
    let Some(first) = found.next() else {
        return Cow::Borrowed(&[]);
    };
    let rest: Vec<&Vec<T>> = found.collect();
    if rest.is_empty() {
        return Cow::Borrowed(first);
    }
    let mut all = first.clone();
    for more in rest {
        all.extend_from_slice(more);
    }
    all.sort_unstable();
    all.dedup();
    Cow::Owned(all)
}

/// Why a review was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReviewed {
    /// Only done skills are reviewed; this one has this status.
    NotDone(Status),
    /// No such skill.
    NoSkill,
}

/// A review or a time entry not yet applied to the stored profile: a long
/// running session hands these to the store, which stamps and applies
/// them under its lock ([`Profile::apply_events`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub skill: usize,
    pub what: PendingKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingKind {
    Review(Grade),
    Spent(i32),
}

impl Profile {
    /// The reviews of skill `i` (under its id or an earlier one), oldest
    /// first, whatever its status.
    pub fn reviews<'a>(&'a self, roadmap: &Roadmap, i: usize) -> Cow<'a, [Review]> {
        match self.roadmaps.get(&roadmap.id) {
            Some(p) => events_of(&p.reviews, roadmap, i),
            None => Cow::Borrowed(&[]),
        }
    }

    /// The time entries of skill `i`, oldest first.
    pub fn spent<'a>(&'a self, roadmap: &Roadmap, i: usize) -> Cow<'a, [Spent]> {
        match self.roadmaps.get(&roadmap.id) {
            Some(p) => events_of(&p.spent, roadmap, i),
            None => Cow::Borrowed(&[]),
        }
    }

    /// Minutes logged on skill `i` in all (never below 0).
    pub fn minutes_spent(&self, roadmap: &Roadmap, i: usize) -> i64 {
        total_minutes(&self.spent(roadmap, i))
    }

    /// Records a review of skill `i`, stamped by the time rule after
    /// everything the skill holds (its statuses and reviews), so it always
    /// counts after the moment the skill was marked done. Returns the stamp.
    pub fn record_review(
        &mut self,
        roadmap: &Roadmap,
        i: usize,
        grade: Grade,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, NotReviewed> {
        let Some(skill) = roadmap.skills.get(i) else {
            return Err(NotReviewed::NoSkill);
        };
        let entry = self.entry(roadmap, i);
        let status = entry.map_or(Status::Todo, |e| e.status);
        if status != Status::Done {
            return Err(NotReviewed::NotDone(status));
        }
        let last = self.reviews(roadmap, i).last().map(|r| r.at);
        let latest = entry.and_then(Stamped::latest).max(last);
        let at = hlc::stamp(now, latest);
        let progress = self.roadmaps.entry(roadmap.id.clone()).or_default();
        let reviews = progress.reviews.entry(skill.id.clone()).or_default();
        reviews.push(Review::new(at, grade));
        normalize(reviews);
        Ok(at)
    }

    /// Logs `minutes` spent on skill `i` (any status), stamped by the time
    /// rule after the skill's other time entries. Returns the stamp, or
    /// `None` for 0 minutes or no such skill (nothing recorded).
    pub fn log_spent(
        &mut self,
        roadmap: &Roadmap,
        i: usize,
        minutes: i32,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let skill = roadmap.skills.get(i)?;
        if minutes == 0 {
            return None;
        }
        let last = self.spent(roadmap, i).last().map(|s| s.at);
        let at = hlc::stamp(now, last);
        let progress = self.roadmaps.entry(roadmap.id.clone()).or_default();
        let entries = progress.spent.entry(skill.id.clone()).or_default();
        entries.push(Spent::new(at, minutes));
        normalize(entries);
        Some(at)
    }

    /// Applies reviews and time entries made on `roadmap`, in order, each
    /// stamped at `now` by the time rule; returns how many were recorded
    /// (a review of a skill no longer done is dropped).
    pub fn apply_events(
        &mut self,
        roadmap: &Roadmap,
        events: &[Pending],
        now: DateTime<Utc>,
    ) -> usize {
        events
            .iter()
            .filter(|e| match e.what {
                PendingKind::Review(grade) => {
                    self.record_review(roadmap, e.skill, grade, now).is_ok()
                }
                PendingKind::Spent(minutes) => {
                    self.log_spent(roadmap, e.skill, minutes, now).is_some()
                }
            })
            .count()
    }
}

/// The sum of some time entries in minutes, never below 0.
pub fn total_minutes(entries: &[Spent]) -> i64 {
    entries
        .iter()
        .map(|s| i64::from(s.minutes))
        .sum::<i64>()
        .max(0)
}

/// What the config file sets for reviews and today's plan
/// (`[review]` and `[today]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The probability of recall a skill is scheduled for (FSRS's desired
    /// retention): 0.70 to 0.97.
    pub retention: f64,
    /// A suggested skill's prerequisite whose memory is below this is
    /// offered for review first.
    pub prerequisite_memory: f64,
    /// Today's time when no goal is set, in minutes.
    pub minutes: u32,
    /// Reviews offered a day at most.
    pub reviews_per_day: u32,
    /// Minutes a review takes, for today's plan.
    pub review_minutes: u32,
}

impl Settings {
    /// The range `retention` may take.
    pub const RETENTION: std::ops::RangeInclusive<f64> = 0.70..=0.97;
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            retention: 0.90,
            prerequisite_memory: 0.70,
            minutes: 60,
            reviews_per_day: 20,
            review_minutes: 5,
        }
    }
}
