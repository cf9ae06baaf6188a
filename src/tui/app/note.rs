//! `e`: the learner's note on a skill, edited in their editor. The run
//! loop runs the editor and the store; this decides what to save, keeps
//! the earlier text for `u`, and says what happened (a concurrent edit
//! elsewhere keeps both versions, and the message says so).

use chrono::{DateTime, Utc};

use super::{App, UNDO_LEVELS, Undo};
use crate::model::{NoteEdit, NoteSaved, Profile};
use crate::tui::action::Effect;

/// Where the TUI's edits come from, in the marker of a conflict.
pub const ORIGIN: &str = "the roadmap window";

/// A note change `u` can take back: the text before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteUndo {
    pub before: String,
    pub after: String,
}

impl App {
    fn note_text(&self, skill: usize) -> String {
        self.profile
            .note(&self.roadmap, skill)
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }

    fn skill_name(&self, skill: usize) -> String {
        self.roadmap.skills[skill].title.clone()
    }

    /// `e`: open the current skill's note in the editor.
    pub(crate) fn edit_note(&mut self) -> Vec<Effect> {
        let Some(skill) = self.current_skill() else {
            self.info("select a skill to write a note on");
            return Vec::new();
        };
        let stored = self.profile.stored_note(&self.roadmap, skill);
        vec![Effect::EditNote {
            skill,
            text: stored.map(|n| n.text.clone()).unwrap_or_default(),
            base: stored.map(|n| n.at),
        }]
    }

    /// The editor closed: save what changed (the store decides, under its
    /// lock, whether another version was saved meanwhile).
    pub(crate) fn on_note_edited(
        &mut self,
        skill: usize,
        base: Option<DateTime<Utc>>,
        result: Result<String, String>,
    ) -> Vec<Effect> {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.error(format!("note not saved: {e}"));
                return Vec::new();
            }
        };
        let before = self.note_text(skill);
        if text == before {
            self.info(format!(
                "the note on {} is unchanged",
                self.skill_name(skill)
            ));
            return Vec::new();
        }
        self.remember_note(skill, before, text.clone());
        vec![Effect::SaveNote {
            skill,
            edit: NoteEdit::Replace {
                base,
                base_text: self.text_of_version(skill, base),
                text,
                origin: ORIGIN.to_string(),
            },
        }]
    }

    /// The text of the version of `skill`'s note stamped `at`: the one the
    /// editor opened. The session's profile still holds it (nothing reloads
    /// it between opening the editor and saving); were it gone, an empty
    /// base keeps every line of both versions.
    fn text_of_version(&self, skill: usize, at: Option<DateTime<Utc>>) -> String {
        self.profile
            .stored_note(&self.roadmap, skill)
            .filter(|n| Some(n.at) == at)
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }

    fn remember_note(&mut self, skill: usize, before: String, after: String) {
        let status = self.states()[skill].status;
        self.undo.push(Undo {
            skill,
            before: status,
            after: status,
            note: true,
        });
        self.note_undo.push(NoteUndo { before, after });
        if self.undo.len() > UNDO_LEVELS && self.undo.remove(0).note {
            self.note_undo.remove(0);
        }
    }

    /// The store saved the note (or could not): take the saved notes and
    /// say what happened.
    pub(crate) fn on_note_saved(
        &mut self,
        skill: usize,
        result: Result<(Profile, NoteSaved), String>,
        now: DateTime<Utc>,
    ) {
        let name = self.skill_name(skill);
        match result {
            Ok((saved, outcome)) => {
                // Only the notes: unsaved status changes stay as they are.
                if let Some(progress) = saved.roadmaps.get(&self.roadmap.id) {
                    let mine = self
                        .profile
                        .roadmaps
                        .entry(self.roadmap.id.clone())
                        .or_default();
                    mine.notes.clone_from(&progress.notes);
                }
                // A note is activity: the stats and the goal's pace count it.
                self.stats_changed(now);
                self.goal = self.goal_plan(now);
                match outcome {
                    NoteSaved::Conflict { .. } => self.error(format!(
                        "the note on {name} was changed elsewhere meanwhile, partly on the same lines: there both versions are kept, between marked lines · e to sort them out"
                    )),
                    NoteSaved::Merged { .. } => self.info(format!(
                        "saved · the note on {name} was changed elsewhere meanwhile, on other lines: both changes are in"
                    )),
                    NoteSaved::Unchanged => self.info(format!("the note on {name} is unchanged")),
                    NoteSaved::Saved if self.profile.note(&self.roadmap, skill).is_none() => {
                        self.info(format!("saved · cleared the note on {name} · u brings it back"));
                    }
                    NoteSaved::Saved => self.info(format!("saved · the note on {name}")),
                }
            }
            Err(e) => self.error(format!("note on {name} not saved: {e}")),
        }
    }

    /// `u` on a note change: put the earlier text back, unless the note
    /// was changed elsewhere since.
    pub(crate) fn undo_note(&mut self, skill: usize) -> Vec<Effect> {
        let Some(last) = self.note_undo.pop() else {
            return Vec::new();
        };
        let name = self.skill_name(skill);
        self.jump_to(skill);
        if self.note_text(skill) != last.after {
            self.info(format!(
                "not undone: the note on {name} was changed elsewhere; nothing changed"
            ));
            return Vec::new();
        }
        let base = self.profile.stored_note(&self.roadmap, skill).map(|n| n.at);
        self.info(format!("undo: the note on {name} as it was"));
        vec![Effect::SaveNote {
            skill,
            edit: NoteEdit::Replace {
                base,
                base_text: self.text_of_version(skill, base),
                text: last.before,
                origin: ORIGIN.to_string(),
            },
        }]
    }
}
