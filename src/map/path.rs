//! The path still to walk to a skill: the skill itself and every
//! unfinished skill it needs, all the way down, with their hours. A
//! choice not yet satisfied takes the options it still needs the way
//! progress counts them: those in progress first, then the cheapest.

use crate::model::{Evaluation, Req, Roadmap, SkillState, Status};

/// What is left before a skill is done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathLeft {
    /// The skills to finish, in roadmap order (the skill itself last
    /// among its stage's).
    pub skills: Vec<usize>,
    /// Their estimated hours.
    pub hours: u64,
    /// Skills on the path without an estimate (not in `hours`).
    pub unestimated: usize,
}

/// The unfinished skills `target` needs, itself included while unfinished.
pub fn left(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    target: usize,
) -> PathLeft {
    let mut seen = vec![false; roadmap.skills.len()];
    let mut stack = vec![target];
    let mut path = PathLeft::default();
    let unfinished = |s: usize| !states[s].status.is_finished();
    while let Some(s) = stack.pop() {
        if std::mem::replace(&mut seen[s], true) || !unfinished(s) {
            continue;
        }
        path.skills.push(s);
        match roadmap.skills[s].hours {
            Some(h) => path.hours += u64::from(h),
            None => path.unestimated += 1,
        }
        for req in roadmap.requires(s) {
            match *req {
                Req::Skill(p) => stack.push(p),
                Req::Choice(c) => {
                    if eval.choice_satisfied(roadmap, c) {
                        continue;
                    }
                    let choice = &roadmap.choices[c];
                    let rest = choice.pick.saturating_sub(eval.choice_done(c));
                    let mut open: Vec<(bool, u32, usize)> = choice
                        .from
                        .iter()
                        .filter(|&&o| unfinished(o))
                        .map(|&o| {
                            let doing = states[o].status == Status::Doing;
                            (!doing, roadmap.skills[o].hours.unwrap_or(0), o)
                        })
                        .collect();
                    open.sort_unstable();
                    stack.extend(open.into_iter().take(rest).map(|o| o.2));
                }
            }
        }
    }
    path.skills.sort_unstable();
    path
}
