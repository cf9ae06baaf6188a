//! The map screen: opening and closing it, moving the selection along the
//! graph, the view that follows it, focus and stage. The layout is
//! computed here when the scope changes (never while drawing); status
//! keys and back/forward are the lists' own.

use chrono::{DateTime, Utc};

use super::{App, DetailState, Message, Mode, Pane};
use crate::map::path::{self, PathLeft};
use crate::map::{Layout, LayoutOptions, NodeKind, Scope};
use crate::tui::action::{Action, Effect};
use crate::tui::map_geometry::{self as geometry, MapAreas};

/// From this many skills on, the map opens on one skill's focus: the
/// whole graph would be too large to read or to lay out at a key press.
pub const LARGE: usize = 2_000;

/// Widest title on a node of the map.
pub const TITLE_CELLS: usize = 24;

/// Rows and columns a pan key moves.
const PAN_ROWS: u32 = 3;
const PAN_COLUMNS: u32 = 12;

/// The map and where the learner is on it.
#[derive(Debug, Clone)]
pub struct MapState {
    pub layout: Layout,
    /// The selected skill (roadmap index).
    pub selected: Option<usize>,
    /// The skill the selection last moved from: moving back prefers it.
    pub came_from: Option<usize>,
    /// The map cell at the canvas's top-left corner.
    pub view: (u32, u32),
    /// What is left before the selected skill is done.
    pub left: PathLeft,
}

impl MapState {
    pub fn scope(&self) -> Scope {
        self.layout.scope.unwrap_or(Scope::All)
    }

    /// The layout node of the selected skill.
    pub fn selected_node(&self) -> Option<usize> {
        self.selected.and_then(|s| self.layout.skill_node(s))
    }
}

/// Where the learner was on the map, for back and forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapPlace {
    pub scope: Scope,
    pub skill: Option<usize>,
}

impl App {
    /// The map screen's parts at the current size.
    pub(crate) fn map_areas(&self) -> MapAreas {
        geometry::areas(self.size)
    }

    /// True while the map is the screen (under any popup).
    pub fn map_shown(&self) -> bool {
        matches!(self.mode, Mode::Map) || (self.map_under && !matches!(self.mode, Mode::Main))
    }

    /// Where the learner is on the map, while it is shown.
    pub(crate) fn map_place(&self) -> Option<MapPlace> {
        if !matches!(self.mode, Mode::Map) {
            return None;
        }
        self.map.as_ref().map(|m| MapPlace {
            scope: m.scope(),
            skill: m.selected,
        })
    }

    /// Opens the map on `scope` with `skill` selected; the layout is
    /// computed only when the scope changed.
    pub(crate) fn show_map(&mut self, scope: Scope, skill: Option<usize>) {
        let reuse = self
            .map
            .as_ref()
            .is_some_and(|m| m.layout.scope == Some(scope));
        if !reuse {
            let layout = Layout::new(
                &self.roadmap,
                scope,
                &LayoutOptions {
                    title_cells: TITLE_CELLS,
                    ..LayoutOptions::default()
                },
            );
            self.map = Some(Box::new(MapState {
                layout,
                selected: None,
                came_from: None,
                view: (0, 0),
                left: PathLeft::default(),
            }));
        }
        self.mode = Mode::Map;
        self.map_under = true;
        let skill = skill.or_else(|| self.map.as_ref().and_then(|m| m.selected));
        let skill = skill
            .filter(|&s| {
                self.map
                    .as_ref()
                    .is_some_and(|m| m.layout.skill_node(s).is_some())
            })
            .or_else(|| self.first_on_map());
        self.select_on_map(skill, !reuse);
    }

    /// `M` in the lists: the map, selecting the skill the lists show, on
    /// the scope it had if the skill is part of it.
    pub(crate) fn open_map(&mut self) {
        let skill = self.current_skill();
        let large = self.roadmap.skills.len() >= LARGE;
        let shows = |scope: Scope| {
            self.map.as_ref().is_some_and(|m| {
                m.layout.scope == Some(scope)
                    && skill.is_none_or(|s| m.layout.skill_node(s).is_some())
            })
        };
        let scope = match self.map.as_ref().map(|m| m.scope()) {
            Some(scope) if shows(scope) => scope,
            _ if large => skill.map_or(Scope::Stage(self.stage), Scope::Focus),
            _ => Scope::All,
        };
        self.show_map(scope, skill);
    }

