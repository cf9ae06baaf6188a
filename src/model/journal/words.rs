//! The journal's numbers in plain words, shared by `roadmap stats` and the
//! TUI's stats view so both say the same thing.

use std::fmt::Write as _;

use super::pace::{
    Finished, MIN_HISTORY_DAYS, Pace, Projection, RECENT_DAYS, Remaining, Shortfall,
};
use super::{Stats, Streaks};
use crate::model::goal::{GoalPlan, Verdict, one_decimal};

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Hours with one decimal, without a trailing `.0`: `3.5 h`, `4 h`.
pub fn hours(h: f64) -> String {
    let tenths = (h * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0} h")
    } else {
        format!("{tenths:.1} h")
    }
}

/// `3 days (best 5) · active today`.
pub fn streak(s: &Streaks) -> String {
    let mut out = plural(u64::from(s.current), "day");
    if s.best > s.current {
        let _ = write!(out, " (best {})", plural(u64::from(s.best), "day"));
    } else if s.best > 0 {
        out.push_str(" (your best)");
    }
    out.push_str(if s.today {
        " · active today"
    } else if s.current > 0 {
        " · nothing yet today"
    } else {
        ""
    });
    out
}

/// `12 days in the last 52 weeks · 30 changes, 4 notes and 9 reviews in
/// all` (notes, reviews and time entries only named when there are some).
pub fn activity(stats: &Stats) -> String {
    let (days, _) = stats.heatmap.totals();
    let others = stats.notes + stats.reviews + stats.time_entries;
    let mut kinds = vec![plural(stats.events.saturating_sub(others) as u64, "change")];
    for (n, one, many) in [
        (stats.notes, "note", "notes"),
        (stats.reviews, "review", "reviews"),
        (stats.time_entries, "time entry", "time entries"),
    ] {
        match n {
            0 => {}
            1 => kinds.push(format!("1 {one}")),
            n => kinds.push(format!("{n} {many}")),
        }
    }
    let all = match kinds.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => kinds.join(""),
    };
    format!(
        "{} in the last 52 weeks · {all} in all",
        plural(days as u64, "active day"),
    )
}

/// The goal in words: `by 2027-06-30 · needs 4.5 h a week (120 h in 187
/// days) · on track at 6 h a week`; `history_days` (the pace's) says why
/// it is too early to tell, when it is.
pub fn goal(plan: &GoalPlan, history_days: u32) -> String {
    let date = plan.date;
    let Some(need) = plan.hours_per_week else {
        return match plan.verdict {
            Verdict::Done => format!("by {date} · met: nothing left on the path"),
            _ => format!("by {date} · passed with {} h left", plan.hours_left),
        };
    };
    let needs = format!(
        "by {date} · needs {} h a week ({} h in {})",
        one_decimal(need),
        plan.hours_left,
        plural(plan.days_left.unsigned_abs(), "day")
    );
    let pace = plan.pace_per_week.map(hours).unwrap_or_default();
    match plan.verdict {
        Verdict::Done => format!("by {date} · met: nothing left on the path"),
        Verdict::OnTrack => format!("{needs} · on track at {pace} a week"),
        Verdict::Behind => format!("{needs} · behind at {pace} a week"),
        Verdict::Unknown | Verdict::Overdue => {
            format!("{needs} · too early to tell: {}", too_early(history_days))
        }
    }
}

/// Why there is no pace yet, in the one wording the pace, the finish date
/// and the goal all use: `1 day of activity, a pace needs 14`. The rule
/// is [`Pace::current`]'s: a pace needs [`MIN_HISTORY_DAYS`] local days
/// from the first activity to today, both counted.
pub fn too_early(history_days: u32) -> String {
    format!(
        "{} of activity, a pace needs {MIN_HISTORY_DAYS}",
        plural(u64::from(history_days), "day")
    )
}

