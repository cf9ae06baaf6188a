//! The one table from keys to actions: the built-in rows below, with the
//! keys of the user's config laid over them ([`Keymap::rebind`]) and then
//! checked ([`Keymap::check`]). The help overlay and the footer are drawn
//! from the same value, so they cannot drift from what the keys do.
//!
//! To add an action: a variant in [`Action`] with a name in
//! [`Action::name`], and a row in [`DEFAULTS`]. To add a mode: a
//! [`KeyMode`] variant in `ALL` with a `name` and a `title`. The config file
//! picks both up by those names; nothing else needs to know.

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
    Stats,
    Switcher,
    /// The prompt for the goal date.
    Goal,
    Review,
    Today,
    LogTime,
    Map,
}

impl KeyMode {
    pub const ALL: [KeyMode; 11] = [
        KeyMode::Main,
        KeyMode::Search,
        KeyMode::Stats,
        KeyMode::Help,
        KeyMode::Unreadable,
        KeyMode::Switcher,
        KeyMode::Goal,
        KeyMode::Review,
        KeyMode::Today,
        KeyMode::LogTime,
        KeyMode::Map,
    ];

    /// The table's name in the config file (`[keys.main]`).
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Main => "main",
            KeyMode::Search => "search",
            KeyMode::Help => "help",
            KeyMode::Unreadable => "unreadable",
            KeyMode::Stats => "stats",
            KeyMode::Switcher => "switcher",
            KeyMode::Goal => "goal",
            KeyMode::Review => "review",
            KeyMode::Today => "today",
            KeyMode::LogTime => "log-time",
            KeyMode::Map => "map",
        }
    }

    pub fn from_name(name: &str) -> Option<KeyMode> {
        KeyMode::ALL.into_iter().find(|m| m.name() == name)
    }

    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Main => "Main view",
            KeyMode::Search => "Search",
            KeyMode::Help => "This help",
            KeyMode::Unreadable => "Damaged profile",
            KeyMode::Stats => "Stats",
            KeyMode::Switcher => "Roadmap switcher",
            KeyMode::Goal => "Goal date",
            KeyMode::Review => "Review session",
            KeyMode::Today => "Today",
            KeyMode::LogTime => "Log time",
            KeyMode::Map => "Map",
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

/// One built-in row of the table.
#[derive(Debug)]
pub struct Row {
    pub mode: KeyMode,
    /// Empty for "any other text" (typing in the search box).
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Short word for the footer; `None` keeps the binding out of it.
    pub hint: Option<&'static str>,
}

