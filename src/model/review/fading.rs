//! Prerequisites fade too: a suggested next skill whose prerequisite's
//! memory has dropped below a threshold is best started after reviewing
//! that prerequisite.

use chrono::{DateTime, Utc};

use super::Memory;
use crate::model::roadmap::{Req, Roadmap};

/// A done prerequisite whose memory is weak.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Faded {
    pub skill: usize,
    /// The probability of recalling it at `now`.
    pub memory: f64,
}

/// The done prerequisites of `skill` (its required skills, and the done
/// options of the choices it requires) whose memory at `now` is below
/// `threshold`, weakest first.
pub fn faded(
    roadmap: &Roadmap,
    memory: &Memory,
    skill: usize,
    now: DateTime<Utc>,
    threshold: f64,
) -> Vec<Faded> {
    let Some(s) = roadmap.skills.get(skill) else {
        return Vec::new();
    };
    let mut out: Vec<Faded> = s
        .requires
        .iter()
        .flat_map(|&r| match r {
            Req::Skill(p) => vec![p],
            Req::Choice(c) => roadmap.choices[c].from.clone(),
        })
        .filter_map(|p| {
            let m = memory.card(p)?.retrievability(now);
            (m < threshold).then_some(Faded {
                skill: p,
                memory: m,
            })
        })
        .collect();
    out.sort_by(|a, b| a.memory.total_cmp(&b.memory).then(a.skill.cmp(&b.skill)));
    out.dedup_by_key(|f| f.skill);
    out
}

/// "memory 55%": a probability as a whole percentage, never 100% while
/// below it nor 0% while above it.
pub fn percent(p: f64) -> String {
    let pct = (p * 100.0).clamp(0.0, 100.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = if pct > 99.0 && pct < 100.0 {
        99
    } else if pct > 0.0 && pct < 1.0 {
        1
    } else {
        pct.round() as u32
    };
    format!("{whole}%")
}
