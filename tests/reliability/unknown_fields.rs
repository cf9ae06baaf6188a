//! Fields this build does not know (written by a newer build, by hand, or
//! by a sync tool) survive every command and save, and the `.bak`; a key
//! written twice is refused with a message naming the file and the key,
//! and the file is left untouched (reading it would lose one copy).

use serde_json::Value;

use crate::common::{Env, small_roadmap, temp_files};

const NEWER: &str = r#"{"version": 1, "synced": {"device": "laptop", "n": 123456789012345678901234567890},
  "roadmaps": {"small": {"goal": "by June", "skills": {
    "internet": {"status": "doing", "changed": "2026-01-01T10:00:00Z", "note": {"text": "ch. 3", "tags": [1, 2.50]},
      "history": [{"at": "2026-01-01T10:00:00Z", "status": "doing", "device": "laptop"}]}}}},
  "other-roadmap": {"skills": {}}}"#;

fn check(path: &std::path::Path) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains("123456789012345678901234567890"),
        "{}: every digit kept:\n{text}",
        path.display()
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["synced"]["device"], "laptop", "{text}");
    assert_eq!(
        v["other-roadmap"]["skills"],
        serde_json::json!({}),
        "{text}"
    );
    let small = &v["roadmaps"]["small"];
    assert_eq!(small["goal"], "by June", "{text}");
    assert_eq!(
        small["skills"]["internet"]["note"]["tags"][1], 2.5,
        "{text}"
    );
    assert_eq!(
        small["skills"]["internet"]["history"][0]["device"], "laptop",
        "{text}"
    );
}

#[test]
fn unknown_fields_survive_every_change_and_the_backup() {
    let env = Env::new();
    let roadmap = small_roadmap();
    std::fs::create_dir_all(env.home()).unwrap();
    std::fs::write(env.profile(), NEWER).unwrap();
    for (verb, skill) in [
        ("done", "internet"),
        ("start", "terminal"),
        ("reset", "internet"),
        ("skip", "trivia"),
    ] {
        env.ok(&roadmap, &[verb, skill]);
        check(&env.profile());
    }
    // After several saves the backup (the previous version) has them too.
    check(&env.profile().with_extension("json.bak"));
    let status = env.ok(&roadmap, &["status"]);
    assert!(status.contains("done 0 · doing 1"), "{status}");
    assert_eq!(
        env.load().roadmaps["small"].skills["trivia"].status,
        roadmap::model::Status::Skipped
    );
}

#[test]
fn a_key_written_twice_is_refused_by_every_command_and_the_file_left_untouched() {
    let roadmap = small_roadmap();
    for (text, key) in [
        (
            r#"{"version": 1, "roadmaps": {"small": {"skills": {
  "internet": {"status": "done", "changed": "2026-01-01T10:00:00Z"},
  "internet": {"status": "todo", "changed": "2026-01-01T11:00:00Z"}}}}}"#,
            "skill 'internet' of roadmap 'small'",
        ),
        (
            r#"{"version": 1, "roadmaps": {
  "small": {"skills": {"internet": {"status": "done", "changed": "2026-01-01T10:00:00Z"}}},
  "small": {"skills": {}}}}"#,
            "roadmap 'small'",
        ),
    ] {
        let env = Env::new();
        std::fs::create_dir_all(env.home()).unwrap();
        std::fs::write(env.profile(), text).unwrap();
        for args in [
            &["status"][..],
            &["done", "http"],
            &["reset", "internet"],
            &["show", "internet"],
        ] {
            let err = env.fails(&roadmap, args);
            assert!(err.contains(key), "{args:?}: {err}");
            assert!(err.contains("written twice"), "{err}");
            assert!(err.contains("delete the copy you do not want"), "{err}");
            assert!(err.contains("line 3"), "says where: {err}");
            assert!(
                err.contains(&env.profile().display().to_string()),
                "names the file: {err}"
            );
            assert_eq!(std::fs::read_to_string(env.profile()).unwrap(), text);
        }
        assert!(!env.profile().with_extension("json.bak").exists());
        assert!(temp_files(&env.home()).is_empty());
    }
}
