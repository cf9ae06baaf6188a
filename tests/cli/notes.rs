//! `roadmap note`, `roadmap search` and `roadmap goal`.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::common::{Env, texts};

/// A fake editor: a shell script run as `$EDITOR FILE`.
fn editor(env: &Env, name: &str, body: &str) -> PathBuf {
    let path = env.home.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn with_editor(env: &Env, script: &Path, tmp: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    env.small(args)
        .env("EDITOR", script)
        .env_remove("VISUAL")
        .env("TMPDIR", tmp)
        .assert()
}

#[test]
fn a_note_grows_by_paragraphs_prints_and_clears() {
    let env = Env::new();
    env.ok(&["note", "internet", "-m", "Packets *hop*."]);
    env.ok(&["note", "internet", "-m", "See https://example.com/tcp"]);
    assert_eq!(
        env.ok(&["note", "internet", "--show"]),
        "Packets *hop*.\n\nSee https://example.com/tcp\n"
    );
    let show = env.ok(&["show", "internet"]);
    assert!(show.contains("Your note"), "{show}");
    assert!(show.contains("  See https://example.com/tcp"), "{show}");
    let json = env.json(&["show", "internet", "--json"]);
    assert_eq!(
        json["note"],
        "Packets *hop*.\n\nSee https://example.com/tcp"
    );
    assert!(env.ok(&["note", "internet", "--clear"]).contains("Cleared"));
    assert!(env.ok(&["note", "internet", "--show"]).contains("No note"));
    assert_eq!(
        env.json(&["show", "internet", "--json"])["note"],
        serde_json::Value::Null
    );
}

#[test]
fn an_unknown_skill_or_an_empty_paragraph_is_refused() {
    let env = Env::new();
    let a = env.small(&["note", "nope", "-m", "x"]).assert().failure();
    assert!(texts(&a).1.contains("unknown skill 'nope'"));
    let a = env
        .small(&["note", "internet", "-m", "  "])
        .assert()
        .failure();
    assert!(texts(&a).1.contains("empty"));
}

#[test]
fn the_editor_writes_the_note() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    env.ok(&["note", "http", "-m", "old line"]);
    let script = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/old/new/' "$1"; echo '- a list item' >> "$1""#,
    );
    let a = with_editor(&env, &script, tmp.path(), &["note", "http"]).success();
    assert!(
        texts(&a).0.contains("Saved the note on HTTP"),
        "{}",
        texts(&a).0
    );
    assert_eq!(
        env.ok(&["note", "http", "--show"]),
        "new line\n- a list item\n"
    );
    // The temporary file is gone once the note is saved.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn a_failed_editor_keeps_what_was_typed_and_says_where() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    env.ok(&["note", "http", "-m", "before"]);
    let script = editor(&env, "bad.sh", r#"echo 'typed in vain' >> "$1"; exit 3"#);
    let a = with_editor(&env, &script, tmp.path(), &["note", "http"]).failure();
    let err = texts(&a).1;
    assert!(err.contains("exited with code 3"), "{err}");
    let kept: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(err.contains(&kept[0].display().to_string()), "{err}");
    assert!(
        std::fs::read_to_string(&kept[0])
            .unwrap()
            .contains("typed in vain")
    );
    let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "only its owner can read the note");
    assert_eq!(env.ok(&["note", "http", "--show"]), "before\n");
}

#[test]
fn an_edit_racing_another_save_keeps_both_and_says_so() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    env.ok(&["note", "http", "-m", "start"]);
    // While the editor is open, another `roadmap` replaces the note.
    let bin = env!("CARGO_BIN_EXE_roadmap");
    let other = editor(&env, "other.sh", r#"echo 'from the other window' > "$1""#);
    let body = format!(
        r#"EDITOR={} {bin} --roadmap tests/fixtures/small.json note http
echo 'from this editor' > "$1""#,
        other.display()
    );
    let script = editor(&env, "racing.sh", &body);
    let a = with_editor(&env, &script, tmp.path(), &["note", "http"]).success();
    let out = texts(&a).0;
    assert!(out.contains("both versions are kept"), "{out}");
    let note = env.ok(&["note", "http", "--show"]);
    assert!(
        note.starts_with(roadmap::model::note::CONFLICT_MARK),
        "{note}"
    );
    let (other, mine) = (
        note.find("from the other window"),
        note.find("from this editor"),
    );
    assert!(other.is_some() && mine.is_some() && other < mine, "{note}");
    assert!(
        note.contains("'roadmap note'"),
        "where each came from: {note}"
    );
}

#[test]
fn search_covers_notes() {
    let env = Env::new();
    env.ok(&["note", "terminal", "-m", "tmux splits and zsh completion"]);
    let out = env.ok(&["search", "tmux"]);
    assert!(out.contains("terminal"), "{out}");
    assert!(out.contains("(in your note)"), "{out}");
    let json = env.json(&["search", "tmux", "--json"]);
    assert_eq!(json[0]["id"], "terminal");
    assert_eq!(json[0]["in_note"], true);
    assert!(json[0]["status"].is_string() && json[0]["stage"].is_string());
    // Titles are searched too.
    assert_eq!(env.json(&["search", "HTTP", "--json"])[0]["id"], "http");
    assert!(env.ok(&["search", "zzzqqq"]).contains("No skill matches"));
}

