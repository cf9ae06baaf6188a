//! Taking back a change made with the command line (`roadmap undo`): each
//! change a command makes is remembered as a [`Step`] (the store keeps the
//! last ones per profile), and undoing one puts back what was there before,
//! with the honesty of the view's `u`: when the skill was changed since by
//! something else (another window, another command that does not record,
//! a merge), nothing is touched and the learner is told.
//!
//! Pure: the caller passes `now` in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::hlc::Stamped;
use super::note::NoteEdit;
use super::profile::Profile;
use super::roadmap::Roadmap;
use super::status::Status;

/// One change made with the command line, as it can be taken back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The roadmap's id (progress is kept per roadmap).
    pub roadmap: String,
    /// The skill's id.
    pub skill: String,
    /// The stamp the change got in the profile: the entry's `changed` or
    /// the note's `at`, to the nanosecond.
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    /// The stamp of what the change replaced (`None`: the skill had no
    /// entry, or no note): undoing the change restores that state, and an
    /// earlier step that made it can then be undone in turn.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::rfc3339::serialize_option"
    )]
    pub from: Option<DateTime<Utc>>,
    /// The steps of one command share a batch number: `roadmap undo`
    /// takes back a whole command (`done a b c`) at once.
    #[serde(default)]
    pub batch: u64,
    #[serde(flatten)]
    pub change: StepChange,
}

/// What a step changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum StepChange {
    Status {
        before: Status,
        after: Status,
    },
    /// The note's text before and after (empty: no note, or cleared).
    Note {
        before: String,
        after: String,
    },
}

/// What undoing a step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// Taken back: skill `skill` has what it had before.
    Undone { skill: usize },
    /// The skill was changed since by something else: nothing was touched.
    /// `now` says what it is now (a status, or "another text").
    ChangedElsewhere { skill: usize, now: String },
    /// The change never reached the profile (the save that was to follow
    /// it failed): there is nothing to take back.
    NeverSaved,
    /// The skill is not in this roadmap (any more).
    Gone,
}

impl Step {
    /// A status change of skill `i` just made by [`Profile::set_status`]
    /// over `before`, the state it had ([`Profile::status_of`] taken just
    /// before).
    pub fn status(
        profile: &Profile,
        roadmap: &Roadmap,
        i: usize,
        before: (Status, Option<DateTime<Utc>>),
        after: Status,
    ) -> Option<Step> {
        let entry = profile.entry(roadmap, i)?;
        Some(Step {
            roadmap: roadmap.id.clone(),
            skill: roadmap.skills[i].id.clone(),
            at: entry.changed,
            from: before.1,
            batch: 0,
            change: StepChange::Status {
                before: before.0,
                after,
            },
        })
    }

    /// A change of skill `i`'s note just made by [`Profile::edit_note`]
    /// over `before`, the note it had ([`Profile::note_of`] taken just
    /// before).
    pub fn note(
        profile: &Profile,
        roadmap: &Roadmap,
        i: usize,
        before: (String, Option<DateTime<Utc>>),
    ) -> Option<Step> {
        let note = profile.stored_note(roadmap, i)?;
        Some(Step {
            roadmap: roadmap.id.clone(),
            skill: roadmap.skills[i].id.clone(),
            at: note.at,
            from: before.1,
            batch: 0,
            change: StepChange::Note {
                before: before.0,
                after: note.text.clone(),
            },
        })
    }

    fn same_place(&self, other: &Step) -> bool {
        self.roadmap == other.roadmap
            && self.skill == other.skill
            && matches!(
                (&self.change, &other.change),
                (StepChange::Status { .. }, StepChange::Status { .. })
                    | (StepChange::Note { .. }, StepChange::Note { .. })
            )
    }
}

