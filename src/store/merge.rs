//! Merging two versions of a profile: nothing either side did is lost.

use std::cmp::Ordering;

use crate::model::{Change, Entry, Profile};

/// Orders two entries: the newer change wins; a tie is broken by status so
/// the result does not depend on which side is `a`.
fn newer(a: &Entry, b: &Entry) -> Ordering {
    (a.changed, a.status).cmp(&(b.changed, b.status))
}

/// Merges one skill's entries: the newer status wins, histories are unioned
/// without duplicates, oldest first.
pub fn merge_entry(ours: &Entry, theirs: &Entry) -> Entry {
    let winner = if newer(ours, theirs) == Ordering::Less {
        theirs
    } else {
        ours
    };
    Entry {
        status: winner.status,
        changed: winner.changed,
        done_at: ours.done_at.max(theirs.done_at),
        history: union(&ours.history, &theirs.history),
    }
}

/// The union of two histories, sorted, without duplicates. Histories are
/// appended in time order, so this is a merge of two sorted lists.
fn union(left: &[Change], right: &[Change]) -> Vec<Change> {
    let mut out = Vec::with_capacity(left.len().max(right.len()));
    let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
    loop {
        let next = match (l.peek(), r.peek()) {
            (Some(x), Some(y)) if x <= y => l.next(),
            (_, Some(_)) => r.next(),
            (Some(_), None) => l.next(),
            (None, None) => break,
        };
        if let Some(&change) = next
            && out.last() != Some(&change)
        {
            out.push(change);
        }
    }
    out
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
