//! An optional target date for finishing a roadmap, and what it asks of
//! the learner: hours a week until then, and whether the pace so far is
//! enough.
//!
//! The goal is a stamped field of the roadmap's progress; the last stamp
//! wins when copies are merged (clearing is a stamped goal without a
//! date, so an older goal merged in later does not come back).
//!
//! Pure: the caller passes `now` and the time zone in.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::hlc::{self, Stamped};
use super::journal;
use super::profile::Profile;
use super::roadmap::Roadmap;
use super::status::SkillState;
use super::unknown::Unknown;

/// A roadmap's target date (`None`: cleared), stamped by the time rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub date: Option<NaiveDate>,
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Stamped for Goal {
    fn latest(&self) -> Option<DateTime<Utc>> {
        Some(self.at)
    }
}

/// The goal saved last wins; a tie is broken by the date so the result
/// does not depend on the order.
pub fn merge_goal(a: &Goal, b: &Goal) -> Goal {
    let (win, lose) = if (a.at, a.date) >= (b.at, b.date) {
        (a, b)
    } else {
        (b, a)
    };
    let mut out = win.clone();
    out.unknown.merge(&lose.unknown);
    out
}

impl Profile {
    /// The target date of roadmap `roadmap_id`, if one is set.
    pub fn goal(&self, roadmap_id: &str) -> Option<NaiveDate> {
        self.roadmaps.get(roadmap_id)?.goal.as_ref()?.date
    }

    /// Sets (or with `None` clears) the target date, stamped by the time
    /// rule at `now`. Returns false when nothing changes.
    pub fn set_goal(
        &mut self,
        roadmap_id: &str,
        date: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> bool {
        let progress = self.roadmaps.entry(roadmap_id.to_string()).or_default();
        let current = progress.goal.as_ref();
        if current.and_then(|g| g.date) == date {
            return false;
        }
        let at = hlc::stamp(now, current.and_then(Stamped::latest));
        let unknown = current.map(|g| g.unknown.clone()).unwrap_or_default();
        progress.goal = Some(Goal { date, at, unknown });
        true
    }
}

/// Where the learner stands against the goal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing is left to do.
    Done,
    /// The pace so far is enough.
    OnTrack,
    /// The pace so far is not enough.
    Behind,
    /// Not enough history to tell (no pace yet).
    Unknown,
    /// The date has passed with hours left.
    Overdue,
}

/// What the goal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GoalPlan {
    pub date: NaiveDate,
    /// Whole days from today (in the learner's zone) to the date; the date
    /// itself counts as a day to work.
    pub days_left: i64,
    pub hours_left: u64,
    /// Hours a week needed to finish by the date (`None` once it passed).
    pub hours_per_week: Option<f64>,
    /// The learner's pace it was measured against, hours finished a week
    /// over the last four weeks (`None`: less than two weeks of history).
    pub pace_per_week: Option<f64>,
    pub verdict: Verdict,
}

/// What finishing `hours_left` by `date` asks for, seen at `now` in
/// `zone`, given the learner's pace so far in hours a week (`None`: not
/// enough history). On track means the pace is at least what is needed.
pub fn plan<Tz: TimeZone>(
    hours_left: u64,
    now: DateTime<Utc>,
    date: NaiveDate,
    zone: &Tz,
    pace: Option<f64>,
) -> GoalPlan {
    plan_on(hours_left, now.with_timezone(zone).date_naive(), date, pace)
}

/// [`plan`] seen from the learner's day `today`.
pub fn plan_on(hours_left: u64, today: NaiveDate, date: NaiveDate, pace: Option<f64>) -> GoalPlan {
    let days_left = (date - today).num_days() + 1;
    let hours_per_week = (days_left > 0).then(|| hours_left as f64 * 7.0 / days_left as f64);
    let verdict = match (hours_left, hours_per_week, pace) {
        (0, ..) => Verdict::Done,
        (_, None, _) => Verdict::Overdue,
        (_, Some(_), None) => Verdict::Unknown,
        (_, Some(need), Some(pace)) if pace + 1e-9 >= need => Verdict::OnTrack,
        _ => Verdict::Behind,
    };
    GoalPlan {
        date,
        days_left: days_left.max(0),
        hours_left,
        hours_per_week,
        pace_per_week: pace,
        verdict,
    }
}