/// After `undone` was taken back, leaving the skill stamped `stamp`: the
/// step that made the state it restored (the latest earlier step of the
/// same skill, stamped `undone.from`) now stands for the restored state,
/// so it can be undone next.
pub fn carry(steps: &mut [Step], undone: &Step, stamp: DateTime<Utc>) {
    if let Some(earlier) = steps
        .iter_mut()
        .rev()
        .find(|s| s.same_place(undone))
        .filter(|s| Some(s.at) == undone.from)
    {
        earlier.at = stamp;
    }
}

impl Profile {
    /// Skill `i`'s status and its stamp (`None`: never changed), as a
    /// [`Step`] records what a change replaced.
    pub fn status_of(&self, roadmap: &Roadmap, i: usize) -> (Status, Option<DateTime<Utc>>) {
        self.entry(roadmap, i)
            .map_or((Status::Todo, None), |e| (e.status, Some(e.changed)))
    }

    /// Skill `i`'s note text (empty: none) and its stamp.
    pub fn note_of(&self, roadmap: &Roadmap, i: usize) -> (String, Option<DateTime<Utc>>) {
        self.stored_note(roadmap, i)
            .map_or((String::new(), None), |n| (n.text.clone(), Some(n.at)))
    }

    /// The stamp skill `i` has now for the kind of change `step` made.
    pub fn stamp_for(&self, roadmap: &Roadmap, i: usize, step: &Step) -> Option<DateTime<Utc>> {
        match step.change {
            StepChange::Status { .. } => self.status_of(roadmap, i).1,
            StepChange::Note { .. } => self.note_of(roadmap, i).1,
        }
    }
}

