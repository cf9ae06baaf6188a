//! The popup shown when the profile file cannot be read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::{centered, popup_space};
use super::popup_block;
use super::text::wrap;
use crate::tui::app::App;

pub fn unreadable(app: &App, error: &str, failure: Option<&str>, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let width = 72.min(area.width.saturating_sub(4));
    let cells = usize::from(width.saturating_sub(4));
    let text_lines = wrap(error, cells).len() + failure.map_or(0, |f| wrap(f, cells).len() + 1);
    let height = u16::try_from(text_lines + 7).unwrap_or(u16::MAX);
    let popup = centered(popup_space(area), width, height);
    let inner = popup_block(app, "Your profile cannot be read", popup, buf);
    let inner = inner.inner(ratatui::layout::Margin::new(1, 0));
    let mut lines = vec![
        Line::raw(error.to_string()),
        Line::default(),
        Line::raw("It was not changed, and will not be overwritten."),
        Line::default(),
        Line::from(vec![
            Span::styled("  m  ", t.title()),
            Span::raw("move it aside (renamed, never deleted) and start fresh"),
        ]),
        Line::from(vec![
            Span::styled("  q  ", t.title()),
            Span::raw("quit and leave it as it is"),
        ]),
    ];
    if let Some(f) = failure {
        lines.push(Line::default());
        lines.push(Line::styled(format!("Could not move it: {f}"), t.error()));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