    /// Back to the lists, showing the skill selected on the map.
    pub(crate) fn close_map(&mut self) {
        self.mode = Mode::Main;
        self.map_under = false;
        if let Some(skill) = self.map.as_ref().and_then(|m| m.selected) {
            self.unhide(skill);
            self.stage = self.roadmap.skills[skill].stage;
            self.cursor[self.stage] = self.row_of[skill];
            self.focus = Pane::Skills;
            self.detail = DetailState::default();
            self.sync_offsets();
        }
    }

    /// The first skill of the map in reading order.
    fn first_on_map(&self) -> Option<usize> {
        let map = self.map.as_ref()?;
        map.layout.nodes.iter().find_map(|n| match n.kind {
            NodeKind::Skill(s) => Some(s),
            NodeKind::Choice(_) => None,
        })
    }

    /// Selects `skill` on the map, brings it into view (to the middle
    /// after a new layout) and works out its path.
    fn select_on_map(&mut self, skill: Option<usize>, centre: bool) {
        let canvas = self.map_areas().canvas;
        let (states, eval) = (self.live.states(), self.live.eval());
        let Some(map) = self.map.as_mut() else {
            return;
        };
        if map.selected != skill {
            map.came_from = map.selected;
        }
        map.selected = skill;
        map.left = skill.map_or_else(PathLeft::default, |s| {
            path::left(&self.roadmap, states, eval, s)
        });
        if let Some(n) = map.selected_node().map(|i| map.layout.nodes[i]) {
            let target = (n.x, n.y, n.w);
            map.view = if centre {
                geometry::centre(target, canvas, &map.layout)
            } else {
                geometry::follow(map.view, target, canvas, &map.layout)
            };
        } else {
            map.view = geometry::clamp(map.view, canvas, &map.layout);
        }
    }

    /// Statuses changed: the path left may have.
    pub(crate) fn map_statuses_changed(&mut self) {
        let (states, eval) = (self.live.states(), self.live.eval());
        if let Some(map) = self.map.as_mut()
            && let Some(s) = map.selected
        {
            map.left = path::left(&self.roadmap, states, eval, s);
        }
    }

    /// The terminal changed size: keep the selection in view.
    pub(crate) fn map_resized(&mut self) {
        if self.map.is_some() {
            let skill = self.map.as_ref().and_then(|m| m.selected);
            self.select_on_map(skill, false);
        }
    }

    pub(crate) fn update_map(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        match action {
            Action::Up => self.map_step(true),
            Action::Down => self.map_step(false),
            Action::Left => self.map_sideways(false),
            Action::Right => self.map_sideways(true),
            Action::PanUp | Action::ScrollUp { .. } => self.pan(0, -i64::from(PAN_ROWS)),
            Action::PanDown | Action::ScrollDown { .. } => self.pan(0, i64::from(PAN_ROWS)),
            Action::PanLeft => self.pan(-i64::from(PAN_COLUMNS), 0),
            Action::PanRight => self.pan(i64::from(PAN_COLUMNS), 0),
            Action::PageUp => self.pan(0, -self.map_page()),
            Action::PageDown => self.pan(0, self.map_page()),
            Action::MapCenter => {
                let skill = self.map.as_ref().and_then(|m| m.selected);
                self.select_on_map(skill, true);
            }
            Action::First | Action::Last => {
                let first = action == Action::First;
                let skill = self.map.as_ref().and_then(|m| {
                    let mut skills = m.layout.nodes.iter().filter_map(|n| match n.kind {
                        NodeKind::Skill(s) => Some(s),
                        NodeKind::Choice(_) => None,
                    });
                    if first {
                        skills.next()
                    } else {
                        skills.next_back()
                    }
                });
                self.map_jump(skill, None);
            }
            Action::Click { column, row } => self.map_click(column, row),
            Action::Enter => self.map_details(),
            Action::MapFocus => self.toggle_scope(false),
            Action::MapStage => self.toggle_scope(true),
            Action::ToggleDone | Action::SetStatus(_) | Action::Undo => {
                let skill = self.map.as_ref().and_then(|m| m.selected);
                let effects = match (action, skill) {
                    (Action::Undo, _) => self.undo(now),
                    (Action::ToggleDone, Some(s)) => {
                        let to = if self.status_of(s) == crate::model::Status::Done {
                            crate::model::Status::Todo
                        } else {
                            crate::model::Status::Done
                        };
                        self.change_status(s, to, now)
                    }
                    (Action::SetStatus(to), Some(s)) => self.change_status(s, to, now),
                    _ => Vec::new(),
                };
                // An undo may move the lists' cursor; the map stays.
                self.mode = Mode::Map;
                return effects;
            }
            // An open choice: its best option that can be learnt now.
            Action::JumpNext => match self.suggestions.first().and_then(|s| {
                let skill = crate::model::steps::learnable_skill(
                    &self.roadmap,
                    self.live.states(),
                    self.live.eval(),
                    s.step,
                )?;
                Some((skill, s.reason.clone()))
            }) {
                Some((skill, reason)) => {
                    self.map_jump(Some(skill), None);
                    self.info(format!(
                        "next: {} — {reason}",
                        self.roadmap.skills[skill].title
                    ));
                }
                None => self.info("nothing to suggest: every skill you can start is finished"),
            },
            Action::Back | Action::Forward => {
                if matches!(self.message, Some(Message::Info(_))) {
                    self.message = None;
                }
                if action == Action::Back {
                    self.go_back();
                } else {
                    self.go_forward();
                }
            }
            Action::Close => self.map_step_out(),
            Action::OpenMap => self.close_map(),
            Action::ToggleHelp => self.mode = Mode::Help { scroll: 0 },
            Action::Quit => return self.quit(),
            _ => {}
        }
        Vec::new()
    }

