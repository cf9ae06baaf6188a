//! `roadmap review [--all] [--json]` lists the reviews due (or all of them
//! by date); `roadmap review ID GRADE` records one and says when the next
//! is due. Schedules are replayed from the profile's reviews (FSRS) in the
//! learner's local days.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::out::{self, line, plural};
use super::{Failure, View, lookup};
use crate::model::Roadmap;
use crate::model::review::fading::{Faded, faded, percent};
use crate::model::review::{Card, Grade, Memory, NotReviewed, Scheduler, Settings};
use crate::session::Session;

/// Every done skill's schedule, in zone `tz`.
pub(crate) fn memory<Tz: TimeZone>(view: &View, settings: &Settings, tz: &Tz) -> Memory {
    Memory::compute(
        &Scheduler::new(settings.retention),
        &view.session.roadmap,
        &view.profile,
        &view.states,
        tz,
    )
}

/// A probability rounded to 4 decimals, so the JSON is stable.
pub(crate) fn rounded(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

#[derive(Serialize)]
struct CardJson<'a> {
    id: &'a str,
    title: &'a str,
    /// The local day the review is due.
    due: NaiveDate,
    /// The probability of recalling it now, 0 to 1.
    retrievability: f64,
    stability_days: f64,
    /// Reviews recorded since it was marked done.
    reviews: u32,
    difficulty: f64,
    /// The last review, or when it was marked done before the first.
    last_reviewed: DateTime<Utc>,
    last_grade: Option<Grade>,
    interval_days: u32,
}

pub(crate) use crate::model::review::words::when_due;

/// "last reviewed 2026-02-20", or "done 2026-02-20, not reviewed yet".
fn last_words<Tz: TimeZone>(card: &Card, tz: &Tz) -> String {
    let day = card.last.with_timezone(tz).date_naive();
    match card.last_grade {
        Some(g) => format!("last reviewed {day} ({g})"),
        None => format!("done {day}, not reviewed yet"),
    }
}

pub fn review(
    view: &View,
    settings: &Settings,
    all: bool,
    json: bool,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    list(view, settings, all, json, now, &Local)
}

