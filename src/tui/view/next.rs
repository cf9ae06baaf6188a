//! The ranked suggestions with their reasons.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::list_offset;
use super::text::{fit, width};
use super::{marks, pane_block};
use crate::tui::app::{App, Mode, Pane};

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
    let per_page = usize::from(inner.height) / 2;
    let offset = list_offset(
        app.next_offset,
        app.next_cursor,
        app.suggestions.len(),
        per_page,
    );
    let (above, below) = marks::hidden(offset, per_page, app.suggestions.len());
    marks::render(t, area, above, below, buf);
    let focused = app.focus == Pane::Next && matches!(app.mode, Mode::Main);
    let cells = usize::from(inner.width);
    for (row, i) in (offset..app.suggestions.len()).take(per_page).enumerate() {
        let s = &app.suggestions[i];
        let status = app.states()[s.skill].status;
        let number = format!(" {}. ", i + 1);
        let room = cells.saturating_sub(width(&number) + 5);
        let mut first = Line::from(vec![
            Span::styled(number.clone(), t.dim()),
            Span::styled(status.mark(), t.status(status)),
            Span::raw(" "),
            Span::raw(fit(&app.roadmap.skills[s.skill].title, room)),
        ]);
        if focused && i == app.next_cursor {
            first = t.highlight(first, true);
        }
        let indent = " ".repeat(width(&number));
        let second = Line::styled(
            format!(
                "{indent}{}",
                fit(&s.reason, cells.saturating_sub(indent.len()))
            ),
            t.dim(),
        );
        let y = inner.y + u16::try_from(row * 2).unwrap_or(0);
        first.render(Rect::new(inner.x, y, inner.width, 1), buf);
        second.render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
    }
}
