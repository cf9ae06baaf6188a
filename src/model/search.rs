//! Ranking skills against a search query, shared by the TUI's `/` and
//! `roadmap search`.
//!
//! Every word of the query must start a word somewhere in the skill: its
//! title, id or aliases, its stage, its description or the learner's note
//! (`sec` finds "Security" and "secrets", never the "sec" inside
//! "consecutive"). A stage the query names comes first (it is the topic
//! asked for: `sec` lists the Security stage before "Explore a second
//! language"), then a match in the title, in the learner's note, in the
//! description; the closer the title, the higher. Last come titles and ids
//! that match the query loosely (a typo, letters left out), unless the
//! match is weak: scattered letters are dropped.

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

/// The words of a query or a text, lower-cased: runs of letters and
/// digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `word` (lower case) starts a word of `lower` (lower-cased
/// text): at the start, or after a character that is not a letter or a
/// digit.
fn starts_a_word(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(i, _)| {
        lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// How strong a loose match must be, as a share of the score of the query
/// matched against itself: below this the letters are too scattered to
/// mean anything.
const STRONG_FUZZY: u32 = 60;

impl Searcher {
    /// The skills matching `query`, best first; `note(i)` is skill `i`'s
    /// note, if any. An empty query gives every skill in roadmap order.
    pub fn rank<'a>(
        &mut self,
        roadmap: &Roadmap,
        note: impl Fn(usize) -> Option<&'a str>,
        query: &str,
    ) -> Vec<Hit> {
        let wanted = words(query);
        if wanted.is_empty() {
            return (0..roadmap.skills.len())
                .map(|skill| Hit {
                    skill,
                    in_note: false,
                })
                .collect();
        }
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let perfect = pattern
            .score(
                Utf32Str::new(&query.to_lowercase(), &mut buf),
                &mut self.matcher,
            )
            .unwrap_or(0);
        let stages: Vec<String> = roadmap
            .stages
            .iter()
            .map(|s| s.title.to_lowercase())
            .collect();
        let mut hay = String::new();
        // (tier, score, index, in note): word matches, then loose ones;
        // higher score first.
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
            let title = hay.to_lowercase();
            let stage = &stages[skill.stage];
            let text = skill.description.to_lowercase();
            let noted = note(i).map(str::to_lowercase);
            let (mut in_title, mut in_stage, mut in_text, mut in_note, mut all) =
                (true, true, true, noted.is_some(), true);
            for w in &wanted {
                let t = starts_a_word(&title, w);
                let s = starts_a_word(stage, w);
                let d = starts_a_word(&text, w);
                let n = noted.as_deref().is_some_and(|n| starts_a_word(n, w));
                in_title &= t;
                in_stage &= s;
                in_text &= d;
                in_note &= n;
                all &= t || s || d || n;
            }
            let mut fuzzy = || pattern.score(Utf32Str::new(&hay, &mut buf), &mut self.matcher);
            // A stage named by the query is the topic asked for; then the
            // title, the learner's own note, the description.
            let weight = u32::from(in_stage) * 400
                + u32::from(in_title) * 200
                + u32::from(in_note) * 100
                + u32::from(in_text) * 50;
            let ranked = if all {
                let closeness = if in_title {
                    fuzzy().unwrap_or(0).min(49)
                } else {
                    0
                };
                Some((0, weight + closeness))
            } else {
                fuzzy()
                    .filter(|&f| f * 100 >= perfect * STRONG_FUZZY)
                    .map(|f| (1, f))
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn ids(query: &str) -> Vec<String> {
        let r = crate::model::builtin().unwrap();
        Searcher::default()
            .rank(&r, |_| None, query)
            .into_iter()
            .map(|h| r.skills[h.skill].id.clone())
            .collect()
    }

    #[test]
    fn words_start_words_and_never_sit_inside_them() {
        assert!(starts_a_word("web security basics", "sec"));
        assert!(starts_a_word("(secrets)", "sec"));
        assert!(!starts_a_word("consecutive requests", "sec"));
        assert!(starts_a_word("node.js", "js"));
    }

    #[test]
    fn sec_lists_the_security_skills_first_and_not_half_the_roadmap() {
        let r = crate::model::builtin().unwrap();
        let found = ids("sec");
        assert!(
            found.len() < r.skills.len() / 4,
            "{} found: {found:?}",
            found.len()
        );
        let security = r.stage_index("security").unwrap();
        let in_security = r.stages[security].skills.len();
        // The Security stage's skills lead.
        let first: Vec<usize> = found
            .iter()
            .take(3)
            .map(|id| r.skill(id).unwrap().stage)
            .collect();
        assert!(first.iter().all(|&s| s == security), "{found:?}");
        let lead = found
            .iter()
            .take_while(|id| r.skill(id).unwrap().stage == security)
            .count();
        assert!(lead >= in_security / 2, "{found:?}");
    }

    #[test]
    fn a_typo_in_a_title_still_finds_it_but_scattered_letters_do_not() {
        let found = ids("postgrsql");
        assert_eq!(
            found.first().map(String::as_str),
            Some("postgresql"),
            "{found:?}"
        );
        assert!(found.len() <= 3, "{found:?}");
        assert!(ids("qzx").is_empty());
    }

    #[test]
    fn notes_are_searched_by_whole_words_and_marked() {
        let r = crate::model::builtin().unwrap();
        let terminal = r.skill_index("terminal").unwrap();
        let note = |i: usize| (i == terminal).then_some("tmux splits and zsh completion");
        let hits = Searcher::default().rank(&r, note, "tmux");
        assert_eq!(
            hits.first(),
            Some(&Hit {
                skill: terminal,
                in_note: true
            })
        );
        // Inside a word, no.
        assert!(
            Searcher::default()
                .rank(&r, note, "plet")
                .iter()
                .all(|h| !h.in_note)
        );
    }
}
