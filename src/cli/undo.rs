//! `roadmap undo [--json]`: takes back the last command that changed this
//! profile on this roadmap with the command line (`done`, `start`, `skip`,
//! `reset`, `note`): all its changes, and again for the command before.
//! Like the view's `u`, it never overwrites a change made since by
//! something else: it says so and leaves that skill alone.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::out::{self, line};
use super::{Failure, lookup};
use crate::model::undo::{Step, StepChange, Undo};
use crate::model::{Roadmap, evaluate};
use crate::session::Session;
use crate::store::undo::Undone;

#[derive(Serialize)]
struct UndoJson<'a> {
    /// Whether any change was taken back.
    undone: bool,
    /// Every change of the command looked at, last first (empty with
    /// nothing to undo).
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    /// `undone`, or `changed_elsewhere` (the skill was changed since by
    /// something else; it was left alone).
    outcome: &'static str,
    /// `status` or `note`.
    kind: &'static str,
    skill: &'a str,
    title: Option<&'a str>,
    /// The status (or note text) before the change: what the skill has
    /// again when `undone`.
    before: &'a str,
    /// The status (or note text) the change had set.
    after: &'a str,
    /// When the change was made.
    #[serde(serialize_with = "super::export::seconds")]
    changed: DateTime<Utc>,
    /// What the skill has now, when it was changed elsewhere (a status, or
    /// "another text").
    now: Option<&'a str>,
}

pub fn undo(session: &Session, json: bool) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let before = session.store.load()?;
    let unlocked_before = evaluate(roadmap, &before.states(roadmap)).unlocked;
    let (profile, undone) = session.store.undo_last(roadmap)?;
    let Undone::Steps(steps) = undone else {
        if json {
            return out::emit_json(&UndoJson {
                undone: false,
                changes: Vec::new(),
            });
        }
        return out::emit(&format!(
            "Nothing to undo: no change made with the command line on {} is left to take back (the interactive view has its own undo, u).\n",
            roadmap.title
        ));
    };
    let refused: Vec<String> = steps
        .iter()
        .filter_map(|(step, undo)| match undo {
            Undo::ChangedElsewhere { now, .. } => Some(refusal(step, now)),
            _ => None,
        })
        .collect();
    let any_undone = steps.iter().any(|(_, u)| matches!(u, Undo::Undone { .. }));
    if json {
        out::emit_json(&UndoJson {
            undone: any_undone,
            changes: steps
                .iter()
                .map(|(s, u)| change_json(roadmap, s, u))
                .collect(),
        })?;
    } else if any_undone {
        let mut text = String::new();
        for (step, undo) in &steps {
            if matches!(undo, Undo::Undone { .. }) {
                line!(text, "undone: {}", undone_words(roadmap, step));
            }
        }
        if steps.iter().any(|(s, u)| {
            matches!(u, Undo::Undone { .. }) && matches!(s.change, StepChange::Status { .. })
        }) {
            let states = profile.states(roadmap);
            let eval = evaluate(roadmap, &states);
            super::change::unlocks(roadmap, &states, &eval, &unlocked_before, &mut text);
            line!(
                text,
                "{}",
                super::change::progress_line(roadmap, &eval.overall)
            );
        }
        out::emit(&text)?;
    }
    if refused.is_empty() {
        return Ok(());
    }
    Err(Failure::User {
        lines: if json { Vec::new() } else { refused },
        help: (!json).then(|| {
            "`roadmap undo` again takes back the command before; `roadmap log` shows what happened"
                .to_string()
        }),
    })
}

/// `HTTP (http) → todo (was done)`, `the note on HTTP (http) is back`.
fn undone_words(roadmap: &Roadmap, step: &Step) -> String {
    let name = roadmap
        .skill_index(&step.skill)
        .map_or_else(|| step.skill.clone(), |s| lookup::skill_name(roadmap, s));
    match &step.change {
        StepChange::Status { before, after } => format!("{name} → {before} (was {after})"),
        StepChange::Note { before, after } => {
            let words = match (before.trim().is_empty(), after.trim().is_empty()) {
                (true, _) => "is gone again (it had none before)",
                (false, true) => "is back (it had been cleared)",
                (false, false) => "is back as it was",
            };
            format!("the note on {name} {words}")
        }
    }
}

/// Why a step was left alone, as one line.
fn refusal(step: &Step, now: &str) -> String {
    match &step.change {
        StepChange::Status { after, .. } => format!(
            "not undone: {} was changed elsewhere after it was marked {after} (it is {now} now); it was left alone",
            step.skill
        ),
        StepChange::Note { .. } => format!(
            "not undone: the note on {} was changed elsewhere after this change; it was left alone",
            step.skill
        ),
    }
}

fn change_json<'a>(roadmap: &'a Roadmap, step: &'a Step, undo: &'a Undo) -> ChangeJson<'a> {
    let (kind, before, after) = match &step.change {
        StepChange::Status { before, after } => ("status", before.as_str(), after.as_str()),
        StepChange::Note { before, after } => ("note", before.as_str(), after.as_str()),
    };
    let (outcome, now) = match undo {
        Undo::ChangedElsewhere { now, .. } => ("changed_elsewhere", Some(now.as_str())),
        _ => ("undone", None),
    };
    ChangeJson {
        outcome,
        kind,
        skill: &step.skill,
        title: roadmap
            .skill_index(&step.skill)
            .map(|s| roadmap.skills[s].title.as_str()),
        before,
        after,
        changed: step.at,
        now,
    }
}
