//! `roadmap stats`: streaks, a calendar heatmap of the last 52 weeks,
//! skills finished per week, time per skill, pace and a projected finish
//! date, in the learner's local days.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::out::{self, line, truncate};
use super::{Failure, View};
use crate::model::goal::GoalPlan;
use crate::model::journal::heatmap::SHADES;
use crate::model::journal::{Finished, Heatmap, Projection, Stats, activities, words};
use crate::model::{Profile, Roadmap};

/// How many done skills the text lists under "time per skill".
const TIME_ROWS: usize = 10;
/// Skill titles longer than this are cut in the text.
const MAX_TITLE: usize = 32;

/// The stats at `now` in zone `tz`.
pub(crate) fn compute<Tz: TimeZone>(view: &View, now: DateTime<Utc>, tz: &Tz) -> Stats {
    let roadmap = &view.session.roadmap;
    Stats::compute(
        roadmap,
        &activities(roadmap, &view.profile),
        &view.states,
        &view.eval,
        now,
        tz,
    )
}

/// Hours rounded to one decimal, so the JSON is the same on every machine.
fn tenths(h: f64) -> f64 {
    (h * 10.0).round() / 10.0
}

#[derive(Serialize)]
pub(crate) struct StatsJson<'a> {
    today: NaiveDate,
    events: usize,
    /// Of `events`, notes (one per note, at its latest stamp).
    notes: usize,
    active_days: usize,
    streak: StreakJson,
    heatmap: HeatmapJson,
    finished_per_week: Vec<WeekJson>,
    time_per_skill: Vec<TimeJson<'a>>,
    pace: PaceJson,
    remaining: RemainingJson,
    projection: ProjectionJson,
    /// The goal date and what it needs (null without one): the same as
    /// `roadmap status --json`'s `goal`.
    goal: Option<GoalPlan>,
}

#[derive(Serialize)]
struct StreakJson {
    current: u32,
    best: u32,
    active_today: bool,
}

#[derive(Serialize)]
struct HeatmapJson {
    /// The Sunday of the first week.
    first: NaiveDate,
    /// 52 weeks, Sunday first; days after today are left out.
    weeks: Vec<Vec<DayJson>>,
}

#[derive(Serialize)]
struct DayJson {
    date: NaiveDate,
    count: u32,
    level: u8,
}

#[derive(Serialize)]
struct WeekJson {
    start: NaiveDate,
    skills: u32,
    /// The estimated hours of the skills done in the week.
    hours: u32,
    /// Minutes logged in the week (`roadmap spent`), on any skill.
    logged_minutes: i64,
}

#[derive(Serialize)]
struct TimeJson<'a> {
    id: &'a str,
    title: &'a str,
    /// `null`: marked done without being in progress first.
    #[serde(serialize_with = "super::export::seconds_option")]
    started: Option<DateTime<Utc>>,
    #[serde(serialize_with = "super::export::seconds")]
    done: DateTime<Utc>,
    /// `null` without a start.
    days: Option<u32>,
    /// The skill's hours estimate.
    hours: Option<u32>,
    /// Minutes logged on it (0: none).
    logged_minutes: i64,
    /// Its time: the logged minutes when there are some, else the
    /// estimate's; `time_from` says which (`logged`, `estimate`, or null
    /// without either).
    time_minutes: Option<i64>,
    time_from: Option<&'static str>,
}

#[derive(Serialize)]
struct PaceJson {
    history_days: u32,
    recent_hours: u32,
    recent_hours_per_week: f64,
    total_hours: u32,
    overall_hours_per_week: f64,
}

#[derive(Serialize)]
struct RemainingJson {
    hours: u32,
    skills: usize,
    unestimated: usize,
}

#[derive(Serialize)]
struct ProjectionJson {
    /// `projected`, `done`, `too_little_history`, `no_recent_hours` or
    /// `no_estimate`.
    outcome: &'static str,
    date: Option<NaiveDate>,
    days: Option<u32>,
    hours_per_week: Option<f64>,
    message: String,
}

pub(crate) fn stats_json<'a>(
    roadmap: &'a Roadmap,
    s: &Stats,
    goal: Option<NaiveDate>,
) -> StatsJson<'a> {
    let (date, days, per_week) = match s.projection {
        Projection::At {
            date,
            days,
            per_week,
        } => (Some(date), Some(days), Some(tenths(per_week))),
        _ => (None, None, None),
    };
    StatsJson {
        today: s.today,
        events: s.events,
        notes: s.notes,
        active_days: s.active_days(),
        streak: StreakJson {
            current: s.streaks.current,
            best: s.streaks.best,
            active_today: s.streaks.today,
        },
        heatmap: HeatmapJson {
            first: s.heatmap.first,
            weeks: s
                .heatmap
                .weeks
                .iter()
                .map(|w| {
                    w.iter()
                        .filter(|c| !c.future)
                        .map(|c| DayJson {
                            date: c.date,
                            count: c.count,
                            level: c.level,
                        })
                        .collect()
                })
                .collect(),
        },
        finished_per_week: s
            .weeks
            .iter()
            .map(|w| WeekJson {
                start: w.start,
                skills: w.skills,
                hours: w.hours,
                logged_minutes: w.logged_minutes,
            })
            .collect(),
        time_per_skill: s
            .finished
            .iter()
            .map(|f| {
                let logged = s.logged_on(f.skill);
                let (time_minutes, time_from) = match (logged, f.hours) {
                    (m, _) if m > 0 => (Some(m), Some("logged")),
                    (_, Some(h)) => (Some(i64::from(h) * 60), Some("estimate")),
                    _ => (None, None),
                };
                TimeJson {
                    id: &roadmap.skills[f.skill].id,
                    title: &roadmap.skills[f.skill].title,
                    started: f.started,
                    done: f.done,
                    days: f.days,
                    hours: f.hours,
                    logged_minutes: logged,
                    time_minutes,
                    time_from,
                }
            })
            .collect(),
        pace: PaceJson {
            history_days: s.pace.history_days,
            recent_hours: s.pace.recent_hours,
            recent_hours_per_week: tenths(s.pace.recent_per_week),
            total_hours: s.pace.total_hours,
            overall_hours_per_week: tenths(s.pace.overall_per_week),
        },
        remaining: RemainingJson {
            hours: s.remaining.hours,
            skills: s.remaining.skills,
            unestimated: s.remaining.unestimated,
        },
        projection: ProjectionJson {
            outcome: words::projection_kind(&s.projection),
            date,
            days,
            hours_per_week: per_week,
            message: words::projection(&s.projection),
        },
        goal: goal.map(|date| s.goal_plan(date)),
    }
}

