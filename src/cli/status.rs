//! `roadmap status` and `roadmap next`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::out::{self, BAR_WIDTH, bar, line, truncate};
use super::{Failure, View};
use crate::model::{Roadmap, Suggestion, Tally, next_steps};

/// Stage titles longer than this are cut in the status table.
const MAX_TITLE_COLUMN: usize = 28;

#[derive(Serialize)]
struct StatusJson<'a> {
    roadmap: &'a str,
    roadmap_title: &'a str,
    profile: &'a str,
    done: usize,
    doing: usize,
    skipped: usize,
    todo: usize,
    total: usize,
    percent: u32,
    stages: Vec<StageJson<'a>>,
    orphans: usize,
}

#[derive(Serialize)]
struct StageJson<'a> {
    id: &'a str,
    title: &'a str,
    /// Finished (done or skipped) counted skills of the stage.
    done: usize,
    total: usize,
    percent: u32,
}

#[derive(Serialize)]
struct NextJson<'a> {
    id: &'a str,
    title: &'a str,
    stage: &'a str,
    status: &'a str,
    reason: &'a str,
}

pub fn status(view: &View, json: bool, now: DateTime<Utc>) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let overall = view.eval.overall;
    let orphans = view.profile.orphans(roadmap).count();
    if json {
        return out::emit_json(&StatusJson {
            roadmap: &roadmap.id,
            roadmap_title: &roadmap.title,
            profile: view.session.store.name(),
            done: overall.done,
            doing: overall.doing,
            skipped: overall.skipped,
            todo: overall.todo,
            total: overall.total(),
            percent: overall.percent(),
            stages: roadmap
                .stages
                .iter()
                .zip(&view.eval.stages)
                .map(|(stage, tally)| StageJson {
                    id: &stage.id,
                    title: &stage.title,
                    done: tally.finished(),
                    total: tally.total(),
                    percent: tally.percent(),
                })
                .collect(),
            orphans,
        });
    }

    let mut text = String::new();
    line!(
        text,
        "{} — profile {}",
        roadmap.title,
        view.session.store.name()
    );
    line!(text);
    let rows: Vec<(String, Tally)> = std::iter::once(("Overall".to_string(), overall))
        .chain(
            roadmap
                .stages
                .iter()
                .zip(&view.eval.stages)
                .map(|(s, t)| (truncate(&s.title, MAX_TITLE_COLUMN), *t)),
        )
        .collect();
    let width = rows
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0);
    let count_width = overall.total().to_string().len();
    for (i, (title, tally)) in rows.iter().enumerate() {
        line!(
            text,
            "{title:<width$}  {}  {:>count_width$}/{:<count_width$}  {:>3}%",
            bar(tally.finished(), tally.total(), BAR_WIDTH),
            tally.finished(),
            tally.total(),
            tally.percent(),
        );
        if i == 0 {
            line!(
                text,
                "{:width$}  done {} · doing {} · skipped {} · todo {}",
                "",
                overall.done,
                overall.doing,
                overall.skipped,
                overall.todo,
            );
            line!(text);
        }
    }
    if orphans > 0 {
        line!(text);
        line!(
            text,
            "{} for skills not in this roadmap (kept; they come back if you switch to a roadmap that has them)",
            if orphans == 1 {
                "1 entry".to_string()
            } else {
                format!("{orphans} entries")
            }
        );
    }
    line!(text);
    let first = next_steps(roadmap, &view.states, &view.eval, now, 1);
    if let Some(s) = first.first() {
        line!(
            text,
            "Next: {}. Run 'roadmap next' for more suggestions.",
            super::lookup::skill_name(roadmap, s.skill)
        );
    } else {
        line!(text, "{}", nothing_left(roadmap, overall));
    }
    out::emit(&text)
}

/// What `next` says when it has no suggestion.
fn nothing_left(roadmap: &Roadmap, overall: Tally) -> String {
    if overall.finished() == overall.total() {
        format!(
            "Everything is finished — 100%. Well done on {}!",
            roadmap.title
        )
    } else {
        "Nothing is unlocked right now; run 'roadmap list' to see what each skill needs."
            .to_string()
    }
}

pub fn next(view: &View, n: usize, json: bool, now: DateTime<Utc>) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let suggestions = next_steps(roadmap, &view.states, &view.eval, now, n);
    if json {
        let items: Vec<NextJson> = suggestions
            .iter()
            .map(|s| {
                let skill = &roadmap.skills[s.skill];
                NextJson {
                    id: &skill.id,
                    title: &skill.title,
                    stage: &roadmap.stages[skill.stage].id,
                    status: view.states[s.skill].status.as_str(),
                    reason: &s.reason,
                }
            })
            .collect();
        return out::emit_json(&items);
    }
    let mut text = String::new();
    if suggestions.is_empty() {
        if n > 0 {
            line!(text, "{}", nothing_left(roadmap, view.eval.overall));
        }
        return out::emit(&text);
    }
    let rank_width = suggestions.len().to_string().len();
    for (rank, Suggestion { skill, reason }) in suggestions.iter().enumerate() {
        let s = &roadmap.skills[*skill];
        line!(
            text,
            "{:>rank_width$}. {} ({}) — {} — {reason}",
            rank + 1,
            s.title,
            s.id,
            roadmap.stages[s.stage].title,
        );
    }
    out::emit(&text)
}
