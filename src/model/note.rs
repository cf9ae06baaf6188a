//! A learner's own note on a skill: Markdown text of any length, stamped
//! by the time rule ([`super::hlc`]) and merged so that no text is ever
//! lost.
//!
//! Each version of a note records the stamp of the version it was written
//! over (`base`). A save whose base is the stored version is a sequential
//! edit and replaces it; a save whose base is not (another window or
//! command saved the note meanwhile) is a concurrent edit, merged line by
//! line with what was saved meanwhile, over the text the editor opened
//! ([`merge`]): changes to different lines are all kept, and
//! where both changed the same lines, both versions of those lines are
//! kept between marked lines that say where each came from
//! ([`CONFLICT_MARK`]). Text both versions hold is never copied twice.
//!
//! Pure: the caller passes `now` in.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use self::merge::{Markers, merge2, merge3};
use super::hlc::{self, Stamped};
use super::profile::Profile;
use super::roadmap::Roadmap;
use super::unknown::Unknown;

/// The start of the line put between two versions of a note that were
/// saved at the same time. Searching a note for it finds every conflict.
pub const CONFLICT_MARK: &str = "===== roadmap kept both versions";
/// How every marked line of a conflict starts.
pub const CONFLICT_START: &str = "===== roadmap";

/// One skill's note. An empty `text` is a cleared note: it stays in the
/// profile with its stamp, so an older copy merged in later does not bring
/// the cleared text back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub text: String,
    /// When this version was saved (the time rule's stamp).
    #[serde(serialize_with = "super::rfc3339::serialize")]
    pub at: DateTime<Utc>,
    /// The stamp of the version this one was written over, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::rfc3339::serialize_option"
    )]
    pub base: Option<DateTime<Utc>>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Note {
    pub fn new(text: String, at: DateTime<Utc>, base: Option<DateTime<Utc>>) -> Note {
        Note {
            text,
            at,
            base,
            unknown: Unknown::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// True when the text holds versions kept by a concurrent edit that the
    /// learner has not sorted out yet.
    pub fn has_conflict(&self) -> bool {
        self.text.contains(CONFLICT_MARK)
    }
}

impl Stamped for Note {
    fn latest(&self) -> Option<DateTime<Utc>> {
        Some(self.at.max(self.base.unwrap_or(self.at)))
    }
}

/// A change to a note, applied to the stored profile under the store's
/// lock by [`Profile::edit_note`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteEdit {
    /// The whole new text, written over the version stamped `base` (`None`:
    /// there was no note), whose text was `base_text` (what the editor
    /// opened: a version saved meanwhile is merged over it). `origin` says
    /// where it came from, for the marker of a conflict ("`roadmap note`",
    /// "the roadmap window").
    Replace {
        base: Option<DateTime<Utc>>,
        base_text: String,
        text: String,
        origin: String,
    },
    /// A paragraph added at the end of whatever is stored.
    Append(String),
    /// The note emptied.
    Clear,
}

/// What [`Profile::edit_note`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteSaved {
    /// Nothing to change (the same text, or clearing an empty note).
    Unchanged,
    Saved,
    /// Another version was saved meanwhile, and it changed other lines:
    /// both versions' changes are in. `other` is when it was saved.
    Merged {
        other: DateTime<Utc>,
    },
    /// Another version was saved meanwhile, and both changed some of the
    /// same lines: both versions of those are kept between marked lines.
    /// `other` is when that version was saved.
    Conflict {
        other: DateTime<Utc>,
    },
}

