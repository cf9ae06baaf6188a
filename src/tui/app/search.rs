//! `/`: search over skill titles, ids, descriptions and the learner's
//! notes across the whole roadmap, ranked by [`crate::model::search`].

use super::{App, Mode};
use crate::model::search::Searcher;
use crate::model::{Profile, Roadmap};
use crate::tui::action::{Action, Effect};
use crate::tui::view::layout::follow;

/// The search popup: the query, the ranked results, the cursor.
pub struct SearchState {
    pub query: String,
    /// Skill indices, best match first (roadmap order for an empty query).
    pub results: Vec<usize>,
    /// Per result: every word of the query is in the learner's note.
    pub in_note: Vec<bool>,
    pub cursor: usize,
    pub offset: usize,
    searcher: Searcher,
}

impl SearchState {
    pub fn new(roadmap: &Roadmap, profile: &Profile) -> SearchState {
        let mut s = SearchState {
            query: String::new(),
            results: Vec::new(),
            in_note: Vec::new(),
            cursor: 0,
            offset: 0,
            searcher: Searcher::default(),
        };
        s.refresh(roadmap, profile);
        s
    }

    /// Re-ranks every skill against the query (titles, ids,
    /// descriptions, stages and the learner's notes).
    fn refresh(&mut self, roadmap: &Roadmap, profile: &Profile) {
        self.cursor = 0;
        self.offset = 0;
        let hits = self.searcher.rank(
            roadmap,
            |i| profile.note(roadmap, i).map(|n| n.text.as_str()),
            &self.query,
        );
        self.results = hits.iter().map(|h| h.skill).collect();
        self.in_note = hits.iter().map(|h| h.in_note).collect();
    }

    pub fn selected(&self) -> Option<usize> {
        self.results.get(self.cursor).copied()
    }
}

impl App {
    pub(crate) fn update_search(&mut self, action: &Action) -> Vec<Effect> {
        let height = crate::tui::view::search::list_height(self.size);
        let Mode::Search(search) = &mut self.mode else {
            return Vec::new();
        };
        let last = search.results.len().saturating_sub(1);
        let mut moved = |delta: isize| {
            search.cursor = search.cursor.saturating_add_signed(delta).min(last);
            search.offset = follow(search.offset, search.cursor, height);
        };
        let page = height.saturating_sub(1).max(1).cast_signed();
        match action {
            Action::SearchInput(c) => {
                search.query.push(*c);
                search.refresh(&self.roadmap, &self.profile);
            }
            Action::SearchBackspace => {
                search.query.pop();
                search.refresh(&self.roadmap, &self.profile);
            }
            Action::SearchClear => {
                search.query.clear();
                search.refresh(&self.roadmap, &self.profile);
            }
            Action::Up | Action::ScrollUp { .. } => moved(-1),
            Action::Down | Action::ScrollDown { .. } => moved(1),
            Action::PageUp => moved(-page),
            Action::PageDown => moved(page),
            Action::Enter => {
                let chosen = search.selected();
                self.mode = Mode::Main;
                match chosen {
                    Some(skill) => {
                        self.jump_to(skill);
                        let s = &self.roadmap.skills[skill];
                        let stage = &self.roadmap.stages[s.stage].title;
                        self.info(format!("{} · {stage}", s.title));
                    }
                    None => self.info("no skill matched"),
                }
            }
            Action::Close => self.mode = Mode::Main,
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }
}
