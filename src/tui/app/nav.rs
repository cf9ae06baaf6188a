//! Moving around: cursors, focus, scrolling, Enter, jumps and the mouse.

use ratatui::layout::{Position, Rect};

use super::{App, DetailState, Pane, Row};
use crate::model::Step;
use crate::tui::action::{Action, Effect};
use crate::tui::keymap::KeyMode;
use crate::tui::view::details::{self, Target};
use crate::tui::view::layout::{inner, list_offset, text_area};
use crate::tui::view::next;

/// Rows a wheel notch moves.
const WHEEL: isize = 3;

impl App {
    /// Handles the navigation actions; the details reset whenever the skill
    /// (or choice) they show changes. In the next steps, → shows the
    /// options of a choice and ← folds them before either moves the focus.
    pub(crate) fn navigate(&mut self, action: &Action) {
        let before = self.shown();
        match *action {
            Action::Left if !self.expand_choice(false) => self.focus_beside(Side::Left),
            Action::Right if !self.expand_choice(true) => self.focus_beside(Side::Right),
            Action::NextPane => self.focus_step(1),
            Action::PrevPane => self.focus_step(-1),
            Action::Up => self.move_in(self.focus, -1),
            Action::Down => self.move_in(self.focus, 1),
            Action::PageUp => self.page(self.focus, -1),
            Action::PageDown => self.page(self.focus, 1),
            Action::First => self.move_in(self.focus, isize::MIN / 2),
            Action::Last => self.move_in(self.focus, isize::MAX / 2),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.wheel(column, row, -WHEEL),
            Action::ScrollDown { column, row } => self.wheel(column, row, WHEEL),
            _ => {}
        }
        if self.shown() != before {
            self.detail = DetailState::default();
        }
    }

    /// Tab and Shift-Tab: the next or previous pane in reading order,
    /// wrapping.
    fn focus_step(&mut self, delta: isize) {
        let n = Pane::ORDER.len().cast_signed();
        let i = (self.focus.index().cast_signed() + delta).rem_euclid(n);
        self.focus = Pane::ORDER[i.unsigned_abs()];
    }

    /// ← and →: the pane drawn on that side of the highlighted row, at
    /// whatever layout the terminal size gives (side by side or stacked).
    /// Nothing there: the focus stays.
    fn focus_beside(&mut self, side: Side) {
        let a = self.areas();
        let outer = |pane: Pane| match pane {
            Pane::Stages => a.stages,
            Pane::Skills => a.skills,
            Pane::Details => a.details,
            Pane::Next => a.next,
        };
        let here = outer(self.focus);
        let y = self.highlight_row();
        let beside = Pane::ORDER.into_iter().filter(|&p| {
            let r = outer(p);
            p != self.focus
                && match side {
                    Side::Left => r.right() <= here.x,
                    Side::Right => r.x >= here.right(),
                }
        });
        // The pane level with the highlighted row; else the nearest one
        // above or below it; the closest across breaks ties.
        let distance = |p: &Pane| {
            let r = outer(*p);
            let dy = if y < r.y {
                r.y - y
            } else {
                y.saturating_sub(r.bottom().saturating_sub(1))
            };
            let dx = match side {
                Side::Left => here.x - r.right(),
                Side::Right => r.x - here.right(),
            };
            (dy, dx)
        };
        if let Some(pane) = beside.min_by_key(distance) {
            self.focus = pane;
        }
    }

    /// The screen row of what is highlighted in the focused pane (the
    /// selected stage, skill, link or suggestion), else the pane's first
    /// row.
    fn highlight_row(&self) -> u16 {
        let area = self.pane_area(self.focus);
        let visible = match self.focus {
            Pane::Stages => self.stage.checked_sub(self.stage_offset),
            Pane::Skills => self
                .cursor
                .get(self.stage)
                .and_then(|c| c.checked_sub(self.offset[self.stage])),
            Pane::Next => next::top_of(self, self.next_offset, self.next_cursor),
            Pane::Details => self.shown().and_then(|shown| {
                details::layout(self, shown, area.width)
                    .targets()
                    .position(|t| t == Some(self.detail.cursor))
                    .and_then(|i| i.checked_sub(self.detail.scroll))
            }),
        };
        visible
            .filter(|&dy| dy < usize::from(area.height))
            .and_then(|dy| u16::try_from(dy).ok())
            .map_or(area.y, |dy| area.y + dy)
    }

    /// Esc: step back out one level, the reverse of Enter (details →
    /// skills → stages), whatever message is showing. Never quits.
    pub(crate) fn step_out(&mut self) {
        match self.focus {
            Pane::Details => self.focus = Pane::Skills,
            Pane::Skills => self.focus = Pane::Stages,
            Pane::Stages | Pane::Next => {
                let keymap = self.keymap();
                let label = |action: &Action| {
                    keymap
                        .key_of(KeyMode::Main, action)
                        .unwrap_or_else(|| "(no key)".to_string())
                };
                let text = format!(
                    "{} quits · {} steps back out of the details and the skills",
                    label(&Action::Quit),
                    label(&Action::Close)
                );
                self.info(text);
            }
        }
    }

