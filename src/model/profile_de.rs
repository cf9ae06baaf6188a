//! Reading profiles: every field this build knows, every field it does not
//! (kept in [`Unknown`]), each skill's history in time order without
//! duplicates, and a refusal of any key written twice.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::profile::{Change, Entry, Profile, RoadmapProgress};
use super::review::{Review, Spent};
use super::unknown::{Plain, SeedFor, UniqueMap, read_fields};

const CHANGE: &[&str] = &["at", "status"];
const ENTRY: &[&str] = &["status", "changed", "done_at", "history"];
const PROGRESS: &[&str] = &["skills", "notes", "finish_by", "reviews", "spent"];
const PROFILE: &[&str] = &["version", "roadmaps"];

fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

struct ChangeVisitor;

impl<'de> Visitor<'de> for ChangeVisitor {
    type Value = Change;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a change (an object with \"at\" and \"status\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Change, A::Error> {
        let (mut at, mut status) = (None, None);
        let unknown = read_fields(map, CHANGE, |i, map| {
            match i {
                0 => at = Some(map.next_value()?),
                _ => status = Some(map.next_value()?),
            }
            Ok(())
        })?;
        Ok(Change {
            at: required(at, "at")?,
            status: required(status, "status")?,
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Change", CHANGE, ChangeVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a skill's progress (an object with \"status\" and \"changed\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
        let (mut status, mut changed) = (None, None);
        let mut done_at: Option<DateTime<Utc>> = None;
        let mut history: Vec<Change> = Vec::new();
        let unknown = read_fields(map, ENTRY, |i, map| {
            match i {
                0 => status = Some(map.next_value()?),
                1 => changed = Some(map.next_value()?),
                2 => done_at = map.next_value()?,
                _ => history = map.next_value()?,
            }
            Ok(())
        })?;
        let mut entry = Entry {
            status: required(status, "status")?,
            changed: required(changed, "changed")?,
            done_at,
            history,
            unknown,
        };
        entry.normalize();
        Ok(entry)
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Entry", ENTRY, EntryVisitor)
    }
}

impl SeedFor<'_> for Entry {
    type Seed = Plain<Entry>;
    fn seed(_key: &str) -> Plain<Entry> {
        Plain::new()
    }
}

/// Reads one roadmap's progress, knowing the roadmap's id (for messages).
pub(crate) struct ProgressSeed {
    roadmap: Option<String>,
}

impl<'de> DeserializeSeed<'de> for ProgressSeed {
    type Value = RoadmapProgress;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct("RoadmapProgress", PROGRESS, self)
    }
}

impl<'de> Visitor<'de> for ProgressSeed {
    type Value = RoadmapProgress;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a roadmap's progress (an object with \"skills\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RoadmapProgress, A::Error> {
        let within = self
            .roadmap
            .as_deref()
            .map(|r| format!(" of roadmap '{}'", super::text::clip(r, 60)))
            .unwrap_or_default();
        let (mut skills, mut notes, mut goal) = (None, None, None);
        let (mut reviews, mut spent) = (None, None);
        let unknown = read_fields(map, PROGRESS, |i, map| {
            match i {
                0 => {
                    skills = Some(map.next_value_seed(UniqueMap::<Entry> {
                        what: "skill",
                        within: within.clone(),
                        value: PhantomData,
                    })?);
                }
                1 => {
                    notes = Some(map.next_value_seed(UniqueMap::<super::note::Note> {
                        what: "note of skill",
                        within: within.clone(),
                        value: PhantomData,
                    })?);
                }
                2 => goal = map.next_value()?,
                3 => {
                    reviews = Some(map.next_value_seed(UniqueMap::<Vec<Review>> {
                        what: "reviews of skill",
                        within: within.clone(),
                        value: PhantomData,
                    })?);
                }
                _ => {
                    spent = Some(map.next_value_seed(UniqueMap::<Vec<Spent>> {
                        what: "time spent on skill",
                        within: within.clone(),
                        value: PhantomData,
                    })?);
                }
            }
            Ok(())
        })?;
        Ok(RoadmapProgress {
            skills: skills.unwrap_or_default(),
            notes: notes.unwrap_or_default(),
            goal,
            reviews: reviews.unwrap_or_default(),
            spent: spent.unwrap_or_default(),
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for RoadmapProgress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ProgressSeed { roadmap: None }.deserialize(deserializer)
    }
}

impl SeedFor<'_> for RoadmapProgress {
    type Seed = ProgressSeed;
    fn seed(key: &str) -> ProgressSeed {
        ProgressSeed {
            roadmap: Some(key.to_string()),
        }
    }
}

struct ProfileVisitor;

impl<'de> Visitor<'de> for ProfileVisitor {
    type Value = Profile;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a profile (an object with \"version\" and \"roadmaps\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Profile, A::Error> {
        let mut version = None;
        let mut roadmaps: Option<BTreeMap<String, RoadmapProgress>> = None;
        let unknown = read_fields(map, PROFILE, |i, map| {
            match i {
                0 => version = Some(map.next_value()?),
                _ => {
                    roadmaps = Some(map.next_value_seed(UniqueMap::<RoadmapProgress> {
                        what: "roadmap",
                        within: String::new(),
                        value: PhantomData,
                    })?);
                }
            }
            Ok(())
        })?;
        Ok(Profile {
            version: required(version, "version")?,
            roadmaps: roadmaps.unwrap_or_default(),
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Profile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Profile", PROFILE, ProfileVisitor)
    }
}
