//! `log`, `stats` and `export`: the journal from profiles with known
//! histories, written straight into the test's data folder.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::common::{Env, texts};

/// A profile file for the small roadmap: per skill, its changes
/// (RFC 3339 time, status), oldest first.
fn profile(skills: &[(&str, &[(&str, &str)])]) -> String {
    let mut map = serde_json::Map::new();
    for (id, changes) in skills {
        let (last_at, last) = changes.last().unwrap();
        let done_at = changes.iter().rev().find(|c| c.1 == "done").map(|c| c.0);
        let mut entry = json!({
            "status": last,
            "changed": last_at,
            "history": changes.iter().map(|(at, s)| json!({"at": at, "status": s})).collect::<Vec<_>>(),
        });
        if let Some(at) = done_at {
            entry["done_at"] = json!(at);
        }
        map.insert((*id).to_string(), entry);
    }
    json!({"version": 1, "roadmaps": {"small": {"skills": map}}}).to_string()
}

/// Internet done 3 Feb, HTTP done late on 20 Feb (22:30 UTC), the terminal
/// in progress, trivia skipped.
fn known() -> String {
    profile(&[
        (
            "internet",
            &[
                ("2025-02-01T09:00:00Z", "doing"),
                ("2025-02-03T09:00:00Z", "done"),
            ],
        ),
        (
            "http",
            &[
                ("2025-02-18T09:00:00Z", "doing"),
                ("2025-02-20T22:30:00Z", "done"),
            ],
        ),
        ("terminal", &[("2025-02-27T09:00:00Z", "doing")]),
        ("trivia", &[("2025-02-28T09:00:00Z", "skipped")]),
    ])
}

fn env_with(profile: &str) -> Env {
    let env = Env::new();
    env.write("default.json", profile);
    env
}

