//! Skill statuses and the per-skill state a profile keeps.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a learner stands on one skill.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Todo,
    Doing,
    Done,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Skipped];

    /// Done and skipped both satisfy prerequisites and count as finished.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Skipped)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    /// The checkbox-like mark used in lists: `[ ]`, `[~]`, `[x]`, `[-]`.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Todo => "[ ]",
            Status::Doing => "[~]",
            Status::Done => "[x]",
            Status::Skipped => "[-]",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a word that is not a status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status '{0}': use one of todo, doing, done, skipped")]
pub struct ParseStatusError(pub String);

impl FromStr for Status {
    type Err = ParseStatusError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "todo" => Ok(Status::Todo),
            "doing" => Ok(Status::Doing),
            "done" => Ok(Status::Done),
            "skipped" | "skip" => Ok(Status::Skipped),
            other => Err(ParseStatusError(other.to_string())),
        }
    }
}

/// The state of one skill as the model sees it: the status plus the dates
/// that reasons and details are built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SkillState {
    pub status: Status,
    /// When the status last changed.
    pub changed: Option<DateTime<Utc>>,
    /// When the skill was (last) marked done.
    pub done_at: Option<DateTime<Utc>>,
    /// When work on the skill began ([`crate::model::Entry::started_at`]):
    /// `None` for a skill never in progress, e.g. marked done straight away.
    pub started_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_and_print_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        }
        assert!("finished".parse::<Status>().is_err());
    }

    #[test]
    fn only_done_and_skipped_are_finished() {
        assert!(!Status::Todo.is_finished());
        assert!(!Status::Doing.is_finished());
        assert!(Status::Done.is_finished());
        assert!(Status::Skipped.is_finished());
    }
}
