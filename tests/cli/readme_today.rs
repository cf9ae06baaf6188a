//! The README's "Review and today" capture is what `roadmap today` prints
//! after the evenings it describes, on the built-in roadmap: replayed
//! here with the clock driven by `ROADMAP_NOW`, and compared line by line.

use crate::common::Env;

#[test]
fn the_readmes_today_capture_is_what_the_command_prints() {
    let env = Env::new();
    let run = |now: &str, args: &[&str]| {
        let out = env
            .bare()
            .args(args)
            .env("ROADMAP_NOW", now)
            .env("TZ", "UTC")
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    run(
        "2026-10-01T18:00:00Z",
        &["done", "what-is-backend", "how-the-web-works"],
    );
    run("2026-10-03T19:00:00Z", &["done", "terminal", "internet"]);
    run(
        "2026-10-04T19:00:00Z",
        &["review", "what-is-backend", "good"],
    );
    run("2026-10-07T18:30:00Z", &["done", "dns", "http"]);
    run("2026-10-08T20:00:00Z", &["spent", "learning-path", "45m"]);
    run(
        "2026-10-09T20:00:00Z",
        &["review", "how-the-web-works", "hard"],
    );
    run("2026-10-10T18:00:00Z", &["review", "terminal", "good"]);
    let today = run("2026-10-10T18:20:00Z", &["today"]);
    let readme = include_str!("../../README.md");
    let capture = format!("```text\n$ roadmap today\n{today}```");
    assert!(
        readme.contains(&capture),
        "README.md's \"Review and today\" capture is out of date; `roadmap today` now prints:\n{today}"
    );
}
