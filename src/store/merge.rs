//! Merging two versions of a profile: nothing either side did is lost.

use std::cmp::Ordering;

use crate::model::{Entry, Profile};

/// Orders two entries: the newer change wins; a tie is broken by status so
/// the result does not depend on which side is `a`.
fn newer(a: &Entry, b: &Entry) -> Ordering {
    (a.changed, a.status).cmp(&(b.changed, b.status))
}

/// Merges one skill's entries: the newer status wins, histories are unioned
/// without duplicates, oldest first.
pub fn merge_entry(a: &Entry, b: &Entry) -> Entry {
    let winner = if newer(a, b) == Ordering::Less { b } else { a };
    let mut history = Vec::with_capacity(a.history.len().max(b.history.len()));
    // Both histories are sorted by time; merge them like a merge sort.
    let (mut ia, mut ib) = (0, 0);
    while ia < a.history.len() || ib < b.history.len() {
        let next = match (a.history.get(ia), b.history.get(ib)) {
            (Some(x), Some(y)) if x <= y => {
                ia += 1;
                if x == y {
                    ib += 1;
                }
                *x
            }
            (Some(_) | None, Some(y)) => {
                ib += 1;
                *y
            }
            (Some(x), None) => {
                ia += 1;
                *x
            }
            (None, None) => break,
        };
        if history.last() != Some(&next) {
            history.push(next);
        }
    }
    Entry {
        status: winner.status,
        changed: winner.changed,
        done_at: a.done_at.max(b.done_at),
        history,
    }
}

/// Merges `theirs` into `ours`: every roadmap and skill of either side is
/// kept; where both have a skill, [`merge_entry`] decides.
pub fn merge(ours: &mut Profile, theirs: &Profile) {
    for (roadmap, progress) in &theirs.roadmaps {
        let mine = ours.roadmaps.entry(roadmap.clone()).or_default();
        for (key, entry) in &progress.skills {
            match mine.skills.get_mut(key) {
                Some(existing) if existing != entry => *existing = merge_entry(existing, entry),
                Some(_) => {}
                None => {
                    mine.skills.insert(key.clone(), entry.clone());
                }
            }
        }
    }
}
