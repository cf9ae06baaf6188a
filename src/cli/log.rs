//! `roadmap log`: the timeline of status changes, notes, reviews and time
//! logged, newest first, in the learner's local time. A note is one event
//! at its latest stamp (the profile keeps no history of a note's edits).

use std::fmt::Write as _;
use std::str::FromStr;

use chrono::{DateTime, Days, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::out::{self, line};
use super::{Failure, View};
use crate::model::journal::{Activity, ActivityKind, activities, local_day, words};

/// The first local day `--since` keeps: a date, or days before today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Date(NaiveDate),
    /// `0` is today, `1` yesterday, `7` a week ago.
    DaysAgo(u32),
}

impl FromStr for Since {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_lowercase();
        let wrong = || {
            format!(
                "'{}' is not a day: use YYYY-MM-DD (a local date), today, yesterday, or a count of days or weeks back like 7d or 2w",
                super::lookup::echo(s)
            )
        };
        match t.as_str() {
            "today" => return Ok(Since::DaysAgo(0)),
            "yesterday" => return Ok(Since::DaysAgo(1)),
            _ => {}
        }
        if let Some((n, unit)) = t
            .strip_suffix('d')
            .map(|n| (n, 1))
            .or_else(|| t.strip_suffix('w').map(|n| (n, 7)))
            && let Ok(n) = n.parse::<u32>()
        {
            return n.checked_mul(unit).map(Since::DaysAgo).ok_or_else(wrong);
        }
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map(Since::Date)
            .map_err(|_| wrong())
    }
}

impl Since {
    /// The first day kept, seen from `today`.
    pub fn first_day(self, today: NaiveDate) -> NaiveDate {
        match self {
            Since::Date(d) => d,
            Since::DaysAgo(n) => today
                .checked_sub_days(Days::new(u64::from(n)))
                .unwrap_or(NaiveDate::MIN),
        }
    }
}

#[derive(Serialize)]
struct LogJson<'a> {
    /// "status" or "note".
    kind: &'static str,
    at: DateTime<Utc>,
    /// The learner's local day and time.
    date: String,
    time: String,
    skill: &'a str,
    title: &'a str,
    stage: &'a str,
    stage_title: &'a str,
    /// A status change's statuses; null for a note.
    from: Option<&'static str>,
    to: Option<&'static str>,
    /// A note's first line (cleaned, clipped); null for a status change.
    note: Option<String>,
    /// A review's grade (`again`, `hard`, `good`, `easy`); null otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<&'static str>,
    /// A time entry's minutes (negative: taken back); null otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes: Option<i32>,
}

pub fn log(
    view: &View,
    since: Option<Since>,
    json: bool,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    render(view, since, json, now, &Local)
}

