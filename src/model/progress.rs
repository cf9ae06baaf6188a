//! Progress arithmetic and ranked next steps. Linear in skills + edges.

use std::cmp::Reverse;

use chrono::{DateTime, Utc};

use super::credit::{Credit, Touched, View, waiting};
pub use super::reason::reason;
use super::roadmap::{Req, Roadmap};
use super::status::{SkillState, Status};
use super::steps::collapse;
pub use super::steps::{Step, Suggestion};

/// Counts over what counts towards progress: every required skill that is
/// not an option of a choice, plus `pick` units per choice (see
/// [`choice_units`]). The same fields mean the same thing for the whole
/// roadmap and for one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub skipped: usize,
    /// Estimated hours of what is not finished yet (skills without an
    /// estimate add nothing).
    pub hours_left: u64,
}

impl Tally {
    /// Adds one skill with `status`; its `hours` count while unfinished.
    pub(crate) fn add(&mut self, status: Status, hours: Option<u32>) {
        match status {
            Status::Todo => self.todo += 1,
            Status::Doing => self.doing += 1,
            Status::Done => self.done += 1,
            Status::Skipped => self.skipped += 1,
        }
        if !status.is_finished() {
            self.hours_left += u64::from(hours.unwrap_or(0));
        }
    }

    /// Takes back an [`Tally::add`] of the same arguments.
    pub(crate) fn remove(&mut self, status: Status, hours: Option<u32>) {
        let n = match status {
            Status::Todo => &mut self.todo,
            Status::Doing => &mut self.doing,
            Status::Done => &mut self.done,
            Status::Skipped => &mut self.skipped,
        };
        *n = n.saturating_sub(1);
        if !status.is_finished() {
            self.hours_left = self
                .hours_left
                .saturating_sub(u64::from(hours.unwrap_or(0)));
        }
    }

    /// Adds (`add`) or takes back every count of `other`.
    pub(crate) fn combine(&mut self, other: &Tally, add: bool) {
        let f = |a: &mut usize, b: usize| *a = if add { *a + b } else { a.saturating_sub(b) };
        f(&mut self.todo, other.todo);
        f(&mut self.doing, other.doing);
        f(&mut self.done, other.done);
        f(&mut self.skipped, other.skipped);
        self.hours_left = if add {
            self.hours_left + other.hours_left
        } else {
            self.hours_left.saturating_sub(other.hours_left)
        };
    }

    /// Done plus skipped.
    pub fn finished(&self) -> usize {
        self.done + self.skipped
    }

    /// Units that count towards progress.
    pub fn total(&self) -> usize {
        self.todo + self.doing + self.done + self.skipped
    }

