//! Status changes, undo, and what happens when a save comes back.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::{App, Exit, Mode, UNDO_LEVELS, Undo};
use crate::model::{Profile, SetStatus, Status};
use crate::tui::action::Effect;

impl App {
    /// Sets the status of `skill`, remembers how to undo it, and asks for a
    /// save.
    pub(crate) fn change_status(
        &mut self,
        skill: usize,
        to: Status,
        now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let before = self.states()[skill].status;
        let id = self.roadmap.skills[skill].id.clone();
        if !self.profile.set_status(&self.roadmap, skill, to, now) {
            self.info(format!("{id} is already {to}"));
            return Vec::new();
        }
        self.unsaved.push(SetStatus { skill, status: to });
        self.undo.push(Undo {
            skill,
            before,
            after: to,
            note: false,
        });
        if self.undo.len() > UNDO_LEVELS && self.undo.remove(0).note {
            self.note_undo.remove(0);
        }
        let mut text = format!("{id} → {to}");
        let unlocked = self.apply_change(skill, now);
        if to == Status::Skipped && self.declines(skill) {
            text.push_str(" (declined, not picked)");
        }
        if to == Status::Done
            && let Some(extra) = self.extra_option(skill)
        {
            text.push_str(&extra);
        }
        if to.is_finished() {
            let missing: Vec<&str> = self
                .eval()
                .missing(&self.roadmap, self.states(), skill)
                .map(|r| self.roadmap.req_id(r))
                .collect();
            if !missing.is_empty() {
                let _ = write!(text, " (before its prerequisites: {})", missing.join(", "));
            }
        }
        text.push_str(&unlocked);
        self.changed(text)
    }

    /// True when `skill` is an option of a choice still open: skipping it
    /// declined it.
    fn declines(&self, skill: usize) -> bool {
        self.roadmap.skills[skill]
            .choices
            .iter()
            .any(|&c| !self.eval().choice_satisfied(&self.roadmap, c))
    }

    /// `u`: takes back the last status change.
    pub(crate) fn undo(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        let Some(last) = self.undo.pop() else {
            self.info("nothing to undo");
            return Vec::new();
        };
        if last.note {
            return self.undo_note(last.skill);
        }
        let id = self.roadmap.skills[last.skill].id.clone();
        let now_status = self.states()[last.skill].status;
        if now_status != last.after {
            // Another window (or a merge) changed it since: taking back our
            // change would overwrite theirs.
            self.jump_to(last.skill);
            self.info(format!(
                "not undone: {id} was changed elsewhere (now {now_status}, not {}); nothing changed",
                last.after
            ));
            return Vec::new();
        }
        self.profile
            .set_status(&self.roadmap, last.skill, last.before, now);
        self.unsaved.push(SetStatus {
            skill: last.skill,
            status: last.before,
        });
        let mut text = format!("undo: {id} → {} (was {})", last.before, last.after);
        text.push_str(&self.apply_change(last.skill, now));
        self.jump_to(last.skill);
        self.changed(text)
    }

    /// Updates what `skill`'s new status reaches; says which skills it
    /// unlocked or locked again (only its dependents can have changed, and
    /// only unfinished ones are news) and which stage it finished or
    /// reopened.
    fn apply_change(&mut self, skill: usize, now: DateTime<Utc>) -> String {
        let roadmap = &self.roadmap;
        let mut reached: Vec<usize> = roadmap.skills[skill].dependents.clone();
        for &c in &roadmap.skills[skill].choices {
            reached.extend_from_slice(&roadmap.choices[c].dependents);
        }
        reached.sort_unstable();
        reached.dedup();
        let was: Vec<bool> = reached.iter().map(|&d| self.eval().unlocked[d]).collect();
        let stages_were: Vec<bool> = self
            .eval()
            .stages
            .iter()
            .map(crate::model::Tally::is_complete)
            .collect();
        let all_was = self.eval().overall.is_complete();
        self.recompute_skill(skill, now);
        let open = |d: usize| !self.states()[d].status.is_finished();
        let (mut opened, mut closed) = (Vec::new(), Vec::new());
        for (&d, before) in reached.iter().zip(was) {
            match (before, self.eval().unlocked[d]) {
                (false, true) if open(d) => opened.push(d),
                (true, false) if open(d) => closed.push(d),
                _ => {}
            }
        }
        let mut text = String::new();
        if !opened.is_empty() {
            let _ = write!(text, " · unlocked {}", self.skill_list(&opened));
        }
        if !closed.is_empty() {
            let _ = write!(text, " · locked again: {}", self.skill_list(&closed));
        }
        if self.eval().overall.is_complete() && !all_was {
            text.push_str(" · roadmap finished ✓ well done!");
        } else {
            for (i, was) in stages_were.into_iter().enumerate() {
                let now_complete = self.eval().stages[i].is_complete();
                let title = &self.roadmap.stages[i].title;
                if !was && now_complete {
                    let _ = write!(text, " · stage {title} finished ✓");
                } else if was && !now_complete && self.eval().stages[i].total() > 0 {
                    let _ = write!(text, " · stage {title} reopened");
                }
            }
        }
        text
    }

