//! `roadmap man`: the manual page, generated from the clap definition (so
//! it cannot drift from the CLI) plus the environment, files, exit codes
//! and the keys of the interactive view (from the keymap in use).

use std::fmt::Write;

use clap::CommandFactory;

use super::{Args, Failure};
use crate::tui::keymap::{KeyMode, Keymap};

pub fn man(keymap: &Keymap) -> Result<(), Failure> {
    super::out::emit(&page(keymap))
}

/// The whole page, in roff.
pub fn page(keymap: &Keymap) -> String {
    let cmd = Args::command().version(env!("CARGO_PKG_VERSION"));
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd).render(&mut buf);
    let mut s = String::from_utf8_lossy(&buf).into_owned();
    s.push_str(&extra(keymap));
    s
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
