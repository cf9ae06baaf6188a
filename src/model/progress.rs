//! Progress arithmetic and ranked next steps. Linear in skills + edges.

use std::cmp::Reverse;

use chrono::{DateTime, Utc};

use super::roadmap::{Req, Roadmap};
use super::status::{SkillState, Status};

/// Counts over the skills that count towards progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub skipped: usize,
}

impl Tally {
    fn add(&mut self, status: Status) {
        match status {
            Status::Todo => self.todo += 1,
            Status::Doing => self.doing += 1,
            Status::Done => self.done += 1,
            Status::Skipped => self.skipped += 1,
        }
    }

    /// Done plus skipped.
    pub fn finished(&self) -> usize {
        self.done + self.skipped
    }

    /// Skills that count towards progress.
    pub fn total(&self) -> usize {
        self.todo + self.doing + self.done + self.skipped
    }

    /// Whole percent, rounded down so 100 means everything is finished.
    /// Nothing to count is complete.
    pub fn percent(&self) -> u32 {
        let total = self.total();
        if total == 0 {
            return 100;
        }
        u32::try_from(self.finished() * 100 / total).unwrap_or(100)
    }
}

/// Everything derived from a roadmap plus statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Per choice: how many of its options are finished.
    pub choice_finished: Vec<usize>,
    /// Per skill: every prerequisite satisfied.
    pub unlocked: Vec<bool>,
    /// Per skill: counts towards progress (not optional, not an unpicked
    /// alternative of a satisfied choice).
    pub counted: Vec<bool>,
    /// Per skill: an unfinished option of a satisfied choice (the learner
    /// picked another one).
    pub unpicked: Vec<bool>,
    /// Per skill: how many unfinished skills finishing it unlocks at once.
    pub unlocks_now: Vec<u32>,
    pub stages: Vec<Tally>,
    pub overall: Tally,
}

impl Evaluation {
    pub fn choice_satisfied(&self, roadmap: &Roadmap, choice: usize) -> bool {
        self.choice_finished[choice] >= roadmap.choices[choice].pick
    }

    /// True for an unfinished option of a choice that is already satisfied:
    /// the learner picked another one.
    pub fn is_unpicked_alternative(&self, skill: usize) -> bool {
        self.unpicked[skill]
    }

    fn req_satisfied(&self, roadmap: &Roadmap, states: &[SkillState], req: Req) -> bool {
        match req {
            Req::Skill(s) => states[s].status.is_finished(),
            Req::Choice(c) => self.choice_satisfied(roadmap, c),
        }
    }

    /// The prerequisites of `skill` that are not satisfied yet.
    pub fn missing<'a>(
        &'a self,
        roadmap: &'a Roadmap,
        states: &'a [SkillState],
        skill: usize,
    ) -> impl Iterator<Item = Req> + 'a {
        roadmap.skills[skill]
            .requires
            .iter()
            .copied()
            .filter(move |&r| !self.req_satisfied(roadmap, states, r))
    }
}

/// Computes unlock state, counted skills and tallies. `states` is indexed
/// like `roadmap.skills`.
pub fn evaluate(roadmap: &Roadmap, states: &[SkillState]) -> Evaluation {
    assert_eq!(states.len(), roadmap.skills.len(), "one state per skill");
    let finished = |s: usize| states[s].status.is_finished();
    let choice_finished: Vec<usize> = roadmap
        .choices
        .iter()
        .map(|c| c.from.iter().filter(|&&s| finished(s)).count())
        .collect();
    let satisfied = |c: usize| choice_finished[c] >= roadmap.choices[c].pick;
    let req_ok = |r: &Req| match *r {
        Req::Skill(s) => finished(s),
        Req::Choice(c) => satisfied(c),
    };

    let mut unlocked = Vec::with_capacity(states.len());
    let mut counted = Vec::with_capacity(states.len());
    let mut unpicked_all = Vec::with_capacity(states.len());
    let mut stage_tallies = vec![Tally::default(); roadmap.stages.len()];
    let mut overall = Tally::default();
    for (i, skill) in roadmap.skills.iter().enumerate() {
        unlocked.push(roadmap.requires(i).iter().all(req_ok));
        let unpicked = !finished(i) && skill.choices.iter().any(|&c| satisfied(c));
        let counts = !skill.optional && !unpicked;
        counted.push(counts);
        unpicked_all.push(unpicked);
        if counts {
            stage_tallies[skill.stage].add(states[i].status);
            overall.add(states[i].status);
        }
    }

    let unlocks_now = unlock_credit(roadmap, states, &choice_finished, &unlocked);
    Evaluation {
        choice_finished,
        unlocked,
        counted,
        unpicked: unpicked_all,
        unlocks_now,
        stages: stage_tallies,
        overall,
    }
}

