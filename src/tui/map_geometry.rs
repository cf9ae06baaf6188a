//! Where the map screen's parts go, and which part of the map the canvas
//! shows: shared by `update` (following the selection, paging, clicks)
//! and the view (drawing), so both agree on what is where.

use ratatui::layout::{Constraint, Layout as Split, Rect};

use crate::map::Layout;

/// From this width on, the selected skill's panel sits beside the map.
pub const SIDE: u16 = 120;

/// The parts of the map screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MapAreas {
    pub header: Rect,
    /// The line naming what the map shows, with the legend.
    pub title: Rect,
    /// The map itself.
    pub canvas: Rect,
    /// The selected skill below the map (narrow screens) or beside it.
    pub info: Rect,
    pub hints: Rect,
    pub status: Rect,
}

/// The map screen at `size`.
pub fn areas(size: (u16, u16)) -> MapAreas {
    let area = Rect::new(0, 0, size.0, size.1);
    let [header, title, body, hints, status] = Split::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (canvas, info) = if area.width >= SIDE {
        let panel = (area.width * 28 / 100).clamp(36, 60);
        let [c, i] =
            Split::horizontal([Constraint::Fill(1), Constraint::Length(panel)]).areas(body);
        (c, i)
    } else {
        let [c, i] = Split::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(body);
        (c, i)
    };
    MapAreas {
        header,
        title,
        canvas,
        info,
        hints,
        status,
    }
}

/// The top-left cell of the map the canvas shows, moved as little as
/// possible from `view` so the cells `x..x + w` of row `y` (the selected
/// node) are inside with a margin, and never past the map's end.
pub fn follow(
    view: (u32, u32),
    target: (u32, u32, u32),
    canvas: Rect,
    layout: &Layout,
) -> (u32, u32) {
    let (cw, ch) = (u32::from(canvas.width), u32::from(canvas.height));
    let (x, y, w) = target;
    let margin_x = (cw / 8).min(8);
    let margin_y = (ch / 5).min(4);
    let mut vx = view.0;
    if x < vx + margin_x {
        vx = x.saturating_sub(margin_x);
    } else if x + w + margin_x > vx + cw {
        vx = (x + w + margin_x)
            .saturating_sub(cw)
            .min(x.saturating_sub(margin_x));
    }
    let mut vy = view.1;
    if y < vy + margin_y {
        vy = y.saturating_sub(margin_y);
    } else if y + 1 + margin_y > vy + ch {
        vy = (y + 1 + margin_y).saturating_sub(ch);
    }
    clamp((vx, vy), canvas, layout)
}

/// The view with `target` in the middle of the canvas.
pub fn centre(target: (u32, u32, u32), canvas: Rect, layout: &Layout) -> (u32, u32) {
    let (x, y, w) = target;
    let vx = (x + w / 2).saturating_sub(u32::from(canvas.width) / 2);
    let vy = y.saturating_sub(u32::from(canvas.height) / 2);
    clamp((vx, vy), canvas, layout)
}

/// Keeps the view on the map: no scrolling past its right or bottom end.
pub fn clamp(view: (u32, u32), canvas: Rect, layout: &Layout) -> (u32, u32) {
    let max_x = layout.width.saturating_sub(u32::from(canvas.width));
    let max_y = layout.height.saturating_sub(u32::from(canvas.height));
    (view.0.min(max_x), view.1.min(max_y))
}

/// The map cell under screen cell `(column, row)`, if it is on the canvas.
pub fn cell_at(view: (u32, u32), canvas: Rect, column: u16, row: u16) -> Option<(u32, u32)> {
    canvas
        .contains(ratatui::layout::Position::new(column, row))
        .then(|| {
            (
                view.0 + u32::from(column - canvas.x),
                view.1 + u32::from(row - canvas.y),
            )
        })
}
