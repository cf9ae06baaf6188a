//! The one table from keys to actions. The help overlay and the footer are
//! generated from it, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;
use crate::model::Status;

/// Which bindings apply: one set per screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Main,
    Search,
    Help,
    Unreadable,
}

impl KeyMode {
    pub const ALL: [KeyMode; 4] = [
        KeyMode::Main,
        KeyMode::Search,
        KeyMode::Help,
        KeyMode::Unreadable,
    ];

    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Main => "Main view",
            KeyMode::Search => "Search",
            KeyMode::Help => "This help",
            KeyMode::Unreadable => "Damaged profile",
        }
    }
}

/// A key with the modifiers that matter (Ctrl, Alt; Shift is part of the
/// character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// How the key is written in the help and the footer.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Backspace => "Bksp".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => other.to_string(),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One row of the table.
#[derive(Debug)]
pub struct Binding {
    pub mode: KeyMode,
    /// Empty for "any other text" (typing in the search box).
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Short word for the footer; `None` keeps the binding out of it.
    pub hint: Option<&'static str>,
}

impl Binding {
    pub fn keys_label(&self) -> String {
        if self.keys.is_empty() {
            return "text".to_string();
        }
        self.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use KeyMode::{Help, Main, Search, Unreadable};

/// Every key binding, in the order the help lists them.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    Binding { mode: Main, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "move up", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "move down", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::Left), ch('h')], action: Action::Left, help: "the pane to the left on screen", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::Right), ch('l')], action: Action::Right, help: "the pane to the right on screen", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::Tab)], action: Action::NextPane, help: "next pane", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::BackTab)], action: Action::PrevPane, help: "previous pane", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "open: a stage's skills, a skill's details, a link", hint: None },
    Binding { mode: Main, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "first", hint: None },
    Binding { mode: Main, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "last", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Binding { mode: Main, keys: &[key(KeyCode::PageDown), ctrl('d')], action: Action::PageDown, help: "page down", hint: None },
    Binding { mode: Main, keys: &[ch(' ')], action: Action::ToggleDone, help: "toggle done (done on an option picks it)", hint: Some("done") },
    Binding { mode: Main, keys: &[ch('p')], action: Action::SetStatus(Status::Doing), help: "mark doing (in progress)", hint: Some("doing") },
    Binding { mode: Main, keys: &[ch('s')], action: Action::SetStatus(Status::Skipped), help: "skip (known, or not for you; declines an option)", hint: Some("skip") },
    Binding { mode: Main, keys: &[ch('r')], action: Action::SetStatus(Status::Todo), help: "reset to todo", hint: Some("reset") },
    Binding { mode: Main, keys: &[ch('u')], action: Action::Undo, help: "undo the last status change (several levels)", hint: Some("undo") },
    Binding { mode: Main, keys: &[ch('e')], action: Action::EditNote, help: "edit your note on the skill in $VISUAL / $EDITOR", hint: None },
    Binding { mode: Main, keys: &[ch('n')], action: Action::JumpNext, help: "jump to the top suggestion", hint: Some("next") },
    Binding { mode: Main, keys: &[ch('/')], action: Action::OpenSearch, help: "search skills by title, id, description or note", hint: Some("search") },
    Binding { mode: Main, keys: &[ch('o')], action: Action::OpenResource, help: "open the selected resource in the browser", hint: Some("open") },
    Binding { mode: Main, keys: &[ch('y')], action: Action::CopyUrl, help: "copy the selected resource's address (works over SSH)", hint: None },
    Binding { mode: Main, keys: &[ch('f')], action: Action::NextFilter, help: "next filter: unfinished, a status, locked, available", hint: Some("filter") },
    Binding { mode: Main, keys: &[ch('F')], action: Action::PrevFilter, help: "previous filter (back to all skills)", hint: None },
    Binding { mode: Main, keys: &[ch('['), ctrl('o')], action: Action::Back, help: "back to before the last jump (link, next, search)", hint: Some("back") },
    Binding { mode: Main, keys: &[ch(']')], action: Action::Forward, help: "forward again", hint: Some("fwd") },
    Binding { mode: Main, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "step back out: details → skills → stages (q quits)", hint: None },
    Binding { mode: Main, keys: &[ch('?')], action: Action::ToggleHelp, help: "this help", hint: Some("help") },
    Binding { mode: Main, keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit", hint: Some("quit") },
    Binding { mode: Search, keys: &[], action: Action::SearchInput(' '), help: "filter skills by title, id, description or note", hint: None },
    Binding { mode: Search, keys: &[key(KeyCode::Up), ctrl('p'), ctrl('k')], action: Action::Up, help: "previous result", hint: Some("choose") },
    Binding { mode: Search, keys: &[key(KeyCode::Down), ctrl('n'), ctrl('j')], action: Action::Down, help: "next result", hint: None },
    Binding { mode: Search, keys: &[key(KeyCode::PageUp)], action: Action::PageUp, help: "page up", hint: None },
    Binding { mode: Search, keys: &[key(KeyCode::PageDown)], action: Action::PageDown, help: "page down", hint: None },
    Binding { mode: Search, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "jump to the result", hint: Some("jump") },
    Binding { mode: Search, keys: &[key(KeyCode::Backspace)], action: Action::SearchBackspace, help: "delete a character", hint: None },
    Binding { mode: Search, keys: &[ctrl('u')], action: Action::SearchClear, help: "clear the query", hint: None },
    Binding { mode: Search, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "cancel", hint: Some("cancel") },
    Binding { mode: Search, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Binding { mode: Help, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "scroll up", hint: None },
    Binding { mode: Help, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "scroll down", hint: Some("scroll") },
    Binding { mode: Help, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Binding { mode: Help, keys: &[key(KeyCode::PageDown), ctrl('d'), ch(' ')], action: Action::PageDown, help: "page down", hint: Some("page") },
    Binding { mode: Help, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "top", hint: None },
    Binding { mode: Help, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "bottom", hint: None },
    Binding { mode: Help, keys: &[ch('?'), key(KeyCode::Esc), ch('q')], action: Action::Close, help: "close the help", hint: Some("close") },
    Binding { mode: Help, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Binding { mode: Unreadable, keys: &[ch('m')], action: Action::MoveAside, help: "move the damaged profile aside and start fresh", hint: Some("move aside") },
    Binding { mode: Unreadable, keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit, leaving the file as it is", hint: Some("quit") },
];

/// What the mouse does, for the help.
pub const MOUSE_HELP: &[(&str, &str)] = &[
    ("click", "select a pane and the row under the pointer"),
    ("wheel", "scroll the pane under the pointer"),
];

/// The bindings of one mode.
pub fn bindings(mode: KeyMode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.mode == mode)
}

/// Maps a key press to an action in `mode`.
pub fn key_action(mode: KeyMode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let pressed = Key {
        code: event.code,
        ctrl,
    };
    if let Some(b) = bindings(mode).find(|b| b.keys.contains(&pressed)) {
        return Some(b.action.clone());
    }
    match (mode, event.code) {
        (KeyMode::Search, KeyCode::Char(c))
            if !ctrl && !event.modifiers.contains(KeyModifiers::ALT) =>
        {
            Some(Action::SearchInput(c))
        }
        _ => None,
    }
}

/// Maps any terminal event to an action in `mode`.
pub fn event_action(mode: KeyMode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) => key_action(mode, *k),
        Event::Mouse(m) => mouse_action(*m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn mouse_action(m: MouseEvent) -> Option<Action> {
    let (column, row) = (m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
        _ => None,
    }
}

/// The footer hints of `mode`: (key label, word), in table order.
pub fn hints(mode: KeyMode) -> Vec<(String, &'static str)> {
    bindings(mode)
        .filter_map(|b| {
            let word = b.hint?;
            let key = b.keys.first().map_or_else(
                || "text".to_string(),
                |k| {
                    if k.code == KeyCode::Char(' ') {
                        "␣".to_string()
                    } else {
                        k.label()
                    }
                },
            );
            Some((key, word))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in KeyMode::ALL {
            let keys: Vec<Key> = bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?}: {k:?} bound twice");
            }
        }
    }

    #[test]
    fn issue_defaults_are_bound() {
        let none = KeyModifiers::NONE;
        let main = |c| key_action(KeyMode::Main, press(c, none));
        assert_eq!(main(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(main(KeyCode::Down), Some(Action::Down));
        assert_eq!(main(KeyCode::Char('k')), Some(Action::Up));
        assert_eq!(main(KeyCode::Tab), Some(Action::NextPane));
        assert_eq!(main(KeyCode::Char(' ')), Some(Action::ToggleDone));
        assert_eq!(
            main(KeyCode::Char('p')),
            Some(Action::SetStatus(Status::Doing))
        );
        assert_eq!(
            main(KeyCode::Char('s')),
            Some(Action::SetStatus(Status::Skipped))
        );
        assert_eq!(
            main(KeyCode::Char('r')),
            Some(Action::SetStatus(Status::Todo))
        );
        assert_eq!(main(KeyCode::Char('u')), Some(Action::Undo));
        assert_eq!(main(KeyCode::Char('n')), Some(Action::JumpNext));
        assert_eq!(main(KeyCode::Char('/')), Some(Action::OpenSearch));
        assert_eq!(main(KeyCode::Char('o')), Some(Action::OpenResource));
        assert_eq!(main(KeyCode::Char('?')), Some(Action::ToggleHelp));
        assert_eq!(main(KeyCode::Char('q')), Some(Action::Quit));
        assert_eq!(main(KeyCode::Esc), Some(Action::Close));
        assert_eq!(
            key_action(
                KeyMode::Main,
                press(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Last)
        );
        assert_eq!(
            key_action(KeyMode::Main, press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            key_action(
                KeyMode::Main,
                press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn search_mode_types_letters_instead_of_running_commands() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            key_action(KeyMode::Search, press(KeyCode::Char('q'), none)),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            key_action(KeyMode::Search, press(KeyCode::Esc, none)),
            Some(Action::Close)
        );
        assert_eq!(
            key_action(
                KeyMode::Search,
                press(KeyCode::Char('n'), KeyModifiers::CONTROL)
            ),
            Some(Action::Down)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut e = press(KeyCode::Char('q'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(key_action(KeyMode::Main, e), None);
    }

    #[test]
    fn footer_hints_come_from_the_table() {
        let hints = hints(KeyMode::Main);
        assert_eq!(hints.first(), Some(&("␣".to_string(), "done")));
        assert!(hints.contains(&("?".to_string(), "help")));
    }
}
