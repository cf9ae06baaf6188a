//! Guarantee 1: two instances at once lose no change.
//!
//! Two workers run the CLI hundreds of times each on the same profile, on
//! disjoint skills. Every save locks the profile, re-reads it under the
//! lock, applies its change and replaces the file, so every single change
//! must be in the final file. Without the lock the workers overwrite each
//! other's read-modify-write cycles and changes disappear.

use std::collections::BTreeMap;
use std::thread;

use roadmap::model::Status;

use crate::common::Env;

const WORKERS: usize = 2;
/// Commands per worker; every one of them changes a status.
const COMMANDS: usize = 200;
/// Skills per worker: each gets COMMANDS / SKILLS changes.
const SKILLS: usize = 25;
/// The cycle every skill goes through: each command is a real change.
const VERBS: [(&str, Status, &str); 3] = [
    ("start", Status::Doing, "doing: "),
    ("done", Status::Done, "done: "),
    ("reset", Status::Todo, "todo: "),
];

/// Worker `w`'s `i`-th command: (skill id, verb index).
fn command(w: usize, i: usize) -> (String, usize) {
    (format!("s{}", w * SKILLS + i % SKILLS), (i / SKILLS) % 3)
}

#[test]
fn two_processes_changing_the_same_profile_lose_nothing() {
    let env = Env::new();
    let roadmap = env.write(
        "synth.json",
        roadmap::synth::roadmap_json(WORKERS * SKILLS + 10),
    );
    thread::scope(|scope| {
        for w in 0..WORKERS {
            let (env, roadmap) = (&env, &roadmap);
            scope.spawn(move || {
                for i in 0..COMMANDS {
                    let (skill, v) = command(w, i);
                    let (verb, _, said) = VERBS[v];
                    let out = env.ok(roadmap, &[verb, &skill]);
                    // The command reports the change as made and saved.
                    assert!(
                        out.starts_with(said)
                            && out.lines().next().unwrap().ends_with(&format!("({skill})")),
                        "worker {w}, command {i} ({verb} {skill}): {out}"
                    );
                }
            });
        }
    });

    let profile = env.load();
    let skills = &profile.roadmaps[&format!("synth-{}", WORKERS * SKILLS + 10)].skills;
    // What each skill must hold: the status of its last command and one
    // history entry per command, in order.
    let mut expected: BTreeMap<String, Vec<Status>> = BTreeMap::new();
    for w in 0..WORKERS {
        for i in 0..COMMANDS {
            let (skill, v) = command(w, i);
            expected.entry(skill).or_default().push(VERBS[v].1);
        }
    }
    let mut kept = 0;
    for (skill, statuses) in &expected {
        let entry = &skills[skill];
        let history: Vec<Status> = entry.history.iter().map(|c| c.status).collect();
        assert_eq!(&history, statuses, "history of {skill}");
        assert_eq!(entry.status, *statuses.last().unwrap(), "status of {skill}");
        kept += history.len();
    }
    assert_eq!(skills.len(), WORKERS * SKILLS, "no other skill touched");
    assert_eq!(kept, WORKERS * COMMANDS, "every change made is kept");
    println!(
        "concurrency: {WORKERS} processes made {} changes, {kept} kept",
        WORKERS * COMMANDS
    );

    // The backup is the previous good version: one change fewer.
    let backup = std::fs::read(env.home().join("default.json.bak")).unwrap();
    let backup = roadmap::store::parse_profile(&backup, &env.home()).unwrap();
    let in_backup: usize = backup
        .roadmaps
        .values()
        .flat_map(|r| r.skills.values())
        .map(|e| e.history.len())
        .sum();
    assert_eq!(in_backup, kept - 1);
}

