//! `roadmap today [--json]`: what to study today. The reviews due (at most
//! `[today] reviews` a day), then the next steps filling today's time (the
//! goal's hours a week over seven days, else `[today] minutes`); what was
//! done today keeps its line, marked.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::out::{self, line};
use super::review::{memory, rounded};
use super::{Failure, View, lookup};
use crate::model::review::duration::format as minutes;
use crate::model::review::today::{Inputs, Plan, Source, Why, plan};
use crate::model::review::{Memory, Settings, words};
use crate::model::{goal, next_steps};

/// How many next steps the plan may draw on.
const STEPS: usize = 50;

/// Today's plan for `view` at `now` in `tz`, with the memory it used.
pub(crate) fn compute<Tz: TimeZone>(
    view: &View,
    settings: &Settings,
    now: DateTime<Utc>,
    tz: &Tz,
) -> (Plan, Memory) {
    let roadmap = &view.session.roadmap;
    let memory = memory(view, settings, tz);
    let next: Vec<usize> = next_steps(roadmap, &view.states, &view.eval, now, STEPS)
        .into_iter()
        .filter_map(|s| {
            crate::model::steps::learnable_skill(roadmap, &view.states, &view.eval, s.step)
        })
        .collect();
    let goal = goal::for_profile(
        &view.profile,
        roadmap,
        &view.states,
        view.eval.overall.hours_left,
        now,
        tz,
    )
    .map(|g| (g.date, g.hours_per_week));
    let plan = plan(
        &Inputs {
            roadmap,
            profile: &view.profile,
            states: &view.states,
            memory: &memory,
            next: &next,
            settings,
            goal,
        },
        now,
        tz,
    );
    (plan, memory)
}

#[derive(Serialize)]
struct PlanJson<'a> {
    /// Today's time in minutes.
    minutes: u32,
    reviews: Vec<ReviewJson<'a>>,
    learn: Vec<LearnJson<'a>>,
    date: NaiveDate,
    /// "goal" or "setting".
    source: &'static str,
    /// Minutes no line takes.
    left: u32,
    /// Reviews due in all, and the most offered a day.
    due: usize,
    cap: u32,
}

#[derive(Serialize)]
struct ReviewJson<'a> {
    id: &'a str,
    minutes: u32,
    title: &'a str,
    /// "due", "refresh" (a prerequisite of `before` whose memory faded) or
    /// "reviewed" (today, with `grade`).
    why: &'static str,
    before: Option<&'a str>,
    grade: Option<&'static str>,
    done_today: bool,
    retrievability: f64,
}

#[derive(Serialize)]
struct LearnJson<'a> {
    id: &'a str,
    minutes: u32,
    title: &'a str,
    /// The minutes the step needs in all, when more than fit today.
    of: Option<u32>,
    /// The length comes from the hours estimate.
    estimated: bool,
    done_today: bool,
    logged_today: i64,
}

pub fn today(
    view: &View,
    settings: &Settings,
    json: bool,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let (plan, _) = compute(view, settings, now, &Local);
    if json {
        return out::emit_json(&plan_json(view, &plan));
    }
    out::emit(&text(view, &plan))
}

fn plan_json<'a>(view: &'a View, plan: &Plan) -> PlanJson<'a> {
    let roadmap = &view.session.roadmap;
    let skill = |i: usize| &roadmap.skills[i];
    PlanJson {
        minutes: plan.minutes,
        reviews: plan
            .reviews
            .iter()
            .map(|r| {
                let (why, before, grade) = match r.why {
                    Why::Due => ("due", None, None),
                    Why::Refresh { before } => ("refresh", Some(skill(before).id.as_str()), None),
                    Why::Reviewed(g) => ("reviewed", None, Some(g.as_str())),
                };
                ReviewJson {
                    id: &skill(r.skill).id,
                    minutes: r.minutes,
                    title: &skill(r.skill).title,
                    why,
                    before,
                    grade,
                    done_today: r.done_today(),
                    retrievability: rounded(r.memory, 4),
                }
            })
            .collect(),
        learn: plan
            .learn
            .iter()
            .map(|l| LearnJson {
                id: &skill(l.skill).id,
                minutes: l.minutes,
                title: &skill(l.skill).title,
                of: l.of,
                estimated: l.estimated,
                done_today: l.done_today,
                logged_today: l.logged_today,
            })
            .collect(),
        date: plan.today,
        source: match plan.source {
            Source::Goal { .. } => "goal",
            Source::Setting => "setting",
        },
        left: plan.left,
        due: plan.due,
        cap: plan.cap,
    }
}

/// The plan in words.
fn text(view: &View, plan: &Plan) -> String {
    let roadmap = &view.session.roadmap;
    let name = |i: usize| lookup::skill_name(roadmap, i);
    let mut text = String::new();
    line!(
        text,
        "Today, {}: {} ({}).",
        plan.today,
        minutes(i64::from(plan.minutes)),
        words::source(plan)
    );
    let width = plan
        .reviews
        .iter()
        .map(|r| r.skill)
        .chain(plan.learn.iter().map(|l| l.skill))
        .map(|i| name(i).chars().count())
        .max()
        .unwrap_or(0);
    if !plan.reviews.is_empty() {
        let total: u32 = plan.reviews.iter().map(|r| r.minutes).sum();
        line!(text);
        line!(text, "Review · {}", minutes(i64::from(total)));
        for r in &plan.reviews {
            line!(
                text,
                "  {} {:<width$}  {:>6}  {}",
                words::review_mark(r),
                name(r.skill),
                minutes(i64::from(r.minutes)),
                words::review_note(r, roadmap)
            );
        }
    }
    if !plan.learn.is_empty() {
        let total: u32 = plan.learn.iter().map(|l| l.minutes).sum();
        line!(text);
        line!(text, "Learn · {}", minutes(i64::from(total)));
        for l in &plan.learn {
            line!(
                text,
                "  {} {:<width$}  {:>6}  {}",
                words::learn_mark(l),
                name(l.skill),
                minutes(i64::from(l.minutes)),
                words::learn_note(l)
            );
        }
    }
    let remarks = words::remarks(plan);
    if !remarks.is_empty() {
        line!(text);
    }
    for r in remarks {
        line!(text, "{r}");
    }
    text
}
