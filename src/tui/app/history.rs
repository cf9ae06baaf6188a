//! Back and forward: where the learner was before each jump (a followed
//! link, a suggestion, a search result, an undo that moved the cursor),
//! several levels deep, as in a browser or vim's jump list.

use super::{App, DetailState, Pane};
use crate::model::Step;

/// How many places `Back` remembers.
pub const HISTORY_LEVELS: usize = 100;

/// One place in the app: what was selected, which pane had the focus and
/// where the details stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    stage: usize,
    row: usize,
    focus: Pane,
    /// The suggestion (or option of a choice) shown, when the next-steps
    /// pane had the focus (suggestions move as statuses change; the skill
    /// or choice does not).
    suggestion: Option<Step>,
    detail: DetailState,
    /// Where the learner was on the map, when it was shown.
    map: Option<super::map::MapPlace>,
}

/// The places behind and ahead.
#[derive(Debug, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// A jump left `from`: it can be gone back to; what was ahead is
    /// forgotten (as in a browser).
    fn record(&mut self, from: Place) {
        if self.back.len() == HISTORY_LEVELS {
            self.back.remove(0);
        }
        self.back.push(from);
        self.forward.clear();
    }

    /// How many places lie behind and ahead.
    pub fn levels(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}

impl App {
    /// Where the learner is now.
    pub(crate) fn place(&self) -> Place {
        let suggestion = (self.focus == Pane::Next)
            .then(|| self.next_item().and_then(|it| self.next_step_of(it)))
            .flatten();
        Place {
            stage: self.stage,
            row: self.cursor.get(self.stage).copied().unwrap_or(0),
            focus: self.focus,
            suggestion,
            detail: self.detail,
            map: self.map_place(),
        }
    }

    /// Remembers `from` if the learner has moved away from it.
    pub(crate) fn remember(&mut self, from: Place) {
        if self.place() != from {
            self.history.record(from);
        }
    }

    pub(crate) fn go_back(&mut self) {
        match self.history.back.pop() {
            Some(place) => {
                let here = self.place();
                self.history.forward.push(here);
                self.go_to(place);
            }
            None => self.info("nothing to go back to: follow a link or jump first"),
        }
    }

    pub(crate) fn go_forward(&mut self) {
        match self.history.forward.pop() {
            Some(place) => {
                let here = self.place();
                self.history.back.push(here);
                self.go_to(place);
            }
            None => self.info("nothing to go forward to"),
        }
    }

    fn go_to(&mut self, place: Place) {
        if place.stage >= self.roadmap.stages.len() {
            return;
        }
        self.stage = place.stage;
        self.cursor[place.stage] = place.row;
        self.focus = place.focus;
        if let Some(step) = place.suggestion
            && !self.select_next(step)
            && let Step::Skill(skill) = step
        {
            // No longer suggested: show the skill in its stage.
            self.stage = self.roadmap.skills[skill].stage;
            self.cursor[self.stage] = self.row_of[skill];
            self.focus = Pane::Skills;
        }
        self.detail = place.detail;
        self.sync_offsets();
        match place.map {
            Some(m) => self.show_map(m.scope, m.skill),
            None if matches!(self.mode, super::Mode::Map) => {
                self.mode = super::Mode::Main;
                self.map_under = false;
            }
            None => {}
        }
    }
}