impl Profile {
    /// Takes back `step` (made on `roadmap`) if the skill is still as the
    /// step left it, stamped by the time rule at `now`.
    pub fn undo_step(&mut self, roadmap: &Roadmap, step: &Step, now: DateTime<Utc>) -> Undo {
        let Some(i) = roadmap.skill_index(&step.skill) else {
            return Undo::Gone;
        };
        match &step.change {
            StepChange::Status { before, after } => {
                let entry = self.entry(roadmap, i);
                let latest = entry.and_then(Stamped::latest);
                let status = entry.map_or(Status::Todo, |e| e.status);
                if entry.map(|e| e.changed) != Some(step.at) || status != *after {
                    return if latest.is_none_or(|l| l < step.at) {
                        Undo::NeverSaved
                    } else {
                        Undo::ChangedElsewhere {
                            skill: i,
                            now: status.to_string(),
                        }
                    };
                }
                self.set_status(roadmap, i, *before, now);
                Undo::Undone { skill: i }
            }
            StepChange::Note { before, after } => {
                let note = self.stored_note(roadmap, i);
                let text = note.map_or("", |n| n.text.as_str());
                if note.map(|n| n.at) != Some(step.at) || text != after {
                    return if note.and_then(Stamped::latest).is_none_or(|l| l < step.at) {
                        Undo::NeverSaved
                    } else {
                        Undo::ChangedElsewhere {
                            skill: i,
                            now: "another text".to_string(),
                        }
                    };
                }
                let edit = if before.trim().is_empty() {
                    NoteEdit::Clear
                } else {
                    NoteEdit::Replace {
                        base: Some(step.at),
                        base_text: after.clone(),
                        text: before.clone(),
                        origin: "'roadmap undo'".to_string(),
                    }
                };
                self.edit_note(roadmap, i, &edit, now);
                Undo::Undone { skill: i }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::test_support::small;

    fn t(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn a_status_change_is_taken_back_unless_changed_since() {
        let r = small();
        let http = r.skill_index("http").unwrap();
        let mut p = Profile::default();
        p.set_status(&r, http, Status::Doing, t(0));
        let was = p.status_of(&r, http);
        p.set_status(&r, http, Status::Done, t(1));
        let step = Step::status(&p, &r, http, was, Status::Done).unwrap();
        let mut undone = p.clone();
        assert_eq!(
            undone.undo_step(&r, &step, t(2)),
            Undo::Undone { skill: http }
        );
        assert_eq!(undone.states(&r)[http].status, Status::Doing);
        // History is kept: the undo is one more change.
        assert_eq!(undone.entry(&r, http).unwrap().history.len(), 3);

        // Changed since (doing, then done again): the stamp differs.
        let mut other = p.clone();
        other.set_status(&r, http, Status::Doing, t(3));
        other.set_status(&r, http, Status::Done, t(4));
        let before = other.clone();
        assert_eq!(
            other.undo_step(&r, &step, t(5)),
            Undo::ChangedElsewhere {
                skill: http,
                now: "done".to_string()
            }
        );
        assert_eq!(other, before, "nothing touched");
    }

    #[test]
    fn a_note_edit_or_clear_is_taken_back() {
        let r = small();
        let http = r.skill_index("http").unwrap();
        let mut p = Profile::default();
        p.edit_note(&r, http, &NoteEdit::Append("first".into()), t(0));
        let was = p.note_of(&r, http);
        p.edit_note(&r, http, &NoteEdit::Clear, t(1));
        let step = Step::note(&p, &r, http, was).unwrap();
        assert_eq!(p.undo_step(&r, &step, t(2)), Undo::Undone { skill: http });
        assert_eq!(p.note(&r, http).unwrap().text, "first");
        // A second undo of the same step: the note changed since.
        assert!(matches!(
            p.undo_step(&r, &step, t(3)),
            Undo::ChangedElsewhere { .. }
        ));
    }

    #[test]
    fn a_step_whose_save_failed_is_not_a_change_elsewhere() {
        let r = small();
        let http = r.skill_index("http").unwrap();
        let mut p = Profile::default();
        p.set_status(&r, http, Status::Doing, t(0));
        let ghost = Step {
            roadmap: r.id.clone(),
            skill: "http".to_string(),
            at: t(9),
            from: None,
            batch: 0,
            change: StepChange::Status {
                before: Status::Doing,
                after: Status::Done,
            },
        };
        assert_eq!(p.undo_step(&r, &ghost, t(10)), Undo::NeverSaved);
        let gone = Step {
            skill: "no-such-skill".to_string(),
            ..ghost
        };
        assert_eq!(p.undo_step(&r, &gone, t(10)), Undo::Gone);
    }

    #[test]
    fn steps_keep_their_stamp_to_the_nanosecond() {
        let step = Step {
            roadmap: "r".into(),
            skill: "s".into(),
            at: t(0) + Duration::nanoseconds(123_456_789),
            from: Some(t(0)),
            batch: 3,
            change: StepChange::Note {
                before: "a".into(),
                after: String::new(),
            },
        };
        let text = serde_json::to_string(&step).unwrap();
        assert!(text.contains("\"kind\":\"note\""), "{text}");
        assert_eq!(serde_json::from_str::<Step>(&text).unwrap(), step);
    }
}

#[cfg(test)]
mod carry_tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    #[test]
    fn undoing_twice_on_one_skill_takes_back_both_changes() {
        let r = crate::test_support::small();
        let t = |m| Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap() + Duration::minutes(m);
        let http = r.skill_index("http").unwrap();
        let mut p = Profile::default();
        let mut steps = Vec::new();
        for (m, to) in [(0, Status::Done), (1, Status::Doing)] {
            let was = p.status_of(&r, http);
            p.set_status(&r, http, to, t(m));
            steps.extend(Step::status(&p, &r, http, was, to));
        }
        for (m, expect) in [(2, Status::Done), (3, Status::Todo)] {
            let step = steps.pop().unwrap();
            assert_eq!(p.undo_step(&r, &step, t(m)), Undo::Undone { skill: http });
            carry(&mut steps, &step, p.stamp_for(&r, http, &step).unwrap());
            assert_eq!(p.states(&r)[http].status, expect);
        }
    }
}
