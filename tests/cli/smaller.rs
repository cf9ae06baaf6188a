//! Issue 18 items 9 and 19 (CLI parts): one wording for too little
//! history; a goal in the past warns; the man page's environment; the
//! roadmaps table aligned with wide titles.

use crate::common::{Env, small_json, texts};

#[test]
fn a_new_profile_gets_one_wording_for_too_little_history() {
    let env = Env::new();
    env.ok(&["done", "internet"]);
    env.ok(&["goal", "2099-12-31"]);
    let stats = env.ok(&["stats"]);
    let early = "1 day of activity, a pace needs 14";
    for label in ["Pace", "Finish", "Goal"] {
        let line = stats
            .lines()
            .find(|l| l.starts_with(&format!("{label} ")))
            .unwrap_or_else(|| panic!("{label} in {stats}"));
        assert!(line.ends_with(early), "{line}");
    }
    assert!(!stats.contains("a week of activity"), "{stats}");
    let summary = env.ok(&["status"]);
    assert!(summary.contains("· too early to tell"), "{summary}");
}

#[test]
fn a_goal_in_the_past_is_kept_with_a_warning() {
    let env = Env::new();
    let out = env.small(&["goal", "2001-01-01"]).assert().success();
    let (stdout, stderr) = texts(&out);
    assert!(stdout.contains("Goal: finish"), "{stdout}");
    assert!(
        stderr.starts_with("warning: 2001-01-01 is in the past (today is "),
        "{stderr}"
    );
    // A date to come: no warning.
    let out = env.small(&["goal", "2999-01-01"]).assert().success();
    assert_eq!(texts(&out).1, "");
}

#[test]
fn the_man_page_lists_the_editor_variables() {
    let env = Env::new();
    let page = env.ok(&["man"]);
    let section = &page[page.find(".SH ENVIRONMENT").unwrap()..page.find(".SH FILES").unwrap()];
    for name in [
        "VISUAL",
        "EDITOR",
        "TMPDIR",
        "TZ",
        "NO_COLOR",
        "ROADMAP_HOME",
    ] {
        assert!(section.contains(&format!("\\fB{name}\\fR")), "{name}");
    }
}

#[test]
fn the_roadmaps_table_is_aligned_in_terminal_cells() {
    let env = Env::new();
    let mut wide = small_json();
    wide["id"] = serde_json::json!("wide");
    wide["title"] = serde_json::json!("日本語のロードマップ");
    let file = env.write("wide.json", &wide.to_string());
    env.bare().arg("use").arg(&file).assert().success();
    env.bare().args(["use", "builtin"]).assert().success();
    let out = env.bare().arg("roadmaps").assert().success();
    let (text, _) = texts(&out);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains('%')).collect();
    assert_eq!(rows.len(), 2, "{text}");
    // The kind column starts at the same cell on every row.
    let cell_of = |row: &str, word: &str| {
        let byte = row.rfind(word).unwrap();
        unicode_width::UnicodeWidthStr::width(&row[..byte])
    };
    assert_eq!(
        cell_of(rows[0], "builtin"),
        cell_of(rows[1], "file"),
        "{text}"
    );
    assert!(rows[1].ends_with("日本語のロードマップ"), "{text}");
}
