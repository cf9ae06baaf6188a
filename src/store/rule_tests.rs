//! Tests of the time rule (stamps taken under the lock, monotonic per
//! skill), histories out of order, unknown fields and duplicate keys.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;

use super::*;
use crate::model::{SetStatus, Status, load};

fn small() -> crate::model::Roadmap {
    load(
        include_bytes!("../../tests/fixtures/small.json"),
        "small.json",
    )
    .unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path(), "default").unwrap();
    (dir, store)
}

/// A clock stuck in 2001: far behind every stamp the tests write.
fn behind() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2001, 1, 1, 0, 0, 0).unwrap()
}

fn write(s: &Store, text: &str) {
    std::fs::write(&s.paths().file, text).unwrap();
}

fn json(path: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

const OUT_OF_ORDER: &str = r#"{"version": 1, "roadmaps": {"small": {"skills": {
  "internet": {"status": "todo", "changed": "2026-11-25T10:00:02Z", "history": [
    {"at": "2026-11-25T10:00:01Z", "status": "doing"},
    {"at": "2026-11-25T10:00:00Z", "status": "done"},
    {"at": "2026-11-25T10:00:02Z", "status": "todo"},
    {"at": "2026-11-25T10:00:00Z", "status": "done"}]}}}}}"#;

#[test]
fn out_of_order_histories_are_sorted_on_read_and_never_grow_on_save() {
    let (_d, s) = store();
    let r = small();
    write(&s, OUT_OF_ORDER);
    let loaded = s.load().unwrap();
    let history = &loaded.roadmaps["small"].skills["internet"].history;
    assert_eq!(history.len(), 3, "the duplicate is gone");
    assert!(history.windows(2).all(|w| w[0].at < w[1].at), "{history:?}");
    // A long-running session changing the skill ten times, saving by merge
    // each time (on such a file each save used to double the history).
    let mut session = loaded;
    for n in 0..10 {
        let to = if n % 2 == 0 {
            Status::Done
        } else {
            Status::Todo
        };
        let now = Utc::now() + Duration::milliseconds(n);
        assert!(session.set_status(&r, 0, to, now));
        session = s.save(&session).unwrap();
    }
    let entry = &s.load().unwrap().roadmaps["small"].skills["internet"];
    assert_eq!(entry.history.len(), 13);
    assert_eq!(entry.status, Status::Todo);
}

#[test]
fn a_change_is_stamped_under_the_lock_and_after_every_earlier_stamp() {
    let (_d, s) = store();
    let r = small();
    // Another machine, its clock a year ahead, saved internet as done.
    write(
        &s,
        r#"{"version": 1, "roadmaps": {"small": {"skills": {"internet": {"status": "done",
            "changed": "2027-11-25T10:00:00Z", "done_at": "2027-11-25T10:00:00Z",
            "history": [{"at": "2027-11-25T10:00:00Z", "status": "done"}]}}}}}"#,
    );
    let s = s.with_clock(behind);
    let (saved, changed) = s
        .update_now(|p, now| p.set_status(&r, 0, Status::Todo, now))
        .unwrap();
    assert!(changed);
    let e = &saved.roadmaps["small"].skills["internet"];
    assert_eq!(e.status, Status::Todo, "the change was saved, not outvoted");
    let future = Utc.with_ymd_and_hms(2027, 11, 25, 10, 0, 0).unwrap();
    assert_eq!(e.changed, future + Duration::milliseconds(1));
    assert_eq!(s.load().unwrap(), saved);
    // A skill nobody stamped yet gets the clock's time.
    let (saved, _) = s
        .update_now(|p, now| p.set_status(&r, 2, Status::Doing, now))
        .unwrap();
    assert_eq!(saved.roadmaps["small"].skills["terminal"].changed, behind());
}

