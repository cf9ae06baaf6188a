//! `roadmap man`: the manual page, generated from the clap definition (so
//! it cannot drift from the CLI) plus the environment, files, exit codes
//! and the keys of the interactive view (from the keymap in use).

use std::fmt::Write as _;
use std::io::Write as _;

use clap::CommandFactory;

use super::{Args, Failure};
use crate::tui::keymap::{KeyMode, Keymap};

pub fn man(keymap: &Keymap) -> Result<(), Failure> {
    super::out::emit(&page(keymap))
}

/// The whole page, in roff.
pub fn page(keymap: &Keymap) -> String {
    let mut cmd = Args::command().version(env!("CARGO_PKG_VERSION"));
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = man.render_title(&mut buf);
    let _ = man.render_name_section(&mut buf);
    let _ = man.render_synopsis_section(&mut buf);
    let _ = man.render_description_section(&mut buf);
    let _ = man.render_options_section(&mut buf);
    let _ = buf.write_all(b".SH COMMANDS\n");
    // Unbuilt: the global options stay on the main synopsis only.
    commands(&Args::command(), "roadmap", &mut buf);
    let _ = man.render_extra_section(&mut buf);
    let _ = man.render_version_section(&mut buf);
    let mut s = String::from_utf8_lossy(&buf).into_owned();
    s.push_str(&extra(keymap));
    s
}

/// Every subcommand (and theirs) with its synopsis and options, on this
/// one page.
fn commands(cmd: &clap::Command, prefix: &str, buf: &mut Vec<u8>) {
    for sub in cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
    {
        let name = format!("{prefix} {}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        let mut part = Vec::new();
        let _ = man.render_synopsis_section(&mut part);
        let _ = man.render_description_section(&mut part);
        let mut text = String::from_utf8_lossy(&part).into_owned();
        text = text.replacen(".SH SYNOPSIS\n", &format!(".SS \"{}\"\n", esc(&name)), 1);
        text = text.replacen(".SH DESCRIPTION\n", ".PP\n", 1);
        buf.extend_from_slice(text.as_bytes());
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            let mut part = Vec::new();
            let _ = man.render_options_section(&mut part);
            let text = String::from_utf8_lossy(&part).replacen(".SH OPTIONS\n", "", 1);
            buf.extend_from_slice(text.as_bytes());
        }
        if sub.has_subcommands() {
            commands(sub, &name, buf);
        }
    }
}

/// Escapes text for roff: backslashes, hyphens, and a leading dot or quote.
fn esc(text: &str) -> String {
    let t = text.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with('.') || t.starts_with('\'') {
        format!("\\&{t}")
    } else {
        t
    }
}

fn item(s: &mut String, term: &str, text: &str) {
    let _ = write!(s, ".TP\n\\fB{}\\fR\n{}\n", esc(term), esc(text));
}

/// Every environment variable the program reads, and what for (a test
/// checks the sources read no other).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "ROADMAP_FILE",
        "Roadmap to use (a file or a library id), as --roadmap.",
    ),
    ("ROADMAP_PROFILE", "Profile to use, as --profile."),
    (
        "ROADMAP_HOME",
        "Folder holding the profiles and the library, instead of the platform data folder.",
    ),
    (
        "ROADMAP_CONFIG",
        "Config file to read instead of the one in the platform config folder.",
    ),
    (
        "ROADMAP_SH_URL",
        "The site `roadmap import NAME` downloads from (default https://roadmap.sh).",
    ),
    (
        "ROADMAP_SH_TIMEOUT",
        "Seconds a download waits for a connection or for a stalled server (default 30; a request takes at most four times it).",
    ),
    (
        "COMPUTERNAME",
        "On Windows, the machine's name shown next to its sync file (elsewhere the host name).",
    ),
    (
        "GIT_SSH_COMMAND",
        "With GIT_SSH: when either is set, git sync leaves ssh to them; otherwise it asks ssh never to prompt when there is no terminal.",
    ),
    ("GIT_SSH", "As GIT_SSH_COMMAND."),
    (
        "TERM",
        "When \"dumb\", `roadmap import NAME` shows no progress line.",
    ),
    (
        "ROADMAP_NOW",
        "Commands run at this moment (RFC 3339, e.g. 2026-03-01T10:00:00Z) instead of the clock's, and stamp their changes with it: for tests, or to see what `roadmap review` will say next week.",
    ),
    (
        "VISUAL",
        "The editor `roadmap note` and the view's e open a note in (split on spaces: \"code --wait\" works).",
    ),
    (
        "EDITOR",
        "The editor, when VISUAL is not set; without either, vi if it is on the PATH, else nano.",
    ),
    (
        "PATH",
        "Where the editor (and vi, the fallback) is looked for.",
    ),
    (
        "TMPDIR",
        "Where a note being edited is kept (a file only you can read), and kept after a failed edit.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colours: selection is shown in reverse video, emphasis in bold.",
    ),
    (
        "TZ",
        "Your time zone: days, streaks and dates are in local time (exports stay in UTC).",
    ),
    (
        "HOME",
        "Finds the platform data and config folders (with XDG_DATA_HOME and XDG_CONFIG_HOME on Linux).",
    ),
    (
        "XDG_DATA_HOME",
        "On Linux, the data folder's parent (default ~/.local/share).",
    ),
    (
        "XDG_CONFIG_HOME",
        "On Linux, the config folder's parent (default ~/.config).",
    ),
    (
        "DISPLAY",
        "With WAYLAND_DISPLAY: whether a browser can open links; without either, the address is shown instead.",
    ),
    ("WAYLAND_DISPLAY", "As DISPLAY."),
    (
        "SSH_CONNECTION",
        "With SSH_CLIENT and SSH_TTY: over SSH without a display, links are shown, not opened.",
    ),
    ("SSH_CLIENT", "As SSH_CONNECTION."),
    ("SSH_TTY", "As SSH_CONNECTION."),
    (
        "BROWSER",
        "Read by xdg-open (which opens links on Linux) when the desktop names no browser.",
    ),
    (
        "ROADMAP_COMPLETE",
        "Set by the completion scripts when they ask roadmap for completions.",
    ),
];

