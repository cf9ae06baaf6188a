//! `roadmap next [-n N] [--json]`: the next steps, ranked, with reasons.
//! An open "pick one of" choice is one entry, with the options left to
//! pick from on the line below it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::out::{self, line};
use super::{Failure, View};
use crate::model::steps::open_options;
use crate::model::{Roadmap, Step, next_steps};

/// One entry of `next --json`: `kind` says which fields follow.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum NextJson<'a> {
    /// A skill: its status and why it is suggested.
    Skill {
        id: &'a str,
        title: &'a str,
        stage: &'a str,
        status: &'a str,
        reason: &'a str,
        /// Done prerequisites whose memory faded below `[review]
        /// prerequisite_memory`: review them first.
        review_first: Vec<super::review::FadedJson<'a>>,
    },
    /// An open choice: how many options to pick, how many are done, and
    /// the options left to pick from, best first.
    Choice {
        id: &'a str,
        title: &'a str,
        stage: &'a str,
        pick: usize,
        picked: usize,
        reason: &'a str,
        options: Vec<OptionJson<'a>>,
    },
}

#[derive(Serialize)]
struct OptionJson<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
    hours: Option<u32>,
    /// Prerequisites missing.
    locked: bool,
}

/// "Title (id)" of a skill or a choice.
pub(super) fn step_name(roadmap: &Roadmap, step: Step) -> String {
    match step {
        Step::Skill(s) => super::lookup::skill_name(roadmap, s),
        Step::Choice(c) => format!("{} ({})", roadmap.choices[c].title, roadmap.choices[c].id),
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
    let stage_of = |step: Step| match step {
        Step::Skill(s) => Some(roadmap.skills[s].stage),
        Step::Choice(c) => roadmap.choice_stage(c),
    };
    if json {
        let items: Vec<NextJson> = suggestions
            .iter()
            .map(|s| {
                let stage = stage_of(s.step).map_or("", |i| roadmap.stages[i].id.as_str());
                match s.step {
                    Step::Skill(i) => NextJson::Skill {
                        id: &roadmap.skills[i].id,
                        title: &roadmap.skills[i].title,
                        stage,
                        status: view.states[i].status.as_str(),
                        reason: &s.reason,
                        review_first: fading.json(roadmap, i),
                    },
                    Step::Choice(c) => NextJson::Choice {
                        id: &roadmap.choices[c].id,
                        title: &roadmap.choices[c].title,
                        stage,
                        pick: roadmap.choices[c].pick,
                        picked: view.eval.choice_done(c),
                        reason: &s.reason,
                        options: open_options(roadmap, &view.states, &view.eval, c)
                            .into_iter()
                            .map(|o| OptionJson {
                                id: &roadmap.skills[o].id,
                                title: &roadmap.skills[o].title,
                                status: view.states[o].status.as_str(),
                                hours: roadmap.skills[o].hours,
                                locked: !view.eval.unlocked[o],
                            })
                            .collect(),
                    },
                }
            })
            .collect();
        return out::emit_json(&items);
    }
    let mut text = String::new();
    if suggestions.is_empty() {
        if n > 0 {
            line!(
                text,
                "{}",
                super::status::nothing_left(roadmap, view.eval.overall)
            );
        }
        return out::emit(&text);
    }
    let rank_width = suggestions.len().to_string().len();
    for (rank, s) in suggestions.iter().enumerate() {
        let stage = stage_of(s.step).map_or("", |i| roadmap.stages[i].title.as_str());
        line!(
            text,
            "{:>rank_width$}. {} — {stage} — {}",
            rank + 1,
            step_name(roadmap, s.step),
            s.reason,
        );
        match s.step {
            Step::Choice(c) => line!(text, "{:rank_width$}  {}", "", options_line(view, c)),
            Step::Skill(i) => {
                for l in fading.lines(roadmap, i) {
                    line!(text, "{:rank_width$}  {l}", "");
                }
            }
        }
    }
    out::emit(&text)
}

/// "options: go 45 h, ruby 45 h, …, nodejs 45 h (locked); mark the one
/// you learn done": the ids to type, best first.
fn options_line(view: &View, c: usize) -> String {
    let roadmap = &view.session.roadmap;
    let options: Vec<String> = open_options(roadmap, &view.states, &view.eval, c)
        .into_iter()
        .map(|o| {
            let skill = &roadmap.skills[o];
            let mut text = skill.id.clone();
            if let Some(h) = skill.hours {
                text = format!("{text} {h} h");
            }
            match (view.states[o].status, view.eval.unlocked[o]) {
                (crate::model::Status::Doing, _) => text.push_str(" (doing)"),
                (_, false) => text.push_str(" (locked)"),
                _ => {}
            }
            text
        })
        .collect();
    format!(
        "options: {}; 'roadmap done ID' picks one",
        options.join(", ")
    )
}
