//! Guarantee 1, the merge rule, for any versions of a profile, including
//! histories out of time order (files from older builds, edited by hand),
//! duplicated changes, stamps from machines whose clocks disagree by years,
//! and fields this build does not know: merging is commutative,
//! associative and idempotent, loses no change, keeps each history sorted
//! and no longer than the union of the sides' (no doubling), and the
//! newer change of a skill wins. Reviews and time entries merge by union:
//! every event of either side, each once, in time order.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use roadmap::model::review::{Grade, Review, Spent};
use roadmap::model::{Change, Entry, Profile, RoadmapProgress, Status};
use roadmap::store::merge::merge;

/// A time on one of three machines: one with a right clock, one a few
/// minutes behind, one years ahead.
fn at(machine: u8, minute: i64) -> DateTime<Utc> {
    let skew = match machine {
        0 => Duration::zero(),
        1 => Duration::minutes(-7),
        _ => Duration::days(3_650),
    };
    DateTime::UNIX_EPOCH + Duration::days(20_000) + skew + Duration::minutes(minute)
}

fn arb_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

/// Unknown fields (as written by a newer build): none, or a few with
/// small values that may clash between sides.
fn arb_unknown() -> impl Strategy<Value = String> {
    prop::collection::btree_map(
        prop::sample::select(vec!["note", "goal", "x-sync"]),
        prop::sample::select(vec!["1", "2", "\"a\"", "[1,2]", "{\"k\":null}"]),
        0..3,
    )
    .prop_map(|fields| {
        let mut text = String::new();
        for (k, v) in fields {
            write!(text, ",\"{k}\":{v}").unwrap();
        }
        text
    })
}

fn arb_change() -> impl Strategy<Value = Change> {
    (0u8..3, 0i64..30, arb_status(), prop::bool::weighted(0.1)).prop_map(
        |(machine, minute, status, extra)| {
            let mut c = Change::new(at(machine, minute), status);
            if extra {
                c = serde_json::from_str(&format!(
                    "{{\"at\":{},\"status\":\"{status}\",\"by\":\"m{machine}\"}}",
                    serde_json::to_string(&c.at).unwrap()
                ))
                .unwrap();
            }
            c
        },
    )
}

/// An entry whose history is in any order, with duplicates; its status
/// and stamp are any one of its changes.
fn arb_entry() -> impl Strategy<Value = Entry> {
    (
        prop::collection::vec(arb_change(), 1..8),
        any::<prop::sample::Index>(),
        prop::option::of((0u8..3, 0i64..30)),
        arb_unknown(),
    )
        .prop_flat_map(|(mut history, pick, done, unknown)| {
            // Some duplicates.
            let again = history[pick.index(history.len())].clone();
            history.push(again);
            let current = history[pick.index(history.len())].clone();
            let mut entry: Entry = serde_json::from_str(&format!(
                "{{\"status\":\"todo\",\"changed\":\"2020-01-01T00:00:00Z\",\"history\":[]{unknown}}}"
            ))
            .unwrap();
            entry.status = current.status;
            entry.changed = current.at;
            entry.done_at = done.map(|(m, minute)| at(m, minute));
            Just(history).prop_shuffle().prop_map(move |history| Entry {
                history,
                ..entry.clone()
            })
        })
}

/// A review from one of the three machines, sometimes with a field a
/// newer build wrote.
fn arb_review() -> impl Strategy<Value = Review> + Clone {
    (
        0u8..3,
        0i64..30,
        prop::sample::select(Grade::ALL.to_vec()),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(machine, minute, grade, extra)| {
            let at = serde_json::to_string(&at(machine, minute)).unwrap();
            let by = if extra {
                format!(",\"by\":\"m{machine}\"")
            } else {
                String::new()
            };
            serde_json::from_str(&format!("{{\"at\":{at},\"grade\":\"{grade}\"{by}}}")).unwrap()
        })
}

