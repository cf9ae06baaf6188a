//! Reviews in the interactive view: every done skill's schedule kept up to
//! date one change at a time, the due marks and count, faded
//! prerequisites on the suggestions, and the review session (`R`): each
//! skill due today with its description, resources and note, graded with
//! one key. Grades are recorded like status changes: in memory at once,
//! then applied and stamped by the store under its lock (`Effect::Save`).

use chrono::{DateTime, Local, NaiveDate, Utc};

use super::{App, Mode};
use crate::model::journal::local_day;
use crate::model::review::fading::{faded, percent};
use crate::model::review::today::{Inputs, Plan, Why, plan};
use crate::model::review::words::when_due;
use crate::model::review::{Grade, Memory, Pending, PendingKind, Scheduler, Settings};
use crate::tui::action::{Action, Effect};
use crate::tui::view::text::Zone;

/// Runs `$body` with `$tz` bound to the app's zone (chrono's `Local`, or
/// a fixed offset in tests): the model's functions are generic over it.
macro_rules! in_zone {
    ($zone:expr, $tz:ident => $body:expr) => {
        match $zone {
            Zone::Local => {
                let $tz = &Local;
                $body
            }
            Zone::Fixed(offset) => {
                let $tz = &offset;
                $body
            }
        }
    };
}

/// How many next steps today's plan draws on.
const PLAN_STEPS: usize = 20;

/// What the review features keep: derived from the profile (never saved),
/// except the reviews and time entries not yet taken by the store.
#[derive(Debug, Clone)]
pub struct Reviews {
    pub(crate) settings: Settings,
    pub(crate) scheduler: Scheduler,
    /// Every done skill's schedule.
    pub(crate) memory: Memory,
    /// The time of the last update: memories shown are at this moment.
    pub(crate) now: DateTime<Utc>,
    /// The learner's day the due marks and the count are for.
    pub(crate) day: NaiveDate,
    /// Reviews due on `day` (or before).
    pub(crate) due: usize,
    /// Reviews and time entries the store has not taken yet, in order.
    pub(crate) unsaved: Vec<Pending>,
    /// Today's plan, while the Today view or a review session uses it.
    pub(crate) plan: Option<Box<Plan>>,
}

impl Reviews {
    pub(crate) fn new(now: DateTime<Utc>) -> Reviews {
        let settings = Settings::default();
        Reviews {
            scheduler: Scheduler::new(settings.retention),
            settings,
            memory: Memory::default(),
            now,
            day: now.date_naive(),
            due: 0,
            unsaved: Vec::new(),
            plan: None,
        }
    }
}

/// One skill of a review session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    pub skill: usize,
    /// A prerequisite of this suggested step whose memory faded.
    pub before: Option<usize>,
}

/// The review session: the skills to review today, one at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSession {
    pub queue: Vec<Card>,
    /// The card shown (`queue.len()`: the session is over).
    pub index: usize,
    /// How far the card is scrolled.
    pub scroll: usize,
    /// What each grade would give the card shown, in days.
    pub preview: [u32; 4],
    /// The cards graded so far: skill, grade, next due.
    pub graded: Vec<(usize, Grade, NaiveDate)>,
    /// Cards left for later without a grade.
    pub skipped: usize,
}

impl ReviewSession {
    pub fn current(&self) -> Option<Card> {
        self.queue.get(self.index).copied()
    }

    pub fn is_over(&self) -> bool {
        self.index >= self.queue.len()
    }
}

impl App {
    /// Uses `settings` (the config file's `[review]` and `[today]`).
    #[must_use]
    pub fn with_review(mut self, settings: Settings) -> App {
        self.reviews.settings = settings;
        self.reviews.scheduler = Scheduler::new(settings.retention);
        let now = self.reviews.now;
        self.refresh_memory(None, now);
        self.refresh_suggestions(now);
        self
    }

    /// The learner's day at `now`.
    pub(crate) fn day_of(&self, now: DateTime<Utc>) -> NaiveDate {
        in_zone!(self.zone, tz => local_day(now, tz))
    }

    /// Every update starts here: memories are shown as of `now`, and the
    /// due marks follow the day when it turns.
    pub(crate) fn tick(&mut self, now: DateTime<Utc>) {
        self.reviews.now = now;
        let day = self.day_of(now);
        if day != self.reviews.day {
            self.reviews.day = day;
            self.reviews.due = self.reviews.memory.count_due(day);
        }
    }

