//! Counting and choices on the command line: skipping an option declines
//! it, totals never jump, `status --json` has the same fields per stage,
//! feedback from the first tick, reasons, `show CHOICE-ID`.

use assert_cmd::Command;
use serde_json::Value;

use crate::common::{Env, ids};

/// `roadmap --roadmap tests/fixtures/tui.json ARGS` (20 counted units).
fn tui(env: &Env, args: &[&str]) -> Command {
    let mut cmd = env.bare();
    cmd.arg("--roadmap")
        .arg("tests/fixtures/tui.json")
        .args(args);
    cmd
}

fn tui_ok(env: &Env, args: &[&str]) -> String {
    let out = tui(env, args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn skipping_an_option_declines_it() {
    let env = Env::new();
    env.ok(&["done", "terminal"]);
    let out = env.ok(&["skip", "java"]);
    assert!(
        out.contains("note: java is declined for 'Pick one backend language', not picked"),
        "{out}"
    );
    assert!(!out.contains("unlocked:"), "nothing unlocks: {out}");
    let deep = env.json(&["show", "language-deep", "--json"]);
    assert_eq!(deep["locked"], true, "no language learnt yet");
    let v = env.json(&["status", "--json"]);
    assert_eq!(v["total"], 8, "the total stays");
    assert_eq!(v["finished"], 1, "only the terminal");
    // Marking Python done picks it.
    let out = env.ok(&["done", "python"]);
    assert!(
        out.contains("unlocked: Learn your language deeply (language-deep)"),
        "{out}"
    );
    assert_eq!(env.json(&["status", "--json"])["finished"], 2);
}

#[test]
fn declining_every_option_skips_the_choice() {
    let env = Env::new();
    let out = env.ok(&["skip", "python", "go", "java"]);
    assert!(!out.contains("note:"), "the choice is settled: {out}");
    let v = env.json(&["status", "--json"]);
    assert_eq!(
        (v["skipped"].as_u64(), v["total"].as_u64()),
        (Some(1), Some(8))
    );
    let choice = env.json(&["show", "backend-language", "--json"]);
    assert_eq!(choice["satisfied"], true);
    assert_eq!(choice["declined"], true);
}

#[test]
fn the_total_does_not_jump_when_the_learner_picks() {
    let env = Env::new();
    let before = env.json(&["status", "--json"]);
    env.ok(&["done", "go"]);
    let after = env.json(&["status", "--json"]);
    assert_eq!(before["total"], after["total"]);
    assert_eq!(after["finished"], 1);
    for (b, a) in before["stages"]
        .as_array()
        .unwrap()
        .iter()
        .zip(after["stages"].as_array().unwrap())
    {
        assert_eq!(b["total"], a["total"], "{}", b["id"]);
    }
    // validate agrees with status and explains the difference.
    let out = env.ok(&["validate"]);
    assert!(out.contains("11 skills, 8 count towards progress"), "{out}");
}

#[test]
fn status_json_stages_have_the_same_fields_as_the_top_level() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    env.ok(&["skip", "http"]);
    env.ok(&["start", "terminal"]);
    let v = env.json(&["status", "--json"]);
    let fields = [
        "total",
        "done",
        "doing",
        "skipped",
        "todo",
        "finished",
        "percent",
        "complete",
        "hours_left",
    ];
    for key in fields {
        assert!(!v[key].is_null(), "top level lacks {key}: {v}");
    }
    let basics = &v["stages"][0];
    let keys = |o: &Value| -> Vec<String> {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.retain(|k| fields.contains(&k.as_str()));
        k.sort();
        k
    };
    assert_eq!(keys(basics), keys(&v));
    // The same meanings: done is done only, finished adds skipped.
    assert_eq!(basics["done"], 1);
    assert_eq!(basics["skipped"], 1);
    assert_eq!(basics["doing"], 1);
    assert_eq!(basics["finished"], 2);
    assert_eq!(basics["total"], 3);
    assert_eq!(basics["hours_left"], 8);
    assert_eq!(v["done"], 1);
    assert_eq!(v["finished"], 2);
    let sum = |k: &str| -> u64 {
        v["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s[k].as_u64().unwrap())
            .sum()
    };
    for key in [
        "total",
        "done",
        "doing",
        "skipped",
        "todo",
        "finished",
        "hours_left",
    ] {
        assert_eq!(
            Some(sum(key)),
            v[key].as_u64(),
            "stages sum to the top level: {key}"
        );
    }
}

#[test]
fn the_first_tick_shows_in_status_and_after_the_change() {
    let env = Env::new();
    let out = tui_ok(&env, &["done", "dns"]);
    assert!(
        out.contains("progress: 1/20 finished (5.0%)") && out.contains("275 h left"),
        "{out}"
    );
    let out = tui_ok(&env, &["status"]);
    let overall = out.lines().find(|l| l.starts_with("Overall")).unwrap();
    assert!(overall.contains("▊░"), "a partial block: {overall}");
    assert!(overall.contains("5.0%  275 h left"), "{overall}");
}

#[test]
fn finishing_a_stage_and_the_roadmap_says_so() {
    let env = Env::new();
    env.ok(&["done", "internet", "http"]);
    let out = env.ok(&["skip", "terminal"]);
    assert!(out.contains("stage finished: Basics ✓"), "{out}");
    let out = env.ok(&["reset", "terminal"]);
    assert!(out.contains("stage reopened: Basics"), "{out}");
    let out = env.ok(&["done", "terminal", "go", "language-deep", "rest", "auth"]);
    assert!(out.contains("stage finished: Basics ✓"), "{out}");
    assert!(out.contains("stage finished: Languages ✓"), "{out}");
    assert!(!out.contains("Roadmap finished"), "{out}");
    let out = env.ok(&["done", "jwt"]);
    assert!(out.contains("stage finished: APIs ✓"), "{out}");
    assert!(out.contains("progress: 8/8 finished (100%)"), "{out}");
    assert!(out.contains("Roadmap finished"), "{out}");
    let status = env.ok(&["status"]);
    assert!(status.contains("finished ✓"), "{status}");
}

#[test]
fn status_shows_hours_left_per_stage_and_overall() {
    let env = Env::new();
    let out = env.ok(&["status"]);
    let row = |title: &str| {
        out.lines()
            .find(|l| l.starts_with(title))
            .unwrap()
            .to_string()
    };
    // The cheapest language (40 h) counts, not all three.
    assert!(row("Overall").ends_with("159 h left"), "{out}");
    assert!(row("Languages").ends_with("120 h left"), "{out}");
    assert!(row("Basics").ends_with("18 h left"), "{out}");
}

#[test]
fn reasons_tell_suggestions_apart() {
    let env = Env::new();
    env.ok(&["done", "internet", "terminal"]);
    let next = env.json(&["next", "-n", "10", "--json"]);
    let reason = |id: &str| -> String {
        next.as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["reason"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(reason("http"), "required by 2 skills");
    // The languages are one entry: the choice.
    assert_eq!(reason("backend-language"), "3 options, cheapest 40 h");
    assert_eq!(reason("trivia"), "next in Basics · optional");
    for s in next.as_array().unwrap() {
        let r = s["reason"].as_str().unwrap();
        assert!(r.chars().count() <= 40, "{r}");
        assert_ne!(r, "prerequisites done");
    }
}

#[test]
fn show_a_choice_lists_options_and_what_requires_it() {
    let env = Env::new();
    env.ok(&["done", "terminal", "go"]);
    env.ok(&["skip", "java"]);
    let out = env.ok(&["show", "backend-language"]);
    for want in [
        "Pick one backend language (backend-language)\n",
        "choice:   pick 1 of 3 options",
        "status:   made: 1 of 1 picked",
        "counts:   as 1 skill towards progress, in Languages (languages)",
        "[ ]   Python (python) — not picked · 40 h",
        "[x]   Go (go) — picked · 40 h",
        "[-]   Java (java) — declined · 60 h",
        "Required by:\n  [ ]   Learn your language deeply (language-deep)\n  [ ] ⊘ REST APIs (rest)\n",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
    let v = env.json(&["show", "backend-language", "--json"]);
    assert_eq!(v["kind"], "choice");
    assert_eq!(v["pick"], 1);
    assert_eq!(v["picked"], 1);
    assert_eq!(v["satisfied"], true);
    assert_eq!(v["stage"], "languages");
    assert_eq!(ids(&v["options"]), ["python", "go", "java"]);
    assert_eq!(v["options"][1]["state"], "picked");
    assert_eq!(v["options"][2]["state"], "declined");
    assert_eq!(v["options"][0]["state"], "not picked");
    assert_eq!(ids(&v["required_by"]), ["language-deep", "rest"]);
    assert_eq!(v["required_by"][1]["locked"], true);
    // A skill still shows as a skill.
    assert_eq!(env.json(&["show", "go", "--json"])["kind"], "skill");
}

#[test]
fn an_open_choice_says_how_to_pick() {
    let env = Env::new();
    let out = env.ok(&["show", "backend-language"]);
    assert!(
        out.contains("open: 0 of 1 picked; mark the option you learn done"),
        "{out}"
    );
}

#[test]
fn dates_are_shown_in_the_local_time_zone_and_stored_in_utc() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    let out = env
        .small(&["show", "internet"])
        .env("TZ", "UTC-9")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let done = text.lines().find(|l| l.contains("done:")).unwrap();
    assert!(done.ends_with("+09:00"), "{done}");
    let stored = std::fs::read_to_string(env.profile_file("default")).unwrap();
    assert!(!stored.contains("+09:00"), "{stored}");
    let json = env.json(&["show", "internet", "--json"]);
    assert!(json["done"].as_str().unwrap().ends_with('Z'), "{json}");
}
