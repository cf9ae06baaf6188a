//! Issue 18 item 22: `roadmap profiles rename OLD NEW` and `roadmap
//! profiles delete NAME` (asks on a terminal, needs --yes elsewhere, keeps
//! a copy it names; never replaces a profile).

use std::io::{Read, Write};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::common::{Env, texts};

#[test]
fn rename_moves_the_progress_and_refuses_a_taken_name() {
    let env = Env::new();
    env.small(&["--profile", "work", "done", "http"])
        .assert()
        .success();
    env.small(&["--profile", "home", "done", "internet"])
        .assert()
        .success();
    let home_before = std::fs::read(env.profile_file("home")).unwrap();
    let out = env
        .bare()
        .args(["profiles", "rename", "work", "home"])
        .assert()
        .code(1);
    assert!(texts(&out).1.contains("a profile 'home' already exists"));
    assert_eq!(
        std::fs::read(env.profile_file("home")).unwrap(),
        home_before
    );
    let out = env
        .bare()
        .args(["profiles", "rename", "work", "job"])
        .assert()
        .success();
    assert!(texts(&out).0.starts_with("renamed profile work to job ("));
    assert!(!env.profile_file("work").exists());
    let v = env.json(&["--profile", "job", "show", "http", "--json"]);
    assert_eq!(v["status"], "done");
    // The undo record went with it.
    let out = env.small(&["--profile", "job", "undo"]).assert().success();
    assert!(
        texts(&out).0.starts_with("undone: HTTP (http)"),
        "{:?}",
        texts(&out)
    );
    env.bare()
        .args(["profiles", "rename", "nobody", "x"])
        .assert()
        .code(1);
    env.bare()
        .args(["profiles", "rename", "job", "../x"])
        .assert()
        .code(1);
}

#[test]
fn delete_needs_yes_off_a_terminal_and_keeps_a_copy_it_names() {
    let env = Env::new();
    env.small(&["--profile", "work", "done", "http"])
        .assert()
        .success();
    let content = std::fs::read(env.profile_file("work")).unwrap();
    let out = env
        .bare()
        .args(["profiles", "delete", "work"])
        .assert()
        .code(1);
    assert!(texts(&out).1.contains("--yes"), "{:?}", texts(&out));
    assert!(env.profile_file("work").exists());
    let out = env
        .bare()
        .args(["profiles", "delete", "work", "--yes"])
        .assert()
        .success();
    let (stdout, _) = texts(&out);
    assert!(!env.profile_file("work").exists());
    let kept = stdout
        .split("a copy is kept as ")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert_eq!(std::fs::read(kept).unwrap(), content);
    assert!(stdout.contains("to bring it back: mv "), "{stdout}");
    let listed = env.bare().args(["profiles", "--json"]).assert().success();
    assert!(!texts(&listed).0.contains("\"work"), "{:?}", texts(&listed));
    env.bare()
        .args(["profiles", "delete", "work", "--yes"])
        .assert()
        .code(1);
}

/// Runs `roadmap ARGS` on a pseudo-terminal, answers `answer` to its
/// question, and returns everything it wrote.
fn on_a_terminal(env: &Env, args: &[&str], answer: &str) -> String {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_roadmap"));
    cmd.args(args);
    cmd.env("ROADMAP_HOME", env.home.path());
    cmd.env("ROADMAP_CONFIG", env.home.path().join("no-config.toml"));
    cmd.env_remove("ROADMAP_FILE");
    cmd.env_remove("ROADMAP_PROFILE");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    while !String::from_utf8_lossy(&seen).contains("[y/N]") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "no question: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    writer.write_all(answer.as_bytes()).unwrap();
    writer.flush().unwrap();
    child.wait().unwrap();
    drop(writer);
    drop(pair.master);
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn delete_asks_on_a_terminal() {
    let env = Env::new();
    env.small(&["--profile", "work", "done", "http"])
        .assert()
        .success();
    let said = on_a_terminal(&env, &["profiles", "delete", "work"], "n\r");
    assert!(said.contains("Delete profile 'work'"), "{said}");
    assert!(said.contains("Nothing was deleted."), "{said}");
    assert!(env.profile_file("work").exists());
    let said = on_a_terminal(&env, &["profiles", "delete", "work"], "y\r");
    assert!(
        said.contains("deleted profile work; a copy is kept as "),
        "{said}"
    );
    assert!(!env.profile_file("work").exists());
}
