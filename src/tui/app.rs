//! The app state and `update`: the whole behaviour of the TUI, with no
//! terminal and no files. `update` takes `now` and returns the effects the
//! run loop must perform.

mod damaged;
mod details;
pub mod filter;
mod goal;
mod history;
pub mod map;
pub(crate) mod nav;
mod next;
pub(crate) mod note;
pub(crate) mod review;
mod rows;
mod screen;
mod search;
mod stats;
mod status;
mod switcher;
mod sync;
pub(crate) mod today;
mod update;

use chrono::{DateTime, Utc};

pub use damaged::damage_text;
pub use filter::Filter;
pub use goal::GoalPrompt;
pub use history::{HISTORY_LEVELS, History};
pub use next::NextItem;
use rows::{build_rows, first_skill_row};
pub use search::SearchState;
pub use switcher::{LoadedRoadmap, SwitchEntry, SwitcherState};
pub use sync::{SyncNews, SyncState};

use super::keymap::{KeyMode, Keymap};
use super::theme::Theme;
use super::view::layout::{self, Areas};
use super::view::text::Zone;
use crate::model::live::Live;
use crate::model::{
    Entry, Evaluation, Profile, Roadmap, SetStatus, SkillState, Status, Step, Suggestion,
};
use crate::store::backup::Backup;

/// How many suggestions the next-steps pane can show.
pub const SUGGESTIONS: usize = 10;
/// How many status changes `u` can undo.
pub const UNDO_LEVELS: usize = 100;

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Stages,
    Skills,
    Details,
    Next,
}

impl Pane {
    pub const ORDER: [Pane; 4] = [Pane::Stages, Pane::Skills, Pane::Details, Pane::Next];

    fn index(self) -> usize {
        Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0)
    }
}

/// One row of the skills pane: a "pick one" group header or a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Choice(usize),
    /// A skill; `grouped` when it sits under a choice header.
    Skill {
        skill: usize,
        grouped: bool,
    },
}

/// A status change that `u` can take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undo {
    pub skill: usize,
    pub before: Status,
    pub after: Status,
    /// A change of the skill's note (its texts are on `App::note_undo`),
    /// not of its status.
    pub note: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

/// What is on screen above the main view.
pub enum Mode {
    Main,
    Help {
        scroll: usize,
    },
    Search(Box<SearchState>),
    /// Streaks, the calendar heatmap, pace and finish date.
    Stats {
        scroll: usize,
    },
    /// The profile file could not be read: offer to restore its backup,
    /// move it aside, or quit.
    Unreadable {
        error: String,
        failure: Option<String>,
        /// What the backup holds.
        backup: Backup,
    },
    /// The roadmap switcher.
    Switcher(Box<SwitcherState>),
    /// The prompt for the goal date.
    Goal(Box<GoalPrompt>),
    /// The review session: today's reviews, one at a time.
    Review(Box<review::ReviewSession>),
    /// Today's plan.
    Today(today::TodayState),
    /// Typing the time spent on a skill.
    LogTime(Box<today::TimeInput>),
    /// The map: the roadmap as a graph (its state is `App::map`).
    Map,
}

/// The details pane: which link is selected and how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailState {
    pub cursor: usize,
    pub scroll: usize,
}

pub struct App {
    pub(crate) roadmap: Roadmap,
    pub(crate) profile: Profile,
    pub(crate) profile_name: String,
    pub(crate) theme: Theme,
    /// The keys in use (built-in, or rebound by the config file).
    pub(crate) keymap: Keymap,
    /// The zone dates are shown in (files stay UTC).
    pub(crate) zone: Zone,
    /// Which skills the skills pane shows.
    pub(crate) filter: Filter,
    // Derived from the profile; recomputed only when statuses change.
    pub(crate) live: Live,
    pub(crate) suggestions: Vec<Suggestion>,
    /// The stats view's numbers: computed when it opens, kept until the
    /// statuses (or the day) change.
    pub(crate) journal: Option<Box<crate::model::journal::Stats>>,
    /// What the goal date asks for, when one is set.
    pub(crate) goal: Option<crate::model::goal::GoalPlan>,
    // Derived from the roadmap (and the statuses while a filter is on).
    pub(crate) rows: Vec<Vec<Row>>,
    pub(crate) row_of: Vec<usize>,
    // What the user looks at.
    pub(crate) mode: Mode,
    pub(crate) focus: Pane,
    pub(crate) stage: usize,
    pub(crate) stage_offset: usize,
    pub(crate) cursor: Vec<usize>,
    pub(crate) offset: Vec<usize>,
    /// The rows of the next-steps pane: suggestions, and the options of
    /// the choices in `expanded` under theirs.
    pub(crate) next_items: Vec<NextItem>,
    pub(crate) expanded: Vec<usize>,
    pub(crate) next_cursor: usize,
    pub(crate) next_offset: usize,
    pub(crate) detail: DetailState,
    pub(crate) size: (u16, u16),
    /// Where the learner was before each jump, for back and forward.
    pub(crate) history: History,
    // Bookkeeping.
    pub(crate) undo: Vec<Undo>,
    /// The texts of the note changes on `undo`, in the same order.
    pub(crate) note_undo: Vec<note::NoteUndo>,
    pub(crate) message: Option<Message>,
    /// What the last change did, to say "saved · …" once it is on disk.
    pub(crate) pending: Option<String>,
    /// The profile in memory has changes the store has not taken yet.
    pub(crate) dirty: bool,
    /// Those changes, in order: the store applies (and stamps) them under
    /// its lock, so nothing older in memory can undo a newer saved change.
    pub(crate) unsaved: Vec<SetStatus>,
    /// Where quitting stands.
    pub(crate) exit: Exit,
    /// The other roadmaps opened in this session, each as it was left
    /// (place, history, undo), while this one is shown.
    pub(crate) parked: Vec<App>,
    /// Sync with other machines: where to, and whether one is running.
    pub(crate) sync: SyncState,
    /// Review schedules, reviews and time not yet saved, today's plan.
    pub(crate) reviews: review::Reviews,
    /// The map as it was last shown (kept while the lists are shown).
    pub(crate) map: Option<Box<map::MapState>>,
    /// The map is the screen under the popup shown (help).
    pub(crate) map_under: bool,
    /// Notes as the details pane shows them, rendered once per change.
    pub(crate) note_lines: super::view::details::note_lines::NoteCache,
}

