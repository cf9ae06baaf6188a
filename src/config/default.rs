//! `roadmap config default`: a complete, commented config file that parses
//! back to the built-in defaults. Generated from the keymap and the palette,
//! so it lists every action and element there is.

use std::fmt::Write;

use crate::tui::keymap::{KeyMode, builtin};
use crate::tui::theme::Palette;

pub fn default_text() -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# roadmap's config file: every setting, at its built-in value.\n\
         # Read from ~/.config/roadmap/config.toml on Linux (see `roadmap config path`),\n\
         # or from the file ROADMAP_CONFIG names. Delete what you do not change.\n\
         # Check a file with `roadmap config check [FILE]`.\n"
    );
    let _ = writeln!(
        s,
        "[defaults]\n\
         # Used when neither --profile/--roadmap nor ROADMAP_PROFILE/ROADMAP_FILE say.\n\
         # profile = \"default\"\n\
         # A roadmap file (relative paths start at this file's folder); unset: the built-in one.\n\
         # roadmap = \"my-roadmap.json\"\n"
    );
    let _ = writeln!(s, "{}", super::review::default_text());
    let _ = writeln!(
        s,
        "# [sync]\n\
         # The same progress on every machine (`roadmap sync`; the view syncs when it starts,\n\
         # when it quits and on a key). One of the two:\n\
         # folder = \"~/Sync/roadmap\"  # a folder Syncthing, Dropbox, iCloud Drive or a share keeps in step\n\
         # git = \"git@host:me/roadmap-sync.git\"  # a git remote, reached with your own git and keys\n"
    );
    let _ = writeln!(
        s,
        "[theme]\n\
         # A preset (\"default\" for dark terminals, \"light\"), then any element's colour:\n\
         # a name (red, dark-gray, light-blue …), \"#rrggbb\", or 0-255 (the terminal's palette).\n\
         # `theme = \"light\"` at the top of the file is short for a preset alone.\n\
         # Under NO_COLOR no colour is used: selection is reverse video, emphasis bold.\n\
         preset = \"default\""
    );
    for (name, what) in Palette::ELEMENTS {
        let colour = Palette::DEFAULT
            .get(name)
            .map(super::colour::name)
            .unwrap_or_default();
        let _ = writeln!(s, "{name} = \"{colour}\"  # {what}");
    }
    let _ = writeln!(
        s,
        "\n# [keys.MODE]: action = \"key\" or [\"key\", \"key\"] ([] unbinds it).\n\
         # Keys: a character (\"j\", \"?\", \"G\"), a name (space, enter, esc, tab, shift-tab,\n\
         # backspace, delete, insert, up, down, left, right, home, end, pageup, pagedown,\n\
         # f1-f12), or ctrl- before a letter (\"ctrl-d\"). A rebound action loses its\n\
         # built-in keys; one key can do one thing per mode."
    );
    let keymap = builtin();
    for mode in KeyMode::ALL {
        let _ = writeln!(s, "\n[keys.{}]  # {}", mode.name(), mode.title());
        for b in keymap.bindings(mode) {
            if matches!(b.action, crate::tui::action::Action::SearchInput(_)) {
                continue;
            }
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", k.notation()))
                .collect();
            let _ = writeln!(
                s,
                "{} = [{}]  # {}",
                b.action.name(),
                keys.join(", "),
                b.help
            );
        }
    }
    s
}
