//! Every figure and capture the README shows is made by the program, so
//! none of them can drift (issue 18 item 20):
//!
//! - `<!-- n:NAME -->VALUE<!-- /n -->`: a figure of the built-in roadmap
//!   (`stages`, `skills`, `counted`, `choices`, `hours`), computed here.
//! - `<!-- capture: NAME -->` before a fenced block: the block is what the
//!   program shows: the CLI's own output (each `$ roadmap …` line of the
//!   block is run, in order, in a fresh data folder), or a screen of the
//!   interactive view drawn through ratatui's `TestBackend` at the stated
//!   size, on a fixed clock.
//! - `<!-- input: NAME -->` before a fenced block: text the captures use
//!   (the example config file).
//!
//! After an intended change (a new skill, a reworded footer), regenerate:
//! `UPDATE_README=1 cargo test --test readme`, and review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap::model::{NoteEdit, Profile, Roadmap, Status, evaluate};
use roadmap::tui::action::Action;
use roadmap::tui::app::App;
use roadmap::tui::view::text::Zone;

fn readme_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// A marked place in the README: its name and the byte range of its text.
struct Mark {
    name: String,
    range: std::ops::Range<usize>,
}

/// Fenced blocks after `<!-- KIND: NAME -->` lines.
fn blocks(text: &str, kind: &str) -> Vec<Mark> {
    let open = format!("<!-- {kind}: ");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(&open) {
        let start = from + i + open.len();
        let end = start + text[start..].find(" -->").expect("a marker ends with -->");
        let name = text[start..end].to_string();
        let after = end + " -->".len();
        let fence = after + text[after..].find("```").expect("a fenced block follows");
        let body = fence + text[fence..].find('\n').unwrap() + 1;
        // The first line that is a fence closes the block (it may be empty).
        let close = if text[body..].starts_with("```") {
            body
        } else {
            body + text[body..].find("\n```").expect("the block is closed") + 1
        };
        out.push(Mark {
            name,
            range: body..close,
        });
        from = close;
    }
    out
}

/// Inline figures: `<!-- n:NAME -->VALUE<!-- /n -->`.
fn figures(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("<!-- n:") {
        let start = from + i + "<!-- n:".len();
        let end = start + text[start..].find(" -->").unwrap();
        let value = end + " -->".len();
        let close = value
            + text[value..]
                .find("<!-- /n -->")
                .expect("a figure is closed");
        out.push(Mark {
            name: text[start..end].to_string(),
            range: value..close,
        });
        from = close;
    }
    out
}

fn builtin() -> Roadmap {
    roadmap::model::builtin().unwrap()
}

/// `1543` → `1,543`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn words(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

fn figure(name: &str) -> String {
    let r = builtin();
    let empty = evaluate(&r, &Profile::default().states(&r));
    match name {
        "stages" => r.stages.len().to_string(),
        "skills" => r.skills.len().to_string(),
        "counted" => roadmap::model::progress::counted_total(&r).to_string(),
        "choices" => words(r.choices.len()),
        "hours" => thousands(empty.overall.hours_left),
        other => panic!("the README names a figure this test does not know: {other}"),
    }
}

/// The fixed moment the view's captures are taken at.
fn capture_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).unwrap()
}

/// Runs the `$ roadmap …` lines of `block` in a fresh data folder with the
/// config file `config` (if any), and writes each line with what it
/// printed (stdout, then stderr), a blank line between commands.
fn session(block: &str, config: Option<&str>, shown_config: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let config_path = home.path().join("config.toml");
    if let Some(text) = config {
        std::fs::write(&config_path, text).unwrap();
    }
    let mut out = String::new();
    for command in block.lines().filter(|l| l.starts_with("$ roadmap")) {
        let args: Vec<&str> = command.split_whitespace().skip(2).collect();
        let done = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
            .args(&args)
            .env("ROADMAP_HOME", home.path())
            .env("ROADMAP_CONFIG", &config_path)
            .env("TZ", "UTC")
            .env_remove("ROADMAP_FILE")
            .env_remove("ROADMAP_PROFILE")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(command);
        out.push('\n');
        let printed =
            String::from_utf8(done.stdout).unwrap() + &String::from_utf8(done.stderr).unwrap();
        out.push_str(&printed.replace(&config_path.display().to_string(), shown_config));
    }
    out
}

