//! The map screen: the roadmap as a graph. Draws the computed layout
//! (`App::map`): stage bands, the edges through the window (merged into
//! box-drawing glyphs by `map::raster`), then the nodes over them. Only
//! what the canvas shows is drawn, so a frame costs the same at any
//! roadmap size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::text::{fit, width};
use super::{footer, header, map_panel};
use crate::map::layout::{NONE, Wire};
use crate::map::raster::raster;
use crate::map::{Layout, Mark, NodeKind, Placed, Scope, mark};
use crate::tui::app::App;
use crate::tui::app::map::MapState;
use crate::tui::map_geometry::{self as geometry, MapAreas};
use crate::tui::theme::Theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let a = geometry::areas((area.width, area.height));
    header::render(app, a.header, buf);
    footer::render(app, a.hints, a.status, buf);
    let Some(map) = app.map.as_deref() else {
        return;
    };
    title(app, map, a, buf);
    canvas(app, map, a.canvas, buf);
    map_panel::render(app, map, a.info, buf);
}

/// What the map shows, and the legend of the marks when there is room.
fn title(app: &App, map: &MapState, a: MapAreas, buf: &mut Buffer) {
    let t = app.theme;
    let layout = &map.layout;
    let skills = layout
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Skill(_)))
        .count();
    let what = match map.scope() {
        Scope::All => format!("whole roadmap · {skills} skills"),
        Scope::Focus(s) => format!("focus on {} · {skills} skills", app.roadmap.skills[s].title),
        Scope::Stage(s) => format!(
            "stage {} of {}: {} · {skills} skills",
            s + 1,
            app.roadmap.stages.len(),
            app.roadmap.stages[s].title
        ),
    };
    let mut legend = vec![Span::raw(" ")];
    for m in [
        Mark::Done,
        Mark::Doing,
        Mark::Todo,
        Mark::Locked,
        Mark::Skipped,
    ] {
        legend.push(Span::styled(m.text(), mark_style(t, m)));
        legend.push(Span::styled(format!(" {}  ", m.word()), t.dim()));
    }
    let legend = Line::from(legend);
    let room = usize::from(a.title.width);
    let show_legend = room >= width(&what) + 9 + legend.width();
    let cells = if show_legend {
        room.saturating_sub(legend.width() + 1)
    } else {
        room
    };
    Line::from(vec![
        Span::styled(" Map · ", t.title()),
        Span::styled(fit(&what, cells.saturating_sub(8)), t.bold()),
    ])
    .render(a.title, buf);
    if show_legend {
        legend.right_aligned().render(a.title, buf);
    }
}

/// How a mark is coloured (its text reads without colour).
pub(crate) fn mark_style(t: Theme, m: Mark) -> Style {
    match m {
        Mark::Done => t.ok(),
        Mark::Doing => t.warn().add_modifier(Modifier::BOLD),
        Mark::Todo => Style::new(),
        Mark::Skipped => t.dim(),
        Mark::Locked => t.warn(),
        Mark::Due => t.accent().add_modifier(Modifier::BOLD),
    }
}

/// The mark of skill `s` in the app's current statuses.
pub(crate) fn mark_of(app: &App, s: usize) -> Mark {
    mark(app.states(), app.eval(), s, app.is_due(s))
}

