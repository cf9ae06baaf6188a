//! Reviews and time entries follow the store's rules: two processes
//! recording them at once lose none and double none; fields a newer build
//! wrote into them survive every command and the backup; a clock set back
//! still stamps a review after the moment the skill was marked done, so it
//! counts.

use std::thread;

use serde_json::Value;

use crate::common::{Env, small_roadmap};

const ROUNDS: usize = 25;

#[test]
fn two_processes_recording_reviews_and_time_lose_and_double_nothing() {
    let env = Env::new();
    let roadmap = small_roadmap();
    env.ok(&roadmap, &["done", "internet", "terminal"]);
    let grades = ["again", "hard", "good", "easy"];
    thread::scope(|scope| {
        for (w, skill) in ["internet", "terminal"].into_iter().enumerate() {
            let (env, roadmap) = (&env, &roadmap);
            scope.spawn(move || {
                for i in 0..ROUNDS {
                    // Both on a shared skill, and each on its own.
                    env.ok(roadmap, &["review", "internet", grades[(i + w) % 4]]);
                    env.ok(
                        roadmap,
                        &["spent", "http", &format!("{}m", 1 + w * 100 + i)],
                    );
                    env.ok(roadmap, &["spent", skill, "1m"]);
                }
            });
        }
    });
    let p = env.load();
    let progress = &p.roadmaps["small"];
    let reviews = &progress.reviews["internet"];
    assert_eq!(reviews.len(), 2 * ROUNDS, "every review, once");
    assert!(
        reviews.windows(2).all(|w| w[0].at < w[1].at),
        "distinct stamps in order"
    );
    let http: Vec<i32> = progress.spent["http"].iter().map(|s| s.minutes).collect();
    assert_eq!(http.len(), 2 * ROUNDS);
    for w in 0..2 {
        for i in 0..ROUNDS {
            let m = i32::try_from(1 + w * 100 + i).unwrap();
            assert_eq!(http.iter().filter(|&&x| x == m).count(), 1, "{m} min once");
        }
    }
    // internet: one worker's own entries; terminal: the other's.
    assert_eq!(progress.spent["internet"].len(), ROUNDS);
    assert_eq!(progress.spent["terminal"].len(), ROUNDS);
    println!(
        "reviews: 2 processes × {ROUNDS} rounds, {} events recorded: {} reviews and {} time entries kept",
        2 * ROUNDS * 3,
        reviews.len(),
        http.len() + 2 * ROUNDS
    );
}

const NEWER: &str = r#"{"version": 1, "roadmaps": {"small": {
  "skills": {"internet": {"status": "done", "changed": "2026-01-01T10:00:00Z", "done_at": "2026-01-01T10:00:00Z",
    "history": [{"at": "2026-01-01T10:00:00Z", "status": "done"}]}},
  "reviews": {"internet": [{"at": "2026-01-03T10:00:00Z", "grade": "good", "device": "laptop", "took_s": 12.50}]},
  "spent": {"internet": [{"at": "2026-01-03T11:00:00Z", "minutes": 45, "source": {"timer": "pomodoro"}}]},
  "review_log_v2": {"anything": [1, 2]}}}}"#;

fn check(path: &std::path::Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let small = &v["roadmaps"]["small"];
    assert_eq!(
        small["reviews"]["internet"][0]["device"], "laptop",
        "{text}"
    );
    assert!(text.contains("12.50"), "every digit kept: {text}");
    assert_eq!(
        small["spent"]["internet"][0]["source"]["timer"], "pomodoro",
        "{text}"
    );
    assert_eq!(small["review_log_v2"]["anything"][1], 2, "{text}");
}

#[test]
fn fields_a_newer_build_wrote_into_reviews_and_time_survive() {
    let env = Env::new();
    let roadmap = small_roadmap();
    std::fs::create_dir_all(env.home()).unwrap();
    std::fs::write(env.profile(), NEWER).unwrap();
    for args in [
        &["review", "internet", "easy"][..],
        &["spent", "internet", "20m"],
        &["done", "terminal"],
        &["note", "internet", "-m", "ok"],
    ] {
        env.ok(&roadmap, args);
        check(&env.profile());
    }
    check(&env.profile().with_extension("json.bak"));
    let p = env.load();
    assert_eq!(p.roadmaps["small"].reviews["internet"].len(), 2);
    assert_eq!(
        p.minutes_spent(
            &roadmap::model::load(&std::fs::read(&roadmap).unwrap(), "s").unwrap(),
            0
        ),
        65
    );
}

#[test]
fn a_clock_set_back_still_records_the_review_after_the_done_mark() {
    let env = Env::new();
    let roadmap = small_roadmap();
    let at = |now: &str, args: &[&str]| {
        let out = env
            .with(&roadmap, args)
            .env("ROADMAP_NOW", now)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    at("2026-03-10T10:00:00Z", &["done", "internet"]);
    // This machine's clock reads a week earlier.
    at("2026-03-03T10:00:00Z", &["review", "internet", "easy"]);
    let p = env.load();
    let review = &p.roadmaps["small"].reviews["internet"][0];
    let done = p.roadmaps["small"].skills["internet"].changed;
    assert!(review.at > done, "{} after {done}", review.at);
    // So it counts: one review in the schedule.
    let all: Value =
        serde_json::from_str(&at("2026-03-10T11:00:00Z", &["review", "--all", "--json"])).unwrap();
    assert_eq!(all[0]["reviews"], 1, "{all}");
}