/// A screen of the view as text, one line per row, trailing spaces cut.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The built-in roadmap three skills in, the internet in progress since
/// today.
fn three_in() -> Profile {
    let r = builtin();
    let mut p = Profile::default();
    let at = |h| Utc.with_ymd_and_hms(2026, 11, 25, h, 0, 0).unwrap();
    for (h, id, status) in [
        (9, "what-is-backend", Status::Done),
        (10, "how-the-web-works", Status::Done),
        (11, "terminal", Status::Done),
        (12, "internet", Status::Doing),
    ] {
        p.set_status(&r, r.skill_index(id).unwrap(), status, at(h));
    }
    p
}

fn app(profile: Profile, name: &str, width: u16, height: u16) -> App {
    App::new(builtin(), profile, name, capture_now())
        .with_zone(Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()))
        .with_size(width, height)
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a, capture_now());
    }
}

/// The main view at 100×30, on the internet's details.
fn main_view() -> String {
    let mut a = app(three_in(), "default", 100, 30);
    run(&mut a, std::iter::repeat_n(Action::Down, 4));
    screen(&a, 100, 30)
}

fn config_example(readme: &str) -> String {
    let mark = blocks(readme, "input")
        .into_iter()
        .find(|m| m.name == "config-example")
        .expect("the README has the example config");
    readme[mark.range].to_string()
}

/// The app with the README's example config: keys and profile.
fn configured(readme: &str) -> App {
    let config = roadmap::config::parse(&config_example(readme), "config.toml").unwrap();
    let name = config.defaults.profile.clone().unwrap();
    app(Profile::default(), &name, 100, 30).with_keymap(config.keymap)
}

/// The help of the configured view at 100×30, scrolled to the bindings
/// the example changes.
fn help_configured(readme: &str) -> String {
    let mut a = configured(readme);
    run(&mut a, [Action::ToggleHelp]);
    run(&mut a, std::iter::repeat_n(Action::Down, 12));
    screen(&a, 100, 30)
}

/// The configured main view's footer of keys.
fn footer_configured(readme: &str) -> String {
    let a = configured(readme);
    let screen = screen(&a, 100, 30);
    let lines: Vec<&str> = screen.lines().collect();
    format!("{}\n", lines[lines.len() - 2])
}

/// A learner's two months on the built-in roadmap: what `roadmap stats`
/// says on the day of the capture.
fn stats() -> String {
    let r = builtin();
    let mut p = Profile::default();
    let day = |d: i64, h: i64| capture_now() - Duration::days(d) + Duration::hours(h - 18);
    let path = [
        "what-is-backend",
        "how-the-web-works",
        "terminal",
        "git-basics",
        "linux",
        "how-servers-work",
        "html",
        "css",
        "javascript-basics",
        "programming-fundamentals",
        "problem-solving",
        "python",
        "internet",
        "dns",
        "http",
        "data-structures",
    ];
    for (n, id) in path.iter().enumerate() {
        let Some(i) = r.skill_index(id) else { continue };
        let n = i64::try_from(n).unwrap();
        let done = 45 - n * 3;
        p.set_status(&r, i, Status::Doing, day(done + 1 + n % 3, 19));
        p.set_status(&r, i, Status::Done, day(done, 21));
    }
    for (d, id, text) in [
        (30, "git-basics", "commit early, commit often"),
        (12, "python", "type hints help"),
        (2, "http", "read RFC 9110"),
    ] {
        if let Some(i) = r.skill_index(id) {
            p.edit_note(&r, i, &NoteEdit::Append(text.into()), day(d, 20));
        }
    }
    p.set_goal(
        &r.id,
        chrono::NaiveDate::from_ymd_opt(2027, 6, 30),
        day(40, 9),
    );
    roadmap::cli::stats::text_at(&r, &p, "default", capture_now(), &Utc)
}

