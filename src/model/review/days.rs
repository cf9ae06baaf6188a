//! Local day numbers for many stamps at once. Replaying every review of a
//! profile needs the learner's day of each one; asking the system's zone
//! for each (chrono's `Local`) costs a few hundred nanoseconds, which at
//! 100,000 reviews is tens of milliseconds. Offsets change at most a few
//! times a year, so this asks the zone twice per UTC day met (at its first
//! and last second) and, when both agree, works out the local day of every
//! stamp of that UTC day with integer arithmetic; a UTC day in which the
//! offset changes is asked stamp by stamp. The answers are exactly those
//! of `at.with_timezone(tz).date_naive()`.

use chrono::{DateTime, Days, NaiveDate, Offset, TimeZone, Utc};

const SECONDS_PER_DAY: i64 = 86_400;
/// Direct-mapped slots: a profile's reviews fall on far fewer UTC days.
const SLOTS: usize = 1024;
/// A slot whose UTC day has an offset change: ask the zone each time.
const MIXED: i32 = i32::MIN;

/// The day `1970-01-01` as a day number, so day numbers fit in `i32`.
fn epoch() -> NaiveDate {
    DateTime::UNIX_EPOCH.date_naive()
}

/// Day numbers (days since 1970-01-01) of stamps in one zone, cached.
pub struct LocalDays<'a, Tz: TimeZone> {
    tz: &'a Tz,
    /// `(utc day, offset in seconds)`; `i64::MIN` marks an empty slot.
    slots: Vec<(i64, i32)>,
}

impl<'a, Tz: TimeZone> LocalDays<'a, Tz> {
    pub fn new(tz: &'a Tz) -> LocalDays<'a, Tz> {
        LocalDays {
            tz,
            slots: vec![(i64::MIN, 0); SLOTS],
        }
    }

    fn offset(&self, secs: i64) -> Option<i32> {
        let at = DateTime::<Utc>::from_timestamp(secs, 0)?;
        Some(
            self.tz
                .offset_from_utc_datetime(&at.naive_utc())
                .fix()
                .local_minus_utc(),
        )
    }

    /// The local day number of `at`.
    pub fn number(&mut self, at: DateTime<Utc>) -> i64 {
        let secs = at.timestamp();
        let utc_day = secs.div_euclid(SECONDS_PER_DAY);
        let slot = usize::try_from(utc_day.rem_euclid(1024)).unwrap_or(0) % SLOTS;
        if self.slots[slot].0 != utc_day {
            let start = utc_day * SECONDS_PER_DAY;
            let offset = match (self.offset(start), self.offset(start + SECONDS_PER_DAY - 1)) {
                (Some(a), Some(b)) if a == b => a,
                _ => MIXED,
            };
            self.slots[slot] = (utc_day, offset);
        }
        match self.slots[slot].1 {
            MIXED => day_number(at.with_timezone(self.tz).date_naive()),
            offset => (secs + i64::from(offset)).div_euclid(SECONDS_PER_DAY),
        }
    }
}

/// The day number of a date (days since 1970-01-01).
pub fn day_number(d: NaiveDate) -> i64 {
    (d - epoch()).num_days()
}

/// The date of a day number.
pub fn date(number: i64) -> NaiveDate {
    let e = epoch();
    let days = Days::new(number.unsigned_abs());
    if number >= 0 {
        e.checked_add_days(days).unwrap_or(NaiveDate::MAX)
    } else {
        e.checked_sub_days(days).unwrap_or(NaiveDate::MIN)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, FixedOffset};
    use proptest::prelude::*;

    use super::*;

    fn check<Tz: TimeZone + std::fmt::Debug>(tz: &Tz, stamps: &[i64]) {
        let mut days = LocalDays::new(tz);
        for &s in stamps {
            let at = DateTime::<Utc>::from_timestamp(s, 0).unwrap();
            let want = at.with_timezone(tz).date_naive();
            assert_eq!(date(days.number(at)), want, "{at} in {tz:?}");
        }
    }

    #[test]
    fn the_days_around_daylight_saving_changes_are_the_zones() {
        // Every 10 minutes through the spring and autumn changes in
        // Europe/Paris, New York and Lord Howe (a 30-minute change).
        for tz in [
            chrono_tz::Europe::Paris,
            chrono_tz::America::New_York,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::America::Santiago,
        ] {
            let start = Utc
                .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
                .unwrap()
                .timestamp();
            let stamps: Vec<i64> = (0..(366 * 144)).map(|k| start + k * 600).collect();
            check(&tz, &stamps);
        }
    }

    proptest! {
        #[test]
        fn any_stamp_in_any_fixed_zone(secs in -10_000_000_000i64..10_000_000_000, east in -14 * 3600..=14 * 3600i32) {
            let tz = FixedOffset::east_opt(east).unwrap();
            check(&tz, &[secs, secs + 1, secs - 86_399]);
            let at = DateTime::<Utc>::from_timestamp(secs, 0).unwrap();
            prop_assert_eq!(date(day_number(at.date_naive())), at.date_naive());
            let later = at + Duration::days(3);
            let mut days = LocalDays::new(&tz);
            prop_assert_eq!(days.number(later) - days.number(at), 3);
        }
    }
}
