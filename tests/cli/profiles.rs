//! Profiles: separate progress, listing, the environment variable, and
//! store errors.

use predicates::str::contains;

use crate::common::{Env, texts};

#[test]
fn profiles_keep_progress_separate_and_are_listed() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    env.ok(&["--profile", "other", "done", "terminal"]);
    let default = env.json(&["status", "--json"]);
    let other = env.json(&["--profile", "other", "status", "--json"]);
    assert_eq!(default["profile"], "default");
    assert_eq!(other["profile"], "other");
    assert_eq!(default["done"], 1);
    assert_eq!(other["done"], 1);
    assert_eq!(env.json(&["show", "terminal", "--json"])["status"], "todo");
    assert_eq!(
        env.json(&["--profile", "other", "show", "internet", "--json"])["status"],
        "todo"
    );

    let out = env.ok(&["profiles"]);
    let folder = env.home.path().display().to_string();
    assert!(out.contains(&format!("Profiles in {folder}:")), "{out}");
    assert!(out.contains("* default (selected)\n  other\n"), "{out}");
    let out = env.ok(&["--profile", "other", "profiles"]);
    assert!(out.contains("  default\n* other (selected)\n"), "{out}");

    let v = env.json(&["profiles", "--json"]);
    assert_eq!(v["folder"], folder);
    assert_eq!(v["selected"], "default");
    assert_eq!(v["profiles"][0]["name"], "default");
    assert_eq!(v["profiles"][0]["selected"], true);
    assert_eq!(v["profiles"][1]["name"], "other");
    assert_eq!(v["profiles"][1]["selected"], false);
}

#[test]
fn profile_env_var_selects_the_profile() {
    let env = Env::new();
    env.small(&["done", "internet"])
        .env("ROADMAP_PROFILE", "fromenv")
        .assert()
        .success();
    assert!(env.profile_file("fromenv").is_file());
    assert!(!env.profile_file("default").exists());
    let (out, _) = texts(
        &env.small(&["status", "--json"])
            .env("ROADMAP_PROFILE", "fromenv")
            .assert()
            .success(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["profile"], "fromenv");
    assert_eq!(v["done"], 1);
}

#[test]
fn no_profiles_yet_says_where_they_will_live() {
    let env = Env::new();
    let out = env.ok(&["profiles"]);
    assert!(out.starts_with("No profiles yet."), "{out}");
    assert!(
        out.contains(&env.home.path().display().to_string()),
        "{out}"
    );
    let v = env.json(&["profiles", "--json"]);
    assert_eq!(v["profiles"].as_array().map(Vec::len), Some(0));
}

#[test]
fn selected_profile_without_a_file_is_mentioned() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    let out = env.ok(&["--profile", "new", "profiles"]);
    assert!(out.contains("  default\n"), "{out}");
    assert!(out.contains("Selected: new (nothing saved yet"), "{out}");
}

#[test]
fn bad_profile_name_is_a_store_error() {
    let env = Env::new();
    for args in [
        &["--profile", "../evil", "status"][..],
        &["--profile", "a/b", "profiles"],
    ] {
        env.small(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("error: invalid profile name"));
    }
}

#[test]
fn damaged_profile_is_reported_and_left_alone() {
    let env = Env::new();
    let file = env.write("default.json", "{ not json");
    for args in [&["status"][..], &["done", "internet"]] {
        env.small(args)
            .assert()
            .code(1)
            .stderr(contains("error: profile "))
            .stderr(contains("is damaged"));
    }
    assert_eq!(std::fs::read_to_string(file).unwrap(), "{ not json");
}
