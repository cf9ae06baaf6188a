//! `roadmap review`, `roadmap today`, `roadmap spent`, with the clock
//! driven forward by `ROADMAP_NOW` (the commands run at that moment and
//! stamp their changes with it).

use serde_json::Value;

use crate::common::{Env, ids, texts};

/// `roadmap ARGS` on the small roadmap at `now`, in zone `tz`.
pub(super) fn at(env: &Env, now: &str, tz: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    env.small(args)
        .env("ROADMAP_NOW", now)
        .env("TZ", tz)
        .assert()
}

pub(super) fn ok(env: &Env, now: &str, args: &[&str]) -> String {
    let out = at(env, now, "UTC", args).success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

pub(super) fn json(env: &Env, now: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok(env, now, args)).unwrap()
}

/// `roadmap ARGS --json` at `now` with the config file `config`.
pub(super) fn json_with(env: &Env, now: &str, config: &std::path::Path, args: &[&str]) -> Value {
    let out = env
        .small(args)
        .env("ROADMAP_NOW", now)
        .env("ROADMAP_CONFIG", config)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// internet done on March 1st and reviewed "good" on the 3rd.
pub(super) fn reviewed_good(env: &Env) {
    ok(env, "2026-03-01T10:00:00Z", &["done", "internet"]);
    ok(env, "2026-03-03T10:00:00Z", &["review", "internet", "good"]);
}

/// The due date of `id` in `roadmap review --all --json` at `now`.
fn due(env: &Env, now: &str, id: &str) -> String {
    let all = json(env, now, &["review", "--all", "--json"]);
    all.as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .map(|c| c["due"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn done_today_is_not_due_today_and_is_due_after_the_first_interval() {
    let env = Env::new();
    ok(&env, "2026-03-01T10:00:00Z", &["done", "internet"]);
    assert_eq!(
        json(&env, "2026-03-01T22:00:00Z", &["review", "--json"]),
        Value::Array(vec![])
    );
    let text = ok(&env, "2026-03-01T22:00:00Z", &["review"]);
    assert!(text.starts_with("Nothing to review today."), "{text}");
    assert!(text.contains("due 2026-03-03 (in 2 days)"), "{text}");
    assert_eq!(
        json(&env, "2026-03-02T23:00:00Z", &["review", "--json"]),
        Value::Array(vec![])
    );
    let due = json(&env, "2026-03-03T08:00:00Z", &["review", "--json"]);
    assert_eq!(ids(&due), ["internet"]);
    let card = &due[0];
    assert_eq!(card["due"], "2026-03-03");
    assert_eq!(card["reviews"], 0);
    let r = card["retrievability"].as_f64().unwrap();
    assert!((0.85..0.95).contains(&r), "{card}");
    assert!(card["stability_days"].as_f64().unwrap() > 2.0, "{card}");
    assert_eq!(card["title"], "How the internet works");
    let text = ok(&env, "2026-03-03T08:00:00Z", &["review"]);
    assert!(text.contains("1 review due today, 2026-03-03"), "{text}");
    assert!(text.contains("memory"), "{text}");
    assert!(text.contains("done 2026-03-01, not reviewed yet"), "{text}");
}

#[test]
fn again_is_due_the_next_day_and_easy_later_than_good() {
    let mut dues = Vec::new();
    for grade in ["again", "hard", "good", "easy"] {
        let env = Env::new();
        ok(&env, "2026-03-01T10:00:00Z", &["done", "internet"]);
        let text = ok(&env, "2026-03-03T10:00:00Z", &["review", "internet", grade]);
        assert!(
            text.contains(&format!(
                "Reviewed How the internet works (internet): {grade}"
            )),
            "{text}"
        );
        let d = due(&env, "2026-03-03T10:00:00Z", "internet");
        assert!(text.contains(&format!("Next review: {d}")), "{text}");
        dues.push(d);
    }
    assert_eq!(dues[0], "2026-03-04", "again: the next day");
    assert!(dues.windows(2).all(|w| w[0] < w[1]), "{dues:?}");
    // Numbers are grades too.
    let env = Env::new();
    ok(&env, "2026-03-01T10:00:00Z", &["done", "internet"]);
    ok(&env, "2026-03-03T10:00:00Z", &["review", "internet", "4"]);
    assert_eq!(due(&env, "2026-03-03T10:00:00Z", "internet"), dues[3]);
}

#[test]
fn a_review_at_2359_and_one_at_0001_fall_on_the_learners_days() {
    // 23:59 and 00:01 in Tokyo (UTC+9) are the same UTC day.
    let env = Env::new();
    let tokyo = "Asia/Tokyo";
    at(&env, "2026-03-01T01:00:00Z", tokyo, &["done", "internet"]).success();
    at(
        &env,
        "2026-03-03T14:59:00Z",
        tokyo,
        &["review", "internet", "again"],
    )
    .success();
    // Again on the 3rd (Tokyo) is due on the 4th; reviewed again at 00:01
    // on the 4th, it is due on the 5th at the earliest.
    let out = at(&env, "2026-03-03T15:01:00Z", tokyo, &["review", "--json"]).success();
    let listed: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(ids(&listed), ["internet"], "due on the learner's next day");
    assert_eq!(listed[0]["due"], "2026-03-04");
    at(
        &env,
        "2026-03-03T15:01:00Z",
        tokyo,
        &["review", "internet", "again"],
    )
    .success();
    let out = at(
        &env,
        "2026-03-03T15:02:00Z",
        tokyo,
        &["review", "--all", "--json"],
    )
    .success();
    let all: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(all[0]["due"], "2026-03-05", "{all}");
    // In UTC both reviews were on the 3rd.
    let out = at(
        &env,
        "2026-03-03T15:02:00Z",
        "UTC",
        &["review", "--all", "--json"],
    )
    .success();
    let utc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(utc[0]["due"], "2026-03-04", "{utc}");
}

#[test]
fn only_done_skills_are_reviewed_and_mistakes_are_explained() {
    let env = Env::new();
    let (_, err) = texts(
        &at(
            &env,
            "2026-03-01T10:00:00Z",
            "UTC",
            &["review", "http", "good"],
        )
        .failure()
        .code(1),
    );
    assert!(
        err.contains("HTTP (http) is todo: only done skills are reviewed"),
        "{err}"
    );
    assert!(err.contains("roadmap done http"), "{err}");
    ok(
        &env,
        "2026-03-01T10:00:00Z",
        &["done", "internet", "terminal"],
    );
    ok(&env, "2026-03-01T10:00:00Z", &["skip", "trivia"]);
    let (_, err) = texts(
        &at(
            &env,
            "2026-03-01T10:00:00Z",
            "UTC",
            &["review", "trivia", "good"],
        )
        .failure(),
    );
    assert!(err.contains("is skipped"), "{err}");
    let (_, err) = texts(
        &at(
            &env,
            "2026-03-01T10:00:00Z",
            "UTC",
            &["review", "internet", "meh"],
        )
        .failure(),
    );
    assert!(err.contains("'meh' is not a grade"), "{err}");
    assert!(
        err.contains("could not explain or use it without looking it up"),
        "{err}"
    );
    let (_, err) = texts(
        &at(
            &env,
            "2026-03-01T10:00:00Z",
            "UTC",
            &["review", "intenet", "good"],
        )
        .failure(),
    );
    assert!(err.contains("did you mean 'internet'"), "{err}");
    // A skill not due yet can be reviewed early, and says so.
    let text = ok(
        &env,
        "2026-03-02T10:00:00Z",
        &["review", "terminal", "good"],
    );
    assert!(text.contains("It was not due until 2026-03-03"), "{text}");
    // Nothing was recorded by the failures.
    let log = json(&env, "2026-03-02T10:00:00Z", &["log", "--json"]);
    let reviews: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "review")
        .collect();
    assert_eq!(reviews.len(), 1, "{log}");
    assert_eq!(reviews[0]["grade"], "good");
    // A grade needs a skill, and listing takes no grade.
    env.small(&["review", "internet"])
        .assert()
        .failure()
        .code(2);
    env.small(&["review", "internet", "good", "--json"])
        .assert()
        .failure()
        .code(2);
}

#[test]
fn the_help_says_what_each_grade_means() {
    let env = Env::new();
    let help = env.ok(&["review", "--help"]);
    for meaning in [
        "could not explain or use it without looking it up",
        "recalled it, with effort",
        "could explain it and apply it",
        "trivial",
    ] {
        assert!(help.contains(meaning), "{help}");
    }
    assert!(help.contains("[review] retention"), "{help}");
}

#[test]
fn a_reset_takes_the_skill_out_and_keeps_its_history() {
    let env = Env::new();
    reviewed_good(&env);
    ok(&env, "2026-03-04T10:00:00Z", &["reset", "internet"]);
    assert_eq!(
        json(&env, "2026-06-01T10:00:00Z", &["review", "--all", "--json"]),
        Value::Array(vec![])
    );
    let log = ok(&env, "2026-06-01T10:00:00Z", &["log"]);
    assert!(log.contains("review: good"), "{log}");
    ok(&env, "2026-06-01T10:00:00Z", &["done", "internet"]);
    assert_eq!(
        due(&env, "2026-06-01T10:00:00Z", "internet"),
        "2026-06-03",
        "a fresh start"
    );
}

#[test]
fn today_lists_reviews_then_steps_each_with_its_minutes() {
    let env = Env::new();
    ok(
        &env,
        "2026-03-01T10:00:00Z",
        &["done", "internet", "terminal"],
    );
    let plan = json(&env, "2026-03-03T09:00:00Z", &["today", "--json"]);
    assert_eq!(plan["minutes"], 60);
    assert_eq!(ids(&plan["reviews"]), ["internet", "terminal"]);
    assert!(
        plan["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["minutes"] == 5)
    );
    let learn = plan["learn"].as_array().unwrap();
    assert_eq!(learn.len(), 1, "{plan}");
    // The top step is longer than the 50 minutes left: part of it is offered.
    assert_eq!(learn[0]["minutes"], 50);
    assert!(learn[0]["of"].as_u64().unwrap() > 50, "{plan}");
    // What was done today is marked done today when shown again.
    ok(
        &env,
        "2026-03-03T10:00:00Z",
        &["review", "internet", "good"],
    );
    ok(&env, "2026-03-03T11:00:00Z", &["spent", "http", "50m"]);
    let plan = json(&env, "2026-03-03T12:00:00Z", &["today", "--json"]);
    assert_eq!(plan["reviews"][0]["id"], "internet");
    assert_eq!(plan["reviews"][0]["done_today"], true);
    assert_eq!(plan["reviews"][1]["done_today"], false);
    assert_eq!(plan["learn"][0]["logged_today"], 50, "{plan}");
    let text = ok(&env, "2026-03-03T12:00:00Z", &["today"]);
    assert!(
        text.starts_with("Today, 2026-03-03: 1 h ([today] minutes"),
        "{text}"
    );
    assert!(
        text.contains("✓ How the internet works (internet)"),
        "{text}"
    );
    assert!(text.contains("reviewed today: good"), "{text}");
    assert!(text.contains("50 min logged today"), "{text}");
    assert!(text.contains("(estimate)"), "{text}");
}

#[test]
fn todays_time_follows_the_goal_or_the_config() {
    let env = Env::new();
    let config = env.write("config.toml", "[today]\nminutes = 90\nreviews = 1\n");
    let plan = json_with(&env, "2026-03-01T10:00:00Z", &config, &["today", "--json"]);
    assert_eq!(plan["minutes"], 90);
    // The small roadmap's 155 hours over 155 days: 7 hours a week, an hour a day.
    ok(&env, "2026-03-01T10:00:00Z", &["goal", "2026-08-02"]);
    let plan = json(&env, "2026-03-01T10:00:00Z", &["today", "--json"]);
    assert_eq!(plan["source"], "goal", "{plan}");
    let minutes = plan["minutes"].as_u64().unwrap();
    assert!((55..=65).contains(&minutes), "{plan}");
    let text = ok(&env, "2026-03-01T10:00:00Z", &["today"]);
    assert!(text.contains("your goal of 2026-08-02 needs"), "{text}");
}

#[test]
fn a_retention_out_of_range_is_a_clear_error_with_file_and_line() {
    let env = Env::new();
    let config = env.write("config.toml", "[review]\n\nretention = 0.99\n");
    let out = env
        .small(&["review"])
        .env("ROADMAP_CONFIG", &config)
        .assert()
        .failure()
        .code(1);
    let (_, err) = texts(&out);
    assert!(err.contains("config.toml:3:13:"), "{err}");
    assert!(
        err.contains("retention = 0.99 is outside 0.70–0.97"),
        "{err}"
    );
    let check = env
        .bare()
        .args(["config", "check"])
        .arg(&config)
        .assert()
        .failure();
    let (_, err) = texts(&check);
    assert!(err.contains("retention"), "{err}");
}

#[test]
fn a_higher_retention_brings_reviews_sooner() {
    let env = Env::new();
    reviewed_good(&env);
    let default = due(&env, "2026-03-03T10:00:00Z", "internet");
    let config = env.write("config.toml", "[review]\nretention = 0.97\n");
    let all = json_with(
        &env,
        "2026-03-03T10:00:00Z",
        &config,
        &["review", "--all", "--json"],
    );
    assert!(
        all[0]["due"].as_str().unwrap() < default.as_str(),
        "{all} vs {default}"
    );
}

#[test]
fn time_spent_is_logged_totalled_and_can_be_taken_back() {
    let env = Env::new();
    let text = ok(&env, "2026-03-01T10:00:00Z", &["spent", "http", "1.5h"]);
    assert_eq!(
        text,
        "Logged 1 h 30 min on HTTP (http) (1 h 30 min in all; estimate 6 h).\n"
    );
    let text = ok(&env, "2026-03-01T11:00:00Z", &["spent", "http", "2h30m"]);
    assert!(text.contains("(4 h in all; estimate 6 h)"), "{text}");
    let text = ok(&env, "2026-03-01T12:00:00Z", &["spent", "http", "-45m"]);
    assert_eq!(
        text,
        "Took back 45 min on HTTP (http) (3 h 15 min in all; estimate 6 h).\n"
    );
    for bad in ["12", "0m", "soon", "500h"] {
        let (_, err) = texts(
            &at(&env, "2026-03-01T12:00:00Z", "UTC", &["spent", "http", bad])
                .failure()
                .code(1),
        );
        assert!(err.contains("nothing was logged"), "{bad}: {err}");
    }
    let log = ok(&env, "2026-03-01T13:00:00Z", &["log"]);
    assert!(log.contains("spent 1 h 30 min"), "{log}");
    assert!(log.contains("spent -45 min"), "{log}");
    let events = json(&env, "2026-03-01T13:00:00Z", &["log", "--json"]);
    assert_eq!(events[0]["kind"], "spent");
    assert_eq!(events[0]["minutes"], -45);
}

#[test]
fn a_wrong_roadmap_now_is_refused() {
    let env = Env::new();
    let (_, err) = texts(
        &at(&env, "next tuesday", "UTC", &["status"])
            .failure()
            .code(1),
    );
    assert!(
        err.contains("ROADMAP_NOW='next tuesday' is not a time"),
        "{err}"
    );
}
