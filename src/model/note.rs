//! A learner's own note on a skill: Markdown text of any length, stamped
//! by the time rule ([`super::hlc`]) and merged so that no text is ever
//! lost.
//!
//! Each version of a note records the stamp of the version it was written
//! over (`base`). A save whose base is the stored version is a sequential
//! edit and replaces it; a save whose base is not (another window or
//! command saved the note meanwhile) is a concurrent edit, and both
//! versions are kept, one after the other, with a marker line between
//! them that says where each came from ([`CONFLICT_MARK`]).
//!
//! Pure: the caller passes `now` in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

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
    /// there was no note). `origin` says where it came from, for the
    /// marker of a conflict ("`roadmap note`", "the roadmap window").
    Replace {
        base: Option<DateTime<Utc>>,
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
    /// Another version was saved meanwhile: both are kept. `other` is when
    /// that version was saved.
    Conflict {
        other: DateTime<Utc>,
    },
}

fn when(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The marker line between two versions of a note.
pub fn conflict_line(above: &str, above_at: DateTime<Utc>, below: &str) -> String {
    format!(
        "{CONFLICT_MARK}: above, the version saved at {} by {above}; below, the version from {below}. Keep what you want and delete the rest, this line included =====",
        when(above_at)
    )
}

/// Two texts one after the other with the marker between; an empty side
/// adds nothing.
fn both(above: &str, above_at: DateTime<Utc>, below: &str, origin: &str) -> String {
    match (above.trim().is_empty(), below.trim().is_empty()) {
        (true, _) => below.to_string(),
        (_, true) => above.to_string(),
        _ => format!(
            "{}\n\n{}\n\n{}",
            above.trim_end(),
            conflict_line("another window or command", above_at, origin),
            below.trim_start_matches('\n')
        ),
    }
}

/// An edit of `ours` (from `origin`) that met `theirs`, saved at
/// `theirs_at` meanwhile: the lines both start with once, then where they
/// differ each version's rest, between marked lines.
fn diverged(theirs: &str, theirs_at: DateTime<Utc>, ours: &str, origin: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (theirs.lines().collect(), ours.lines().collect());
    let same = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = String::new();
    for l in &a[..same] {
        out.push_str(l);
        out.push('\n');
    }
    if same > 0 {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{CONFLICT_MARK}: this note was saved elsewhere while you edited it. First the version saved at {} by another window or command: =====",
        when(theirs_at)
    );
    out.push_str(a[same..].join("\n").trim_matches('\n'));
    let _ = writeln!(
        out,
        "\n{CONFLICT_START} then your version, from {origin}: ====="
    );
    out.push_str(b[same..].join("\n").trim_matches('\n'));
    let _ = write!(
        out,
        "\n{CONFLICT_START} end of the two versions: keep what you want and delete these marked lines ====="
    );
    out
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
                text,
                origin,
            } => match &current {
                Some(c)
                    if *written_over != Some(c.at) && !c.is_empty() && !text.contains(&c.text) =>
                {
                    outcome = NoteSaved::Conflict { other: c.at };
                    diverged(&c.text, c.at, text, origin)
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
/// (or containing) the other, gives the newer; two versions saved
/// concurrently give both texts, the older first, with the marker line.
/// Commutative and idempotent; merging the result again with either side
/// changes nothing.
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
    let sequential = new.base == Some(old.at) || new.text.contains(&old.text);
    if sequential || old.is_empty() {
        return Note {
            unknown,
            ..new.clone()
        };
    }
    let at = hlc::stamp(new.at, Some(new.at));
    Note {
        text: both(
            &old.text,
            old.at,
            &new.text,
            &format!("the copy saved at {}", when(new.at)),
        ),
        at,
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

#[cfg(test)]
#[path = "note_tests.rs"]
mod tests;