/// Where quitting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Not quitting.
    Stay,
    /// Quit was asked for; quit once the final save succeeds.
    AfterSave,
    /// The final save failed; the next quit leaves without saving.
    Confirm,
    /// A signal asked us to stop: quit after the save, whatever its outcome.
    Regardless,
}

impl App {
    pub fn new(roadmap: Roadmap, profile: Profile, profile_name: &str, now: DateTime<Utc>) -> App {
        let (rows, row_of) = build_rows(&roadmap, |_| true);
        let stage_count = roadmap.stages.len();
        let cursor = rows
            .iter()
            .map(|r| first_skill_row(r).unwrap_or(0))
            .collect();
        let live = Live::new(&roadmap, profile.states(&roadmap));
        let mut app = App {
            roadmap,
            profile,
            profile_name: crate::model::text::clean(profile_name).into_owned(),
            theme: Theme::default(),
            keymap: Keymap::default(),
            zone: Zone::default(),
            filter: Filter::All,
            live,
            suggestions: Vec::new(),
            journal: None,
            goal: None,
            rows,
            row_of,
            mode: Mode::Main,
            focus: Pane::Skills,
            stage: 0,
            stage_offset: 0,
            cursor,
            offset: vec![0; stage_count],
            next_items: Vec::new(),
            expanded: Vec::new(),
            next_cursor: 0,
            next_offset: 0,
            detail: DetailState::default(),
            size: (layout::MIN_WIDTH, layout::MIN_HEIGHT),
            history: History::default(),
            undo: Vec::new(),
            note_undo: Vec::new(),
            message: None,
            pending: None,
            dirty: false,
            unsaved: Vec::new(),
            exit: Exit::Stay,
            parked: Vec::new(),
            sync: SyncState::default(),
            reviews: review::Reviews::new(now),
            map: None,
            map_under: false,
            note_lines: super::view::details::note_lines::NoteCache::default(),
        };
        app.recompute(now);
        // Start where the learner is: the first stage not finished yet.
        if let Some(s) = app.current_stage() {
            app.stage = s;
        }
        app
    }

    /// An app whose profile file is unreadable: shows the popup that offers
    /// to move the file aside. Nothing is ever saved while it is open.
    pub fn unreadable(
        roadmap: Roadmap,
        profile_name: &str,
        error: &str,
        now: DateTime<Utc>,
    ) -> App {
        let mut app = App::new(roadmap, Profile::default(), profile_name, now);
        app.mode = Mode::Unreadable {
            error: crate::model::text::clean(error).into_owned(),
            failure: None,
            backup: Backup::Missing,
        };
        app
    }

    /// What the damaged profile's backup holds (the popup offers to
    /// restore a readable one).
    #[must_use]
    pub fn with_backup(mut self, backup: Backup) -> App {
        if let Mode::Unreadable { backup: b, .. } = &mut self.mode {
            *b = backup;
        }
        self
    }

    #[must_use]
    pub fn with_theme(mut self, theme: Theme) -> App {
        self.theme = theme;
        self
    }

    #[must_use]
    pub fn with_keymap(mut self, keymap: Keymap) -> App {
        self.keymap = keymap;
        self
    }

    /// The keys in use.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Shows dates in `zone` (the run loop passes the user's).
    #[must_use]
    pub fn with_zone(mut self, zone: Zone) -> App {
        self.zone = zone;
        self
    }

