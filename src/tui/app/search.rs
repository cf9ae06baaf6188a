//! `/`: search over skill titles, ids and descriptions across the whole
//! roadmap. Ranked in tiers: skills whose title or id contains every word
//! of the query first, then skills whose description (or stage) does,
//! then loose fuzzy matches of titles. Within a tier, a skill that also
//! matches in its stage and description comes first, so `sec` lists the
//! security skills before "Explore a second language".

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
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let has_all = |text: &str| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let mut buf = Vec::new();
        let mut hay = String::new();
        // (tier, score, index): lower tier first, then higher score.
        let mut scored: Vec<(u8, u32, usize)> = Vec::new();
        for (i, skill) in roadmap.skills.iter().enumerate() {
            hay.clear();
            hay.push_str(&skill.title);
            hay.push(' ');
            hay.push_str(&skill.id);
            for alias in &skill.aliases {
                hay.push(' ');
                hay.push_str(alias);
            }
            let fuzzy = pattern.score(Utf32Str::new(&hay, &mut buf), &mut self.matcher);
            let in_title = has_all(&hay);
            let in_stage = has_all(&roadmap.stages[skill.stage].title);
            let in_text = has_all(&skill.description);
            let context = u32::from(in_stage) * 40 + u32::from(in_text) * 20;
            let ranked = match (in_title, in_stage || in_text, fuzzy) {
                (true, _, f) => Some((0, f.unwrap_or(0) + context)),
                (false, true, f) => Some((1, f.unwrap_or(0) / 4 + context)),
                (false, false, Some(f)) => Some((2, f)),
                (false, false, None) => None,
            };
            if let Some((tier, score)) = ranked {
                scored.push((tier, score, i));
            }
        }
        scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        self.results = scored.into_iter().map(|(.., i)| i).collect();
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
