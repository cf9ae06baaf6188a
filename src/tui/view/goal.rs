//! The prompt for the goal date (`D`): the date being typed, the goal set
//! now, and why a date was refused.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{centered, popup_space};
use super::text::{fit, wrap};
use super::{key_label, popup_block};
use crate::tui::action::Action;
use crate::tui::app::{App, GoalPrompt};
use crate::tui::keymap::KeyMode;

pub fn render(app: &App, prompt: &GoalPrompt, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let width = 64.min(area.width.saturating_sub(4));
    let cells = usize::from(width.saturating_sub(4)).max(1);
    let key = |a: Action| key_label(app, KeyMode::Goal, &a);
    let mut lines: Vec<Line> = Vec::new();
    let ask = format!(
        "Finish {} by (YYYY-MM-DD; empty clears the goal):",
        app.roadmap.title
    );
    lines.extend(wrap(&ask, cells).into_iter().map(Line::raw));
    lines.push(Line::from(vec![
        Span::styled(" > ", t.title()),
        Span::raw(fit(&prompt.text, cells.saturating_sub(4))),
        Span::styled("█", t.accent()),
    ]));
    let now = match &app.goal {
        Some(plan) => format!("now: {}", plan.summary()),
        None => "no goal is set now".to_string(),
    };
    lines.extend(
        wrap(&now, cells)
            .into_iter()
            .map(|l| Line::styled(l, t.dim())),
    );
    if let Some(e) = &prompt.error {
        lines.extend(
            wrap(e, cells)
                .into_iter()
                .map(|l| Line::styled(l, t.error())),
        );
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(popup_space(area), width, height);
    let title = format!(
        "Goal date · {} sets · {} cancels",
        key(Action::Enter),
        key(Action::Close)
    );
    let inner = popup_block(app, &title, popup, buf);
    Paragraph::new(lines).render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}
