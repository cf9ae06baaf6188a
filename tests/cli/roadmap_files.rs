//! Roadmap files: `validate`, broken files, the built-in roadmap.

use predicates::str::contains;
use serde_json::{Value, json};

use crate::common::{Env, SMALL, small_json, texts};

/// A minimal valid roadmap with two skills `a` and `b`.
fn two_skills(a_requires: &[&str], b_requires: &[&str]) -> Value {
    json!({
        "version": 1, "id": "tiny", "title": "Tiny",
        "stages": [{ "id": "only", "title": "Only", "skills": [
            { "id": "a", "title": "A", "requires": a_requires },
            { "id": "b", "title": "B", "requires": b_requires }
        ]}]
    })
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// Runs `args` with `--roadmap FILE` and expects exit 1; returns stderr.
fn fails(env: &Env, file: &std::path::Path, args: &[&str]) -> String {
    let mut cmd = env.bare();
    cmd.arg("--roadmap").arg(file).args(args);
    let assert = cmd.assert().code(1);
    let (out, err) = texts(&assert);
    assert_eq!(out, "", "nothing on stdout for {args:?}");
    err
}

#[test]
fn validate_summarises_a_good_file() {
    let env = Env::new();
    env.bare()
        .args(["validate", SMALL])
        .assert()
        .success()
        .stdout(
            "ok: tests/fixtures/small.json: 3 stages, 11 skills, 8 count towards progress, 1 choice, 13 prerequisite edges\n",
        );
    // Without FILE it checks the roadmap in use, from the flag or the env.
    env.small(&["validate"])
        .assert()
        .success()
        .stdout(contains("ok: tests/fixtures/small.json: 3 stages"));
    env.bare()
        .env("ROADMAP_FILE", SMALL)
        .arg("validate")
        .assert()
        .success()
        .stdout(contains("11 skills"));
}

#[test]
fn invalid_json_names_file_and_line() {
    let env = Env::new();
    let file = env.write("broken.json", "{\n  \"version\": 1,\n  \"id\": \n");
    let err = fails(&env, &file, &["status"]);
    assert!(err.contains("broken.json: line 4"), "{err}");
    assert!(
        err.contains("line 4, column 1: the file ends where a value should follow (the file is not valid JSON"),
        "{err}"
    );
}

#[test]
fn misspelt_field_names_file_line_and_field() {
    let env = Env::new();
    let mut v = small_json();
    v["stages"][0]["skills"][0]["titel"] = json!("typo");
    let file = env.write("typo.json", &pretty(&v));
    let err = fails(&env, &file, &["validate", file.to_str().unwrap()]);
    assert!(err.contains("typo.json: line "), "{err}");
    assert!(
        err.contains("unknown field 'titel' (did you mean 'title'?)"),
        "{err}"
    );
}

/// Several misspelt fields and bad values in different objects, and an
/// unknown id: all of them in one run, each at its line, in plain words.
#[test]
fn validate_reports_every_problem_in_one_run() {
    let env = Env::new();
    let mut v = small_json();
    v["stages"][0]["skills"][0]["titel"] = json!("typo");
    v["stages"][1]["skills"][0]["hours"] = json!("six");
    v["stages"][1]["skills"][1]["requires"] = json!(["Internet"]);
    v["stages"][2]["descripton"] = json!("typo");
    v["choices"][0]["pick"] = json!(-1);
    let file = env.write("many.json", &pretty(&v));
    let err = fails(&env, &file, &["validate", file.to_str().unwrap()]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    for want in [
        "unknown field 'titel' (did you mean 'title'?)",
        "hours must be a whole number of hours, like 6, but it is the text \"six\"",
        "requires 'Internet', which is not a skill or choice in this roadmap (did you mean 'internet'?)",
        "unknown field 'descripton' (did you mean 'description'?)",
        "pick must be a whole number",
    ] {
        assert!(err.contains(want), "{want:?} in {err}");
    }
    assert!(
        lines.iter().all(|l| l.contains("many.json: line ")),
        "{err}"
    );
    for jargon in ["expected u32", "invalid type", "invalid value", "`"] {
        assert!(!err.contains(jargon), "{jargon}: {err}");
    }
}

#[test]
fn an_empty_file_says_so() {
    let env = Env::new();
    let file = env.write("empty.json", "");
    let err = fails(&env, &file, &["validate", file.to_str().unwrap()]);
    assert!(err.contains("empty.json: the file is empty"), "{err}");
}

#[test]
fn cycle_is_shown_as_a_path() {
    let env = Env::new();
    let file = env.write("cycle.json", &pretty(&two_skills(&["b"], &["a"])));
    let err = fails(&env, &file, &["validate", file.to_str().unwrap()]);
    assert!(err.contains("cycle.json: line "), "{err}");
    assert!(err.contains("cycle in prerequisites: a → b → a"), "{err}");
}

#[test]
fn unknown_require_and_bad_pick_are_all_reported() {
    let env = Env::new();
    let mut v = small_json();
    v["stages"][0]["skills"][1]["requires"] = json!(["internt"]);
    v["choices"][0]["pick"] = json!(0);
    let file = env.write("many.json", &pretty(&v));
    let err = fails(&env, &file, &["validate", file.to_str().unwrap()]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines.iter().all(|l| l.starts_with(file.to_str().unwrap())));
    assert!(
        err.contains("requires 'internt', which is not a skill or choice in this roadmap (did you mean 'internet'?)"),
        "{err}"
    );
    assert!(
        err.contains("choice 'backend-language' has pick 0"),
        "{err}"
    );
    assert!(lines.iter().all(|l| l.contains(": line ")), "{err}");
}

#[test]
fn every_command_refuses_a_broken_roadmap() {
    let env = Env::new();
    let file = env.write("cycle.json", &pretty(&two_skills(&["b"], &["a"])));
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["next"],
        &["list"],
        &["show", "a"],
        &["done", "a"],
        &["validate"],
    ] {
        let err = fails(&env, &file, args);
        assert!(err.contains("cycle.json: line "), "{args:?}: {err}");
    }
    assert!(!env.profile_file("default").exists());
}

#[test]
fn missing_roadmap_file_says_so() {
    let env = Env::new();
    let file = env.home.path().join("nope.json");
    let err = fails(&env, &file, &["status"]);
    assert!(err.contains("nope.json: cannot read the file"), "{err}");
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let env = Env::new();
    let mut v = two_skills(&[], &["a"]);
    v["title"] = json!("Evil\u{1b}]0;pwned\u{7} roadmap");
    v["stages"][0]["skills"][0]["title"] = json!("A\u{1b}[2J\u{202e}");
    let file = env.write("evil.json", &pretty(&v));
    for args in [&["status"][..], &["list"], &["show", "a"], &["next"]] {
        let mut cmd = env.bare();
        cmd.arg("--roadmap").arg(&file).args(args);
        let (out, _) = texts(&cmd.assert().success());
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{out:?}"
        );
    }
}

