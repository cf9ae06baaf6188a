//! `status` and `next`: progress arithmetic and suggestions.

use serde_json::Value;

use crate::common::{Env, ids};

/// Every counted skill of the small roadmap once Go is the picked language.
const ALL_REQUIRED: [&str; 8] = [
    "internet",
    "http",
    "terminal",
    "go",
    "language-deep",
    "rest",
    "auth",
    "jwt",
];

#[test]
fn fresh_status_shows_title_profile_bars_and_counts() {
    let env = Env::new();
    let out = env.ok(&["status"]);
    assert!(
        out.contains("Small Test Roadmap — profile default"),
        "{out}"
    );
    // The choice of Python, Go or Java counts as one; trivia is optional.
    assert!(out.contains("0/8"), "{out}");
    assert!(
        out.contains("done 0 · doing 0 · skipped 0 · todo 8"),
        "{out}"
    );
    assert!(
        out.contains(
            "11 skills, 8 count towards progress: optional skills do not,\nand a choice counts as the number of options it asks for.\n"
        ),
        "{out}"
    );
    let basics = out.lines().find(|l| l.starts_with("Basics")).unwrap();
    assert!(basics.contains("░░░░░░░░░░░░░░░░"), "{basics}");
    assert!(
        basics.contains("0/3") && basics.contains(" 0%  18 h left"),
        "{basics}"
    );
    assert!(!out.contains("not in this roadmap"), "{out}");
    assert!(out.contains("Next: The terminal (terminal)"), "{out}");
}

#[test]
fn status_json_has_every_key() {
    let env = Env::new();
    let v = env.json(&["status", "--json"]);
    assert_eq!(v["roadmap"], "small");
    assert_eq!(v["roadmap_title"], "Small Test Roadmap");
    assert_eq!(v["profile"], "default");
    for (key, want) in [
        ("done", 0),
        ("doing", 0),
        ("skipped", 0),
        ("todo", 8),
        ("total", 8),
        ("finished", 0),
        ("percent", 0),
        ("hours_left", 159),
        ("skills", 11),
        ("orphans", 0),
    ] {
        assert_eq!(v[key], want, "{key} in {v}");
    }
    assert_eq!(ids(&v["stages"]), ["basics", "languages", "apis"]);
    let totals: Vec<&Value> = v["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["total"])
        .collect();
    assert_eq!(totals, [3, 2, 3]);
    assert_eq!(v["stages"][0]["title"], "Basics");
}

#[test]
fn status_counts_follow_changes_and_sum_to_total() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    env.ok(&["start", "terminal"]);
    env.ok(&["skip", "http", "trivia"]);
    let v = env.json(&["status", "--json"]);
    // Trivia is optional: skipping it changes no count.
    assert_eq!(v["done"], 1);
    assert_eq!(v["doing"], 1);
    assert_eq!(v["skipped"], 1);
    assert_eq!(v["todo"], 5);
    assert_eq!(v["finished"], 2);
    assert_eq!(v["total"], 8);
    assert_eq!(v["percent"], 25);
}

#[test]
fn status_bar_fills_with_progress() {
    let env = Env::new();
    env.ok(&["done", "internet", "http", "terminal", "python", "rest"]);
    let out = env.ok(&["status"]);
    // Picking Python fills the choice's one unit: 5 of 8.
    let overall = out.lines().find(|l| l.starts_with("Overall")).unwrap();
    assert!(overall.contains("██████████░░░░░░"), "{overall}");
    assert!(
        overall.contains("5/8") && overall.contains("62%  91 h left"),
        "{overall}"
    );
    let basics = out.lines().find(|l| l.starts_with("Basics")).unwrap();
    assert!(basics.contains("████████████████"), "{basics}");
    assert!(basics.ends_with("100%  finished ✓"), "{basics}");
}

#[test]
fn finishing_every_required_skill_is_100_percent() {
    let env = Env::new();
    let mut args = vec!["done"];
    args.extend(ALL_REQUIRED);
    env.ok(&args);
    let v = env.json(&["status", "--json"]);
    assert_eq!(v["percent"], 100);
    assert_eq!(v["total"], 8);
    assert_eq!(v["done"], 8);
    for stage in v["stages"].as_array().unwrap() {
        assert_eq!(stage["percent"], 100, "{stage}");
    }
    // Only the optional skill is left to suggest.
    assert_eq!(ids(&env.json(&["next", "--json"])), ["trivia"]);
    env.ok(&["skip", "trivia"]);
    let out = env.ok(&["next"]);
    assert!(out.contains("Everything is finished — 100%."), "{out}");
    assert!(env.ok(&["status"]).contains("Everything is finished"));
}

#[test]
fn picking_go_drops_python_and_java_from_count_and_suggestions() {
    let env = Env::new();
    env.ok(&["done", "terminal", "go"]);
    let v = env.json(&["status", "--json"]);
    assert_eq!(v["total"], 8);
    assert_eq!(v["stages"][1]["total"], 2);
    let next = ids(&env.json(&["next", "-n", "20", "--json"]));
    assert!(!next.contains(&"python".to_string()), "{next:?}");
    assert!(!next.contains(&"java".to_string()), "{next:?}");
    assert!(next.contains(&"language-deep".to_string()), "{next:?}");
}

#[test]
fn next_ranks_with_reasons() {
    let env = Env::new();
    let out = env.ok(&["next"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "1. The terminal (terminal) — Basics — unlocks 3 skills"
    );
    assert!(lines[1].starts_with("2. How the internet works (internet) — Basics — "));
    // Locked skills are never suggested.
    assert!(!out.contains("(http)"), "{out}");
    assert_eq!(env.ok(&["next", "-n", "1"]).lines().count(), 1);
}

#[test]
fn next_json_shape_puts_work_in_progress_first() {
    let env = Env::new();
    env.ok(&["start", "internet"]);
    let v = env.json(&["next", "--json"]);
    let first = &v[0];
    assert_eq!(first["id"], "internet");
    assert_eq!(first["title"], "How the internet works");
    assert_eq!(first["stage"], "basics");
    assert_eq!(first["status"], "doing");
    assert!(
        first["reason"].as_str().unwrap().contains("in progress"),
        "{first}"
    );
    assert_eq!(v[1]["status"], "todo");
}

#[test]
fn optional_skills_come_after_required_ones() {
    let env = Env::new();
    env.ok(&["done", "internet", "http", "terminal"]);
    let next = ids(&env.json(&["next", "--json"]));
    assert_eq!(next.first().map(String::as_str), Some("backend-language"));
    assert_eq!(next.last().map(String::as_str), Some("trivia"));
}

#[test]
fn next_count_must_be_a_number() {
    let env = Env::new();
    env.small(&["next", "-n", "abc"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'abc'"));
}
