//! The search popup: the query and the ranked results with their status,
//! lock mark and stage.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{centered, follow, popup_space};
use super::skills::LOCK;
use super::text::{fit, width};
use super::{key_label, popup_block};
use crate::tui::action::Action;
use crate::tui::app::{App, SearchState};
use crate::tui::keymap::KeyMode;

fn popup_area(area: Rect) -> Rect {
    centered(popup_space(area), 90.min(area.width.saturating_sub(4)), 30)
}

/// Result rows visible at terminal size `size`.
pub fn list_height(size: (u16, u16)) -> usize {
    let popup = popup_area(Rect::new(0, 0, size.0, size.1));
    usize::from(popup.height.saturating_sub(4))
}

pub fn render(app: &App, search: &SearchState, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let popup = popup_area(area);
    let title = format!(
        "Search skills · {} jumps · {} cancels",
        key_label(app, KeyMode::Search, &Action::Enter),
        key_label(app, KeyMode::Search, &Action::Close)
    );
    let inner = popup_block(app, &title, popup, buf);
    if inner.height == 0 {
        return;
    }
    let cells = usize::from(inner.width);
    Line::from(vec![
        Span::styled(" / ", t.title()),
        Span::raw(fit(&search.query, cells.saturating_sub(5))),
        Span::styled("█", t.accent()),
    ])
    .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    let count = match search.results.len() {
        0 => " no skill matches (titles, ids, stages, descriptions and notes searched)".to_string(),
        1 => " 1 skill".to_string(),
        n if search.query.trim().is_empty() => format!(" {n} skills"),
        n => format!(" {n} skills · a matching stage first, then titles, notes, descriptions"),
    };
    Line::styled(count, t.dim()).render(
        Rect::new(inner.x, inner.y + 1, inner.width, 1).intersection(inner),
        buf,
    );
    let h = usize::from(inner.height.saturating_sub(2));
    let offset =
        follow(search.offset, search.cursor, h).min(search.results.len().saturating_sub(h));
    for (row, i) in (offset..search.results.len()).take(h).enumerate() {
        let skill = search.results[i];
        let s = &app.roadmap.skills[skill];
        let status = app.states()[skill].status;
        let lock = if !app.eval().unlocked[skill] && !status.is_finished() {
            format!("{LOCK} ")
        } else {
            String::new()
        };
        let place = format!(" {} · {}", s.id, app.roadmap.stages[s.stage].title);
        let place = fit(&place, cells / 2);
        // As `roadmap search` marks them.
        let note = if search.in_note.get(i) == Some(&true) {
            " (in your note)"
        } else {
            ""
        };
        let room = cells.saturating_sub(width(&place) + 6 + width(&lock) + width(note));
        let mut line = Line::from(vec![
            Span::raw(" "),
            Span::styled(status.mark(), t.status(status)),
            Span::raw(" "),
            Span::styled(lock, t.warn()),
            Span::raw(fit(&s.title, room)),
            Span::styled(note, t.accent()),
            Span::raw(" ".repeat(room.saturating_sub(width(&fit(&s.title, room))))),
            Span::styled(place, t.dim()),
        ]);
        if i == search.cursor {
            line = t.highlight(line, true);
        }
        let y = inner.y + 2 + u16::try_from(row).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
