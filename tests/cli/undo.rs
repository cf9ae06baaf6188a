//! Issue 18 item 21: `roadmap undo` takes back the last command-line
//! change, whole commands at a time, notes included, and refuses to
//! overwrite a change made elsewhere since.

use serde_json::{Value, json};

use crate::common::{Env, texts};

fn status(env: &Env, id: &str) -> String {
    env.json(&["show", id, "--json"])["status"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn undo_takes_back_commands_last_first_and_says_what() {
    let env = Env::new();
    env.ok(&["done", "internet", "terminal"]);
    env.ok(&["start", "http"]);
    let out = env.ok(&["undo"]);
    assert!(
        out.starts_with("undone: HTTP (http) → todo (was doing)\n"),
        "{out}"
    );
    assert_eq!(status(&env, "http"), "todo");
    assert_eq!(status(&env, "internet"), "done");
    // The whole `done internet terminal` at once.
    let out = env.ok(&["undo"]);
    assert!(
        out.contains("undone: The terminal (terminal) → todo (was done)"),
        "{out}"
    );
    assert!(
        out.contains("undone: How the internet works (internet) → todo (was done)"),
        "{out}"
    );
    assert!(out.contains("locked again: HTTP (http)"), "{out}");
    assert_eq!(status(&env, "internet"), "todo");
    let out = env.ok(&["undo"]);
    assert!(out.starts_with("Nothing to undo"), "{out}");
    // History is kept: every change and every undo is in the log.
    let log = env.ok(&["log"]);
    assert_eq!(log.matches("(internet)").count(), 2, "{log}");
}

#[test]
fn a_cleared_note_comes_back() {
    let env = Env::new();
    env.ok(&["note", "http", "-m", "read RFC 9110"]);
    env.ok(&["note", "http", "--clear"]);
    let out = env.ok(&["undo"]);
    assert_eq!(
        out,
        "undone: the note on HTTP (http) is back (it had been cleared)\n"
    );
    assert_eq!(env.ok(&["note", "http", "--show"]), "read RFC 9110\n");
    let out = env.ok(&["undo"]);
    assert!(out.contains("is gone again"), "{out}");
}

#[test]
fn a_skill_changed_elsewhere_since_is_left_alone() {
    let env = Env::new();
    env.ok(&["done", "http"]);
    // Another window (which does not record for `roadmap undo`) marks it
    // doing later.
    let file = env.profile_file("default");
    let mut p: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let http = &mut p["roadmaps"]["small"]["skills"]["http"];
    http["status"] = json!("doing");
    http["changed"] = json!("2999-01-01T00:00:00Z");
    http["history"]
        .as_array_mut()
        .unwrap()
        .push(json!({"at": "2999-01-01T00:00:00Z", "status": "doing"}));
    std::fs::write(&file, p.to_string()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let out = env.small(&["undo"]).assert().code(1);
    let (_, err) = texts(&out);
    assert!(
        err.contains(
            "not undone: http was changed elsewhere after it was marked done (it is doing now)"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing changed");
    // The step is used up: the next undo has nothing left.
    assert!(env.ok(&["undo"]).starts_with("Nothing to undo"));
}

#[test]
fn undo_json_says_what_was_taken_back() {
    let env = Env::new();
    let v = env.json(&["undo", "--json"]);
    assert_eq!(v, json!({"undone": false, "changes": []}));
    env.ok(&["skip", "go"]);
    let v = env.json(&["undo", "--json"]);
    assert_eq!(v["undone"], true);
    let change = &v["changes"][0];
    assert_eq!(change["outcome"], "undone");
    assert_eq!(change["kind"], "status");
    assert_eq!(change["skill"], "go");
    assert_eq!(change["before"], "todo");
    assert_eq!(change["after"], "skipped");
    assert!(change["changed"].as_str().unwrap().ends_with('Z'));
}
