//! `list` and `show`.

use std::io::Read;
use std::process::Stdio;

use predicates::str::contains;
use serde_json::Value;

use crate::common::{Env, ids, texts};

fn line_of<'a>(out: &'a str, id: &str) -> &'a str {
    let needle = format!("({id})");
    out.lines()
        .find(|l| l.contains(&needle) && l.trim_start().starts_with('['))
        .unwrap_or_else(|| panic!("no line for {id} in:\n{out}"))
}

#[test]
fn list_groups_by_stage_with_marks() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    env.ok(&["start", "terminal"]);
    env.ok(&["skip", "trivia"]);
    let out = env.ok(&["list"]);
    let headings: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' ') && l.ends_with(')'))
        .collect();
    assert_eq!(
        headings,
        ["Basics (basics)", "Languages (languages)", "APIs (apis)"]
    );
    assert!(line_of(&out, "internet").starts_with("  [x]"));
    assert!(line_of(&out, "terminal").starts_with("  [~]"));
    assert!(line_of(&out, "trivia").starts_with("  [-]"));
    assert!(line_of(&out, "trivia").contains("optional"));
    // http is unlocked now, rest is not.
    assert!(line_of(&out, "http").starts_with("  [ ]   HTTP"));
    let rest = line_of(&out, "rest");
    assert!(rest.starts_with("  [ ] ⊘ REST APIs"), "{rest}");
    assert!(
        rest.contains(
            "locked: needs HTTP (http), Pick one backend language (one of python, go, java)"
        ),
        "{rest}"
    );
}

#[test]
fn list_filters_by_stage_and_status() {
    let env = Env::new();
    let out = env.ok(&["list", "--stage", "languages"]);
    assert!(out.starts_with("Languages (languages)\n"), "{out}");
    assert!(!out.contains("Basics") && !out.contains("(http)"), "{out}");
    assert_eq!(out.matches("  [ ]").count(), 4, "{out}");

    env.ok(&["done", "internet", "go"]);
    let done = ids(&env.json(&["list", "--status", "done", "--json"]));
    assert_eq!(done, ["internet", "go"]);
    let out = env.ok(&["list", "--status", "doing"]);
    assert_eq!(out, "No skills are in progress here.\n");
    env.small(&["list", "--status", "finished"])
        .assert()
        .code(2);
}

#[test]
fn list_json_shape() {
    let env = Env::new();
    env.ok(&["done", "terminal", "go"]);
    let v = env.json(&["list", "--json"]);
    assert_eq!(v.as_array().unwrap().len(), 11);
    let find = |id: &str| -> &Value {
        v.as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
    };
    let http = find("http");
    assert_eq!(http["title"], "HTTP");
    assert_eq!(http["stage"], "basics");
    assert_eq!(http["status"], "todo");
    assert_eq!(http["locked"], true);
    assert_eq!(find("internet")["locked"], false);
    assert_eq!(find("trivia")["optional"], true);
    assert_eq!(find("go")["status"], "done");
    assert_eq!(find("python")["counted"], false);
    assert_eq!(find("language-deep")["locked"], false);
}

