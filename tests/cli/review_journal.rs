//! Reviews as activity and in every export, faded prerequisites in
//! `next`: driven by `ROADMAP_NOW` like `review.rs`.

use serde_json::{Value, json};

use super::review::{at, json, json_with, ok, reviewed_good};
use crate::common::{Env, ids};

#[test]
fn a_suggestion_whose_prerequisite_faded_offers_its_review_first() {
    let env = Env::new();
    reviewed_good(&env);
    // A week later internet is still well remembered.
    let next = json(&env, "2026-03-10T10:00:00Z", &["next", "--json"]);
    let http = next
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "http")
        .unwrap();
    assert_eq!(http["review_first"], Value::Array(vec![]));
    // Ten months later it has faded below 70%.
    let next = json(&env, "2027-01-10T10:00:00Z", &["next", "--json"]);
    let http = next
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "http")
        .unwrap();
    assert_eq!(ids(&http["review_first"]), ["internet"], "{http}");
    assert!(http["review_first"][0]["retrievability"].as_f64().unwrap() < 0.7);
    let text = ok(&env, "2027-01-10T10:00:00Z", &["next"]);
    assert!(
        text.contains("↻ review first: How the internet works (internet), memory"),
        "{text}"
    );
    assert!(text.contains("(roadmap review internet GRADE)"), "{text}");
    // The threshold is the config's.
    let config = env.write("config.toml", "[review]\nprerequisite_memory = 0.1\n");
    let next = json_with(&env, "2027-01-10T10:00:00Z", &config, &["next", "--json"]);
    assert!(
        next.as_array()
            .unwrap()
            .iter()
            .all(|s| s["review_first"] == Value::Array(vec![]))
    );
}

#[test]
fn reviews_and_time_are_activity_in_stats_and_every_export_carries_them() {
    let env = Env::new();
    ok(&env, "2026-03-02T10:00:00Z", &["done", "internet"]);
    ok(
        &env,
        "2026-03-04T10:00:00Z",
        &["review", "internet", "good"],
    );
    ok(&env, "2026-03-04T11:00:00Z", &["spent", "internet", "5h"]);
    ok(&env, "2026-03-05T10:00:00Z", &["done", "http"]);
    let stats = json(&env, "2026-03-06T10:00:00Z", &["stats", "--json"]);
    assert_eq!(stats["events"], 4);
    assert_eq!(stats["active_days"], 3);
    let week = stats["finished_per_week"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(week["skills"], 2, "{week}");
    assert_eq!(week["hours"], 10, "estimates: 4 + 6");
    assert_eq!(week["logged_minutes"], 300);
    let times = stats["time_per_skill"].as_array().unwrap();
    let internet = times.iter().find(|t| t["id"] == "internet").unwrap();
    assert_eq!(
        (&internet["time_minutes"], &internet["time_from"]),
        (&json!(300), &json!("logged"))
    );
    let http = times.iter().find(|t| t["id"] == "http").unwrap();
    assert_eq!(
        (&http["time_minutes"], &http["time_from"]),
        (&json!(360), &json!("estimate"))
    );
    let text = ok(&env, "2026-03-06T10:00:00Z", &["stats"]);
    assert!(
        text.contains("2 changes, 1 review and 1 time entry in all"),
        "{text}"
    );
    assert!(text.contains("10 h est.      5 h logged"), "{text}");
    // Done straight away but with time logged: listed with its time; done
    // straight away without any: not timed, and said so.
    assert!(
        text.contains("not started  done 2026-03-02  5 h logged\n"),
        "{text}"
    );
    assert!(
        text.contains("(1 skill marked done without being started first is not timed)"),
        "{text}"
    );

    let export = |tz: &str, format: &str| {
        at(
            &env,
            "2026-03-06T10:00:00Z",
            tz,
            &["export", "--format", format],
        )
        .success()
        .get_output()
        .stdout
        .clone()
    };
    for format in ["markdown", "json", "csv"] {
        assert_eq!(
            export("UTC", format),
            export("Pacific/Kiritimati", format),
            "{format}"
        );
    }
    let v: Value = serde_json::from_slice(&export("UTC", "json")).unwrap();
    let skill = &v["stages"][0]["skills"][0];
    assert_eq!(skill["id"], "internet");
    assert_eq!(skill["review"]["reviews"], 1);
    assert_eq!(skill["review"]["last_grade"], "good");
    assert_eq!(skill["logged_minutes"], 300);
    assert_eq!(
        v["stages"][0]["skills"][2]["review"],
        Value::Null,
        "todo: no schedule"
    );
    let kinds: Vec<&str> = v["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["status", "review", "spent", "status"]);
    assert_eq!(v["history"][1]["grade"], "good");
    assert_eq!(v["history"][2]["minutes"], 300);
    let csv = String::from_utf8(export("UTC", "csv")).unwrap();
    let row = csv.lines().find(|l| l.contains(",internet,")).unwrap();
    assert!(row.ends_with(",1,300"), "{row}");
    let md = String::from_utf8(export("UTC", "markdown")).unwrap();
    assert!(
        md.contains("How the internet works — done 2026-03-02 · 1 review, next due "),
        "{md}"
    );
    assert!(md.contains(" · 5 h logged\n"), "{md}");
}
