//! Turning ids typed by the user into skills and stages, with "did you
//! mean" hints when they do not match.

use super::Failure;
use crate::model::find::{self, Found, Kinds};
use crate::model::text::clean;
use crate::model::{Node, Req, Roadmap, SkillState};

/// The longest piece of a typed id echoed back in a message.
const MAX_ECHO: usize = 100;

/// How a typed id is quoted in messages: sanitised and bounded.
pub fn echo(typed: &str) -> String {
    clean(typed).chars().take(MAX_ECHO).collect()
}

/// Finds a skill by id or alias, folded and by an unambiguous beginning
/// ([`find::find`]): `HTTP`, `http_basics` and `htt` find `http`.
pub fn find_skill(roadmap: &Roadmap, typed: &str) -> Option<usize> {
    match find::find(roadmap, typed, Kinds::SKILLS) {
        Found::One(Node::Skill(i)) => Some(i),
        _ => None,
    }
}

/// Why `typed` is not a skill, as one line.
pub fn not_a_skill(roadmap: &Roadmap, typed: &str) -> String {
    not_found(roadmap, typed, Kinds::SKILLS)
}

/// Why `typed` names nothing of `kinds`, as one line: what it is instead,
/// which ids it could be, or the closest id.
pub fn not_found(roadmap: &Roadmap, typed: &str, kinds: Kinds) -> String {
    let shown = echo(typed);
    let noun = kinds.noun();
    match find::find(roadmap, typed, kinds) {
        Found::One(_) => format!("'{shown}' is a {noun}"),
        Found::Other(Node::Stage(i)) => {
            let id = &roadmap.stages[i].id;
            format!(
                "'{shown}' is a stage, not a {noun} ({}); see its skills with 'roadmap list --stage {id}'",
                roadmap.stages[i].title
            )
        }
        Found::Other(Node::Choice(c)) => format!(
            "'{shown}' is a choice, not a {noun} ({}); use one of its options: {}",
            roadmap.choices[c].title,
            option_ids(roadmap, c)
        ),
        Found::Other(Node::Skill(s)) => format!(
            "'{shown}' is a skill, not a {noun} ({})",
            roadmap.skills[s].title
        ),
        Found::Ambiguous(nodes) => {
            let ids: Vec<&str> = nodes.iter().map(|&n| find::id_of(roadmap, n)).collect();
            format!("'{shown}' could be {}; type more of the id", ids.join(", "))
        }
        Found::Nothing { hint: Some(n) } => format!(
            "unknown {noun} '{shown}' (did you mean '{}'?)",
            find::id_of(roadmap, n)
        ),
        Found::Nothing { hint: None } => format!("unknown {noun} '{shown}'"),
    }
}

/// Finds a skill or a choice (what `show` takes), or fails saying why.
pub fn skill_or_choice(roadmap: &Roadmap, typed: &str) -> Result<Node, Failure> {
    let kinds = Kinds::SKILLS_AND_CHOICES;
    match find::find(roadmap, typed, kinds) {
        Found::One(node) => Ok(node),
        _ => Err(Failure::User {
            lines: vec![not_found(roadmap, typed, kinds)],
            help: Some(
                "run 'roadmap list' to see the skill ids ('roadmap show' also takes a choice's id)"
                    .to_string(),
            ),
        }),
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

/// Resolves a stage by id or title (folded, or an unambiguous beginning),
/// or fails with a hint and the list of stages.
pub fn stage(roadmap: &Roadmap, typed: &str) -> Result<usize, Failure> {
    if let Found::One(Node::Stage(i)) = find::find(roadmap, typed, Kinds::STAGES) {
        return Ok(i);
    }
    let ids: Vec<String> = roadmap
        .stages
        .iter()
        .map(|s| format!("{} ({})", s.id, s.title))
        .collect();
    Err(Failure::User {
        lines: vec![not_found(roadmap, typed, Kinds::STAGES)],
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