/// A running session (the TUI) saves what it holds in memory with
/// `Store::save`, while a CLI command changed the file meanwhile: both
/// changes survive, and the session gets the merged profile back.
#[test]
fn a_session_saving_later_keeps_what_another_process_saved_meanwhile() {
    let env = Env::new();
    let small = crate::common::small_roadmap();
    let r = roadmap::session::load_file(&small).unwrap();
    let store = roadmap::store::Store::at(&env.home(), "default").unwrap();
    let mut mine = store.load().unwrap();
    env.ok(&small, &["done", "internet"]);
    let http = r.skill_index("http").unwrap();
    mine.set_status(&r, http, Status::Doing, chrono::Utc::now());
    let merged = store.save(&mine).unwrap();
    let states = merged.states(&r);
    assert_eq!(
        states[r.skill_index("internet").unwrap()].status,
        Status::Done
    );
    assert_eq!(states[http].status, Status::Doing);
    let out = env.ok(&small, &["show", "internet", "--json"]);
    assert!(out.contains("\"status\": \"done\""), "{out}");
    let out = env.ok(&small, &["show", "http", "--json"]);
    assert!(out.contains("\"status\": \"doing\""), "{out}");
}

/// Writers for the lock-deletion test, all on the same few skills.
const RACERS: usize = 4;
/// Commands per racer.
const RACER_COMMANDS: usize = 50;
/// The skills they all change.
const SHARED: usize = 3;

/// Racer `w`'s `i`-th command: (skill id, verb index), setting and
/// resetting the same skills as every other racer.
fn racer_command(w: usize, i: usize) -> (String, usize) {
    (format!("s{}", (i + w) % SHARED), (i * 7 + w * 5) % 3)
}

/// Guarantee 1 with something deleting the lock file all along (a tmp
/// cleaner, `rm *.lock`): four writers set and reset the same skills, and
/// every change a command acknowledged is in that skill's history. Locking a
/// file that can be deleted lets two writers in at once (the second locks a
/// new file at the same name) and loses changes.
#[test]
fn four_writers_lose_nothing_while_the_lock_file_is_deleted() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let env = Env::new();
    let roadmap = env.write("flat.json", crate::common::flat_roadmap("flat", SHARED));
    env.ok(&roadmap, &["status"]);
    let stop = AtomicBool::new(false);
    let acks: Vec<BTreeMap<(String, Status), usize>> = thread::scope(|scope| {
        let home = env.home();
        let stop = &stop;
        scope.spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if let Ok(entries) = std::fs::read_dir(&home) {
                    for e in entries.filter_map(Result::ok) {
                        if e.file_name().to_string_lossy().ends_with(".lock") {
                            let _ = std::fs::remove_file(e.path());
                        }
                    }
                }
                thread::sleep(std::time::Duration::from_micros(200));
            }
        });
        let racers: Vec<_> = (0..RACERS)
            .map(|w| {
                let (env, roadmap) = (&env, &roadmap);
                scope.spawn(move || {
                    let mut acked = BTreeMap::new();
                    for i in 0..RACER_COMMANDS {
                        let (skill, v) = racer_command(w, i);
                        let (verb, status, said) = VERBS[v];
                        let out = env.ok(roadmap, &[verb, &skill]);
                        if out.starts_with(said) {
                            *acked.entry((skill, status)).or_insert(0) += 1;
                        } else {
                            assert!(out.contains("is already"), "{verb} {skill}: {out}");
                        }
                    }
                    acked
                })
            })
            .collect();
        let acks: Vec<_> = racers
            .into_iter()
            .map(thread::ScopedJoinHandle::join)
            .collect();
        // Stopped before any failure is raised: the scope waits for it.
        stop.store(true, Ordering::Relaxed);
        acks.into_iter().map(|a| a.unwrap()).collect()
    });

    let mut acked: BTreeMap<(String, Status), usize> = BTreeMap::new();
    for (key, n) in acks.into_iter().flatten() {
        *acked.entry(key).or_insert(0) += n;
    }
    let profile = env.load();
    let skills = &profile.roadmaps["flat"].skills;
    for ((skill, status), &n) in &acked {
        let in_history = skills.get(skill).map_or(0, |e| {
            e.history.iter().filter(|c| c.status == *status).count()
        });
        assert!(
            in_history >= n,
            "{skill} → {status:?}: {n} acknowledged, {in_history} in its history"
        );
    }
    let total: usize = acked.values().sum();
    let kept: usize = skills.values().map(|e| e.history.len()).sum();
    assert_eq!(kept, total, "every acknowledged change kept, nothing else");
    println!(
        "lock deletion: {RACERS} processes × {RACER_COMMANDS} commands, {total} changes acknowledged, {kept} in the histories"
    );
}