    /// Everything counted is finished (nothing to count is complete).
    pub fn is_complete(&self) -> bool {
        self.finished() >= self.total()
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

    /// The percentage for people: whole percent from 10% up, one decimal
    /// below (rounded down, but never `0.0%` once anything is finished), so
    /// the first tick already shows: `0%`, `0.9%`, `9.4%`, `12%`, `100%`.
    pub fn percent_text(&self) -> String {
        let total = self.total();
        let finished = self.finished().min(total);
        if total == 0 || finished == total {
            return "100%".to_string();
        }
        let tenths = finished * 1000 / total;
        if finished == 0 {
            "0%".to_string()
        } else if tenths < 100 {
            let tenths = tenths.max(1);
            format!("{}.{}%", tenths / 10, tenths % 10)
        } else {
            format!("{}%", tenths / 10)
        }
    }
}

/// Eighths of a cell, from one eighth to seven.
const PARTIAL: [&str; 7] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A progress bar of `cells` characters, as (filled part, empty part):
/// full blocks, then one partial block in eighths, then `░`. Rounded down,
/// except that anything finished shows at least one eighth, and the bar is
/// only full when everything is finished. Nothing to count is full.
pub fn bar(finished: usize, total: usize, cells: usize) -> (String, String) {
    let finished = finished.min(total);
    if total == 0 || finished == total {
        return ("█".repeat(cells), String::new());
    }
    let eighths = cells * 8;
    let mut filled = finished * eighths / total;
    if finished > 0 {
        filled = filled.max(1);
    }
    filled = filled.min(eighths.saturating_sub(1));
    let full = filled / 8;
    let mut head = "█".repeat(full);
    let mut used = full;
    if !filled.is_multiple_of(8) {
        head.push_str(PARTIAL[filled % 8 - 1]);
        used += 1;
    }
    (head, "░".repeat(cells.saturating_sub(used)))
}

/// The statuses of the options of one choice, as a [`Tally`] (hours unused).
pub(crate) fn option_tally(roadmap: &Roadmap, statuses: &[Status], c: usize) -> Tally {
    let mut t = Tally::default();
    for &s in &roadmap.choices[c].from {
        t.add(statuses[s], None);
    }
    t
}

/// A choice is satisfied once `pick` options are done, or once every option
/// is finished (declining them all skips the choice).
pub(crate) fn satisfied(options: &Tally, pick: usize) -> bool {
    options.done >= pick || options.todo + options.doing == 0
}

/// What choice `c` adds to the tallies: `pick` units, whatever the learner
/// picks, so the total never jumps. Done options fill units (at most
/// `pick`); while the choice is open the rest are doing (options in
/// progress) or todo, and their hours are those of the cheapest open
/// options (those in progress first); once every option is finished the
/// rest are skipped. A choice whose options are all optional counts
/// nothing.
pub(crate) fn choice_units(
    roadmap: &Roadmap,
    status: impl Fn(usize) -> Status,
    options: &Tally,
    c: usize,
) -> Tally {
    let choice = &roadmap.choices[c];
    if choice.from.iter().all(|&s| roadmap.meta[s].optional) {
        return Tally::default();
    }
    let pick = choice.pick;
    let done = options.done.min(pick);
    let rest = pick - done;
    if satisfied(options, pick) {
        return Tally {
            done,
            skipped: rest,
            ..Tally::default()
        };
    }
    let doing = options.doing.min(rest);
    let mut open: Vec<(bool, u32)> = choice
        .from
        .iter()
        .filter(|&&s| !status(s).is_finished())
        .map(|&s| {
            (
                status(s) != Status::Doing,
                roadmap.skills[s].hours.unwrap_or(0),
            )
        })
        .collect();
    open.sort_unstable();
    Tally {
        todo: rest - doing,
        doing,
        done,
        skipped: 0,
        hours_left: open.iter().take(rest).map(|o| u64::from(o.1)).sum(),
    }
}

/// How many units count towards progress on `roadmap`, whatever the
/// statuses: required skills outside choices, plus `pick` per choice (a
/// choice of only optional skills counts nothing). The `total` of every
/// evaluation of `roadmap`.
pub fn counted_total(roadmap: &Roadmap) -> usize {
    let skills = roadmap
        .meta
        .iter()
        .filter(|m| !m.optional && !m.in_choice)
        .count();
    let choices: usize = roadmap
        .choices
        .iter()
        .filter(|c| c.from.iter().any(|&s| !roadmap.meta[s].optional))
        .map(|c| c.pick)
        .sum();
    skills + choices
}

/// Whether skill `s` is an unpicked alternative (an unfinished option of a
/// satisfied choice) and whether it counts towards progress (not optional,
/// not unpicked, not a declined option).
pub(crate) fn skill_flags(
    roadmap: &Roadmap,
    status: Status,
    s: usize,
    satisfied: impl Fn(usize) -> bool,
) -> (bool, bool) {
    let meta = roadmap.meta[s];
    let unpicked = meta.in_choice
        && !status.is_finished()
        && roadmap.skills[s].choices.iter().any(|&c| satisfied(c));
    let declined = meta.in_choice && status == Status::Skipped;
    (unpicked, !meta.optional && !unpicked && !declined)
}

/// Everything derived from a roadmap plus statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Per choice: the statuses of its options.
    pub choice_options: Vec<Tally>,
    /// Per skill: every prerequisite satisfied.
    pub unlocked: Vec<bool>,
    /// Per skill: counts towards progress, itself or as an option of a
    /// choice (not optional, not an unpicked alternative, not a declined
    /// option).
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
    /// Satisfied: `pick` options done, or every option finished.
    pub fn choice_satisfied(&self, roadmap: &Roadmap, choice: usize) -> bool {
        satisfied(&self.choice_options[choice], roadmap.choices[choice].pick)
    }

