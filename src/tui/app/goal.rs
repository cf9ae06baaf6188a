//! The goal date: what it asks for in the header, in the learner's zone,
//! and the prompt (`D`) that sets or clears it through the store.

use chrono::{DateTime, NaiveDate, Utc};

use super::{App, Mode};
use crate::model::goal::{self, GoalPlan};
use crate::model::goal_date;
use crate::model::{Profile, text};
use crate::tui::action::{Action, Effect};
use crate::tui::view::text::Zone;

/// The goal prompt: the date being typed and why the last one was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalPrompt {
    pub text: String,
    pub error: Option<String>,
}

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

    /// The goal date of this roadmap, if one is set.
    pub fn goal_date(&self) -> Option<NaiveDate> {
        self.profile.goal(&self.roadmap.id)
    }

    /// `D`: the prompt, holding the goal set now (to edit or clear).
    pub(crate) fn open_goal(&mut self) {
        self.mode = Mode::Goal(Box::new(GoalPrompt {
            text: self.goal_date().map(|d| d.to_string()).unwrap_or_default(),
            error: None,
        }));
    }

    pub(crate) fn update_goal(&mut self, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
        let today = self.today(now);
        let current = self.goal_date();
        let Mode::Goal(prompt) = &mut self.mode else {
            return Vec::new();
        };
        match action {
            Action::SearchInput(c) => {
                // A date is short: more is a slip of the hand.
                if prompt.text.chars().count() < 40 {
                    prompt.text.push(*c);
                }
                prompt.error = None;
            }
            Action::SearchBackspace => {
                prompt.text.pop();
                prompt.error = None;
            }
            Action::SearchClear => {
                prompt.text.clear();
                prompt.error = None;
            }
            Action::Enter if prompt.text.trim().is_empty() => {
                self.mode = Mode::Main;
                if current.is_none() {
                    self.info("no goal was set; nothing to clear");
                    return Vec::new();
                }
                self.info("saving · clearing the goal");
                return vec![Effect::SaveGoal(None)];
            }
            Action::Enter => match goal_date::parse(&prompt.text) {
                Err(e) => prompt.error = Some(e),
                Ok(date) if Some(date) == current => {
                    self.mode = Mode::Main;
                    self.info(format!("the goal is already {date}; nothing changed"));
                }
                Ok(date) => {
                    self.mode = Mode::Main;
                    let mut text = format!("saving · goal: finish by {date}");
                    if goal_date::has_passed(date, today) {
                        text.push_str(" · that date has already passed");
                    }
                    self.info(text);
                    return vec![Effect::SaveGoal(Some(date))];
                }
            },
            Action::Close | Action::Click { .. } => self.mode = Mode::Main,
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    /// The store saved the goal (or could not): take the saved goal only,
    /// as the note's save takes the notes (unsaved statuses stay ours).
    pub(crate) fn on_goal_saved(&mut self, result: Result<Profile, String>, now: DateTime<Utc>) {
        match result {
            Ok(saved) => {
                let goal = saved
                    .roadmaps
                    .get(&self.roadmap.id)
                    .and_then(|p| p.goal.clone());
                self.profile
                    .roadmaps
                    .entry(self.roadmap.id.clone())
                    .or_default()
                    .goal = goal;
                self.goal = self.goal_plan(now);
                let text = match (&self.goal, self.goal_date()) {
                    (Some(_), Some(date)) if goal_date::has_passed(date, self.today(now)) => {
                        format!("saved · goal {date} · that date has already passed (overdue)")
                    }
                    (Some(plan), Some(_)) => format!("saved · {}", plan.summary()),
                    _ => "saved · the goal is cleared".to_string(),
                };
                self.info(text);
            }
            Err(e) => self.error(format!(
                "goal not saved: {}",
                text::clean(&e).lines().next().unwrap_or("")
            )),
        }
    }
}
