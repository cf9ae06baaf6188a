//! Next steps as the learner reads them: the ranked skills, except that the
//! options of an open "pick one of" choice make one entry for the choice
//! (at the place of its best option), so six languages never push every
//! required skill down the list. [`super::next_steps`] and
//! [`super::live::Live::next_steps`] both go through [`collapse`], so they
//! agree entry for entry.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::progress::Evaluation;
use super::reason::{choice_reason, reason};
use super::roadmap::Roadmap;
use super::status::{SkillState, Status};

/// What a suggestion points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// A skill to learn.
    Skill(usize),
    /// An open "pick one of" choice: one entry for its options.
    Choice(usize),
}

/// A suggested next step and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub step: Step,
    pub reason: String,
}

impl Suggestion {
    /// The skill, when the step is one.
    pub fn skill(&self) -> Option<usize> {
        match self.step {
            Step::Skill(s) => Some(s),
            Step::Choice(_) => None,
        }
    }

    /// The choice, when the step is one.
    pub fn choice(&self) -> Option<usize> {
        match self.step {
            Step::Choice(c) => Some(c),
            Step::Skill(_) => None,
        }
    }
}

/// Where an open choice stands, counted over its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenChoice {
    /// Options still to be done to satisfy it (`pick` minus those done).
    pub needed: usize,
    /// Options in progress.
    pub doing: usize,
    /// Unfinished options not in progress: what is left to pick from.
    pub to_pick: usize,
}

impl OpenChoice {
    pub fn of(roadmap: &Roadmap, states: &[SkillState], eval: &Evaluation, c: usize) -> Self {
        let options = eval.choice_options[c];
        let needed = roadmap.choices[c].pick.saturating_sub(options.done);
        OpenChoice {
            needed,
            doing: options.doing,
            to_pick: roadmap.choices[c]
                .from
                .iter()
                .filter(|&&o| states[o].status == Status::Todo)
                .count(),
        }
    }

    /// Options in progress already cover what the choice needs: the
    /// learner is on it, and the other options are no next step.
    pub fn in_hand(self) -> bool {
        self.doing >= self.needed
    }
}

/// The skill a step stands for where one skill is needed (today's plan):
/// the skill itself, or an open choice's best option that can be learnt
/// now (else its best option).
pub fn learnable_skill(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    step: Step,
) -> Option<usize> {
    match step {
        Step::Skill(s) => Some(s),
        Step::Choice(c) => {
            let open = open_options(roadmap, states, eval, c);
            open.iter()
                .copied()
                .find(|&o| eval.unlocked[o])
                .or_else(|| open.first().copied())
        }
    }
}

/// The unfinished options of choice `c` a learner can pick from, best
/// first: unlocked before locked, then fewer hours, then file order.
pub fn open_options(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    c: usize,
) -> Vec<usize> {
    let mut open: Vec<usize> = roadmap.choices[c]
        .from
        .iter()
        .copied()
        .filter(|&o| !states[o].status.is_finished())
        .collect();
    open.sort_by_key(|&o| {
        (
            !eval.unlocked[o],
            roadmap.skills[o].hours.unwrap_or(u32::MAX),
            o,
        )
    });
    open
}