    /// The schedules after a change: every skill (`None`), or one.
    pub(crate) fn refresh_memory(&mut self, skill: Option<usize>, now: DateTime<Utc>) {
        let r = &mut self.reviews;
        r.now = now;
        let states = self.live.states();
        match skill {
            None => {
                r.memory = in_zone!(self.zone, tz => Memory::compute(
                    &r.scheduler, &self.roadmap, &self.profile, states, tz
                ));
                r.day = in_zone!(self.zone, tz => local_day(now, tz));
                r.due = r.memory.count_due(r.day);
            }
            Some(i) => {
                let was = r.memory.is_due(i, r.day);
                if let Some(state) = states.get(i) {
                    in_zone!(self.zone, tz => r.memory.refresh(
                        &r.scheduler, &self.roadmap, &self.profile, i, state, tz
                    ));
                }
                let is = r.memory.is_due(i, r.day);
                r.due = (r.due + usize::from(is)).saturating_sub(usize::from(was));
            }
        }
        if matches!(self.mode, Mode::Today { .. }) || r.plan.is_some() {
            self.reviews.plan = Some(Box::new(self.today_plan(now)));
        }
    }

    /// Puts "review X first" before the reason of every suggestion whose
    /// prerequisite's memory faded below `[review] prerequisite_memory`.
    pub(crate) fn mark_faded(&mut self, now: DateTime<Utc>) {
        let threshold = self.reviews.settings.prerequisite_memory;
        for s in &mut self.suggestions {
            let Some(skill) = s.skill() else { continue };
            let weak = faded(&self.roadmap, &self.reviews.memory, skill, now, threshold);
            let Some(first) = weak.first() else { continue };
            let more = match weak.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            s.reason = format!(
                "↻ review {} first (memory {}){more} · {}",
                self.roadmap.skills[first.skill].title,
                percent(first.memory),
                s.reason
            );
        }
    }

    /// The memory of skill `i` now (the last update's time), when it is
    /// done.
    pub fn memory_of(&self, i: usize) -> Option<f64> {
        let card = self.reviews.memory.card(i)?;
        Some(card.retrievability(self.reviews.now))
    }

    /// True when skill `i`'s review is due today.
    pub fn is_due(&self, i: usize) -> bool {
        self.reviews.memory.is_due(i, self.reviews.day)
    }

    /// True while a review session has a card to show.
    pub fn reviewing(&self) -> bool {
        matches!(&self.mode, Mode::Review(s) if !s.is_over())
    }

    /// Reviews due today.
    pub fn reviews_due(&self) -> usize {
        self.reviews.due
    }

    /// The reviews and time entries the store has not taken yet: what
    /// `Effect::Save` saves besides the status changes.
    pub fn unsaved_events(&self) -> &[Pending] {
        &self.reviews.unsaved
    }

    /// Today's plan at `now`.
    pub(crate) fn today_plan(&self, now: DateTime<Utc>) -> Plan {
        let next: Vec<usize> = self
            .live
            .next_steps(&self.roadmap, now, PLAN_STEPS)
            .into_iter()
            .filter_map(|s| {
                crate::model::steps::learnable_skill(
                    &self.roadmap,
                    self.live.states(),
                    self.live.eval(),
                    s.step,
                )
            })
            .collect();
        let inputs = Inputs {
            roadmap: &self.roadmap,
            profile: &self.profile,
            states: self.live.states(),
            memory: &self.reviews.memory,
            next: &next,
            settings: &self.reviews.settings,
            goal: self.goal.map(|g| (g.date, g.hours_per_week)),
        };
        in_zone!(self.zone, tz => plan(&inputs, now, tz))
    }

    /// `R`: the review session over today's reviews (those due, at most
    /// `[today] reviews` a day, and the faded prerequisites of the next
    /// steps), in the order of today's plan.
    pub(crate) fn open_review(&mut self, now: DateTime<Utc>) {
        let plan = self.today_plan(now);
        let queue: Vec<Card> = plan
            .reviews
            .iter()
            .filter_map(|r| match r.why {
                Why::Due => Some(Card {
                    skill: r.skill,
                    before: None,
                }),
                Why::Refresh { before } => Some(Card {
                    skill: r.skill,
                    before: Some(before),
                }),
                Why::Reviewed(_) => None,
            })
            .collect();
        if queue.is_empty() {
            let next = self
                .reviews
                .memory
                .upcoming(now)
                .first()
                .and_then(|&s| self.reviews.memory.card(s).copied());
            match next {
                Some(c) => self.info(format!(
                    "nothing to review today · next: {}, {}",
                    self.roadmap.skills[c.skill].title,
                    when_due(c.due, self.reviews.day)
                )),
                None => self
                    .info("nothing to review yet: skills you mark done enter the review schedule"),
            }
            return;
        }
        let mut session = ReviewSession {
            queue,
            index: 0,
            scroll: 0,
            preview: [1, 2, 3, 4],
            graded: Vec::new(),
            skipped: 0,
        };
        self.prepare(&mut session, now);
        self.mode = Mode::Review(Box::new(session));
    }

