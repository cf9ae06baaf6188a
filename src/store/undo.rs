//! The command line's undo journal: `NAME.undo.json` next to the profile,
//! the last [`MAX_STEPS`] changes made with `done`, `start`, `skip`,
//! `reset` and `note`, so that `roadmap undo` can take them back one by
//! one. (The interactive view keeps its own undo, in memory.)
//!
//! The journal is written under the profile's lock, after the profile: a
//! step always follows the change it records. It is local to this folder
//! (not merged, not synced): losing it loses only the chance to undo. A
//! step whose change never reached the profile, or whose skill was changed
//! since by something else, is recognised when it is undone
//! ([`crate::model::undo`]).

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::safe::{self, Links, ReadError};
use super::{Store, StoreError, file};
use crate::model::undo::{Step, Undo, carry};
use crate::model::{Profile, Roadmap};

/// How many steps the journal keeps (all roadmaps together).
pub const MAX_STEPS: usize = 50;
/// A journal larger than this is not read (notes can be long, but not that
/// long).
const MAX_BYTES: u64 = 64 * 1024 * 1024;
const JOURNAL_VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Journal {
    version: u32,
    steps: Vec<Step>,
}

/// What `roadmap undo` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undone {
    /// No step of this roadmap is left to take back.
    Nothing,
    /// The steps of the last command, last first: each `undo` says whether
    /// it was taken back (never [`Undo::NeverSaved`] or [`Undo::Gone`]:
    /// those are passed over).
    Steps(Vec<(Step, Undo)>),
}

impl Store {
    /// The journal's file.
    pub fn journal_path(&self) -> PathBuf {
        self.dir().join(format!("{}.undo.json", self.name()))
    }

    /// Like [`Store::update_now`], and remembers the steps `change` returns
    /// for `roadmap undo`. The change stands even when the steps cannot be
    /// remembered: the third value then says why, for a warning.
    pub fn update_recorded<T>(
        &self,
        change: impl FnOnce(&mut Profile, DateTime<Utc>) -> (T, Vec<Step>),
    ) -> Result<(Profile, T, Option<String>), StoreError> {
        let clock = self.clock;
        let (profile, (out, _, warning)) = self.update_then(
            |profile| {
                let (out, steps) = change(profile, clock());
                (out, steps, None)
            },
            |_, (_, steps, warning): &mut (T, Vec<Step>, Option<String>)| {
                if steps.is_empty() {
                    return;
                }
                let mut journal = self.read_journal().unwrap_or_default();
                let batch = journal.steps.iter().map(|s| s.batch).max().unwrap_or(0) + 1;
                for step in steps.iter_mut() {
                    step.batch = batch;
                }
                journal.steps.append(steps);
                if let Err(e) = self.write_journal(journal) {
                    *warning = Some(format!(
                        "this change cannot be undone with `roadmap undo`: {e}"
                    ));
                }
            },
        )?;
        Ok((profile, out, warning))
    }

    /// Takes back the last step made on `roadmap` that reached the profile,
    /// under the lock: the step leaves the journal whether it was taken
    /// back or found changed since.
    pub fn undo_last(&self, roadmap: &Roadmap) -> Result<(Profile, Undone), StoreError> {
        type Out = (Result<(Undone, Journal), StoreError>, Option<StoreError>);
        let clock = self.clock;
        let (profile, (undone, failed)): (Profile, Out) = self.update_then(
            |profile| {
                let mut journal = match self.read_journal() {
                    Ok(j) => j,
                    Err(e) => return (Err(e), None),
                };
                let now = clock();
                let mine = |s: &Step| s.roadmap == roadmap.id;
                while let Some(last) = journal.steps.iter().rev().find(|s| mine(s)) {
                    let batch = last.batch;
                    let mut looked = Vec::new();
                    while let Some(i) = journal
                        .steps
                        .iter()
                        .rposition(|s| mine(s) && s.batch == batch)
                    {
                        let step = journal.steps.remove(i);
                        let undo = profile.undo_step(roadmap, &step, now);
                        if let Undo::Undone { skill } = undo
                            && let Some(stamp) = profile.stamp_for(roadmap, skill, &step)
                        {
                            carry(&mut journal.steps, &step, stamp);
                        }
                        if !matches!(undo, Undo::NeverSaved | Undo::Gone) {
                            looked.push((step, undo));
                        }
                    }
                    if !looked.is_empty() {
                        return (Ok((Undone::Steps(looked), journal)), None);
                    }
                }
                (Ok((Undone::Nothing, journal)), None)
            },
            |_, (undone, failed)| {
                if let Ok((_, journal)) = undone {
                    *failed = self.write_journal(std::mem::take(journal)).err();
                }
            },
        )?;
        let (undone, _) = undone?;
        match failed {
            // The profile has the undo; the journal still has the step,
            // which a next undo finds changed since (it was): safe.
            Some(e) => Err(e),
            None => Ok((profile, undone)),
        }
    }