fn arb_spent() -> impl Strategy<Value = Spent> + Clone {
    (0u8..3, 0i64..30, -60i32..240, prop::bool::weighted(0.1)).prop_map(
        |(machine, minute, minutes, extra)| {
            let at = serde_json::to_string(&at(machine, minute)).unwrap();
            let by = if extra {
                format!(",\"by\":\"m{machine}\"")
            } else {
                String::new()
            };
            serde_json::from_str(&format!("{{\"at\":{at},\"minutes\":{minutes}{by}}}")).unwrap()
        },
    )
}

/// A skill's events in any order, with duplicates (a hand-edited file, or
/// the same event copied to both sides).
fn arb_events<T: std::fmt::Debug + Clone>(
    event: impl Strategy<Value = T> + Clone,
) -> impl Strategy<Value = std::collections::BTreeMap<String, Vec<T>>> {
    prop::collection::btree_map(
        prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(String::from),
        prop::collection::vec(event, 0..6).prop_flat_map(|mut v| {
            if let Some(first) = v.first().cloned() {
                v.push(first);
            }
            Just(v).prop_shuffle()
        }),
        0..3,
    )
}

fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        prop::collection::btree_map(
            prop::sample::select(vec!["r1".to_string(), "r2".to_string()]),
            (
                prop::collection::btree_map(
                    prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(String::from),
                    arb_entry(),
                    0..4,
                ),
                arb_unknown(),
                arb_events(arb_review()),
                arb_events(arb_spent()),
            ),
            0..3,
        ),
        arb_unknown(),
    )
        .prop_map(|(roadmaps, unknown)| {
            let mut p: Profile =
                serde_json::from_str(&format!("{{\"version\":1{unknown}}}")).unwrap();
            for (id, (skills, unknown, reviews, spent)) in roadmaps {
                let mut progress: RoadmapProgress =
                    serde_json::from_str(&format!("{{\"skills\":{{}}{unknown}}}")).unwrap();
                progress.skills = skills;
                progress.reviews = reviews;
                progress.spent = spent;
                p.roadmaps.insert(id, progress);
            }
            p
        })
}

/// Events with their roadmap and skill key.
type Keyed<T> = BTreeSet<(String, String, T)>;

/// Every review and time entry of a profile, each once.
fn events(p: &Profile) -> (Keyed<Review>, Keyed<Spent>) {
    let mut reviews = BTreeSet::new();
    let mut spent = BTreeSet::new();
    for (r, prog) in &p.roadmaps {
        for (k, list) in &prog.reviews {
            reviews.extend(list.iter().map(|e| (r.clone(), k.clone(), e.clone())));
        }
        for (k, list) in &prog.spent {
            spent.extend(list.iter().map(|e| (r.clone(), k.clone(), e.clone())));
        }
    }
    (reviews, spent)
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
            prog.skills.iter().flat_map(move |(k, e)| {
                e.history
                    .iter()
                    .map(move |c| (r.clone(), k.clone(), c.clone()))
            })
        })
        .collect()
}

