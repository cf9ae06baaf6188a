//! `roadmap done|start|skip|reset ID...`: change statuses in one locked
//! update of the profile.

use super::out::{self, line};
use super::{Failure, lookup};
use crate::model::undo::Step;
use crate::model::{Roadmap, Status, Tally, evaluate};
use crate::session::Session;

/// Which command is changing statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Done,
    Start,
    Skip,
    Reset,
}

impl Verb {
    pub fn status(self) -> Status {
        match self {
            Verb::Done => Status::Done,
            Verb::Start => Status::Doing,
            Verb::Skip => Status::Skipped,
            Verb::Reset => Status::Todo,
        }
    }
}

/// What one update did, computed under the profile lock.
struct Outcome {
    /// Per requested skill: whether its status changed.
    changed: Vec<bool>,
    /// Per skill of the roadmap: unlocked before the change.
    unlocked_before: Vec<bool>,
    /// Per stage: complete before the change.
    stages_before: Vec<bool>,
    /// The whole roadmap was complete before the change.
    all_before: bool,
}

pub fn change(session: &Session, typed: &[String], verb: Verb) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    // Every id is checked before anything is written.
    let skills = lookup::skills(
        roadmap,
        typed,
        "nothing was changed; run 'roadmap list' to see the skill ids",
    )?;
    let target = verb.status();
    // Stamped with the time under the lock (the time rule), not when the
    // command started: loading a large roadmap or waiting for the lock
    // takes a while, and another process may save in between.
    let (profile, outcome, unrecorded) = session.store.update_recorded(|profile, now| {
        let states = profile.states(roadmap);
        let before = evaluate(roadmap, &states);
        let mut steps = Vec::new();
        let changed = skills
            .iter()
            .map(|&s| {
                let was = profile.status_of(roadmap, s);
                let changed = profile.set_status(roadmap, s, target, now);
                if changed {
                    steps.extend(Step::status(profile, roadmap, s, was, target));
                }
                changed
            })
            .collect();
        let outcome = Outcome {
            changed,
            stages_before: before.stages.iter().map(Tally::is_complete).collect(),
            all_before: before.overall.is_complete(),
            unlocked_before: before.unlocked,
        };
        (outcome, steps)
    })?;
    if let Some(warning) = unrecorded {
        out::emit_err(&format!("warning: {warning}\n"));
    }

    let states = profile.states(roadmap);
    let eval = evaluate(roadmap, &states);
    let mut text = String::new();
    for (&s, &changed) in skills.iter().zip(&outcome.changed) {
        let skill = &roadmap.skills[s];
        if changed {
            line!(text, "{target}: {}", lookup::skill_name(roadmap, s));
        } else {
            line!(
                text,
                "{} is already {}",
                skill.id,
                out::status_phrase(target)
            );
        }
        if changed
            && matches!(verb, Verb::Done | Verb::Start)
            && let Some(missing) = lookup::missing(roadmap, &states, &eval, s)
        {
            line!(
                text,
                "  note: its prerequisites are not finished yet: {}",
                missing.join(", ")
            );
        }
    }
    unlocks(roadmap, &states, &eval, &outcome.unlocked_before, &mut text);
    if verb == Verb::Skip {
        choice_notes(roadmap, &skills, &outcome, &mut text, |id, title, c| {
            (!eval.choice_satisfied(roadmap, c)).then(|| {
                format!(
                    "{id} is declined for '{title}', not picked; mark the option you learn done"
                )
            })
        });
    }
    if verb == Verb::Done {
        choice_notes(roadmap, &skills, &outcome, &mut text, |id, title, c| {
            (eval.choice_done(c) > roadmap.choices[c].pick)
                .then(|| format!("'{title}' was already made: {id} adds nothing to progress"))
        });
    }
    if outcome.changed.iter().any(|&c| c) {
        for (i, stage) in roadmap.stages.iter().enumerate() {
            let now_complete = eval.stages[i].is_complete();
            if now_complete && !outcome.stages_before[i] && eval.stages[i].total() > 0 {
                line!(text, "stage finished: {} ✓", stage.title);
            } else if !now_complete && outcome.stages_before[i] {
                line!(text, "stage reopened: {}", stage.title);
            }
        }
        line!(text, "{}", progress_line(roadmap, &eval.overall));
        if eval.overall.is_complete() && !outcome.all_before {
            line!(
                text,
                "Roadmap finished: every counted skill of {} is done or skipped. Well done!",
                roadmap.title
            );
        }
    }
    out::emit(&text)
}

/// The skills a change unlocked or locked again (`unlocked_before`: per
/// skill, before the change).
pub(super) fn unlocks(
    roadmap: &Roadmap,
    states: &[crate::model::SkillState],
    eval: &crate::model::Evaluation,
    unlocked_before: &[bool],
    text: &mut String,
) {
    for d in 0..roadmap.skills.len() {
        if states[d].status.is_finished() || eval.unlocked[d] == unlocked_before[d] {
            continue;
        }
        if eval.unlocked[d] {
            line!(text, "unlocked: {}", lookup::skill_name(roadmap, d));
        } else {
            let missing = lookup::missing(roadmap, states, eval, d).unwrap_or_default();
            line!(
                text,
                "locked again: {} (needs {})",
                lookup::skill_name(roadmap, d),
                missing.join(", ")
            );
        }
    }
}

/// A note for each changed skill and each choice it is an option of, where
/// `note(skill id, choice title, choice)` has one: skipped options of an
/// open choice are declined, not picked; an option marked done in a choice
/// that had enough adds nothing to progress.
fn choice_notes(
    roadmap: &Roadmap,
    skills: &[usize],
    outcome: &Outcome,
    text: &mut String,
    note: impl Fn(&str, &str, usize) -> Option<String>,
) {
    for (&s, &changed) in skills.iter().zip(&outcome.changed) {
        if !changed {
            continue;
        }
        for &c in &roadmap.skills[s].choices {
            if let Some(n) = note(&roadmap.skills[s].id, &roadmap.choices[c].title, c) {
                line!(text, "  note: {n}");
            }
        }
    }
}

pub(super) fn progress_line(roadmap: &Roadmap, overall: &Tally) -> String {
    let left = super::status::hours_left(overall);
    let left = if left.is_empty() || overall.is_complete() {
        String::new()
    } else {
        format!(" · {left}")
    };
    format!(
        "progress: {}/{} finished ({}) on {}{left}",
        overall.finished(),
        overall.total(),
        overall.percent_text(),
        roadmap.title
    )
}
