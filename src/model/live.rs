//! Progress kept up to date one status change at a time.
//!
//! [`evaluate`] and [`next_steps`] look at every skill. An interactive view
//! cannot afford that on every key press of a 100,000-skill roadmap, so
//! [`Live`] keeps the same results and, when one skill changes, updates only
//! what that change can reach: the skill, its dependents, the options of its
//! choices and the skills whose "unlocks" count moved. Its results are
//! always equal to a fresh [`evaluate`] (a property test checks this).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::credit::{Touched, View, waiting};
use super::progress::{Evaluation, RankKey, Suggestion, evaluate, rank_key, reason};
use super::roadmap::Roadmap;
use super::status::SkillState;

/// Statuses, their evaluation and the ranking of next steps.
#[derive(Debug, Clone)]
pub struct Live {
    states: Vec<SkillState>,
    eval: Evaluation,
    ranking: BTreeSet<RankKey>,
    keys: Vec<Option<RankKey>>,
}

impl View for Live {
    fn finished(&self, skill: usize) -> bool {
        self.states[skill].status.is_finished()
    }
    fn choice_finished(&self, choice: usize) -> usize {
        self.eval.choice_finished[choice]
    }
    fn unlocked(&self, skill: usize) -> bool {
        self.eval.unlocked[skill]
    }
}

impl Live {
    /// Evaluates everything from scratch.
    pub fn new(roadmap: &Roadmap, states: Vec<SkillState>) -> Live {
        let eval = evaluate(roadmap, &states);
        let keys: Vec<Option<RankKey>> = (0..states.len())
            .map(|s| rank_key(roadmap, &states, &eval, s))
            .collect();
        let ranking = keys.iter().flatten().copied().collect();
        Live {
            states,
            eval,
            ranking,
            keys,
        }
    }

    pub fn states(&self) -> &[SkillState] {
        &self.states
    }

    pub fn eval(&self) -> &Evaluation {
        &self.eval
    }

    /// The top `n` suggestions, as [`super::next_steps`] would rank them.
    pub fn next_steps(&self, roadmap: &Roadmap, now: DateTime<Utc>, n: usize) -> Vec<Suggestion> {
        self.ranking
            .iter()
            .take(n)
            .map(|key| Suggestion {
                skill: key.5,
                reason: reason(roadmap, &self.states, &self.eval, now, key.5),
            })
            .collect()
    }

    /// Sets the state of skill `x` and updates everything it reaches.
    pub fn set(&mut self, roadmap: &Roadmap, x: usize, state: SkillState) {
        let old = self.states[x];
        let was_finished = old.status.is_finished();
        let is_finished = state.status.is_finished();
        let skill = &roadmap.skills[x];

        // The skills whose "waiting for" may change: x itself and, when its
        // finished-ness flips, everything requiring it or one of its choices.
        let mut dependents = vec![x];
        if was_finished != is_finished {
            dependents.extend_from_slice(&skill.dependents);
            for &c in &skill.choices {
                dependents.extend_from_slice(&roadmap.choices[c].dependents);
            }
            dependents.sort_unstable();
            dependents.dedup();
        }
        // The skills whose counted/unpicked may change: x and the options of
        // its choices (when a choice becomes satisfied or stops being so).
        let mut tallied = vec![x];
        let satisfied_before: Vec<bool> = skill
            .choices
            .iter()
            .map(|&c| self.eval.choice_satisfied(roadmap, c))
            .collect();

        let mut touched = Touched::default();
        self.credit_dependents(roadmap, &dependents, false, &mut touched);

        // Apply the change.
        self.states[x] = state;
        if was_finished != is_finished {
            for &c in &skill.choices {
                let n = &mut self.eval.choice_finished[c];
                *n = if is_finished {
                    *n + 1
                } else {
                    n.saturating_sub(1)
                };
            }
        }
        for (i, &c) in skill.choices.iter().enumerate() {
            if self.eval.choice_satisfied(roadmap, c) != satisfied_before[i] {
                tallied.extend_from_slice(&roadmap.choices[c].from);
            }
        }
        tallied.sort_unstable();
        tallied.dedup();
        for &s in &tallied {
            let status = if s == x {
                old.status
            } else {
                self.states[s].status
            };
            self.untally(roadmap, s, status);
            self.retally(roadmap, s);
        }
        for &d in &dependents {
            let unlocked = self.eval.missing(roadmap, &self.states, d).next().is_none();
            self.eval.unlocked[d] = unlocked;
        }
        self.credit_dependents(roadmap, &dependents, true, &mut touched);

        // Refresh "unlocks now" and rank keys wherever anything moved.
        let mut refresh = touched.skills;
        refresh.extend(dependents);
        refresh.extend(tallied);
        for &c in &touched.choices {
            refresh.extend_from_slice(&roadmap.choices[c].from);
        }
        refresh.sort_unstable();
        refresh.dedup();
        for s in refresh {
            self.eval.unlocks_now[s] = self.eval.credit.unlocks_now(roadmap, &*self, s);
            let key = rank_key(roadmap, &self.states, &self.eval, s);
            if key != self.keys[s] {
                if let Some(old) = self.keys[s] {
                    self.ranking.remove(&old);
                }
                if let Some(new) = key {
                    self.ranking.insert(new);
                }
                self.keys[s] = key;
            }
        }
    }

    /// Removes (`add` false) or adds the credit contributions of
    /// `dependents`, as the statuses stand now.
    fn credit_dependents(
        &mut self,
        roadmap: &Roadmap,
        dependents: &[usize],
        add: bool,
        touched: &mut Touched,
    ) {
        // The contributions are computed from `self` as a view, so the
        // credit totals are taken out while they are updated.
        let mut credit = std::mem::take(&mut self.eval.credit);
        for &d in dependents {
            let w = waiting(roadmap, &*self, d);
            credit.apply(roadmap, &*self, d, w, add, touched);
        }
        self.eval.credit = credit;
    }

    /// Removes skill `s` (with status `status`) from the tallies.
    fn untally(&mut self, roadmap: &Roadmap, s: usize, status: super::Status) {
        if self.eval.counted[s] {
            self.eval.stages[roadmap.skills[s].stage].remove(status);
            self.eval.overall.remove(status);
        }
    }

    /// Recomputes whether `s` counts, and adds it to the tallies if so.
    fn retally(&mut self, roadmap: &Roadmap, s: usize) {
        let skill = &roadmap.skills[s];
        let unpicked = !self.states[s].status.is_finished()
            && skill
                .choices
                .iter()
                .any(|&c| self.eval.choice_satisfied(roadmap, c));
        let counts = !skill.optional && !unpicked;
        self.eval.unpicked[s] = unpicked;
        self.eval.counted[s] = counts;
        if counts {
            let status = self.states[s].status;
            self.eval.stages[skill.stage].add(status);
            self.eval.overall.add(status);
        }
    }
}
