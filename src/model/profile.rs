//! A learner's progress: pure data plus the rules for changing it. Reading
//! and writing files is the store's job.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::roadmap::Roadmap;
use super::status::{SkillState, Status};

/// The profile file format version this build writes and reads.
pub const PROFILE_VERSION: u32 = 1;

/// One status change in a skill's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Change {
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    pub status: Status,
}

/// Progress on one skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Every status change, oldest first. Only ever appended to.
    #[serde(default)]
    pub history: Vec<Change>,
}

impl Entry {
    /// When work on the skill first began (first doing or done).
    pub fn started_at(&self) -> Option<DateTime<Utc>> {
        self.history
            .iter()
            .find(|c| matches!(c.status, Status::Doing | Status::Done))
            .map(|c| c.at)
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

/// Progress on one roadmap, keyed by skill id (or an earlier id).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoadmapProgress {
    #[serde(default)]
    pub skills: BTreeMap<String, Entry>,
}

/// One user's progress on any number of roadmaps, keyed by roadmap id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub version: u32,
    #[serde(default)]
    pub roadmaps: BTreeMap<String, RoadmapProgress>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            version: PROFILE_VERSION,
            roadmaps: BTreeMap::new(),
        }
    }
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

    /// Sets the status of skill `i`. Returns false (and records nothing)
    /// when the skill already has that status.
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
        let skill = &roadmap.skills[i];
        let progress = self.roadmaps.entry(roadmap.id.clone()).or_default();
        // A first change after a rename starts from the progress kept under
        // the old id; that old entry itself stays untouched.
        let entry = progress.skills.entry(skill.id.clone()).or_insert_with(|| {
            current.unwrap_or(Entry {
                status: Status::Todo,
                changed: now,
                done_at: None,
                history: Vec::new(),
            })
        });
        entry.status = status;
        entry.changed = now;
        if status == Status::Done {
            entry.done_at = Some(now);
        }
        entry
            .history
            .push(crate::model::profile::Change { at: now, status });
        true
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
