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
    /// Skills in the roadmap, counted or not.
    skills: usize,
    #[serde(flatten)]
    progress: ProgressJson,
    stages: Vec<StageJson<'a>>,
    orphans: usize,
    /// The target date and what it asks for; `null` without one.
    goal: Option<crate::model::goal::GoalPlan>,
}

/// Progress of the whole roadmap or of one stage: the same fields with the
/// same meanings at both levels.
#[derive(Serialize)]
pub(super) struct ProgressJson {
    /// Units that count: required skills outside choices, plus `pick` per
    /// choice. Fixed for a roadmap: it does not move when you pick.
    total: usize,
    done: usize,
    doing: usize,
    skipped: usize,
    todo: usize,
    /// Done plus skipped.
    finished: usize,
    /// Whole percent, rounded down: 100 only when everything is finished.
    percent: u32,
    /// Everything counted is finished.
    complete: bool,
    /// Estimated hours of what is left (cheapest options for open choices).
    hours_left: u64,
}

impl From<&Tally> for ProgressJson {
    fn from(t: &Tally) -> Self {
        ProgressJson {
            total: t.total(),
            done: t.done,
            doing: t.doing,
            skipped: t.skipped,
            todo: t.todo,
            finished: t.finished(),
            percent: t.percent(),
            complete: t.is_complete(),
            hours_left: t.hours_left,
        }
    }
}

#[derive(Serialize)]
struct StageJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    progress: ProgressJson,
}

#[derive(Serialize)]
struct NextJson<'a> {
    id: &'a str,
    title: &'a str,
    stage: &'a str,
    status: &'a str,
    reason: &'a str,
    /// Done prerequisites whose memory faded below `[review]
    /// prerequisite_memory`: review them first.
    review_first: Vec<super::review::FadedJson<'a>>,
}

pub fn status(view: &View, json: bool, now: DateTime<Utc>) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let overall = view.eval.overall;
    let orphans = view.profile.orphans(roadmap).count();
    let goal = crate::model::goal::for_profile(
        &view.profile,
        roadmap,
        &view.states,
        overall.hours_left,
        now,
        &chrono::Local,
    );
    if json {
        return out::emit_json(&StatusJson {
            roadmap: &roadmap.id,
            roadmap_title: &roadmap.title,
            profile: view.session.store.name(),
            skills: roadmap.skills.len(),
            progress: (&overall).into(),
            stages: roadmap
                .stages
                .iter()
                .zip(&view.eval.stages)
                .map(|(stage, tally)| StageJson {
                    id: &stage.id,
                    title: &stage.title,
                    progress: tally.into(),
                })
                .collect(),
            orphans,
            goal,
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
            "{title:<width$}  {}  {:>count_width$}/{:<count_width$}  {:>4}  {}",
            bar(tally.finished(), tally.total(), BAR_WIDTH),
            tally.finished(),
            tally.total(),
            tally.percent_text(),
            hours_left(tally),
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
    line!(text);
    line!(text, "{}", counted_note(roadmap, overall));
    if let Some(goal) = &goal {
        line!(text, "{}", goal.summary());
    }
    orphans_line(orphans, &mut text);
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

fn orphans_line(orphans: usize, text: &mut String) {
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
}

/// `159 h left`, or `finished ✓` for a complete stage.
pub(super) fn hours_left(tally: &Tally) -> String {
    if tally.is_complete() {
        "finished ✓".to_string()
    } else if tally.hours_left == 0 {
        String::new()
    } else {
        format!("{} h left", tally.hours_left)
    }
}

/// Why the total is what it is: "11 skills, 8 count towards progress:
/// optional skills do not, and a choice counts as the number of options it
/// asks for." (on two lines).
pub(super) fn counted_note(roadmap: &Roadmap, overall: Tally) -> String {
    let skills = roadmap.skills.len();
    let optional = roadmap.skills.iter().any(|s| s.optional);
    let choices = !roadmap.choices.is_empty();
    let why = match (optional, choices) {
        (true, true) => {
            ": optional skills do not,\nand a choice counts as the number of options it asks for."
        }
        (true, false) => ": optional skills do not.",
        (false, true) => ":\na choice counts as the number of options it asks for.",
        (false, false) => ".",
    };
    format!(
        "{}, {} towards progress{why}",
        out::plural(skills, "skill"),
        if overall.total() == 1 {
            "1 counts".to_string()
        } else {
            format!("{} count", overall.total())
        }
    )
}

/// What `next` says when it has no suggestion.
fn nothing_left(roadmap: &Roadmap, overall: Tally) -> String {
    if overall.is_complete() {
        format!(
            "Everything is finished — 100%. Well done on {}!",
            roadmap.title
        )
    } else {
        "Nothing is unlocked right now; run 'roadmap list' to see what each skill needs."
            .to_string()
    }
}

pub fn next(
    view: &View,
    n: usize,
    json: bool,
    now: DateTime<Utc>,
    settings: &crate::model::review::Settings,
) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let suggestions = next_steps(roadmap, &view.states, &view.eval, now, n);
    let fading = super::review::Fading::new(view, settings, now);
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
                    review_first: fading.json(roadmap, s.skill),
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
        for l in fading.lines(roadmap, *skill) {
            line!(text, "{:>rank_width$}  {l}", "");
        }
    }
    out::emit(&text)
}