#[test]
fn a_session_applying_its_changes_never_reverts_what_was_saved_meanwhile() {
    let (_d, s) = store();
    let r = small();
    // The session marks internet done.
    let session = s
        .apply(
            &r,
            &[SetStatus {
                skill: 0,
                status: Status::Done,
            }],
        )
        .unwrap();
    assert_eq!(session.states(&r)[0].status, Status::Done);
    // Another process, its clock behind, starts internet afterwards.
    let other = Store::at(s.dir(), "default").unwrap().with_clock(behind);
    other
        .update_now(|p, now| p.set_status(&r, 0, Status::Doing, now))
        .unwrap();
    // The session saves a change to another skill: internet stays doing.
    let saved = s
        .apply(
            &r,
            &[SetStatus {
                skill: 2,
                status: Status::Done,
            }],
        )
        .unwrap();
    assert_eq!(saved.states(&r)[0].status, Status::Doing);
    assert_eq!(saved.states(&r)[2].status, Status::Done);
    // And the session's own change of internet, saved last, wins.
    let saved = s
        .apply(
            &r,
            &[SetStatus {
                skill: 0,
                status: Status::Skipped,
            }],
        )
        .unwrap();
    assert_eq!(s.load().unwrap().states(&r)[0].status, Status::Skipped);
    let h = &saved.roadmaps["small"].skills["internet"].history;
    assert_eq!(
        h.iter().map(|c| c.status).collect::<Vec<_>>(),
        [Status::Done, Status::Doing, Status::Skipped],
        "in the order they were saved"
    );
}

const UNKNOWN: &str = r#"{"version": 1, "synced": {"device": "laptop", "n": 123456789012345678901234567890},
  "roadmaps": {"small": {"goal": "by June", "skills": {
    "internet": {"status": "doing", "changed": "2026-11-25T10:00:00Z", "note": {"text": "ch. 3", "tags": [1, 2.50]},
      "history": [{"at": "2026-11-25T10:00:00Z", "status": "doing", "device": "laptop"}]}}}}}"#;

#[test]
fn unknown_fields_at_every_level_survive_changes_saves_and_the_backup() {
    let (_d, s) = store();
    let r = small();
    write(&s, UNKNOWN);
    for to in [Status::Done, Status::Todo, Status::Doing] {
        s.update_now(|p, now| p.set_status(&r, 0, to, now)).unwrap();
        // Another skill too, so the entry is not the only thing touched.
        s.update_now(|p, now| p.set_status(&r, 2, to, now)).unwrap();
    }
    for path in [&s.paths().file, &s.paths().backup] {
        let text = std::fs::read_to_string(path).unwrap();
        // Every digit kept, not rounded through a float.
        assert!(
            text.contains("123456789012345678901234567890"),
            "{}",
            path.display()
        );
        let v = json(path);
        assert_eq!(v["synced"]["device"], "laptop");
        let progress = &v["roadmaps"]["small"];
        assert_eq!(progress["goal"], "by June");
        let internet = &progress["skills"]["internet"];
        assert_eq!(internet["note"]["text"], "ch. 3");
        assert_eq!(internet["history"][0]["device"], "laptop");
        assert!(
            text.contains(r#""tags":[1,2.50]"#),
            "kept as written, on one line"
        );
        assert_eq!(text.lines().count(), 13, "one line per skill:\n{text}");
    }
    let entry = &s.load().unwrap().roadmaps["small"].skills["internet"];
    assert_eq!(entry.status, Status::Doing);
    assert_eq!(entry.history.len(), 4);
}

#[test]
fn a_session_merging_keeps_unknown_fields_of_both_sides() {
    let (_d, s) = store();
    let r = small();
    write(&s, UNKNOWN);
    let mut session = s.load().unwrap();
    session.set_status(&r, 2, Status::Done, Utc::now());
    let saved = s.save(&session).unwrap();
    assert_eq!(saved, s.load().unwrap());
    assert_eq!(json(&s.paths().file)["synced"]["device"], "laptop");
}

#[test]
fn a_key_written_twice_is_refused_and_the_file_left_untouched() {
    let r = small();
    let cases = [
        (
            r#"{"version": 1, "roadmaps": {"small": {"skills": {
              "internet": {"status": "done", "changed": "2026-11-25T10:00:00Z"},
              "internet": {"status": "todo", "changed": "2026-11-25T11:00:00Z"}}}}}"#,
            "skill 'internet' of roadmap 'small'",
        ),
        (
            r#"{"version": 1, "roadmaps": {"small": {"skills": {}}, "small": {"skills": {}}}}"#,
            "roadmap 'small'",
        ),
        (
            r#"{"version": 1, "roadmaps": {}, "note": 1, "note": 2}"#,
            "the field 'note'",
        ),
        (
            r#"{"version": 1, "roadmaps": {"small": {"skills": {
              "internet": {"status": "done", "status": "todo", "changed": "2026-11-25T10:00:00Z"}}}}}"#,
            "the field 'status' is given twice in one object",
        ),
    ];
    for (text, what) in cases {
        let (_d, s) = store();
        write(&s, text);
        let err = s.load().unwrap_err().to_string();
        assert!(err.contains(what), "{err}");
        assert!(err.contains(&s.paths().file.display().to_string()), "{err}");
        assert!(err.contains("line "), "says where: {err}");
        if !what.ends_with("given twice in one object") {
            assert!(err.contains("written twice"), "{err}");
            assert!(err.contains("delete the copy you do not want"), "{err}");
        }
        let failed = s.update_now(|p, now| p.set_status(&r, 0, Status::Doing, now));
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&s.paths().file).unwrap(), text);
        assert!(!s.paths().backup.exists());
    }
}

