//! `roadmap note ID [-m TEXT | --show | --clear]`: the learner's note on a
//! skill. Every change is applied to the stored profile under the lock
//! (never a lost update); an edit whose base was changed meanwhile keeps
//! both versions and says so.

use super::out::{self, line};
use super::{Failure, lookup};
use crate::editor::{self, EditError};
use crate::model::text::clean_multiline;
use crate::model::undo::Step;
use crate::model::{NoteEdit, NoteSaved};
use crate::session::Session;

pub fn note(
    session: &Session,
    typed: &str,
    message: Option<&str>,
    show: bool,
    clear: bool,
) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let Some(skill) = lookup::find_skill(roadmap, typed) else {
        return Err(Failure::User {
            lines: vec![lookup::not_a_skill(roadmap, typed)],
            help: Some("run 'roadmap list' to see the skill ids".to_string()),
        });
    };
    let name = lookup::skill_name(roadmap, skill);
    if show {
        let profile = session.store.load()?;
        return match profile.note(roadmap, skill) {
            Some(n) => out::emit(&format!("{}\n", clean_multiline(&n.text))),
            None => out::emit(&format!(
                "No note on {name} yet. Write one with 'roadmap note {}' or add a line with -m \"text\".\n",
                roadmap.skills[skill].id
            )),
        };
    }
    let edit = if clear {
        NoteEdit::Clear
    } else if let Some(text) = message {
        if text.trim().is_empty() {
            return Err(Failure::User {
                lines: vec!["the text to add is empty; nothing was changed".to_string()],
                help: Some(
                    "give the paragraph to add: roadmap note ID -m \"what I learnt\"".to_string(),
                ),
            });
        }
        NoteEdit::Append(text.to_string())
    } else {
        return edit_in_editor(session, skill, &name);
    };
    let (_, saved) = save_recorded(session, skill, &edit)?;
    let mut text = String::new();
    match (saved, clear) {
        (NoteSaved::Unchanged, true) => line!(text, "{name} has no note; nothing to clear."),
        (NoteSaved::Unchanged, false) => line!(text, "The note on {name} is unchanged."),
        (_, true) => line!(text, "Cleared the note on {name}."),
        (_, false) => line!(text, "Added to the note on {name}."),
    }
    out::emit(&text)
}

fn edit_in_editor(session: &Session, skill: usize, name: &str) -> Result<(), Failure> {
    // Until the text is saved or its file named: a Ctrl-C (or SIGTERM,
    // SIGHUP) must not end this command while the editor may still save.
    let held = editor::HeldSignals::hold();
    let result = edit_and_save(session, skill, name);
    if held.arrived() {
        out::emit_err(
            "note: a signal to stop arrived while the editor was open; roadmap waited for the editor and dealt with the note first\n",
        );
    }
    result
}

fn edit_and_save(session: &Session, skill: usize, name: &str) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let stored = session.store.load()?;
    let current = stored.stored_note(roadmap, skill);
    let base = current.map(|n| n.at);
    let before = current.map(|n| n.text.clone()).unwrap_or_default();
    let draft = match editor::edit(&before, &roadmap.skills[skill].id) {
        Ok(d) => d,
        Err(e) => {
            let help = match &e {
                EditError::Failed { kept, .. } => Some(format!(
                    "to save it: roadmap note {} -m \"$(cat {})\", or open the note again and paste it",
                    roadmap.skills[skill].id,
                    crate::editor::shell_word(kept)
                )),
                EditError::NotStarted(_) => None,
            };
            return Err(Failure::User {
                lines: vec![e.to_string()],
                help,
            });
        }
    };
    if draft.text == before {
        draft.discard();
        return out::emit(&format!("The note on {name} is unchanged.\n"));
    }
    let edit = NoteEdit::Replace {
        base,
        base_text: before.clone(),
        text: draft.text.clone(),
        origin: "'roadmap note'".to_string(),
    };
    let saved = save_recorded(session, skill, &edit);
    let saved = match saved {
        Ok((_, s)) => s,
        Err(e) => {
            let kept = draft.keep();
            return Err(Failure::User {
                lines: vec![
                    e.to_string(),
                    format!(
                        "the note was not saved; what you wrote is kept in {}",
                        kept.display()
                    ),
                ],
                help: None,
            });
        }
    };
    draft.discard();
    let mut text = String::new();
    match saved {
        NoteSaved::Conflict { other } => line!(
            text,
            "The note on {name} was changed elsewhere while you edited it (saved {}), partly on the same lines: every change of both is kept, and where both changed the same lines, both versions are kept between marked lines. Run 'roadmap note {}' to keep what you want.",
            other.format("%Y-%m-%d %H:%M UTC"),
            roadmap.skills[skill].id
        ),
        NoteSaved::Merged { other } => line!(
            text,
            "Saved the note on {name}; it was changed elsewhere while you edited it (saved {}), on other lines: both changes are in.",
            other.format("%Y-%m-%d %H:%M UTC"),
        ),
        NoteSaved::Unchanged => line!(text, "The note on {name} is unchanged."),
        NoteSaved::Saved if draft_empty(&edit) => line!(text, "Cleared the note on {name}."),
        NoteSaved::Saved => line!(text, "Saved the note on {name}."),
    }
    out::emit(&text)
}

fn draft_empty(edit: &NoteEdit) -> bool {
    matches!(edit, NoteEdit::Replace { text, .. } if text.trim().is_empty())
}

/// Applies `edit` under the lock and remembers it for `roadmap undo`.
fn save_recorded(
    session: &Session,
    skill: usize,
    edit: &NoteEdit,
) -> Result<(crate::model::Profile, NoteSaved), crate::store::StoreError> {
    let roadmap = &session.roadmap;
    let (profile, saved, unrecorded) = session.store.update_recorded(|p, now| {
        let before = p.note_of(roadmap, skill);
        let saved = p.edit_note(roadmap, skill, edit, now);
        let steps = match saved {
            NoteSaved::Unchanged => Vec::new(),
            _ => Step::note(p, roadmap, skill, before).into_iter().collect(),
        };
        (saved, steps)
    })?;
    if let Some(warning) = unrecorded {
        out::emit_err(&format!("warning: {warning}\n"));
    }
    Ok((profile, saved))
}
