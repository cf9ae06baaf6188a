//! A learner's progress: pure data plus the rules for changing it. Reading
//! and writing files is the store's job.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry as Slot;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::hlc::{self, Stamped};
use super::roadmap::Roadmap;
use super::status::{SkillState, Status};
use super::unknown::Unknown;

/// The profile file format version this build writes and reads.
pub const PROFILE_VERSION: u32 = 1;

/// One status change in a skill's history. Histories are ordered by
/// `(at, status, unknown)`: time order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Change {
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    pub status: Status,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Change {
    pub fn new(at: DateTime<Utc>, status: Status) -> Change {
        Change {
            at,
            status,
            unknown: Unknown::default(),
        }
    }
}

/// Progress on one skill. (Reading is in `profile_de.rs`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub status: Status,
    /// When the status last changed.
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub changed: DateTime<Utc>,
    /// When the skill was last marked done.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::rfc3339::serialize_option"
    )]
    pub done_at: Option<DateTime<Utc>>,
    /// Every status change, oldest first, without duplicates (reading
    /// sorts and de-duplicates; changes are stamped later than the last).
    pub history: Vec<Change>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Entry {
    /// A skill's first change.
    pub fn new(status: Status, at: DateTime<Utc>) -> Entry {
        Entry {
            status,
            changed: at,
            done_at: (status == Status::Done).then_some(at),
            history: vec![Change::new(at, status)],
            unknown: Unknown::default(),
        }
    }

    /// Puts the history in time order without duplicates (a file written
    /// by hand, by an older build whose writers stamped out of order, or by
    /// a merge of such files).
    pub fn normalize(&mut self) {
        if !self.history.is_sorted_by(|a, b| a < b) {
            self.history.sort_unstable();
            self.history.dedup();
        }
    }

    /// When work on the skill began: the first time it was marked doing
    /// (in progress) since it was last set back to todo or skipped. A skill
    /// marked done straight from todo was never started, and a "doing"
    /// taken back (undone or reset) is no start either; `doing → done →
    /// doing` (a done undone) keeps the first start.
    pub fn started_at(&self) -> Option<DateTime<Utc>> {
        started_at(&self.history)
    }

    pub fn state(&self) -> SkillState {
        SkillState {
            status: self.status,
            changed: Some(self.changed),
            done_at: self.done_at,
            started_at: self.started_at(),
        }
    }
}

/// [`Entry::started_at`] of a history in time order.
pub fn started_at(history: &[Change]) -> Option<DateTime<Utc>> {
    let mut start = None;
    for c in history {
        match c.status {
            Status::Doing => {
                start.get_or_insert(c.at);
            }
            Status::Done => {}
            Status::Todo | Status::Skipped => start = None,
        }
    }
    start
}

impl Stamped for Entry {
    /// The latest of `changed` and the history's stamps.
    fn latest(&self) -> Option<DateTime<Utc>> {
        let last = self.history.iter().map(|c| c.at).max();
        Some(last.map_or(self.changed, |l| l.max(self.changed)))
    }
}

/// Progress on one roadmap, keyed by skill id (or an earlier id).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RoadmapProgress {
    pub skills: BTreeMap<String, Entry>,
    /// The learner's notes, keyed by skill id (or an earlier id).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, super::note::Note>,
    /// The target finish date, if one was ever set (`finish_by` in the
    /// file).
    #[serde(default, rename = "finish_by", skip_serializing_if = "Option::is_none")]
    pub goal: Option<super::goal::Goal>,
    /// Reviews of done skills, keyed by skill id (or an earlier id):
    /// append-only events, oldest first ([`super::review`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reviews: BTreeMap<String, Vec<super::review::Review>>,
    /// Time spent on skills, keyed by skill id (or an earlier id):
    /// append-only events, oldest first.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spent: BTreeMap<String, Vec<super::review::Spent>>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One user's progress on any number of roadmaps, keyed by roadmap id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub version: u32,
    pub roadmaps: BTreeMap<String, RoadmapProgress>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            version: PROFILE_VERSION,
            roadmaps: BTreeMap::new(),
            unknown: Unknown::default(),
        }
    }
}

/// One status change not yet applied to the stored profile: skill index
/// (in the roadmap it was made on) and the new status. A long-running
/// session hands these to the store, which applies and stamps them under
/// the lock ([`Profile::apply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetStatus {
    pub skill: usize,
    pub status: Status,
}

