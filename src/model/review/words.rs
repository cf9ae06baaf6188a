//! How today's plan and the review schedule read, in the CLI and the
//! interactive view alike.

use chrono::NaiveDate;

use super::duration::format as minutes;
use super::fading::percent;
use super::today::{LearnLine, Plan, ReviewLine, Source, Why};
use crate::model::goal::one_decimal;
use crate::model::roadmap::Roadmap;

/// Where today's time comes from, in a few words.
pub fn source(plan: &Plan) -> String {
    match plan.source {
        Source::Goal {
            date,
            hours_per_week,
        } => format!(
            "your goal of {date} needs {} h a week",
            one_decimal(hours_per_week)
        ),
        Source::Setting => "[today] minutes; with a goal it follows the goal".to_string(),
    }
}

/// A review line's mark: ✓ done today, ↻ to do.
pub fn review_mark(line: &ReviewLine) -> &'static str {
    if line.done_today() { "✓" } else { "↻" }
}

/// What a review line says beside its minutes.
pub fn review_note(line: &ReviewLine, roadmap: &Roadmap) -> String {
    match line.why {
        Why::Reviewed(g) => format!("reviewed today: {g}"),
        Why::Due => format!("memory {}", percent(line.memory)),
        Why::Refresh { before } => format!(
            "before {}: memory {}",
            roadmap.skills[before].title,
            percent(line.memory)
        ),
    }
}

/// A step's mark: ✓ done today, ▸ to do.
pub fn learn_mark(line: &LearnLine) -> &'static str {
    if line.done_today { "✓" } else { "▸" }
}

/// What a step's line says beside its minutes.
pub fn learn_note(line: &LearnLine) -> String {
    let mut notes = Vec::new();
    if line.done_today {
        notes.push("done today".to_string());
    }
    match (line.of, line.estimated, line.done_today) {
        (Some(of), true, _) => notes.push(format!("of {} left (estimate)", minutes(i64::from(of)))),
        (None, true, false) => notes.push("the whole step (estimate)".to_string()),
        (_, false, false) => notes.push("no estimate: the rest of today".to_string()),
        _ => {}
    }
    if line.logged_today != 0 {
        notes.push(format!("{} logged today", minutes(line.logged_today)));
    }
    notes.join(" · ")
}

/// The plan's closing remarks: reviews the cap left out, time unplanned.
pub fn remarks(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let over = plan.over_cap();
    if over > 0 {
        out.push(format!(
            "{over} more review{} due: {} a day at most ([today] reviews).",
            if over == 1 { "" } else { "s" },
            plan.cap
        ));
    }
    if plan.reviews.is_empty() && plan.learn.is_empty() {
        out.push("Nothing planned: nothing is due and no step is open.".to_string());
    } else if plan.left > 0 && !plan.learn.is_empty() {
        out.push(format!(
            "{} of today left unplanned.",
            minutes(i64::from(plan.left))
        ));
    }
    out
}

/// "due today", "due 2026-03-05 (2 days ago)", "due 2026-03-09 (in 4 days)".
pub fn when_due(due: NaiveDate, today: NaiveDate) -> String {
    let days = (due - today).num_days();
    let count = |d: i64| {
        let d = d.unsigned_abs();
        if d == 1 {
            "1 day".to_string()
        } else {
            format!("{d} days")
        }
    };
    match days {
        0 => "due today".to_string(),
        1 => format!("due {due} (tomorrow)"),
        -1 => format!("due {due} (yesterday)"),
        d if d < 0 => format!("due {due} ({} ago)", count(d)),
        d => format!("due {due} (in {})", count(d)),
    }
}