#[test]
fn builtin_roadmap_validates_and_reports_status() {
    let env = Env::new();
    env.bare()
        .arg("validate")
        .assert()
        .success()
        .stdout(contains("ok: built-in roadmap: "));
    let (out, _) = texts(&env.bare().args(["status", "--json"]).assert().success());
    let v: Value = serde_json::from_str(&out).unwrap();
    for key in [
        "roadmap", "profile", "done", "doing", "skipped", "todo", "total", "percent", "stages",
        "orphans",
    ] {
        assert!(v.get(key).is_some(), "no {key} in {v}");
    }
    let sum: u64 = ["done", "doing", "skipped", "todo"]
        .iter()
        .map(|k| v[k].as_u64().unwrap())
        .sum();
    assert_eq!(Some(sum), v["total"].as_u64());
}

#[test]
fn removed_skill_keeps_its_entry_as_an_orphan() {
    let env = Env::new();
    env.ok(&["done", "internet", "http", "terminal"]);
    // The same roadmap without `terminal`.
    let mut v = small_json();
    v["stages"][0]["skills"].as_array_mut().unwrap().remove(2);
    for skill in v["stages"][1]["skills"].as_array_mut().unwrap() {
        skill["requires"] = json!(
            skill["requires"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| *r != "terminal")
                .collect::<Vec<_>>()
        );
    }
    let trimmed = env.write("trimmed.json", &pretty(&v));
    let run = |args: &[&str]| {
        let mut cmd = env.bare();
        cmd.arg("--roadmap").arg(&trimmed).args(args);
        texts(&cmd.assert().success()).0
    };
    let out = run(&["status"]);
    assert!(
        out.contains("1 entry for skills not in this roadmap (kept; they come back if you switch to a roadmap that has them)"),
        "{out}"
    );
    let status: Value = serde_json::from_str(&run(&["status", "--json"])).unwrap();
    assert_eq!(status["orphans"], 1);
    assert_eq!(status["done"], 2);
    // A change under the trimmed roadmap keeps the orphan entry.
    run(&["done", "go"]);
    let back = env.json(&["status", "--json"]);
    assert_eq!(back["orphans"], 0);
    assert_eq!(back["done"], 4);
    assert_eq!(env.json(&["show", "terminal", "--json"])["status"], "done");
}

/// Issue 18 item 4: `"titel"` for `"title"` no longer hides the unknown
/// prerequisite, the cycle, the duplicate id and the bad pick.
#[test]
fn a_misspelt_required_field_hides_no_other_problem() {
    let env = Env::new();
    let mut v = small_json();
    let internet = &mut v["stages"][0]["skills"][0];
    let title = internet["title"].take();
    internet.as_object_mut().unwrap().remove("title");
    internet["titel"] = title;
    v["stages"][0]["skills"][1]["requires"] = json!(["internet", "pyhton"]);
    v["stages"][2]["skills"][0]["requires"] = json!(["http", "auth"]);
    v["stages"][0]["skills"][3]["id"] = json!("terminal");
    v["choices"][0]["pick"] = json!(4);
    let file = env.write("many.json", &pretty(&v));
    let err = fails(&env, &file, &["validate", file.to_str().unwrap()]);
    for want in [
        "unknown field 'titel' (did you mean 'title'?)",
        "requires 'pyhton', which is not a skill or choice in this roadmap (did you mean 'python'?)",
        "cycle in prerequisites: ",
        "duplicate id 'terminal'",
        "choice 'backend-language' has pick 4, but it must be between 1 and 3",
    ] {
        assert!(err.contains(want), "{want:?} in {err}");
    }
    assert!(err.lines().all(|l| l.contains("many.json: line ")), "{err}");
}
