//! Local days and streaks. A change at 23:30 counts for that evening in the
//! learner's zone, whatever the UTC date; days are calendar dates, so a
//! daylight-saving day of 23 or 25 hours is one day like any other.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use super::Activity;

/// Events per local day, in date order.
pub type DayCounts = BTreeMap<NaiveDate, u32>;

/// The calendar day `at` falls on in zone `tz`.
pub fn local_day<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> NaiveDate {
    at.with_timezone(tz).date_naive()
}

/// How many events fall on each local day.
pub fn day_counts<Tz: TimeZone>(activities: &[Activity], tz: &Tz) -> DayCounts {
    let mut days = DayCounts::new();
    for a in activities {
        *days.entry(local_day(a.at, tz)).or_insert(0) += 1;
    }
    days
}

/// Runs of consecutive days with activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    /// The run that ends today, or yesterday when nothing happened today
    /// yet (a streak is only broken once a whole day passed without
    /// activity); 0 otherwise.
    pub current: u32,
    /// The longest run up to today.
    pub best: u32,
    /// Something happened today.
    pub today: bool,
}

/// The day before `d` (the earliest date has none).
pub(crate) fn day_before(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(1))
}

/// Current and best streak as of `today`. Days after `today` (a clock that
/// was ahead) are ignored.
pub fn streaks(days: &DayCounts, today: NaiveDate) -> Streaks {
    let mut best = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &d in days.range(..=today).map(|(d, _)| d) {
        run = match previous {
            Some(p) if day_before(d) == Some(p) => run + 1,
            _ => 1,
        };
        best = best.max(run);
        previous = Some(d);
    }
    let active_today = days.contains_key(&today);
    // `run` is the run ending on the last active day up to today.
    let alive = match previous {
        Some(last) => last == today || day_before(today) == Some(last),
        None => false,
    };
    Streaks {
        current: if alive { run } else { 0 },
        best,
        today: active_today,
    }
}
