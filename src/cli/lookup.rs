//! Turning ids typed by the user into skills and stages, with "did you
//! mean" hints when they do not match.

use super::Failure;
use crate::model::text::clean;
use crate::model::{Node, Req, Roadmap, SkillState};

/// The longest piece of a typed id echoed back in a message.
const MAX_ECHO: usize = 100;

/// How a typed id is quoted in messages: sanitised and bounded.
pub fn echo(typed: &str) -> String {
    clean(typed).chars().take(MAX_ECHO).collect()
}

/// Finds a skill by id or alias; ids are lowercase, so `HTTP` finds `http`.
pub fn find_skill(roadmap: &Roadmap, typed: &str) -> Option<usize> {
    let typed = typed.trim();
    roadmap
        .skill_index(typed)
        .or_else(|| roadmap.skill_index(&typed.to_lowercase()))
}

/// Why `typed` is not a skill, as one line.
pub fn not_a_skill(roadmap: &Roadmap, typed: &str) -> String {
    let shown = echo(typed);
    match roadmap.node(typed.trim()) {
        Some(Node::Stage(_)) => format!(
            "'{shown}' is a stage, not a skill; see its skills with 'roadmap list --stage {shown}'"
        ),
        Some(Node::Choice(c)) => format!(
            "'{shown}' is a choice ({}), not a skill; use one of its options: {}",
            roadmap.choices[c].title,
            option_ids(roadmap, c)
        ),
        _ => match roadmap.closest_skill_id(&typed.trim().to_lowercase()) {
            Some(hint) => format!("unknown skill '{shown}' (did you mean '{hint}'?)"),
            None => format!("unknown skill '{shown}'"),
        },
    }
}

/// Resolves every typed id, or fails naming each one that is unknown.
/// Duplicates (an id and its alias) are kept once, in first-seen order.
pub fn skills(roadmap: &Roadmap, typed: &[String], help: &str) -> Result<Vec<usize>, Failure> {
    let mut found = Vec::with_capacity(typed.len());
    let mut unknown = Vec::new();
    for t in typed {
        match find_skill(roadmap, t) {
            Some(i) if found.contains(&i) => {}
            Some(i) => found.push(i),
            None => unknown.push(not_a_skill(roadmap, t)),
        }
    }
    if unknown.is_empty() {
        Ok(found)
    } else {
        Err(Failure::User {
            lines: unknown,
            help: Some(help.to_string()),
        })
    }
}

/// Resolves a stage id, or fails with a hint and the list of stage ids.
pub fn stage(roadmap: &Roadmap, typed: &str) -> Result<usize, Failure> {
    let wanted = typed.trim().to_lowercase();
    if let Some(i) = roadmap.stage_index(&wanted) {
        return Ok(i);
    }
    let shown = echo(typed);
    let hint = roadmap
        .stages
        .iter()
        .map(|s| (strsim::jaro_winkler(&wanted, &s.id), s.id.as_str()))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id);
    let line = match hint {
        Some(h) => format!("unknown stage '{shown}' (did you mean '{h}'?)"),
        None => format!("unknown stage '{shown}'"),
    };
    let ids: Vec<&str> = roadmap.stages.iter().map(|s| s.id.as_str()).collect();
    Err(Failure::User {
        lines: vec![line],
        help: Some(format!("stages of this roadmap: {}", ids.join(", "))),
    })
}

/// A prerequisite as `Title (id)`, for choices with their options.
pub fn describe_req(roadmap: &Roadmap, req: Req) -> String {
    match req {
        Req::Skill(s) => skill_name(roadmap, s),
        Req::Choice(c) => {
            let choice = &roadmap.choices[c];
            let pick = if choice.pick == 1 {
                "one of".to_string()
            } else {
                format!("{} of", choice.pick)
            };
            format!("{} ({pick} {})", choice.title, option_ids(roadmap, c))
        }
    }
}

/// The ids of a choice's options, comma-separated.
fn option_ids(roadmap: &Roadmap, c: usize) -> String {
    let ids: Vec<&str> = roadmap.choices[c]
        .from
        .iter()
        .map(|&s| roadmap.skills[s].id.as_str())
        .collect();
    ids.join(", ")
}

/// `Title (id)`.
pub fn skill_name(roadmap: &Roadmap, s: usize) -> String {
    let skill = &roadmap.skills[s];
    format!("{} ({})", skill.title, skill.id)
}

/// The missing prerequisites of skill `s`, described, or `None` when it is
/// unlocked.
pub fn missing(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &crate::model::Evaluation,
    s: usize,
) -> Option<Vec<String>> {
    let names: Vec<String> = eval
        .missing(roadmap, states, s)
        .map(|r| describe_req(roadmap, r))
        .collect();
    (!names.is_empty()).then_some(names)
}