pub(crate) fn stats(view: &View, json: bool, now: DateTime<Utc>) -> Result<(), Failure> {
    let s = compute(view, now, &Local);
    if json {
        let goal = view.profile.goal(&view.session.roadmap.id);
        return out::emit_json(&stats_json(&view.session.roadmap, &s, goal));
    }
    out::emit(&text(
        &view.session.roadmap,
        &view.profile,
        view.session.store.name(),
        &s,
    ))
}

/// What `roadmap stats` prints for `profile` (called `name`) on `roadmap`
/// at `now` in zone `tz` (the README's capture is made with it).
pub fn text_at<Tz: TimeZone>(
    roadmap: &Roadmap,
    profile: &Profile,
    name: &str,
    now: DateTime<Utc>,
    tz: &Tz,
) -> String {
    let states = profile.states(roadmap);
    let eval = crate::model::evaluate(roadmap, &states);
    let s = Stats::compute(
        roadmap,
        &activities(roadmap, profile),
        &states,
        &eval,
        now,
        tz,
    );
    text(roadmap, profile, name, &s)
}

/// The heatmap block: month labels, seven weekday rows, a legend.
pub(crate) fn heatmap_lines(map: &Heatmap) -> Vec<String> {
    let mut lines = vec![map.month_line()];
    lines.extend(map.rows());
    lines.push(format!("    {}", Heatmap::legend()));
    lines
}

fn text(roadmap: &Roadmap, profile: &Profile, name: &str, s: &Stats) -> String {
    let mut text = String::new();
    line!(text, "{} — profile {name} — {}", roadmap.title, s.today);
    line!(text);
    line!(text, "Streak     {}", words::streak(&s.streaks));
    line!(text, "Activity   {}", words::activity(s));
    line!(text);
    for l in heatmap_lines(&s.heatmap) {
        line!(text, "{l}");
    }
    line!(text);
    line!(
        text,
        "Finished per week (skills, their estimated hours; time you logged), oldest first"
    );
    let most = s.weeks.iter().map(|w| w.skills).max().unwrap_or(0);
    for w in &s.weeks {
        let bar: String = SHADES[4].to_string().repeat(w.skills.min(40) as usize);
        let row = format!(
            "  {}  {:>2}  {:>4} h est.  {:>14}  {bar}",
            w.start,
            w.skills,
            w.hours,
            words::logged(w.logged_minutes)
        );
        line!(text, "{}", row.trim_end());
    }
    if most == 0 {
        line!(text, "  (nothing done in these weeks)");
    }
    line!(text);
    line!(text, "Pace       {}", words::pace(&s.pace));
    line!(text, "Left       {}", words::left(&s.remaining));
    line!(text, "Finish     {}", words::projection(&s.projection));
    if let Some(date) = profile.goal(&roadmap.id) {
        line!(
            text,
            "Goal       {}",
            words::goal(&s.goal_plan(date), s.pace.history_days)
        );
    } else {
        line!(
            text,
            "Goal       none (set one with 'roadmap goal YYYY-MM-DD')"
        );
    }
    line!(text);
    let timed: Vec<(&Finished, Option<u32>)> =
        words::timed(&s.finished, |i| s.logged_on(i)).collect();
    let left_out = s.finished.len() - timed.len();
    if timed.is_empty() {
        line!(
            text,
            "Time per skill: {}",
            words::untimed(&s.finished, left_out)
        );
        return text;
    }
    line!(
        text,
        "Time per skill, first start to done (most recent first{})",
        if timed.len() > TIME_ROWS {
            format!("; {TIME_ROWS} of {}, --json lists all", timed.len())
        } else {
            String::new()
        }
    );
    let names: Vec<String> = timed
        .iter()
        .take(TIME_ROWS)
        .map(|(f, _)| truncate(&roadmap.skills[f.skill].title, MAX_TITLE))
        .collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for ((f, days), name) in timed.iter().zip(&names) {
        line!(
            text,
            "  {name:<width$}  {:>11}  done {}  {}",
            words::took_if(*days),
            f.done_day,
            words::skill_time(s.logged_on(f.skill), f.hours)
        );
    }
    if left_out > 0 {
        line!(text, "  ({})", words::untimed(&s.finished, left_out));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::heatmap::LEVEL_FROM;
    use crate::model::journal::level;

    #[test]
    fn the_legend_names_each_level_by_its_first_count() {
        let legend = Heatmap::legend();
        for (i, from) in LEVEL_FROM.iter().enumerate() {
            assert_eq!(usize::from(level(*from)), i + 1);
            assert!(
                legend.contains(&format!("{} {from}", SHADES[i + 1])),
                "{legend}"
            );
        }
    }
}