/// For every skill, the number of unfinished, locked skills whose only
/// missing prerequisites it would satisfy by being finished.
fn unlock_credit(
    roadmap: &Roadmap,
    states: &[SkillState],
    choice_finished: &[usize],
    unlocked: &[bool],
) -> Vec<u32> {
    let finished = |s: usize| states[s].status.is_finished();
    let deficit = |c: usize| roadmap.choices[c].pick.saturating_sub(choice_finished[c]);
    let mut credit = vec![0u32; roadmap.skills.len()];
    // Dependents waiting on exactly one choice: credited to each open option.
    let mut per_choice = vec![0u32; roadmap.choices.len()];
    let mut missing_choices = Vec::new();
    for (d, &open) in unlocked.iter().enumerate() {
        if open || finished(d) {
            continue;
        }
        let mut missing_skill = None;
        let mut possible = true;
        missing_choices.clear();
        for &r in roadmap.requires(d) {
            match r {
                Req::Skill(s) if !finished(s) => {
                    if missing_skill.is_some() {
                        possible = false;
                        break;
                    }
                    missing_skill = Some(s);
                }
                Req::Choice(c) if deficit(c) > 0 => {
                    if deficit(c) > 1 {
                        possible = false;
                        break;
                    }
                    missing_choices.push(c);
                }
                _ => {}
            }
        }
        if !possible {
            continue;
        }
        match (missing_skill, missing_choices.as_slice()) {
            (Some(s), choices) => {
                if choices
                    .iter()
                    .all(|c| roadmap.skills[s].choices.contains(c))
                {
                    credit[s] += 1;
                }
            }
            (None, [c]) => per_choice[*c] += 1,
            (None, [first, rest @ ..]) => {
                for &s in &roadmap.choices[*first].from {
                    if !finished(s) && rest.iter().all(|c| roadmap.skills[s].choices.contains(c)) {
                        credit[s] += 1;
                    }
                }
            }
            (None, []) => {}
        }
    }
    for (c, &n) in per_choice.iter().enumerate() {
        if n > 0 {
            for &s in &roadmap.choices[c].from {
                if !finished(s) {
                    credit[s] += n;
                }
            }
        }
    }
    credit
}

/// A suggested next skill and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub skill: usize,
    pub reason: String,
}

/// Sort key of a suggestion: not doing, optional, stage, unlocks (more
/// first), dependents (more first), file order.
type RankKey = (bool, bool, usize, Reverse<u32>, Reverse<usize>, usize);

/// The top `n` unlocked skills that are todo or doing, ranked: doing first;
/// then required before optional; then earlier stage; then how many skills
/// finishing it unlocks at once; then how many skills require it directly;
/// then file order.
///
/// Required before optional is our addition to the plain stage order: an
/// optional nice-to-have early in the roadmap must not push every required
/// skill of the next stage down the list.
pub fn next_steps(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    now: DateTime<Utc>,
    n: usize,
) -> Vec<Suggestion> {
    if n == 0 {
        return Vec::new();
    }
    // Keys are computed once into a compact vector, so the selection below
    // does not chase pointers into the skills.
    let mut candidates: Vec<RankKey> = roadmap
        .skills
        .iter()
        .enumerate()
        .filter(|&(s, _)| eval.unlocked[s] && !states[s].status.is_finished() && !eval.unpicked[s])
        .map(|(s, skill)| {
            (
                states[s].status != Status::Doing,
                skill.optional,
                skill.stage,
                Reverse(eval.unlocks_now[s]),
                Reverse(skill.dependents.len()),
                s,
            )
        })
        .collect();
    if candidates.len() > n {
        candidates.select_nth_unstable(n - 1);
        candidates.truncate(n);
    }
    candidates.sort_unstable();
    candidates
        .into_iter()
        .map(|key| {
            let s = key.5;
            Suggestion {
                skill: s,
                reason: reason(roadmap, states, eval, now, s),
            }
        })
        .collect()
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A short human reason for suggesting `s`.
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
    for &c in &skill.choices {
        if !eval.choice_satisfied(roadmap, c) {
            let choice = &roadmap.choices[c];
            parts.push(format!("{} ({} options)", choice.title, choice.from.len()));
        }
    }
    match eval.unlocks_now[s] {
        0 => {}
        k => parts.push(format!("unlocks {}", plural(u64::from(k), "skill"))),
    }
    if parts.is_empty() {
        parts.push(
            if skill.requires.is_empty() {
                "no prerequisites"
            } else {
                "prerequisites done"
            }
            .to_string(),
        );
    }
    if skill.optional {
        parts.push("optional".to_string());
    }
    parts.join(" · ")
}
