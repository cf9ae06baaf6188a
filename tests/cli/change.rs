//! `done`, `start`, `skip`, `reset`: what is written and what is said.

use predicates::str::contains;

use crate::common::{Env, texts};

#[test]
fn done_marks_and_reports_unlocked_skills() {
    let env = Env::new();
    let out = env.ok(&["done", "internet"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "done: How the internet works (internet)");
    assert!(lines.contains(&"unlocked: HTTP (http)"), "{out}");
    assert!(
        out.contains("progress: 1/8 finished (12%) on Small Test Roadmap · 155 h left"),
        "{out}"
    );
    assert!(env.profile_file("default").is_file());
    assert_eq!(env.json(&["show", "internet", "--json"])["status"], "done");
}

#[test]
fn marking_again_says_already_and_writes_nothing() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    let before = std::fs::read(env.profile_file("default")).unwrap();
    let out = env.ok(&["done", "internet"]);
    assert_eq!(out, "internet is already done\n");
    assert_eq!(std::fs::read(env.profile_file("default")).unwrap(), before);
    assert_eq!(env.ok(&["reset", "jwt"]), "jwt is already todo\n");
}

#[test]
fn start_skip_reset_set_each_status() {
    let env = Env::new();
    assert!(env.ok(&["start", "go"]).starts_with("doing: Go (go)\n"));
    assert_eq!(env.json(&["show", "go", "--json"])["status"], "doing");
    assert!(env.ok(&["skip", "go"]).starts_with("skipped: Go (go)\n"));
    assert_eq!(env.json(&["show", "go", "--json"])["status"], "skipped");
    assert!(env.ok(&["reset", "go"]).starts_with("todo: Go (go)\n"));
    assert_eq!(env.json(&["show", "go", "--json"])["status"], "todo");
}

#[test]
fn alias_marks_the_skill_it_names() {
    let env = Env::new();
    let out = env.ok(&["done", "http-basics"]);
    assert!(out.starts_with("done: HTTP (http)\n"), "{out}");
    assert_eq!(env.json(&["show", "http", "--json"])["status"], "done");
    // An id and its alias in one command change the skill once.
    let out = env.ok(&["skip", "http", "http-basics"]);
    assert_eq!(out.matches("(http)").count(), 1, "{out}");
}

#[test]
fn several_ids_change_together() {
    let env = Env::new();
    let out = env.ok(&["done", "internet", "http", "terminal"]);
    assert!(out.contains("done: How the internet works (internet)\n"));
    assert!(out.contains("done: HTTP (http)\n"));
    assert!(out.contains("done: The terminal (terminal)\n"));
    // http's prerequisite was finished in the same command: no note.
    assert!(!out.contains("note:"), "{out}");
    assert_eq!(env.json(&["status", "--json"])["done"], 3);
}

#[test]
fn out_of_order_is_allowed_with_a_note() {
    let env = Env::new();
    let out = env.ok(&["done", "jwt"]);
    assert!(out.starts_with("done: JWT (jwt)\n"), "{out}");
    assert!(
        out.contains(
            "note: its prerequisites are not finished yet: Authentication (auth), HTTP (http)"
        ),
        "{out}"
    );
    let out = env.ok(&["start", "rest"]);
    assert!(
        out.contains("Pick one backend language (one of python, go, java)"),
        "{out}"
    );
    assert_eq!(env.json(&["status", "--json"])["done"], 1);
}

#[test]
fn unknown_id_fails_with_a_hint_and_writes_nothing() {
    let env = Env::new();
    let assert = env.small(&["done", "internet", "pyhton"]).assert().code(1);
    let (out, err) = texts(&assert);
    assert_eq!(out, "");
    assert!(
        err.contains("error: unknown skill 'pyhton' (did you mean 'python'?)"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(!env.profile_file("default").exists());
}

#[test]
fn unknown_ids_leave_an_existing_profile_untouched() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    let before = std::fs::read(env.profile_file("default")).unwrap();
    let assert = env
        .small(&["done", "http", "zzzzzz", "htpp"])
        .assert()
        .code(1);
    let (_, err) = texts(&assert);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(
        errors,
        [
            "error: unknown skill 'zzzzzz'",
            "error: unknown skill 'htpp' (did you mean 'http'?)"
        ]
    );
    assert_eq!(std::fs::read(env.profile_file("default")).unwrap(), before);
}

#[test]
fn stage_and_choice_ids_are_explained() {
    let env = Env::new();
    env.small(&["done", "basics"])
        .assert()
        .code(1)
        .stderr(contains("'basics' is a stage, not a skill"));
    env.small(&["start", "backend-language"])
        .assert()
        .code(1)
        .stderr(contains("use one of its options: python, go, java"));
    assert!(!env.profile_file("default").exists());
}

#[test]
fn a_change_needs_an_id() {
    let env = Env::new();
    for verb in ["done", "start", "skip", "reset"] {
        env.small(&[verb])
            .assert()
            .code(2)
            .stderr(contains("required"));
    }
}

#[test]
fn typed_ids_are_sanitised_in_errors() {
    let env = Env::new();
    let assert = env.small(&["done", "x\u{1b}[2Jy"]).assert().code(1);
    let (_, err) = texts(&assert);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("unknown skill 'x�[2Jy'"), "{err}");
}

#[test]
fn a_second_option_of_a_made_choice_is_said_to_add_nothing() {
    let env = Env::new();
    env.ok(&["done", "terminal", "python"]);
    let out = env.ok(&["done", "go"]);
    assert!(
        out.contains(
            "  note: 'Pick one backend language' was already made: go adds nothing to progress"
        ),
        "{out}"
    );
    assert!(out.contains("progress: 2/8 finished"), "{out}");
    // Picking the first option says nothing of the kind.
    let env = Env::new();
    let out = env.ok(&["done", "terminal", "python"]);
    assert!(!out.contains("already made"), "{out}");
}