    fn read_journal(&self) -> Result<Journal, StoreError> {
        let path = self.journal_path();
        let bytes = match safe::read_file(&path, Links::Refuse, MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::Missing) => return Ok(Journal::default()),
            Err(e) => {
                return Err(StoreError::UndoJournal {
                    path,
                    detail: e.describe(),
                });
            }
        };
        serde_json::from_slice::<Journal>(&bytes)
            .ok()
            .filter(|j| j.version == JOURNAL_VERSION)
            .ok_or_else(|| StoreError::UndoJournal {
                path,
                detail: "it is damaged or from another version of roadmap".to_string(),
            })
    }

    fn write_journal(&self, mut journal: Journal) -> Result<(), StoreError> {
        journal.version = JOURNAL_VERSION;
        // In the order the changes were made, the oldest dropped first.
        journal.steps.sort_by_key(|s| s.at);
        let extra = journal.steps.len().saturating_sub(MAX_STEPS);
        journal.steps.drain(..extra);
        let bytes = serde_json::to_vec(&journal).map_err(|e| StoreError::UndoJournal {
            path: self.journal_path(),
            detail: e.to_string(),
        })?;
        file::write_atomic(&self.journal_path(), &bytes, &self.paths().tmp_prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::test_support::small;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path(), "default").unwrap();
        (dir, store)
    }

    fn mark(store: &Store, r: &Roadmap, id: &str, to: Status) {
        let i = r.skill_index(id).unwrap();
        store
            .update_recorded(|p, now| {
                let before = p.status_of(r, i);
                p.set_status(r, i, to, now);
                ((), Step::status(p, r, i, before, to).into_iter().collect())
            })
            .unwrap();
    }

    #[test]
    fn steps_are_taken_back_last_first_and_the_journal_is_bounded() {
        let (_d, store) = store();
        let r = small();
        mark(&store, &r, "internet", Status::Done);
        mark(&store, &r, "http", Status::Doing);
        let status = |id| store.load().unwrap().states(&r)[r.skill_index(id).unwrap()].status;
        let (_, undone) = store.undo_last(&r).unwrap();
        let Undone::Steps(steps) = undone else {
            panic!("{undone:?}")
        };
        assert!(matches!(steps[..], [(_, Undo::Undone { .. })]));
        assert_eq!(status("http"), Status::Todo);
        assert_eq!(status("internet"), Status::Done);
        store.undo_last(&r).unwrap();
        assert_eq!(status("internet"), Status::Todo);
        assert_eq!(store.undo_last(&r).unwrap().1, Undone::Nothing);
        for _ in 0..(MAX_STEPS + 5) {
            mark(&store, &r, "jwt", Status::Doing);
            mark(&store, &r, "jwt", Status::Todo);
        }
        assert_eq!(store.read_journal().unwrap().steps.len(), MAX_STEPS);
    }

    #[test]
    fn a_damaged_journal_is_reported_and_nothing_changes() {
        let (_d, store) = store();
        let r = small();
        mark(&store, &r, "internet", Status::Done);
        std::fs::write(store.journal_path(), "{ damaged").unwrap();
        let err = store.undo_last(&r).unwrap_err().to_string();
        assert!(err.contains("undo.json"), "{err}");
        assert!(err.contains("damaged"), "{err}");
        let i = r.skill_index("internet").unwrap();
        assert_eq!(store.load().unwrap().states(&r)[i].status, Status::Done);
    }
}
