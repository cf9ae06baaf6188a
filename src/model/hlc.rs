//! The time rule for stamping changes: a hybrid logical clock.
//!
//! A change is stamped when it is applied (under the store's lock), with
//! the wall clock's `now` unless that is not after the last stamp of the
//! same thing, in which case it gets `last + 1 ms`. So the stamps of one
//! skill (or, later, of any per-skill field: notes, goals) strictly
//! increase in the order the changes were saved, whatever the wall clock
//! does: a clock stepped back, or a stamp written by a machine whose clock
//! runs ahead, never makes a newer change look older. Comparing stamps is
//! then the same as comparing the order of saves, which is what merging
//! (here, and between machines later) relies on.
//!
//! Pure: the caller passes `now` in.

use chrono::{DateTime, Duration, Utc};

/// The smallest step between two stamps of one thing.
pub const TICK: Duration = Duration::milliseconds(1);

/// The stamp for a change applied at wall-clock time `now` to something
/// whose latest stamp is `last`: `max(now, last + 1 ms)`.
pub fn stamp(now: DateTime<Utc>, last: Option<DateTime<Utc>>) -> DateTime<Utc> {
    let Some(last) = last else { return now };
    // At the largest time there is nothing is later: keep it (only a
    // crafted profile holds such a stamp).
    last.checked_add_signed(TICK).unwrap_or(last).max(now)
}

/// Things that carry stamps: the latest one, for [`stamp`].
pub trait Stamped {
    fn latest(&self) -> Option<DateTime<Utc>>;
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    fn t(ms: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap() + Duration::milliseconds(ms)
    }

    #[test]
    fn the_wall_clock_is_used_when_it_is_ahead() {
        assert_eq!(stamp(t(5), None), t(5));
        assert_eq!(stamp(t(5), Some(t(1))), t(5));
    }

    #[test]
    fn a_clock_behind_the_last_stamp_still_moves_forward() {
        // A stamp from a machine whose clock runs a day ahead.
        let future = t(86_400_000);
        assert_eq!(stamp(t(0), Some(future)), future + TICK);
        // The same millisecond twice.
        assert_eq!(stamp(t(3), Some(t(3))), t(4));
    }

    #[test]
    fn the_end_of_time_does_not_overflow() {
        assert_eq!(
            stamp(t(0), Some(DateTime::<Utc>::MAX_UTC)),
            DateTime::<Utc>::MAX_UTC
        );
    }

    proptest! {
        #[test]
        fn stamps_increase_whatever_the_clock_does(steps in prop::collection::vec(-5_000i64..5_000, 1..50)) {
            let mut last = None;
            let mut clock = 0;
            for step in steps {
                clock += step;
                let next = stamp(t(clock), last);
                prop_assert!(next >= t(clock));
                if let Some(l) = last {
                    prop_assert!(next > l);
                }
                last = Some(next);
            }
        }
    }
}