impl Profile {
    /// The entry for skill `i`: under its id, else under the most recently
    /// changed of its aliases (progress recorded before a rename).
    pub fn entry<'a>(&'a self, roadmap: &Roadmap, i: usize) -> Option<&'a Entry> {
        let progress = self.roadmaps.get(&roadmap.id)?;
        let skill = &roadmap.skills[i];
        progress.skills.get(&skill.id).or_else(|| {
            skill
                .aliases
                .iter()
                .filter_map(|a| progress.skills.get(a))
                .max_by_key(|e| e.changed)
        })
    }

    /// One state per skill of `roadmap`, in roadmap order.
    pub fn states(&self, roadmap: &Roadmap) -> Vec<SkillState> {
        let Some(progress) = self.roadmaps.get(&roadmap.id) else {
            return vec![SkillState::default(); roadmap.skills.len()];
        };
        if progress.skills.is_empty() {
            return vec![SkillState::default(); roadmap.skills.len()];
        }
        (0..roadmap.skills.len())
            .map(|i| self.entry(roadmap, i).map(Entry::state).unwrap_or_default())
            .collect()
    }

    /// Sets the status of skill `i`, stamped by the time rule
    /// ([`hlc::stamp`]): `now`, or 1 ms after the skill's latest stamp if
    /// that is not earlier, so the change is newer than everything the
    /// entry holds whatever the clock says. Returns false (and records
    /// nothing) when the skill already has that status.
    ///
    /// Call it with the time the change is applied to the stored profile
    /// (inside [`crate::store::Store::update_now`]), never an earlier one.
    pub fn set_status(
        &mut self,
        roadmap: &Roadmap,
        i: usize,
        status: Status,
        now: DateTime<Utc>,
    ) -> bool {
        let current = self.entry(roadmap, i).cloned();
        if current.as_ref().map_or(Status::Todo, |e| e.status) == status {
            return false;
        }
        let now = hlc::stamp(now, current.as_ref().and_then(Stamped::latest));
        let skill = &roadmap.skills[i];
        let progress = self.roadmaps.entry(roadmap.id.clone()).or_default();
        // A first change after a rename starts from the progress kept under
        // the old id; that old entry itself stays untouched.
        let entry = match progress.skills.entry(skill.id.clone()) {
            Slot::Occupied(slot) => slot.into_mut(),
            Slot::Vacant(slot) => {
                let Some(current) = current else {
                    slot.insert(Entry::new(status, now));
                    return true;
                };
                slot.insert(current)
            }
        };
        entry.status = status;
        entry.changed = now;
        if status == Status::Done {
            entry.done_at = Some(now);
        }
        entry.history.push(Change::new(now, status));
        true
    }

    /// Applies `changes` (made on `roadmap`) in order, each stamped by
    /// [`Profile::set_status`]'s rule at `now`; returns how many changed a
    /// status.
    pub fn apply(&mut self, roadmap: &Roadmap, changes: &[SetStatus], now: DateTime<Utc>) -> usize {
        changes
            .iter()
            .filter(|c| c.skill < roadmap.skills.len())
            .filter(|c| self.set_status(roadmap, c.skill, c.status, now))
            .count()
    }

    /// Entry keys of `roadmap`'s progress that are neither ids nor aliases
    /// of its skills: kept, never dropped, so switching back restores them.
    pub fn orphans<'a>(&'a self, roadmap: &'a Roadmap) -> impl Iterator<Item = &'a str> + 'a {
        self.roadmaps
            .get(&roadmap.id)
            .into_iter()
            .flat_map(|p| p.skills.keys())
            .filter(|k| !roadmap.knows(k))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn history(steps: &[Status]) -> (Vec<Change>, Vec<DateTime<Utc>>) {
        let t0 = Utc.with_ymd_and_hms(2025, 3, 1, 10, 0, 0).unwrap();
        let at: Vec<_> = (0..steps.len())
            .map(|i| t0 + Duration::hours(i64::try_from(i).unwrap()))
            .collect();
        let h = steps
            .iter()
            .zip(&at)
            .map(|(&s, &t)| Change::new(t, s))
            .collect();
        (h, at)
    }

    #[test]
    fn a_start_is_a_doing_that_was_not_taken_back() {
        use Status::{Doing, Done, Skipped, Todo};
        // Done straight from todo: never started.
        assert_eq!(started_at(&history(&[Done]).0), None);
        // Doing, then done: started at the doing.
        let (h, at) = history(&[Doing, Done]);
        assert_eq!(started_at(&h), Some(at[0]));
        // Doing undone (back to todo), then done: no start.
        assert_eq!(started_at(&history(&[Doing, Todo, Done]).0), None);
        // Doing undone, doing again: the second doing is the start.
        let (h, at) = history(&[Doing, Todo, Doing, Done]);
        assert_eq!(started_at(&h), Some(at[2]));
        // A done undone back to doing keeps the first start.
        let (h, at) = history(&[Doing, Done, Doing]);
        assert_eq!(started_at(&h), Some(at[0]));
        // Skipped after doing: not learnt here, no start.
        assert_eq!(started_at(&history(&[Doing, Skipped]).0), None);
        // Done, reset, done again: never in progress.
        assert_eq!(started_at(&history(&[Done, Todo, Done]).0), None);
        assert_eq!(started_at(&[]), None);
    }
}