fn when(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The marked lines around a stretch both versions changed: `theirs`
/// (saved at `theirs_at` by `by`) first, then `ours` (from `origin`).
fn markers(theirs_at: DateTime<Utc>, by: &str, origin: &str) -> Markers {
    let at = when(theirs_at);
    Markers {
        start: format!(
            "{CONFLICT_MARK} ({at} #{{n}}): these lines were changed in two places at once. First the version saved at {at} by {by}: ====="
        ),
        middle: format!("{CONFLICT_START} ({at} #{{n}}) then the version from {origin}: ====="),
        end: format!(
            "{CONFLICT_START} ({at} #{{n}}) end of the two versions: keep what you want and delete these marked lines ====="
        ),
    }
}

impl Profile {
    /// The note of skill `i`: under its id, else the newest under one of
    /// its aliases (written before a rename). Cleared notes count as none.
    pub fn note<'a>(&'a self, roadmap: &Roadmap, i: usize) -> Option<&'a Note> {
        self.stored_note(roadmap, i).filter(|n| !n.is_empty())
    }

    /// Like [`Profile::note`], cleared notes included: what an edit is
    /// based on.
    pub fn stored_note<'a>(&'a self, roadmap: &Roadmap, i: usize) -> Option<&'a Note> {
        let notes = &self.roadmaps.get(&roadmap.id)?.notes;
        let skill = roadmap.skills.get(i)?;
        notes.get(&skill.id).or_else(|| {
            skill
                .aliases
                .iter()
                .filter_map(|a| notes.get(a))
                .max_by_key(|n| n.at)
        })
    }

    /// Applies `edit` to the note of skill `i`, stamped by the time rule at
    /// `now` (call it under the store's lock with the time read there).
    /// A replacement whose base is not the stored version keeps both texts.
    pub fn edit_note(
        &mut self,
        roadmap: &Roadmap,
        i: usize,
        edit: &NoteEdit,
        now: DateTime<Utc>,
    ) -> NoteSaved {
        let Some(skill) = roadmap.skills.get(i) else {
            return NoteSaved::Unchanged;
        };
        let current = self.stored_note(roadmap, i).cloned();
        let stored = current.as_ref().map_or("", |n| n.text.as_str());
        let base = current.as_ref().map(|n| n.at);
        let mut outcome = NoteSaved::Saved;
        let text = match edit {
            NoteEdit::Replace { text, .. } if text == stored => return NoteSaved::Unchanged,
            NoteEdit::Replace {
                base: written_over,
                base_text,
                text,
                origin,
            } => match &current {
                // Saved meanwhile: merged over the text the editor opened.
                Some(c) if *written_over != Some(c.at) && !c.is_empty() => {
                    let m = merge3(
                        base_text,
                        &c.text,
                        text,
                        &markers(c.at, "another window or command", origin),
                    );
                    if m.text == c.text {
                        return NoteSaved::Unchanged;
                    }
                    outcome = if m.conflicts > 0 {
                        NoteSaved::Conflict { other: c.at }
                    } else if m.text == *text {
                        NoteSaved::Saved
                    } else {
                        NoteSaved::Merged { other: c.at }
                    };
                    m.text
                }
                _ => text.clone(),
            },
            NoteEdit::Append(paragraph) => {
                let paragraph = paragraph.trim_matches('\n');
                if paragraph.trim().is_empty() {
                    return NoteSaved::Unchanged;
                }
                if stored.trim().is_empty() {
                    paragraph.to_string()
                } else {
                    format!("{}\n\n{paragraph}", stored.trim_end())
                }
            }
            NoteEdit::Clear if stored.trim().is_empty() => return NoteSaved::Unchanged,
            NoteEdit::Clear => String::new(),
        };
        let at = hlc::stamp(now, current.as_ref().and_then(Stamped::latest));
        let progress = self.roadmaps.entry(roadmap.id.clone()).or_default();
        let mut note = Note::new(text, at, base);
        if let Some(c) = current {
            note.unknown = c.unknown;
        }
        progress.notes.insert(skill.id.clone(), note);
        outcome
    }
}

/// Merges two copies of one note: the same version, or one written over
/// the other, gives the newer; two versions saved concurrently are merged
/// line by line ([`merge2`]: every line of both, once where they agree,
/// both versions between marked lines where they differ; a version that
/// holds the other is kept as it is). Commutative and idempotent; merging
/// the result again with either side changes nothing.
pub fn merge_note(a: &Note, b: &Note) -> Note {
    if a == b {
        return a.clone();
    }
    let (old, new) = if (a.at, &a.text, a.base) <= (b.at, &b.text, b.base) {
        (a, b)
    } else {
        (b, a)
    };
    let mut unknown = new.unknown.clone();
    unknown.merge(&old.unknown);
    if new.base == Some(old.at) {
        return Note {
            unknown,
            ..new.clone()
        };
    }
    let merged = merge2(
        &old.text,
        &new.text,
        &markers(
            old.at,
            "another copy",
            &format!("the copy saved at {}", when(new.at)),
        ),
    );
    if merged.text == new.text {
        return Note {
            unknown,
            ..new.clone()
        };
    }
    Note {
        text: merged.text,
        at: hlc::stamp(new.at, Some(new.at)),
        base: Some(new.at),
        unknown,
    }
}

/// Merges `theirs` notes into `ours`, skill by skill.
pub fn merge_notes(ours: &mut BTreeMap<String, Note>, theirs: &BTreeMap<String, Note>) {
    for (key, note) in theirs {
        match ours.get_mut(key) {
            Some(mine) if mine != note => *mine = merge_note(mine, note),
            Some(_) => {}
            None => {
                ours.insert(key.clone(), note.clone());
            }
        }
    }
}

#[path = "note_merge.rs"]
pub mod merge;

#[cfg(test)]
#[path = "note_tests.rs"]
mod tests;
