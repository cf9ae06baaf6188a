//! `roadmap goal DATE` / `roadmap goal --clear`: the date the learner wants
//! to finish the roadmap by, a stamped field of the profile.

use chrono::{DateTime, NaiveDate, Utc};

use super::out::{self, line};
use super::{Failure, lookup};
use crate::model::{evaluate, goal};
use crate::session::Session;

pub fn goal(
    session: &Session,
    typed: Option<&str>,
    clear: bool,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let date = match (typed, clear) {
        (_, true) | (None, _) => None,
        (Some(t), false) => Some(parse(t)?),
    };
    let (profile, changed) = session
        .store
        .update_now(|p, at| p.set_goal(&roadmap.id, date, at))?;
    let today = now.with_timezone(&chrono::Local).date_naive();
    if let Some(d) = date.filter(|d| *d < today) {
        out::emit_err(&format!(
            "warning: {d} is in the past (today is {today}): the goal is overdue from the start; \
             set a later date with `roadmap goal YYYY-MM-DD`\n"
        ));
    }
    let mut text = String::new();
    match (date, changed) {
        (None, false) => line!(text, "No goal was set; nothing to clear."),
        (None, true) => line!(text, "Cleared the goal for {}.", roadmap.title),
        (Some(d), _) => {
            line!(text, "Goal: finish {} by {d}.", roadmap.title);
            let states = profile.states(roadmap);
            let left = evaluate(roadmap, &states).overall.hours_left;
            if let Some(plan) =
                goal::for_profile(&profile, roadmap, &states, left, now, &chrono::Local)
            {
                line!(text, "{}", plan.summary());
            }
        }
    }
    out::emit(&text)
}

fn parse(typed: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").map_err(|_| Failure::User {
        lines: vec![format!(
            "'{}' is not a date; nothing was changed",
            lookup::echo(typed)
        )],
        help: Some(
            "write the date as YYYY-MM-DD, for example: roadmap goal 2027-06-30".to_string(),
        ),
    })
}