/// One row of a keymap in use: a built-in row, maybe with other keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub mode: KeyMode,
    /// Empty for "any other text" (typing in the search box).
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
    /// Short word for the footer; `None` keeps the binding out of it.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// Typing in the search box is text, not a key: it cannot be rebound.
    fn rebindable(&self) -> bool {
        !matches!(self.action, Action::SearchInput(_))
    }

    pub fn keys_label(&self) -> String {
        if !self.rebindable() {
            return "text".to_string();
        }
        if self.keys.is_empty() {
            return "(no key)".to_string();
        }
        self.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use crate::model::review::Grade;
use KeyMode::{Goal, Help, LogTime, Main, Map, Review, Search, Stats, Switcher, Today, Unreadable};

/// Every built-in key binding, in the order the help lists them.
#[rustfmt::skip]
pub static DEFAULTS: &[Row] = &[
    Row { mode: Main, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "move up", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "move down", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::Left), ch('h')], action: Action::Left, help: "the pane to the left on screen", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::Right), ch('l')], action: Action::Right, help: "the pane to the right on screen", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::Tab)], action: Action::NextPane, help: "next pane", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::BackTab)], action: Action::PrevPane, help: "previous pane", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "open: a stage's skills, a skill's details, a link", hint: None },
    Row { mode: Main, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "first", hint: None },
    Row { mode: Main, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "last", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::PageDown), ctrl('d')], action: Action::PageDown, help: "page down", hint: None },
    Row { mode: Main, keys: &[ch(' ')], action: Action::ToggleDone, help: "toggle done (done on an option picks it)", hint: Some("done") },
    Row { mode: Main, keys: &[ch('p')], action: Action::SetStatus(Status::Doing), help: "mark doing (in progress)", hint: Some("doing") },
    Row { mode: Main, keys: &[ch('s')], action: Action::SetStatus(Status::Skipped), help: "skip (known, or not for you; declines an option)", hint: Some("skip") },
    Row { mode: Main, keys: &[ch('r')], action: Action::SetStatus(Status::Todo), help: "reset to todo", hint: Some("reset") },
    Row { mode: Main, keys: &[ch('u')], action: Action::Undo, help: "undo the last status change (several levels)", hint: Some("undo") },
    Row { mode: Main, keys: &[ch('e')], action: Action::EditNote, help: "edit your note on the skill in $VISUAL / $EDITOR", hint: Some("note") },
    Row { mode: Main, keys: &[ch('n')], action: Action::JumpNext, help: "jump to the top suggestion", hint: Some("next") },
    Row { mode: Main, keys: &[ch('/')], action: Action::OpenSearch, help: "search skills by title, id, description or note", hint: Some("search") },
    Row { mode: Main, keys: &[ch('o')], action: Action::OpenResource, help: "open the selected resource in the browser", hint: Some("open") },
    Row { mode: Main, keys: &[ch('y')], action: Action::CopyUrl, help: "copy the selected resource's address (works over SSH)", hint: Some("copy") },
    Row { mode: Main, keys: &[ch('a')], action: Action::OpenStats, help: "stats: streaks, calendar, pace, finish date", hint: Some("stats") },
    Row { mode: Main, keys: &[ch('D')], action: Action::OpenGoal, help: "set or clear the goal date (finish the roadmap by)", hint: Some("goal") },
    Row { mode: Main, keys: &[ch('f')], action: Action::NextFilter, help: "next filter: unfinished, a status, locked, available", hint: Some("filter") },
    Row { mode: Main, keys: &[ch('F')], action: Action::PrevFilter, help: "previous filter (back to all skills)", hint: None },
    Row { mode: Main, keys: &[ch('['), ctrl('o')], action: Action::Back, help: "back to before the last jump (link, next, search)", hint: Some("back") },
    Row { mode: Main, keys: &[ch(']')], action: Action::Forward, help: "forward again", hint: Some("fwd") },
    Row { mode: Main, keys: &[ch('m')], action: Action::OpenSwitcher, help: "switch roadmap (each keeps its place and undo)", hint: Some("roadmaps") },
    Row { mode: Main, keys: &[ch('R')], action: Action::OpenReview, help: "review: today's reviews one at a time, graded with one key", hint: None },
    Row { mode: Main, keys: &[ch('t')], action: Action::OpenToday, help: "today: the reviews due, then next steps for today's time", hint: None },
    Row { mode: Main, keys: &[ch('T')], action: Action::LogTime, help: "log time spent on the skill (45m, 1.5h, 2h30m)", hint: None },
    Row { mode: Main, keys: &[ch('M')], action: Action::OpenMap, help: "the map: the roadmap as a graph", hint: None },
    Row { mode: Main, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "step back out: details → skills → stages (never quits)", hint: None },
    Row { mode: Main, keys: &[ch('S')], action: Action::SyncNow, help: "sync with your other machines now ([sync] in config.toml)", hint: None },
    Row { mode: Main, keys: &[ch('?')], action: Action::ToggleHelp, help: "this help", hint: Some("help") },
    Row { mode: Main, keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit", hint: Some("quit") },
    Row { mode: Search, keys: &[], action: Action::SearchInput(' '), help: "filter skills by title, id, description or note", hint: None },
    Row { mode: Search, keys: &[key(KeyCode::Up), ctrl('p'), ctrl('k')], action: Action::Up, help: "previous result", hint: Some("choose") },
    Row { mode: Search, keys: &[key(KeyCode::Down), ctrl('n'), ctrl('j')], action: Action::Down, help: "next result", hint: None },
    Row { mode: Search, keys: &[key(KeyCode::PageUp)], action: Action::PageUp, help: "page up", hint: None },
    Row { mode: Search, keys: &[key(KeyCode::PageDown)], action: Action::PageDown, help: "page down", hint: None },
    Row { mode: Search, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "jump to the result", hint: Some("jump") },
    Row { mode: Search, keys: &[key(KeyCode::Backspace)], action: Action::SearchBackspace, help: "delete a character", hint: None },
    Row { mode: Search, keys: &[ctrl('u')], action: Action::SearchClear, help: "clear the query", hint: None },
    Row { mode: Search, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "cancel", hint: Some("cancel") },
    Row { mode: Search, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Stats, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "scroll up", hint: None },
    Row { mode: Stats, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "scroll down", hint: Some("scroll") },
    Row { mode: Stats, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Row { mode: Stats, keys: &[key(KeyCode::PageDown), ctrl('d'), ch(' ')], action: Action::PageDown, help: "page down", hint: Some("page") },
    Row { mode: Stats, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "top", hint: None },
    Row { mode: Stats, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "bottom", hint: None },
    Row { mode: Stats, keys: &[key(KeyCode::Esc), ch('a'), ch('q')], action: Action::Close, help: "close the stats", hint: Some("close") },
    Row { mode: Stats, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Help, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "scroll up", hint: None },
    Row { mode: Help, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "scroll down", hint: Some("scroll") },
    Row { mode: Help, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Row { mode: Help, keys: &[key(KeyCode::PageDown), ctrl('d'), ch(' ')], action: Action::PageDown, help: "page down", hint: Some("page") },
    Row { mode: Help, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "top", hint: None },
    Row { mode: Help, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "bottom", hint: None },
    Row { mode: Help, keys: &[ch('?'), key(KeyCode::Esc), ch('q')], action: Action::Close, help: "close the help", hint: Some("close") },
    Row { mode: Help, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Unreadable, keys: &[ch('r')], action: Action::RestoreBackup, help: "restore the backup (when it can be read); the damaged file is kept aside", hint: Some("restore") },
    Row { mode: Unreadable, keys: &[ch('m')], action: Action::MoveAside, help: "move the damaged profile aside and start fresh", hint: Some("move aside") },
    Row { mode: Unreadable, keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit, leaving the file as it is", hint: Some("quit") },
    Row { mode: Switcher, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "previous roadmap", hint: None },
    Row { mode: Switcher, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "next roadmap", hint: Some("choose") },
    Row { mode: Switcher, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "first", hint: None },
    Row { mode: Switcher, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "last", hint: None },
    Row { mode: Switcher, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "show the roadmap (where you left it)", hint: Some("switch") },
    Row { mode: Switcher, keys: &[key(KeyCode::Esc), ch('m'), ch('q')], action: Action::Close, help: "close the switcher", hint: Some("close") },
    Row { mode: Switcher, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Goal, keys: &[], action: Action::SearchInput(' '), help: "type the date as YYYY-MM-DD", hint: None },
    Row { mode: Goal, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "set the goal (an empty date clears it)", hint: Some("set") },
    Row { mode: Goal, keys: &[key(KeyCode::Backspace)], action: Action::SearchBackspace, help: "delete a character", hint: None },
    Row { mode: Goal, keys: &[ctrl('u')], action: Action::SearchClear, help: "clear the date", hint: Some("clear") },
    Row { mode: Goal, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "cancel, leaving the goal as it is", hint: Some("cancel") },
    Row { mode: Goal, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Review, keys: &[ch('1')], action: Action::Grade(Grade::Again), help: "again: could not explain or use it without looking it up", hint: Some("again") },
    Row { mode: Review, keys: &[ch('2')], action: Action::Grade(Grade::Hard), help: "hard: recalled it, with effort", hint: Some("hard") },
    Row { mode: Review, keys: &[ch('3')], action: Action::Grade(Grade::Good), help: "good: could explain it and apply it", hint: Some("good") },
    Row { mode: Review, keys: &[ch('4')], action: Action::Grade(Grade::Easy), help: "easy: trivial", hint: Some("easy") },
    Row { mode: Review, keys: &[ch('s')], action: Action::SkipCard, help: "leave it for later, ungraded", hint: Some("skip") },
    Row { mode: Review, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "scroll up", hint: None },
    Row { mode: Review, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "scroll down", hint: None },
    Row { mode: Review, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Row { mode: Review, keys: &[key(KeyCode::PageDown), ctrl('d')], action: Action::PageDown, help: "page down", hint: None },
    Row { mode: Review, keys: &[key(KeyCode::Esc), ch('q')], action: Action::Close, help: "end the session (what was graded is saved)", hint: Some("close") },
    Row { mode: Review, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Today, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "previous line", hint: None },
    Row { mode: Today, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "next line", hint: Some("choose") },
    Row { mode: Today, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "page up", hint: None },
    Row { mode: Today, keys: &[key(KeyCode::PageDown), ctrl('d')], action: Action::PageDown, help: "page down", hint: None },
    Row { mode: Today, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "first", hint: None },
    Row { mode: Today, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "last", hint: None },
    Row { mode: Today, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "show the skill in the main view", hint: Some("show") },
    Row { mode: Today, keys: &[ch('R')], action: Action::OpenReview, help: "start the review session", hint: Some("review") },
    Row { mode: Today, keys: &[ch('T')], action: Action::LogTime, help: "log time spent on the chosen skill", hint: Some("log time") },
    Row { mode: Today, keys: &[key(KeyCode::Esc), ch('t'), ch('q')], action: Action::Close, help: "close today's plan", hint: Some("close") },
    Row { mode: Today, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: LogTime, keys: &[], action: Action::SearchInput(' '), help: "the time: 45m, 1.5h, 2h30m (-30m takes back time)", hint: None },
    Row { mode: LogTime, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "log it", hint: Some("log") },
    Row { mode: LogTime, keys: &[key(KeyCode::Backspace)], action: Action::SearchBackspace, help: "delete a character", hint: None },
    Row { mode: LogTime, keys: &[ctrl('u')], action: Action::SearchClear, help: "clear", hint: None },
    Row { mode: LogTime, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "cancel", hint: Some("cancel") },
    Row { mode: LogTime, keys: &[ctrl('c')], action: Action::Quit, help: "quit", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::Up), ch('k')], action: Action::Up, help: "to a prerequisite (the one you came from first)", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::Down), ch('j')], action: Action::Down, help: "to a skill it unlocks (the one you came from first)", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::Left), ch('h')], action: Action::Left, help: "to the neighbour on the left in the same stage", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::Right), ch('l')], action: Action::Right, help: "to the neighbour on the right in the same stage", hint: None },
    Row { mode: Map, keys: &[ch('K')], action: Action::PanUp, help: "move the view up (the selection stays)", hint: None },
    Row { mode: Map, keys: &[ch('J')], action: Action::PanDown, help: "move the view down", hint: None },
    Row { mode: Map, keys: &[ch('H')], action: Action::PanLeft, help: "move the view left", hint: None },
    Row { mode: Map, keys: &[ch('L')], action: Action::PanRight, help: "move the view right", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::PageUp), ctrl('u')], action: Action::PageUp, help: "move the view a page up", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::PageDown), ctrl('d')], action: Action::PageDown, help: "move the view a page down", hint: None },
    Row { mode: Map, keys: &[ch('z')], action: Action::MapCenter, help: "the selected skill in the middle of the view", hint: None },
    Row { mode: Map, keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "the first skill on the map", hint: None },
    Row { mode: Map, keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "the last skill on the map", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::Enter)], action: Action::Enter, help: "the selected skill's details", hint: Some("details") },
    Row { mode: Map, keys: &[ch('f')], action: Action::MapFocus, help: "focus: only what the skill needs and what it unlocks (again: all)", hint: Some("focus") },
    Row { mode: Map, keys: &[ch('t')], action: Action::MapStage, help: "only the skill's stage (again: all)", hint: Some("stage") },
    Row { mode: Map, keys: &[ch(' ')], action: Action::ToggleDone, help: "toggle done (done on an option picks it)", hint: Some("done") },
    Row { mode: Map, keys: &[ch('p')], action: Action::SetStatus(Status::Doing), help: "mark doing (in progress)", hint: Some("doing") },
    Row { mode: Map, keys: &[ch('s')], action: Action::SetStatus(Status::Skipped), help: "skip (known, or not for you; declines an option)", hint: None },
    Row { mode: Map, keys: &[ch('r')], action: Action::SetStatus(Status::Todo), help: "reset to todo", hint: None },
    Row { mode: Map, keys: &[ch('u')], action: Action::Undo, help: "undo the last status change", hint: None },
    Row { mode: Map, keys: &[ch('n')], action: Action::JumpNext, help: "to the top suggestion", hint: Some("next") },
    Row { mode: Map, keys: &[ch('['), ctrl('o')], action: Action::Back, help: "back to before the last jump (on the map or off it)", hint: Some("back") },
    Row { mode: Map, keys: &[ch(']')], action: Action::Forward, help: "forward again", hint: None },
    Row { mode: Map, keys: &[key(KeyCode::Esc)], action: Action::Close, help: "step back out: focus or stage → whole map → lists", hint: None },
    Row { mode: Map, keys: &[ch('M')], action: Action::OpenMap, help: "back to the lists", hint: Some("lists") },
    Row { mode: Map, keys: &[ch('?')], action: Action::ToggleHelp, help: "this help", hint: Some("help") },
    Row { mode: Map, keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit", hint: Some("quit") },
];