/// The first `n` next steps from `ranked` (candidate skills, best first):
/// a skill in progress as itself; an option of an open choice as one entry
/// for the choice, at the place of its best option, unless options in
/// progress already cover the choice (then it is left out) or it is the
/// last option left (then it is itself). Returns the steps and whether
/// `ranked` ran out before `n` were found.
pub(crate) fn collapse(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    now: DateTime<Utc>,
    ranked: impl IntoIterator<Item = usize>,
    n: usize,
) -> (Vec<Suggestion>, bool) {
    let mut out = Vec::with_capacity(n);
    let mut seen = HashSet::new();
    for s in ranked {
        if out.len() == n {
            return (out, false);
        }
        let open = roadmap.skills[s]
            .choices
            .iter()
            .copied()
            .find(|&c| !eval.choice_satisfied(roadmap, c));
        let step = match open {
            _ if states[s].status == Status::Doing => Step::Skill(s),
            None => Step::Skill(s),
            Some(c) => {
                if !seen.insert(c) {
                    continue;
                }
                let state = OpenChoice::of(roadmap, states, eval, c);
                if state.in_hand() {
                    continue;
                }
                if state.to_pick <= 1 {
                    Step::Skill(s)
                } else {
                    Step::Choice(c)
                }
            }
        };
        let reason = match step {
            Step::Skill(s) => reason(roadmap, states, eval, now, s),
            Step::Choice(c) => choice_reason(roadmap, states, eval, c),
        };
        out.push(Suggestion { step, reason });
    }
    let done = out.len() < n;
    (out, done)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;
    use crate::model::{Status, evaluate, next_steps};
    use crate::test_support::{now, small, step_id};

    fn states(r: &Roadmap, set: &[(&str, Status)]) -> Vec<SkillState> {
        let mut out = vec![SkillState::default(); r.skills.len()];
        for (id, status) in set {
            out[r.skill_index(id).unwrap()].status = *status;
        }
        out
    }

    fn steps(r: &Roadmap, st: &[SkillState], n: usize) -> Vec<(String, String)> {
        let e = evaluate(r, st);
        next_steps(r, st, &e, now(), n)
            .into_iter()
            .map(|s| (step_id(r, s.step), s.reason))
            .collect()
    }

    fn ids(r: &Roadmap, st: &[SkillState], n: usize) -> Vec<String> {
        steps(r, st, n).into_iter().map(|(id, _)| id).collect()
    }

    #[test]
    fn the_languages_are_one_entry_and_required_skills_keep_their_places() {
        let r = crate::model::builtin().unwrap();
        let st = states(
            &r,
            &[
                ("what-is-backend", Status::Done),
                ("terminal", Status::Done),
                ("how-the-web-works", Status::Done),
                ("programming-fundamentals", Status::Done),
            ],
        );
        let (ids, reasons): (Vec<String>, Vec<String>) = steps(&r, &st, 10).into_iter().unzip();
        assert_eq!(ids.len(), 10);
        let languages = ids.iter().filter(|i| *i == "backend-language").count();
        assert_eq!(languages, 1, "{ids:?}");
        let c = r.node("backend-language").unwrap();
        let crate::model::Node::Choice(c) = c else {
            panic!("not a choice")
        };
        for &o in &r.choices[c].from {
            assert!(!ids.contains(&r.skills[o].id), "{ids:?}");
        }
        // The required skills of Programming follow it instead of being
        // pushed off the list by six languages.
        assert!(ids.contains(&"problem-solving".to_string()), "{ids:?}");
        assert!(ids.contains(&"data-structures".to_string()), "{ids:?}");
        let at = ids.iter().position(|i| i == "backend-language").unwrap();
        assert_eq!(reasons[at], "7 options, cheapest 45 h");
    }

    #[test]
    fn the_last_option_left_is_itself_and_one_in_progress_covers_the_choice() {
        let r = small();
        let st = states(
            &r,
            &[
                ("terminal", Status::Done),
                ("java", Status::Skipped),
                ("go", Status::Skipped),
            ],
        );
        let all = steps(&r, &st, 10);
        assert!(
            all.contains(&("python".to_string(), "the last option left".to_string())),
            "{all:?}"
        );
        let st = states(&r, &[("terminal", Status::Done), ("go", Status::Doing)]);
        let ids = ids(&r, &st, 10);
        assert_eq!(ids[0], "go");
        assert!(!ids.contains(&"backend-language".to_string()), "{ids:?}");
        assert!(!ids.contains(&"python".to_string()), "{ids:?}");
    }

    /// The small roadmap with its choice asking for two languages.
    fn pick_two() -> Roadmap {
        let mut v: serde_json::Value =
            serde_json::from_slice(include_bytes!("../../tests/fixtures/small.json")).unwrap();
        v["choices"][0]["pick"] = json!(2);
        crate::model::load(&serde_json::to_vec(&v).unwrap(), "pick-two.json").unwrap()
    }

    #[test]
    fn a_choice_of_two_says_how_many_are_left_and_the_cheapest_way() {
        let r = pick_two();
        let st = states(&r, &[("terminal", Status::Done)]);
        let all = steps(&r, &st, 10);
        let reason = |all: &[(String, String)]| {
            all.iter()
                .find(|(id, _)| id == "backend-language")
                .map(|(_, r)| r.clone())
                .unwrap()
        };
        assert_eq!(reason(&all), "2 of 3 options, from 80 h");
        let st = states(&r, &[("terminal", Status::Done), ("python", Status::Done)]);
        assert_eq!(
            reason(&steps(&r, &st, 10)),
            "1 more of 2 options, cheapest 40 h"
        );
        // One in progress, one still to pick: still an entry.
        let st = states(&r, &[("terminal", Status::Done), ("java", Status::Doing)]);
        let ids = ids(&r, &st, 10);
        assert_eq!(ids[0], "java");
        assert!(ids.contains(&"backend-language".to_string()), "{ids:?}");
    }

    #[test]
    fn open_options_are_unlocked_first_then_cheapest() {
        let r = small();
        let st = states(&r, &[]);
        let e = evaluate(&r, &st);
        // Every language needs the terminal: all locked, cheapest first.
        let order: Vec<&str> = open_options(&r, &st, &e, 0)
            .into_iter()
            .map(|o| r.skills[o].id.as_str())
            .collect();
        assert_eq!(order, ["python", "go", "java"]);
    }

    #[test]
    fn asking_for_more_than_exist_collapses_every_option() {
        let r = crate::model::builtin().unwrap();
        let st = states(&r, &[]);
        let e = evaluate(&r, &st);
        let all = next_steps(&r, &st, &e, now(), 10_000);
        let choices = all.iter().filter(|s| s.choice().is_some()).count();
        let mut seen: Vec<Step> = all.iter().map(|s| s.step).collect();
        seen.sort_by_key(|s| format!("{s:?}"));
        seen.dedup();
        assert_eq!(seen.len(), all.len(), "an entry twice");
        assert!(choices <= r.choices.len());
    }
}
