//! Ranking skills against a search query, shared by the TUI's `/` and
//! `roadmap search`. Tiers: skills whose title or id contains every word
//! of the query first, then skills whose description, stage or note does,
//! then loose fuzzy matches of titles. Within a tier, a skill that also
//! matches in its stage, description and note comes first, so `sec` lists
//! the security skills before "Explore a second language".

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::roadmap::Roadmap;

/// Where a skill matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub skill: usize,
    /// Every word is in the learner's note.
    pub in_note: bool,
}

/// A reusable matcher (it keeps buffers between queries).
pub struct Searcher {
    matcher: Matcher,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: Matcher::new(Config::DEFAULT),
        }
    }
}

impl Searcher {
    /// The skills matching `query`, best first; `note(i)` is skill `i`'s
    /// note, if any. An empty query gives every skill in roadmap order.
    pub fn rank<'a>(
        &mut self,
        roadmap: &Roadmap,
        note: impl Fn(usize) -> Option<&'a str>,
        query: &str,
    ) -> Vec<Hit> {
        if query.trim().is_empty() {
            return (0..roadmap.skills.len())
                .map(|skill| Hit {
                    skill,
                    in_note: false,
                })
                .collect();
        }
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let has_all = |text: &str| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let mut buf = Vec::new();
        let mut hay = String::new();
        // (tier, score, index, in note): lower tier first, then higher score.
        let mut scored: Vec<(u8, u32, usize, bool)> = Vec::new();
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
            let in_note = note(i).is_some_and(has_all);
            let context =
                u32::from(in_stage) * 40 + u32::from(in_text) * 20 + u32::from(in_note) * 30;
            let ranked = match (in_title, in_stage || in_text || in_note, fuzzy) {
                (true, _, f) => Some((0, f.unwrap_or(0) + context)),
                (false, true, f) => Some((1, f.unwrap_or(0) / 4 + context)),
                (false, false, Some(f)) => Some((2, f)),
                (false, false, None) => None,
            };
            if let Some((tier, score)) = ranked {
                scored.push((tier, score, i, in_note));
            }
        }
        scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        scored
            .into_iter()
            .map(|(_, _, skill, in_note)| Hit { skill, in_note })
            .collect()
    }
}
