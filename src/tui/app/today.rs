//! The Today view (`t`): today's plan, reviews first, then next steps,
//! each line with its minutes; and logging time spent on a skill (`T`),
//! from the main view or from a line of the plan.

use chrono::{DateTime, Utc};

use super::{App, Mode};
use crate::model::review::duration::{self, format as minutes};
use crate::model::review::{Pending, PendingKind};
use crate::tui::action::{Action, Effect};

/// The Today view's cursor, over the plan's reviews then its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TodayState {
    pub cursor: usize,
}

/// Typing the time spent on a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeInput {
    pub skill: usize,
    pub text: String,
    /// Minutes logged on the skill so far.
    pub logged: i64,
    /// Why the last Enter was refused.
    pub error: Option<String>,
    /// Go back to the Today view afterwards (it was opened from there).
    pub from_today: Option<TodayState>,
}

impl App {
    /// The plan's skills, in the order the Today view lists them.
    pub(crate) fn plan_skills(&self) -> Vec<usize> {
        self.reviews.plan.as_ref().map_or_else(Vec::new, |p| {
            p.reviews
                .iter()
                .map(|r| r.skill)
                .chain(p.learn.iter().map(|l| l.skill))
                .collect()
        })
    }

    pub(crate) fn open_today(&mut self, now: DateTime<Utc>) {
        self.reviews.plan = Some(Box::new(self.today_plan(now)));
        self.mode = Mode::Today(TodayState::default());
    }

    fn close_today(&mut self) {
        self.mode = Mode::Main;
        self.reviews.plan = None;
    }

    pub(crate) fn update_today(&mut self, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
        if self
            .reviews
            .plan
            .as_ref()
            .is_none_or(|p| p.today != self.reviews.day)
        {
            self.reviews.plan = Some(Box::new(self.today_plan(now)));
        }
        let skills = self.plan_skills();
        let height = crate::tui::view::today::list_height(self.size);
        let Mode::Today(state) = &mut self.mode else {
            return Vec::new();
        };
        let last = skills.len().saturating_sub(1);
        let page = height.saturating_sub(1).max(1);
        match action {
            Action::Up | Action::ScrollUp { .. } => state.cursor = state.cursor.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => state.cursor = (state.cursor + 1).min(last),
            Action::PageUp => state.cursor = state.cursor.saturating_sub(page),
            Action::PageDown => state.cursor = (state.cursor + page).min(last),
            Action::First => state.cursor = 0,
            Action::Last => state.cursor = last,
            Action::Enter => {
                if let Some(&skill) = skills.get(state.cursor) {
                    self.close_today();
                    self.jump_to(skill);
                    let s = &self.roadmap.skills[skill];
                    self.info(format!(
                        "{} · {}",
                        s.title, self.roadmap.stages[s.stage].title
                    ));
                }
            }
            Action::OpenReview => {
                self.close_today();
                self.open_review(now);
            }
            Action::LogTime => {
                if let Some(&skill) = skills.get(state.cursor) {
                    let back = *state;
                    self.mode = Mode::LogTime(Box::new(TimeInput {
                        skill,
                        text: String::new(),
                        logged: self.profile.minutes_spent(&self.roadmap, skill),
                        error: None,
                        from_today: Some(back),
                    }));
                }
            }
            Action::Close | Action::OpenToday | Action::Click { .. } => self.close_today(),
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    /// `T` in the main view: log time on the current skill.
    pub(crate) fn open_log_time(&mut self) {
        match self.current_skill() {
            Some(skill) => {
                self.mode = Mode::LogTime(Box::new(TimeInput {
                    skill,
                    text: String::new(),
                    logged: self.profile.minutes_spent(&self.roadmap, skill),
                    error: None,
                    from_today: None,
                }));
            }
            None => self.info("choose a skill first"),
        }
    }

    pub(crate) fn update_log_time(&mut self, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
        let Mode::LogTime(input) = &mut self.mode else {
            return Vec::new();
        };
        match action {
            Action::SearchInput(c) => {
                if input.text.chars().count() < 24 {
                    input.text.push(*c);
                }
                input.error = None;
            }
            Action::SearchBackspace => {
                input.text.pop();
                input.error = None;
            }
            Action::SearchClear => input.text.clear(),
            Action::Enter => match duration::parse(&input.text) {
                Ok(m) => {
                    let (skill, back) = (input.skill, input.from_today);
                    return self.log_time(skill, m, back, now);
                }
                Err(e) => {
                    let shown = crate::model::text::clip(&input.text, 24);
                    input.error = Some(if input.text.trim().is_empty() {
                        "type a time first, like 45m, 1.5h or 2h30m".to_string()
                    } else {
                        format!("'{shown}' {e}")
                    });
                }
            },
            Action::Close => {
                let back = input.from_today;
                self.back_from_log_time(back);
            }
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    fn back_from_log_time(&mut self, back: Option<super::today::TodayState>) {
        self.mode = match back {
            Some(state) => Mode::Today(state),
            None => Mode::Main,
        };
    }

    /// Logs `m` minutes on `skill` in memory and asks the store to save.
    fn log_time(
        &mut self,
        skill: usize,
        m: i32,
        back: Option<TodayState>,
        now: DateTime<Utc>,
    ) -> Vec<Effect> {
        self.back_from_log_time(back);
        if self
            .profile
            .log_spent(&self.roadmap, skill, m, now)
            .is_none()
        {
            return Vec::new();
        }
        self.reviews.unsaved.push(Pending {
            skill,
            what: PendingKind::Spent(m),
        });
        self.stats_changed(now);
        self.refresh_memory(Some(skill), now);
        let total = self.profile.minutes_spent(&self.roadmap, skill);
        let id = self.roadmap.skills[skill].id.clone();
        let what = if m > 0 { "logged" } else { "took back" };
        let text = format!(
            "{what} {} on {id} ({} in all)",
            minutes(i64::from(m).abs()),
            minutes(total)
        );
        self.events_changed(text)
    }
}
