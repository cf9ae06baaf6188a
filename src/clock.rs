//! The time commands run at: the system clock, or the moment `ROADMAP_NOW`
//! names (RFC 3339, e.g. `2026-03-01T10:00:00Z`). Tests drive the review
//! schedule days forward with it without touching the system clock, and a
//! learner can ask what would be due next week:
//! `ROADMAP_NOW=2026-03-08T09:00:00Z roadmap review`. Everything stamped
//! under it follows the time rule as usual (stamps never go backwards).

use chrono::{DateTime, Utc};

/// The environment variable that sets the time.
pub const NOW_ENV: &str = "ROADMAP_NOW";

/// The time named by `ROADMAP_NOW`: `None` when it is unset or empty,
/// `Some(Err)` with the text when it is not a time.
pub fn fixed() -> Option<Result<DateTime<Utc>, String>> {
    let text = std::env::var(NOW_ENV)
        .ok()
        .filter(|t| !t.trim().is_empty())?;
    Some(
        DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| text),
    )
}

/// Now: `ROADMAP_NOW` when it names a time, else the system clock.
pub fn now() -> DateTime<Utc> {
    match fixed() {
        Some(Ok(t)) => t,
        _ => Utc::now(),
    }
}
