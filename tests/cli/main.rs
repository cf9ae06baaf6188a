//! End-to-end tests of the `roadmap` command line. Every test runs the real
//! binary against a fresh temporary data folder (`ROADMAP_HOME`), never the
//! user's own profiles.

// Test code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod change;
mod common;
mod config;
mod config_check;
mod counting;
mod export;
mod export_graph;
mod import;
mod import_name;
mod in_use;
mod journal;
mod journal_notes;
mod list_show;
mod lookup;
mod next;
mod notes;
mod plain_words;
mod profiles;
mod profiles_manage;
mod readme_today;
mod review;
mod review_journal;
mod roadmap_files;
mod shell;
mod site;
mod smaller;
mod started;
mod status;
mod undo;
mod usage;

#[test]
fn usage_errors_never_echo_escape_sequences() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args([
            "next",
            "-n",
            "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}rtl\u{9b}31m",
        ])
        .env("ROADMAP_HOME", home.path())
        .env("ROADMAP_CONFIG", home.path().join("no-config.toml"))
        .env_remove("ROADMAP_FILE")
        .env_remove("ROADMAP_PROFILE")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("invalid value"), "{stderr}");
    assert!(
        !stderr
            .chars()
            .any(|c| c != '\n' && roadmap::model::text::is_unsafe(c)),
        "{stderr:?}"
    );
}
