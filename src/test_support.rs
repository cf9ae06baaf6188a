//! What the unit tests of several modules share: a fixed `now` and the
//! small fixture roadmap.

use chrono::{DateTime, TimeZone, Utc};

use crate::model::{Roadmap, load};

/// 2026-11-24 12:00 UTC: the tests' "now".
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// `tests/fixtures/small.json`, loaded.
pub fn small() -> Roadmap {
    load(include_bytes!("../tests/fixtures/small.json"), "small.json").unwrap()
}

/// The id of a next step: a skill's or a choice's.
pub fn step_id(r: &Roadmap, step: crate::model::Step) -> String {
    match step {
        crate::model::Step::Skill(s) => r.skills[s].id.clone(),
        crate::model::Step::Choice(c) => r.choices[c].id.clone(),
    }
}
