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

/// `prefix` followed by `title`, the title cut short with "…" when the
/// whole would pass [`MAX_REASON`]: one skill is always named.
fn named(prefix: &str, title: &str) -> String {
    let room = MAX_REASON.saturating_sub(prefix.chars().count() + 1).max(8);
    format!("{prefix} {}", super::text::clip(title, room))
}

/// What says most about finishing something: how many unfinished skills
/// need it (`needed_by`) when that is more than it unlocks at once
/// ("required by 6 skills", never "unlocks" the one optional skill among
/// them), else what it unlocks at once (`count`; the one skill named,
/// `unlocked`, when there is one). One part, to keep reasons short.
fn importance(
    roadmap: &Roadmap,
    count: u32,
    unlocked: Option<usize>,
    needed_by: &[usize],
) -> Option<String> {
    if needed_by.len() > count as usize {
        return Some(match needed_by {
            [d] => named("required by", &roadmap.skills[*d].title),
            many => format!("required by {} skills", many.len()),
        });
    }
    match (count, unlocked) {
        // One skill is named or not mentioned, never counted.
        (0, _) | (1, None) => None,
        (1, Some(d)) => Some(named("unlocks", &roadmap.skills[d].title)),
        (k, _) => Some(format!("unlocks {k} skills")),
    }
}

/// Joins reason parts with " · " while they fit in [`MAX_REASON`] (less
/// what `tail` needs), then adds `tail`.
fn join(parts: Vec<String>, tail: &str) -> String {
    let room = MAX_REASON - tail.chars().count();
    let mut text = String::new();
    for part in parts {
        if text.is_empty() {
            text = part;
        } else if text.chars().count() + 3 + part.chars().count() <= room {
            text.push_str(" · ");
            text.push_str(&part);
        }
    }
    text.push_str(tail);
    text
}

/// A short human reason for suggesting `s`, most telling part first:
/// in progress (for how long), the cheapest way to satisfy a choice, what
/// requires it or what finishing it unlocks (whichever says more), or else
/// that it is next in its stage; "optional" when it is.
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
    let needed_by: Vec<usize> = roadmap
        .required_by(s)
        .into_iter()
        .filter(|&d| !states[d].status.is_finished())
        .collect();
    let count = eval.unlocks_now[s];
    let unlocked = if count == 1 {
        unlocked_by(roadmap, states, eval, s)
    } else {
        None
    };
    parts.extend(importance(roadmap, count, unlocked, &needed_by));
    if parts.is_empty() {
        parts.push(named("next in", &roadmap.stages[skill.stage].title));
    }
    join(parts, if skill.optional { " · optional" } else { "" })
}

/// Why the open choice `c` is a next step: how many options are left to
/// pick from and the cheapest way through, then what making it unlocks or
/// what requires it. "7 options, cheapest 45 h", "2 of 5 options, from
/// 80 h", "1 more of 4 options, cheapest 40 h".
pub(crate) fn choice_reason(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    c: usize,
) -> String {
    let choice = &roadmap.choices[c];
    let state = super::steps::OpenChoice::of(roadmap, states, eval, c);
    let rest = state.needed.saturating_sub(state.doing).max(1);
    let n = state.to_pick;
    let head = if rest == choice.pick {
        if rest == 1 {
            format!("{n} options")
        } else {
            format!("{rest} of {n} options")
        }
    } else {
        format!("{rest} more of {n} options")
    };
    let mut hours: Vec<u32> = choice
        .from
        .iter()
        .filter(|&&o| states[o].status == Status::Todo)
        .filter_map(|&o| roadmap.skills[o].hours)
        .collect();
    hours.sort_unstable();
    let cheapest: u64 = hours.iter().take(rest).map(|&h| u64::from(h)).sum();
    let mut parts = vec![match (hours.len() >= rest, rest) {
        (false, _) => head,
        (true, 1) => format!("{head}, cheapest {cheapest} h"),
        (true, _) => format!("{head}, from {cheapest} h"),
    }];
    // What making the choice opens: its dependents waiting for it alone.
    let needed_by: Vec<usize> = choice
        .dependents
        .iter()
        .copied()
        .filter(|&d| !states[d].status.is_finished())
        .collect();
    let waiting: Vec<usize> = needed_by
        .iter()
        .copied()
        .filter(|&d| {
            !eval.unlocked[d]
                && eval
                    .missing(roadmap, states, d)
                    .all(|r| r == super::roadmap::Req::Choice(c))
        })
        .collect();
    let count = u32::try_from(waiting.len()).unwrap_or(u32::MAX);
    parts.extend(importance(
        roadmap,
        count,
        waiting.first().copied(),
        &needed_by,
    ));
    let optional = choice.from.iter().all(|&o| roadmap.skills[o].optional);
    join(parts, if optional { " · optional" } else { "" })
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use crate::model::{Roadmap, SkillState, Status, evaluate, next_steps};
    use crate::test_support::{now, step_id};

    fn reason_of(r: &Roadmap, set: &[(&str, Status)], id: &str) -> String {
        let mut st = vec![SkillState::default(); r.skills.len()];
        for (i, status) in set {
            st[r.skill_index(i).unwrap()].status = *status;
        }
        let e = evaluate(r, &st);
        next_steps(r, &st, &e, now(), 1000)
            .into_iter()
            .find(|s| step_id(r, s.step) == id)
            .map_or_else(|| panic!("{id} is not suggested"), |s| s.reason)
    }

    #[test]
    fn what_requires_a_skill_comes_before_unlocking_an_optional_one() {
        let r = crate::model::builtin().unwrap();
        let done = [
            ("what-is-backend", Status::Done),
            ("terminal", Status::Done),
            ("how-the-web-works", Status::Done),
        ];
        // Linux unlocks one optional skill at once, and six skills need it.
        assert_eq!(reason_of(&r, &done, "linux"), "required by 6 skills");
    }

    /// `a` is required by one skill whose title is longer than a reason.
    fn long_titles() -> Roadmap {
        let long = "A skill whose title is far longer than any reason can hold";
        let v = json!({
            "version": 1, "id": "long", "title": "Long",
            "stages": [{ "id": "s", "title": "S", "skills": [
                { "id": "a", "title": "A", "hours": 1 },
                { "id": "b", "title": long, "requires": ["a"], "hours": 1 },
                { "id": "c", "title": "C", "hours": 1 },
                { "id": "d", "title": long, "requires": ["a", "c"], "hours": 1 }
            ]}]
        });
        crate::model::load(&serde_json::to_vec(&v).unwrap(), "long.json").unwrap()
    }

    #[test]
    fn one_skill_is_named_even_when_its_title_is_long() {
        let r = long_titles();
        let reason = reason_of(&r, &[("c", Status::Done)], "a");
        assert_eq!(reason, "unlocks 2 skills");
        // a unlocks b at once; d also needs c.
        let reason = reason_of(&r, &[], "a");
        assert!(reason.starts_with("required by 2 skills"), "{reason}");
        let reason = reason_of(&r, &[("b", Status::Done)], "a");
        assert!(reason.starts_with("required by A skill whose"), "{reason}");
        assert!(reason.ends_with('…'), "{reason}");
        let reason = reason_of(&r, &[("d", Status::Done)], "a");
        assert!(reason.starts_with("unlocks A skill whose"), "{reason}");
        assert!(!reason.contains("1 skill"), "{reason}");
        assert!(reason.chars().count() <= super::MAX_REASON, "{reason}");
    }
}
