//! `roadmap show ID`: everything about one skill.

use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use super::out::{self, line};
use super::{Failure, View, lookup};
use crate::model::{Node, Req, Roadmap, SkillState};

#[derive(Serialize)]
struct ShowJson<'a> {
    /// "skill" (`roadmap show CHOICE-ID` prints "choice").
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    stage: &'a str,
    stage_title: &'a str,
    status: &'a str,
    locked: bool,
    optional: bool,
    counted: bool,
    hours: Option<u32>,
    description: &'a str,
    aliases: &'a [String],
    choices: Vec<ChoiceJson<'a>>,
    requires: Vec<ReqJson<'a>>,
    unlocks: Vec<SkillRef<'a>>,
    resources: &'a [crate::model::Resource],
    started: Option<DateTime<Utc>>,
    done: Option<DateTime<Utc>>,
    changed: Option<DateTime<Utc>>,
    /// The learner's note (Markdown), `null` when there is none.
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct SkillRef<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
}

#[derive(Serialize)]
struct ChoiceJson<'a> {
    id: &'a str,
    title: &'a str,
    pick: usize,
    satisfied: bool,
    options: Vec<SkillRef<'a>>,
}

#[derive(Serialize)]
struct ReqJson<'a> {
    /// "skill" or "choice".
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    satisfied: bool,
    /// The skill's status (skills only).
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    /// How many options must be finished (choices only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pick: Option<usize>,
    /// The options with their statuses (choices only).
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<SkillRef<'a>>>,
}

fn skill_ref<'a>(roadmap: &'a Roadmap, states: &[SkillState], s: usize) -> SkillRef<'a> {
    SkillRef {
        id: &roadmap.skills[s].id,
        title: &roadmap.skills[s].title,
        status: states[s].status.as_str(),
    }
}

fn choice_json(view: &View, c: usize) -> ChoiceJson<'_> {
    let roadmap = &view.session.roadmap;
    let choice = &roadmap.choices[c];
    ChoiceJson {
        id: &choice.id,
        title: &choice.title,
        pick: choice.pick,
        satisfied: view.eval.choice_satisfied(roadmap, c),
        options: choice
            .from
            .iter()
            .map(|&s| skill_ref(roadmap, &view.states, s))
            .collect(),
    }
}

fn req_json(view: &View, req: Req) -> ReqJson<'_> {
    let roadmap = &view.session.roadmap;
    match req {
        Req::Skill(s) => ReqJson {
            kind: "skill",
            id: &roadmap.skills[s].id,
            title: &roadmap.skills[s].title,
            satisfied: view.states[s].status.is_finished(),
            status: Some(view.states[s].status.as_str()),
            pick: None,
            options: None,
        },
        Req::Choice(c) => {
            let choice = choice_json(view, c);
            ReqJson {
                kind: "choice",
                id: choice.id,
                title: choice.title,
                satisfied: choice.satisfied,
                status: None,
                pick: Some(choice.pick),
                options: Some(choice.options),
            }
        }
    }
}

/// A date for people, in their local time zone (`TZ` is honoured):
/// `2025-03-14 10:30 +01:00`. Files keep UTC.
fn readable(at: Option<DateTime<Utc>>) -> String {
    at.map_or_else(
        || "—".to_string(),
        |t| {
            t.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M %:z")
                .to_string()
        },
    )
}

