//! Command-line usage: `list --status` filters, `next -n 0`, `reset`
//! saying what is locked again.

use crate::common::{Env, ids};

#[test]
fn list_status_takes_several_values_by_commas_or_repeats() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    env.ok(&["start", "terminal"]);
    let listed = |args: &[&str]| {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        ids(&env.json(&all))
    };
    assert_eq!(
        listed(&["--status", "done,doing"]),
        ["internet", "terminal"]
    );
    assert_eq!(
        listed(&["--status", "done", "--status", "doing"]),
        ["internet", "terminal"]
    );
    let out = env.ok(&["list", "--status", "skipped,doing", "--stage", "apis"]);
    assert!(
        out.contains("No skills are skipped or in progress here."),
        "{out}"
    );
}

#[test]
fn list_status_locked_and_available() {
    let env = Env::new();
    env.ok(&["done", "internet", "go"]);
    // Go is picked: Python and Java are neither locked nor available.
    assert_eq!(
        ids(&env.json(&["list", "--status", "available", "--json"])),
        ["http", "terminal", "trivia", "language-deep"]
    );
    assert_eq!(
        ids(&env.json(&["list", "--status", "locked", "--json"])),
        ["rest", "auth", "jwt"]
    );
    let out = env.ok(&["list", "--status", "locked", "--stage", "basics"]);
    assert!(out.contains("No skills are locked here."), "{out}");
}

#[test]
fn a_bad_status_filter_is_a_usage_error_listing_the_values() {
    let env = Env::new();
    env.small(&["list", "--status", "todo,finished"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("locked"))
        .stderr(predicates::str::contains("available"));
}

#[test]
fn next_zero_is_a_usage_error() {
    let env = Env::new();
    env.small(&["next", "-n", "0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("at least 1"));
    assert_eq!(ids(&env.json(&["next", "-n", "1", "--json"])).len(), 1);
}

#[test]
fn reset_says_what_became_locked_again() {
    let env = Env::new();
    env.ok(&["done", "internet", "terminal"]);
    let out = env.ok(&["reset", "internet"]);
    assert!(
        out.contains("locked again: HTTP (http) (needs How the internet works (internet))"),
        "{out}"
    );
    // A skill already done is not "locked again".
    env.ok(&["done", "python"]);
    let out = env.ok(&["reset", "terminal"]);
    assert!(!out.contains("Python (python)"), "{out}");
    assert!(out.contains("locked again: Go (go)"), "{out}");
}
