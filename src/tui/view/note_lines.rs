//! The learner's note in the details pane: rendered once per change and
//! kept, and only its beginning. Before, every key press rendered the
//! whole note as Markdown, several times (1 MB: 0.13 s a key; 10 MB:
//! 1.6 s). Now a note is rendered when it, the pane's width or the colours
//! change, and at most its first [`SHOWN_LINES`] lines and about
//! [`SHOWN_BYTES`] bytes: the pane says how much more there is, and `e`
//! opens the whole note in the editor. A key press costs what is on
//! screen, whatever the note's size (`cargo bench --bench notes`).

use std::cell::RefCell;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::view::markdown::{Rendered, render_some};

/// The most lines of a note the details pane shows.
pub const SHOWN_LINES: usize = 500;
/// The most bytes of a note the details pane shows (a line begun within
/// them is shown whole).
pub const SHOWN_BYTES: usize = 32 * 1024;
/// How many rendered notes are kept: moving between a few skills with
/// long notes renders none of them again.
const KEPT: usize = 4;

/// Which version of which note, rendered how.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    roadmap: String,
    skill: usize,
    /// The version: every save stamps a new `at`.
    at: DateTime<Utc>,
    base: Option<DateTime<Utc>>,
    len: usize,
    cells: usize,
    theme: Theme,
}

/// The notes rendered lately, most recent first. Drawing has only `&App`,
/// so the cache is filled through a `RefCell`; what it holds is derived
/// from the profile and never changes what is shown.
#[derive(Default)]
pub struct NoteCache(RefCell<Vec<(Key, Arc<Rendered>)>>, std::cell::Cell<usize>);

impl std::fmt::Debug for NoteCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NoteCache({} kept)", self.0.borrow().len())
    }
}

impl NoteCache {
    /// `skill`'s note as the details pane shows it at `cells` wide, or
    /// `None` without a note.
    pub fn shown(&self, app: &App, skill: usize, cells: usize) -> Option<Arc<Rendered>> {
        let note = app.profile.note(&app.roadmap, skill)?;
        let key = Key {
            roadmap: app.roadmap.id.clone(),
            skill,
            at: note.at,
            base: note.base,
            len: note.text.len(),
            cells,
            theme: app.theme,
        };
        let mut kept = self.0.borrow_mut();
        if let Some(i) = kept.iter().position(|(k, _)| *k == key) {
            let hit = kept.remove(i);
            let rendered = Arc::clone(&hit.1);
            kept.insert(0, hit);
            return Some(rendered);
        }
        self.1.set(self.1.get() + 1);
        let rendered = Arc::new(render_some(
            &note.text,
            cells,
            app.theme,
            0,
            SHOWN_LINES,
            SHOWN_BYTES,
        ));
        kept.insert(0, (key, Arc::clone(&rendered)));
        kept.truncate(KEPT);
        Some(rendered)
    }

    /// How many times a note was rendered (tests: once per change).
    pub fn renders(&self) -> usize {
        self.1.get()
    }

    /// The links of `skill`'s note as shown: they do not depend on the
    /// width (what is shown is decided by lines and bytes), so any kept
    /// rendering of this version serves.
    pub fn links(&self, app: &App, skill: usize, cells: usize) -> Vec<(String, String)> {
        let Some(note) = app.profile.note(&app.roadmap, skill) else {
            return Vec::new();
        };
        let same = |k: &Key| {
            k.roadmap == app.roadmap.id
                && k.skill == skill
                && (k.at, k.base, k.len) == (note.at, note.base, note.text.len())
        };
        if let Some((_, r)) = self.0.borrow().iter().find(|(k, _)| same(k)) {
            return r.links.clone();
        }
        self.shown(app, skill, cells)
            .map(|r| r.links.clone())
            .unwrap_or_default()
    }
}