pub fn show(view: &View, typed: &str, json: bool) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let s = match lookup::skill_or_choice(roadmap, typed)? {
        Node::Choice(c) => return super::show_choice::show_choice(view, c, json),
        Node::Skill(s) => s,
        // Not looked up here: `skill_or_choice` finds no stage.
        Node::Stage(_) => {
            return Err(Failure::User {
                lines: vec![lookup::not_a_skill(roadmap, typed)],
                help: None,
            });
        }
    };
    let skill = &roadmap.skills[s];
    let state = view.states[s];
    let home = &roadmap.stages[skill.stage];
    if json {
        return out::emit_json(&ShowJson {
            kind: "skill",
            id: &skill.id,
            title: &skill.title,
            stage: &home.id,
            stage_title: &home.title,
            status: state.status.as_str(),
            locked: !view.eval.unlocked[s],
            optional: skill.optional,
            counted: view.eval.counted[s],
            hours: skill.hours,
            description: &skill.description,
            aliases: &skill.aliases,
            choices: skill
                .choices
                .iter()
                .map(|&c| choice_json(view, c))
                .collect(),
            requires: skill.requires.iter().map(|&r| req_json(view, r)).collect(),
            unlocks: roadmap
                .required_by(s)
                .into_iter()
                .map(|d| skill_ref(roadmap, &view.states, d))
                .collect(),
            resources: &skill.resources,
            started: state.started_at,
            done: state.done_at,
            changed: state.changed,
            note: view.profile.note(roadmap, s).map(|n| n.text.as_str()),
        });
    }

    let mut text = String::new();
    line!(text, "{} ({})", skill.title, skill.id);
    line!(text, "  stage:    {} ({})", home.title, home.id);
    let mut status = out::status_phrase(state.status).to_string();
    if !view.eval.unlocked[s] {
        status.push_str(" — locked: prerequisites missing");
    }
    line!(text, "  status:   {} {status}", state.status.mark());
    if let Some(h) = skill.hours {
        line!(text, "  hours:    about {h}");
    }
    if skill.optional {
        line!(text, "  optional: yes, does not count towards progress");
    } else if view.eval.unpicked[s] {
        line!(
            text,
            "  counted:  no, another option of its choice was picked"
        );
    } else if !view.eval.counted[s] {
        line!(
            text,
            "  counted:  no, declined (skipped) as an option of its choice"
        );
    }
    if !skill.aliases.is_empty() {
        line!(text, "  aliases:  {}", skill.aliases.join(", "));
    }
    if !skill.description.is_empty() {
        line!(text);
        for l in skill.description.lines() {
            line!(text, "  {l}");
        }
    }
    render_links(view, s, &mut text);
    line!(text);
    line!(text, "Dates:");
    line!(text, "  started:      {}", readable(state.started_at));
    line!(text, "  done:         {}", readable(state.done_at));
    line!(text, "  last changed: {}", readable(state.changed));
    if let Some(note) = view.profile.note(roadmap, s) {
        line!(text);
        line!(text, "Your note (saved {}):", readable(Some(note.at)));
        for l in crate::model::text::clean_multiline(&note.text).lines() {
            if l.is_empty() {
                line!(text);
            } else {
                line!(text, "  {l}");
            }
        }
    }
    out::emit(&text)
}

/// Choices, prerequisites, dependents and resources.
fn render_links(view: &View, s: usize, text: &mut String) {
    let roadmap = &view.session.roadmap;
    let skill = &roadmap.skills[s];
    let mark = |i: usize| view.states[i].status.mark();
    for &c in &skill.choices {
        let choice = &roadmap.choices[c];
        line!(text);
        line!(
            text,
            "One option of: {} ({}), pick {} of {}",
            choice.title,
            choice.id,
            choice.pick,
            choice.from.len()
        );
        for &o in &choice.from {
            line!(text, "  {} {}", mark(o), lookup::skill_name(roadmap, o));
        }
    }
    line!(text);
    if skill.requires.is_empty() {
        line!(text, "Prerequisites: none");
    } else {
        line!(text, "Prerequisites:");
    }
    for &req in &skill.requires {
        match req {
            Req::Skill(r) => line!(text, "  {} {}", mark(r), lookup::skill_name(roadmap, r)),
            Req::Choice(c) => {
                let choice = &roadmap.choices[c];
                let done = if view.eval.choice_satisfied(roadmap, c) {
                    "[x]"
                } else {
                    "[ ]"
                };
                line!(
                    text,
                    "  {done} {} ({}): pick {} of",
                    choice.title,
                    choice.id,
                    choice.pick
                );
                for &o in &choice.from {
                    line!(text, "      {} {}", mark(o), lookup::skill_name(roadmap, o));
                }
            }
        }
    }
    let dependents = roadmap.required_by(s);
    line!(text);
    if dependents.is_empty() {
        line!(text, "Unlocks: nothing (no skill requires it)");
    } else {
        line!(text, "Unlocks:");
    }
    for d in dependents {
        line!(text, "  {} {}", mark(d), lookup::skill_name(roadmap, d));
    }
    line!(text);
    if skill.resources.is_empty() {
        line!(text, "Resources: none listed");
    } else {
        line!(text, "Resources:");
    }
    for r in &skill.resources {
        line!(text, "  - {} [{}]", r.title, r.kind);
        line!(text, "    {}", r.url);
    }
}