    /// "SQL", "SQL and HTTP", or "5 skills": the skills by name while
    /// that stays short.
    fn skill_list(&self, skills: &[usize]) -> String {
        let title = |&s: &usize| self.roadmap.skills[s].title.as_str();
        match skills {
            [one] => title(one).to_string(),
            [a, b] if a != b => format!("{} and {}", title(a), title(b)),
            many => format!("{} skills", many.len()),
        }
    }

    /// When `skill` was just marked done as one more option of a choice
    /// already made: it counts as nothing more, and the learner is told
    /// (short enough for an 80-column status line; the details name the
    /// choice).
    fn extra_option(&self, skill: usize) -> Option<String> {
        let roadmap = &self.roadmap;
        roadmap.skills[skill].choices.iter().find_map(|&c| {
            (self.eval().choice_done(c) > roadmap.choices[c].pick)
                .then(|| " · an extra option: it adds nothing to progress".to_string())
        })
    }

    fn changed(&mut self, text: String) -> Vec<Effect> {
        self.dirty = true;
        self.info(format!("saving · {text}"));
        self.pending = Some(text);
        vec![Effect::Save]
    }

    /// The outcome of a save: the profile as saved (our unsaved changes
    /// applied under the store's lock to what was on disk), which replaces
    /// ours. A failure keeps everything in memory; the next change saves
    /// again (the unsaved changes are kept, so nothing is lost).
    pub(crate) fn on_saved(
        &mut self,
        result: Result<Profile, String>,
        now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let what = self.pending.take().unwrap_or_default();
        match result {
            Ok(merged) => {
                self.dirty = false;
                self.unsaved.clear();
                let events = !self.reviews.unsaved.is_empty();
                let mut text = if what.is_empty() {
                    "saved".to_string()
                } else {
                    format!("saved · {what}")
                };
                // The saved stamps are the store's (taken under its lock),
                // not ours: only a different status is news.
                let states = merged.states(&self.roadmap);
                let elsewhere = states
                    .iter()
                    .zip(self.states())
                    .any(|(a, b)| a.status != b.status);
                let redraw = states.as_slice() != self.states();
                self.profile = merged;
                if redraw {
                    self.recompute(now);
                }
                if events {
                    self.events_saved(now);
                }
                if elsewhere {
                    text.push_str(" · merged changes made elsewhere");
                }
                self.info(text);
                match self.exit {
                    Exit::Regardless => return vec![Effect::Quit],
                    // Sync on the way out, when it is set up.
                    Exit::AfterSave => return self.leave(),
                    Exit::Stay | Exit::Confirm => {}
                }
            }
            Err(e) => {
                self.dirty = true;
                self.pending = Some(what);
                if self.exit == Exit::Regardless {
                    return vec![Effect::Quit];
                }
                if self.exit == Exit::AfterSave {
                    self.exit = Exit::Confirm;
                    self.error(format!(
                        "not saved: {e} — press q again to quit without saving"
                    ));
                } else {
                    self.error(format!(
                        "not saved: {e} — kept in memory, will retry on the next change"
                    ));
                }
            }
        }
        Vec::new()
    }

    /// Another instance saved the profile: merge what it wrote into ours
    /// (newer change wins per skill; nothing of ours is dropped).
    pub(crate) fn on_reloaded(&mut self, disk: &Profile, now: DateTime<Utc>) {
        if !matches!(
            self.mode,
            Mode::Main
                | Mode::Help { .. }
                | Mode::Search(_)
                | Mode::Stats { .. }
                | Mode::Review(_)
                | Mode::Today(_)
                | Mode::Goal(_)
        ) {
            return;
        }
        let mut merged = self.profile.clone();
        crate::store::merge::merge(&mut merged, disk);
        if merged != self.profile {
            self.profile = merged;
            self.recompute(now);
            self.info("updated with changes saved by another roadmap window");
        }
    }

    pub(super) fn on_moved_aside(&mut self, result: Result<String, String>, now: DateTime<Utc>) {
        match result {
            Ok(path) => {
                self.mode = Mode::Main;
                self.profile = Profile::default();
                self.recompute(now);
                self.info(format!(
                    "moved the damaged profile to {path}; starting fresh"
                ));
            }
            Err(e) => {
                if let Mode::Unreadable { failure, .. } = &mut self.mode {
                    *failure = Some(e);
                }
            }
        }
    }
}
