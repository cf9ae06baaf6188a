//! A property: whatever three machines do (statuses, notes, goals,
//! imports and removals of roadmaps), with whatever clocks, and whatever
//! order they sync in, two full rounds of syncing leave them all with the
//! same profiles and the same library, and no change lost.

use proptest::prelude::*;
use roadmap::model::Status;
use roadmap::store::library::Library;

use crate::common::*;

#[derive(Debug, Clone)]
enum Op {
    Set(usize, usize, usize),
    Note(usize, usize),
    Goal(usize, u32),
    Import(usize, bool),
    Remove(usize),
    Sync(usize),
}

const SKILLS: [&str; 5] = ["internet", "http", "terminal", "trivia", "python"];
const STATUSES: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Skipped];
const CLOCKS: [fn() -> chrono::DateTime<chrono::Utc>; 5] = [
    on_time,
    hours_behind,
    hours_ahead,
    years_behind,
    years_ahead,
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..SKILLS.len(), 0..STATUSES.len()).prop_map(|(m, s, t)| Op::Set(m, s, t)),
        2 => (0..3usize, 0..SKILLS.len()).prop_map(|(m, s)| Op::Note(m, s)),
        1 => (0..3usize, 1..28u32).prop_map(|(m, d)| Op::Goal(m, d)),
        1 => (0..3usize, any::<bool>()).prop_map(|(m, b)| Op::Import(m, b)),
        1 => (0..3usize).prop_map(Op::Remove),
        3 => (0..3usize).prop_map(Op::Sync),
    ]
}

fn histories(m: &Machine) -> usize {
    m.store("default")
        .load()
        .unwrap()
        .roadmaps
        .values()
        .flat_map(|r| r.skills.values())
        .map(|e| e.history.len())
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn machines_converge_whatever_they_do_and_whenever_they_sync(
        clocks in prop::array::uniform3(0..CLOCKS.len()),
        ops in prop::collection::vec(op(), 1..25),
        order in Just([0usize, 1, 2]).prop_shuffle(),
    ) {
        let root = tempfile::tempdir().unwrap();
        let folder = private_dir(root.path(), "Sync");
        let m: Vec<Machine> = (0..3)
            .map(|i| Machine::new(root.path(), &format!("m{i}"), CLOCKS[clocks[i]]))
            .collect();
        for (n, op) in ops.iter().enumerate() {
            match *op {
                Op::Set(i, s, t) => m[i].set("default", SKILLS[s], STATUSES[t]),
                Op::Note(i, s) => m[i].note(SKILLS[s], &format!("note {n}")),
                Op::Goal(i, d) => m[i].goal(&format!("2030-02-{d:02}")),
                Op::Import(i, b) => m[i].import("extra", if b { "Extra" } else { "Other" }),
                Op::Remove(i) => {
                    Library::at(&m[i].home).remove("extra").unwrap();
                }
                Op::Sync(i) => {
                    m[i].sync(&folder);
                }
            }
        }
        let made: Vec<usize> = m.iter().map(histories).collect();
        for _ in 0..2 {
            for &i in &order {
                m[i].sync(&folder);
            }
        }
        let first = m[0].profile_bytes("default");
        let lib = |x: &Machine| {
            let l = Library::at(&x.home);
            l.ids().unwrap().iter().map(|id| std::fs::read(l.path_of(id)).unwrap()).collect::<Vec<_>>()
        };
        for x in &m[1..] {
            prop_assert_eq!(&first, &x.profile_bytes("default"));
            prop_assert_eq!(lib(&m[0]), lib(x));
        }
        // Histories only grow: each machine's changes are all there.
        let now = histories(&m[0]);
        prop_assert!(made.iter().all(|&n| n <= now), "{:?} then {}", made, now);
    }
}
