//! Guarantee 4: when a roadmap file loses, gains or renames skills,
//! progress carries over through ids and aliases, entries for skills the
//! roadmap no longer has stay in the profile, and switching back restores
//! them. Nothing is ever dropped from the file.

use serde_json::{Value, json};

use crate::common::Env;

/// Version 1: skills a, b, c (b requires a).
fn v1() -> Value {
    json!({ "version": 1, "id": "course", "title": "Course", "stages": [
        { "id": "one", "title": "One", "skills": [
            { "id": "a", "title": "A" },
            { "id": "b", "title": "B", "requires": ["a"] },
            { "id": "c", "title": "C" }
        ]}
    ]})
}

/// Version 2: b renamed to b2 (alias b), c removed, d added.
fn v2() -> Value {
    json!({ "version": 1, "id": "course", "title": "Course", "stages": [
        { "id": "one", "title": "One", "skills": [
            { "id": "a", "title": "A" },
            { "id": "b2", "title": "B, renamed", "requires": ["a"], "aliases": ["b"] },
            { "id": "d", "title": "D" }
        ]}
    ]})
}

fn status_of(env: &Env, roadmap: &std::path::Path, id: &str) -> String {
    let v: Value = serde_json::from_str(&env.ok(roadmap, &["show", id, "--json"])).unwrap();
    v["status"].as_str().unwrap().to_string()
}

/// The profile's entry keys for the roadmap, sorted.
fn keys(env: &Env) -> Vec<String> {
    env.load().roadmaps["course"]
        .skills
        .keys()
        .cloned()
        .collect()
}

#[test]
fn renamed_removed_and_added_skills_keep_progress_and_switching_back_restores_it() {
    let env = Env::new();
    let one = env.write("v1.json", v1().to_string());
    let two = env.write("v2.json", v2().to_string());

    env.ok(&one, &["done", "a"]);
    env.ok(&one, &["start", "b"]);
    env.ok(&one, &["skip", "c"]);
    assert_eq!(keys(&env), ["a", "b", "c"]);

    // Under v2: b's progress shows on b2, c is kept but not shown.
    assert_eq!(status_of(&env, &two, "b2"), "doing");
    assert_eq!(
        status_of(&env, &two, "b"),
        "doing",
        "the old id still finds the skill"
    );
    assert_eq!(status_of(&env, &two, "d"), "todo");
    let out = env.ok(&two, &["status"]);
    assert!(
        out.contains("1 entry for skills not in this roadmap (kept; they come back if you switch to a roadmap that has them)"),
        "{out}"
    );
    let v: Value = serde_json::from_str(&env.ok(&two, &["status", "--json"])).unwrap();
    assert_eq!(
        (
            v["orphans"].as_u64(),
            v["done"].as_u64(),
            v["doing"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );

    // Changes under v2 write new ids and keep every old entry.
    env.ok(&two, &["done", "b2", "d"]);
    assert_eq!(keys(&env), ["a", "b", "b2", "c", "d"]);
    let b2 = &env.load().roadmaps["course"].skills["b2"];
    assert_eq!(
        b2.history.len(),
        2,
        "b2 carries b's history: doing, then done"
    );

    // Back to v1: c is skipped again, b is as it was under v1, and d is an
    // entry v1 does not know (b2 is not an alias v1 knows either).
    assert_eq!(status_of(&env, &one, "c"), "skipped");
    assert_eq!(status_of(&env, &one, "b"), "doing");
    let out = env.ok(&one, &["status"]);
    assert!(
        out.contains("2 entries for skills not in this roadmap"),
        "{out}"
    );
    assert_eq!(keys(&env), ["a", "b", "b2", "c", "d"], "nothing dropped");

    // And forward again: everything is where it was.
    assert_eq!(status_of(&env, &two, "b2"), "done");
    assert_eq!(status_of(&env, &two, "d"), "done");
}

#[test]
fn a_roadmap_with_another_id_keeps_separate_progress() {
    let env = Env::new();
    let one = env.write("v1.json", v1().to_string());
    let mut other = v1();
    other["id"] = json!("other-course");
    let other = env.write("other.json", other.to_string());
    env.ok(&one, &["done", "a"]);
    assert_eq!(status_of(&env, &other, "a"), "todo");
    env.ok(&other, &["skip", "a"]);
    assert_eq!(status_of(&env, &one, "a"), "done");
    let p = env.load();
    assert_eq!(p.roadmaps.len(), 2);
}
