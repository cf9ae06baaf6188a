//! Counting what a sync brought in or sent out: one line per kind of data
//! in [`KINDS`]. A new kind of profile data (reviews, logged time) that
//! merges through `store::merge` travels by itself; saying how many came
//! in is one more line there.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Profile, RoadmapProgress};

/// One kind of data counted: its words and how many of it are new or
/// changed in `after` compared with `before`.
pub struct Kind {
    pub one: &'static str,
    pub many: &'static str,
    pub count: fn(before: &Profile, after: &Profile) -> usize,
}

/// Every kind counted, in the order they are reported.
#[rustfmt::skip]
pub static KINDS: &[Kind] = &[
    Kind { one: "change", many: "changes", count: |b, a| per_roadmap(b, a, new_history) },
    Kind { one: "note", many: "notes", count: |b, a| per_roadmap(b, a, |b, a| changed(&b.notes, &a.notes)) },
    Kind { one: "goal", many: "goals", count: |b, a| per_roadmap(b, a, |b, a| usize::from(b.goal != a.goal)) },
    Kind { one: "review", many: "reviews", count: |b, a| per_roadmap(b, a, |b, a| new_events(&b.reviews, &a.reviews)) },
    Kind { one: "time entry", many: "time entries", count: |b, a| per_roadmap(b, a, |b, a| new_events(&b.spent, &a.spent)) },
];

/// How many of each kind, plus the roadmaps of the library (by id) and
/// profiles that did not exist before.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// By [`Kind::many`].
    #[serde(flatten)]
    pub kinds: BTreeMap<&'static str, usize>,
    /// Roadmaps of the library added, replaced or removed, by id.
    pub roadmaps: Vec<String>,
    /// Profiles that are new, by name.
    pub profiles: Vec<String>,
}

impl Counts {
    /// Adds what is new in `after` (a profile called `name`) compared with
    /// `before` (`None`: the profile did not exist).
    pub fn add(&mut self, name: &str, before: Option<&Profile>, after: &Profile) {
        let empty = Profile::default();
        let base = before.unwrap_or(&empty);
        for kind in KINDS {
            *self.kinds.entry(kind.many).or_default() += (kind.count)(base, after);
        }
        if before.is_none() && after != &empty {
            self.profiles.push(name.to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.values().all(|&n| n == 0) && self.roadmaps.is_empty() && self.profiles.is_empty()
    }

    /// `3 changes, 1 note, 1 roadmap (go)`; empty when there is nothing.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = KINDS
            .iter()
            .filter_map(|k| {
                let n = self.kinds.get(k.many).copied().unwrap_or(0);
                match n {
                    0 => None,
                    1 => Some(format!("1 {}", k.one)),
                    n => Some(format!("{n} {}", k.many)),
                }
            })
            .collect();
        let listed = |n: usize, one: &str, many: &str, names: &[String]| {
            let word = if n == 1 { one } else { many };
            format!("{n} {word} ({})", names.join(", "))
        };
        if !self.roadmaps.is_empty() {
            let n = self.roadmaps.len();
            parts.push(listed(n, "roadmap", "roadmaps", &self.roadmaps));
        }
        if !self.profiles.is_empty() {
            let n = self.profiles.len();
            parts.push(listed(n, "new profile", "new profiles", &self.profiles));
        }
        parts.join(", ")
    }
}

/// Sums `count` over the roadmaps' progress (a roadmap missing before
/// counts against empty progress).
fn per_roadmap(
    before: &Profile,
    after: &Profile,
    count: fn(&RoadmapProgress, &RoadmapProgress) -> usize,
) -> usize {
    let empty = RoadmapProgress::default();
    after
        .roadmaps
        .iter()
        .map(|(id, a)| count(before.roadmaps.get(id).unwrap_or(&empty), a))
        .sum()
}

/// History entries in `after` that `before` does not have (histories only
/// grow when merged).
fn new_history(before: &RoadmapProgress, after: &RoadmapProgress) -> usize {
    after
        .skills
        .iter()
        .map(|(k, a)| match before.skills.get(k) {
            Some(b) if b == a => 0,
            Some(b) => a.history.len().saturating_sub(b.history.len()).max(1),
            None => a.history.len().max(1),
        })
        .sum()
}

/// Events (reviews, time entries) in `after` that `before` does not have:
/// the lists only grow when merged.
fn new_events<E>(before: &BTreeMap<String, Vec<E>>, after: &BTreeMap<String, Vec<E>>) -> usize {
    after
        .iter()
        .map(|(k, a)| a.len().saturating_sub(before.get(k).map_or(0, Vec::len)))
        .sum()
}

/// Keys whose value is new or different.
fn changed<V: PartialEq>(before: &BTreeMap<String, V>, after: &BTreeMap<String, V>) -> usize {
    after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::review::{Grade, Review, Spent};
    use crate::model::{Entry, Note, Status};

    #[test]
    fn counts_say_what_is_new_in_plain_words() {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut after = Profile::default();
        let progress = after.roadmaps.entry("r".into()).or_default();
        progress
            .skills
            .insert("a".into(), Entry::new(Status::Done, t));
        progress
            .skills
            .insert("b".into(), Entry::new(Status::Doing, t));
        progress
            .notes
            .insert("a".into(), Note::new("hi".into(), t, None));
        progress.reviews.insert(
            "a".into(),
            vec![Review::new(t, Grade::Good), Review::new(t, Grade::Easy)],
        );
        progress.spent.insert("b".into(), vec![Spent::new(t, 45)]);
        let mut c = Counts::default();
        c.add("default", Some(&Profile::default()), &after);
        c.roadmaps.push("go".into());
        assert_eq!(
            c.describe(),
            "2 changes, 1 note, 2 reviews, 1 time entry, 1 roadmap (go)"
        );
        let mut same = Counts::default();
        same.add("default", Some(&after), &after);
        assert!(same.is_empty(), "{same:?}");
        let mut new = Counts::default();
        new.add("work", None, &after);
        assert_eq!(new.profiles, ["work"]);
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"changes": 2, "notes": 1, "goals": 0, "reviews": 2, "time entries": 1, "roadmaps": ["go"], "profiles": []})
        );
    }
}