    /// What each grade would give the card shown.
    fn prepare(&self, session: &mut ReviewSession, now: DateTime<Utc>) {
        session.scroll = 0;
        let Some(card) = session.current() else {
            return;
        };
        if let Some(c) = self.reviews.memory.card(card.skill) {
            session.preview = in_zone!(self.zone, tz => self.reviews.scheduler.preview(c, now, tz));
        }
    }

    pub(crate) fn update_review(&mut self, action: &Action, now: DateTime<Utc>) -> Vec<Effect> {
        let (max, page) = match &self.mode {
            Mode::Review(session) => (
                crate::tui::view::review::max_scroll(self, session),
                crate::tui::view::review::page(self.size)
                    .saturating_sub(1)
                    .max(1),
            ),
            _ => return Vec::new(),
        };
        let Mode::Review(session) = &mut self.mode else {
            return Vec::new();
        };
        if super::nav::scroll_popup(&mut session.scroll, action, max, page) {
            return Vec::new();
        }
        match action {
            Action::Grade(g) => return self.grade(*g, now),
            Action::SkipCard if !session.is_over() => {
                session.index += 1;
                session.skipped += 1;
                let mut s = std::mem::take(session);
                self.prepare(&mut s, now);
                self.mode = Mode::Review(s);
            }
            Action::Close | Action::OpenReview => {
                let graded = session.graded.len();
                self.mode = Mode::Main;
                if graded > 0 {
                    self.info(format!(
                        "review session closed · {} graded{}",
                        graded,
                        if self.dirty { ", saving" } else { ", saved" }
                    ));
                }
            }
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    /// Records `grade` for the card shown and moves to the next.
    fn grade(&mut self, grade: Grade, now: DateTime<Utc>) -> Vec<Effect> {
        let Mode::Review(session) = &mut self.mode else {
            return Vec::new();
        };
        let Some(card) = session.current() else {
            return Vec::new();
        };
        let mut session = std::mem::take(session);
        let skill = card.skill;
        let id = self.roadmap.skills[skill].id.clone();
        if self
            .profile
            .record_review(&self.roadmap, skill, grade, now)
            .is_err()
        {
            session.index += 1;
            self.prepare(&mut session, now);
            self.mode = Mode::Review(session);
            self.info(format!("{id} is no longer done: not reviewed"));
            return Vec::new();
        }
        self.reviews.unsaved.push(Pending {
            skill,
            what: PendingKind::Review(grade),
        });
        self.refresh_memory(Some(skill), now);
        self.refresh_suggestions(now);
        let due = self
            .reviews
            .memory
            .card(skill)
            .map_or(self.reviews.day, |c| c.due);
        session.graded.push((skill, grade, due));
        session.index += 1;
        self.prepare(&mut session, now);
        self.mode = Mode::Review(session);
        let text = format!(
            "{id}: {grade} · next review {}",
            when_due(due, self.reviews.day).trim_start_matches("due ")
        );
        self.events_changed(text)
    }

    /// Reviews or time were recorded in memory: ask the store to save them.
    pub(crate) fn events_changed(&mut self, text: String) -> Vec<Effect> {
        self.dirty = true;
        self.info(format!("saving · {text}"));
        self.pending = Some(text);
        vec![Effect::Save]
    }

    /// The store saved: the events it applied are in the saved profile
    /// (with its stamps), so their skills are replayed from it.
    pub(crate) fn events_saved(&mut self, now: DateTime<Utc>) {
        let skills: Vec<usize> = self.reviews.unsaved.drain(..).map(|e| e.skill).collect();
        for s in skills {
            self.refresh_memory(Some(s), now);
        }
    }
}

impl Default for ReviewSession {
    fn default() -> Self {
        ReviewSession {
            queue: Vec::new(),
            index: 0,
            scroll: 0,
            preview: [1, 2, 3, 4],
            graded: Vec::new(),
            skipped: 0,
        }
    }
}