#[test]
fn unknown_stage_fails_with_hint_and_stage_list() {
    let env = Env::new();
    env.small(&["list", "--stage", "bascis"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("unknown stage 'bascis' (did you mean 'basics'?)"))
        .stderr(contains(
            "stages of this roadmap: basics (Basics), languages (Languages), apis (APIs)",
        ));
    let assert = env.small(&["list", "--stage", "zzz"]).assert().code(1);
    let (_, err) = texts(&assert);
    assert!(err.contains("unknown stage 'zzz'\n"), "{err}");
}

#[test]
fn closed_pipe_is_not_an_error() {
    let env = Env::new();
    // More output than a pipe buffers, so the write must hit the closed pipe.
    let skills: Vec<Value> = (0..3000)
        .map(|i| serde_json::json!({ "id": format!("skill-{i}"), "title": format!("A skill with a longish title, number {i}") }))
        .collect();
    let big = serde_json::json!({
        "version": 1, "id": "big", "title": "Big",
        "stages": [{ "id": "all", "title": "All", "skills": skills }]
    });
    let file = env.write("big.json", &big.to_string());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .env("ROADMAP_HOME", env.home.path())
        .env("ROADMAP_CONFIG", env.home.path().join("no-config.toml"))
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE")
        .arg("--roadmap")
        .arg(&file)
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the reading end, like `| head -1`.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?} {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn show_text_has_everything() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    let out = env.ok(&["show", "http"]);
    for want in [
        "HTTP (http)\n",
        "stage:    Basics (basics)",
        "status:   [ ] todo",
        "hours:    about 6",
        "aliases:  http-basics",
        "Requests, responses, methods and status codes.",
        "Prerequisites:\n  [x] How the internet works (internet)\n",
        "Unlocks:\n  [ ] REST APIs (rest)\n  [ ] JWT (jwt)\n",
        "RFC 9110 [official]",
        "https://www.rfc-editor.org/rfc/rfc9110",
        "started:      —",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
}

#[test]
fn show_accepts_aliases_and_any_case() {
    let env = Env::new();
    assert!(
        env.ok(&["show", "http-basics"])
            .starts_with("HTTP (http)\n")
    );
    assert!(env.ok(&["show", "HTTP"]).starts_with("HTTP (http)\n"));
}

#[test]
fn show_choice_prerequisites_and_dependents() {
    let env = Env::new();
    env.ok(&["done", "go"]);
    let out = env.ok(&["show", "rest"]);
    assert!(
        out.contains("[x] Pick one backend language (backend-language): pick 1 of\n      [ ] Python (python)\n      [x] Go (go)\n"),
        "{out}"
    );
    let v = env.json(&["show", "rest", "--json"]);
    assert_eq!(v["requires"][0]["kind"], "skill");
    assert_eq!(v["requires"][0]["id"], "http");
    assert_eq!(v["requires"][0]["status"], "todo");
    assert_eq!(v["requires"][0]["satisfied"], false);
    let choice = &v["requires"][1];
    assert_eq!(choice["kind"], "choice");
    assert_eq!(choice["id"], "backend-language");
    assert_eq!(choice["pick"], 1);
    assert_eq!(choice["satisfied"], true);
    assert_eq!(ids(&choice["options"]), ["python", "go", "java"]);
    assert_eq!(choice["options"][1]["status"], "done");
    assert_eq!(ids(&v["unlocks"]), ["auth"]);
    assert_eq!(v["locked"], true);

    // An option of a choice unlocks what requires the choice.
    let python = env.json(&["show", "python", "--json"]);
    assert_eq!(ids(&python["choices"]), ["backend-language"]);
    assert_eq!(ids(&python["unlocks"]), ["language-deep", "rest"]);
    assert_eq!(python["counted"], false);
    assert!(
        env.ok(&["show", "python"])
            .contains("One option of: Pick one backend language")
    );
}

#[test]
fn show_json_fields_and_dates() {
    let env = Env::new();
    let fresh = env.json(&["show", "http", "--json"]);
    assert_eq!(fresh["title"], "HTTP");
    assert_eq!(fresh["stage"], "basics");
    assert_eq!(fresh["stage_title"], "Basics");
    assert_eq!(fresh["hours"], 6);
    assert_eq!(fresh["optional"], false);
    assert_eq!(fresh["aliases"][0], "http-basics");
    assert_eq!(fresh["resources"][0]["kind"], "official");
    assert_eq!(fresh["resources"][0]["title"], "RFC 9110");
    assert!(fresh["started"].is_null() && fresh["done"].is_null());

    env.ok(&["start", "http"]);
    env.ok(&["done", "http"]);
    let v = env.json(&["show", "http", "--json"]);
    let date = |k: &str| chrono::DateTime::parse_from_rfc3339(v[k].as_str().unwrap()).unwrap();
    assert!(date("started") <= date("done"));
    assert_eq!(date("done"), date("changed"));
    assert!(!env.ok(&["show", "http"]).contains("done:         —"));
}

#[test]
fn show_unknown_id_fails_with_hint() {
    let env = Env::new();
    env.small(&["show", "pyhton"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "unknown skill or choice 'pyhton' (did you mean 'python'?)",
        ));
    env.small(&["show"]).assert().code(2);
}