fn arb_json() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// Any JSON value in an unknown field, written in any layout, comes back
    /// the same after a read and a save in the profile's own format.
    #[test]
    fn any_unknown_value_round_trips(value in arb_json(), name in "[a-z\"\\\\ ]{1,8}", pretty: bool) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        // Never one of the names the profile knows ("at", "status", …).
        let name = format!("x{name}");
        let key = serde_json::to_string(&name).unwrap();
        let file = format!(
            r#"{{"version": 1, {key}: {text}, "roadmaps": {{"r": {{{key}: {text}, "skills": {{"s": {{"status": "done", "changed": "2026-01-01T00:00:00Z", {key}: {text},
               "history": [{{"at": "2026-01-01T00:00:00Z", "status": "done", {key}: {text}}}]}}}}}}}}}}"#
        );
        let path = std::path::Path::new("p.json");
        let read = parse_profile(file.as_bytes(), path).unwrap();
        let written = format::to_vec(&read, 0).unwrap();
        proptest::prop_assert_eq!(&parse_profile(&written, path).unwrap(), &read);
        let v: Value = serde_json::from_slice(&written).unwrap();
        // (Read back from the same digits: serde_json's float parsing is
        // not exact, but the digits are kept as written.)
        let value: Value = serde_json::from_str(&text).unwrap();
        let entry = &v["roadmaps"]["r"]["skills"]["s"];
        for found in [&v[&name], &v["roadmaps"]["r"][&name], &entry[&name], &entry["history"][0][&name]] {
            proptest::prop_assert_eq!(found, &value);
        }
    }
}

/// The goal as the store handles it: a clock stepped back still stamps
/// a later change, whole profiles merge to the goal saved last in either
/// order, and fields a newer build wrote into the goal survive.
#[test]
fn the_goal_merges_through_the_store_after_a_clock_step_back_and_keeps_unknown_fields() {
    let t = |s| Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, s).unwrap();
    let json = r#"{"version":1,"roadmaps":{"r":{"finish_by":{"date":"2027-06-30","at":"2026-11-25T12:00:30Z","why":"job"}}}}"#;
    let old: crate::model::Profile = serde_json::from_str(json).unwrap();
    // This machine's clock reads 20 s earlier than the stored stamp.
    let mut new = old.clone();
    assert!(new.set_goal("r", chrono::NaiveDate::from_ymd_opt(2027, 3, 1), t(10)));
    let stamp = new.roadmaps["r"].goal.as_ref().unwrap().at;
    assert!(stamp > t(30), "{stamp}");
    for (mut ours, theirs) in [(old.clone(), &new), (new.clone(), &old)] {
        super::merge::merge(&mut ours, theirs);
        assert_eq!(ours.goal("r"), chrono::NaiveDate::from_ymd_opt(2027, 3, 1));
        let text = serde_json::to_string(&ours).unwrap();
        assert!(text.contains(r#""why":"job""#), "{text}");
    }
}
