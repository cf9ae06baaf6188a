//! The stats view: opening, scrolling, closing. The numbers come from the
//! model (`model::journal`), computed when the view first opens and kept
//! until a status changes or the day turns, so reopening costs a key press.

use chrono::{DateTime, Local, NaiveDate, Utc};

use super::{App, Mode};
use crate::model::journal::{Stats, activities, local_day};
use crate::tui::action::{Action, Effect};
use crate::tui::view::stats::{max_scroll, page};
use crate::tui::view::text::Zone;

impl App {
    /// The learner's day at `now`.
    pub(super) fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        match self.zone {
            Zone::Local => local_day(now, &Local),
            Zone::Fixed(offset) => local_day(now, &offset),
        }
    }

    fn compute_stats(&self, now: DateTime<Utc>) -> Stats {
        let activities = activities(&self.roadmap, &self.profile);
        let (states, eval) = (self.states(), self.eval());
        match self.zone {
            Zone::Local => Stats::compute(&self.roadmap, &activities, states, eval, now, &Local),
            Zone::Fixed(offset) => {
                Stats::compute(&self.roadmap, &activities, states, eval, now, &offset)
            }
        }
    }

    /// The cached stats, if computed.
    pub fn stats(&self) -> Option<&Stats> {
        self.journal.as_deref()
    }

    /// Statuses changed: the cached stats are stale. Recomputed at once
    /// while the view is open (a reload from another instance), else when
    /// it next opens.
    pub(crate) fn stats_changed(&mut self, now: DateTime<Utc>) {
        self.journal = None;
        if matches!(self.mode, Mode::Stats { .. }) {
            self.journal = Some(Box::new(self.compute_stats(now)));
        }
    }

    pub(crate) fn open_stats(&mut self, now: DateTime<Utc>) {
        let today = self.today(now);
        if self.journal.as_ref().is_none_or(|s| s.today != today) {
            self.journal = Some(Box::new(self.compute_stats(now)));
        }
        self.mode = Mode::Stats { scroll: 0 };
    }

    pub(crate) fn update_stats(&mut self, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
        if self
            .journal
            .as_ref()
            .is_none_or(|s| s.today != self.today(now))
        {
            self.journal = Some(Box::new(self.compute_stats(now)));
        }
        let max = max_scroll(self);
        let page = page(self.size).saturating_sub(1).max(1);
        let Mode::Stats { scroll } = &mut self.mode else {
            return Vec::new();
        };
        if super::nav::scroll_popup(scroll, action, max, page) {
            return Vec::new();
        }
        match action {
            Action::Close | Action::OpenStats | Action::Click { .. } => self.mode = Mode::Main,
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }
}
