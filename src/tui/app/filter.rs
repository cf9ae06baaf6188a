//! Filters of the skills pane: show only skills with one status, only
//! locked or available ones, or hide the finished ones. `f` steps forward
//! through them, `F` back; the pane's title says which one is on.

use super::rows::{build_rows, first_skill_row};
use super::{App, Row};
use crate::model::Status;
use crate::tui::action::Effect;

/// Which skills the skills pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Hide done and skipped skills.
    Unfinished,
    Only(Status),
    /// Not finished and waiting for prerequisites.
    Locked,
    /// Not finished and ready to start.
    Available,
}

impl Filter {
    /// The order `f` goes through.
    pub const CYCLE: [Filter; 8] = [
        Filter::All,
        Filter::Unfinished,
        Filter::Only(Status::Todo),
        Filter::Only(Status::Doing),
        Filter::Only(Status::Done),
        Filter::Only(Status::Skipped),
        Filter::Locked,
        Filter::Available,
    ];

    /// How the filter is named on screen.
    pub fn label(self) -> String {
        match self {
            Filter::All => "all skills".to_string(),
            Filter::Unfinished => "unfinished".to_string(),
            Filter::Only(s) => format!("only {s}"),
            Filter::Locked => "only locked".to_string(),
            Filter::Available => "only available".to_string(),
        }
    }

    /// Whether a skill with `status`, `unlocked` or not, is shown.
    pub fn keeps(self, status: Status, unlocked: bool) -> bool {
        match self {
            Filter::All => true,
            Filter::Unfinished => !status.is_finished(),
            Filter::Only(s) => status == s,
            Filter::Locked => !unlocked && !status.is_finished(),
            Filter::Available => unlocked && !status.is_finished(),
        }
    }

    fn step(self, delta: isize) -> Filter {
        let n = Filter::CYCLE.len().cast_signed();
        let i = Filter::CYCLE.iter().position(|&f| f == self).unwrap_or(0);
        Filter::CYCLE[(i.cast_signed() + delta).rem_euclid(n).unsigned_abs()]
    }
}

impl App {
    /// Whether the filter shows `skill`.
    pub fn shows(&self, skill: usize) -> bool {
        self.filter
            .keeps(self.states()[skill].status, self.eval().unlocked[skill])
    }

    /// `f` / `F`: the next or previous filter.
    pub(crate) fn step_filter(&mut self, delta: isize) -> Vec<Effect> {
        self.filter = self.filter.step(delta);
        self.rebuild_rows();
        let shown = (0..self.roadmap.skills.len())
            .filter(|&s| self.shows(s))
            .count();
        self.info(match self.filter {
            Filter::All => "filter off: all skills shown".to_string(),
            f => format!(
                "showing {} · {shown} of {} skills · f next filter · F back",
                f.label(),
                self.roadmap.skills.len()
            ),
        });
        Vec::new()
    }

    /// The statuses changed: a filter may now show other skills.
    pub(crate) fn refilter(&mut self) {
        if self.filter != Filter::All {
            self.rebuild_rows();
        }
    }

    /// A jump to a skill the filter hides turns the filter off.
    pub(crate) fn unhide(&mut self, skill: usize) {
        if !self.shows(skill) {
            self.filter = Filter::All;
            self.rebuild_rows();
        }
    }

    /// Rebuilds the rows for the filter, keeping each stage's cursor on
    /// the same skill, or on the next one shown.
    fn rebuild_rows(&mut self) {
        let keep: Vec<bool> = (0..self.roadmap.skills.len())
            .map(|s| self.shows(s))
            .collect();
        let before: Vec<Option<usize>> = (0..self.rows.len())
            .map(|stage| {
                let rows = &self.rows[stage];
                // The selected skill, else the next one in the stage.
                rows.get(self.cursor[stage]..)
                    .into_iter()
                    .flatten()
                    .chain(rows.iter())
                    .find_map(|r| match *r {
                        Row::Skill { skill, .. } => Some(skill),
                        Row::Choice(_) => None,
                    })
            })
            .collect();
        let (rows, row_of) = build_rows(&self.roadmap, |s| keep[s]);
        self.rows = rows;
        self.row_of = row_of;
        for (stage, skill) in before.into_iter().enumerate() {
            let range = self.roadmap.stages[stage].skills.clone();
            // The same skill, else the first one shown after it, else the
            // last one shown before it.
            let row = skill.and_then(|s| {
                range
                    .clone()
                    .skip(s - range.start)
                    .find(|&o| keep[o])
                    .or_else(|| range.clone().take(s - range.start).rfind(|&o| keep[o]))
                    .map(|o| self.row_of[o])
            });
            self.cursor[stage] = row
                .or_else(|| first_skill_row(&self.rows[stage]))
                .unwrap_or(0);
            self.offset[stage] = self.offset[stage].min(self.rows[stage].len().saturating_sub(1));
        }
        self.sync_offsets();
    }
}
