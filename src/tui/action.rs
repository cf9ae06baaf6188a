//! Everything that can happen to the app: user intents (from the keymap or
//! the mouse), terminal events, and the outcomes of effects the run loop
//! performed. `update` is the only consumer.

use chrono::{DateTime, Utc};

use super::app::{LoadedRoadmap, SwitchEntry, SyncNews};
use crate::model::review::Grade;
use crate::model::{NoteEdit, NoteSaved, Profile, Status};
use crate::session::RoadmapSource;

/// One input to [`crate::tui::app::App::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    /// Focus the pane on the left (no wrap).
    Left,
    /// Focus the pane on the right (no wrap).
    Right,
    /// Focus the next pane, wrapping (Tab).
    NextPane,
    /// Focus the previous pane, wrapping (Shift-Tab).
    PrevPane,
    /// Enter: focus a stage's skills, open a skill's details, follow a
    /// link in the details, jump to a suggestion.
    Enter,
    ToggleDone,
    SetStatus(Status),
    Undo,
    /// Jump to the top suggestion.
    JumpNext,
    OpenResource,
    OpenSearch,
    SearchInput(char),
    SearchBackspace,
    SearchClear,
    ToggleHelp,
    /// Esc: close the open popup (help, search); in the main view, go
    /// back out one level (details → skills → stages). Never quits.
    Close,
    Quit,
    /// In the unreadable-profile popup: move the file aside, start fresh.
    MoveAside,
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
    /// The store saved: the merged profile it wrote, or the error text.
    Saved(Result<Profile, String>),
    /// The unreadable profile was moved aside (the new path), or why not.
    MovedAside(Result<String, String>),
    /// The browser was asked to open a URL (or why it could not be).
    Opened(Result<String, String>),
    /// The profile file changed on disk (another `roadmap` saved): what it
    /// holds now. Merged in; nothing of ours is dropped.
    Reloaded(Profile),
    /// SIGTERM, SIGHUP or SIGINT: save what is unsaved and quit.
    Terminate,
    /// `y`: copy the address of the selected resource to the clipboard.
    CopyUrl,
    /// No browser could be opened for this URL (SSH, no display, or the
    /// opener failed): show the address instead.
    NoBrowser(String),
    /// Show the next / previous skills filter.
    NextFilter,
    PrevFilter,
    /// Back to where the learner was before the last jump (a followed
    /// link, a suggestion, a search result).
    Back,
    /// Forward again, after going back.
    Forward,
    /// Open the stats view: streaks, the calendar, pace and finish date.
    OpenStats,
    /// Open the roadmap switcher (the run loop lists the roadmaps first).
    OpenSwitcher,
    /// The library's roadmaps with the profile's progress on each, or why
    /// they could not be listed.
    Roadmaps(Result<Vec<SwitchEntry>, String>),
    /// The roadmap the switcher asked for, loaded, or why not.
    RoadmapLoaded(Result<LoadedRoadmap, String>),
    /// `e`: edit the current skill's note in the editor.
    EditNote,
    /// The editor closed: the text saved in it (trailing blank lines
    /// dropped), or why there is none. `base` is the stamp of the version
    /// the editor was opened on.
    NoteEdited {
        skill: usize,
        base: Option<DateTime<Utc>>,
        result: Result<String, String>,
    },
    /// The store applied a note change: the saved profile and what the
    /// change did, or the error text.
    NoteSaved {
        skill: usize,
        result: Result<(Profile, NoteSaved), String>,
    },
    /// Sync with the other machines now.
    SyncNow,
    /// A sync finished: what it did, or why it did not. `full: false`:
    /// only this machine's file was written out after a save (with
    /// `[sync] folder`), and only a failure is news.
    Synced {
        full: bool,
        result: Result<SyncNews, String>,
    },
    /// In the unreadable-profile popup: put the backup back in place of
    /// the damaged file (which is moved aside).
    RestoreBackup,
    /// The backup was put back: the restored profile and where the damaged
    /// file went, or why not.
    Restored(Result<(Profile, String), String>),
    /// Open the prompt for the goal date.
    OpenGoal,
    /// The store saved the goal: the saved profile, or the error text.
    GoalSaved(Result<Profile, String>),
    /// `R`: the review session over today's reviews.
    OpenReview,
    /// In the review session: grade the skill shown.
    Grade(Grade),
    /// In the review session: leave the skill shown for later, ungraded.
    SkipCard,
    /// `t`: today's plan.
    OpenToday,
    /// `T`: log time spent on the current skill.
    LogTime,
    /// Show the map: the roadmap as a graph (again: back to the lists).
    OpenMap,
    /// On the map: only the selected skill, what it needs and what it
    /// unlocks (again: the whole map).
    MapFocus,
    /// On the map: only the selected skill's stage (again: the whole map).
    MapStage,
    /// On the map: move the view without moving the selection.
    PanUp,
    PanDown,
    PanLeft,
    PanRight,
    /// On the map: the selected skill in the middle of the view.
    MapCenter,
}

