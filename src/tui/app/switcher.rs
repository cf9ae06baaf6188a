//! The roadmap switcher: the library's roadmaps with the profile's progress
//! on each; Enter switches. Each roadmap keeps its place, its history and
//! its undo while another one is shown: the app of the roadmap left is
//! parked whole, and comes back as it was.

use chrono::{DateTime, Utc};

use super::{App, Mode};
use crate::library::Summary;
use crate::model::Roadmap;
use crate::session::RoadmapSource;
use crate::tui::action::{Action, Effect};

/// One roadmap in the switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchEntry {
    /// What `roadmap use` takes: `builtin`, an id or a path.
    pub key: String,
    /// `builtin`, `imported` or `file`.
    pub kind: &'static str,
    pub source: RoadmapSource,
    /// The roadmap is the default (`roadmap use`).
    pub in_use: bool,
    /// Title, roadmap id and progress, or why the roadmap does not load.
    pub loaded: Result<(String, String, usize, usize, u32), String>,
}

impl From<&Summary> for SwitchEntry {
    fn from(s: &Summary) -> Self {
        SwitchEntry {
            key: s.listed.key.clone(),
            kind: s.listed.kind.as_str(),
            source: s.listed.source.clone(),
            in_use: s.listed.in_use,
            loaded: s
                .loaded
                .as_ref()
                .map_err(Clone::clone)
                .map(|(t, id, tally)| {
                    (
                        t.clone(),
                        id.clone(),
                        tally.finished(),
                        tally.total(),
                        tally.percent(),
                    )
                }),
        }
    }
}

impl SwitchEntry {
    /// The id progress is kept under, when the roadmap loads.
    pub fn roadmap_id(&self) -> Option<&str> {
        self.loaded.as_ref().ok().map(|l| l.1.as_str())
    }
}

/// The open switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitcherState {
    pub entries: Vec<SwitchEntry>,
    pub cursor: usize,
}

/// A roadmap the run loop loaded for the switcher. Compared by id and
/// size (a roadmap has no cheaper equality).
#[derive(Debug, Clone)]
pub struct LoadedRoadmap(pub Box<Roadmap>);

impl PartialEq for LoadedRoadmap {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id && self.0.skills.len() == other.0.skills.len()
    }
}

impl App {
    /// The run loop listed the roadmaps: open the switcher on the one shown.
    pub(crate) fn on_roadmaps(&mut self, listed: Result<Vec<SwitchEntry>, String>) {
        // Listing runs off the loop: the learner may have opened something
        // else meanwhile, which the list does not push aside.
        if !matches!(self.mode, Mode::Main | Mode::Switcher(_)) {
            return;
        }
        match listed {
            Ok(entries) => {
                let cursor = entries
                    .iter()
                    .position(|e| e.roadmap_id() == Some(self.roadmap.id.as_str()))
                    .unwrap_or(0);
                self.mode = Mode::Switcher(Box::new(SwitcherState { entries, cursor }));
                if matches!(&self.message, Some(super::Message::Info(_))) {
                    self.message = None;
                }
            }
            Err(e) => self.error(format!("cannot list the roadmaps: {e}")),
        }
    }

    pub(crate) fn update_switcher(&mut self, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
        let Mode::Switcher(state) = &mut self.mode else {
            return Vec::new();
        };
        let last = state.entries.len().saturating_sub(1);
        match action {
            Action::Up | Action::ScrollUp { .. } => state.cursor = state.cursor.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => state.cursor = (state.cursor + 1).min(last),
            Action::First => state.cursor = 0,
            Action::Last => state.cursor = last,
            Action::Close | Action::OpenSwitcher => self.mode = Mode::Main,
            Action::Quit => {
                self.mode = Mode::Main;
                return self.update(Action::Quit, now);
            }
            Action::Enter => {
                let Some(entry) = state.entries.get(state.cursor).cloned() else {
                    return Vec::new();
                };
                return self.choose(&entry, now);
            }
            _ => {}
        }
        Vec::new()
    }

    fn choose(&mut self, entry: &SwitchEntry, now: DateTime<Utc>) -> Vec<Effect> {
        self.mode = Mode::Main;
        let id = match &entry.loaded {
            Ok(l) => l.1.clone(),
            Err(e) => {
                self.error(format!("{} cannot be loaded: {e}", entry.key));
                return Vec::new();
            }
        };
        if id == self.roadmap.id {
            return Vec::new();
        }
        // Unsaved changes belong to this roadmap's skills: they are saved
        // (the next change or quitting retries) before another is shown,
        // so switching can never leave them behind.
        if !self.unsaved.is_empty() {
            self.error(
                "your last changes are not saved yet: switching waits until they are \
                 (the next change retries the save)",
            );
            return Vec::new();
        }
        if let Some(i) = self.parked.iter().position(|a| a.roadmap.id == id) {
            let back = self.parked.remove(i);
            self.switch_to(back, now);
            return Vec::new();
        }
        vec![Effect::LoadRoadmap(entry.source.clone())]
    }

    /// The run loop loaded the roadmap the switcher asked for.
    pub(crate) fn on_roadmap_loaded(
        &mut self,
        loaded: Result<LoadedRoadmap, String>,
        now: DateTime<Utc>,
    ) {
        match loaded {
            // Loading ran off the loop: what happened meanwhile decides. A
            // second Enter loaded it twice; a change made meanwhile is not
            // saved yet and belongs to the roadmap shown.
            Ok(LoadedRoadmap(roadmap))
                if roadmap.id == self.roadmap.id
                    || self.parked.iter().any(|a| a.roadmap.id == roadmap.id) => {}
            Ok(_) if !self.unsaved.is_empty() => self.error(
                "your last changes are not saved yet: switching waits until they are \
                 (the next change retries the save)",
            ),
            Ok(LoadedRoadmap(roadmap)) => {
                let fresh = App::new(*roadmap, self.profile.clone(), &self.profile_name, now);
                self.switch_to(fresh, now);
            }
            Err(e) => self.error(format!("cannot switch: {e}")),
        }
    }

    /// Shows `next`, parking the roadmap shown now. What belongs to the
    /// session (the profile, its saving, the terminal) moves over.
    fn switch_to(&mut self, mut next: App, now: DateTime<Utc>) {
        next.profile = std::mem::take(&mut self.profile);
        next.theme = self.theme;
        next.zone = self.zone;
        next.reviews.settings = self.reviews.settings;
        next.reviews.scheduler = self.reviews.scheduler.clone();
        next.dirty = self.dirty;
        next.pending = self.pending.take();
        next.exit = self.exit;
        next.mode = Mode::Main;
        next.message = None;
        next.parked = std::mem::take(&mut self.parked);
        next.size = self.size;
        let left = std::mem::replace(self, next);
        self.parked.push(left);
        self.recompute(now);
        self.sync_offsets();
        let title = self.roadmap.title.clone();
        self.info(format!("now showing {title}; m switches back"));
    }
}
