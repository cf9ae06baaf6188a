//! The time rule (docs/reliability.md, "store-time"): a change is stamped
//! when it is applied under the lock, never earlier; the change saved last
//! wins; a command that printed success never sees its change reverted by
//! an older action; a skill's stamps increase whatever the clocks say; and
//! histories out of order are sorted on reading and never grow on saving.

use std::process::Stdio;
use std::thread;
use std::time::Duration;

use chrono::{DateTime, Utc};
use roadmap::model::{Entry, Profile, SetStatus, Status};
use roadmap::store::Store;
use serde_json::Value;

use crate::common::{Env, small_roadmap};

fn small() -> roadmap::model::Roadmap {
    roadmap::model::load(&std::fs::read(small_roadmap()).unwrap(), "small.json").unwrap()
}

fn entry(p: &Profile, skill: &str) -> Entry {
    p.roadmaps["small"].skills[skill].clone()
}

fn assert_in_time_order(e: &Entry) {
    assert!(
        e.history.windows(2).all(|w| w[0].at < w[1].at),
        "history in time order: {:?}",
        e.history
    );
    assert_eq!(e.history.last().unwrap().at, e.changed);
}

#[test]
fn an_acknowledged_cli_change_is_never_undone_by_an_older_session_state() {
    let env = Env::new();
    let roadmap = small_roadmap();
    let r = small();
    std::fs::create_dir_all(env.home()).unwrap();
    let session = Store::at(&env.home(), "default").unwrap();
    let mut cli = None;
    // While we hold the lock: `roadmap start internet` starts (and waits
    // for the lock), then the session marks internet done: its stamp is
    // later than the moment the command started.
    let (seen, ()) = session
        .update(|p| {
            cli = Some(
                env.with(&roadmap, &["start", "internet"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap(),
            );
            thread::sleep(Duration::from_millis(500));
            p.set_status(&r, 0, Status::Done, Utc::now());
        })
        .unwrap();
    let out = cli.unwrap().wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("doing: How the internet works"), "{said}");

    // The session still shows internet done and saves a change to another
    // skill, by merging its whole profile: the acknowledged change stays.
    let mut stale = seen.clone();
    stale.set_status(&r, 2, Status::Done, Utc::now());
    let saved = session.save(&stale).unwrap();
    assert_eq!(entry(&saved, "internet").status, Status::Doing);
    // The same through the TUI's way of saving (its changes applied under
    // the lock).
    let saved = session
        .apply(
            &r,
            &[SetStatus {
                skill: 3,
                status: Status::Skipped,
            }],
        )
        .unwrap();
    assert_eq!(entry(&saved, "internet").status, Status::Doing);
    let shown: Value =
        serde_json::from_str(&env.ok(&roadmap, &["show", "internet", "--json"])).unwrap();
    assert_eq!(shown["status"], "doing");
    let e = entry(&env.load(), "internet");
    assert_in_time_order(&e);
    assert_eq!(
        e.history.iter().map(|c| c.status).collect::<Vec<_>>(),
        [Status::Done, Status::Doing],
        "in the order they were saved"
    );
}

#[test]
fn a_command_is_stamped_when_it_saves_not_when_it_starts() {
    let env = Env::new();
    std::fs::create_dir_all(env.home()).unwrap();
    let store = Store::at(&env.home(), "default").unwrap();
    let mut cli = None;
    let mut released: Option<DateTime<Utc>> = None;
    store
        .update(|_| {
            cli = Some(
                env.with(&small_roadmap(), &["done", "terminal"])
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap(),
            );
            thread::sleep(Duration::from_millis(800));
            released = Some(Utc::now());
        })
        .unwrap();
    assert!(cli.unwrap().wait().unwrap().success());
    let e = entry(&env.load(), "terminal");
    assert!(
        e.changed >= released.unwrap(),
        "stamped at {} though the lock was only free from {}",
        e.changed,
        released.unwrap()
    );
}

#[test]
fn a_stamp_from_a_clock_ahead_never_blocks_or_reorders_a_change() {
    let env = Env::new();
    let roadmap = small_roadmap();
    // Saved by a machine whose clock is centuries ahead.
    std::fs::create_dir_all(env.home()).unwrap();
    std::fs::write(
        env.profile(),
        r#"{"version": 1, "roadmaps": {"small": {"skills": {"internet": {"status": "done",
            "changed": "2999-01-01T00:00:00Z", "done_at": "2999-01-01T00:00:00Z",
            "history": [{"at": "2999-01-01T00:00:00Z", "status": "done"}]}}}}}"#,
    )
    .unwrap();
    for verb in ["reset", "start", "skip"] {
        env.ok(&roadmap, &[verb, "internet"]);
    }
    let e = entry(&env.load(), "internet");
    assert_eq!(e.status, Status::Skipped);
    assert_eq!(e.history.len(), 4);
    assert_in_time_order(&e);
}

#[test]
fn histories_out_of_order_are_sorted_and_never_grow_on_saves() {
    let env = Env::new();
    let roadmap = small_roadmap();
    std::fs::create_dir_all(env.home()).unwrap();
    // Written by an older build whose writers stamped out of order, with a
    // change twice.
    std::fs::write(
        env.profile(),
        r#"{"version": 1, "roadmaps": {"small": {"skills": {"internet": {"status": "todo",
            "changed": "2026-01-02T00:00:00Z", "history": [
            {"at": "2026-01-01T12:00:00Z", "status": "doing"},
            {"at": "2026-01-01T00:00:00Z", "status": "done"},
            {"at": "2026-01-02T00:00:00Z", "status": "todo"},
            {"at": "2026-01-01T00:00:00Z", "status": "done"}]}}}}}"#,
    )
    .unwrap();
    for n in 0..10 {
        env.ok(
            &roadmap,
            &[if n % 2 == 0 { "done" } else { "reset" }, "internet"],
        );
    }
    // A session saving by merging its whole profile, as the TUI did.
    let store = Store::at(&env.home(), "default").unwrap();
    let r = small();
    for n in 0..10 {
        let mut p = store.load().unwrap();
        let to = if n % 2 == 0 {
            Status::Done
        } else {
            Status::Todo
        };
        p.set_status(&r, 0, to, Utc::now());
        store.save(&p).unwrap();
    }
    let e = entry(&env.load(), "internet");
    assert_eq!(e.history.len(), 3 + 20);
    assert_in_time_order(&e);
    let on_disk: Value = serde_json::from_slice(&std::fs::read(env.profile()).unwrap()).unwrap();
    let at: Vec<&str> = on_disk["roadmaps"]["small"]["skills"]["internet"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["at"].as_str().unwrap())
        .collect();
    assert_eq!(at.len(), 23);
    assert!(at[0] < at[1] && at[1] < at[2], "{at:?}");
}
