//! Where each pane goes. A pure function of the terminal size, shared by
//! the view (to draw) and `update` (to page, scroll and map clicks).

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this the app shows "enlarge the terminal" instead of the panes.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// From this width on, the details get a column of their own.
pub const WIDE: u16 = 120;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub stages: Rect,
    pub skills: Rect,
    pub details: Rect,
    pub next: Rect,
    pub hints: Rect,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The panes for `area`; all empty when it is too small.
pub fn areas(area: Rect, stage_count: usize) -> Areas {
    if too_small(area) {
        return Areas::default();
    }
    let [header, body, hints, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let left_width = if area.width >= WIDE {
        (area.width * 3 / 10).clamp(38, 50)
    } else {
        (area.width * 36 / 100).clamp(30, 44)
    };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
    let wanted = u16::try_from(stage_count)
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let stages_height = wanted.clamp(3, body.height / 2);
    let [stages, next] =
        Layout::vertical([Constraint::Length(stages_height), Constraint::Fill(1)]).areas(left);
    let (skills, details) = if area.width >= WIDE {
        let [s, d] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(right);
        (s, d)
    } else {
        let [s, d] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(right);
        (s, d)
    };
    Areas {
        header,
        stages,
        skills,
        details,
        next,
        hints,
        status,
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// Where the details text goes inside its pane: one cell of margin on
/// either side.
pub fn text_area(inner: Rect) -> Rect {
    inner.inner(Margin::new(1, 0))
}

/// The scroll offset that keeps `cursor` visible in `height` rows,
/// moving as little as possible from `offset`.
pub fn follow(offset: usize, cursor: usize, height: usize) -> usize {
    if height == 0 || cursor < offset {
        cursor
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    }
}

/// The first visible row of a list of `len` rows shown `height` at a
/// time: keeps `cursor` visible, moves as little as possible from
/// `offset`, and leaves no blank rows at the end while rows are hidden
/// above (after the terminal grew). The view draws with it and `update`
/// maps clicks with it, so both agree on what is where.
pub fn list_offset(offset: usize, cursor: usize, len: usize, height: usize) -> usize {
    follow(offset, cursor, height).min(len.saturating_sub(height))
}

/// Where popups go: over the panes, leaving the header and the footer.
pub fn popup_space(area: Rect) -> Rect {
    Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(3),
    )
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_do_not_overlap_and_fill_the_screen() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            let a = areas(Rect::new(0, 0, w, h), 8);
            let panes = [
                a.header, a.stages, a.skills, a.details, a.next, a.hints, a.status,
            ];
            let total: u32 = panes.iter().map(|r| r.area()).sum();
            assert_eq!(total, u32::from(w) * u32::from(h), "{w}x{h}");
            for (i, p) in panes.iter().enumerate() {
                assert!(p.height > 0 && p.width > 0, "{w}x{h} pane {i}");
                for q in &panes[i + 1..] {
                    assert!(!p.intersects(*q), "{w}x{h}: {p:?} {q:?}");
                }
            }
        }
    }

    #[test]
    fn follow_moves_only_when_needed() {
        assert_eq!(follow(0, 3, 5), 0);
        assert_eq!(follow(0, 5, 5), 1);
        assert_eq!(follow(4, 2, 5), 2);
        assert_eq!(follow(7, 7, 0), 7);
    }
}
