//! `roadmap done|start|skip|reset ID...`: change statuses in one locked
//! update of the profile.

use super::out::{self, line};
use super::{Failure, lookup};
use crate::model::{Roadmap, Status, evaluate};
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
    let (profile, outcome) = session.store.update_now(|profile, now| {
        let before = profile.states(roadmap);
        let unlocked_before = evaluate(roadmap, &before).unlocked;
        let changed = skills
            .iter()
            .map(|&s| profile.set_status(roadmap, s, target, now))
            .collect();
        Outcome {
            changed,
            unlocked_before,
        }
    })?;

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
    let newly: Vec<usize> = (0..roadmap.skills.len())
        .filter(|&d| {
            eval.unlocked[d] && !outcome.unlocked_before[d] && !states[d].status.is_finished()
        })
        .collect();
    for d in newly {
        line!(text, "unlocked: {}", lookup::skill_name(roadmap, d));
    }
    if outcome.changed.iter().any(|&c| c) {
        line!(text, "{}", progress_line(roadmap, &eval.overall));
    }
    out::emit(&text)
}

fn progress_line(roadmap: &Roadmap, overall: &crate::model::Tally) -> String {
    format!(
        "progress: {}/{} finished ({}%) on {}",
        overall.finished(),
        overall.total(),
        overall.percent(),
        roadmap.title
    )
}
