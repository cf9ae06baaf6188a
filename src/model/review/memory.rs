//! Every done skill's schedule at once, derived from the profile and kept
//! while nothing changes: what `roadmap review`, today's plan and the
//! interactive view read. Replaying is linear in the reviews (a few
//! milliseconds per 10,000); after that the due list is a pass over the
//! cards, and one skill's change replays that skill alone
//! ([`Memory::refresh`]).

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::Review;
use super::days::LocalDays;
use super::schedule::{Card, Scheduler, done_at};
use crate::model::profile::Profile;
use crate::model::roadmap::Roadmap;
use crate::model::status::SkillState;

/// The cards of a roadmap's skills, by skill index (`None`: not done).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Memory {
    cards: Vec<Option<Card>>,
}

impl Memory {
    /// Replays every done skill of `roadmap` (`states` indexed like its
    /// skills).
    pub fn compute<Tz: TimeZone>(
        scheduler: &Scheduler,
        roadmap: &Roadmap,
        profile: &Profile,
        states: &[SkillState],
        tz: &Tz,
    ) -> Memory {
        let n = roadmap.skills.len();
        // Each skill's reviews, found by walking the profile's map once
        // (not a lookup per skill); a skill with reviews under more than
        // one of its ids takes them all from the profile.
        let mut lists: Vec<Option<&[Review]>> = vec![None; n];
        let mut several = Vec::new();
        if let Some(progress) = profile.roadmaps.get(&roadmap.id) {
            for (key, list) in &progress.reviews {
                let Some(i) = roadmap.skill_index(key) else {
                    continue;
                };
                if list.is_empty() || states.get(i).and_then(done_at).is_none() {
                    continue;
                }
                if lists[i].replace(list).is_some() {
                    several.push(i);
                }
            }
        }
        let mut days = LocalDays::new(tz);
        let mut cards: Vec<Option<Card>> = states
            .iter()
            .enumerate()
            .take(n)
            .map(|(i, state)| {
                let done = done_at(state)?;
                let reviews = lists[i].unwrap_or(&[]);
                Some(scheduler.replay_with(i, done, reviews, &mut days))
            })
            .collect();
        cards.resize(n, None);
        for i in several {
            cards[i] = scheduler.card_of(roadmap, profile, i, &states[i], tz);
        }
        Memory { cards }
    }

    /// Replays skill `i` alone after its status or reviews changed.
    pub fn refresh<Tz: TimeZone>(
        &mut self,
        scheduler: &Scheduler,
        roadmap: &Roadmap,
        profile: &Profile,
        i: usize,
        state: &SkillState,
        tz: &Tz,
    ) {
        if i >= self.cards.len() {
            self.cards.resize(roadmap.skills.len().max(i + 1), None);
        }
        self.cards[i] = scheduler.card_of(roadmap, profile, i, state, tz);
    }

    /// The card of skill `i`, when it is done.
    pub fn card(&self, i: usize) -> Option<&Card> {
        self.cards.get(i)?.as_ref()
    }

    /// Every card, in roadmap order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.cards.iter().flatten()
    }

    /// How many reviews are due on the learner's day `today` (or before).
    pub fn count_due(&self, today: NaiveDate) -> usize {
        self.cards().filter(|c| c.is_due(today)).count()
    }

    /// True when skill `i` is due on `today`.
    pub fn is_due(&self, i: usize, today: NaiveDate) -> bool {
        self.card(i).is_some_and(|c| c.is_due(today))
    }

    /// The skills due on `today` (or before), most urgent first: the
    /// earliest due date, then the weakest memory at `now`, then roadmap
    /// order.
    pub fn due(&self, today: NaiveDate, now: DateTime<Utc>) -> Vec<usize> {
        let mut due: Vec<(NaiveDate, f64, usize)> = self
            .cards()
            .filter(|c| c.is_due(today))
            .map(|c| (c.due, c.retrievability(now), c.skill))
            .collect();
        due.sort_unstable_by(urgency);
        due.into_iter().map(|(_, _, s)| s).collect()
    }

    /// Every scheduled skill, soonest due first (ties: weakest memory at
    /// `now`, then roadmap order).
    pub fn upcoming(&self, now: DateTime<Utc>) -> Vec<usize> {
        let mut all: Vec<(NaiveDate, f64, usize)> = self
            .cards()
            .map(|c| (c.due, c.retrievability(now), c.skill))
            .collect();
        all.sort_unstable_by(urgency);
        all.into_iter().map(|(_, _, s)| s).collect()
    }
}

fn urgency(a: &(NaiveDate, f64, usize), b: &(NaiveDate, f64, usize)) -> Ordering {
    a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2))
}
