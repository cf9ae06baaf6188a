//! "↑ 3 more" / "↓ 12 more" on a list's border: every list says when rows
//! are hidden above or below it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;

/// Marks the top border of `frame` (a bordered pane or popup) when `above`
/// rows are hidden above, and its bottom border when `below` are hidden
/// below. Right-aligned, clear of the corners.
pub fn render(theme: Theme, frame: Rect, above: usize, below: usize, buf: &mut Buffer) {
    if frame.width < 4 || frame.height < 2 {
        return;
    }
    let room = Rect::new(frame.x + 1, frame.y, frame.width - 2, 1);
    for (count, arrow, y) in [(above, '↑', frame.y), (below, '↓', frame.bottom() - 1)] {
        if count > 0 {
            Line::styled(format!(" {arrow} {count} more "), theme.accent())
                .right_aligned()
                .render(Rect { y, ..room }, buf);
        }
    }
}

/// The rows hidden above and below a window of `shown` rows from
/// `offset` in a list of `len`.
pub fn hidden(offset: usize, shown: usize, len: usize) -> (usize, usize) {
    let offset = offset.min(len);
    (offset, len.saturating_sub(offset + shown))
}