fn render<Tz: TimeZone>(
    view: &View,
    since: Option<Since>,
    json: bool,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<(), Failure>
where
    Tz::Offset: std::fmt::Display,
{
    let roadmap = &view.session.roadmap;
    let first = since.map(|s| s.first_day(local_day(now, tz)));
    let all = activities(roadmap, &view.profile);
    let kept: Vec<&Activity> = all
        .iter()
        .rev()
        .filter(|a| first.is_none_or(|f| local_day(a.at, tz) >= f))
        .collect();
    let items: Vec<LogJson> = kept
        .iter()
        .map(|a| {
            let skill = &roadmap.skills[a.skill];
            let stage = &roadmap.stages[skill.stage];
            let local = a.at.with_timezone(tz);
            let (mut grade, mut minutes) = (None, None);
            let (kind, from, to, note) = match a.kind {
                ActivityKind::Status { from, to } => {
                    ("status", Some(from.as_str()), Some(to.as_str()), None)
                }
                ActivityKind::Note => (
                    "note",
                    None,
                    None,
                    view.profile
                        .note(roadmap, a.skill)
                        .map(|n| words::note_line(&n.text)),
                ),
                ActivityKind::Review(g) => {
                    grade = Some(g.as_str());
                    ("review", None, None, None)
                }
                ActivityKind::Spent(m) => {
                    minutes = Some(m);
                    ("spent", None, None, None)
                }
            };
            LogJson {
                kind,
                at: a.at,
                date: local.format("%Y-%m-%d").to_string(),
                time: local.format("%H:%M").to_string(),
                skill: &skill.id,
                title: &skill.title,
                stage: &stage.id,
                stage_title: &stage.title,
                from,
                to,
                note,
                grade,
                minutes,
            }
        })
        .collect();
    if json {
        return out::emit_json(&items);
    }
    let mut text = String::new();
    if items.is_empty() {
        match first {
            Some(day) if !all.is_empty() => line!(text, "Nothing recorded since {day}."),
            _ => line!(
                text,
                "Nothing recorded yet. Start a skill with 'roadmap start ID', finish one with 'roadmap done ID' or write a note with 'roadmap note ID -m TEXT'."
            ),
        }
        return out::emit(&text);
    }
    let mut day = "";
    for item in &items {
        if item.date != day {
            if !day.is_empty() {
                line!(text);
            }
            day = &item.date;
            line!(text, "{day}");
        }
        let what = match (item.from, item.to, item.grade, item.minutes) {
            (Some(from), Some(to), ..) => format!("{from:<7} → {to:<7}"),
            (_, _, Some(grade), _) => format!("{:<17}", format!("review: {grade}")),
            (_, _, _, Some(m)) => format!(
                "{:<17}",
                format!(
                    "spent {}",
                    crate::model::review::duration::format(i64::from(m))
                )
            ),
            _ => format!("{:<17}", "note"),
        };
        let mut row = format!(
            "  {}  {what}  {} ({}) · {}",
            item.time, item.title, item.skill, item.stage_title
        );
        if let Some(note) = item.note.as_deref().filter(|n| !n.is_empty()) {
            let _ = write!(row, " — {note}");
        }
        line!(text, "{row}");
    }
    out::emit(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any text either reads as a day or is refused with the help;
        /// never a panic, and every date reads back as written.
        #[test]
        fn since_never_panics(s in "\\PC{0,24}", y in 1i32..9999, m in 1u32..=12, d in 1u32..=28, n in 0u32..100_000) {
            let today = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap_or_default();
            match s.parse::<Since>() {
                Ok(since) => { let _ = since.first_day(today); }
                Err(e) => proptest::prop_assert!(e.contains("YYYY-MM-DD")),
            }
            let date = format!("{y:04}-{m:02}-{d:02}");
            let want = NaiveDate::from_ymd_opt(y, m, d);
            proptest::prop_assert_eq!(date.parse::<Since>().ok(), want.map(Since::Date));
            proptest::prop_assert_eq!(format!("{n}d").parse::<Since>(), Ok(Since::DaysAgo(n)));
            let far = Since::DaysAgo(n.saturating_mul(1000)).first_day(today);
            proptest::prop_assert!(far <= today);
        }
    }

    #[test]
    fn since_reads_dates_and_counts_back() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap_or_default();
        let day = |s: &str| s.parse::<Since>().map(|s| s.first_day(today));
        assert_eq!(
            day("2025-03-01"),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default())
        );
        assert_eq!(
            day("7d"),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default())
        );
        assert_eq!(
            day("2W"),
            Ok(NaiveDate::from_ymd_opt(2025, 2, 24).unwrap_or_default())
        );
        assert_eq!(day("today"), Ok(today));
        assert_eq!(
            day("yesterday"),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 9).unwrap_or_default())
        );
        assert_eq!(day("0d"), Ok(today));
        for bad in [
            "",
            "3",
            "d",
            "-1d",
            "2025-02-30",
            "last week",
            "99999999999d",
        ] {
            let e = day(bad).unwrap_err();
            assert!(e.contains("YYYY-MM-DD") && e.contains("7d"), "{bad}: {e}");
        }
    }
}