fn extra(keymap: &Keymap) -> String {
    let mut s = String::new();
    s.push_str(".SH KEYS\nRun without a command for the interactive view. The keys below are the ones bound now (the config file can change them; see FILES).\n");
    for mode in KeyMode::ALL {
        let _ = writeln!(s, ".SS {}", esc(mode.title()));
        for b in keymap.bindings(mode) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.notation()).collect();
            let keys = if matches!(b.action, crate::tui::action::Action::SearchInput(_)) {
                "text".to_string()
            } else {
                keys.join(", ")
            };
            item(&mut s, &keys, &format!("{} ({})", b.help, b.action.name()));
        }
    }
    s.push_str(".SH ENVIRONMENT\n");
    for (name, what) in ENVIRONMENT {
        item(&mut s, name, what);
    }
    s.push_str(".SH FILES\n");
    item(
        &mut s,
        "~/.config/roadmap/config.toml",
        "The config file on Linux (keys, colours, default profile and roadmap); `roadmap config path` prints the one in use, `roadmap config default` a complete example.",
    );
    item(
        &mut s,
        "~/.local/share/roadmap/",
        "Profiles on Linux (NAME.json, with NAME.json.bak, and NAME.undo.json: what `roadmap undo` can take back; a deleted profile is kept as NAME.deleted-TIME.json); `roadmap paths` prints the folders in use.",
    );
    item(
        &mut s,
        "~/.local/share/roadmap/cache/",
        "Roadmaps downloaded by `roadmap import NAME`, as the site served them, for offline re-imports (safe to delete).",
    );
    s.push_str(".SH \"EXIT STATUS\"\n");
    item(&mut s, "0", "Success.");
    item(
        &mut s,
        "1",
        "An error: a bad roadmap or config file, profile trouble, an unknown id.",
    );
    item(
        &mut s,
        "2",
        "A usage error, or the interactive view was started without a terminal.",
    );
    item(
        &mut s,
        "75",
        "roadmap sync did not reach the other machines (no network, the remote is gone): your changes are safe here and go out on the next sync.",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `var("NAME")`, `var_os("NAME")` and `*_ENV: &str = "NAME"` in
    /// the sources, and the variables the editor is chosen from.
    fn read_by_the_program() -> Vec<String> {
        let mut names = vec!["VISUAL".to_string(), "EDITOR".to_string()];
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                // This test names the patterns it looks for.
                if path.ends_with("cli/man.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for pattern in ["var(\"", "var_os(\"", "_ENV: &str = \""] {
                    for (i, _) in text.match_indices(pattern) {
                        let rest = &text[i + pattern.len()..];
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                            .collect();
                        if name.len() > 1 && rest[name.len()..].starts_with('"') {
                            names.push(name);
                        }
                    }
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn the_environment_section_lists_every_variable_read() {
        let page = page(&Keymap::default());
        let section = &page[page.find(".SH ENVIRONMENT").unwrap()..page.find(".SH FILES").unwrap()];
        let read = read_by_the_program();
        for name in [
            "ROADMAP_FILE",
            "ROADMAP_HOME",
            "NO_COLOR",
            "DISPLAY",
            "HOME",
        ] {
            assert!(
                read.contains(&name.to_string()),
                "the scan finds {name}: {read:?}"
            );
        }
        for name in &read {
            assert!(
                section.contains(&format!("\\fB{}\\fR", esc(name))),
                "{name} is read but not in ENVIRONMENT"
            );
        }
    }
}
