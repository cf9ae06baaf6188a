//! Issue 18 item 3: a skill has a start only if it was in progress and
//! that was not taken back.

use serde_json::Value;

use crate::common::Env;

fn show(env: &Env, id: &str) -> Value {
    env.json(&["show", id, "--json"])
}

#[test]
fn done_straight_from_todo_or_after_an_undone_doing_has_no_start() {
    let env = Env::new();
    // Done straight away: no start.
    env.ok(&["done", "internet"]);
    assert_eq!(show(&env, "internet")["started"], Value::Null);
    let text = env.ok(&["show", "internet"]);
    assert!(text.contains("  started:      —\n"), "{text}");
    // Doing taken back (reset to todo), then done: no start either.
    env.ok(&["start", "terminal"]);
    assert!(show(&env, "terminal")["started"].is_string());
    env.ok(&["reset", "terminal"]);
    assert_eq!(show(&env, "terminal")["started"], Value::Null);
    env.ok(&["done", "terminal"]);
    assert_eq!(show(&env, "terminal")["started"], Value::Null);
    // Doing, then done: started at the doing.
    env.ok(&["start", "http"]);
    let started = show(&env, "http")["started"].clone();
    env.ok(&["done", "http"]);
    assert_eq!(show(&env, "http")["started"], started);

    // Stats time per skill: only the started skill is timed; the others
    // are not "same day".
    let stats = env.json(&["stats", "--json"]);
    let timed: Vec<(&str, &Value)> = stats["time_per_skill"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), &t["days"]))
        .collect();
    assert!(timed.contains(&("http", &Value::from(0))), "{timed:?}");
    assert!(timed.contains(&("internet", &Value::Null)), "{timed:?}");
    assert!(timed.contains(&("terminal", &Value::Null)), "{timed:?}");
    let text = env.ok(&["stats"]);
    let section = &text[text.find("Time per skill").unwrap()..];
    assert_eq!(section.matches("same day").count(), 1, "{section}");
    assert!(section.contains("HTTP"), "{section}");
    assert!(!section.contains("The terminal"), "{section}");
    assert!(
        section.contains("2 skills marked done without being started first are not timed"),
        "{section}"
    );
}
