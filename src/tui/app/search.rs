//! `/`: fuzzy search over skill titles and ids across the whole roadmap.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::{App, Mode};
use crate::model::Roadmap;
use crate::tui::action::{Action, Effect};
use crate::tui::view::layout::follow;

/// The search popup: the query, the ranked results, the cursor.
pub struct SearchState {
    pub query: String,
    /// Skill indices, best match first (roadmap order for an empty query).
    pub results: Vec<usize>,
    pub cursor: usize,
    pub offset: usize,
    matcher: Matcher,
}

impl SearchState {
    pub fn new(roadmap: &Roadmap) -> SearchState {
        let mut s = SearchState {
            query: String::new(),
            results: Vec::new(),
            cursor: 0,
            offset: 0,
            matcher: Matcher::new(Config::DEFAULT),
        };
        s.refresh(roadmap);
        s
    }

    /// Re-ranks every skill against the query.
    fn refresh(&mut self, roadmap: &Roadmap) {
        self.cursor = 0;
        self.offset = 0;
        if self.query.trim().is_empty() {
            self.results = (0..roadmap.skills.len()).collect();
            return;
        }
        let pattern = Pattern::parse(&self.query, CaseMatching::Smart, Normalization::Smart);
        let mut buf = Vec::new();
        let mut hay = String::new();
        let mut scored: Vec<(u32, usize)> = Vec::new();
        for (i, skill) in roadmap.skills.iter().enumerate() {
            hay.clear();
            hay.push_str(&skill.title);
            hay.push(' ');
            hay.push_str(&skill.id);
            for alias in &skill.aliases {
                hay.push(' ');
                hay.push_str(alias);
            }
            if let Some(score) = pattern.score(Utf32Str::new(&hay, &mut buf), &mut self.matcher) {
                scored.push((score, i));
            }
        }
        scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.results = scored.into_iter().map(|(_, i)| i).collect();
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
                search.refresh(&self.roadmap);
            }
            Action::SearchBackspace => {
                search.query.pop();
                search.refresh(&self.roadmap);
            }
            Action::SearchClear => {
                search.query.clear();
                search.refresh(&self.roadmap);
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