#[test]
fn a_goal_says_what_it_needs_and_clears() {
    let env = Env::new();
    assert!(env.json(&["status", "--json"])["goal"].is_null());
    let out = env.ok(&["goal", "2099-12-31"]);
    assert!(out.contains("2099-12-31"), "{out}");
    let status = env.ok(&["status"]);
    assert!(status.contains("goal 2099-12-31 · "), "{status}");
    assert!(status.contains("h a week"), "{status}");
    let goal = &env.json(&["status", "--json"])["goal"];
    assert_eq!(goal["date"], "2099-12-31");
    assert_eq!(goal["verdict"], "unknown");
    assert!(goal["hours_per_week"].as_f64().unwrap() > 0.0);
    assert!(goal["days_left"].as_i64().unwrap() > 0);
    // A skill finished today is no pace yet: the journal's pace needs two
    // weeks of history (tests/cli/journal_notes.rs has one).
    env.ok(&["done", "internet"]);
    let goal = &env.json(&["status", "--json"])["goal"];
    assert_eq!(goal["verdict"], "unknown");
    assert!(goal["pace_per_week"].is_null(), "{goal}");
    env.ok(&["goal", "2000-01-01"]);
    assert_eq!(
        env.json(&["status", "--json"])["goal"]["verdict"],
        "overdue"
    );
    assert!(env.ok(&["goal", "--clear"]).contains("Cleared"));
    assert!(env.json(&["status", "--json"])["goal"].is_null());
    let a = env.small(&["goal", "next tuesday"]).assert().failure();
    assert!(texts(&a).1.contains("YYYY-MM-DD"));
}

#[test]
fn the_editor_command_may_carry_arguments_and_visual_comes_first() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    // Not executable: it only runs as `sh FILE NOTE`.
    let script = env.home.path().join("plain.sh");
    std::fs::write(&script, "echo 'via sh' > \"$1\"\n").unwrap();
    let wrong = editor(&env, "wrong.sh", "exit 9");
    env.small(&["note", "http"])
        .env("VISUAL", format!("sh {}", script.display()))
        .env("EDITOR", &wrong)
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    assert_eq!(env.ok(&["note", "http", "--show"]), "via sh\n");
}

#[test]
fn a_killed_editor_keeps_what_was_typed() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    let script = editor(
        &env,
        "killed.sh",
        r#"echo 'almost saved' >> "$1"; kill -9 $$"#,
    );
    let a = with_editor(&env, &script, tmp.path(), &["note", "http"]).failure();
    let err = texts(&a).1;
    assert!(err.contains("stopped by a signal"), "{err}");
    let kept: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(err.contains(&kept[0].display().to_string()), "{err}");
    assert!(
        std::fs::read_to_string(&kept[0])
            .unwrap()
            .contains("almost saved")
    );
    assert!(env.ok(&["note", "http", "--show"]).contains("No note"));
}

/// Issue 17, item 2: Ctrl-C (or SIGTERM, SIGHUP) while the editor is open.
/// The terminal sends SIGINT to the whole foreground group; an editor that
/// survives it (a `--wait` wrapper's editor, a line editor) goes on and
/// saves. Before, `roadmap note` died and the text went to a temporary
/// file nobody read; now it waits for the editor, then saves.
#[test]
fn a_signal_while_the_editor_is_open_waits_for_it_and_the_note_is_saved() {
    use std::os::unix::process::CommandExt as _;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    for signal in ["INT", "TERM", "HUP"] {
        let env = Env::new();
        let tmp = tempfile::tempdir().unwrap();
        let (ready, go) = (env.home.path().join("ready"), env.home.path().join("go"));
        let script = editor(
            &env,
            "stubborn.sh",
            &format!(
                r#"trap '' INT TERM HUP
: > '{}'
while [ ! -e '{}' ]; do sleep 0.05; done
echo 'typed through SIG{signal}' > "$1""#,
                ready.display(),
                go.display()
            ),
        );
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_roadmap"));
        cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("ROADMAP_HOME", env.home.path())
            .env("ROADMAP_CONFIG", env.home.path().join("no-config.toml"))
            .env("EDITOR", &script)
            .env_remove("VISUAL")
            .env("TMPDIR", tmp.path())
            .args(["--roadmap", crate::common::SMALL, "note", "http"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own group, which the signal goes to, as a terminal's does.
            .process_group(0);
        let child = cmd.spawn().unwrap();
        let start = Instant::now();
        while !ready.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the editor never started"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let group = format!("-{}", child.id());
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), "--", &group])
            .status()
            .unwrap();
        assert!(sent.success());
        std::thread::sleep(Duration::from_millis(300));
        std::fs::write(&go, "").unwrap();
        let out = child.wait_with_output().unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(
            out.status.success(),
            "SIG{signal}: {:?} {stderr}",
            out.status
        );
        assert!(stdout.contains("Saved the note"), "SIG{signal}: {stdout}");
        assert_eq!(
            env.ok(&["note", "http", "--show"]),
            format!("typed through SIG{signal}\n")
        );
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            0,
            "no file left"
        );
    }
}