/// The done skills "time per skill" lists, most recent first: those with
/// a start (how many local days they took) and those with time logged
/// (`logged(skill)` minutes) even without a start.
pub fn timed<'a>(
    finished: &'a [Finished],
    logged: impl Fn(usize) -> i64 + 'a,
) -> impl Iterator<Item = (&'a Finished, Option<u32>)> + 'a {
    finished
        .iter()
        .filter(move |f| f.days.is_some() || logged(f.skill) > 0)
        .map(|f| (f, f.days))
}

/// What "time per skill" says of the `left_out` done skills it cannot time
/// (no start, no time logged): `nothing done yet`, `3 skills marked done
/// without being started first are not timed`.
pub fn untimed(finished: &[Finished], left_out: usize) -> String {
    match (finished.len(), left_out) {
        (0, _) => "nothing done yet".to_string(),
        (_, 1) => "1 skill marked done without being started first is not timed".to_string(),
        (_, n) => format!("{n} skills marked done without being started first are not timed"),
    }
}

/// How long a skill took, or that it was never started.
pub fn took_if(days: Option<u32>) -> String {
    days.map_or_else(|| "not started".to_string(), took)
}

/// How long a skill took: `same day`, `1 day`, `12 days`.
pub fn took(days: u32) -> String {
    if days == 0 {
        "same day".to_string()
    } else {
        plural(u64::from(days), "day")
    }
}

/// The pace, labelled with the days it is measured over, by
/// [`Pace::current`]'s rule: none before [`MIN_HISTORY_DAYS`] days of
/// activity (`11 h in 1 day so far · no pace yet: 1 day of activity, a
/// pace needs 14`); over the whole history while it is shorter than the
/// recent window (`8.4 h a week over the 15 days so far (18 h)`); then the
/// last 4 weeks and overall (`3.5 h a week in the last 4 weeks · 4.2 h a
/// week overall (114 h in 60 days)`).
pub fn pace(p: &Pace) -> String {
    let days = p.history_days;
    if days == 0 {
        return "no activity yet".to_string();
    }
    if days < MIN_HISTORY_DAYS {
        return format!(
            "{} h in {} so far · no pace yet: {}",
            p.total_hours,
            plural(u64::from(days), "day"),
            too_early(days)
        );
    }
    if days < RECENT_DAYS {
        return format!(
            "{} a week over the {days} days so far ({} h)",
            hours(p.recent_per_week),
            p.total_hours
        );
    }
    format!(
        "{} a week in the last {} · {} a week overall ({} h in {})",
        hours(p.recent_per_week),
        plural(u64::from(RECENT_DAYS / 7), "week"),
        hours(p.overall_per_week),
        p.total_hours,
        plural(u64::from(days), "day")
    )
}

/// `148 h over 5 skills (2 more without an estimate)`.
pub fn left(r: &Remaining) -> String {
    if r.skills == 0 {
        return "nothing: every skill on the path is finished".to_string();
    }
    let estimated = r.skills - r.unestimated;
    let mut out = format!("{} h over {}", r.hours, plural(estimated as u64, "skill"));
    if r.unestimated > 0 {
        let _ = write!(out, " ({} more without an estimate)", r.unestimated);
    }
    out
}

/// The finish date, or why there is none.
pub fn projection(p: &Projection) -> String {
    match p {
        Projection::Done => "done: everything on the path is finished".to_string(),
        Projection::At {
            date,
            days,
            per_week,
        } => format!(
            "around {date} at {} a week ({} from today)",
            hours(*per_week),
            plural(u64::from(*days), "day")
        ),
        Projection::NotEnoughHistory(why) => format!("no finish date yet: {}", shortfall(*why)),
    }
}

/// Why there is no projection, in words.
pub fn shortfall(why: Shortfall) -> String {
    match why {
        Shortfall::TooShort { days } => too_early(days),
        Shortfall::NoRecentHours => format!(
            "nothing with an hours estimate was finished in the last {}",
            plural(u64::from(RECENT_DAYS / 7), "week")
        ),
        Shortfall::NoEstimate => "the skills left have no hours estimate".to_string(),
    }
}

/// A machine-readable name for each outcome.
pub fn projection_kind(p: &Projection) -> &'static str {
    match p {
        Projection::Done => "done",
        Projection::At { .. } => "projected",
        Projection::NotEnoughHistory(Shortfall::TooShort { .. }) => "too_little_history",
        Projection::NotEnoughHistory(Shortfall::NoRecentHours) => "no_recent_hours",
        Projection::NotEnoughHistory(Shortfall::NoEstimate) => "no_estimate",
    }
}

