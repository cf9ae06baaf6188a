//! The next-steps pane: its rows are the suggestions, and under an open
//! choice the learner expanded (Enter or →), the options left to pick
//! from. ← (or Enter again) folds them back.

use super::{App, Pane};
use crate::model::Step;
use crate::model::steps::open_options;
use crate::tui::action::Action;
use crate::tui::keymap::KeyMode;

/// One row of the next-steps pane (a row of the list, not of the screen:
/// a suggestion takes its title and its reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextItem {
    /// Suggestion `i`.
    Entry(usize),
    /// An option of the expanded choice of suggestion `entry`.
    Option { entry: usize, skill: usize },
}

impl App {
    /// The rows of the next-steps pane, top to bottom.
    pub fn next_items(&self) -> &[NextItem] {
        &self.next_items
    }

    /// Lays the rows out again from the suggestions and the expanded
    /// choices (after the statuses or the expansion changed).
    pub(crate) fn rebuild_next_items(&mut self) {
        let mut items = Vec::with_capacity(self.suggestions.len());
        for (i, s) in self.suggestions.iter().enumerate() {
            items.push(NextItem::Entry(i));
            if let Step::Choice(c) = s.step
                && self.expanded.contains(&c)
            {
                let options = open_options(&self.roadmap, self.states(), self.eval(), c);
                items.extend(
                    options
                        .into_iter()
                        .map(|skill| NextItem::Option { entry: i, skill }),
                );
            }
        }
        // Choices no longer suggested are forgotten.
        let shown: Vec<usize> = self
            .suggestions
            .iter()
            .filter_map(crate::model::Suggestion::choice)
            .collect();
        self.expanded.retain(|c| shown.contains(c));
        self.next_items = items;
        self.next_cursor = self
            .next_cursor
            .min(self.next_items.len().saturating_sub(1));
    }

    /// The row under the cursor of the next-steps pane.
    pub fn next_item(&self) -> Option<NextItem> {
        self.next_items.get(self.next_cursor).copied()
    }

    /// What the row `item` of the next-steps pane stands for.
    pub fn next_step_of(&self, item: NextItem) -> Option<Step> {
        match item {
            NextItem::Entry(i) => self.suggestions.get(i).map(|s| s.step),
            NextItem::Option { skill, .. } => Some(Step::Skill(skill)),
        }
    }

    /// The choice whose suggestion or option is under the cursor.
    fn choice_at_cursor(&self) -> Option<(usize, usize)> {
        let entry = match self.next_item()? {
            NextItem::Entry(i) | NextItem::Option { entry: i, .. } => i,
        };
        self.suggestions.get(entry)?.choice().map(|c| (entry, c))
    }

    /// Shows (`true`) or folds (`false`) the options of the choice under
    /// the cursor; the cursor stays on the choice when they fold. False
    /// when there is no such choice or nothing changes.
    pub(crate) fn expand_choice(&mut self, open: bool) -> bool {
        if self.focus != Pane::Next {
            return false;
        }
        let Some((entry, c)) = self.choice_at_cursor() else {
            return false;
        };
        if self.expanded.contains(&c) == open {
            return false;
        }
        if open {
            self.expanded.push(c);
        } else {
            self.expanded.retain(|&e| e != c);
        }
        self.rebuild_next_items();
        let at = self
            .next_items
            .iter()
            .position(|&it| it == NextItem::Entry(entry))
            .unwrap_or(0);
        if open {
            // Show the options, as many as fit with the choice above them.
            let last = self
                .next_items
                .iter()
                .rposition(|it| matches!(it, NextItem::Option { entry: e, .. } if *e == entry))
                .unwrap_or(at);
            let height = usize::from(self.areas().next.height.saturating_sub(2));
            let shown = crate::tui::view::next::offset(self, self.next_offset, last, height);
            self.next_offset = shown.min(at);
        } else {
            self.next_cursor = at;
        }
        self.sync_offsets();
        true
    }

    /// Puts the cursor of the next-steps pane on `step` (a suggestion, or
    /// an option of an expanded choice). False when it is not there.
    pub(crate) fn select_next(&mut self, step: Step) -> bool {
        let found = self
            .next_items
            .iter()
            .position(|&it| self.next_step_of(it) == Some(step));
        if let Some(i) = found {
            self.next_cursor = i;
        }
        found.is_some()
    }

    /// A status key on a choice: statuses belong to its options; say how
    /// to reach them from where the learner is.
    pub(crate) fn status_on_a_choice(&mut self) {
        let Some(c) = self.current_choice() else {
            return;
        };
        let key = |a: Action| {
            self.keymap
                .key_of(KeyMode::Main, &a)
                .unwrap_or_else(|| "(no key)".to_string())
        };
        let how = if self.focus == Pane::Next {
            format!(
                "{} or {} shows its options",
                key(Action::Enter),
                key(Action::Right)
            )
        } else {
            "its options are listed under it".to_string()
        };
        let text = format!(
            "“{}” is a choice: mark the option you learn done ({how})",
            self.roadmap.choices[c].title
        );
        self.info(text);
    }
}
