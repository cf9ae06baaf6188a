//! `roadmap list`: skills grouped by stage, with status and lock marks.

use serde::Serialize;

use super::args::StatusArg;
use super::out::{self, line};
use super::{Failure, View, lookup};

/// True when skill `s` passes filter `f`.
fn matches(view: &View, f: StatusArg, s: usize) -> bool {
    let status = view.states[s].status;
    if let Some(wanted) = f.status() {
        return status == wanted;
    }
    // Options not picked are off the path: neither locked nor available.
    let open = !status.is_finished() && !view.eval.unpicked[s];
    let unlocked = view.eval.unlocked[s];
    if f == StatusArg::Locked {
        open && !unlocked
    } else {
        open && unlocked
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    id: &'a str,
    title: &'a str,
    stage: &'a str,
    status: &'a str,
    /// Some prerequisite is not finished.
    locked: bool,
    optional: bool,
    /// Counts towards progress (not optional, not an unpicked alternative,
    /// not a declined option).
    counted: bool,
}

pub fn list(
    view: &View,
    stage: Option<&str>,
    filters: &[StatusArg],
    json: bool,
) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let stages = match stage {
        Some(typed) => {
            let i = lookup::stage(roadmap, typed)?;
            i..i + 1
        }
        None => 0..roadmap.stages.len(),
    };
    let wanted = |s: usize| filters.is_empty() || filters.iter().any(|&f| matches(view, f, s));

    if json {
        let items: Vec<ListJson> = roadmap.stages[stages]
            .iter()
            .flat_map(|stage| stage.skills.clone().map(move |s| (stage, s)))
            .filter(|&(_, s)| wanted(s))
            .map(|(stage, s)| {
                let skill = &roadmap.skills[s];
                ListJson {
                    id: &skill.id,
                    title: &skill.title,
                    stage: &stage.id,
                    status: view.states[s].status.as_str(),
                    locked: !view.eval.unlocked[s],
                    optional: skill.optional,
                    counted: view.eval.counted[s],
                }
            })
            .collect();
        return out::emit_json(&items);
    }

    let mut text = String::new();
    let mut shown = 0usize;
    for stage in &roadmap.stages[stages] {
        let skills: Vec<usize> = stage.skills.clone().filter(|&s| wanted(s)).collect();
        if skills.is_empty() {
            continue;
        }
        if shown > 0 {
            line!(text);
        }
        line!(text, "{} ({})", stage.title, stage.id);
        for s in skills {
            shown += 1;
            let skill = &roadmap.skills[s];
            let lock = if view.eval.unlocked[s] { " " } else { "⊘" };
            let mut notes = Vec::new();
            if let Some(missing) = lookup::missing(roadmap, &view.states, &view.eval, s) {
                notes.push(format!("locked: needs {}", missing.join(", ")));
            }
            if skill.optional {
                notes.push("optional".to_string());
            } else if view.eval.unpicked[s] {
                notes.push("not counted: another option was picked".to_string());
            } else if !view.eval.counted[s] {
                notes.push("not counted: declined option of a choice".to_string());
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" — {}", notes.join(" · "))
            };
            line!(
                text,
                "  {} {lock} {} ({}){notes}",
                view.states[s].status.mark(),
                skill.title,
                skill.id
            );
        }
    }
    if shown == 0 {
        if filters.is_empty() {
            line!(text, "This stage has no skills.");
        } else {
            let mut words: Vec<&str> = filters.iter().map(|f| f.as_str()).collect();
            words.dedup();
            line!(text, "No skills are {} here.", words.join(" or "));
        }
    } else {
        line!(text);
        line!(
            text,
            "[ ] todo  [~] in progress  [x] done  [-] skipped  ⊘ prerequisites missing"
        );
    }
    out::emit(&text)
}