    /// The inner area of a pane on screen.
    fn pane_area(&self, pane: Pane) -> Rect {
        let a = self.areas();
        match pane {
            Pane::Stages => inner(a.stages),
            Pane::Skills => inner(a.skills),
            Pane::Details => text_area(inner(a.details)),
            Pane::Next => inner(a.next),
        }
    }

    fn page(&mut self, pane: Pane, sign: isize) {
        let h = usize::from(self.pane_area(pane).height).max(1);
        let h = if pane == Pane::Next {
            next::per_page(self, h)
        } else {
            h
        };
        if pane == Pane::Details {
            self.scroll_details(sign * h.cast_signed());
        } else {
            self.move_in(pane, sign * h.saturating_sub(1).max(1).cast_signed());
        }
    }

    /// Moves the cursor of `pane` by `delta` rows, clamped.
    pub(crate) fn move_in(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Stages => {
                let last = self.roadmap.stages.len().saturating_sub(1);
                self.select_stage(step(self.stage, delta, last));
            }
            Pane::Skills => self.move_skill(delta),
            Pane::Details => self.details_move(delta),
            Pane::Next => {
                let last = self.next_items.len().saturating_sub(1);
                self.next_cursor = step(self.next_cursor, delta, last);
                self.sync_offsets();
            }
        }
    }

    fn move_skill(&mut self, delta: isize) {
        let Some(rows) = self.rows.get(self.stage) else {
            return;
        };
        if rows.is_empty() {
            return;
        }
        // A choice's header is a row like any other: its details show the
        // choice.
        self.cursor[self.stage] = step(self.cursor[self.stage], delta, rows.len() - 1);
        self.sync_offsets();
    }

    pub(crate) fn select_stage(&mut self, stage: usize) {
        if stage < self.roadmap.stages.len() {
            self.stage = stage;
            self.sync_offsets();
        }
    }

    /// Selects `skill` in the skills pane and focuses it. Where the
    /// learner was is remembered for `Back`.
    pub(crate) fn jump_to(&mut self, skill: usize) {
        let from = self.place();
        self.unhide(skill);
        let stage = self.roadmap.skills[skill].stage;
        self.stage = stage;
        self.cursor[stage] = self.row_of[skill];
        self.focus = Pane::Skills;
        self.detail = DetailState::default();
        self.sync_offsets();
        self.remember(from);
    }

    pub(crate) fn jump_next(&mut self) {
        match self.suggestions.first().map(|s| (s.step, s.reason.clone())) {
            Some((Step::Skill(skill), reason)) => {
                self.jump_to(skill);
                self.info(format!(
                    "next: {} — {reason}",
                    self.roadmap.skills[skill].title
                ));
            }
            Some((Step::Choice(c), reason)) => {
                // A choice has no one place in the skills: its options show
                // under it in the next steps.
                let from = self.place();
                self.focus = Pane::Next;
                self.next_cursor = 0;
                self.detail = DetailState::default();
                self.expand_choice(true);
                self.remember(from);
                // The footer says how to pick one of the options shown.
                self.info(format!(
                    "next: {} — {reason}",
                    self.roadmap.choices[c].title
                ));
            }
            None => self.info("nothing to suggest: every skill you can start is finished"),
        }
    }

    pub(crate) fn enter(&mut self) -> Vec<Effect> {
        match self.focus {
            Pane::Stages => self.focus = Pane::Skills,
            Pane::Skills => {
                if self.shown().is_some() {
                    self.focus = Pane::Details;
                }
            }
            Pane::Details => match (self.current_skill(), self.details_enter()) {
                (_, Some(Target::Skill(s))) => self.jump_to(s),
                (Some(skill), Some(Target::Resource(r))) => return self.open_url(skill, r),
                (Some(skill), Some(Target::NoteLink(n))) => return self.open_note_link(skill, n),
                _ => {}
            },
            Pane::Next => match self.next_item().and_then(|it| self.next_step_of(it)) {
                Some(Step::Skill(skill)) => self.jump_to(skill),
                Some(Step::Choice(c)) => {
                    let open = !self.expanded.contains(&c);
                    self.expand_choice(open);
                }
                None => {}
            },
        }
        Vec::new()
    }

    /// `o`: the resource selected in the details, else the first one.
    pub(crate) fn open_resource(&mut self) -> Vec<Effect> {
        let Some(skill) = self.current_skill() else {
            return Vec::new();
        };
        if let Some(n) = self.chosen_note_link(skill) {
            return self.open_note_link(skill, n);
        }
        let selected = self.chosen_resource(skill);
        if self.roadmap.skills[skill].resources.is_empty() {
            self.info("this skill lists no resources");
            return Vec::new();
        }
        self.open_url(skill, selected)
    }

    fn open_url(&mut self, skill: usize, resource: usize) -> Vec<Effect> {
        let Some(res) = self.roadmap.skills[skill].resources.get(resource) else {
            return Vec::new();
        };
        if res.url.starts_with("https://") || res.url.starts_with("http://") {
            vec![Effect::OpenUrl(res.url.clone())]
        } else {
            self.error("only http(s) links are opened");
            Vec::new()
        }
    }

    fn scroll_details(&mut self, delta: isize) {
        let max = self.details_max_scroll();
        self.detail.scroll = step(self.detail.scroll, delta, max);
        self.keep_link_on_screen(delta);
    }

    fn details_max_scroll(&self) -> usize {
        let area = self.pane_area(Pane::Details);
        self.shown().map_or(0, |s| {
            details::layout(self, s, area.width)
                .len()
                .saturating_sub(usize::from(area.height))
        })
    }

    /// Keeps every stored scroll offset consistent with the cursors and the
    /// terminal size (the view computes the same offsets).
    pub(crate) fn sync_offsets(&mut self) {
        let h = usize::from(self.pane_area(Pane::Stages).height);
        let stages = self.roadmap.stages.len();
        self.stage_offset = list_offset(self.stage_offset, self.stage, stages, h);
        if let Some(rows) = self.rows.get(self.stage) {
            let h = usize::from(self.pane_area(Pane::Skills).height);
            self.offset[self.stage] =
                skills_offset(rows, self.offset[self.stage], self.cursor[self.stage], h);
        }
        let h = usize::from(self.pane_area(Pane::Next).height);
        self.next_offset = next::offset(self, self.next_offset, self.next_cursor, h);
        self.detail.scroll = self.detail.scroll.min(self.details_max_scroll());
    }

    fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        let p = Position::new(column, row);
        Pane::ORDER
            .into_iter()
            .map(|pane| (pane, self.pane_area(pane)))
            .find(|(_, area)| area.contains(p))
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some((pane, area)) = self.pane_at(column, row) else {
            return;
        };
        let dy = usize::from(row - area.y);
        match pane {
            Pane::Stages => self.select_stage(self.stage_offset + dy),
            Pane::Skills => {
                let Some(rows) = self.rows.get(self.stage) else {
                    return;
                };
                let r = self.offset[self.stage] + dy;
                if r >= rows.len() {
                    return;
                }
                self.cursor[self.stage] = r;
                self.sync_offsets();
            }
            Pane::Next => {
                if let Some(i) = next::at_row(self, self.next_offset, dy) {
                    self.next_cursor = i;
                }
            }
            Pane::Details => {
                if let Some(shown) = self.shown() {
                    let layout = details::layout(self, shown, area.width);
                    if let Some(t) = layout.target(self.detail.scroll + dy) {
                        self.detail.cursor = t;
                    }
                }
            }
        }
        // Clicking a suggestion shows it; clicking elsewhere keeps the
        // skill shown unless the click was in the details themselves.
        if pane != Pane::Details || self.focus != Pane::Next {
            self.focus = pane;
        }
    }

    fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        match self.pane_at(column, row) {
            Some((Pane::Details, _)) => self.scroll_details(delta),
            Some((Pane::Stages, _)) => self.move_in(Pane::Stages, delta.signum()),
            Some((pane, _)) => self.move_in(pane, delta),
            None => {}
        }
    }
}

/// A direction on screen.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// `from + delta`, clamped to `0..=last`.
fn step(from: usize, delta: isize, last: usize) -> usize {
    from.saturating_add_signed(delta).min(last)
}

/// The first visible row of the skills pane: keeps the cursor visible, and
/// the header of its group too when there is room.
pub(crate) fn skills_offset(rows: &[Row], offset: usize, cursor: usize, height: usize) -> usize {
    let mut off = list_offset(offset, cursor, rows.len(), height);
    if off == cursor && cursor > 0 && height > 1 && matches!(rows[cursor - 1], Row::Choice(_)) {
        off -= 1;
    }
    off
}

/// Scrolls a popup (help, stats) by a movement action: a line, a page, to
/// either end, never past `max`. False for any other action.
pub(crate) fn scroll_popup(scroll: &mut usize, action: &Action, max: usize, page: usize) -> bool {
    *scroll = match action {
        Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown { .. } => (*scroll + 1).min(max),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => (*scroll + page).min(max),
        Action::First => 0,
        Action::Last => max,
        _ => return false,
    };
    true
}
