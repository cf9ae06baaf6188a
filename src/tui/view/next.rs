//! The ranked next steps with their reasons. Reasons wrap rather than
//! being cut (two lines at most), so a suggestion takes two or three rows;
//! an open choice is one entry ([▸]), and Enter or → shows its options under
//! it ([▾]), one row each. `update` scrolls and maps clicks with the same
//! measures.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::inner;
use super::skills::LOCK;
use super::text::{fit, width, wrap_at_most};
use super::{marks, pane_block};
use crate::model::Step;
use crate::tui::app::{App, Mode, NextItem, Pane};

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

/// Rows item `k` takes: a suggestion its title and its reason, an option
/// one.
fn rows(app: &App, k: usize, cells: usize) -> usize {
    match app.next_items()[k] {
        NextItem::Entry(i) => 1 + reason_lines(app, i, cells).len(),
        NextItem::Option { .. } => 1,
    }
}

/// The first item shown so that `cursor` is wholly visible in `height`
/// rows, moving as little as possible from `offset`.
pub fn offset(app: &App, offset: usize, cursor: usize, height: usize) -> usize {
    let n = app.next_items().len();
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

/// How many items a page of `height` rows holds from the current offset
/// (at least one).
pub fn per_page(app: &App, height: usize) -> usize {
    let cells = cells(app);
    let mut used = 0;
    let mut count = 0;
    for k in app.next_offset..app.next_items().len() {
        used += rows(app, k, cells);
        if used > height {
            break;
        }
        count += 1;
    }
    count.max(1)
}

/// The item drawn at row `dy` of the pane when `offset` is the first.
pub fn at_row(app: &App, offset: usize, dy: usize) -> Option<usize> {
    let cells = cells(app);
    let mut top = 0;
    for k in offset..app.next_items().len() {
        top += rows(app, k, cells);
        if dy < top {
            return Some(k);
        }
    }
    None
}

/// The row of the pane where item `k` starts when `offset` is the first.
pub fn top_of(app: &App, offset: usize, k: usize) -> Option<usize> {
    let cells = cells(app);
    (k >= offset).then(|| (offset..k).map(|j| rows(app, j, cells)).sum())
}

/// The lines of item `k`: a suggestion's title and reason, or an option.
fn item_lines(app: &App, k: usize, cells: usize, selected: bool) -> Vec<Line<'static>> {
    let t = app.theme;
    match app.next_items()[k] {
        NextItem::Entry(i) => {
            let number = format!(" {}. ", i + 1);
            let room = cells.saturating_sub(width(&number) + 4);
            let (mark, mark_style, title) = match app.suggestions[i].step {
                Step::Skill(s) => {
                    let status = app.states()[s].status;
                    (
                        status.mark().to_string(),
                        t.status(status),
                        app.roadmap.skills[s].title.clone(),
                    )
                }
                Step::Choice(c) => {
                    let open = app.expanded.contains(&c);
                    (
                        if open { "[▾]" } else { "[▸]" }.to_string(),
                        t.accent(),
                        app.roadmap.choices[c].title.clone(),
                    )
                }
            };
            let mut head = Line::from(vec![
                Span::styled(number, t.dim()),
                Span::styled(mark, mark_style),
                Span::raw(" "),
                Span::raw(fit(&title, room)),
            ]);
            if selected {
                head = t.highlight(head, true);
            }
            let pad = " ".repeat(indent(i));
            std::iter::once(head)
                .chain(
                    reason_lines(app, i, cells)
                        .into_iter()
                        .map(|part| Line::styled(format!("{pad}{part}"), t.dim())),
                )
                .collect()
        }
        NextItem::Option { entry, skill } => {
            let s = &app.roadmap.skills[skill];
            let status = app.states()[skill].status;
            let lock = if app.eval().unlocked[skill] {
                String::new()
            } else {
                format!("{LOCK} ")
            };
            let hours = s.hours.map(|h| format!(" · {h} h")).unwrap_or_default();
            let pad = " ".repeat(indent(entry) + 1);
            let room = cells.saturating_sub(width(&pad) + 4 + width(&lock) + width(&hours));
            let mut line = Line::from(vec![
                Span::raw(pad),
                Span::styled(status.mark(), t.status(status)),
                Span::raw(" "),
                Span::styled(lock, t.warn()),
                Span::raw(fit(&s.title, room)),
                Span::styled(hours, t.dim()),
            ]);
            if selected {
                line = t.highlight(line, true);
            }
            vec![line]
        }
    }
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
    for k in first..app.next_items().len() {
        let lines = item_lines(app, k, cells, focused && k == app.next_cursor);
        if y + lines.len() > height {
            break;
        }
        shown += 1;
        for line in lines {
            let row = inner.y + u16::try_from(y).unwrap_or(u16::MAX);
            line.render(Rect::new(inner.x, row, inner.width, 1), buf);
            y += 1;
        }
    }
    let (above, below) = marks::hidden(first, shown, app.next_items().len());
    marks::render(t, area, above, below, buf);
}
