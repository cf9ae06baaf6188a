//! `roadmap show CHOICE-ID`: a choice, its options with their statuses, and
//! what requires it.

use serde::Serialize;

use super::out::{self, line, plural};
use super::{Failure, View, lookup};
use crate::model::Status;

#[derive(Serialize)]
struct ChoiceShowJson<'a> {
    /// Always "choice" (a skill shows "skill").
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    /// How many options must be done.
    pick: usize,
    /// Options done so far (picked).
    picked: usize,
    /// `pick` options done, or every option finished.
    satisfied: bool,
    /// Every option declined (skipped): the choice is skipped.
    declined: bool,
    /// The stage the choice counts in (as `pick` units).
    stage: &'a str,
    options: Vec<OptionJson<'a>>,
    required_by: Vec<RequirerJson<'a>>,
}

#[derive(Serialize)]
struct OptionJson<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
    /// "picked" (done), "declined" (skipped), "not picked" (another option
    /// satisfied the choice) or "open".
    state: &'static str,
    hours: Option<u32>,
    locked: bool,
}

#[derive(Serialize)]
struct RequirerJson<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
    locked: bool,
}

/// How an option stands within its choice.
fn option_state(view: &View, s: usize) -> &'static str {
    match view.states[s].status {
        Status::Done => "picked",
        Status::Skipped => "declined",
        _ if view.eval.unpicked[s] => "not picked",
        _ => "open",
    }
}

pub fn show_choice(view: &View, c: usize, json: bool) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let choice = &roadmap.choices[c];
    let picked = view.eval.choice_done(c);
    let satisfied = view.eval.choice_satisfied(roadmap, c);
    let declined = choice
        .from
        .iter()
        .all(|&s| view.states[s].status == Status::Skipped);
    let stage = roadmap.choice_stage(c).map(|i| &roadmap.stages[i]);
    if json {
        return out::emit_json(&ChoiceShowJson {
            kind: "choice",
            id: &choice.id,
            title: &choice.title,
            pick: choice.pick,
            picked,
            satisfied,
            declined,
            stage: stage.map_or("", |s| s.id.as_str()),
            options: choice
                .from
                .iter()
                .map(|&s| OptionJson {
                    id: &roadmap.skills[s].id,
                    title: &roadmap.skills[s].title,
                    status: view.states[s].status.as_str(),
                    state: option_state(view, s),
                    hours: roadmap.skills[s].hours,
                    locked: !view.eval.unlocked[s],
                })
                .collect(),
            required_by: choice
                .dependents
                .iter()
                .map(|&d| RequirerJson {
                    id: &roadmap.skills[d].id,
                    title: &roadmap.skills[d].title,
                    status: view.states[d].status.as_str(),
                    locked: !view.eval.unlocked[d],
                })
                .collect(),
        });
    }

    out::emit(&choice_text(view, c, picked, satisfied, declined))
}

/// The text form of `show CHOICE-ID`.
fn choice_text(view: &View, c: usize, picked: usize, satisfied: bool, declined: bool) -> String {
    let roadmap = &view.session.roadmap;
    let choice = &roadmap.choices[c];
    let stage = roadmap.choice_stage(c).map(|i| &roadmap.stages[i]);
    let mut text = String::new();
    line!(text, "{} ({})", choice.title, choice.id);
    line!(
        text,
        "  choice:   pick {} of {}",
        choice.pick,
        plural(choice.from.len(), "option")
    );
    let summary = if declined {
        "skipped: every option was declined".to_string()
    } else if satisfied && picked >= choice.pick {
        format!("made: {picked} of {} picked", choice.pick)
    } else if satisfied {
        format!(
            "settled: {picked} of {} picked, the other options declined",
            choice.pick
        )
    } else {
        format!(
            "open: {picked} of {} picked; mark the option you learn done (skipping one declines it)",
            choice.pick
        )
    };
    line!(text, "  status:   {summary}");
    if let Some(stage) = stage {
        line!(
            text,
            "  counts:   as {} towards progress, in {} ({})",
            plural(choice.pick, "skill"),
            stage.title,
            stage.id
        );
    }
    line!(text);
    line!(text, "Options:");
    for &s in &choice.from {
        let lock = if view.eval.unlocked[s] { " " } else { "⊘" };
        let hours = roadmap.skills[s]
            .hours
            .map_or(String::new(), |h| format!(" · {h} h"));
        line!(
            text,
            "  {} {lock} {} — {}{hours}",
            view.states[s].status.mark(),
            lookup::skill_name(roadmap, s),
            option_state(view, s)
        );
    }
    line!(text);
    if choice.dependents.is_empty() {
        line!(text, "Required by: nothing (no skill requires it)");
    } else {
        line!(text, "Required by:");
    }
    for &d in &choice.dependents {
        let lock = if view.eval.unlocked[d] { " " } else { "⊘" };
        line!(
            text,
            "  {} {lock} {}",
            view.states[d].status.mark(),
            lookup::skill_name(roadmap, d)
        );
    }
    line!(text);
    line!(
        text,
        "[ ] todo  [~] in progress  [x] done  [-] skipped  ⊘ prerequisites missing"
    );
    text
}