/// What the run loop must do after an update. `update` never touches files
/// or the terminal itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Hand the app's unsaved status changes (`App::unsaved`) to the store,
    /// which applies them under its lock; then report `Saved`.
    Save,
    /// Open an http(s) URL in the browser, then report `Opened`.
    OpenUrl(String),
    /// Move the unreadable profile aside, then report `MovedAside`.
    MoveAside,
    Quit,
    /// Put this text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Open `text` (the note of `skill`, stamped `base`) in the editor,
    /// with the terminal given back meanwhile; then report `NoteEdited`.
    EditNote {
        skill: usize,
        text: String,
        base: Option<DateTime<Utc>>,
    },
    /// Apply a note change under the store's lock; then report `NoteSaved`.
    SaveNote {
        skill: usize,
        edit: NoteEdit,
    },
    /// List the library's roadmaps with the profile's progress, then
    /// report `Roadmaps`.
    ListRoadmaps,
    /// Load this roadmap, then report `RoadmapLoaded`.
    LoadRoadmap(RoadmapSource),
    /// Sync with the other machines (`App::sync_state`'s target) off the
    /// thread that handles keys and signals; then report `Synced`.
    Sync,
    /// Put the backup in place of the damaged profile, then report
    /// `Restored`.
    RestoreBackup,
    /// Set (or with `None` clear) the goal date under the store's lock,
    /// then report `GoalSaved`.
    SaveGoal(Option<chrono::NaiveDate>),
}

impl Action {
    /// The action's name in the config file (`[keys.main] quit = "x"`).
    /// One name per variant, checked by the compiler: a new action gets its
    /// name here and can then be rebound. Names of actions no key produces
    /// (mouse, terminal, outcomes) are never looked up.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::First => "first",
            Action::Last => "last",
            Action::PageUp => "page-up",
            Action::PageDown => "page-down",
            Action::Left => "left",
            Action::Right => "right",
            Action::NextPane => "next-pane",
            Action::PrevPane => "prev-pane",
            Action::Enter => "enter",
            Action::ToggleDone => "toggle-done",
            Action::SetStatus(Status::Doing) => "doing",
            Action::SetStatus(Status::Skipped) => "skip",
            Action::SetStatus(Status::Todo) => "reset",
            Action::SetStatus(Status::Done) => "done",
            Action::Undo => "undo",
            Action::JumpNext => "jump-next",
            Action::OpenResource => "open",
            Action::OpenSearch => "search",
            Action::SearchInput(_) => "type",
            Action::SearchBackspace => "backspace",
            Action::SearchClear => "clear",
            Action::ToggleHelp => "help",
            Action::Close => "close",
            Action::Quit => "quit",
            Action::MoveAside => "move-aside",
            Action::Click { .. } => "click",
            Action::ScrollUp { .. } => "scroll-up",
            Action::ScrollDown { .. } => "scroll-down",
            Action::Resize(..) => "resize",
            Action::Saved(_) => "saved",
            Action::MovedAside(_) => "moved-aside",
            Action::Opened(_) => "opened",
            Action::Reloaded(_) => "reloaded",
            Action::Terminate => "terminate",
            Action::CopyUrl => "copy-url",
            Action::NoBrowser(_) => "no-browser",
            Action::NextFilter => "next-filter",
            Action::PrevFilter => "prev-filter",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::OpenStats => "stats",
            Action::OpenSwitcher => "switcher",
            Action::Roadmaps(_) => "roadmaps",
            Action::RoadmapLoaded(_) => "roadmap-loaded",
            Action::EditNote => "edit-note",
            Action::NoteEdited { .. } => "note-edited",
            Action::NoteSaved { .. } => "note-saved",
            Action::SyncNow => "sync",
            Action::Synced { .. } => "synced",
            Action::RestoreBackup => "restore-backup",
            Action::Restored(_) => "restored",
            Action::OpenGoal => "goal",
            Action::GoalSaved(_) => "goal-saved",
            Action::OpenReview => "review",
            Action::Grade(g) => g.as_str(),
            Action::SkipCard => "skip-card",
            Action::OpenToday => "today",
            Action::LogTime => "log-time",
            Action::OpenMap => "map",
            Action::MapFocus => "focus",
            Action::MapStage => "stage",
            Action::PanUp => "pan-up",
            Action::PanDown => "pan-down",
            Action::PanLeft => "pan-left",
            Action::PanRight => "pan-right",
            Action::MapCenter => "center",
        }
    }
}