fn entry<'a>(p: &'a Profile, roadmap: &str, skill: &str) -> Option<&'a Entry> {
    p.roadmaps.get(roadmap).and_then(|r| r.skills.get(skill))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn merging_loses_nothing_and_the_newer_change_wins(a in arb_profile(), b in arb_profile()) {
        let m = merged(&a, &b);
        prop_assert_eq!(&m, &merged(&b, &a), "the order of the sides does not matter");
        prop_assert_eq!(&merged(&m, &a), &m, "merging again changes nothing");
        prop_assert_eq!(&merged(&m, &m), &m, "merging with itself changes nothing");
        // Every change of either side is there, each once, in order.
        let both: BTreeSet<_> = changes(&a).union(&changes(&b)).cloned().collect();
        prop_assert_eq!(changes(&m), both);
        for (roadmap, progress) in &m.roadmaps {
            for (skill, e) in &progress.skills {
                prop_assert!(e.history.windows(2).all(|w| w[0] < w[1]), "{} {}: sorted, no duplicates", roadmap, skill);
                let sides = [&a, &b].map(|p| entry(p, roadmap, skill));
                // No longer than the union of the sides' histories: merging
                // never doubles anything.
                let union: BTreeSet<&Change> = sides.iter().flatten().flat_map(|e| &e.history).collect();
                prop_assert_eq!(e.history.len(), union.len());
                // The status is the newest of the two sides'.
                let newest = sides.iter().flatten().map(|e| (e.changed, e.status)).max().unwrap();
                prop_assert_eq!((e.changed, e.status), newest);
                // Every unknown field of either side is there.
                for side in sides.iter().flatten() {
                    for name in ["note", "goal", "x-sync"] {
                        if side.unknown.get(name).is_some() {
                            prop_assert!(e.unknown.get(name).is_some(), "{} {}: {} kept", roadmap, skill, name);
                        }
                    }
                }
            }
        }
        for name in ["note", "goal", "x-sync"] {
            prop_assert_eq!(m.unknown.get(name).is_some(), a.unknown.get(name).is_some() || b.unknown.get(name).is_some());
        }
        // Reviews and time entries: the union of both sides, each once, in
        // time order (an event is its stamp, its value and its unknown
        // fields: one copied to both sides is one event).
        let (ra, sa) = events(&a);
        let (rb, sb) = events(&b);
        let (rm, sm) = events(&m);
        prop_assert_eq!(&rm, &ra.union(&rb).cloned().collect::<BTreeSet<_>>());
        prop_assert_eq!(&sm, &sa.union(&sb).cloned().collect::<BTreeSet<_>>());
        for progress in m.roadmaps.values() {
            for list in progress.reviews.values() {
                prop_assert!(list.windows(2).all(|w| w[0] < w[1]), "reviews sorted, no doubles");
            }
            for list in progress.spent.values() {
                prop_assert!(list.windows(2).all(|w| w[0] < w[1]), "time sorted, no doubles");
            }
        }
        let counted = |p: &Profile| p.roadmaps.values().map(|r| r.reviews.values().map(Vec::len).sum::<usize>() + r.spent.values().map(Vec::len).sum::<usize>()).sum::<usize>();
        prop_assert_eq!(counted(&m), rm.len() + sm.len(), "nothing doubled");
        // Through the file and back: the same profile.
        let back: Profile = serde_json::from_slice(&serde_json::to_vec(&m).unwrap()).unwrap();
        prop_assert_eq!(&back, &m);
    }

    #[test]
    fn merging_is_associative(a in arb_profile(), b in arb_profile(), c in arb_profile()) {
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
    }

    #[test]
    fn merging_one_side_alone_only_sorts_it(a in arb_profile()) {
        let m = merged(&Profile::default(), &a);
        prop_assert_eq!(&m, &merged(&a, &Profile::default()));
        prop_assert_eq!(&merged(&a, &a), &m);
        prop_assert_eq!(changes(&m), changes(&a));
    }
}

fn small() -> roadmap::model::Roadmap {
    roadmap::model::load(
        &std::fs::read(crate::common::small_roadmap()).unwrap(),
        "small.json",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Saves by three machines whose clocks are skewed (one years ahead)
    /// and jump back and forth: after each save, the skill's status is the
    /// one saved last, its stamps increase in the order of saves, and
    /// merging in any older copy of the profile (a stale session, a late
    /// sync) changes nothing.
    #[test]
    fn the_change_saved_last_wins_whatever_the_clocks(
        saves in prop::collection::vec((0u8..3, -60i64..60, 0usize..3, arb_status()), 1..40)
    ) {
        let r = small();
        let mut disk = Profile::default();
        let mut copies = vec![disk.clone()];
        for (machine, jitter, skill, status) in saves {
            let before = disk.states(&r)[skill].status;
            let changed = disk.set_status(&r, skill, status, at(machine, 0) + Duration::seconds(jitter));
            prop_assert_eq!(changed, before != status);
            prop_assert_eq!(disk.states(&r)[skill].status, status, "the change saved last wins");
            for copy in &copies {
                prop_assert_eq!(&merged(&disk, copy), &disk, "an older copy reverts nothing");
            }
            copies.push(disk.clone());
        }
        for e in disk.roadmaps.values().flat_map(|p| p.skills.values()) {
            prop_assert!(e.history.windows(2).all(|w| w[0].at < w[1].at));
            prop_assert_eq!(e.history.last().map(|c| c.at), Some(e.changed));
        }
    }
}