/// How many characters of a note's first line a timeline shows.
pub const NOTE_LINE: usize = 60;

/// What a timeline says a note holds: its first line with text, trimmed,
/// cleaned of control characters and cut to [`NOTE_LINE`] characters
/// (ending in `…` when cut, also when more lines follow).
pub fn note_line(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    let mut line = crate::model::text::clip(first, NOTE_LINE);
    if lines.next().is_some() && !line.ends_with('…') {
        line.push_str(" …");
    }
    line
}

/// A week's logged time: `3 h 20 min logged`, or nothing.
pub fn logged(minutes: i64) -> String {
    if minutes > 0 {
        format!("{} logged", crate::model::review::duration::format(minutes))
    } else {
        String::new()
    }
}

/// A skill's time: the time logged on it when there is some, else its
/// estimate, labelled so (`3 h 20 min logged`, `6 h est.`).
pub fn skill_time(logged: i64, hours: Option<u32>) -> String {
    match (logged, hours) {
        (m, _) if m > 0 => format!("{} logged", crate::model::review::duration::format(m)),
        (_, Some(h)) => format!("{h} h est."),
        _ => "no estimate".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_and_one_wording_for_too_little_history() {
        let p = |history_days, total_hours| Pace {
            history_days,
            recent_hours: total_hours,
            recent_per_week: per_week(total_hours, history_days.min(RECENT_DAYS)),
            total_hours,
            overall_per_week: per_week(total_hours, history_days),
        };
        // One busy day is not "161 h a week", and the pace, the finish
        // date and the goal give the same reason in the same words.
        let early = "1 day of activity, a pace needs 14";
        assert_eq!(
            pace(&p(1, 23)),
            format!("23 h in 1 day so far · no pace yet: {early}")
        );
        assert_eq!(
            projection(&Projection::NotEnoughHistory(Shortfall::TooShort {
                days: 1
            })),
            format!("no finish date yet: {early}")
        );
        let plan = crate::model::goal::plan_on(
            20,
            chrono::NaiveDate::from_ymd_opt(2025, 3, 5).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2025, 3, 18).unwrap(),
            None,
        );
        assert!(
            goal(&plan, 1).ends_with(&format!("· too early to tell: {early}")),
            "{}",
            goal(&plan, 1)
        );
        // 13 days: still none; 14: a pace, labelled with the days it is
        // measured over (not "the last 2 weeks" for 15 days).
        assert!(pace(&p(13, 10)).contains("no pace yet"));
        assert_eq!(
            pace(&p(14, 14)),
            "7 h a week over the 14 days so far (14 h)"
        );
        assert_eq!(
            pace(&p(15, 18)),
            "8.4 h a week over the 15 days so far (18 h)"
        );
        assert_eq!(
            pace(&p(60, 40)),
            "10 h a week in the last 4 weeks · 4.7 h a week overall (40 h in 60 days)"
        );
    }

    fn per_week(hours: u32, days: u32) -> f64 {
        f64::from(hours) * 7.0 / f64::from(days)
    }

    #[test]
    fn words_for_numbers() {
        assert_eq!(hours(3.5), "3.5 h");
        assert_eq!(hours(4.0), "4 h");
        assert_eq!(hours(4.04), "4 h");
        assert_eq!(took(0), "same day");
        assert_eq!(took(1), "1 day");
        let s = Streaks {
            current: 2,
            best: 5,
            today: false,
        };
        assert_eq!(streak(&s), "2 days (best 5 days) · nothing yet today");
        let s = Streaks {
            current: 5,
            best: 5,
            today: true,
        };
        assert_eq!(streak(&s), "5 days (your best) · active today");
        assert_eq!(streak(&Streaks::default()), "0 days");
        let r = Remaining {
            hours: 148,
            skills: 7,
            unestimated: 2,
        };
        assert_eq!(left(&r), "148 h over 5 skills (2 more without an estimate)");
        assert_eq!(
            projection(&Projection::NotEnoughHistory(Shortfall::TooShort {
                days: 3
            })),
            "no finish date yet: 3 days of activity, a pace needs 14"
        );
    }
}
