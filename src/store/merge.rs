//! Merging two versions of a profile: nothing either side did is lost.

use std::cmp::Ordering;

use crate::model::review;
use crate::model::{Change, Entry, Profile};

/// Orders two entries: the newer change wins; a tie is broken by status so
/// the result does not depend on which side is `a`.
fn newer(a: &Entry, b: &Entry) -> Ordering {
    (a.changed, a.status).cmp(&(b.changed, b.status))
}

/// Merges one skill's entries: the newer status wins, histories are unioned
/// without duplicates, oldest first, fields this build does not know are
/// all kept ([`crate::model::unknown::Unknown::merge`]).
pub fn merge_entry(ours: &Entry, theirs: &Entry) -> Entry {
    let winner = if newer(ours, theirs) == Ordering::Less {
        theirs
    } else {
        ours
    };
    let mut unknown = ours.unknown.clone();
    unknown.merge(&theirs.unknown);
    Entry {
        status: winner.status,
        changed: winner.changed,
        done_at: ours.done_at.max(theirs.done_at),
        history: union(&ours.history, &theirs.history),
        unknown,
    }
}

/// The union of two histories, sorted, without duplicates. Either side may
/// be out of order (a file written by hand or by an older build): the
/// result is sorted whatever the input. Sorted input is the common case
/// and costs a linear merge; the sort finds the two runs.
fn union(left: &[Change], right: &[Change]) -> Vec<Change> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    out.extend_from_slice(left);
    out.extend_from_slice(right);
    out.sort();
    out.dedup();
    out
}

/// Merges `theirs` into `ours`: every roadmap and skill of either side is
/// kept; where both have a skill, [`merge_entry`] decides. Commutative,
/// associative and idempotent, for any input (histories in any order).
pub fn merge(ours: &mut Profile, theirs: &Profile) {
    ours.unknown.merge(&theirs.unknown);
    for (roadmap, progress) in &theirs.roadmaps {
        let mine = ours.roadmaps.entry(roadmap.clone()).or_default();
        mine.unknown.merge(&progress.unknown);
        crate::model::note::merge_notes(&mut mine.notes, &progress.notes);
        review::merge_events(&mut mine.reviews, &progress.reviews);
        review::merge_events(&mut mine.spent, &progress.spent);
        if let Some(theirs) = &progress.goal {
            mine.goal = Some(match &mine.goal {
                Some(ours) => crate::model::goal::merge_goal(ours, theirs),
                None => theirs.clone(),
            });
        }
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
    // Whatever either side held, the result's histories are in time order
    // without duplicates (a no-op check for what this build wrote).
    for progress in ours.roadmaps.values_mut() {
        progress.skills.values_mut().for_each(Entry::normalize);
        progress.reviews.values_mut().for_each(review::normalize);
        progress.spent.values_mut().for_each(review::normalize);
    }
}
