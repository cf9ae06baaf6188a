//! The goal date in the header: what it asks for, in the learner's zone.

use chrono::{DateTime, Utc};

use super::App;
use crate::model::goal::{self, GoalPlan};
use crate::tui::view::text::Zone;

impl App {
    /// The plan for the goal date, if one is set.
    pub(crate) fn goal_plan(&self, now: DateTime<Utc>) -> Option<GoalPlan> {
        let (profile, roadmap, states) = (&self.profile, &self.roadmap, self.states());
        let left = self.eval().overall.hours_left;
        match self.zone {
            Zone::Local => goal::for_profile(profile, roadmap, states, left, now, &chrono::Local),
            Zone::Fixed(offset) => goal::for_profile(profile, roadmap, states, left, now, &offset),
        }
    }
}