/// What a capture shows, made now. `body` is what the README has (the
/// sessions take their commands from it).
fn capture(name: &str, body: &str, readme: &str) -> String {
    match name {
        "main-view" => main_view(),
        "example-session" => session(body, None, ""),
        "config-error" => session(
            body,
            Some("# my keys\n[keys.main]\nquit = \"j\"\n"),
            "/home/me/.config/roadmap/config.toml",
        ),
        "help-configured" => help_configured(readme),
        "footer-configured" => footer_configured(readme),
        "stats" => stats(),
        other => panic!("the README names a capture this test does not know: {other}"),
    }
}

#[test]
fn every_figure_and_capture_of_the_readme_is_what_the_program_says() {
    let path = readme_path();
    let readme = std::fs::read_to_string(&path).unwrap();
    let mut wanted: Vec<(std::ops::Range<usize>, String, String)> = Vec::new();
    for m in figures(&readme) {
        wanted.push((m.range.clone(), figure(&m.name), m.name));
    }
    for m in blocks(&readme, "capture") {
        let made = capture(&m.name, &readme[m.range.clone()], &readme);
        wanted.push((m.range, made, m.name));
    }
    assert!(
        wanted.iter().any(|w| w.2 == "skills") && wanted.iter().any(|w| w.2 == "main-view"),
        "the README's marks are gone"
    );
    let mut updated = readme.clone();
    let mut stale = Vec::new();
    // From the end, so earlier ranges stay valid.
    wanted.sort_by_key(|w| std::cmp::Reverse(w.0.start));
    for (range, made, name) in &wanted {
        if readme[range.clone()] != **made {
            stale.push(format!(
                "{name}:\n--- README\n{}\n--- the program\n{made}",
                &readme[range.clone()]
            ));
            updated.replace_range(range.clone(), made);
        }
    }
    if stale.is_empty() {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, updated).unwrap();
        return;
    }
    panic!(
        "the README is out of date; review, then regenerate with `UPDATE_README=1 cargo test --test readme`:\n\n{}",
        stale.join("\n\n")
    );
}

#[test]
fn marks_are_found_where_they_are() {
    let text = "a <!-- n:skills -->12<!-- /n --> b\n<!-- capture: x -->\n```text\nl1\nl2\n```\n\n<!-- capture: y -->\n```text\n```\n";
    let f = figures(text);
    assert_eq!(
        (f[0].name.as_str(), &text[f[0].range.clone()]),
        ("skills", "12")
    );
    let b = blocks(text, "capture");
    assert_eq!(
        (b[0].name.as_str(), &text[b[0].range.clone()]),
        ("x", "l1\nl2\n")
    );
    assert_eq!((b[1].name.as_str(), &text[b[1].range.clone()]), ("y", ""));
    assert_eq!(thousands(1543), "1,543");
    assert_eq!(thousands(101), "101");
}

#[test]
fn the_commands_table_names_every_command() {
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    // The first code span of each row of the table: `roadmap done\|start …`.
    let rows: Vec<Vec<String>> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `roadmap"))
        .map(|l| {
            l.split('`')
                .next()
                .unwrap_or("")
                .split([' ', '|', '\\'])
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    let cmd = <roadmap::cli::Args as clap::CommandFactory>::command();
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        let name = sub.get_name().to_string();
        let row = rows.iter().find(|r| r.contains(&name)).unwrap_or_else(|| {
            panic!("the README's commands table has no row for `roadmap {name}`")
        });
        for inner in sub.get_subcommands().filter(|c| c.get_name() != "help") {
            let inner = inner.get_name().to_string();
            assert!(
                row.contains(&inner)
                    || rows
                        .iter()
                        .any(|r| r.first() == Some(&name) && r.contains(&inner)),
                "the README does not name `roadmap {name} {inner}`"
            );
        }
    }
}