    /// How many options of `choice` are done (picked).
    pub fn choice_done(&self, choice: usize) -> usize {
        self.choice_options[choice].done
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
    let choice_options: Vec<Tally> = (0..roadmap.choices.len())
        .map(|c| option_tally(roadmap, &statuses, c))
        .collect();
    let is_satisfied = |c: usize| satisfied(&choice_options[c], roadmap.choices[c].pick);
    let req_ok = |r: &Req| match *r {
        Req::Skill(s) => finished(s),
        Req::Choice(c) => is_satisfied(c),
    };

    let mut unlocked = Vec::with_capacity(states.len());
    let mut counted = Vec::with_capacity(states.len());
    let mut unpicked_all = Vec::with_capacity(states.len());
    let mut stage_tallies = vec![Tally::default(); roadmap.stages.len()];
    let mut overall = Tally::default();
    for (i, meta) in roadmap.meta.iter().enumerate() {
        unlocked.push(roadmap.requires(i).iter().all(req_ok));
        let (unpicked, counts) = skill_flags(roadmap, statuses[i], i, is_satisfied);
        counted.push(counts);
        unpicked_all.push(unpicked);
        if !meta.optional && !meta.in_choice {
            let hours = roadmap.skills[i].hours;
            stage_tallies[meta.stage as usize].add(statuses[i], hours);
            overall.add(statuses[i], hours);
        }
    }
    for (c, options) in choice_options.iter().enumerate() {
        let units = choice_units(roadmap, |s| statuses[s], options, c);
        if let Some(stage) = roadmap.choice_stage(c) {
            stage_tallies[stage].combine(&units, true);
        }
        overall.combine(&units, true);
    }

    let mut credit = Credit::new(roadmap);
    let view = Snapshot {
        statuses: &statuses,
        choice_options: &choice_options,
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
        choice_options,
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
    pub choice_options: &'a [Tally],
    pub unlocked: &'a [bool],
}

impl View for Snapshot<'_> {
    fn finished(&self, skill: usize) -> bool {
        self.statuses[skill].is_finished()
    }
    fn choice_options(&self, choice: usize) -> Tally {
        self.choice_options[choice]
    }
    fn unlocked(&self, skill: usize) -> bool {
        self.unlocked[skill]
    }
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

/// The top `n` next steps: the unlocked skills that are todo or doing,
/// ranked: doing first; then required before optional; then earlier stage;
/// then how many skills finishing it unlocks at once; then how many skills
/// require it directly; then file order. The options of an open choice
/// make one entry for the choice, where its best option ranks
/// ([`super::steps::collapse`]).
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
    // Options of one choice collapse into one entry: take the best `k`
    // keys, and more while they make fewer than `n` entries.
    let mut k = n;
    loop {
        let take = k.min(candidates.len());
        if take < candidates.len() {
            candidates.select_nth_unstable(take - 1);
        }
        let mut best = candidates[..take].to_vec();
        best.sort_unstable();
        let (steps, ran_out) =
            collapse(roadmap, states, eval, now, best.iter().map(|key| key.5), n);
        if !ran_out || take == candidates.len() {
            return steps;
        }
        k = k.saturating_mul(2);
    }
}
