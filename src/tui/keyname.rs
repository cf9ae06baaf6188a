//! Keys as the config file writes them: `"j"`, `"?"`, `"ctrl-d"`,
//! `"shift-tab"`, `"space"`, `"pagedown"`, `"f5"`.

use ratatui::crossterm::event::KeyCode;

use super::keymap::Key;

/// Named keys: (name in the config, key code). The first name of a code is
/// the one `notation` writes.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
];

/// What went wrong with a key name, in words for the user.
pub const KEY_HELP: &str = "write a key as one character (\"j\", \"?\", \"G\"), a name \
(space, enter, esc, tab, shift-tab, backspace, delete, insert, up, down, left, right, \
home, end, pageup, pagedown, f1 to f12), or ctrl- before a letter (\"ctrl-d\")";

impl Key {
    /// Reads a key in the config's notation; `None` if it names no key.
    pub fn parse(text: &str) -> Option<Key> {
        let lower = text.to_ascii_lowercase();
        if let Some(rest) = lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("c-"))
        {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphanumeric() || "[]\\/_".contains(c) => Some(Key {
                    code: KeyCode::Char(c),
                    ctrl: true,
                }),
                _ => None,
            };
        }
        if let Some(rest) = lower.strip_prefix("shift-").filter(|r| *r != "tab") {
            // Shift is part of the character: "shift-g" is "G".
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Some(Key {
                    code: KeyCode::Char(c.to_ascii_uppercase()),
                    ctrl: false,
                }),
                _ => None,
            };
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.clone().next()) {
            return (!c.is_control()).then_some(Key {
                code: KeyCode::Char(c),
                ctrl: false,
            });
        }
        if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
            return Some(Key {
                code: *code,
                ctrl: false,
            });
        }
        let f = lower.strip_prefix('f')?.parse::<u8>().ok()?;
        (1..=12).contains(&f).then_some(Key {
            code: KeyCode::F(f),
            ctrl: false,
        })
    }

    /// The key as the config file writes it (parses back to itself).
    pub fn notation(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| "?".to_string(), |(n, _)| (*n).to_string()),
        };
        if self.ctrl {
            format!("ctrl-{base}")
        } else {
            base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{DEFAULTS, Key};

    #[test]
    fn usual_notation() {
        let k = |s| Key::parse(s);
        assert_eq!(
            k("ctrl-d"),
            Some(Key {
                code: KeyCode::Char('d'),
                ctrl: true
            })
        );
        assert_eq!(
            k("Ctrl-D"),
            Some(Key {
                code: KeyCode::Char('d'),
                ctrl: true
            })
        );
        assert_eq!(
            k("shift-tab"),
            Some(Key {
                code: KeyCode::BackTab,
                ctrl: false
            })
        );
        assert_eq!(
            k("?"),
            Some(Key {
                code: KeyCode::Char('?'),
                ctrl: false
            })
        );
        assert_eq!(
            k("G"),
            Some(Key {
                code: KeyCode::Char('G'),
                ctrl: false
            })
        );
        assert_eq!(k("shift-g"), k("G"));
        assert_eq!(k("space"), k(" "));
        assert_eq!(
            k("PageDown"),
            Some(Key {
                code: KeyCode::PageDown,
                ctrl: false
            })
        );
        assert_eq!(
            k("f5"),
            Some(Key {
                code: KeyCode::F(5),
                ctrl: false
            })
        );
        for bad in [
            "", "ctrl-", "ctrl-dd", "hyper-x", "f13", "jj", "shift-1", "\t",
        ] {
            assert_eq!(k(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_built_in_key_writes_back_to_itself() {
        for row in DEFAULTS {
            for key in row.keys {
                assert_eq!(Key::parse(&key.notation()), Some(*key), "{key:?}");
            }
        }
    }
}