fn list<Tz: TimeZone>(
    view: &View,
    settings: &Settings,
    all: bool,
    json: bool,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<(), Failure> {
    let roadmap = &view.session.roadmap;
    let memory = memory(view, settings, tz);
    let today = now.with_timezone(tz).date_naive();
    let skills = if all {
        memory.upcoming(now)
    } else {
        memory.due(today, now)
    };
    let cards: Vec<&Card> = skills.iter().filter_map(|&s| memory.card(s)).collect();
    if json {
        let items: Vec<CardJson> = cards
            .iter()
            .map(|c| {
                let skill = &roadmap.skills[c.skill];
                CardJson {
                    id: &skill.id,
                    title: &skill.title,
                    due: c.due,
                    retrievability: rounded(c.retrievability(now), 4),
                    stability_days: rounded(f64::from(c.stability), 2),
                    reviews: c.reviews,
                    difficulty: rounded(f64::from(c.difficulty), 2),
                    last_reviewed: c.last,
                    last_grade: c.last_grade,
                    interval_days: c.interval,
                }
            })
            .collect();
        return out::emit_json(&items);
    }
    let mut text = String::new();
    if memory.cards().next().is_none() {
        line!(
            text,
            "Nothing to review yet: every skill you mark done enters the review schedule."
        );
        return out::emit(&text);
    }
    if cards.is_empty() {
        let next = memory
            .upcoming(now)
            .first()
            .and_then(|&s| memory.card(s).copied());
        if let Some(c) = next {
            line!(
                text,
                "Nothing to review today. Next: {}, {}.",
                lookup::skill_name(roadmap, c.skill),
                when_due(c.due, today)
            );
        }
        line!(text, "'roadmap review --all' lists every review by date.");
        return out::emit(&text);
    }
    if all {
        line!(
            text,
            "{} by date (retention {}):",
            plural(cards.len(), "review"),
            percent(settings.retention)
        );
    } else {
        line!(
            text,
            "{} due today, {today}:",
            plural(cards.len(), "review")
        );
    }
    let names: Vec<String> = cards
        .iter()
        .map(|c| lookup::skill_name(roadmap, c.skill))
        .collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for (c, name) in cards.iter().zip(&names) {
        line!(
            text,
            "  {name:<width$}  memory {:>4} · {} · {}",
            percent(c.retrievability(now)),
            when_due(c.due, today),
            last_words(c, tz)
        );
    }
    line!(text);
    line!(
        text,
        "Record one: roadmap review ID again|hard|good|easy (roadmap review --help says what each means)."
    );
    out::emit(&text)
}

pub fn record(
    session: &Session,
    settings: &Settings,
    typed: &str,
    grade: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let Some(skill) = lookup::find_skill(roadmap, typed) else {
        return Err(Failure::User {
            lines: vec![lookup::not_a_skill(roadmap, typed)],
            help: Some("nothing was recorded; run 'roadmap review' to see what is due".to_string()),
        });
    };
    let Some(grade) = Grade::parse(grade) else {
        return Err(Failure::User {
            lines: vec![format!(
                "'{}' is not a grade; nothing was recorded",
                lookup::echo(grade)
            )],
            help: Some(
                "grade it again (1: could not explain or use it without looking it up), hard (2: recalled with effort), good (3: could explain and apply it) or easy (4: trivial)"
                    .to_string(),
            ),
        });
    };
    let scheduler = Scheduler::new(settings.retention);
    let before = session.store.load().ok();
    let (profile, recorded) = session
        .store
        .update_now(|p, at| p.record_review(roadmap, skill, grade, at))?;
    let name = lookup::skill_name(roadmap, skill);
    if let Err(why) = recorded {
        let status = match why {
            NotReviewed::NotDone(s) => out::status_phrase(s),
            NotReviewed::NoSkill => "unknown",
        };
        return Err(Failure::User {
            lines: vec![format!(
                "{name} is {status}: only done skills are reviewed; nothing was recorded"
            )],
            help: Some(format!(
                "mark it done first: roadmap done {}",
                roadmap.skills[skill].id
            )),
        });
    }
    let tz = &Local;
    let today = now.with_timezone(tz).date_naive();
    let mut text = String::new();
    line!(text, "Reviewed {name}: {grade} ({}).", grade.meaning());
    let was = before
        .as_ref()
        .and_then(|p| scheduler.card(roadmap, p, skill, tz))
        .filter(|c| c.due > today);
    if let Some(c) = was {
        line!(
            text,
            "It was not due until {}: an early review counts, and gains less.",
            c.due
        );
    }
    if let Some(c) = scheduler.card(roadmap, &profile, skill, tz) {
        line!(
            text,
            "Next review: {}.",
            when_due(c.due, today).trim_start_matches("due ")
        );
    }
    out::emit(&text)
}

/// Faded prerequisites of suggestions, for `roadmap next`.
pub(crate) struct Fading {
    memory: Memory,
    now: DateTime<Utc>,
    threshold: f64,
}

#[derive(Serialize)]
pub(crate) struct FadedJson<'a> {
    id: &'a str,
    retrievability: f64,
}

impl Fading {
    pub fn new(view: &View, settings: &Settings, now: DateTime<Utc>) -> Fading {
        Fading {
            memory: memory(view, settings, &Local),
            now,
            threshold: settings.prerequisite_memory,
        }
    }

    fn faded(&self, roadmap: &Roadmap, skill: usize) -> Vec<Faded> {
        faded(roadmap, &self.memory, skill, self.now, self.threshold)
    }

    /// "↻ review first: …" lines under a suggestion.
    pub fn lines(&self, roadmap: &Roadmap, skill: usize) -> Vec<String> {
        self.faded(roadmap, skill)
            .iter()
            .map(|f| {
                format!(
                    "↻ review first: {}, memory {} (roadmap review {} GRADE)",
                    lookup::skill_name(roadmap, f.skill),
                    percent(f.memory),
                    roadmap.skills[f.skill].id
                )
            })
            .collect()
    }

    pub fn json<'a>(&self, roadmap: &'a Roadmap, skill: usize) -> Vec<FadedJson<'a>> {
        self.faded(roadmap, skill)
            .iter()
            .map(|f| FadedJson {
                id: &roadmap.skills[f.skill].id,
                retrievability: rounded(f.memory, 4),
            })
            .collect()
    }
}