impl GoalPlan {
    /// One line for status and the TUI header: "goal 2027-06-30 · 4.5 h a
    /// week · on track".
    pub fn summary(&self) -> String {
        let verdict = match self.verdict {
            Verdict::Done => "done",
            Verdict::OnTrack => "on track",
            Verdict::Behind => "behind",
            Verdict::Unknown => "too early to tell",
            Verdict::Overdue => "overdue",
        };
        match (self.verdict, self.hours_per_week) {
            (Verdict::Done, _) | (_, None) => format!("goal {} · {verdict}", self.date),
            (_, Some(h)) => format!(
                "goal {} · {} h a week · {verdict}",
                self.date,
                one_decimal(h)
            ),
        }
    }
}

/// The plan for `profile`'s goal on `roadmap`, if one is set, at the
/// journal's pace ([`journal::current_pace`]: hours finished per week over
/// the last four weeks, `None` before two weeks of history), so `status`,
/// `stats` and the TUI header agree.
pub fn for_profile<Tz: TimeZone>(
    profile: &Profile,
    roadmap: &Roadmap,
    states: &[SkillState],
    hours_left: u64,
    now: DateTime<Utc>,
    zone: &Tz,
) -> Option<GoalPlan> {
    let date = profile.goal(&roadmap.id)?;
    Some(plan(
        hours_left,
        now,
        date,
        zone,
        journal::current_pace(roadmap, profile, states, now, zone),
    ))
}

impl GoalPlan {
    /// A few words for a narrow header: "goal 16.4 h/wk, on track".
    pub fn short(&self) -> String {
        match (self.verdict, self.hours_per_week) {
            (Verdict::Done, _) => "goal met".to_string(),
            (_, None) => "goal overdue".to_string(),
            (v, Some(h)) => {
                let v = match v {
                    Verdict::OnTrack => ", on track",
                    Verdict::Behind => ", behind",
                    _ => "",
                };
                format!("goal {} h/wk{v}", one_decimal(h))
            }
        }
    }
}

/// `4.5`, `12`, `0.3`: one decimal, none when whole.
pub fn one_decimal(h: f64) -> String {
    let tenths = (h * 10.0).ceil() / 10.0;
    if (tenths - tenths.round()).abs() < 1e-9 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone};

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn hours_a_week_spread_over_the_days_left() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        // 7 days from the 25th to the 1st, both counted.
        let p = plan(14, now, day(2026, 12, 1), &Utc, None);
        assert_eq!(p.days_left, 7);
        assert_eq!(p.hours_per_week, Some(14.0));
        assert_eq!(p.verdict, Verdict::Unknown);
        assert_eq!(
            plan(14, now, day(2026, 12, 1), &Utc, Some(20.0)).verdict,
            Verdict::OnTrack
        );
        assert_eq!(
            plan(14, now, day(2026, 12, 1), &Utc, Some(3.0)).verdict,
            Verdict::Behind
        );
        assert_eq!(
            plan(0, now, day(2026, 12, 1), &Utc, None).verdict,
            Verdict::Done
        );
        assert_eq!(
            plan(5, now, day(2026, 11, 24), &Utc, Some(9.0)).verdict,
            Verdict::Overdue
        );
    }

    #[test]
    fn today_is_the_learners_day_not_utcs() {
        // 23:30 UTC on the 24th is already the 25th in Tokyo: the goal on
        // the 25th has one day left there, two in UTC.
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 23, 30, 0).unwrap();
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(plan(10, now, day(2026, 11, 25), &tokyo, None).days_left, 1);
        assert_eq!(plan(10, now, day(2026, 11, 25), &Utc, None).days_left, 2);
    }

    #[test]
    fn the_goal_saved_last_wins_and_a_clear_stays_cleared() {
        let t = |s| Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, s).unwrap();
        let mut a = Profile::default();
        assert!(a.set_goal("r", Some(day(2027, 6, 30)), t(0)));
        let mut b = a.clone();
        assert!(b.set_goal("r", None, t(5)));
        assert!(!b.set_goal("r", None, t(6)));
        let (ga, gb) = (
            a.roadmaps["r"].goal.clone().unwrap(),
            b.roadmaps["r"].goal.clone().unwrap(),
        );
        assert_eq!(merge_goal(&ga, &gb).date, None);
        assert_eq!(merge_goal(&gb, &ga).date, None);
        assert_eq!(b.goal("r"), None);
        assert_eq!(a.goal("r"), Some(day(2027, 6, 30)));
    }

    #[test]
    fn summaries_read_plainly() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let p = plan(10, now, day(2026, 12, 8), &Utc, Some(8.0));
        assert_eq!(p.summary(), "goal 2026-12-08 · 5 h a week · on track");
        assert_eq!(one_decimal(4.51), "4.6");
    }
}
