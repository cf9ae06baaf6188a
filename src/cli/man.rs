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
    item(&mut s, "ROADMAP_FILE", "Roadmap file to use, as --roadmap.");
    item(&mut s, "ROADMAP_PROFILE", "Profile to use, as --profile.");
    item(
        &mut s,
        "ROADMAP_HOME",
        "Folder holding the profiles, instead of the platform data folder.",
    );
    item(
        &mut s,
        "ROADMAP_CONFIG",
        "Config file to read instead of the one in the platform config folder.",
    );
    item(
        &mut s,
        "NO_COLOR",
        "When set and not empty, no colours: selection is shown in reverse video, emphasis in bold.",
    );
    item(
        &mut s,
        crate::clock::NOW_ENV,
        "Commands run at this moment (RFC 3339, e.g. 2026-03-01T10:00:00Z) instead of the clock's, and stamp their changes with it: for tests, or to see what `roadmap review` will say next week.",
    );
    item(
        &mut s,
        "ROADMAP_COMPLETE",
        "Set by the completion scripts when they ask roadmap for completions.",
    );
    s.push_str(".SH FILES\n");
    item(
        &mut s,
        "~/.config/roadmap/config.toml",
        "The config file on Linux (keys, colours, default profile and roadmap); `roadmap config path` prints the one in use, `roadmap config default` a complete example.",
    );
    item(
        &mut s,
        "~/.local/share/roadmap/",
        "Profiles on Linux (NAME.json, with NAME.json.bak); `roadmap paths` prints the folders in use.",
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
    s
}