    fn map_page(&self) -> i64 {
        i64::from(self.map_areas().canvas.height.saturating_sub(2).max(1))
    }

    /// Moves the view, the selection staying where it is.
    fn pan(&mut self, dx: i64, dy: i64) {
        let canvas = self.map_areas().canvas;
        if let Some(map) = self.map.as_mut() {
            let x = u32::try_from((i64::from(map.view.0) + dx).max(0)).unwrap_or(0);
            let y = u32::try_from((i64::from(map.view.1) + dy).max(0)).unwrap_or(0);
            map.view = geometry::clamp((x, y), canvas, &map.layout);
        }
    }

    /// Selects `skill` as a jump (back returns here), changing the scope
    /// first when `scope` says so or the skill is not on this map.
    fn map_jump(&mut self, skill: Option<usize>, scope: Option<Scope>) {
        let Some(skill) = skill else { return };
        let from = self.place();
        let current = self.map.as_ref().map_or(Scope::All, |m| m.scope());
        let on_map = self
            .map
            .as_ref()
            .is_some_and(|m| m.layout.skill_node(skill).is_some());
        let scope = scope.unwrap_or(if on_map {
            current
        } else if self.roadmap.skills.len() >= LARGE {
            Scope::Focus(skill)
        } else {
            Scope::All
        });
        if scope == current {
            self.select_on_map(Some(skill), false);
        } else {
            self.show_map(scope, Some(skill));
        }
        self.remember(from);
    }

    /// Up: to something the selected skill needs; down: to something that
    /// needs it. Through a choice to its options (up) or its dependents
    /// (down). The skill just come from first, else the nearest.
    fn map_step(&mut self, up: bool) {
        let Some(map) = self.map.as_ref() else { return };
        let Some(here) = map.selected_node() else {
            let first = self.first_on_map();
            self.select_on_map(first, false);
            return;
        };
        let layout = &map.layout;
        let step = |i: usize| -> &[u32] {
            if up {
                layout.needs(i)
            } else {
                layout.needed_by(i)
            }
        };
        let mut found: Vec<usize> = Vec::new();
        for &n in step(here) {
            let n = n as usize;
            match layout.nodes[n].kind {
                NodeKind::Skill(_) => found.push(n),
                NodeKind::Choice(_) => found.extend(step(n).iter().map(|&m| m as usize)),
            }
        }
        found.retain(|&n| matches!(layout.nodes[n].kind, NodeKind::Skill(_)));
        let centre = i64::from(layout.nodes[here].centre());
        let skill_of = |n: usize| match layout.nodes[n].kind {
            NodeKind::Skill(s) => Some(s),
            NodeKind::Choice(_) => None,
        };
        let best = found
            .iter()
            .copied()
            .find(|&n| skill_of(n) == map.came_from)
            .or_else(|| {
                found.iter().copied().min_by_key(|&n| {
                    let c = i64::from(layout.nodes[n].centre());
                    ((c - centre).abs(), n)
                })
            });
        if let Some(skill) = best.and_then(skill_of) {
            self.map_jump(Some(skill), None);
        } else {
            let title = map
                .selected
                .map_or(String::new(), |s| self.roadmap.skills[s].title.clone());
            if up {
                self.info(format!("{title} needs nothing on this map"));
            } else {
                self.info(format!("nothing on this map needs {title}"));
            }
        }
    }