#[allow(clippy::many_single_char_names)]
fn canvas(app: &App, map: &MapState, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let layout = &map.layout;
    if layout.nodes.is_empty() {
        Paragraph::new("Nothing to show: this roadmap has no skills.")
            .style(t.dim())
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let (vx, vy) = geometry::clamp(map.view, area, layout);
    let (w, h) = (u32::from(area.width), u32::from(area.height));
    let rows = vy..vy + h;
    let screen = |x: u32, y: u32| (area.x + to_u16(x - vx), area.y + to_u16(y - vy));
    // Stage bands: a rule across, under everything.
    for band in &layout.bands {
        if rows.contains(&band.y) {
            let (x, y) = screen(vx, band.y);
            buf.set_string(x, y, "─".repeat(area.width.into()), t.dim());
        }
    }
    // Edges.
    let selected = map.selected_node();
    let light = |wire: &Wire| light(app, layout, selected, wire);
    let r = raster(layout, (vx, vy, w, h), light);
    for y in 0..r.height {
        for x in 0..r.width {
            let cell = r.get(x, y);
            if cell.ch == ' ' {
                continue;
            }
            let style = match cell.light {
                0 => t.dim(),
                1 => t.ok(),
                _ => t.accent().add_modifier(Modifier::BOLD),
            };
            let (sx, sy) = (
                area.x + u16::try_from(x).unwrap_or(u16::MAX),
                area.y + u16::try_from(y).unwrap_or(u16::MAX),
            );
            buf[(sx, sy)].set_char(cell.ch).set_style(style);
        }
    }
    // Band titles, always at the left of the view.
    for band in &layout.bands {
        if rows.contains(&band.y) {
            let (x, y) = screen(vx, band.y);
            let tally = app.eval().stages[band.stage];
            let done = if tally.is_complete() { " ✓" } else { "" };
            let text = format!(
                " {}. {} · {}/{}{done} ",
                band.stage + 1,
                app.roadmap.stages[band.stage].title,
                tally.finished(),
                tally.total()
            );
            let text = fit(&text, usize::from(area.width).saturating_sub(2));
            buf.set_string(x + 1, y, text, t.title());
        }
    }
    // Nodes, over the edges.
    for (i, n) in layout.nodes_in(rows) {
        if n.x + n.w <= vx || n.x >= vx + w {
            continue;
        }
        let line = node_line(app, map, n, Some(i) == selected);
        draw_clipped(&line, n, (vx, vy), area, buf);
    }
    more_marks(t, layout, (vx, vy), area, buf);
}

/// How bright an edge piece is: 2 for the selected skill's own edges, 1
/// once what it leads from is finished, 0 otherwise.
fn light(app: &App, layout: &Layout, selected: Option<usize>, wire: &Wire) -> u8 {
    if let Some(s) = selected {
        let sel = u32::try_from(s).unwrap_or(NONE);
        let own = wire.src == sel
            || wire.dst == sel
            || (wire.dst == NONE
                && wire.src != NONE
                && wire.y < layout.nodes[s].y
                && layout.needs(s).contains(&wire.src))
            || (wire.src == NONE && wire.dst != NONE && layout.needed_by(s).contains(&wire.dst));
        if own {
            return 2;
        }
    }
    let from = if wire.src == NONE { wire.dst } else { wire.src };
    let finished = match layout.nodes.get(from as usize).map(|n| n.kind) {
        Some(NodeKind::Skill(s)) => app.states()[s].status.is_finished(),
        Some(NodeKind::Choice(c)) => app.eval().choice_satisfied(&app.roadmap, c),
        None => false,
    };
    u8::from(finished)
}

/// A node's text: mark and title for a skill, sign, title and what to
/// pick for a choice.
fn node_line(app: &App, map: &MapState, n: &Placed, selected: bool) -> Line<'static> {
    let t = app.theme;
    let cells = n.title_cells();
    let line = match n.kind {
        NodeKind::Skill(s) => {
            let m = mark_of(app, s);
            let dim = matches!(m, Mark::Locked | Mark::Skipped) || app.is_unpicked(s);
            let on_path = map.left.skills.binary_search(&s).is_ok();
            let style = if on_path && !selected {
                t.accent().add_modifier(Modifier::BOLD)
            } else if dim {
                t.dim()
            } else {
                Style::new()
            };
            Line::from(vec![
                Span::styled(m.text(), mark_style(t, m)),
                Span::raw(" "),
                Span::styled(fit(&app.roadmap.skills[s].title, cells), style),
            ])
        }
        NodeKind::Choice(c) => {
            let choice = &app.roadmap.choices[c];
            let done = app.eval().choice_satisfied(&app.roadmap, c);
            let (sign, style) = if done {
                ("✓ ", t.ok())
            } else {
                ("◇ ", t.accent())
            };
            let suffix = crate::map::layout::choice_suffix(choice.pick, choice.from.len());
            let title = fit(&choice.title, cells.saturating_sub(width(&suffix)));
            let suffix = fit(&suffix, cells.saturating_sub(width(&title)));
            Line::from(vec![
                Span::styled(sign, style),
                Span::styled(title, t.accent()),
                Span::styled(suffix, t.dim()),
            ])
        }
    };
    if selected {
        t.highlight(line, true)
    } else {
        line
    }
}

/// Draws `line` at the node's place, only the part inside the canvas.
fn draw_clipped(line: &Line<'static>, n: &Placed, view: (u32, u32), area: Rect, buf: &mut Buffer) {
    let w = to_u16(n.w);
    let mut scratch = Buffer::empty(Rect::new(0, 0, w, 1));
    // The whole width carries the node's style (the selection bar).
    scratch.set_style(scratch.area, line.style);
    line.render(scratch.area, &mut scratch);
    for dx in 0..n.w {
        let x = n.x + dx;
        if x < view.0 || x >= view.0 + u32::from(area.width) {
            continue;
        }
        let (sx, sy) = (area.x + to_u16(x - view.0), area.y + to_u16(n.y - view.1));
        buf[(sx, sy)] = scratch[(to_u16(dx), 0)].clone();
    }
}

/// "▲ more" and "▼ more" on the canvas's right edge, "◀" and "▶" on its
/// middle row, where the map goes on out of sight.
fn more_marks(t: Theme, layout: &Layout, view: (u32, u32), area: Rect, buf: &mut Buffer) {
    if area.width < 8 || area.height < 3 {
        return;
    }
    let (vx, vy) = view;
    let right = area.x + area.width - 1;
    let style = t.accent();
    if vy > 0 {
        buf.set_string(right - 6, area.y, " ▲ more", style);
    }
    if vy + u32::from(area.height) < layout.height {
        buf.set_string(right - 6, area.y + area.height - 1, " ▼ more", style);
    }
    let middle = area.y + area.height / 2;
    if vx > 0 {
        buf.set_string(area.x, middle, "◀", style);
    }
    if vx + u32::from(area.width) < layout.width {
        buf.set_string(right, middle, "▶", style);
    }
}

fn to_u16(v: u32) -> u16 {
    u16::try_from(v).unwrap_or(u16::MAX)
}
