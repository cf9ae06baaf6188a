//! Durations as people type them (`45m`, `1.5h`, `2h30m`) and as the app
//! writes them (`2 h 30 min`).

/// The most one time entry may hold: a typo like `450h` is refused rather
/// than logged.
pub const MAX_MINUTES: i32 = 200 * 60;

/// Why a duration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DurationError {
    /// Not a duration at all.
    Unreadable,
    /// Zero minutes.
    Zero,
    /// More than [`MAX_MINUTES`].
    TooLong,
}

impl std::fmt::Display for DurationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DurationError::Unreadable => {
                "is not a duration: write minutes and hours like 45m, 1.5h or 2h30m"
            }
            DurationError::Zero => "is no time at all: log at least one minute",
            DurationError::TooLong => {
                "is more than one entry may hold (200 h): log the time day by day, or check for a typo"
            }
        })
    }
}

/// Reads `45m`, `1.5h`, `2h30m`, `2h 30m`, `90min`, `1h30` (minutes after
/// hours), with a leading `-` to take time back. Rounded to the nearest
/// minute.
pub fn parse(text: &str) -> Result<i32, DurationError> {
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    if body.is_empty() {
        return Err(DurationError::Unreadable);
    }
    let mut minutes = 0.0f64;
    let mut rest = body;
    let mut units = 0;
    let mut last_hours = false;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_len);
        if number.is_empty() || number.matches('.').count() > 1 || number == "." {
            return Err(DurationError::Unreadable);
        }
        let value: f64 = number.parse().map_err(|_| DurationError::Unreadable)?;
        let unit_len = after
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(after.len());
        let (unit, next) = after.split_at(unit_len);
        let factor = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => {
                last_hours = true;
                60.0
            }
            "m" | "min" | "mins" | "minute" | "minutes" => {
                last_hours = false;
                1.0
            }
            // "1h30": minutes after hours.
            "" if last_hours && next.is_empty() && units == 1 => {
                last_hours = false;
                1.0
            }
            _ => return Err(DurationError::Unreadable),
        };
        minutes += value * factor;
        units += 1;
        rest = next;
    }
    let rounded = minutes.round();
    if rounded > f64::from(MAX_MINUTES) {
        return Err(DurationError::TooLong);
    }
    #[allow(clippy::cast_possible_truncation)]
    let whole = rounded as i32;
    if whole == 0 {
        return Err(DurationError::Zero);
    }
    Ok(if negative { -whole } else { whole })
}

/// `45 min`, `2 h`, `2 h 30 min`; a negative count keeps its sign.
pub fn format(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.unsigned_abs();
    match (m / 60, m % 60) {
        (0, m) => format!("{sign}{m} min"),
        (h, 0) => format!("{sign}{h} h"),
        (h, m) => format!("{sign}{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn what_people_type() {
        for (text, minutes) in [
            ("45m", 45),
            ("1.5h", 90),
            ("2h30m", 150),
            ("2h 30m", 150),
            ("2H30M", 150),
            ("90min", 90),
            ("1h30", 90),
            ("0.25h", 15),
            ("3 hours", 180),
            ("-30m", -30),
            ("+1h", 60),
            ("1.01m", 1),
        ] {
            assert_eq!(parse(text), Ok(minutes), "{text}");
        }
        for bad in [
            "", "45", "h", "1.2.3h", "1x", "m30", "1h30x", "30m15", "--1h", ".",
        ] {
            assert_eq!(parse(bad), Err(DurationError::Unreadable), "{bad}");
        }
        assert_eq!(parse("0m"), Err(DurationError::Zero));
        assert_eq!(parse("0.2m"), Err(DurationError::Zero));
        assert_eq!(parse("201h"), Err(DurationError::TooLong));
        assert_eq!(parse("200h"), Ok(MAX_MINUTES));
    }

    #[test]
    fn formats_read_plainly() {
        assert_eq!(format(45), "45 min");
        assert_eq!(format(120), "2 h");
        assert_eq!(format(150), "2 h 30 min");
        assert_eq!(format(-30), "-30 min");
    }

    proptest! {
        #[test]
        fn any_text_is_a_duration_or_refused(s in "\\PC{0,16}") {
            if let Ok(m) = parse(&s) {
                prop_assert!(m != 0 && m.abs() <= MAX_MINUTES);
            }
        }

        #[test]
        fn written_durations_read_back(m in 1i32..=MAX_MINUTES) {
            let text = format(i64::from(m)).replace(' ', "");
            prop_assert_eq!(parse(&text), Ok(m));
        }
    }
}