    /// Left or right: the nearest skill that way on the same row, else in
    /// the same stage.
    fn map_sideways(&mut self, right: bool) {
        let Some(map) = self.map.as_ref() else { return };
        let Some(here) = map.selected_node() else {
            let first = self.first_on_map();
            self.select_on_map(first, false);
            return;
        };
        let layout = &map.layout;
        let me = layout.nodes[here];
        let centre = i64::from(me.centre());
        let best = layout
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| {
                *i != here
                    && n.stage == me.stage
                    && matches!(n.kind, NodeKind::Skill(_))
                    && if right {
                        i64::from(n.centre()) > centre
                    } else {
                        i64::from(n.centre()) < centre
                    }
            })
            .min_by_key(|(i, n)| {
                let dy = (i64::from(n.y) - i64::from(me.y)).abs();
                let dx = (i64::from(n.centre()) - centre).abs();
                (dy, dx, *i)
            })
            .and_then(|(_, n)| match n.kind {
                NodeKind::Skill(s) => Some(s),
                NodeKind::Choice(_) => None,
            });
        match best {
            Some(skill) => self.select_on_map(Some(skill), false),
            None => self.info(if right {
                "nothing further right in this stage"
            } else {
                "nothing further left in this stage"
            }),
        }
    }

    fn map_click(&mut self, column: u16, row: u16) {
        let canvas = self.map_areas().canvas;
        let Some(map) = self.map.as_ref() else { return };
        let Some((x, y)) = geometry::cell_at(map.view, canvas, column, row) else {
            return;
        };
        let skill = map
            .layout
            .node_at(x, y)
            .and_then(|i| match map.layout.nodes[i].kind {
                NodeKind::Skill(s) => Some(s),
                NodeKind::Choice(_) => None,
            });
        if skill.is_some() {
            self.select_on_map(skill, false);
        }
    }

    /// Enter: the selected skill's details in the lists; back returns to
    /// the map.
    fn map_details(&mut self) {
        let Some(skill) = self.map.as_ref().and_then(|m| m.selected) else {
            return;
        };
        let from = self.place();
        self.close_map();
        self.stage = self.roadmap.skills[skill].stage;
        self.cursor[self.stage] = self.row_of[skill];
        self.focus = Pane::Details;
        self.detail = DetailState::default();
        self.sync_offsets();
        self.remember(from);
    }

    /// `f` and `t`: the focus or stage of the selected skill, or the whole
    /// map again when that is what is shown.
    fn toggle_scope(&mut self, stage: bool) {
        let Some(skill) = self.map.as_ref().and_then(|m| m.selected) else {
            return;
        };
        let wanted = if stage {
            Scope::Stage(self.roadmap.skills[skill].stage)
        } else {
            Scope::Focus(skill)
        };
        let current = self.map.as_ref().map_or(Scope::All, |m| m.scope());
        let scope = if current == wanted {
            if self.roadmap.skills.len() >= LARGE {
                self.info(format!(
                    "the whole map of {} skills is too large to draw: f shows one skill's focus, t one stage",
                    self.roadmap.skills.len()
                ));
                return;
            }
            Scope::All
        } else {
            wanted
        };
        let from = self.place();
        self.show_map(scope, Some(skill));
        self.remember(from);
    }

    /// Esc: from a focus or a stage to the whole map; from the whole map
    /// to the lists.
    fn map_step_out(&mut self) {
        if self.message.take().is_some() {
            return;
        }
        let current = self.map.as_ref().map_or(Scope::All, |m| m.scope());
        if current == Scope::All || self.roadmap.skills.len() >= LARGE {
            self.close_map();
        } else {
            let skill = self.map.as_ref().and_then(|m| m.selected);
            let from = self.place();
            self.show_map(Scope::All, skill);
            self.remember(from);
        }
    }
}
