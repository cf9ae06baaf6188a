//! Why a skill is suggested, in a few words: what sets it apart from the
//! suggestions ranked after it. Short enough for a narrow pane.

use chrono::{DateTime, Utc};

use super::progress::{Evaluation, satisfied};
use super::roadmap::{Req, Roadmap};
use super::status::{SkillState, Status};

/// Reasons are kept to about this many characters.
pub const MAX_REASON: usize = 40;

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `prefix` followed by `title` when that fits, else by `fallback`.
fn named(prefix: &str, title: &str, fallback: &str) -> String {
    let text = format!("{prefix} {title}");
    if text.chars().count() <= MAX_REASON {
        text
    } else {
        format!("{prefix} {fallback}")
    }
}

/// A short human reason for suggesting `s`, most telling part first:
/// in progress (for how long), the cheapest way to satisfy a choice, what
/// finishing it unlocks, what requires it, or else that it is next in its
/// stage; "optional" when it is.
pub fn reason(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    now: DateTime<Utc>,
    s: usize,
) -> String {
    let skill = &roadmap.skills[s];
    let mut parts = Vec::new();
    if states[s].status == Status::Doing {
        let since = states[s].changed.or(states[s].started_at);
        let days = since.map_or(0, |t| (now - t).num_days().max(0).unsigned_abs());
        parts.push(if days == 0 {
            "in progress since today".to_string()
        } else {
            format!("in progress for {}", plural(days, "day"))
        });
    }
    if let Some(&c) = skill
        .choices
        .iter()
        .find(|&&c| !eval.choice_satisfied(roadmap, c))
    {
        parts.push(option_reason(roadmap, states, c, s));
    }
    match eval.unlocks_now[s] {
        0 => parts.extend(required_by(roadmap, states, s)),
        1 => {
            let opened = unlocked_by(roadmap, states, eval, s);
            parts.push(match opened {
                Some(d) => named("unlocks", &roadmap.skills[d].title, "1 skill"),
                None => "unlocks 1 skill".to_string(),
            });
        }
        k => parts.push(format!("unlocks {}", plural(u64::from(k), "skill"))),
    }
    if parts.is_empty() {
        parts.push(named(
            "next in",
            &roadmap.stages[skill.stage].title,
            "its stage",
        ));
    }
    let room = if skill.optional {
        MAX_REASON - " · optional".len()
    } else {
        MAX_REASON
    };
    let mut text = String::new();
    for part in parts {
        if text.is_empty() {
            text = part;
        } else if text.chars().count() + 3 + part.chars().count() <= room {
            text.push_str(" · ");
            text.push_str(&part);
        }
    }
    if skill.optional {
        text.push_str(" · optional");
    }
    text
}

/// Why option `s` of the open choice `c`: the last one left, the cheapest
/// of the open options, or one of them (with its hours).
fn option_reason(roadmap: &Roadmap, states: &[SkillState], c: usize, s: usize) -> String {
    let open: Vec<usize> = roadmap.choices[c]
        .from
        .iter()
        .copied()
        .filter(|&o| !states[o].status.is_finished())
        .collect();
    let hours = roadmap.skills[s].hours;
    if open.len() <= 1 {
        return "the last option left".to_string();
    }
    let others: Vec<Option<u32>> = open
        .iter()
        .filter(|&&o| o != s)
        .map(|&o| roadmap.skills[o].hours)
        .collect();
    let n = open.len();
    match hours {
        Some(h)
            if others.iter().all(|o| o.is_none_or(|o| o >= h))
                && others.iter().any(|o| o.is_none_or(|o| o > h)) =>
        {
            format!("cheapest of {n} options ({h} h)")
        }
        Some(h) => format!("one of {n} options ({h} h)"),
        None => format!("one of {n} options"),
    }
}

/// The first skill that marking `s` done unlocks at once (file order).
fn unlocked_by(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    s: usize,
) -> Option<usize> {
    let met = |r: Req| match r {
        Req::Skill(x) => x == s || states[x].status.is_finished(),
        Req::Choice(c) => {
            let mut options = eval.choice_options[c];
            if roadmap.choices[c].from.contains(&s) && !states[s].status.is_finished() {
                options.remove(states[s].status, None);
                options.add(Status::Done, None);
            }
            satisfied(&options, roadmap.choices[c].pick)
        }
    };
    roadmap.required_by(s).into_iter().find(|&d| {
        !eval.unlocked[d]
            && !states[d].status.is_finished()
            && roadmap.requires(d).iter().all(|&r| met(r))
    })
}

/// "required by X" (or "by N skills") when unfinished skills need `s`.
fn required_by(roadmap: &Roadmap, states: &[SkillState], s: usize) -> Option<String> {
    let open: Vec<usize> = roadmap
        .required_by(s)
        .into_iter()
        .filter(|&d| !states[d].status.is_finished())
        .collect();
    match open.as_slice() {
        [] => None,
        [d] => Some(named("required by", &roadmap.skills[*d].title, "1 skill")),
        many => Some(format!("required by {} skills", many.len())),
    }
}
