//! Progress arithmetic and ranked next steps. Linear in skills + edges.

use std::cmp::Reverse;

use chrono::{DateTime, Utc};

use super::credit::{Credit, Touched, View, waiting};
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
    pub(crate) fn add(&mut self, status: Status) {
        match status {
            Status::Todo => self.todo += 1,
            Status::Doing => self.doing += 1,
            Status::Done => self.done += 1,
            Status::Skipped => self.skipped += 1,
        }
    }

    pub(crate) fn remove(&mut self, status: Status) {
        let n = match status {
            Status::Todo => &mut self.todo,
            Status::Doing => &mut self.doing,
            Status::Done => &mut self.done,
            Status::Skipped => &mut self.skipped,
        };
        *n = n.saturating_sub(1);
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
    /// The pieces `unlocks_now` is summed from, kept for incremental updates.
    pub(crate) credit: Credit,
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
    // One byte per skill: the passes below look statuses up at random.
    let statuses: Vec<Status> = states.iter().map(|s| s.status).collect();
    let finished = |s: usize| statuses[s].is_finished();
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
    for (i, meta) in roadmap.meta.iter().enumerate() {
        unlocked.push(roadmap.requires(i).iter().all(req_ok));
        let unpicked = meta.in_choice
            && !finished(i)
            && roadmap.skills[i].choices.iter().any(|&c| satisfied(c));
        let counts = !meta.optional && !unpicked;
        counted.push(counts);
        unpicked_all.push(unpicked);
        if counts {
            stage_tallies[meta.stage as usize].add(statuses[i]);
            overall.add(statuses[i]);
        }
    }

    let mut credit = Credit::new(roadmap);
    let view = Snapshot {
        statuses: &statuses,
        choice_finished: &choice_finished,
        unlocked: &unlocked,
    };
    let mut touched = Touched::default();
    for d in 0..roadmap.skills.len() {
        let w = waiting(roadmap, &view, d);
        credit.apply(roadmap, &view, d, w, true, &mut touched);
        touched.skills.clear();
        touched.choices.clear();
    }
    let unlocks_now = (0..roadmap.skills.len())
        .map(|s| credit.unlocks_now(roadmap, &view, s))
        .collect();
    Evaluation {
        choice_finished,
        unlocked,
        counted,
        unpicked: unpicked_all,
        unlocks_now,
        stages: stage_tallies,
        overall,
        credit,
    }
}

/// Statuses plus what has been derived from them so far.
pub(crate) struct Snapshot<'a> {
    pub statuses: &'a [Status],
    pub choice_finished: &'a [usize],
    pub unlocked: &'a [bool],
}

impl View for Snapshot<'_> {
    fn finished(&self, skill: usize) -> bool {
        self.statuses[skill].is_finished()
    }
    fn choice_finished(&self, choice: usize) -> usize {
        self.choice_finished[choice]
    }
    fn unlocked(&self, skill: usize) -> bool {
        self.unlocked[skill]
    }
}

/// A suggested next skill and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub skill: usize,
    pub reason: String,
}

/// Sort key of a suggestion: not doing, optional, stage, unlocks (more
/// first), dependents (more first), file order.
pub(crate) type RankKey = (bool, bool, u32, Reverse<u32>, Reverse<u32>, usize);

/// The rank key of `s`, or `None` when it is not a candidate (locked,
/// finished, or an option not picked).
pub(crate) fn rank_key(
    roadmap: &Roadmap,
    states: &[SkillState],
    eval: &Evaluation,
    s: usize,
) -> Option<RankKey> {
    let meta = roadmap.meta[s];
    (eval.unlocked[s] && !states[s].status.is_finished() && !eval.unpicked[s]).then(|| {
        (
            states[s].status != Status::Doing,
            meta.optional,
            meta.stage,
            Reverse(eval.unlocks_now[s]),
            Reverse(meta.dependents),
            s,
        )
    })
}

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
    let mut candidates: Vec<RankKey> = (0..roadmap.skills.len())
        .filter_map(|s| rank_key(roadmap, states, eval, s))
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