    #[must_use]
    pub fn with_size(mut self, width: u16, height: u16) -> App {
        self.size = (width, height);
        self.sync_offsets();
        self
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The status changes the store has not taken yet, oldest first: what
    /// `Effect::Save` saves ([`crate::store::Store::apply`]).
    pub fn unsaved(&self) -> &[SetStatus] {
        &self.unsaved
    }

    pub fn status_of(&self, skill: usize) -> Status {
        self.states()[skill].status
    }

    /// Which key bindings apply now. Behind "Enlarge the terminal" the
    /// main view's, whose quit key that screen names.
    pub fn key_mode(&self) -> KeyMode {
        if self.too_small() {
            return KeyMode::Main;
        }
        match self.mode {
            Mode::Main => KeyMode::Main,
            Mode::Help { .. } => KeyMode::Help,
            Mode::Search(_) => KeyMode::Search,
            Mode::Unreadable { .. } => KeyMode::Unreadable,
            Mode::Stats { .. } => KeyMode::Stats,
            Mode::Switcher(_) => KeyMode::Switcher,
            Mode::Goal(_) => KeyMode::Goal,
            Mode::Review(_) => KeyMode::Review,
            Mode::Today(_) => KeyMode::Today,
            Mode::LogTime(_) => KeyMode::LogTime,
            Mode::Map => KeyMode::Map,
        }
    }

    /// The skill under the cursor of the skills pane.
    pub fn selected_skill(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Skill { skill, .. } => Some(skill),
            Row::Choice(_) => None,
        }
    }

    /// The row under the cursor of the skills pane: a skill or the header
    /// of a choice.
    pub fn selected_row(&self) -> Option<Row> {
        let rows = self.rows.get(self.stage)?;
        rows.get(self.cursor[self.stage]).copied()
    }

    /// What the details pane shows: the highlighted row of the next-steps
    /// pane while it has the focus (a suggested skill, a choice or one of
    /// its options), else the skill or choice selected in the skills pane.
    pub fn shown(&self) -> Option<Step> {
        if self.focus == Pane::Next
            && let Some(item) = self.next_item()
        {
            return self.next_step_of(item);
        }
        match self.selected_row()? {
            Row::Skill { skill, .. } => Some(Step::Skill(skill)),
            Row::Choice(c) => Some(Step::Choice(c)),
        }
    }

    /// The skill the details pane shows and status keys act on (none while
    /// a choice is shown).
    pub fn current_skill(&self) -> Option<usize> {
        match self.shown()? {
            Step::Skill(s) => Some(s),
            Step::Choice(_) => None,
        }
    }

    /// The choice the details pane shows, if it shows one.
    pub fn current_choice(&self) -> Option<usize> {
        match self.shown()? {
            Step::Choice(c) => Some(c),
            Step::Skill(_) => None,
        }
    }

    /// True for an unfinished option of a satisfied choice: the learner
    /// picked another one.
    /// One state per skill, in roadmap order.
    pub fn states(&self) -> &[SkillState] {
        self.live.states()
    }

    /// Progress derived from the states.
    pub fn eval(&self) -> &Evaluation {
        self.live.eval()
    }

    pub fn is_unpicked(&self, skill: usize) -> bool {
        self.eval().is_unpicked_alternative(skill)
    }

    /// The first stage that is not finished: where the learner is.
    pub fn current_stage(&self) -> Option<usize> {
        self.eval()
            .stages
            .iter()
            .position(|t| t.finished() < t.total())
    }

    /// The screen areas for the current terminal size.
    pub(crate) fn areas(&self) -> Areas {
        layout::areas(
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
            self.roadmap.stages.len(),
        )
    }

    /// Recomputes everything derived from the statuses.
    pub(crate) fn recompute(&mut self, now: DateTime<Utc>) {
        self.live = Live::new(&self.roadmap, self.profile.states(&self.roadmap));
        self.refresh_memory(None, now);
        self.refresh_suggestions(now);
    }

    /// Updates what depends on one skill's status (a key press: cheap at
    /// any roadmap size).
    pub(crate) fn recompute_skill(&mut self, skill: usize, now: DateTime<Utc>) {
        let state = self
            .profile
            .entry(&self.roadmap, skill)
            .map(Entry::state)
            .unwrap_or_default();
        self.live.set(&self.roadmap, skill, state);
        self.refresh_memory(Some(skill), now);
        self.refresh_suggestions(now);
    }

    pub(crate) fn refresh_suggestions(&mut self, now: DateTime<Utc>) {
        self.stats_changed(now);
        self.map_statuses_changed();
        self.refilter();
        self.suggestions = self.live.next_steps(&self.roadmap, now, SUGGESTIONS);
        self.mark_faded(now);
        self.goal = self.goal_plan(now);
        self.rebuild_next_items();
    }

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Info(text.into()));
    }

    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Error(text.into()));
    }
}
