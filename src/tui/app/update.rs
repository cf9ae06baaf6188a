//! `update`: every action, routed to the mode it belongs to. The screens'
//! own modules (`nav`, `status`, `search`, `stats`, `switcher`, `note` …)
//! do the work; this is the dispatch and the main view's own keys.

use chrono::{DateTime, Utc};

use super::{App, Exit, Message, Mode, SearchState, nav};
use crate::model::Status;
use crate::tui::action::{Action, Effect};
use crate::tui::view::help;

impl App {
    /// A message lasts until the next action, except the error that says
    /// changes are not saved: that stays until they are.
    pub(crate) fn clear_message(&mut self) {
        if !(self.dirty && matches!(self.message, Some(Message::Error(_)))) {
            self.message = None;
        }
    }

    /// Applies one action and returns what the run loop must do.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        self.tick(now);
        match action {
            Action::Resize(w, h) => {
                self.resize(w, h);
                self.map_resized();
                return Vec::new();
            }
            Action::Saved(result) => return self.on_saved(result, now),
            Action::Synced { full, result } => return self.on_synced(full, result, now),
            Action::SyncNow => return self.sync_now(),
            Action::Reloaded(disk) => {
                self.on_reloaded(&disk, now);
                return Vec::new();
            }
            Action::Terminate => {
                if self.dirty {
                    self.exit = Exit::Regardless;
                    return vec![Effect::Save];
                }
                return vec![Effect::Quit];
            }
            Action::MovedAside(result) => {
                self.on_moved_aside(result, now);
                return Vec::new();
            }
            Action::Opened(result) => {
                match result {
                    Ok(url) => self.info(format!("opened {url} in the browser")),
                    Err(e) => self.error(format!("could not open the browser: {e}")),
                }
                return Vec::new();
            }
            Action::NoteEdited {
                skill,
                base,
                result,
            } => {
                return self.on_note_edited(skill, base, result);
            }
            Action::NoteSaved { skill, result } => {
                self.on_note_saved(skill, result, now);
                return Vec::new();
            }
            Action::NoBrowser(url) => {
                self.no_browser(&url);
                return Vec::new();
            }
            Action::Roadmaps(listed) => {
                self.on_roadmaps(listed);
                return Vec::new();
            }
            Action::RoadmapLoaded(loaded) => {
                self.on_roadmap_loaded(loaded, now);
                return Vec::new();
            }
            Action::Restored(result) => {
                self.on_restored(result, now);
                return Vec::new();
            }
            Action::GoalSaved(result) => {
                self.on_goal_saved(result, now);
                return Vec::new();
            }
            _ => {}
        }
        // Behind "Enlarge the terminal" nothing the learner cannot see
        // changes: only quitting works.
        if self.too_small() {
            if action == Action::Quit {
                return self.quit();
            }
            self.ignored_while_small();
            return Vec::new();
        }
        // A message lasts until the next key, which then does what it
        // always does (Esc included).
        self.clear_message();
        match self.mode {
            Mode::Main => self.update_main(action, now),
            Mode::Help { .. } => self.update_help(&action),
            Mode::Search(_) => self.update_search(&action),
            Mode::Stats { .. } => self.update_stats(&action, now),
            Mode::Switcher(_) => self.update_switcher(&action, now),
            Mode::Goal(_) => self.update_goal(&action, now),
            Mode::Review(_) => self.update_review(&action, now),
            Mode::Today(_) => self.update_today(&action, now),
            Mode::LogTime(_) => self.update_log_time(&action, now),
            Mode::Map => self.update_map(action, now),
            Mode::Unreadable { .. } => self.update_unreadable(&action),
        }
    }

    fn update_main(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        match action {
            Action::ToggleDone | Action::SetStatus(_) if self.current_choice().is_some() => {
                self.status_on_a_choice();
                Vec::new()
            }
            Action::ToggleDone => {
                let Some(skill) = self.current_skill() else {
                    return Vec::new();
                };
                let to = if self.states()[skill].status == Status::Done {
                    Status::Todo
                } else {
                    Status::Done
                };
                self.change_status(skill, to, now)
            }
            Action::SetStatus(to) => match self.current_skill() {
                Some(skill) => self.change_status(skill, to, now),
                None => Vec::new(),
            },
            Action::Undo => self.undo(now),
            Action::EditNote => self.edit_note(),
            Action::Quit => self.quit(),
            Action::OpenResource => self.open_resource(),
            Action::CopyUrl => self.copy_url(),
            Action::NextFilter => self.step_filter(1),
            Action::PrevFilter => self.step_filter(-1),
            Action::OpenSearch => {
                self.mode = Mode::Search(Box::new(SearchState::new(&self.roadmap, &self.profile)));
                self.message = None;
                Vec::new()
            }
            Action::ToggleHelp => {
                self.mode = Mode::Help { scroll: 0 };
                Vec::new()
            }
            Action::OpenStats => {
                self.open_stats(now);
                Vec::new()
            }
            Action::JumpNext => {
                self.jump_next();
                Vec::new()
            }
            Action::OpenSwitcher => {
                // Reading every roadmap can take a moment (off the loop).
                self.info("reading your roadmaps…");
                vec![Effect::ListRoadmaps]
            }
            Action::OpenGoal => {
                self.open_goal();
                Vec::new()
            }
            Action::OpenReview => {
                self.open_review(now);
                Vec::new()
            }
            Action::OpenToday => {
                self.open_today(now);
                Vec::new()
            }
            Action::LogTime => {
                self.open_log_time();
                Vec::new()
            }
            Action::OpenMap => {
                self.open_map();
                Vec::new()
            }
            Action::Enter => self.enter(),
            Action::Close => {
                self.step_out();
                Vec::new()
            }
            Action::Back | Action::Forward => {
                if matches!(self.message, Some(Message::Info(_))) {
                    self.message = None;
                }
                if action == Action::Back {
                    self.go_back();
                } else {
                    self.go_forward();
                }
                Vec::new()
            }
            other => {
                self.navigate(&other);
                Vec::new()
            }
        }
    }

    fn update_help(&mut self, action: &Action) -> Vec<Effect> {
        let max = help::max_scroll(self.size, &self.keymap);
        let page = help::page(self.size).saturating_sub(1).max(1);
        let Mode::Help { scroll } = &mut self.mode else {
            return Vec::new();
        };
        if nav::scroll_popup(scroll, action, max, page) {
            return Vec::new();
        }
        match action {
            Action::Close | Action::ToggleHelp | Action::Click { .. } => {
                self.mode = if self.map_under {
                    Mode::Map
                } else {
                    Mode::Main
                };
            }
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    pub(crate) fn quit(&mut self) -> Vec<Effect> {
        if self.dirty && self.exit != Exit::Confirm {
            self.exit = Exit::AfterSave;
            vec![Effect::Save]
        } else {
            self.leave()
        }
    }
}
