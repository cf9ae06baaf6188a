//! Fast RFC 3339 output for profile timestamps. Saving a profile with tens
//! of thousands of history entries is mostly writing timestamps; chrono's
//! formatter goes through `fmt` one character at a time. This writes the
//! same text (chrono's `SecondsFormat::AutoSi` with `Z`) from digits.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use serde::Serializer;

/// Writes `t` as chrono's serde would: `2026-11-24T12:00:00Z`, with a
/// fraction of 3, 6 or 9 digits only when there is one.
pub fn format(t: &DateTime<Utc>, out: &mut [u8; 40]) -> usize {
    let year = t.year();
    let nanos = t.nanosecond();
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 {
        // Far-off years and leap seconds: chrono's own, rare path.
        let s = t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        let n = s.len().min(out.len());
        out[..n].copy_from_slice(&s.as_bytes()[..n]);
        return n;
    }
    let mut n = put(out, 0, year.unsigned_abs(), 4);
    for (sep, value) in [
        (b'-', t.month()),
        (b'-', t.day()),
        (b'T', t.hour()),
        (b':', t.minute()),
        (b':', t.second()),
    ] {
        out[n] = sep;
        n = put(out, n + 1, value, 2);
    }
    if nanos != 0 {
        out[n] = b'.';
        n = if nanos.is_multiple_of(1_000_000) {
            put(out, n + 1, nanos / 1_000_000, 3)
        } else if nanos.is_multiple_of(1_000) {
            put(out, n + 1, nanos / 1_000, 6)
        } else {
            put(out, n + 1, nanos, 9)
        };
    }
    out[n] = b'Z';
    n + 1
}

/// Writes the last `digits` decimal digits of `value` at `at`; returns the
/// position after them.
fn put(out: &mut [u8; 40], at: usize, mut value: u32, digits: usize) -> usize {
    for i in (at..at + digits).rev() {
        // A single decimal digit: the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (value % 10) as u8;
        out[i] = b'0' + digit;
        value /= 10;
    }
    at + digits
}

fn serialize_str<S: Serializer>(t: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 40];
    let n = format(t, &mut buf);
    // Only ASCII digits and separators (or chrono's own output) were written.
    serializer.serialize_str(std::str::from_utf8(&buf[..n]).unwrap_or_default())
}

/// `serialize_with` for `DateTime<Utc>`.
pub fn serialize<S: Serializer>(t: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serialize_str(t, serializer)
}

/// `serialize_with` for `Option<DateTime<Utc>>` (serde passes `&Option`).
#[allow(clippy::ref_option)]
pub fn serialize_option<S: Serializer>(
    t: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => serialize_str(t, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    use super::*;

    fn ours(t: &DateTime<Utc>) -> String {
        let mut buf = [0u8; 40];
        let n = format(t, &mut buf);
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn matches_chrono_on_whole_and_fractional_seconds() {
        let t = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        assert_eq!(ours(&t), "2026-11-24T12:00:00Z");
        for extra in [
            Duration::milliseconds(5),
            Duration::microseconds(7),
            Duration::nanoseconds(1),
        ] {
            let t = t + extra;
            assert_eq!(ours(&t), t.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        }
    }

    proptest! {
        #[test]
        fn matches_chrono_everywhere(secs in -100_000_000_000i64..300_000_000_000, nanos in 0u32..1_000_000_000) {
            if let Some(t) = DateTime::from_timestamp(secs, nanos) {
                prop_assert_eq!(ours(&t), t.to_rfc3339_opts(SecondsFormat::AutoSi, true));
                prop_assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", ours(&t)));
            }
        }
    }
}