/// Runs `args` on the small roadmap in time zone `tz`; stdout.
fn in_zone(env: &Env, tz: &str, args: &[&str]) -> String {
    let out = env.small(args).env("TZ", tz).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn log_lists_changes_newest_first_in_the_learners_local_time() {
    let env = env_with(&known());
    let ny = in_zone(&env, "America/New_York", &["log"]);
    let lines: Vec<&str> = ny.lines().collect();
    assert_eq!(lines[0], "2025-02-28", "{ny}");
    assert!(
        lines[1].contains("todo    → skipped  Web history trivia (trivia) · Basics"),
        "{ny}"
    );
    // 22:30 UTC is 17:30 the same day in New York…
    assert!(
        ny.contains("2025-02-20\n  17:30  doing   → done     HTTP (http) · Basics"),
        "{ny}"
    );
    let first = ny.find("(trivia)").unwrap();
    assert!(first < ny.find("(internet)").unwrap());
    // …and 07:30 the next morning in Tokyo.
    let tokyo = in_zone(&env, "Asia/Tokyo", &["log"]);
    assert!(
        tokyo.contains("2025-02-21\n  07:30  doing   → done     HTTP (http)"),
        "{tokyo}"
    );
}

#[test]
fn log_since_keeps_local_days_from_the_date_on() {
    let env = env_with(&known());
    let out = in_zone(&env, "America/New_York", &["log", "--since", "2025-02-20"]);
    assert!(
        out.contains("HTTP (http)") && out.contains("(terminal)"),
        "{out}"
    );
    assert!(
        !out.contains("(internet)") && !out.contains("09:00"),
        "{out}"
    );
    assert!(!out.contains("2025-02-18"), "{out}");
    // In Tokyo the HTTP change falls on the 21st: still kept from the 21st.
    let tokyo = in_zone(&env, "Asia/Tokyo", &["log", "--since", "2025-02-21"]);
    assert!(tokyo.contains("HTTP (http)"), "{tokyo}");
    let ny = in_zone(&env, "America/New_York", &["log", "--since", "2025-02-21"]);
    assert!(!ny.contains("HTTP (http)"), "{ny}");
    // Relative: nothing in the last week of a 2025 history.
    let recent = in_zone(&env, "UTC", &["log", "--since", "7d"]);
    assert!(recent.starts_with("Nothing recorded since "), "{recent}");
}

#[test]
fn log_rejects_a_day_it_cannot_read_and_says_what_it_takes() {
    let env = env_with(&known());
    let assert = env
        .small(&["log", "--since", "last tuesday"])
        .assert()
        .code(2);
    let (_, err) = texts(&assert);
    assert!(err.contains("'last tuesday' is not a day"), "{err}");
    assert!(err.contains("YYYY-MM-DD") && err.contains("7d"), "{err}");
}

#[test]
fn log_of_an_empty_profile_says_how_to_begin() {
    let env = Env::new();
    let out = env.ok(&["log"]);
    assert!(out.starts_with("Nothing recorded yet."), "{out}");
    assert_eq!(env.json(&["log", "--json"]), json!([]));
}

#[test]
fn log_json_has_every_key_newest_first() {
    let env = env_with(&known());
    let out = in_zone(&env, "America/New_York", &["log", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 6);
    let http = &items[2];
    for (key, want) in [
        ("kind", "status"),
        ("at", "2025-02-20T22:30:00Z"),
        ("date", "2025-02-20"),
        ("time", "17:30"),
        ("skill", "http"),
        ("title", "HTTP"),
        ("stage", "basics"),
        ("stage_title", "Basics"),
        ("from", "doing"),
        ("to", "done"),
    ] {
        assert_eq!(http[key], want, "{key} in {http}");
    }
    assert_eq!(items[0]["skill"], "trivia");
    assert_eq!(items[5]["skill"], "internet");
}

#[test]
fn stats_show_streaks_a_readable_heatmap_weeks_pace_and_time_per_skill() {
    let env = env_with(&known());
    let out = in_zone(&env, "America/New_York", &["stats"]);
    assert!(
        out.starts_with("Small Test Roadmap — profile default — "),
        "{out}"
    );
    // 1 and 3 February are apart; 27 and 28 February run.
    assert!(out.contains("Streak     0 days (best 2 days)"), "{out}");
    assert!(out.contains("6 changes in all"), "{out}");
    // Weekday labels, shades and a legend, readable without colour.
    let mon = out.lines().find(|l| l.starts_with("Mon ")).unwrap();
    assert_eq!(mon.chars().count(), 4 + 52, "{mon:?}");
    assert!(mon.chars().skip(4).all(|c| "·░▒▓█".contains(c)), "{mon}");
    assert!(
        out.contains("· none  ░ 1  ▒ 2–3  ▓ 4–6  █ 7+ events a day"),
        "{out}"
    );
    assert!(out.contains("Finished per week"), "{out}");
    // 8 + 47 (a language) + 80 + 10 + 8 + 3.
    assert!(out.contains("Left       149 h over 6 skills"), "{out}");
    assert!(
        out.contains("Finish     no finish date yet: nothing with an hours estimate"),
        "{out}"
    );
    assert!(
        out.contains("HTTP                         2 days  done 2025-02-20"),
        "{out}"
    );
    assert!(!out.lines().any(|l| l.ends_with(' ')), "{out:?}");
}

#[test]
fn stats_project_a_finish_date_from_recent_history() {
    // Relative to the real clock: 30 days of history, 14 hours in the last
    // four weeks (3.5 a week).
    let ago =
        |days: i64| (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let (first, second, third) = (ago(30), ago(10), ago(3));
    let env = env_with(&profile(&[
        ("internet", &[(first.as_str(), "done")]),
        ("http", &[(second.as_str(), "done")]),
        ("terminal", &[(third.as_str(), "done")]),
    ]));
    let v: Value = serde_json::from_str(&in_zone(&env, "UTC", &["stats", "--json"])).unwrap();
    let p = &v["projection"];
    assert_eq!(p["outcome"], "projected", "{v}");
    assert_eq!(p["hours_per_week"], 3.5);
    // 141 hours at 3.5 a week.
    assert_eq!(v["remaining"]["hours"], 141);
    assert_eq!(p["days"], 282);
    assert!(p["message"].as_str().unwrap().starts_with("around "), "{p}");
    let text = in_zone(&env, "UTC", &["stats"]);
    assert!(
        text.contains("Finish     around ")
            && text.contains("at 3.5 h a week (282 days from today)"),
        "{text}"
    );
}

#[test]
fn stats_json_has_every_key() {
    let env = env_with(&known());
    let v: Value =
        serde_json::from_str(&in_zone(&env, "America/New_York", &["stats", "--json"])).unwrap();
    for key in [
        "today",
        "events",
        "active_days",
        "streak",
        "heatmap",
        "finished_per_week",
        "time_per_skill",
        "pace",
        "remaining",
        "projection",
    ] {
        assert!(v.get(key).is_some(), "{key} in {v}");
    }
    assert_eq!(v["events"], 6);
    assert_eq!(v["active_days"], 6);
    assert_eq!(
        v["streak"],
        json!({"current": 0, "best": 2, "active_today": false})
    );
    let weeks = v["heatmap"]["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 52);
    assert_eq!(weeks[0].as_array().unwrap().len(), 7);
    assert_eq!(v["finished_per_week"].as_array().unwrap().len(), 12);
    let times = v["time_per_skill"].as_array().unwrap();
    assert_eq!(times[0]["id"], "http");
    assert_eq!(times[0]["days"], 2);
    assert_eq!(times[0]["done"], "2025-02-20T22:30:00Z");
    assert_eq!(v["pace"]["total_hours"], 10);
    assert_eq!(
        v["remaining"],
        json!({"hours": 149, "skills": 6, "unestimated": 0})
    );
    assert_eq!(v["projection"]["outcome"], "no_recent_hours");
    assert_eq!(v["projection"]["date"], Value::Null);
}
