//! The ranked suggestions with their reasons. Reasons wrap rather than
//! being cut (two lines at most), so a suggestion takes two or three rows;
//! `update` scrolls and maps clicks with the same measures.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::inner;
use super::text::{fit, width, wrap_at_most};
use super::{marks, pane_block};
use crate::tui::app::{App, Mode, Pane};

/// Lines a reason may take under its title.
const REASON_LINES: usize = 2;

/// The indent of a reason: as wide as the number before the title.
fn indent(i: usize) -> usize {
    width(&format!(" {}. ", i + 1))
}

fn cells(app: &App) -> usize {
    usize::from(inner(app.areas().next).width)
}

/// The reason of suggestion `i`, wrapped to the pane.
fn reason_lines(app: &App, i: usize, cells: usize) -> Vec<String> {
    wrap_at_most(
        &app.suggestions[i].reason,
        cells.saturating_sub(indent(i)).max(1),
        REASON_LINES,
    )
}

/// Rows suggestion `i` takes: its title and its reason.
fn rows(app: &App, i: usize, cells: usize) -> usize {
    1 + reason_lines(app, i, cells).len()
}

/// The first suggestion shown so that `cursor` is wholly visible in
/// `height` rows, moving as little as possible from `offset`.
pub fn offset(app: &App, offset: usize, cursor: usize, height: usize) -> usize {
    let n = app.suggestions.len();
    if n == 0 {
        return 0;
    }
    let cursor = cursor.min(n - 1);
    let cells = cells(app);
    let mut off = offset.min(cursor);
    while off < cursor && (off..=cursor).map(|i| rows(app, i, cells)).sum::<usize>() > height {
        off += 1;
    }
    // A taller pane (the terminal grew) shows as many as fit: draw and
    // clicks both start from here.
    while off > 0 && (off - 1..n).map(|i| rows(app, i, cells)).sum::<usize>() <= height {
        off -= 1;
    }
    off
}

/// How many suggestions a page of `height` rows holds from the current
/// offset (at least one).
pub fn per_page(app: &App, height: usize) -> usize {
    let cells = cells(app);
    let mut used = 0;
    let mut count = 0;
    for i in app.next_offset..app.suggestions.len() {
        used += rows(app, i, cells);
        if used > height {
            break;
        }
        count += 1;
    }
    count.max(1)
}

/// The suggestion drawn at row `dy` of the pane when `offset` is the first.
pub fn at_row(app: &App, offset: usize, dy: usize) -> Option<usize> {
    let cells = cells(app);
    let mut top = 0;
    for i in offset..app.suggestions.len() {
        top += rows(app, i, cells);
        if dy < top {
            return Some(i);
        }
    }
    None
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let block = pane_block(app, Pane::Next, " Next steps ".to_string());
    let inner = block.inner(area);
    block.render(area, buf);
    if app.suggestions.is_empty() {
        let text = if app.eval().overall.finished() == app.eval().overall.total() {
            "Everything is finished. Well done!"
        } else {
            "Nothing to suggest: finish a skill in progress or pick one by hand."
        };
        Paragraph::new(text)
            .style(t.dim())
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let height = usize::from(inner.height);
    let first = offset(app, app.next_offset, app.next_cursor, height);
    let focused = app.focus == Pane::Next && matches!(app.mode, Mode::Main);
    let cells = usize::from(inner.width);
    let mut y = 0;
    let mut shown = 0;
    for i in first..app.suggestions.len() {
        let reason = reason_lines(app, i, cells);
        if y + 1 + reason.len() > height {
            break;
        }
        shown += 1;
        let s = &app.suggestions[i];
        let status = app.states()[s.skill].status;
        let number = format!(" {}. ", i + 1);
        let room = cells.saturating_sub(width(&number) + 5);
        let mut title = Line::from(vec![
            Span::styled(number.clone(), t.dim()),
            Span::styled(status.mark(), t.status(status)),
            Span::raw(" "),
            Span::raw(fit(&app.roadmap.skills[s.skill].title, room)),
        ]);
        if focused && i == app.next_cursor {
            title = t.highlight(title, true);
        }
        let pad = " ".repeat(indent(i));
        let lines = std::iter::once(title).chain(
            reason
                .into_iter()
                .map(|part| Line::styled(format!("{pad}{part}"), t.dim())),
        );
        for line in lines {
            let row = inner.y + u16::try_from(y).unwrap_or(u16::MAX);
            line.render(Rect::new(inner.x, row, inner.width, 1), buf);
            y += 1;
        }
    }
    let (above, below) = marks::hidden(first, shown, app.suggestions.len());
    marks::render(t, area, above, below, buf);
}
