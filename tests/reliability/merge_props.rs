//! Guarantee 1, the merge rule, for any pair of profiles: the newer change
//! of a skill wins (ties broken the same way whichever side is which),
//! histories are unioned without duplicates, and nothing either side had is
//! lost.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use roadmap::model::{Change, Entry, Profile, Status};
use roadmap::store::merge::merge;

fn at(minute: i64) -> DateTime<Utc> {
    DateTime::UNIX_EPOCH + Duration::minutes(minute)
}

fn arb_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

/// An entry as the app writes it: a history in time order whose last
/// change is the current status.
fn arb_entry() -> impl Strategy<Value = Entry> {
    prop::collection::vec((0i64..40, arb_status()), 1..6).prop_map(|mut changes| {
        changes.sort_unstable();
        changes.dedup();
        let history: Vec<Change> = changes
            .iter()
            .map(|&(m, s)| Change {
                at: at(m),
                status: s,
            })
            .collect();
        let last = *history.last().unwrap();
        Entry {
            status: last.status,
            changed: last.at,
            done_at: history
                .iter()
                .rev()
                .find(|c| c.status == Status::Done)
                .map(|c| c.at),
            history,
        }
    })
}

fn arb_profile() -> impl Strategy<Value = Profile> {
    prop::collection::btree_map(
        prop::sample::select(vec!["r1".to_string(), "r2".to_string()]),
        prop::collection::btree_map(
            prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(String::from),
            arb_entry(),
            0..4,
        ),
        0..3,
    )
    .prop_map(|roadmaps| {
        let mut p = Profile::default();
        for (id, skills) in roadmaps {
            p.roadmaps.entry(id).or_default().skills = skills;
        }
        p
    })
}

fn merged(a: &Profile, b: &Profile) -> Profile {
    let mut out = a.clone();
    merge(&mut out, b);
    out
}

fn changes(p: &Profile) -> BTreeSet<(String, String, Change)> {
    p.roadmaps
        .iter()
        .flat_map(|(r, prog)| {
            prog.skills
                .iter()
                .flat_map(move |(k, e)| e.history.iter().map(move |c| (r.clone(), k.clone(), *c)))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn merging_loses_nothing_and_the_newer_change_wins(a in arb_profile(), b in arb_profile()) {
        let m = merged(&a, &b);
        prop_assert_eq!(&m, &merged(&b, &a), "the order of the sides does not matter");
        prop_assert_eq!(&merged(&m, &a), &m, "merging again changes nothing");
        // Every change of either side is there, each once, in order.
        let both: BTreeSet<_> = changes(&a).union(&changes(&b)).cloned().collect();
        prop_assert_eq!(changes(&m), both);
        for (roadmap, progress) in &m.roadmaps {
            for (skill, entry) in &progress.skills {
                prop_assert!(entry.history.windows(2).all(|w| w[0] < w[1]), "{} {}: sorted, no duplicates", roadmap, skill);
                // The status is the newest of the two sides'.
                let sides = [&a, &b].map(|p| p.roadmaps.get(roadmap).and_then(|r| r.skills.get(skill)));
                let newest = sides.iter().flatten().map(|e| (e.changed, e.status)).max().unwrap();
                prop_assert_eq!((entry.changed, entry.status), newest);
            }
        }
    }
}
