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
use super::progress::{
    Evaluation, RankKey, Suggestion, Tally, choice_units, evaluate, rank_key, skill_flags,
};
use super::roadmap::Roadmap;
use super::status::{SkillState, Status};
use super::steps::collapse;

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
    fn choice_options(&self, choice: usize) -> Tally {
        self.eval.choice_options[choice]
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
        let ranked = self.ranking.iter().map(|key| key.5);
        collapse(roadmap, &self.states, &self.eval, now, ranked, n).0
    }

    /// Sets the state of skill `x` and updates everything it reaches.
    pub fn set(&mut self, roadmap: &Roadmap, x: usize, state: SkillState) {
        let old = self.states[x];
        if old.status == state.status {
            // Only dates: nothing derived from them is kept.
            self.states[x] = state;
            return;
        }
        let flips_finished = old.status.is_finished() != state.status.is_finished();
        let flips_done = (old.status == Status::Done) != (state.status == Status::Done);
        let skill = &roadmap.skills[x];

        // The skills whose "waiting for" may change: x itself, everything
        // requiring it when its finished-ness flips, and everything
        // requiring one of its choices when the choice's done or finished
        // count moves.
        let mut dependents = vec![x];
        if flips_finished {
            dependents.extend_from_slice(&skill.dependents);
        }
        if flips_finished || flips_done {
            for &c in &skill.choices {
                dependents.extend_from_slice(&roadmap.choices[c].dependents);
            }
        }
        dependents.sort_unstable();
        dependents.dedup();
        let satisfied_before: Vec<bool> = skill
            .choices
            .iter()
            .map(|&c| self.eval.choice_satisfied(roadmap, c))
            .collect();

        let mut touched = Touched::default();
        self.credit_dependents(roadmap, &dependents, false, &mut touched);
        self.tally(roadmap, x, false);

        // Apply the change.
        self.states[x] = state;
        for &c in &skill.choices {
            let options = &mut self.eval.choice_options[c];
            options.remove(old.status, None);
            options.add(state.status, None);
        }
        self.tally(roadmap, x, true);

        // The skills whose counted/unpicked may change: x and the options of
        // its choices (when a choice becomes satisfied or stops being so).
        let mut flagged = vec![x];
        for (i, &c) in skill.choices.iter().enumerate() {
            if self.eval.choice_satisfied(roadmap, c) != satisfied_before[i] {
                flagged.extend_from_slice(&roadmap.choices[c].from);
            }
        }
        flagged.sort_unstable();
        flagged.dedup();
        for &s in &flagged {
            let (unpicked, counted) = skill_flags(roadmap, self.states[s].status, s, |c| {
                self.eval.choice_satisfied(roadmap, c)
            });
            self.eval.unpicked[s] = unpicked;
            self.eval.counted[s] = counted;
        }
        for &d in &dependents {
            let unlocked = self.eval.missing(roadmap, &self.states, d).next().is_none();
            self.eval.unlocked[d] = unlocked;
        }
        self.credit_dependents(roadmap, &dependents, true, &mut touched);

        // Refresh "unlocks now" and rank keys wherever anything moved.
        let mut refresh = touched.skills;
        refresh.extend(dependents);
        refresh.extend(flagged);
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

    /// Adds (`add`) or takes out what skill `x` contributes to the stage
    /// and overall tallies, as the statuses stand now: itself when it is a
    /// counted ordinary skill, the units of each choice it is an option of.
    fn tally(&mut self, roadmap: &Roadmap, x: usize, add: bool) {
        let skill = &roadmap.skills[x];
        let meta = roadmap.meta[x];
        if !meta.optional && !meta.in_choice {
            let status = self.states[x].status;
            for t in [&mut self.eval.stages[skill.stage], &mut self.eval.overall] {
                if add {
                    t.add(status, skill.hours);
                } else {
                    t.remove(status, skill.hours);
                }
            }
        }
        if skill.choices.is_empty() {
            return;
        }
        for &c in &skill.choices {
            let states = &self.states;
            let units = choice_units(
                roadmap,
                |s| states[s].status,
                &self.eval.choice_options[c],
                c,
            );
            if let Some(stage) = roadmap.choice_stage(c) {
                self.eval.stages[stage].combine(&units, add);
            }
            self.eval.overall.combine(&units, add);
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
}