/// What the mouse does, for the help.
pub const MOUSE_HELP: &[(&str, &str)] = &[
    (
        "click",
        "select a pane and the row under the pointer (on the map: a skill)",
    ),
    (
        "wheel",
        "scroll the pane under the pointer (on the map: the view)",
    ),
];

/// The keys in use: the built-in table, possibly rebound by the config.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|r| Binding {
                    mode: r.mode,
                    keys: r.keys.to_vec(),
                    action: r.action.clone(),
                    help: r.help,
                    hint: r.hint,
                })
                .collect(),
        }
    }
}

/// Why a rebinding was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    /// No action of that name in that mode: the names there are listed.
    UnknownAction {
        mode: KeyMode,
        name: String,
        known: Vec<&'static str>,
    },
    /// Two actions share one key in one mode.
    Conflict {
        mode: KeyMode,
        key: String,
        first: &'static str,
        second: &'static str,
    },
    /// Ctrl-C bound to something else than quitting: it always quits.
    CtrlC { mode: KeyMode, action: &'static str },
    /// A screen left without a key that leaves it (`action`: its way
    /// back, `close`).
    NoWayOut { mode: KeyMode, action: &'static str },
}

/// Ctrl-C quits in every mode, whatever the config says: a config can
/// never trap the learner in the view.
pub const CTRL_C: Key = ctrl('c');

impl KeymapError {
    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            KeymapError::UnknownAction { .. } => "use one of the names listed",
            KeymapError::Conflict { .. } => "a key can do one thing per mode",
            KeymapError::CtrlC { .. } => "give that action another key",
            KeymapError::NoWayOut { .. } => {
                "give it at least one key (`roadmap config default` shows the built-in ones)"
            }
        }
    }

    /// The mode and the action whose line in the config is at fault.
    pub fn culprit(&self) -> Option<(KeyMode, &'static str)> {
        match self {
            KeymapError::CtrlC { mode, action } | KeymapError::NoWayOut { mode, action } => {
                Some((*mode, action))
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeymapError::UnknownAction { mode, name, known } => write!(
                f,
                "there is no action '{}' in [keys.{}]; the actions there are: {}",
                crate::model::text::clip(name, 40),
                mode.name(),
                known.join(", ")
            ),
            KeymapError::Conflict {
                mode,
                key,
                first,
                second,
            } => write!(
                f,
                "the key \"{key}\" is bound to both '{first}' and '{second}' in [keys.{}]; \
                 give one of them another key (a rebound action loses its built-in keys, \
                 the other keeps them)",
                mode.name()
            ),
            KeymapError::CtrlC { mode, action } => write!(
                f,
                "ctrl-c is bound to '{action}' in [keys.{}], but ctrl-c always quits, in every mode, \
                 so that no config can trap you in the view",
                mode.name()
            ),
            KeymapError::NoWayOut { mode, action } => write!(
                f,
                "'{action}' has no key in [keys.{}], and nothing else leaves the {} screen \
                 (ctrl-c would quit the whole app)",
                mode.name(),
                mode.title().to_lowercase()
            ),
        }
    }
}

