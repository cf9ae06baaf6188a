//! "Unlocks at once" credit: for every skill, how many unfinished, locked
//! skills would unlock the moment it is marked done. (Marking an option of
//! a choice done picks it; skipping it declines it, which satisfies the
//! choice only when it was the last open option.)
//!
//! Each locked, unfinished skill `d` contributes to the skills that would
//! complete its prerequisites: its only missing skill, or any open option
//! of its only missing choice (when one more option satisfies it), or the
//! open options shared by several such choices. Contributions are kept
//! apart (`direct` per skill, `per_choice` per choice) so that one status
//! change can be applied by removing and re-adding the contributions of the
//! few skills it touches (see [`super::live`]).

use super::progress::{Tally, satisfied};
use super::roadmap::{Req, Roadmap};

/// What one locked skill is waiting for, as far as credit goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waiting {
    /// Not creditable: unlocked, finished, or missing more than one step.
    Nothing,
    /// Exactly this skill (possibly also satisfying the missing choices).
    Skill(usize),
    /// Any open option of this choice.
    Choice(usize),
    /// The open options shared by every missing choice of this skill.
    Shared(usize),
}

/// A view of statuses: which skills are finished, the statuses of each
/// choice's options, which skills are unlocked.
pub(crate) trait View {
    fn finished(&self, skill: usize) -> bool;
    fn choice_options(&self, choice: usize) -> Tally;
    fn unlocked(&self, skill: usize) -> bool;
}

/// How many more options of choice `c` must be marked done to satisfy it:
/// enough to reach `pick`, or every open option (the rest were declined),
/// whichever comes first. Zero when it is satisfied.
fn deficit(roadmap: &Roadmap, view: &impl View, c: usize) -> usize {
    let options = view.choice_options(c);
    let pick = roadmap.choices[c].pick;
    if satisfied(&options, pick) {
        0
    } else {
        (pick - options.done).min(options.todo + options.doing)
    }
}

/// What `d` is waiting for.
pub(crate) fn waiting(roadmap: &Roadmap, view: &impl View, d: usize) -> Waiting {
    if view.unlocked(d) || view.finished(d) {
        return Waiting::Nothing;
    }
    let mut skill = None;
    let mut choices = 0usize;
    let mut first_choice = None;
    for &r in roadmap.requires(d) {
        match r {
            Req::Skill(s) if !view.finished(s) => {
                if skill.is_some() {
                    return Waiting::Nothing;
                }
                skill = Some(s);
            }
            Req::Choice(c) => match deficit(roadmap, view, c) {
                0 => {}
                1 => {
                    choices += 1;
                    first_choice.get_or_insert(c);
                }
                _ => return Waiting::Nothing,
            },
            Req::Skill(_) => {}
        }
    }
    match (skill, first_choice) {
        (Some(s), _) => {
            let all_in = roadmap.requires(d).iter().all(|&r| match r {
                Req::Choice(c) => {
                    deficit(roadmap, view, c) == 0 || roadmap.skills[s].choices.contains(&c)
                }
                Req::Skill(_) => true,
            });
            if all_in {
                Waiting::Skill(s)
            } else {
                Waiting::Nothing
            }
        }
        (None, Some(c)) if choices == 1 => Waiting::Choice(c),
        (None, Some(_)) => Waiting::Shared(d),
        (None, None) => Waiting::Nothing,
    }
}

/// The open options shared by every missing choice of `d`.
fn shared_options<'a>(
    roadmap: &'a Roadmap,
    view: &'a impl View,
    d: usize,
) -> impl Iterator<Item = usize> + 'a {
    let missing: Vec<usize> = roadmap
        .requires(d)
        .iter()
        .filter_map(|&r| match r {
            Req::Choice(c) if deficit(roadmap, view, c) > 0 => Some(c),
            _ => None,
        })
        .collect();
    let first = missing.first().copied();
    first.into_iter().flat_map(move |c| {
        let missing = missing.clone();
        roadmap.choices[c].from.iter().copied().filter(move |&s| {
            !view.finished(s)
                && missing
                    .iter()
                    .all(|m| roadmap.skills[s].choices.contains(m))
        })
    })
}

/// Credit totals, kept apart so they can be updated piece by piece.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Credit {
    /// Per skill: contributions naming it (a missing skill, or a shared option).
    pub direct: Vec<u32>,
    /// Per choice: skills waiting on any one open option of it.
    pub per_choice: Vec<u32>,
}

impl Credit {
    pub fn new(roadmap: &Roadmap) -> Credit {
        Credit {
            direct: vec![0; roadmap.skills.len()],
            per_choice: vec![0; roadmap.choices.len()],
        }
    }

    /// Adds (`add`) or removes the contribution of what `d` waits for.
    /// Skills whose `direct` credit changed are pushed to `touched`; a
    /// changed choice is pushed as well (its open options changed credit).
    pub fn apply(
        &mut self,
        roadmap: &Roadmap,
        view: &impl View,
        d: usize,
        w: Waiting,
        add: bool,
        touched: &mut Touched,
    ) {
        let bump = |n: &mut u32| *n = if add { *n + 1 } else { n.saturating_sub(1) };
        match w {
            Waiting::Nothing => {}
            Waiting::Skill(s) => {
                bump(&mut self.direct[s]);
                touched.skills.push(s);
            }
            Waiting::Choice(c) => {
                bump(&mut self.per_choice[c]);
                touched.choices.push(c);
            }
            Waiting::Shared(_) => {
                for s in shared_options(roadmap, view, d) {
                    bump(&mut self.direct[s]);
                    touched.skills.push(s);
                }
            }
        }
    }

    /// How many skills finishing `s` unlocks at once.
    pub fn unlocks_now(&self, roadmap: &Roadmap, view: &impl View, s: usize) -> u32 {
        if view.finished(s) || !roadmap.meta[s].in_choice {
            return self.direct[s];
        }
        self.direct[s]
            + roadmap.skills[s]
                .choices
                .iter()
                .map(|&c| self.per_choice[c])
                .sum::<u32>()
    }
}

/// Skills and choices whose credit changed.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    pub skills: Vec<usize>,
    pub choices: Vec<usize>,
}