impl Keymap {
    /// The bindings of one mode, in the order the help lists them.
    pub fn bindings(&self, mode: KeyMode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    /// The names the config file can rebind in `mode` (typing in the
    /// search box is not a key and cannot be rebound).
    pub fn action_names(&self, mode: KeyMode) -> Vec<&'static str> {
        self.bindings(mode)
            .filter(|b| b.rebindable())
            .map(|b| b.action.name())
            .collect()
    }

    /// Gives the action called `name` in `mode` these keys instead of its
    /// own. Call [`Keymap::check`] once every rebinding is done.
    pub fn rebind(&mut self, mode: KeyMode, name: &str, keys: Vec<Key>) -> Result<(), KeymapError> {
        let known = self.action_names(mode);
        let row = self
            .bindings
            .iter_mut()
            .find(|b| b.mode == mode && b.rebindable() && b.action.name() == name)
            .ok_or_else(|| KeymapError::UnknownAction {
                mode,
                name: name.to_string(),
                known,
            })?;
        row.keys = keys;
        // Ctrl-C quits whatever else quits.
        if row.action == Action::Quit && !row.keys.contains(&CTRL_C) {
            row.keys.push(CTRL_C);
        }
        Ok(())
    }

    /// Refuses a key bound to two actions in one mode, Ctrl-C bound to
    /// anything but quitting, and an overlay without a key that closes it:
    /// every mode keeps a key that quits or goes back.
    pub fn check(&self) -> Result<(), KeymapError> {
        for mode in KeyMode::ALL {
            if let Some(b) = self
                .bindings(mode)
                .find(|b| b.action != Action::Quit && b.keys.contains(&CTRL_C))
            {
                return Err(KeymapError::CtrlC {
                    mode,
                    action: b.action.name(),
                });
            }
            // The main view and the damaged-profile popup are left by
            // quitting (Ctrl-C at least); the others by closing them.
            if !matches!(mode, KeyMode::Main | KeyMode::Unreadable)
                && let Some(b) = self
                    .bindings(mode)
                    .find(|b| b.action == Action::Close && b.keys.is_empty())
            {
                return Err(KeymapError::NoWayOut {
                    mode,
                    action: b.action.name(),
                });
            }
        }
        for mode in KeyMode::ALL {
            let rows: Vec<&Binding> = self.bindings(mode).collect();
            for (i, a) in rows.iter().enumerate() {
                for b in &rows[i + 1..] {
                    if let Some(k) = a.keys.iter().find(|k| b.keys.contains(k)) {
                        return Err(KeymapError::Conflict {
                            mode,
                            key: k.notation(),
                            first: a.action.name(),
                            second: b.action.name(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// Maps a key press to an action in `mode`.
    pub fn key_action(&self, mode: KeyMode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let pressed = Key {
            code: event.code,
            ctrl,
        };
        if let Some(b) = self.bindings(mode).find(|b| b.keys.contains(&pressed)) {
            return Some(b.action.clone());
        }
        match (mode, event.code) {
            (KeyMode::Search | KeyMode::Goal | KeyMode::LogTime, KeyCode::Char(c))
                if !ctrl && !event.modifiers.contains(KeyModifiers::ALT) =>
            {
                Some(Action::SearchInput(c))
            }
            _ => None,
        }
    }

    /// Maps any terminal event to an action in `mode`.
    pub fn event_action(&self, mode: KeyMode, event: &Event) -> Option<Action> {
        match event {
            Event::Key(k) => self.key_action(mode, *k),
            Event::Mouse(m) => mouse_action(*m),
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            _ => None,
        }
    }

    /// The footer hints of `mode`: (key label, word), in table order. An
    /// action bound to no key at all is left out.
    pub fn hints(&self, mode: KeyMode) -> Vec<(String, &'static str)> {
        self.hinted(mode)
            .into_iter()
            .map(|(_, key, word)| (key, word))
            .collect()
    }

    /// The footer hints of `mode` with the action each stands for, in
    /// table order (the footer picks among them by what the focused pane
    /// needs).
    pub fn hinted(&self, mode: KeyMode) -> Vec<(&Action, String, &'static str)> {
        self.bindings(mode)
            .filter_map(|b| {
                let word = b.hint?;
                let key = if b.action == Action::SearchInput(' ') {
                    "text".to_string()
                } else {
                    let k = b.keys.first()?;
                    if k.code == KeyCode::Char(' ') {
                        "␣".to_string()
                    } else {
                        k.label()
                    }
                };
                Some((&b.action, key, word))
            })
            .collect()
    }

    /// The first key bound to `action` in `mode`, as the help shows it.
    pub fn key_of(&self, mode: KeyMode, action: &Action) -> Option<String> {
        self.bindings(mode)
            .find(|b| &b.action == action)
            .and_then(|b| b.keys.first())
            .map(|k| k.label())
    }
}

/// The built-in keymap, for code and tests that have no config.
pub fn builtin() -> &'static Keymap {
    static BUILTIN: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::default);
    &BUILTIN
}

/// The built-in bindings of one mode.
pub fn bindings(mode: KeyMode) -> impl Iterator<Item = &'static Binding> {
    builtin().bindings(mode)
}

/// Maps a key press to an action in `mode` with the built-in keys.
pub fn key_action(mode: KeyMode, event: KeyEvent) -> Option<Action> {
    builtin().key_action(mode, event)
}

/// The built-in footer hints of `mode`.
pub fn hints(mode: KeyMode) -> Vec<(String, &'static str)> {
    builtin().hints(mode)
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
